// The ?: operator: nesting (right-associative), as a value of every type, with side effects only in the chosen branch.
using System;

class Program {
    static int Say(int v) {
        Console.WriteLine("evaluated " + v);
        return v;
    }

    static string Sign(int x) {
        return x < 0 ? "negative" : x == 0 ? "zero" : "positive";
    }

    static void Main() {
        Console.WriteLine(Sign(-5));
        Console.WriteLine(Sign(0));
        Console.WriteLine(Sign(7));
        int r = true ? Say(1) : Say(2);
        Console.WriteLine(r);
        r = false ? Say(3) : Say(4);
        Console.WriteLine(r);
        long l = r > 3 ? 5000000000L : 1;
        Console.WriteLine(l);
        char c = r % 2 == 0 ? 'E' : 'O';
        Console.WriteLine(c);
        bool b = r > 0 ? r < 10 : false;
        Console.WriteLine(b);
        string s = null;
        Console.WriteLine((s == null ? "was null" : s) + "!");
    }
}
