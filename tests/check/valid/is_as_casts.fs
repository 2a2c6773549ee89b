using System;

class Animal { }
class Dog : Animal { public string Bark() { return "woof"; } }
class Cat : Animal { }

class Program {
    static void Main() {
        Animal a = new Dog();
        Animal c = new Cat();
        Console.WriteLine(a is Dog);
        Console.WriteLine(c is Dog);
        Console.WriteLine(a is Animal);
        Dog d = a as Dog;
        Dog none = c as Dog;
        Console.WriteLine(d.Bark());
        Console.WriteLine(none == null);
        Dog e = (Dog)a;
        Animal up = (Animal)e;
        Console.WriteLine(e.Bark());
        Console.WriteLine(up != null);
        Dog n = (Dog)null;
        Console.WriteLine(n == null);
    }
}
