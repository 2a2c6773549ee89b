using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        Console.WriteLine("using lines accepted");
    }
}
