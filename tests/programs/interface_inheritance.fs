// Interfaces that extend interfaces: members of the extended ones through the extending type, conversions up the interface hierarchy, is with an extended interface, a class implementing the whole chain through one name.
using System;
using System.Collections.Generic;

interface IHasName { string Name { get; } }
interface IAnimal : IHasName { string Sound(); }
interface IPet : IAnimal { string Owner(); }
class Dog : IPet {
    public string Name => "Rex";
    public string Sound() { return "Woof"; }
    public string Owner() { return "Ann"; }
}
class Cow : IAnimal {
    public string Name => "Daisy";
    public string Sound() { return "Moo"; }
}

class Program {
    static void Greet(IHasName n) { Console.WriteLine("Hello, " + n.Name); }
    static void Main() {
        IPet pet = new Dog();
        Console.WriteLine(pet.Name + " says " + pet.Sound() + " to " + pet.Owner());
        IAnimal a = pet;
        Greet(a);
        Greet(pet);
        var animals = new List<IAnimal> { new Dog(), new Cow() };
        foreach (var x in animals) {
            Console.WriteLine(x.Name + ": " + x.Sound() + (x is IPet p ? " (pet of " + p.Owner() + ")" : ""));
            Console.WriteLine(x is IHasName);
        }
    }
}
