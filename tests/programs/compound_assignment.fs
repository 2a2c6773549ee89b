// Compound assignments += -= *= /= %= <<= >>= &= |= ^= on locals, fields, static fields, array elements and strings.
using System;

class Box {
    public int v;
    public static long total;
}

class Program {
    static void Main() {
        int x = 10;
        x += 5;
        Console.WriteLine(x);
        x -= 3;
        Console.WriteLine(x);
        x *= 4;
        Console.WriteLine(x);
        x /= 5;
        Console.WriteLine(x);
        x %= 4;
        Console.WriteLine(x);
        x <<= 4;
        x |= 3;
        x &= 50;
        x ^= 7;
        Console.WriteLine(x);
        Box b = new Box();
        b.v += 7;
        b.v *= 6;
        Console.WriteLine(b.v);
        Box.total += 5000000000L;
        Box.total -= 1;
        Console.WriteLine(Box.total);
        int[] arr = new int[3];
        arr[1] += 9;
        arr[1] *= arr[1];
        arr[2] -= 1;
        Console.WriteLine(arr[0] + " " + arr[1] + " " + arr[2]);
        long l = 3;
        l += x;
        Console.WriteLine(l);
        string s = "a";
        s += "b";
        s += 1;
        s += 'c';
        s += true;
        Console.WriteLine(s);
        int i = 0;
        arr[i++] += 100;
        Console.WriteLine(arr[0] + " " + i);
    }
}
