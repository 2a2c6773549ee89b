using System;

class Node {
    public int value;
    public Node next;
    public Node(int v, Node n) { value = v; next = n; }
    public Node Next() { return next; }
}

class Program {
    static void Main() {
        Node list = new Node(1, new Node(2, new Node(3, null)));
        Console.WriteLine(list.Next().Next().value + list.next.value);
        int sum = 0;
        for (Node n = list; n != null; n = n.next) sum += n.value;
        Console.WriteLine(sum);
    }
}
