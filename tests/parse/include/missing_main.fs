using "nowhere.fsh";
class Program { static void Main() { } }
