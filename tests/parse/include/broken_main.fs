using "broken.fsh";
class Program { static void Main() { } }
