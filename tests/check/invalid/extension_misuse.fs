static class Helpers {
    public static int Second(int a, this int b) { return b; }
    public int NotStatic(this int a) { return a; }
    public static int Twice(this int n) { return 2 * n; }
}
class Plain {
    public static int Half(this int n) { return n / 2; }
}
static class Native {
    static extern int Call(int x);
}
class Program {
    static void Main() {
        int x = 3.Twice();
        string s = "abc".Twice();
        int y = x.Nothing();
    }
}
class Other {
    public int NotStaticHere(this int a) { return a; }
}
