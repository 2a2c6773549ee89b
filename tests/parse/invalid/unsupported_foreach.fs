class P {
    static void Main() {
        int[] xs = { 1, 2 };
        foreach (int x in xs) Console.WriteLine(x);
        foreach (var y in xs) { foreach (var z in xs) { } }
    }
}
