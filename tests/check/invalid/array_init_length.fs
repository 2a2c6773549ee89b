using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        int[] a = new int[3] { 1, 2 };
    }
}
