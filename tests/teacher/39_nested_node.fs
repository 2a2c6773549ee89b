// A linked stack with its node class nested inside it, as the textbook writes it.
using System;

namespace DataStructures
{
    class IntStack
    {
        private class Node
        {
            public int Value;
            public Node Next;
            public Node(int value, Node next) { Value = value; Next = next; }
        }

        private Node top;
        public int Count { get; private set; }

        public void Push(int value)
        {
            top = new Node(value, top);
            Count++;
        }

        public int Pop()
        {
            if (top == null) throw new InvalidOperationException("Stack empty.");
            int value = top.Value;
            top = top.Next;
            Count--;
            return value;
        }
    }

    class Program
    {
        static void Main()
        {
            var stack = new IntStack();
            for (int i = 1; i <= 4; i++) stack.Push(i * i);
            Console.WriteLine("Count: " + stack.Count);
            while (stack.Count > 0) Console.Write(stack.Pop() + " ");
            Console.WriteLine();
            Console.WriteLine(stack);
            try { stack.Pop(); }
            catch (InvalidOperationException e) { Console.WriteLine(e.Message); }
        }
    }
}
