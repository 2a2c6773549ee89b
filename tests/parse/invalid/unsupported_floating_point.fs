class P {
    double ratio = 1.5;
    static float Half(float x) { return x / 2f; }
    static void Main() {
        decimal m = 2m;
        var e = 1e3;
        var d = .5;
        int i = (int)3.7;
        double max = double.MaxValue;
    }
}
