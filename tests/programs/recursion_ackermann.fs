// Ackermann's function for small arguments, and mutual recursion (IsEven/IsOdd), Tower of Hanoi move counting.
using System;

class Program {
    static int Ack(int m, int n) {
        if (m == 0) return n + 1;
        if (n == 0) return Ack(m - 1, 1);
        return Ack(m - 1, Ack(m, n - 1));
    }

    static bool IsEven(int n) { return n == 0 ? true : IsOdd(n - 1); }
    static bool IsOdd(int n) { return n == 0 ? false : IsEven(n - 1); }

    static int moves = 0;

    static void Hanoi(int n, char from, char to, char via) {
        if (n == 0) return;
        Hanoi(n - 1, from, via, to);
        moves++;
        if (n == 4) Console.WriteLine("move disk 4 from " + from + " to " + to);
        Hanoi(n - 1, via, to, from);
    }

    static void Main() {
        Console.WriteLine(Ack(0, 0));
        Console.WriteLine(Ack(1, 2));
        Console.WriteLine(Ack(2, 3));
        Console.WriteLine(Ack(3, 3));
        Console.WriteLine(IsEven(10) + " " + IsOdd(7) + " " + IsEven(333));
        Hanoi(10, 'A', 'C', 'B');
        Console.WriteLine("moves " + moves);
    }
}
