// break and continue in for, while and do-while, and in nested loops (affecting only the innermost); continue in for still runs the increment.
using System;

class Program {
    static void Main() {
        for (int i = 0; i < 10; i++) {
            if (i % 2 == 0) continue;
            if (i > 7) break;
            Console.Write(i + " ");
        }
        Console.WriteLine();
        int w = 0;
        while (true) {
            w++;
            if (w < 3) continue;
            if (w == 5) break;
            Console.Write("w" + w + " ");
        }
        Console.WriteLine();
        int d = 0;
        do {
            d++;
            if (d == 2) continue;
            Console.Write("d" + d + " ");
        } while (d < 4);
        Console.WriteLine();
        int pairs = 0;
        for (int a = 0; a < 5; a++) {
            for (int b = 0; b < 5; b++) {
                if (b > a) break;
                if (b == 1) continue;
                pairs++;
            }
        }
        Console.WriteLine("pairs " + pairs);
        int found = -1;
        for (int a = 2; a < 100; a++) {
            bool prime = true;
            for (int b = 2; b * b <= a; b++) {
                if (a % b == 0) { prime = false; break; }
            }
            if (!prime) continue;
            if (a > 90) { found = a; break; }
        }
        Console.WriteLine("first prime above 90: " + found);
    }
}
