using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        int i = 0;
        i++;
        ++i;
        i--;
        --i;
        int j = i++ + ++i;
        long l = 5;
        l++;
        char c = 'a';
        c++;
        int[] arr = new int[3];
        arr[0]++;
        ++arr[1];
        arr[2]--;
        Console.WriteLine(i + j + l + c + arr[0] + arr[1] + arr[2]);
    }
}
