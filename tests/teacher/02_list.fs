using System;
using System.Collections.Generic;
class Program {
    static void Main() {
        List<int> xs = new List<int>();
        xs.Add(3);
        Console.WriteLine(xs.Count);
    }
}
