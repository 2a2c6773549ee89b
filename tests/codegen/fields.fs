using System;
class Counter {
    private int count;
    public static int made = 0;
    public Counter(int start) { count = start; made++; }
    public int Next() { count++; return count; }
}
class Program {
    static void Main() {
        Counter c = new Counter(40);
        c.Next();
        Console.WriteLine(c.Next() + Counter.made);
    }
}
