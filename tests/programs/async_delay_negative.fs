// exit: 1
// stderr: System.ArgumentOutOfRangeException
// A delay below -1 is an error in C#: Task.Delay throws ArgumentOutOfRangeException (output already written stays).
using System;
using System.Threading.Tasks;

class Program {
    static async Task Main() {
        Console.WriteLine("before");
        await Task.Delay(-2);
        Console.WriteLine("never printed");
    }
}
