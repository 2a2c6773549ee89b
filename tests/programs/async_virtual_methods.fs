// Virtual and overridden async methods: dispatch on the run-time class, base calls awaited from the override.
using System;
using System.Threading.Tasks;

class Fetcher {
    public virtual async Task<string> Fetch(int id) {
        await Task.Delay(2);
        return "item" + id;
    }
}

class CachingFetcher : Fetcher {
    private int hits;

    public override async Task<string> Fetch(int id) {
        if (id == 0) {
            hits++;
            return "cached";
        }
        string s = await base.Fetch(id);
        return s + "!";
    }

    public int Hits() { return hits; }
}

class Program {
    static async Task Main() {
        Fetcher[] fs = new Fetcher[] { new Fetcher(), new CachingFetcher() };
        for (int i = 0; i < fs.Length; i++) {
            Console.WriteLine(await fs[i].Fetch(0) + " " + await fs[i].Fetch(7));
        }
        CachingFetcher c = (CachingFetcher)fs[1];
        Console.WriteLine("hits " + c.Hits());
    }
}
