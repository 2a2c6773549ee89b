using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> V(int x) {
        await Task.Yield();
        return x;
    }
    static async Task Main() {
        int a = await V(1) + await V(2);
        if (await V(3) > 2) Console.WriteLine("yes");
        while (await V(0) > 1) { }
        Console.WriteLine("sum " + await V(a));
        Console.WriteLine(await V(await V(7)));
        int[] arr = new int[await V(2)];
        arr[await V(0)] = await V(9);
        bool b = await V(1) > 0 && await V(2) > 0;
        int c = b ? await V(1) : await V(2);
        Console.WriteLine(arr[0] + c);
    }
}
