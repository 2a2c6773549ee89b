// Namespaces: block and file-scoped forms hold classes as C# does; names are
// looked up as one flat space, and an object prints as its full type name.
using System;
using Zoo;
using Zoo.Animals;
using Zoo.Animals.Wild;

namespace Zoo.Animals {
    class Dog {
        public string Name = "rex";
    }

    namespace Wild {
        class Wolf { }
    }
}

namespace Zoo {
    class Keeper {
    }
}

class Program {
    static void Main() {
        Dog d = new Dog();
        Console.WriteLine(d);
        Console.WriteLine(d.Name);
        Console.WriteLine(new Wolf());
        Console.WriteLine("made: " + new Keeper());
    }
}
