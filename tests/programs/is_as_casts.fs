// is, as and casts between class types: up-casts, successful down-casts, as giving null, null is anything is false, (T)null is null.
using System;

class Vehicle { public virtual string Kind() { return "vehicle"; } }
class Car : Vehicle { public int seats = 4; public override string Kind() { return "car"; } }
class Truck : Vehicle { public int load = 10; public override string Kind() { return "truck"; } }
class SportsCar : Car { public override string Kind() { return "sports car"; } }

class Program {
    static string Inspect(Vehicle v) {
        if (v is SportsCar) return "sporty " + ((Car)v).seats;
        if (v is Car) return "car with " + ((Car)v).seats + " seats";
        Truck t = v as Truck;
        if (t != null) return "truck with load " + t.load;
        if (v == null) return "nothing";
        return "some " + v.Kind();
    }

    static void Main() {
        Vehicle[] vs = new Vehicle[] { new Car(), new Truck(), new SportsCar(), new Vehicle(), null };
        for (int i = 0; i < vs.Length; i++) Console.WriteLine(Inspect(vs[i]));
        Vehicle v = new SportsCar();
        Car c = (Car)v;
        Console.WriteLine(c.Kind());
        Console.WriteLine(v as Truck == null);
        Vehicle nothing = null;
        Console.WriteLine(nothing is Vehicle);
        Car nc = (Car)nothing;
        Console.WriteLine(nc == null);
        Vehicle up = c;
        Console.WriteLine(up.Kind());
    }
}
