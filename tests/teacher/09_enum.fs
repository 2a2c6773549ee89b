using System;
enum Suit { Hearts, Spades, Clubs, Diamonds }
class Program {
    static void Main() {
        Suit s = Suit.Clubs;
        Console.WriteLine(s + " is " + (int)s);
    }
}
