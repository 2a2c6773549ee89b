using System.Threading.Tasks;

class Box {
    public int Value { get; set; }
    public Box() { }
    public Box(ref int x) { }
}

class Program {
    static async Task Later(ref int x) { await Task.Yield(); }
    static void Set(out int x) { }
    static void Early(out int x) {
        int y = x;
        x = 1;
    }
    static void Maybe(bool b, out int x) {
        if (b) return;
        x = 2;
    }
    static void Inc(ref int x) { x++; }
    static void Two(ref int x, int y) { x += y; }
    static void Wide(ref long x) { }
    static async Task<int> One() { await Task.Yield(); return 1; }
    static async Task Main() {
        int n = 0;
        long l = 0;
        Inc(n);
        Inc(out n);
        Wide(ref n);
        Set(ref n);
        Inc(ref 5);
        var refused = new Box(ref n);
        var b = new Box();
        Inc(ref b.Value);
        Console.WriteLine(ref n);
        Two(ref n, await One());
        Set(out int fresh);
        Set(out int fresh);
    }
}
