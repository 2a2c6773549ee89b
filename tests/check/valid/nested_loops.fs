using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                if (j == i) continue;
                if (j > i) break;
                Console.Write(i * 10 + j);
                Console.Write(' ');
            }
        }
        Console.WriteLine();
    }
}
