using System;
using System.Threading.Tasks;

class Program {
    static void Main() {
        break;
        continue;
    }
}
