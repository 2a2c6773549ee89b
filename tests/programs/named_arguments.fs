// Named arguments: in any order (constants and locals), after positional
// ones, skipping optional parameters, on methods, constructors and a
// string method; calls as arguments in their parameters' order.
using System;

class Person {
    public string Name;
    public int Age;
    public Person(string name, int age = 30) { Name = name; Age = age; }
    public override string ToString() { return Name + " (" + Age + ")"; }
}

class Program {
    static string Greet(string name, string greeting = "Hello", int times = 1) {
        string s = "";
        for (int i = 0; i < times; i++) s += greeting + ", " + name + "! ";
        return s;
    }
    static int Box(int width, int height) { return width * 100 + height; }
    static int calls = 0;
    static int Next() { calls++; return calls; }
    static void Main() {
        Console.WriteLine(Greet("Ann"));
        Console.WriteLine(Greet("Bob", times: 2));
        Console.WriteLine(Greet(greeting: "Hi", name: "Cy"));
        Console.WriteLine(Greet(name: "Di", times: 3, greeting: "Yo"));
        Console.WriteLine(Box(height: 2, width: 3) + " " + Box(width: 4, height: 5));
        int w = 7;
        Console.WriteLine(Box(height: w, width: 1));
        Console.WriteLine(Box(width: Next(), height: Next()));
        Console.WriteLine(new Person("Eve") + " " + new Person(age: 5, name: "Fay") + " " + new Person(name: "Gus"));
        Console.WriteLine("ab".PadLeft(totalWidth: 4, paddingChar: '.'));
    }
}
