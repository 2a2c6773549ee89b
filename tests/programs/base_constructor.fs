// : base(...) chaining through three levels: base constructors run first, with the arguments passed up.
using System;

class Animal {
    public string name;
    public int legs;

    public Animal(string name, int legs) {
        this.name = name;
        this.legs = legs;
        Console.WriteLine("Animal(" + name + ", " + legs + ")");
    }
}

class Dog : Animal {
    public string breed;

    public Dog(string name, string breed) : base(name, 4) {
        this.breed = breed;
        Console.WriteLine("Dog(" + breed + ")");
    }

    public Dog(string name) : this(name, "mixed") {
        Console.WriteLine("Dog(name only)");
    }
}

class Puppy : Dog {
    public int age;

    public Puppy(string name, int age) : base(name) {
        this.age = age;
        Console.WriteLine("Puppy(" + age + ")");
    }
}

class Program {
    static void Main() {
        Puppy p = new Puppy("rex", 1);
        Console.WriteLine(p.name + " " + p.legs + " " + p.breed + " " + p.age);
        Dog d = new Dog("fido", "lab");
        Console.WriteLine(d.name + " " + d.breed);
    }
}
