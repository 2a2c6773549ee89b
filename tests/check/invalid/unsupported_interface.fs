interface I { }

class Program { static void Main() { } }
