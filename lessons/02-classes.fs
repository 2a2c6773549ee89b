// exit: 3
// stderr: System.IndexOutOfRangeException
//! title: Classes, vtables, null checks and bounds checks
//! goal: see an object's first word point to its class's vtable
//! goal: see a virtual call load the vtable and call through a slot
//! goal: see a bounds check compare the index with the length and branch to the failure path (which calls fail$index)
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

//@ on start: Press n to go line by line. Watch `new Dog("Rex")` call rt_alloc, then store the vtable address in the object's first word.
//@ on line 37: A constructor call: the object is allocated, its vtable set, then Dog.ctor runs and calls Animal.ctor (`: base(name)`). Press H for the heap: each object's first word points to its class's vtable.
//@ on line 39: `pets[i] != null` reads the element after a null check of `pets` and a bounds check of `i` (cmp with the length, jae to the failure stub).
//@ on line 40: Speak is virtual: the code loads the object's vtable (mov rax, [rdi]) and calls through a slot (call [rax+24+8*slot]). Cat overrides it, Dog does not.
//@ on line 44: Index 3 of a 3-element array: cmp rcx, [rax] finds 3 >= 3, the jae jumps to the stub that loads the line into edi and calls fail$index, which never returns.
//@ on end: The program stopped with exit code 3 and the .NET message on stderr. Press r to start again.
//! stops: output, fault
