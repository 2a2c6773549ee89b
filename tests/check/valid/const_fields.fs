using System;

class Config {
    public const int Size = Other * 2;
    public const int Other = 4;
    public const string Name = "cfg";
    const long Big = 1L << 40;
    public static long GetBig() { return Big; }
}

class Program {
    static void Main() {
        int[] a = new int[Config.Size];
        Console.WriteLine(a.Length);
        Console.WriteLine(Config.Name + Config.GetBig());
    }
}
