// List<T>.Sort() (a generic extension method of lib/Collections.fs, so List<T> of any T is still a List) and string.Join over a List, a Queue and a Stack.
using System;
using System.Collections.Generic;

class Program {
    static void Main() {
        var numbers = new List<int> { 42, -7, 19, 0, 19, 3 };
        numbers.Sort();
        Console.WriteLine(string.Join(", ", numbers));
        var names = new List<string> { "pear", "Apple", "banana", "apple" };
        names.Sort();
        Console.WriteLine(string.Join(" ", names));
        var prices = new List<double> { 2.5, 0.99, 10, 1.25 };
        prices.Sort();
        Console.WriteLine(string.Join(" | ", prices));
        var queue = new Queue<string>();
        queue.Enqueue("first");
        queue.Enqueue("second");
        Console.WriteLine(string.Join(" then ", queue));
        var stack = new Stack<char>();
        stack.Push('a');
        stack.Push('b');
        stack.Push('c');
        Console.WriteLine(string.Join("", stack));
        Console.WriteLine("[" + string.Join(",", new List<int>()) + "]");
        try {
            foreach (int n in numbers) {
                if (n == 3) numbers.Sort();
            }
        } catch (InvalidOperationException e) {
            Console.WriteLine(e.Message);
        }
    }
}
