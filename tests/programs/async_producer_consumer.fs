// A producer and a consumer coordinating through a shared buffer, polling with Yield and Delay.
using System;
using System.Threading.Tasks;

class Buffer {
    public int[] items = new int[4];
    public int count;
    public bool closed;
}

class Program {
    static async Task Produce(Buffer b, int n) {
        for (int i = 1; i <= n; i++) {
            while (b.count == b.items.Length) await Task.Yield();
            b.items[b.count] = i * i;
            b.count++;
            if (i % 3 == 0) await Task.Delay(2);
        }
        b.closed = true;
        Console.WriteLine("producer closed");
    }

    static async Task<long> Consume(Buffer b) {
        long sum = 0;
        int taken = 0;
        while (!b.closed || b.count > 0) {
            if (b.count == 0) {
                await Task.Delay(1);
                continue;
            }
            b.count--;
            sum += b.items[b.count];
            taken++;
            await Task.Yield();
        }
        Console.WriteLine("consumer took " + taken);
        return sum;
    }

    static async Task Main() {
        Buffer b = new Buffer();
        Task p = Produce(b, 10);
        Task<long> c = Consume(b);
        await p;
        Console.WriteLine("sum " + await c);
    }
}
