using System;

class Program {
    static int Parse(string s) {
        int result;
        try {
            result = s.Length;
        } catch (NullReferenceException) {
            Console.WriteLine("null");
        }
        return result;
    }

    static void Main() {
        throw 42;
        throw "boom";
        try {
            Console.WriteLine("hi");
        } catch (Exception) {
        } catch (InvalidOperationException) {
        }
        try {
        } catch (string s) {
        }
        throw;
        for (int i = 0; i < 3; i++) {
            try {
            } finally {
                break;
            }
        }
        try {
        } catch (Exception e) {
            try {
            } finally {
                throw;
            }
        }
        try {
        } finally {
            return;
        }
        Exception x = new Exception("m");
        x.Message = "changed";
        Console.WriteLine(x);
        string text = "failed: " + x;
        try { }
    }
}
