// Nested classes, generics and enums named through their outer class and namespace (Outer.Inner, Zoo.Outer.Inner, System.Text.StringBuilder); an object of a nested class prints as .NET names it (Zoo.Outer+Inner).
using System;
using System.Collections.Generic;
namespace Zoo {
    class Outer {
        public class Inner { public class Deepest { } }
        public class Box<T> { public T Item; }
        public enum Kind { A, B }
        public static Inner Make() { return new Inner(); }
    }
    class P {
        static void Main() {
            Console.WriteLine(new Outer.Inner());
            Console.WriteLine(new Outer.Inner.Deepest());
            Console.WriteLine(new Outer());
            Outer.Box<int> b = new Outer.Box<int>();
            b.Item = 4;
            Console.WriteLine(b.Item);
            Console.WriteLine(b);
            System.Collections.Generic.List<int> l = new System.Collections.Generic.List<int>();
            l.Add(2);
            Console.WriteLine(l.Count);
            System.Text.StringBuilder sb = new System.Text.StringBuilder();
            sb.Append("sb");
            Console.WriteLine(sb.ToString());
            Outer.Kind k = Outer.Kind.A;
            Console.WriteLine(k);
            Zoo.Outer.Inner i = Outer.Make();
            Console.WriteLine(i is Outer.Inner);
        }
    }
}
