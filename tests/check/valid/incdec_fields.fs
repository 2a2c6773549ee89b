using System;

class Counter {
    public int n;
    public static int total;
    public long big;
}

class Program {
    static void Main() {
        Counter c = new Counter();
        c.n++;
        ++c.n;
        Counter.total++;
        c.big--;
        c.n += 3;
        Counter.total += c.n;
        Console.WriteLine(c.n + Counter.total + c.big);
    }
}
