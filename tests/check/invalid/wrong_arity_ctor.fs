class P {
    public P(int x) { }
}

class Program {
    static void Main() {
        P p = new P();
    }
}
