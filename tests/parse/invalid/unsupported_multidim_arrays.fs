class P {
    static void Main() {
        int[,] grid = new int[2, 3];
        int[,] init = new int[,] { { 1, 2 }, { 3, 4 } };
        int v = grid[0, 1];
        int[][] jagged = new int[2][];
    }
}
