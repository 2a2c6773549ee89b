// An exception thrown after an await travels through the task and out of the await, where a try/catch takes it; the method goes on after the catch, and the other tasks print meanwhile.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> Fetch(int id) {
        await Task.Delay(10 * id);
        if (id % 2 == 0) throw new InvalidOperationException("no record " + id);
        Console.WriteLine("fetched " + id);
        return id * 100;
    }

    static async Task<int> FetchOrZero(int id) {
        int value = 0;
        try {
            value = await Fetch(id);
            Console.WriteLine("got " + value);
        } catch (InvalidOperationException e) {
            Console.WriteLine("FetchOrZero(" + id + ") caught: " + e.Message);
        }
        Console.WriteLine("FetchOrZero(" + id + ") goes on with " + value);
        return value;
    }

    static async Task Ticker() {
        for (int i = 0; i < 4; i++) {
            await Task.Delay(15);
            Console.WriteLine("tick " + i);
        }
    }

    static async Task Main() {
        Task ticker = Ticker();
        Task<int> a = FetchOrZero(1);
        Task<int> b = FetchOrZero(2);
        Task<int> c = FetchOrZero(3);
        int sum = await a + await b + await c;
        Console.WriteLine("sum " + sum);
        await ticker;
        try {
            await Fetch(4);
        } catch (Exception e) {
            Console.WriteLine("Main caught: " + e.Message);
        }
    }
}
