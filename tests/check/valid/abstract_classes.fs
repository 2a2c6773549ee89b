using System;

abstract class Animal {
    public abstract string Sound();
    public virtual string Name() { return "animal"; }
    public string Speak() { return Name() + " says " + Sound(); }
}

class Dog : Animal {
    public override string Sound() { return "woof"; }
    public override string Name() { return "dog"; }
}

abstract class Bird : Animal { }

class Crow : Bird {
    public override string Sound() { return "caw"; }
}

class Program {
    static void Main() {
        Animal a = new Dog();
        Animal b = new Crow();
        Console.WriteLine(a.Speak());
        Console.WriteLine(b.Speak());
    }
}
