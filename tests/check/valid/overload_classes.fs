using System;

class Animal { }
class Dog : Animal { }

class Program {
    static string Name(Animal a) { return "animal"; }
    static string Name(Dog d) { return "dog"; }
    static void Main() {
        Console.WriteLine(Name(new Dog()));
        Console.WriteLine(Name(new Animal()));
        Animal a = new Dog();
        Console.WriteLine(Name(a));
    }
}
