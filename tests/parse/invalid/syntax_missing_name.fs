class P {
    static void () { }
}
