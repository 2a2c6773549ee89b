using System;
using System.Threading.Tasks;

class Program {
    static async void Fire(string s) {
        await Task.Delay(1);
        Console.WriteLine(s);
    }
    static async Task Main() {
        Fire("a");
        await Task.Delay(5);
    }
}
