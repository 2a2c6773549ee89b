// Lesson 01: calls, stack frames and callee-saved register saves.
//
// Watch how each call pushes a return address, how a function saves the
// callee-saved registers (rbx, r12-r15) it uses for its locals in its
// prologue, and how it restores them in its epilogue before `ret`.
using System;

class Program {
    static int Square(int x) {
        return x * x;
    }

    static int SumOfSquares(int n) {
        int total = 0;
        for (int i = 1; i <= n; i++) {
            total += Square(i);
        }
        return total;
    }

    static int Factorial(int n) {
        if (n <= 1) {
            return 1;
        }
        return n * Factorial(n - 1);
    }

    static void Main() {
        int s = SumOfSquares(4);
        Console.WriteLine("1*1 + 2*2 + 3*3 + 4*4 = " + s);
        Console.WriteLine("5! = " + Factorial(5));
    }
}
