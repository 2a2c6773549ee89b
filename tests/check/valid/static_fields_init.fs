using System;

class Registry {
    public static int count = 10;
    public static string name = "reg" + count;
    public static int[] slots = new int[count];
    public static Registry instance = new Registry();
    public int id = 7;
}

class Program {
    static void Main() {
        Console.WriteLine(Registry.name + Registry.slots.Length + Registry.instance.id);
    }
}
