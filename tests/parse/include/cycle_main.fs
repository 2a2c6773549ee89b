using "cycle_a.fsh";
class Program { static void Main() { } }
