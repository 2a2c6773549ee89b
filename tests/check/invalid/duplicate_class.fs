class A { }
class A { }

class Program { static void Main() { } }
