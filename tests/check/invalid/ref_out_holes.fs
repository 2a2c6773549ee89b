// What a review found could write anywhere: each must be refused.
class A {
    public virtual void Put(long p) { }
    public virtual void Take(ref long p) { }
}
class B : A {
    public override void Put(ref long p) { p = 1; }
    public override void Take(long p) { }
}
interface IPut { void Put(ref int x); }
class C : IPut { public void Put(int x) { } }
class Holder {
    public void Get(out long v) { v = 0x601000; }
}
class Program {
    static void F(out long n, long[] arr) { n = 100; arr[1] = 1; }
    static void G(out long[] x, long[] y) { x = y; }
    static void Overload(int x) { }
    static void Overload(ref int x) { }
    static void Main() {
        F(out var a, ref a);
        F(out var b, b);
        long[] x;
        G(out x, x);
        Holder h = new Holder();
        h?.Get(out var v);
        string s = string.Format("{0}", out var w);
        string t = String.FromChars(new char[1], -100000, 200000);
    }
}
