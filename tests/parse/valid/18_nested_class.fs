class Outer {
    class Inner {
        public int v;
    }
    static void Main() {
        Inner i = new Inner();
        i.v = 1;
    }
}
