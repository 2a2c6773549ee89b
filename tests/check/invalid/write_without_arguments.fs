using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        Console.WriteLine("{0}", 1);
        Console.Write();
    }
}
