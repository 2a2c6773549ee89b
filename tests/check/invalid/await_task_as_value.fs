using System.Threading.Tasks;

class Program {
    static async Task Main() {
        int x = await Task.Delay(1);
        Task<int> t = Task.Delay(2);
        Task y = Task.Yield();
    }
}
