class P {
    static void Main() {
        int i = 0;
    again:
        i++;
        if (i < 3) goto again;
    }
}
