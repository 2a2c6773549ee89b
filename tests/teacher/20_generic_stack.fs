using System;
class MyStack<T> {
    private T[] items = new T[8];
    private int count;
    public void Push(T item) { items[count++] = item; }
    public T Pop() {
        if (count == 0) throw new InvalidOperationException("empty");
        return items[--count];
    }
    public bool IsEmpty => count == 0;
}
class Program {
    static void Main() {
        var s = new MyStack<string>();
        s.Push("a"); s.Push("b");
        while (!s.IsEmpty) Console.WriteLine(s.Pop());
        try { s.Pop(); } catch (InvalidOperationException e) { Console.WriteLine("caught: " + e.Message); }
    }
}
