class Box<T> { }

class Program { static void Main() { } }
