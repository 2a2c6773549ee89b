unsafe class P {
    static unsafe void M() { }
    static void Main() {
        unsafe {
            int x = 1;
        }
    }
}
