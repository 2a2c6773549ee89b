// Compute-bound benchmark: the sieve of Eratosthenes to 10 million; prints the
// number of primes (664579). Valid C# too: benches/native.rs runs it under mono.
using System;

class Program {
    static void Main() {
        int n = 10000000;
        bool[] composite = new bool[n + 1];
        int count = 0;
        for (int p = 2; p <= n; p++) {
            if (!composite[p]) {
                count++;
                if (p <= n / p) {
                    for (int m = p * p; m <= n; m += p) {
                        composite[m] = true;
                    }
                }
            }
        }
        Console.WriteLine(count);
    }
}
