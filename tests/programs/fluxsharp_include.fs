// oracle: skip — FluxSharp-only: using "file.fsh"; includes other files, relative to the including file, nested
using System;
using "include/mathlib.fsh";

class Program {
    static void Main() {
        Console.WriteLine(MathLib.Cube(3));
        Console.WriteLine(Strs.Bracket("included"));
        Console.WriteLine(Strs.Bracket("" + MathLib.Cube(-2)));
    }
}
