using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        int[][] grid = new int[3][];
        for (int i = 0; i < 3; i++) {
            grid[i] = new int[i + 1];
            grid[i][i] = i;
        }
        Console.WriteLine(grid[2][2] + grid[1].Length);
    }
}
