// exit: 7
// stderr: System.StackOverflowException
// Infinite mutual recursion between virtual instance methods fails with StackOverflowException (exit 7).
using System;

class Ping {
    public Pong other;
    public virtual int Hit(int n) { return other.Hit(n + 1); }
}

class Pong {
    public Ping other;
    public virtual int Hit(int n) { return other.Hit(n + 1) + 1; }
}

class Program {
    static void Main() {
        Ping a = new Ping();
        Pong b = new Pong();
        a.other = b;
        b.other = a;
        Console.WriteLine("start");
        Console.WriteLine(a.Hit(0));
    }
}
