int Square(int x) {
    return x * x;
}

async Task<int> Later(int x) {
    await Task.Yield();
    return x;
}

class Main {
    void main() {
        int[10] a;
        string[3] names;
        string s = "✅ PASS";
        print(s.length());
        print(Square(a.Length));
    }
}

void Main() {
    print("hello");
}
