delegate int Op(int a, int b);
class P {
    public delegate void Handler();
    static void Main() {
        var f = delegate (int x) { return x; };
    }
}
