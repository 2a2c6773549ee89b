class P {
    static void Main() {
        long x = 99999999999999999999;
    }
}
