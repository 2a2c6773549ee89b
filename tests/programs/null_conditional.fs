// The null-conditional operator: a?.B on fields of null and non-null objects, chains written a?.B?.C, with ??, void calls as statements (skipped on null), the target evaluated once (Make, Self).
using System;

class Node {
    public string Name;
    public Node Next;
    public Node(string name, Node next) { Name = name; Next = next; }

    public void Hello() { Console.WriteLine("hello from " + Name); }
    public Node Self() { Console.WriteLine("Self of " + Name); return this; }
}

class Program {
    static int made;
    static Node Make(bool real) { made++; return real ? new Node("made" + made, null) : null; }

    static void Main() {
        Node a = new Node("a", new Node("b", null));
        Node none = null;
        Console.WriteLine(a?.Name);
        Console.WriteLine(none?.Name == null);
        Console.WriteLine(a.Next?.Name ?? "(no name)");
        Console.WriteLine(a.Next.Next?.Name ?? "(end)");
        Console.WriteLine(a?.Next?.Next?.Name ?? "(end again)");
        string s = null;
        Console.WriteLine(s?.ToString() == null);
        a?.Hello();
        none?.Hello();
        Make(true)?.Hello();
        Make(false)?.Hello();
        Console.WriteLine(made);
        Console.WriteLine(a.Self()?.Name);
        int[] arr = null;
        Console.WriteLine((arr?.ToString() ?? "no array"));
    }
}
