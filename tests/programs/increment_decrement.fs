// Prefix and postfix ++ and -- on locals, fields, static fields and array elements: the value each expression yields.
using System;

class Counter {
    public int n;
    public static int shared = 100;
}

class Program {
    static void Main() {
        int i = 5;
        Console.WriteLine(i++);
        Console.WriteLine(i);
        Console.WriteLine(++i);
        Console.WriteLine(i--);
        Console.WriteLine(--i);
        Console.WriteLine(i);
        int j = i++ + ++i;
        Console.WriteLine(j + " " + i);
        Counter c = new Counter();
        c.n++;
        ++c.n;
        Console.WriteLine(c.n++ + " " + c.n);
        Counter.shared--;
        Console.WriteLine(--Counter.shared);
        int[] a = new int[] { 10, 20, 30 };
        int k = 0;
        a[k++]++;
        ++a[k];
        Console.WriteLine(a[0] + " " + a[1] + " " + a[2] + " k=" + k);
        long l = long.MaxValue;
        l++;
        Console.WriteLine(l);
        char ch = 'a';
        ch++;
        Console.WriteLine(ch);
        ch--;
        ch--;
        Console.WriteLine(ch);
    }
}
