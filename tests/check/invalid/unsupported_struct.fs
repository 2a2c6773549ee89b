struct S { }

class Program { static void Main() { } }
