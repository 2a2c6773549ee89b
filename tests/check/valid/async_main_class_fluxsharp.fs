using System.Threading.Tasks;

class Main {
    async Task<int> Get() {
        await Task.Delay(1);
        return 4;
    }

    void main() {
        Task<int> t = Get();
        print("started");
    }
}
