// Properties as C# compiles them: accessor methods get_X / set_X, and for an
// auto-property a backing field; compound writes evaluate the object once.
using System;

abstract class Shape {
    public abstract int Sides { get; }
    public virtual string Name => "shape";
    public string Describe() { return Name + " with " + Sides + " sides"; }
}

class Square : Shape {
    public override int Sides => 4;
    public override string Name => "square";
}

class Account {
    private static int opened;
    public static int Opened { get { return opened; } }
    public static string Bank { get; set; } = "Flux Bank";
    public string Owner { get; }
    public int Balance { get; private set; } = 10;
    private int limit;
    public int Limit {
        get { return limit; }
        set {
            if (value < 0) limit = 0;
            else limit = value;
        }
    }
    public int Twice => Balance * 2;
    public virtual string Kind => "account";
    public char Grade { get; set; } = 'a';

    public Account(string owner) {
        Owner = owner;
        opened++;
    }

    public void Deposit(int amount) {
        Balance += amount;
        Balance++;
        Grade++;
    }
}

class Savings : Account {
    public Savings(string owner) : base(owner) { }
    public override string Kind => "savings of " + base.Kind;
}

class Program {
    static Account Pick(Account a) {
        Console.WriteLine("pick");
        return a;
    }

    static void Main() {
        Account a = new Account("ann");
        a.Deposit(5);
        a.Limit = -3;
        Console.WriteLine(a.Owner + " " + a.Balance + " " + a.Limit + " " + a.Twice + " " + a.Grade);
        a.Limit = 7;
        a.Limit += 2;
        Pick(a).Limit *= 3;
        Pick(a).Limit--;
        Console.WriteLine(a.Limit);
        Account s = new Savings("bob");
        Console.WriteLine(s.Kind + ", " + a.Kind + ", " + Account.Opened);
        Account.Bank += "!";
        Console.WriteLine(Account.Bank);
        Shape sq = new Square();
        Console.WriteLine(sq.Describe());
    }
}
