// Classes with instance fields (default values and initializers), static fields shared by all instances, references aliasing one object.
using System;

class Account {
    public string owner;
    public long balance = 100;
    public bool open = true;
    public int ops;
    public static int created = 0;
    public static string bank = "FluxBank";

    public Account(string owner) {
        this.owner = owner;
        created++;
    }

    public void Deposit(long amount) {
        balance += amount;
        ops++;
    }
}

class Program {
    static void Main() {
        Account a = new Account("ann");
        Account b = new Account("bob");
        a.Deposit(50);
        b.Deposit(-30);
        b.Deposit(5);
        Console.WriteLine(a.owner + " " + a.balance + " " + a.ops + " " + a.open);
        Console.WriteLine(b.owner + " " + b.balance + " " + b.ops);
        Console.WriteLine(Account.created + " at " + Account.bank);
        Account c = a;
        c.Deposit(1);
        Console.WriteLine(a.balance + " " + (a == c) + " " + (a == b));
        Account.bank = "Other";
        Console.WriteLine(Account.bank);
        Account d = null;
        Console.WriteLine(d == null);
    }
}
