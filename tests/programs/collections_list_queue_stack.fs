// List<T>, Queue<T> and Stack<T> from lib/Collections.fs: their operations, foreach over each (a Stack from the top), the exceptions on misuse with mono's messages, a List of Lists.
using System;
using System.Collections.Generic;

class Program {
    static void Main() {
        var list = new List<int>();
        for (int i = 1; i <= 10; i++) list.Add(i * i);
        Console.WriteLine(list.Count);
        Console.WriteLine(list[3]);
        list[3] = -1;
        list[4] += 100;
        list.Insert(0, 7);
        list.RemoveAt(2);
        Console.WriteLine(list.Contains(-1) + " " + list.IndexOf(49) + " " + list.Remove(7));
        foreach (int x in list) Console.Write(x + " ");
        Console.WriteLine();
        Console.WriteLine(list);
        var names = new List<string>();
        names.Add("Ada"); names.Add("Grace"); names.Add("Linus");
        foreach (var n in names) Console.WriteLine(n.Length + ":" + n);
        Console.WriteLine(names.Contains("Grace"));

        var q = new Queue<string>();
        q.Enqueue("a"); q.Enqueue("b"); q.Enqueue("c");
        Console.WriteLine(q.Dequeue() + q.Peek() + q.Count);
        for (int i = 0; i < 6; i++) q.Enqueue("x" + i);
        while (q.Count > 0) Console.Write(q.Dequeue() + ",");
        Console.WriteLine();

        var s = new Stack<int>();
        s.Push(1); s.Push(2); s.Push(3);
        foreach (var v in s) Console.Write(v);
        Console.WriteLine(" " + s.Pop() + s.Peek() + s.Count);

        var ages = new Dictionary<string, int>();
        ages["bob"] = 30;
        ages.Add("alice", 25);
        ages["carol"] = 41;
        ages["bob"] += 1;
        Console.WriteLine(ages["bob"] + " " + ages.Count + " " + ages.ContainsKey("alice") + " " + ages.ContainsKey("zed"));
        ages.Remove("alice");
        ages["dave"] = 19;
        foreach (var kv in ages) Console.WriteLine(kv.Key + " = " + kv.Value);
        foreach (var kv in ages) Console.WriteLine(kv);
        foreach (string k in ages.Keys) Console.Write(k + ";");
        Console.WriteLine();
        var squares = new Dictionary<int, int>();
        for (int i = 0; i < 100; i++) squares[i] = i * i;
        int sum = 0;
        foreach (var v in squares.Values) sum += v;
        Console.WriteLine(sum + " " + squares[99]);
        try { Console.WriteLine(ages["nobody"]); } catch (KeyNotFoundException e) { Console.WriteLine(e.Message); }
        try { list.Add(list[100]); } catch (ArgumentOutOfRangeException e) { Console.WriteLine(e.Message); }
        try { foreach (var x in list) list.Add(x); } catch (InvalidOperationException e) { Console.WriteLine(e.Message); }
        try { new Queue<int>().Dequeue(); } catch (InvalidOperationException e) { Console.WriteLine(e.Message); }
        try { ages.Add("bob", 1); } catch (ArgumentException e) { Console.WriteLine(e.Message); }
        var grid = new List<List<int>>();
        grid.Add(new List<int>()); grid[0].Add(5);
        Console.WriteLine(grid[0][0]);
    }
}
