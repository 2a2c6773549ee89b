class Program {
    static void Main() {
        int max = int.MaxValue;
        long min = long.MinValue;
        string e = string.Empty;
        Console.WriteLine(int.MaxValue + 1);
        Console.WriteLine("abc".Length);
        Console.WriteLine("abc"[1]);
    }
}
