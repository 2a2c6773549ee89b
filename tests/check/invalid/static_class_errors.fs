static class S {
    int x;
    public void F() { }
}

class Program {
    static void Main() {
        S s = new S();
    }
}
