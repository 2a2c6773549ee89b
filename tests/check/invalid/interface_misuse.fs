// C#'s errors about interfaces: a member not implemented (CS0535), one that
// is not public (CS0737) or returns another type (CS0738), a class in the
// interface list (CS0527), no instances of an interface (CS0144), no fields
// in one (CS0525); what Flux# does not have yet: default methods, interface
// inheritance, `is`/`as` with an interface.
using System;
interface IA { int F(); void G(); }
interface IB : IA { }
interface IC { int x; int H() { return 1; } }
class Plain { }
class One : IA { public int F() { return 1; } }
class Two : IA { int F() { return 1; } public void G() { } }
class Three : IA { public long F() { return 1; } public void G() { } }
class Four : Plain, Plain { }
class Program {
    static void Main() {
        IA a = new IA();
        IA b = new Two();
        Console.WriteLine(b is IA);
    }
}
