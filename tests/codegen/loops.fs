using System;
class Program {
    static void Main() {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            if (i == 3) continue;
            if (i > 7) break;
            sum += i;
        }
        int j = 0;
        while (j < 3 && sum > 0) { j++; }
        do { j--; } while (j > 0);
        Console.WriteLine(sum + j);
    }
}
