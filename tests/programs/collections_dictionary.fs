// Dictionary<TKey, TValue>: insertion order, a removed entry's slot reused first, Keys and Values, counting words and chars, int keys, and KeyNotFoundException, ArgumentException, ArgumentNullException and a change during foreach.
using System;
using System.Collections.Generic;

class Program {
    static void Show(Dictionary<string, int> d) {
        foreach (var kv in d) Console.Write(kv.Key + "=" + kv.Value + " ");
        Console.WriteLine("(" + d.Count + ")");
    }

    static void Main() {
        var d = new Dictionary<string, int>();
        d["one"] = 1; d["two"] = 2; d["three"] = 3; d["four"] = 4; d["five"] = 5;
        Show(d);
        d.Remove("two");
        d.Remove("four");
        Show(d);
        d["six"] = 6;
        d["seven"] = 7;
        d["eight"] = 8;
        Show(d);
        Console.WriteLine(d.Remove("nine") + " " + d.ContainsValue(7) + " " + d.ContainsValue(2));
        d["one"] = 100;
        Show(d);
        foreach (string k in d.Keys) Console.Write(k + " ");
        Console.WriteLine();
        foreach (int v in d.Values) Console.Write(v + " ");
        Console.WriteLine();
        d.Clear();
        Show(d);
        d["again"] = 1;
        Show(d);

        string[] words = { "the", "quick", "brown", "fox", "jumps", "over", "the", "lazy", "dog", "the", "end" };
        var counts = new Dictionary<string, int>();
        foreach (var w in words) {
            if (counts.ContainsKey(w)) counts[w]++;
            else counts[w] = 1;
        }
        foreach (var kv in counts) Console.WriteLine(kv.Key + ": " + kv.Value);

        var byId = new Dictionary<int, string>();
        for (int i = 0; i < 50; i++) byId.Add(i * 7919 % 1000, "n" + i);
        int total = 0;
        foreach (var kv in byId) total += kv.Key;
        Console.WriteLine(byId.Count + " " + total + " " + byId[7919 % 1000]);
        for (int i = 0; i < 50; i += 2) byId.Remove(i * 7919 % 1000);
        Console.WriteLine(byId.Count + " " + byId.ContainsKey(0) + " " + byId.ContainsKey(7919 % 1000));

        var chars = new Dictionary<char, int>();
        foreach (char c in "mississippi") {
            if (chars.ContainsKey(c)) chars[c] += 1; else chars.Add(c, 1);
        }
        foreach (var kv in chars) Console.Write(kv + " ");
        Console.WriteLine();

        try { var x = byId[-5]; } catch (KeyNotFoundException e) { Console.WriteLine(e.Message); }
        try { d.Add("again", 2); } catch (ArgumentException e) { Console.WriteLine(e.Message); }
        string nothing = null;
        try { d[nothing] = 1; } catch (ArgumentNullException e) { Console.WriteLine(e.Message); }
        try { foreach (var kv in d) d["new"] = 5; } catch (InvalidOperationException e) { Console.WriteLine(e.Message); }
        Console.WriteLine(d);
    }
}
