using System.Collections.Generic;

class Point { public int X; public int Y; }

class Program {
    static int Sum(List<int> xs) { return xs.Count; }
    static void Main() {
        int n = Sum(new List<int> { 1, 2 });
        var mixed = new List<int> { 1, X = 2 };
        var point = new Point { X = 1, 2 };
        var noAdd = new Point { 1, 2 };
        var noIndexer = new Point { [0] = 1 };
        var wrongName = new Point { Z = 3 };
        var wrongType = new List<int> { "one" };
    }
}
