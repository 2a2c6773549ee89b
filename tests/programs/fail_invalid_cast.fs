// exit: 8
// stderr: System.InvalidCastException
// Casting to an unrelated class (a sibling) fails with InvalidCastException (exit 8); valid casts before it succeed.
using System;

class Animal { public virtual string Sound() { return "..."; } }
class Cat : Animal { public override string Sound() { return "meow"; } }
class Dog : Animal { public override string Sound() { return "woof"; } }

class Program {
    static void Main() {
        Animal a = new Cat();
        Cat c = (Cat)a;
        Console.WriteLine(c.Sound());
        Animal d = new Dog();
        Console.WriteLine("cast dog to cat");
        Cat wrong = (Cat)d;
        Console.WriteLine("never printed " + wrong.Sound());
    }
}
