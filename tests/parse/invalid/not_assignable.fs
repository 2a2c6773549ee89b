class P {
    static void Main() {
        int a = 1;
        a + 1 = 2;
        5++;
        --(a + a);
    }
}
