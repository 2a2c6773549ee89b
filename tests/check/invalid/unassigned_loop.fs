using System;
using System.Threading.Tasks;

class Program {
    static bool F() { return true; }
    static void Main() {
        int x;
        while (F()) x = 1;
        Console.WriteLine(x);
        int y;
        for (int i = 0; i < 3; i++) y = i;
        y++;
    }
}
