using System;
class Node<T> {
    public T Value;
    public Node<T> Next;
    public Node(T value) { Value = value; }
}
class LinkedList2<T> {
    private Node<T> head;
    private int count;
    public void AddFirst(T value) { var n = new Node<T>(value); n.Next = head; head = n; count++; }
    public int Count => count;
    public void Print() {
        for (var n = head; n != null; n = n.Next) Console.Write(n.Value + " -> ");
        Console.WriteLine("null");
    }
}
class Program {
    static void Main() {
        var list = new LinkedList2<int>();
        for (int i = 1; i <= 3; i++) list.AddFirst(i);
        list.Print();
        Console.WriteLine(list.Count + " nodes; first is null? " + (list == null));
    }
}
