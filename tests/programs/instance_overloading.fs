// Overloaded instance methods and constructors, called with this implicit and explicit.
using System;

class Acc {
    public long sum;

    public void Add(int x) { sum += x; Console.WriteLine("Add(int)"); }
    public void Add(long x) { sum += x; Console.WriteLine("Add(long)"); }
    public void Add(int x, int times) { for (int i = 0; i < times; i++) Add(x); }
    public void AddTwice(long x) { this.Add(x); Add(x); }
}

class Program {
    static void Main() {
        Acc a = new Acc();
        a.Add(1);
        a.Add(10000000000L);
        a.Add(2, 3);
        a.AddTwice(5);
        Console.WriteLine(a.sum);
    }
}
