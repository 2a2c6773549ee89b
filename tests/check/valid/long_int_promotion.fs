using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        int i = 7;
        long l = 3;
        var r = i * l;
        long s = r / i;
        bool lt = i < l;
        Console.WriteLine(r);
        Console.WriteLine(s);
        Console.WriteLine(lt);
    }
}
