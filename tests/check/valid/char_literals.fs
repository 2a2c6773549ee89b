using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        char a = 'a';
        char nl = '\n';
        char q = '\'';
        char bs = '\\';
        char zero = '\0';
        Console.Write(a);
        Console.Write(nl);
        Console.WriteLine(q + "" + bs + (int)zero);
    }
}
