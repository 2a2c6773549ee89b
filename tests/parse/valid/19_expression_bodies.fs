class Program {
    int value;
    public Program(int v) => value = v;
    int Get() => value;
    void Show() => Console.WriteLine(value);
    static async Task<int> Later() => await Task.FromResult(1);
    static async Task Wait() => await Task.Delay(1);
}
