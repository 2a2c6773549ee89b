// && and || evaluate their right operand only when needed; side effects prove it.
using System;

class Program {
    static int count = 0;

    static bool T(string tag) {
        count++;
        Console.WriteLine("T " + tag);
        return true;
    }

    static bool F(string tag) {
        count++;
        Console.WriteLine("F " + tag);
        return false;
    }

    static void Main() {
        Console.WriteLine(F("a") && T("b"));
        Console.WriteLine(T("c") || F("d"));
        Console.WriteLine(T("e") && F("f"));
        Console.WriteLine(F("g") || T("h"));
        Console.WriteLine(F("i") && T("j") || T("k"));
        Console.WriteLine(T("l") || F("m") && F("n"));
        string s = null;
        if (s != null && s.Length > 0) Console.WriteLine("not reached");
        if (s == null || s.Length == 0) Console.WriteLine("null or empty");
        int[] arr = new int[2];
        int i = 5;
        if (i < arr.Length && arr[i] == 0) Console.WriteLine("not reached");
        Console.WriteLine("calls: " + count);
    }
}
