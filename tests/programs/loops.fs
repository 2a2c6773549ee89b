// while, do-while (body runs at least once), for (with empty parts), nested loops.
using System;

class Program {
    static void Main() {
        int i = 0;
        while (i < 3) {
            Console.Write(i + " ");
            i++;
        }
        Console.WriteLine();
        int j = 10;
        do {
            Console.WriteLine("do body runs with j=" + j);
            j++;
        } while (j < 5);
        int k = 0;
        do { k += 2; } while (k < 7);
        Console.WriteLine(k);
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b <= a; b++) Console.Write(a * b + " ");
        }
        Console.WriteLine();
        int n = 0;
        for (; n < 4; ) n++;
        Console.WriteLine(n);
        int steps = 0;
        for (;;) {
            steps++;
            if (steps == 6) break;
        }
        Console.WriteLine(steps);
        long total = 0;
        for (long x = 1; x <= 100000; x *= 10) total += x;
        Console.WriteLine(total);
    }
}
