class P {
    static void Main() {
        string s = "abc;
    }
}
