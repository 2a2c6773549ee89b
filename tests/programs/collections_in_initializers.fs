// Collections made only by initializers: a static field's (run by the entry), an instance field's (run by the constructor) and a base constructor's argument; the library classes they need are kept for each (lower/reach.rs).
using System;
using System.Collections.Generic;
class Memo {
    static Dictionary<int, long> memo = new Dictionary<int, long>();
    List<string> items = new List<string>();
    public static long Fib(int n) {
        if (n < 2) return n;
        if (memo.ContainsKey(n)) return memo[n];
        long v = Fib(n - 1) + Fib(n - 2);
        memo[n] = v;
        return v;
    }
    public void Add(string s) { items.Add(s); }
    public int Count => items.Count;
}
class Base { protected Stack<int> s; public Base(Stack<int> s) { this.s = s; } }
class Derived : Base { public Derived() : base(new Stack<int>()) { s.Push(1); } public int N => s.Count; }
class Program {
    static void Main() {
        Console.WriteLine(Memo.Fib(50));
        var m = new Memo(); m.Add("a"); Console.WriteLine(m.Count);
        Console.WriteLine(new Derived().N);
    }
}
