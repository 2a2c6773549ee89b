// Generic classes by monomorphisation: Box<T>, Pair<A, B> (an instance making another: Swap), a constraint (where T : Animal), a generic linked list, a generic base (IntBox : Box<int>), ToString of an instance and .NET's names of instances.
using System;

class Animal {
    public string Name;
    public Animal(string name) { Name = name; }
    public virtual string Sound() { return "..."; }
}
class Dog : Animal {
    public Dog(string name) : base(name) {}
    public override string Sound() { return "Woof"; }
}

class Box<T> {
    private T item;
    public Box(T item) { this.item = item; }
    public T Get() { return item; }
    public void Set(T value) { item = value; }
    public override string ToString() { return "Box(" + item + ")"; }
}

class Pair<A, B> {
    public A First;
    public B Second;
    public Pair(A a, B b) { First = a; Second = b; }
    public Pair<B, A> Swap() { return new Pair<B, A>(Second, First); }
}

class Shelter<T> where T : Animal {
    private T[] animals = new T[4];
    private int count;
    public void Admit(T a) { animals[count] = a; count++; }
    public void Chorus() {
        for (int i = 0; i < count; i++) Console.WriteLine(animals[i].Name + ": " + animals[i].Sound());
    }
}

class Node<T> {
    public T Value;
    public Node<T> Next;
    public Node(T value, Node<T> next) { Value = value; Next = next; }
}

class IntBox : Box<int> {
    public IntBox(int v) : base(v) {}
    public int Doubled() { return Get() * 2; }
}

class Program {
    static void Main() {
        Box<int> b = new Box<int>(41);
        b.Set(b.Get() + 1);
        Console.WriteLine(b.Get());
        Console.WriteLine(b);
        var s = new Box<string>("hi");
        Console.WriteLine(s.Get().Length);
        Box<Box<int>> bb = new Box<Box<int>>(b);
        Console.WriteLine(bb.Get().Get());
        var p = new Pair<int, string>(1, "one");
        var q = p.Swap();
        Console.WriteLine(q.First + " " + q.Second);
        Console.WriteLine(p.ToString());
        Console.WriteLine(q);
        var shelter = new Shelter<Dog>();
        shelter.Admit(new Dog("Rex"));
        shelter.Admit(new Dog("Fido"));
        shelter.Chorus();
        Node<string> list = new Node<string>("a", new Node<string>("b", null));
        for (var n = list; n != null; n = n.Next) Console.WriteLine(n.Value);
        var ib = new IntBox(21);
        Console.WriteLine(ib.Doubled());
        Console.WriteLine(ib);
        Console.WriteLine(new Box<bool>(true));
    }
}
