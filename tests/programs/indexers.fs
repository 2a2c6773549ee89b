// Indexers (this[int i], the property Item): get and set bodies, += and ++ through both accessors, the receiver and the index evaluated once (Make() and Next() print or count).
using System;

class Grid {
    private int[] cells;
    private int width;
    public Grid(int width, int height) { this.width = width; cells = new int[width * height]; }
    public int this[int i] {
        get { return cells[i]; }
        set { cells[i] = value; }
    }
}

class Squares {
    public int Reads;
    public int this[int i] {
        get { Reads++; return i * i; }
    }
}

class Log {
    private string[] lines = new string[8];
    private int count;
    public string this[int i] {
        get { return lines[i]; }
        set { Console.WriteLine("set [" + i + "] = " + value); lines[i] = value; if (i >= count) count = i + 1; }
    }
    public int Count => count;
}

class Program {
    static int calls;
    static int Next() { calls++; return calls; }
    static Log made;
    static Log Make() { Console.WriteLine("Make"); return made; }

    static void Main() {
        var g = new Grid(3, 2);
        g[4] = 5;
        g[2] = g[4] * 2;
        g[4] += 10;
        g[2]++;
        Console.WriteLine(g[4] + " " + g[2] + " " + g[0]);
        var s = new Squares();
        int sum = 0;
        for (int i = 0; i < 5; i++) sum += s[i];
        Console.WriteLine(sum + " after " + s.Reads + " reads");
        made = new Log();
        made[0] = "a";
        Make()[Next()] += "b";
        Make()[Next()] += "c";
        Console.WriteLine(made.Count + " " + made[1] + " " + made[2] + " " + calls);
    }
}
