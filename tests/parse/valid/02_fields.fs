class Config {
    static int a = 1, b, c = a + 2;
    public const int N = 3;
    private readonly string name = "cfg";
    protected static long big = 5000000000L;
    bool flag;
    int[] values = { 1, 2, 3 };
    Config next = null;
}
