using System;

class Acc {
    public int total;
    public void Add(int x) { total += Twice(x); }
}

int Twice(int x) { return 2 * x; }

void Main() {
    Acc a = new Acc();
    a.Add(5);
    Console.WriteLine(a.total);
}
