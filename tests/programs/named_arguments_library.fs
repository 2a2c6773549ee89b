// Named arguments in calls of the library and of Console (.NET's parameter names), of `: base(…)` and `: this(…)`; Array.Sort of a range.
using System;

class Animal {
    public string Name;
    public int Legs;
    public Animal(string name, int legs = 4) { Name = name; Legs = legs; }
    public override string ToString() { return Name + " (" + Legs + " legs)"; }
}

class Bird : Animal {
    public Bird(string name) : base(legs: 2, name: name) {}
    public Bird() : this(name: "sparrow") {}
}

class Program {
    static void Main() {
        Console.WriteLine(new Bird());
        Console.WriteLine(new Bird("owl"));
        Console.WriteLine(new Animal(legs: 6, name: "ant"));
        Console.WriteLine(Math.Max(val1: 3, val2: 4));
        Console.WriteLine(Math.Min(val2: 2L, val1: 9L));
        Console.WriteLine(Math.Max(val1: 1.5, val2: -2));
        Console.WriteLine(Math.Pow(y: 3, x: 2));
        Console.WriteLine(Math.Round(value: 2.567, digits: 2));
        Console.WriteLine("flux-viz".Substring(startIndex: 5, length: 3));
        Console.WriteLine("a-b-c".Replace(oldValue: "-", newValue: "+"));
        Console.WriteLine("7".PadLeft(totalWidth: 3, paddingChar: '0'));
        Console.WriteLine(int.Parse(s: "42") + 1);
        Console.WriteLine(string.Join(separator: "|", values: new int[] { 1, 2, 3 }));
        Console.WriteLine(value: "Console's own names");
        Console.WriteLine(format: "{0} + {1} = {2}", arg0: 1, arg1: 2, arg2: 3);
        Console.Write(value: 'x');
        Console.WriteLine();

        int[] a = { 9, 5, 3, 8, 1, 7 };
        Array.Sort(a, 1, 4);
        Console.WriteLine(string.Join(",", a));
        Array.Sort(a);
        Console.WriteLine(string.Join(",", a));
        string[] words = { "pear", "fig", "apple", "kiwi" };
        Array.Sort(words, 0, 3);
        Console.WriteLine(string.Join(" ", words));
        try {
            Array.Sort(a, 4, 5);
        } catch (ArgumentException e) {
            Console.WriteLine("ArgumentException");
        }
        try {
            Array.Sort(a, -1, 2);
        } catch (ArgumentOutOfRangeException e) {
            Console.WriteLine("ArgumentOutOfRangeException");
        }
    }
}
