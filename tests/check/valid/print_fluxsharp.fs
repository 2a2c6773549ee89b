using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        print("hello");
        print(42);
        print(true);
        int x = 5;
        print(x + 1);
    }
}
