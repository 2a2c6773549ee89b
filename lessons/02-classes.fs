// exit: 3
// stderr: System.IndexOutOfRangeException
// Lesson 02: classes, vtables, null checks and bounds checks.
//
// An object is a pointer to [vtable pointer][fields...]. A virtual call loads
// the vtable from the object's first word and calls through one of its slots,
// so the same call site runs Dog.Speak or Cat.Speak depending on the object.
// Every field access and array index is guarded by a compare and a jump to a
// failure routine; the last line below trips the bounds check on purpose.
using System;

abstract class Animal {
    protected string name;
    public Animal(string name) { this.name = name; }
    public abstract string Sound();
    public virtual string Speak() { return name + " says " + Sound(); }
}

class Dog : Animal {
    public Dog(string name) : base(name) { }
    public override string Sound() { return "woof"; }
}

class Cat : Animal {
    private int lives = 9;
    public Cat(string name) : base(name) { }
    public override string Sound() { return "meow"; }
    public override string Speak() { return base.Speak() + " (" + lives + " lives)"; }
}

class Program {
    static void Main() {
        Animal[] pets = new Animal[] { new Dog("Rex"), new Cat("Tom"), null };
        for (int i = 0; i < pets.Length; i++) {
            if (pets[i] != null) {
                Console.WriteLine(pets[i].Speak());
            }
        }
        Console.WriteLine("pets[3] is out of range:");
        Console.WriteLine(pets[3].Speak());
    }
}
