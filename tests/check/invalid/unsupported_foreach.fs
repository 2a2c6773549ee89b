using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        int[] a = new int[2];
        foreach (int x in a) { }
    }
}
