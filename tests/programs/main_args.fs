// Main(string[] args): with no arguments given, args is an empty array (four ways;
// tests/cli.rs passes arguments after `--` and to the native build).
class Program {
    static void Main(string[] args) {
        Console.WriteLine(args.Length);
        for (int i = 0; i < args.Length; i++) {
            Console.WriteLine(args[i] + "!");
        }
    }
}
