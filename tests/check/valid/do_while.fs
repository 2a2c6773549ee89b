using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        int i = 0;
        do {
            i += 2;
        } while (i < 10);
        do i--; while (i > 5);
        Console.WriteLine(i);
    }
}
