// finally runs on every way out of its try: the normal end, return (after the value is computed), break, continue, and an exception on its way to an outer catch.
using System;

class Program {
    static int calls = 0;

    static int Next() {
        calls++;
        Console.WriteLine("computing " + calls);
        return calls;
    }

    static int Returns(int x) {
        try {
            if (x > 0) return Next() * 10;
            Console.WriteLine("no return inside");
        } finally {
            Console.WriteLine("finally of Returns(" + x + "), calls = " + calls);
        }
        return -1;
    }

    static void Throws() {
        try {
            try {
                Console.WriteLine("about to throw");
                throw new InvalidOperationException("inner");
            } finally {
                Console.WriteLine("inner finally");
            }
        } finally {
            Console.WriteLine("outer finally");
        }
    }

    static void Main() {
        Console.WriteLine(Returns(1));
        Console.WriteLine(Returns(0));
        for (int i = 0; i < 4; i++) {
            try {
                if (i == 1) continue;
                if (i == 3) break;
                Console.WriteLine("body " + i);
            } finally {
                Console.WriteLine("finally " + i);
            }
        }
        try {
            Throws();
        } catch (InvalidOperationException e) {
            Console.WriteLine("caught " + e.Message);
        } finally {
            Console.WriteLine("last finally");
        }
        int assigned;
        try {
            assigned = 1;
        } finally {
            Console.WriteLine("in finally");
        }
        Console.WriteLine(assigned);
    }
}
