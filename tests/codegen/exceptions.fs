using System;

class Program {
    static int Half(int x) {
        if (x % 2 != 0) throw new ArgumentException("odd: " + x);
        return x / 2;
    }

    static void Main() {
        for (int i = 1; i < 4; i++) {
            try {
                Console.WriteLine(Half(i));
                if (i == 2) break;
            } catch (ArgumentException e) {
                Console.WriteLine(e.Message);
            } finally {
                Console.WriteLine("done " + i);
            }
        }
    }
}
