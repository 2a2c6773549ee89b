class A {
    public int X { get; set; }
}

class Program { static void Main() { } }
