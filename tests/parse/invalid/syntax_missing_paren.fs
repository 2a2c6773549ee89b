class P {
    static void Main() {
        Console.WriteLine("a", 1;
    }
}
