using System.Threading.Tasks;

class Program {
    static async Task<int> F() {
        await Task.Yield();
        return "x";
    }
    static async Task<string> G() {
        return;
    }
    static async Task Main() { }
}
