class Program {
    static void Main() {
        for (int i = 0; i < 3; i++) Console.Write(i);
        for (int i = 0, j = 10; i < j; i++, j--) { }
        int k;
        for (k = 0, Console.WriteLine("start"); k < 2; k += 1) { }
        for (;;) { break; }
        for (var m = 0; ; ) { break; }
    }
}
