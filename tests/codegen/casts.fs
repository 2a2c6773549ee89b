using System;
class Animal { }
class Dog : Animal { public string Bark() { return "woof"; } }
class Program {
    static void Main() {
        Animal a = new Dog();
        Dog d = a as Dog;
        if (a is Dog) { Console.WriteLine(((Dog)a).Bark() + d.Bark()); }
    }
}
