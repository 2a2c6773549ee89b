class Program {
    static void Main() {
        var x = 5;
        const int N = 3, M = N * 2;
        int a, b = 1, c;
        string s = null;
        char[] cs = new char[N];
        Program p = new Program();
        long total = x + N;
    }
}
