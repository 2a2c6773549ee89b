class Program {
    static int f;
    int[] xs = new int[4];
    void M() {
        int a, b, c;
        a = b = c = 7;
        a += 1; a -= 2; a *= 3; a /= 4; a %= 5;
        a &= 6; a |= 7; a ^= 8; a <<= 1; a >>= 2;
        xs[a] = xs[b]++ + --xs[c];
        this.xs[0] += 1;
        Program.f = a++ - ++b;
        c = a > b ? a : b > c ? b : c;
    }
}
