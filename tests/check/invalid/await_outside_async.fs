using System;
using System.Threading.Tasks;

class Program {
    static int F() { await Task.Yield(); return 1; }
    static void Main() {
        await Task.Delay(1);
    }
}
