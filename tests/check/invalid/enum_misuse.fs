// C#'s errors about enums: an int is not an enum without a cast (CS0266),
// no `*` on enums (CS0019), a member the enum does not have (CS0117), a
// member declared twice (CS0102), a non-constant value, and an underlying
// type other than int (not supported by Flux#).
using System;
enum Color { Red, Green, Red }
enum Small : long { A }
enum Bad { A = "x" }
class Program {
    static void Main() {
        Color c = 1;
        Color d = Color.Green * 2;
        Color e = Color.Purple;
        int i = Color.Green;
        Console.WriteLine(c + d);
    }
}
