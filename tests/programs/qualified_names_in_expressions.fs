// Types named with their namespace or outer class in expressions, as C#
// allows without a `using`: System.Console.WriteLine, System.Math.Max,
// a namespace's static class, a nested class's static method and field,
// an enum through its namespace, and System.Threading.Tasks.Task.
namespace Zoo {
    enum Kind { Cat, Dog }
    static class Util {
        public static int Calls = 0;
        public static int Twice(int x) { Calls++; return 2 * x; }
    }
    class Outer {
        public static class Counter {
            public static int Count = 40;
            public static int Next() { return ++Count; }
        }
    }
}

// A field named after its type, reached through a static field: a member
// access, not a type path (C# finds the members first).
class Weapon { public string Fire() { return "bang"; } }
class Hero { public Weapon Weapon = new Weapon(); }
class Game { public static Hero Current = new Hero(); }

class Program {
    static async System.Threading.Tasks.Task<int> Later(int x) {
        await System.Threading.Tasks.Task.Yield();
        return x + 1;
    }

    static async System.Threading.Tasks.Task Main() {
        System.Console.WriteLine(System.Math.Max(3, 9));
        System.Console.WriteLine(Zoo.Util.Twice(21) + " after " + Zoo.Util.Calls + " call");
        System.Console.WriteLine(Zoo.Outer.Counter.Next());
        System.Console.WriteLine(Zoo.Outer.Counter.Count.ToString());
        System.Console.WriteLine(Zoo.Kind.Dog);
        System.Console.WriteLine((int)Zoo.Kind.Dog);
        System.Console.WriteLine(System.String.Join("-", new string[] { "a", "b", "c" }));
        var list = new System.Collections.Generic.List<int>();
        list.Add(5);
        System.Console.WriteLine(list.Count);
        System.Console.WriteLine(System.Int32.Parse("12") + 1);
        System.Console.WriteLine(await Later(1));
        await System.Threading.Tasks.Task.Delay(1);
        System.Console.WriteLine(Game.Current.Weapon.Fire());
        System.Console.Write("done");
        System.Console.WriteLine();
    }
}
