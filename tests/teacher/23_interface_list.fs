using System;
using System.Collections.Generic;
interface IAnimal { string Speak(); }
class Dog : IAnimal { public string Speak() { return "Woof"; } }
class Cat : IAnimal { public string Speak() { return "Meow"; } }
class Program {
    static void Main() {
        List<IAnimal> pets = new List<IAnimal>();
        pets.Add(new Dog());
        pets.Add(new Cat());
        foreach (IAnimal p in pets) Console.WriteLine(p.Speak());
    }
}
