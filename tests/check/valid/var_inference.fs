using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        var i = 1;
        var l = 1L;
        var s = "s";
        var c = 'c';
        var b = true;
        var a = new int[3];
        var sum = i + l;
        Console.WriteLine(sum);
        Console.WriteLine(s + c + b + a.Length);
    }
}
