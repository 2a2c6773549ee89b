// exit: 8
// stderr: System.InvalidCastException
// An invalid cast inside an async method after an await fails with exit 8.
using System;
using System.Threading.Tasks;

class Shape { }
class Circle : Shape { public int r = 2; }
class Square : Shape { public int side = 3; }

class Program {
    static async Task<int> Radius(Shape s) {
        await Task.Delay(1);
        Circle c = (Circle)s;
        return c.r;
    }

    static async Task Main() {
        Console.WriteLine(await Radius(new Circle()));
        Console.WriteLine(await Radius(new Square()));
    }
}
