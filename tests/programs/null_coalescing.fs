// The ?? operator with strings and class references; the right side is evaluated only when the left is null.
using System;

class Node {
    public string name;
    public Node(string n) { name = n; }
}

class Program {
    static string Fallback() {
        Console.WriteLine("fallback evaluated");
        return "fallback";
    }

    static void Main() {
        string a = null;
        string b = "set";
        Console.WriteLine(a ?? "default");
        Console.WriteLine(b ?? "default");
        Console.WriteLine(b ?? Fallback());
        Console.WriteLine(a ?? Fallback());
        string c = null;
        Console.WriteLine(a ?? c ?? "last");
        Node n = null;
        Node m = n ?? new Node("created");
        Console.WriteLine(m.name);
        Node k = m ?? new Node("not created");
        Console.WriteLine(k.name);
        Console.WriteLine((a ?? "x") + (b ?? "y"));
    }
}
