class Node {
    public int Count;
    public Node Next;
    public void Touch() { }
    public Node Self() { return this; }
}

class Program {
    static void Main() {
        Node n = null;
        int c = n?.Count;
        var chain = n?.Next.Next;
        int x = 3;
        var y = x?.ToString();
        var t = n?.Touch();
        n?.Missing();
        var afterCall = n?.Self().Count;
    }
}
