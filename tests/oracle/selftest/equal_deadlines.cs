// §7: timers due at the same virtual time fire in registration order; Delay(0) does not suspend.
using System;
using System.Threading.Tasks;

class Program {
    static async Task Sleeper(int id, int ms) {
        await Task.Delay(ms);
        Console.WriteLine("sleeper " + id + " at " + FluxOracle.VirtualTime.Now);
    }

    static async Task NoSuspend() {
        Console.WriteLine("before Delay(0)");
        await Task.Delay(0);
        await Task.Delay(0);
        Console.WriteLine("after two Delay(0), same turn");
    }

    static async Task Main() {
        Task t3 = Sleeper(3, 10);
        Task t1 = Sleeper(1, 10);
        Task t0 = Sleeper(0, 5);
        Task t2 = Sleeper(2, 10);
        Task n = NoSuspend();
        Console.WriteLine("NoSuspend completed: " + n.IsCompleted);
        await Task.WhenAll(t3, t1, t0, t2);
        Console.WriteLine("all done at " + FluxOracle.VirtualTime.Now);
    }
}
