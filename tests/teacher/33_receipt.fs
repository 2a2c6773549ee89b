using System;
using System.Text;

class Item {
    public string Name { get; }
    public int Cents { get; }
    public int Quantity { get; }
    public Item(string name, int cents, int quantity) { Name = name; Cents = cents; Quantity = quantity; }
}

class Program {
    static string Money(int cents) {
        return $"{cents / 100}.{cents % 100:D2}";
    }

    static void Main() {
        Item[] items = {
            new Item("Coffee", 350, 2),
            new Item("Croissant", 275, 3),
            new Item("Orange juice", 420, 1),
        };
        var receipt = new StringBuilder();
        receipt.AppendLine(string.Format("{0,-14}{1,4}{2,9}", "Item", "Qty", "Total"));
        receipt.AppendLine(new string('-', 27));
        int total = 0;
        foreach (Item item in items) {
            int line = item.Cents * item.Quantity;
            total += line;
            receipt.AppendLine(string.Format("{0,-14}{1,4}{2,9}", item.Name, item.Quantity, Money(line)));
        }
        receipt.AppendLine(new string('-', 27));
        receipt.Append($"{"Total",-18}{Money(total),9}");
        Console.WriteLine(receipt.ToString());
        Console.WriteLine($"Order #{42:D5} paid, {total:N0} cents");
    }
}
