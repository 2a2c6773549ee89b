using System;

class Singleton {
    private static Singleton instance;
    private int id;
    private Singleton(int id) { this.id = id; }
    public static Singleton Get() {
        if (instance == null) instance = new Singleton(42);
        return instance;
    }
    public int Id() { return id; }
}

class Program {
    static void Main() {
        Console.WriteLine(Singleton.Get().Id());
    }
}
