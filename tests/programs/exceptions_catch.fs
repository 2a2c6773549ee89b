// Catch clauses in order: the first whose class the exception is or derives from runs; e.Message; a bare catch; the run-time checks throw catchable exceptions.
using System;

class NegativeError : ArgumentException {
    public int Value;
    public NegativeError(int value) : base("negative: " + value) { Value = value; }
}

class Program {
    static int Check(int x) {
        if (x < 0) throw new NegativeError(x);
        if (x == 0) throw new ArgumentException();
        if (x > 100) throw new InvalidOperationException("too big");
        return x;
    }

    static void Try(int x) {
        try {
            Console.WriteLine("checked " + Check(x));
        } catch (NegativeError e) {
            Console.WriteLine("NegativeError " + e.Value + ": " + e.Message);
        } catch (ArgumentException e) {
            Console.WriteLine("ArgumentException: " + e.Message);
        } catch {
            Console.WriteLine("something else");
        }
    }

    static void Main() {
        Try(5);
        Try(-3);
        Try(0);
        Try(500);
        int[] a = new int[2];
        string s = null;
        Exception other = new FormatException();
        int zero = 0;
        int min = int.MinValue;
        int minusOne = zero - 1;
        for (int i = 0; i < 5; i++) {
            try {
                if (i == 0) a[2] = 1;
                if (i == 1) Console.WriteLine(s.Length);
                if (i == 2) Console.WriteLine(10 / zero);
                if (i == 3) Console.WriteLine(min / minusOne);
                if (i == 4) Console.WriteLine(((InvalidOperationException)other).Message);
            } catch (ArithmeticException e) {
                Console.WriteLine(i + " arithmetic: " + e.Message);
            } catch (SystemException e) {
                Console.WriteLine(i + " system: " + e.Message);
            }
        }
        Exception plain = new Exception();
        Console.WriteLine(plain.Message);
        Console.WriteLine(new NotImplementedException().Message);
        Console.WriteLine(new ArgumentNullException("name").Message);
        Console.WriteLine(new Exception(null).Message);
        Exception e2 = new NegativeError(7);
        Console.WriteLine(e2 is ArgumentException);
        Console.WriteLine(e2 is InvalidOperationException);
    }
}
