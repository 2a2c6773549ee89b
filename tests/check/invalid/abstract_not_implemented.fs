abstract class Shape {
    public abstract int Area();
}

class Square : Shape { }

class Program { static void Main() { } }
