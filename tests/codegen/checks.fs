using System;
class Node { public Node next; public int value; }
class Program {
    static int Divide(int a, int b) { return a / b; }
    static void Main() {
        Node n = new Node();
        Console.WriteLine(n.value + Divide(10, 3));
        Console.WriteLine(n.next.value);
    }
}
