// oracle: skip — FluxSharp-only: functions at the top level of the file and a top-level void Main
int square(int x) {
    return x * x;
}

string greet(string who) {
    return "hello " + who;
}

bool isPositive(long v) {
    return v > 0;
}

void Main() {
    print(square(12));
    print(greet("top level"));
    print(isPositive(-5));
    int total = 0;
    for (int i = 1; i <= 4; i++) total += square(i);
    print(total);
}
