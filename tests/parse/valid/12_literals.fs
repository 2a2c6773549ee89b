class Program {
    static void Main() {
        int dec = 1_000;
        int hex = 0x7FFFFFFF;
        long big = 9223372036854775807L;
        long small = 10l;
        char nl = '\n';
        char quote = '\'';
        char uni = '\u0041';
        char zero = '\0';
        string esc = "tab\there \"quoted\" back\\slash";
        string verbatim = @"C:\temp ""quoted""";
        bool t = true;
        string n = null;
        int min = -2147483648;
    }
}
