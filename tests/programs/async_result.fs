// t.Result of a completed Task<T> returns its value (also several times, and from a synchronous method).
using System;
using System.Threading.Tasks;

class Program {
    static async Task<string> Name() {
        await Task.Delay(1);
        return "flux";
    }

    static int LengthOf(Task<string> t) {
        return t.Result.Length;
    }

    static async Task Main() {
        Task<string> t = Name();
        await t;
        Console.WriteLine(t.Result);
        Console.WriteLine(t.Result + t.Result);
        Console.WriteLine(LengthOf(t));
    }
}
