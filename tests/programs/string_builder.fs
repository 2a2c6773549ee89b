// StringBuilder (lib/Text.fs): Append of every kind chained, AppendLine,
// Insert, Remove, Clear, the indexer, Length set to drop the last comma, and
// .NET's exceptions and messages on a bad index or range.
using System;
using System.Text;

class Program {
    static void Main() {
        StringBuilder sb = new StringBuilder();
        sb.Append("a").Append(1).Append('c').Append(true).Append(2L).AppendLine("!").AppendLine();
        sb.Insert(0, "<").Append(">");
        Console.WriteLine(sb.ToString() + sb.Length);
        var csv = new StringBuilder("n:");
        for (int i = 0; i < 40; i++) csv.Append(i).Append(",");
        csv.Length--;
        Console.WriteLine(csv);
        Console.WriteLine(csv.Length + " " + csv[2] + " " + csv);
        csv[0] = 'N';
        csv.Remove(1, 1).Clear().Append('x', 3).Append((string)null);
        Console.WriteLine("[" + csv + "] " + sb);
        string built = "" + new StringBuilder("héllo").Append('✓');
        Console.WriteLine(built + " " + built.Length);
        try {
            char c = sb[99];
        } catch (IndexOutOfRangeException e) {
            Console.WriteLine(e.Message);
        }
        try {
            sb.Remove(2, 99);
        } catch (ArgumentOutOfRangeException e) {
            Console.WriteLine(e.Message);
        }
    }
}
