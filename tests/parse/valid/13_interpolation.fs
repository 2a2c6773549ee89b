class Program {
    static void Main() {
        int x = 3;
        string name = "flux";
        Console.WriteLine($"x = {x}");
        Console.WriteLine($"{name}: {x * 2 + 1} {{braces}} {x > 2}");
        Console.WriteLine($"nested {$"inner {x}"} done");
        Console.WriteLine($"");
    }
}
