class Program {
    static int Main(int x) { return 0; }
    void Main2() { }
}
