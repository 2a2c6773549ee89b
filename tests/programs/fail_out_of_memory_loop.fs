// exit: 6
// stderr: System.OutOfMemoryException
// Keeping 4 MB arrays alive in a linked list until the heap is exhausted fails with OutOfMemoryException (exit 6).
using System;

class Chunk {
    public int[] data;
    public Chunk next;
}

class Program {
    static void Main() {
        Console.WriteLine("allocating");
        Chunk head = null;
        while (true) {
            Chunk c = new Chunk();
            c.data = new int[1000000];
            c.next = head;
            head = c;
        }
    }
}
