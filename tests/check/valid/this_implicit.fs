using System;

class Counter {
    int count;
    public void Add(int n) { count += n; Log(); }
    void Log() { Console.WriteLine("count " + count); }
    public int Get() { return this.count; }
    public Counter Self() { return this; }
}

class Program {
    static void Main() {
        Counter c = new Counter();
        c.Add(2);
        c.Self().Add(3);
        Console.WriteLine(c.Get());
    }
}
