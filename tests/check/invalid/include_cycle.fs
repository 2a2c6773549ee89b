using "include_cycle_b.fsh";

class Program { static void Main() { } }
