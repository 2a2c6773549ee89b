// exit: 3
// stderr: System.IndexOutOfRangeException
// throw; rethrows the exception a catch caught, unchanged, to the next handler out; throw e; of a caught one throws it again from the new line; a catch that throws a new exception replaces it.
using System;

class Program {
    static void Inner(int mode) {
        try {
            int[] a = new int[1];
            a[mode + 1] = 5;
        } catch (IndexOutOfRangeException e) {
            Console.WriteLine("inner sees: " + e.Message);
            if (mode == 0) throw;
            if (mode == 1) throw e;
            throw new InvalidOperationException("replaced");
        }
    }

    static void Main() {
        for (int mode = 0; mode < 3; mode++) {
            try {
                Inner(mode);
            } catch (IndexOutOfRangeException e) {
                Console.WriteLine("outer caught the same: " + e.Message);
            } catch (Exception e) {
                Console.WriteLine("outer caught another: " + e.Message);
            }
        }
        try {
            Inner(0);
        } catch {
            Console.WriteLine("bare catch");
        }
        Inner(0);
    }
}
