class B : Missing { }

class Program { static void Main() { } }
