class Helper {
    public static int Triple(int x) { return 3 * x; }
}

int Add3(int x) { return x + 3; }
