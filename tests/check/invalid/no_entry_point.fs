class Program {
    static void Run() { }
}
