using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        ;
        int x = 0;
        if (x == 0) ;
        for (; x < 2; x++) ;
        while (x > 5) ;
        Console.WriteLine(x);
    }
}
