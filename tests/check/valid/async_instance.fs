using System;
using System.Threading.Tasks;

class Worker {
    int done;
    public async Task<int> Run(int n) {
        for (int i = 0; i < n; i++) {
            await Task.Yield();
            done++;
        }
        return done;
    }
    public virtual async Task Step() { await Task.Delay(1); }
}

class Fast : Worker {
    public override async Task Step() { await Task.Yield(); }
}

class Program {
    static async Task Main() {
        Worker w = new Fast();
        await w.Step();
        Console.WriteLine(await w.Run(3));
    }
}
