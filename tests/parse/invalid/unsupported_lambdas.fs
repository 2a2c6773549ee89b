class P {
    static void Main() {
        var inc = x => x + 1;
        var add = (a, b) => a + b;
        var typed = (int a) => { return a; };
        var none = () => 0;
        Run(async () => await Task.Delay(1));
    }
}
