// exit: 1
// stderr: Unhandled exception. TimeoutError: gave up after 3 tries
// A user exception thrown deep in a chain of async methods, caught and rethrown on the way, faults every task up to Main, which ends the program with it.
using System;
using System.Threading.Tasks;

class TimeoutError : Exception {
    public TimeoutError(string message) : base(message) { }
}

class Program {
    static async Task Attempt(int n) {
        await Task.Delay(n);
        throw new TimeoutError("attempt " + n + " timed out");
    }

    static async Task Retry() {
        for (int n = 1; n <= 3; n++) {
            try {
                await Attempt(n);
            } catch (TimeoutError e) {
                Console.WriteLine(e.Message);
            }
        }
        throw new TimeoutError("gave up after 3 tries");
    }

    static async Task Wrap() {
        try {
            await Retry();
        } catch (TimeoutError) {
            Console.WriteLine("Wrap rethrows");
            throw;
        }
    }

    static async Task Main() {
        await Wrap();
        Console.WriteLine("never printed");
    }
}
