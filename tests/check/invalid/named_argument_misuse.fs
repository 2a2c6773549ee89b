class Program {
    static int Box(int width, int height) { return width * 100 + height; }
    static T Same<T>(T x) { return x; }
    static int F() { return 1; }
    static void Main() {
        int a = Box(width: 1, depth: 2);
        int b = Box(1, width: 2);
        int c = Box(width: 1, 2);
        int d = Box(height: 1);
        int e = Box(height: F(), width: F());
        int f = Same(y: 3);
        Console.WriteLine(text: 3);
        Console.WriteLine(arg0: 1, format: "{0}");
        string s = string.Format(format: "{0}", arg0: 1);
        int g = Box(width: 1, height: 2);
    }
}
