// Operand order with awaits: in await A() + await B(), B is not even started before A's task completes.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> Op(string name, int ms) {
        Console.WriteLine("start " + name);
        await Task.Delay(ms);
        Console.WriteLine("end " + name);
        return ms;
    }

    static async Task Main() {
        int r = await Op("A", 10) + await Op("B", 1);
        Console.WriteLine(r);
        Task<int> a = Op("C", 10);
        Task<int> b = Op("D", 1);
        Console.WriteLine(await a + await b);
    }
}
