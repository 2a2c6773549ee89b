using System;

class Item {
    public int value = 3;
}

class Program {
    static void Main() {
        Item item = new Item();
        int Value = item.value;
        Console.WriteLine(Value);
    }
}
