class Program {
    static int F() { return 1; }
    static void Main() {
        string f = "{0}";
        int n = 5;
        string a = string.Format(f, n);
        string b = string.Format("{2}", n);
        string c = string.Format("{0", n);
        string d = $"{n:C}";
        string e = string.Format("{1} {0}", F(), F());
        Console.WriteLine("{0} {1}", n, n);
    }
}
