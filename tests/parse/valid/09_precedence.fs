class Program {
    static void Main() {
        int r = 1 + 2 * 3 - 4 / 2 % 3;
        bool b = 1 < 2 == 3 > 4 != false;
        int bits = 1 | 2 ^ 3 & 4 << 1 >> 2;
        bool logic = true || false && !true;
        int neg = -r * ~bits;
        int nested = ((1 + 2) * (3 - 4));
        bool mix = r + 1 < 2 * 3 && bits >= 0 || r <= 4;
    }
}
