class P {
    int x;
    5;
}
