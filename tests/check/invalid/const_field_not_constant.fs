class A {
    public static int s = 1;
    const int C = s;
    const int D = D + 1;
}

class Program { static void Main() { } }
