// FluxSharp's print(x) prints any type followed by a newline, like Console.WriteLine.
using System;

class Program {
    static void Main() {
        print("text");
        print(42);
        print(-7000000000L);
        print(true);
        print('c');
        string n = null;
        print(n);
        print("sum " + (1 + 2));
        print($"interpolated {3 * 3}");
    }
}
