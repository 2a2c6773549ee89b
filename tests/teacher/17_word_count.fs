using System;
using System.Collections.Generic;
class Program {
    static void Main() {
        string[] words = { "to", "be", "or", "not", "to", "be" };
        var counts = new Dictionary<string, int>();
        foreach (string w in words) {
            if (counts.ContainsKey(w)) counts[w]++;
            else counts.Add(w, 1);
        }
        foreach (KeyValuePair<string, int> pair in counts)
            Console.WriteLine($"{pair.Key}: {pair.Value}");
    }
}
