// default(T): zero, false, '\0' and null, in a generic class's instances
// too (T is known in each). (The `default` literal is C# 7.1, which mono's
// mcs does not compile: tests/check/valid/default_literal.fs has it.)
using System;
using System.Collections.Generic;

enum Color { Red, Green }

class Box<T> {
    public T Value;
    public T OrDefault(bool has) { return has ? Value : default(T); }
    public T Reset() {
        T old = Value;
        Value = default(T);
        return old;
    }
}

class Program {
    static int Zero() { return default(int); }
    static void Main() {
        int i = default(int);
        long l = default(long);
        bool b = default(bool);
        char c = default(char);
        string s = default(string);
        int[] a = default(int[]);
        Color k = default(Color);
        Console.WriteLine(i + " " + l + " " + b + " " + (int)c + " " + (s == null) + " " + (a == null) + " " + k + " " + Zero());
        var box = new Box<string> { Value = "x" };
        Console.WriteLine((box.OrDefault(false) == null) + " " + box.OrDefault(true) + " " + box.Reset() + " " + (box.Value == null));
        var ints = new Box<int> { Value = 7 };
        Console.WriteLine(ints.OrDefault(false) + " " + ints.Reset() + " " + ints.Value);
    }
}
