class Box<T> { }
class P {
    List<int> xs = new List<int>();
    static T Id<T>(T x) { return x; }
    static void Main() {
        Dictionary<string, int> d = null;
        object o = (List<int>)d;
    }
}
