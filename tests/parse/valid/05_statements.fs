class Program {
    static void Main() {
        int i = 0;
        while (i < 10) { i++; if (i == 3) continue; if (i > 7) break; }
        do { i--; } while (i > 0);
        if (i == 0) Console.WriteLine("zero");
        else if (i < 0) Console.WriteLine("negative");
        else { Console.WriteLine("positive"); }
        ;
        { int scoped = 1; scoped += 1; }
        return;
    }
}
