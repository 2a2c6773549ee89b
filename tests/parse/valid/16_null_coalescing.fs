class Node {
    public Node next;
    public string label;
}

class Program {
    static void Main() {
        Node n = new Node();
        string s = n.label ?? n.next.label ?? "none";
        Node m = n.next ?? n;
        bool ok = n != null && n.next == null;
    }
}
