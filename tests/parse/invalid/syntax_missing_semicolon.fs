class P {
    static void Main() {
        int x = 5
        int y = 6;
    }
}
