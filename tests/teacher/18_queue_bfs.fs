using System;
using System.Collections.Generic;
class Program {
    static void Main() {
        int[][] edges = { new int[] { 1, 2 }, new int[] { 3 }, new int[] { 3 }, new int[0] };
        var seen = new bool[4];
        var queue = new Queue<int>();
        queue.Enqueue(0);
        seen[0] = true;
        while (queue.Count > 0) {
            int node = queue.Dequeue();
            Console.Write(node + " ");
            foreach (int next in edges[node]) {
                if (!seen[next]) { seen[next] = true; queue.Enqueue(next); }
            }
        }
        Console.WriteLine();
    }
}
