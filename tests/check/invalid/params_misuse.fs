class Program {
    static void NotLast(params int[] xs, int y) { }
    static void NotArray(params int x) { }
    static void WithDefault(params int[] xs = null) { }
    static int Sum(params int[] xs) { return xs.Length; }
    static void Main() {
        int a = Sum(1, "two", 3);
        int b = Sum(new long[] { 1 });
    }
}
