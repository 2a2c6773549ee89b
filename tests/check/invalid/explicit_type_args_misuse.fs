class Program {
    static T Identity<T>(T x) { return x; }
    static int Plain(int x) { return x; }
    static T Make<T>() where T : class { return null; }
    static void Main() {
        int a = Identity<int, int>(5);
        int b = Plain<int>(5);
        int c = Identity<string>(5);
        int d = Make<int>();
    }
}
