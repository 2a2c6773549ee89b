using System;
class Program {
    static void Main() {
        int[] a = new int[2];
        try {
            a[5] = 1;
        } catch (IndexOutOfRangeException) {
            Console.WriteLine("caught");
        } finally {
            Console.WriteLine("done");
        }
    }
}
