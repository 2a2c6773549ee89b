class P {
    static void Main() {
        string s = "a\qb";
    }
}
