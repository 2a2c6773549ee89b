// Nested blocks and scoping: the same name in sibling blocks and loops, locals hiding fields, this.field.
using System;

class Thing {
    public int value = 1;

    public int Shadow(int value) {
        int r = value * 10 + this.value;
        {
            int inner = r + 1;
            r = inner;
        }
        {
            int inner = r * 2;
            r = inner;
        }
        return r;
    }
}

class Program {
    static int x = 100;

    static void Main() {
        {
            int a = 1;
            Console.WriteLine(a);
        }
        {
            int a = 2;
            Console.WriteLine(a);
        }
        for (int i = 0; i < 2; i++) {
            int t = i * 3;
            Console.Write(t + " ");
        }
        for (int i = 5; i < 7; i++) {
            string t = "s" + i;
            Console.Write(t + " ");
        }
        Console.WriteLine();
        int x = 7;
        Console.WriteLine(x + " " + Program.x);
        Thing th = new Thing();
        Console.WriteLine(th.Shadow(4));
    }
}
