class Worker {
    public async Task<int> Compute(int n) {
        await Task.Delay(n);
        return n * 2;
    }
    public async void Fire() { await Task.Yield(); }
}

class Program {
    static async Task Main() {
        Worker w = new Worker();
        Task<int> t1 = w.Compute(10);
        Task<int> t2 = w.Compute(5);
        await Task.WhenAll(t1, t2);
        int sum = await t1 + await t2;
        if (await w.Compute(1) > 1) Console.WriteLine(t1.Result);
        while (!t2.IsCompleted) await Task.Yield();
        Task done = Task.CompletedTask;
        int r = await Task.FromResult(4);
        w.Fire();
    }
}
