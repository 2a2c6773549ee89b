// ref and out: parameters that name the caller's variable (a local, an
// element, a field, a static), int.TryParse and Dictionary.TryGetValue with
// `out int n` and `out var`, ref across awaits of the caller, and a callee
// that moves a loop's index (its bounds checks stay).
using System;
using System.Collections.Generic;
using System.Threading.Tasks;

class Counter {
    public int Count;
    public static int Total;
}

class Program {
    static void Swap(ref int a, ref int b) {
        int t = a;
        a = b;
        b = t;
    }
    static bool Divide(int a, int b, out int quotient, out int remainder) {
        if (b == 0) {
            quotient = 0;
            remainder = 0;
            return false;
        }
        quotient = a / b;
        remainder = a % b;
        return true;
    }
    static void Bump(ref int x) { x++; x += 10; Twice(ref x); }
    static void Twice(ref int x) { x = x * 2; }
    static void Name(out string s) { s = "named"; }
    void Also(out int v) { v = 41; }
    // `out var` after `?.` takes its type too (mcs cannot compile it in an async method).
    static void NullConditionalOut() {
        Program nobody = null;
        nobody?.Also(out var unset);
    }
    // `out var`: the variable takes the parameter's type.
    static string DivideByZero() {
        bool ok = Divide(1, 0, out var q, out var r);
        return ok + " " + q + " " + r;
    }
    static int Parse(string s) {
        if (int.TryParse(s, out int n)) return n;
        return -1;
    }

    // A callee that changes the loop's index: no bounds check may be dropped.
    static int Skip(int[] a) {
        int sum = 0;
        for (int i = 0; i < a.Length; i++) {
            sum += a[i];
            Twice(ref i);
        }
        return sum;
    }
    static string Overrun(int[] a) {
        try {
            for (int i = 0; i < a.Length; i++) {
                Bump(ref i);
                a[i] = 0;
            }
            return "no";
        } catch (IndexOutOfRangeException e) {
            return e.Message;
        }
    }

    static async Task<int> Later(int v) {
        await Task.Delay(1);
        return v;
    }

    static async Task Main() {
        int x = 1, y = 2;
        Swap(ref x, ref y);
        Console.WriteLine(x + " " + y);
        if (Divide(17, 5, out int q, out int r)) Console.WriteLine(q + " r " + r);
        Console.WriteLine(DivideByZero() + " " + q);
        int[] a = { 1, 2, 3 };
        Swap(ref a[0], ref a[2]);
        Console.WriteLine(a[0] + "," + a[1] + "," + a[2]);
        var c = new Counter();
        Bump(ref c.Count);
        Bump(ref Counter.Total);
        Console.WriteLine(c.Count + " " + Counter.Total);
        Name(out string s);
        Console.WriteLine(s);
        NullConditionalOut();
        int set = 0;
        new Program()?.Also(out set);
        Console.WriteLine(set);
        Console.WriteLine(Parse("42") + " " + Parse("x") + " " + Parse(" -7 ") + " " + Parse("99999999999"));
        var ages = new Dictionary<string, int> { { "ann", 31 } };
        if (ages.TryGetValue("ann", out int age)) Console.WriteLine("ann is " + age);
        Console.WriteLine(ages.TryGetValue("bob", out age) + " " + age);
        int total = await Later(5);
        for (int i = 0; i < 3; i++) {
            Bump(ref total);
            total += await Later(i);
        }
        Console.WriteLine(total);
        for (int i = 0; i < a.Length; i++) {
            Swap(ref i, ref a[0]);
        }
        Console.WriteLine(a[0]);
        Console.WriteLine(Skip(new int[] { 1, 2, 3, 4, 5, 6, 7, 8 }) + " " + Overrun(new int[3]));
    }
}
