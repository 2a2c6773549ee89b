using System;
class Account {
    public string Owner { get; }
    public int Balance { get; private set; }
    public Account(string owner) { Owner = owner; }
    public void Deposit(int amount) { Balance += amount; }
}
class Program {
    static void Main() {
        var a = new Account("ada");
        a.Deposit(50);
        Console.WriteLine(a.Owner + " has " + a.Balance);
    }
}
