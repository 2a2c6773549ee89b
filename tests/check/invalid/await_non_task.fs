using System.Threading.Tasks;

class Program {
    static async Task Main() {
        int x = 5;
        await x;
    }
}
