using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        int a, b, c;
        a = b = c = 4;
        int d = (a = 5) + a;
        int[] arr = new int[2];
        arr[0] = arr[1] = 3;
        Console.WriteLine(a + b + c + d + arr[0]);
    }
}
