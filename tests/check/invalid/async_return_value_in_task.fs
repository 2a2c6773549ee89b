using System;
using System.Threading.Tasks;

class Program {
    static async Task F() { await Task.Yield(); return 1; }
    static void Main() {
        
    }
}
