// Constraints whose bound names the type parameter (where T : Base<T>, where T : IComparable<T>) met by instances not made yet; a generic interface of two type arguments.
using System;
class Base<T> where T : Base<T> { public int V = 1; }
class Derived : Base<Derived> { }
class Pair<T> : IComparable<Pair<T>> { public int K; public int CompareTo(Pair<T> o) { return K - o.K; } }
class Sorted<T> where T : IComparable<T> { public int N = 2; }
class Two<A, B> : IComparable<Two<A, B>> { public int CompareTo(Two<A, B> o) { return 0; } }
class P {
    static void Main() {
        Console.WriteLine(new Derived().V);
        Console.WriteLine(new Sorted<Pair<int>>().N);
        Console.WriteLine(new Sorted<Two<int, string>>().N);
        Two<int, string>[] t = { new Two<int, string>(), new Two<int, string>() };
        Array.Sort(t);
        Console.WriteLine(t.Length);
    }
}
