// C# 6 allows await in catch and finally: the catch suspends, the exception it caught waits in the frame, and throw; after the await rethrows it to the caller's await.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> Fails() {
        await Task.Delay(5);
        throw new InvalidOperationException("first failure");
    }

    static async Task<int> Logs() {
        try {
            return await Fails();
        } catch (InvalidOperationException e) {
            Console.WriteLine("logging " + e.Message);
            await Task.Delay(20);
            Console.WriteLine("logged, rethrowing");
            throw;
        } finally {
            await Task.Yield();
            Console.WriteLine("Logs finally");
        }
    }

    static async Task Other() {
        for (int i = 0; i < 3; i++) {
            await Task.Delay(8);
            Console.WriteLine("other " + i);
        }
    }

    static async Task Main() {
        Task other = Other();
        try {
            Console.WriteLine(await Logs());
        } catch (Exception e) {
            Console.WriteLine("Main caught: " + e.Message);
        }
        await other;
    }
}
