using "lib/util.fsh";
using "shapes.fsh";
using "lib/util.fsh";

class Program {
    static void Main() { print(Twice(Area())); }
}
