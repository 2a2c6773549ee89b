using System;
class Account {
    public string Owner { get; }
    public int Balance { get; private set; }
    public Account(string owner, int initial = 0) { Owner = owner; Balance = initial; }
    public void Withdraw(int amount) {
        if (amount > Balance) throw new InvalidOperationException("Insufficient funds");
        Balance -= amount;
    }
    public void Deposit(int amount) { Balance += amount; }
}
class Program {
    static void Main() {
        var acc = new Account("Ana", 100);
        acc.Deposit(50);
        try { acc.Withdraw(500); }
        catch (InvalidOperationException e) { Console.WriteLine("Error: " + e.Message); }
        finally { Console.WriteLine("Balance: " + acc.Balance); }
    }
}
