using System;
using System.Collections.Generic;

class Program {
    static void Main() {
        string text = "the cat and the hat sat on the mat and the cat sat";
        var counts = new Dictionary<string, int>();
        foreach (string word in text.Split(' ')) {
            if (counts.TryGetValue(word, out int n)) {
                counts[word] = n + 1;
            } else {
                counts[word] = 1;
            }
        }
        foreach (var pair in counts) {
            Console.WriteLine($"{pair.Key,-4} {new string('*', pair.Value)} ({pair.Value})");
        }
        var common = new List<string>();
        foreach (var pair in counts) {
            if (pair.Value > 1) common.Add(pair.Key.ToUpper());
        }
        Console.WriteLine("repeated: " + string.Join(", ", common.ToArray()));
    }
}
