class Program {
    static void Main() {
        int[] a = new int[5];
        int[] b = new int[] { 1, 2, 3 };
        int[] c = new int[3] { 4, 5, 6 };
        int[] d = { 7, 8, };
        int[][] jagged = new int[2][];
        string[] words = new string[] { "a", "b" };
        jagged[0] = new int[] { a.Length, b[1] };
        int last = c[c.Length - 1];
    }
}
