using "does_not_exist.fsh";

class Program { static void Main() { } }
