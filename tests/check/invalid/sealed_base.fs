sealed class A { }
class B : A { }

class Program { static void Main() { } }
