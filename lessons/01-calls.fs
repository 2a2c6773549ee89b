//! title: Calls, stack frames and callee-saved registers
//! goal: see a call push the return address and the callee's prologue build its frame
//! goal: see a function save the callee-saved registers its locals live in, and restore them
//! goal: see recursion stack one frame per call
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

//@ on start: The CPU starts in the runtime's _start. Press n to go to the next source line, s for one instruction, a to the next save or restore of a callee-saved register, b to go back.
//@ on line 33: Main calls SumOfSquares(4): the argument goes in edi (System V: the first argument register), then `call` pushes the return address. Press s to step into it.
//@ on line 18: SumOfSquares keeps `total` and `i` in callee-saved registers: its prologue pushed them first, so the caller gets them back unchanged. Look at the Stack pane.
//@ on line 20: Each call to Square pushes a return address, and Square's prologue pushes rbp: a new frame on top of SumOfSquares's.
//@ on line 22: The epilogue pops the saved registers in reverse order, then `ret` pops the return address into rip.
//@ on line 29: Factorial calls itself: every call adds a frame (return address, saved rbp, saved rbx for n). Step with s and watch rsp go down.
//@ on end: The program exited with code 0. Press r to start again, or b to walk back through the calls.
//! stops: save, restore, output
