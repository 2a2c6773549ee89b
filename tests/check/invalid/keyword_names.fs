// C# keywords are not names: each is reported once, where it first appears,
// and what it names is quiet afterwards; contextual keywords stay names.
class lock {
    public int ref;
    public static int params(int out) { return out + 1; }
}
class P {
    static void Main() {
        int byte = 3;
        byte = byte + 1;
        byte++;
        Console.WriteLine(byte + 1);
        byte b = 1;
        Console.WriteLine(b);
        object o = null;
        lock l = new lock();
        l.ref = 2;
        Console.WriteLine(lock.params(l.ref));
        int var = 1; int value = 2; int yield = 3; int get = 4;
        Console.WriteLine(var + value + yield + get);
        switch (var) { }
    }
}
