using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        int[] a = new int[] { 1, "two", 3 };
        int[] b = new int[2L];
        string[] c = new string["3"];
    }
}
