// `??=`: assigns only when the target is null (a local, a static field, a field
// of a local); the right side is not evaluated otherwise.
using System;
class Node {
    public string Label;
    public Node Next;
}
class Program {
    static string cache;
    static string Load() { Console.WriteLine("loading"); return "data"; }
    static void Main() {
        string name = null;
        name ??= "anonymous";
        name ??= "ignored";
        Console.WriteLine(name);
        cache ??= Load();
        cache ??= Load();
        Console.WriteLine(cache);
        Node n = new Node();
        n.Label ??= "first";
        n.Label ??= "second";
        Console.WriteLine(n.Label);
    }
}
