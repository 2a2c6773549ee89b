// The default literal takes the type of where it stands: a local's, a
// return value's, an assignment's target.
class Box<T> {
    public T Value;
    public void Clear() { Value = default; }
}
class Program {
    static string None() { return default; }
    static void Main() {
        int i = default;
        bool b = default;
        var box = new Box<long>();
        box.Clear();
        Console.WriteLine(i + " " + b + " " + (None() == null) + " " + box.Value);
    }
}
