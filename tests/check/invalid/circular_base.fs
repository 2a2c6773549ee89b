class A : B { }
class B : A { }

class Program { static void Main() { } }
