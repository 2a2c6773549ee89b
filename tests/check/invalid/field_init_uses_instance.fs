class A {
    int a = 1;
    int b = a + 1;
}

class Program { static void Main() { } }
