// exit: 3
// stderr: System.IndexOutOfRangeException
// A string index out of range after an await fails with exit 3.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<char> CharAt(string s, int i) {
        await Task.Delay(2);
        return s[i];
    }

    static async Task Main() {
        Console.WriteLine(await CharAt("flux", 3));
        Console.WriteLine(await CharAt("flux", 4));
    }
}
