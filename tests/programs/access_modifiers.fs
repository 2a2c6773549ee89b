// public, private and protected members used where C# allows them: private helpers, protected fields in subclasses.
using System;

class Wallet {
    private int coins;
    protected string currency = "EUR";

    public Wallet(int coins) { this.coins = coins; }

    private bool CanPay(int n) { return n <= coins; }

    public bool Pay(int n) {
        if (!CanPay(n)) return false;
        coins -= n;
        return true;
    }

    public int Coins() { return coins; }
}

class TravelWallet : Wallet {
    public TravelWallet(int coins) : base(coins) { currency = "USD"; }

    public string Describe() { return Coins() + " " + currency; }
}

class Program {
    static void Main() {
        TravelWallet w = new TravelWallet(10);
        Console.WriteLine(w.Pay(4));
        Console.WriteLine(w.Pay(7));
        Console.WriteLine(w.Describe());
    }
}
