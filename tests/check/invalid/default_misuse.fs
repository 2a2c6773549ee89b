class Program {
    static void Take(int x) { }
    static void Main() {
        var x = default;
        Take(default);
        int y = default(void);
    }
}
