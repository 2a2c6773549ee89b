using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        int i = 0;
        while (i < 10) {
            i++;
            if (i == 3) continue;
            if (i == 8) break;
            Console.WriteLine(i);
        }
    }
}
