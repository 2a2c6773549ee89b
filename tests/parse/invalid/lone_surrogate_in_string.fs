class P {
    static void Main() {
        char high = '\uD83D';
        string pair = "\uD83D\uDE00";
        string half = "ok \uD83D";
        string x = "\x";
    }
}
