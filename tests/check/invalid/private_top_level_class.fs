private class A { }

class Program { static void Main() { } }
