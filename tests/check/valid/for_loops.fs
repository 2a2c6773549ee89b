using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        int sum = 0;
        for (int i = 0; i < 10; i++) sum += i;
        for (int i = 0, j = 10; i < j; i++, j--) sum += j - i;
        int k;
        for (k = 0; k < 3; k++) { }
        for (;;) { sum++; if (sum > 100) break; }
        Console.WriteLine(sum + k);
    }
}
