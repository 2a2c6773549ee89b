int Square(int x) {
    return x * x;
}

void Greet(string name) {
    print("hello " + name);
}

void Main() {
    Greet("flux");
    print(Square(7));
}
