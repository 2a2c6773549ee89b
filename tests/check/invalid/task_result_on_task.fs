using System.Threading.Tasks;

class Program {
    static async Task Main() {
        Task t = Task.Delay(1);
        int r = t.Result;
        Task.Run(1);
    }
}
