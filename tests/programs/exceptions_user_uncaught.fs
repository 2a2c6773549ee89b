// exit: 1
// stderr: Unhandled exception. QuotaExceeded: quota of 3 exceeded
// A user exception class nobody catches ends the program as .NET does: its name, its message, exit 1; finally blocks on the way still run.
using System;

class QuotaExceeded : Exception {
    public QuotaExceeded(int quota) : base("quota of " + quota + " exceeded") { }
}

class Program {
    static void Use(int n) {
        try {
            if (n > 3) throw new QuotaExceeded(3);
            Console.WriteLine("used " + n);
        } finally {
            Console.WriteLine("released " + n);
        }
    }

    static void Main() {
        for (int i = 1; i < 10; i++) {
            Use(i);
        }
    }
}
