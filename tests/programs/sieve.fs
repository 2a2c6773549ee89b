// Sieve of Eratosthenes up to 100000 with a bool array: count, first and last primes.
using System;

class Program {
    static void Main() {
        int n = 100000;
        bool[] composite = new bool[n + 1];
        int count = 0;
        int last = 0;
        for (int i = 2; i <= n; i++) {
            if (!composite[i]) {
                count++;
                last = i;
                for (long j = (long)i * i; j <= n; j += i) composite[(int)j] = true;
            }
        }
        Console.WriteLine("primes up to " + n + ": " + count);
        Console.WriteLine("largest: " + last);
        string first = "";
        for (int i = 2; i < 50; i++) if (!composite[i]) first = first + i + " ";
        Console.WriteLine(first);
    }
}
