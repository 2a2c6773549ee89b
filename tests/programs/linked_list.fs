// A singly linked list of class nodes: building, traversing, reversing in place, null as the end marker.
using System;

class Node {
    public int value;
    public Node next;
    public Node(int value, Node next) { this.value = value; this.next = next; }
}

class Program {
    static string Show(Node n) {
        string s = "";
        while (n != null) {
            s += n.value;
            if (n.next != null) s += "->";
            n = n.next;
        }
        return s;
    }

    static Node Reverse(Node head) {
        Node prev = null;
        while (head != null) {
            Node next = head.next;
            head.next = prev;
            prev = head;
            head = next;
        }
        return prev;
    }

    static void Main() {
        Node list = null;
        for (int i = 5; i >= 1; i--) list = new Node(i, list);
        Console.WriteLine(Show(list));
        list = Reverse(list);
        Console.WriteLine(Show(list));
        int count = 0;
        for (Node n = list; n != null; n = n.next) count++;
        Console.WriteLine(count);
        Console.WriteLine("[" + Show(null) + "]");
    }
}
