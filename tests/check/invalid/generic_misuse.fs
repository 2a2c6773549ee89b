class Animal { }
class Dog : Animal { }
class Rock { private Rock(int weight) { } }

class Box<T> { public T Item; }
class Pair<A, B> { }
class Kennel<T> where T : Animal { }
class Ref<T> where T : class { }
class Val<T> where T : struct { }
class Maker<T> where T : new() { public T Make() { return new T(); } }
class Wrong<T> : T { }
class Grows<T> { public Grows<Box<T>> Next; }

class Program {
    static void Main() {
        Box<int, int> a = null;
        Pair<int> b = null;
        Dog<int> c = null;
        HashSet<int> d = null;
        Widget<int> e = null;
        Kennel<Rock> f = null;
        Ref<int> g = null;
        Val<string> h = null;
        Maker<Rock> i = null;
        Box j = null;
        Grows<int> k = null;
        Kennel<Dog> fine = new Kennel<Dog>();
    }
}

class Keys {
    static void M() {
        var byDog = new Dictionary<Dog, int>();
    }
}

class Methods {
    static T Make<T>(int n) { T[] none = new T[n]; return none[0]; }
    static T Id<T>(T x) { return x; }
    static string Name<T>(T a) where T : Animal { return "a"; }
    public virtual void Visit<T>(T x) { }
    static void Deeper<T>(T x) { Deeper(new T[] { x }); }
    static void M() {
        int a = Make(1);
        var b = Id(null);
        Name(3);
        Deeper(1);
        int c = Id("text");
        int d = Id(1, 2);
    }
}
class Bad<T> where T : Bad<T> { }
class UsesBad { static void M() { var b = new Bad<int>(); } }
