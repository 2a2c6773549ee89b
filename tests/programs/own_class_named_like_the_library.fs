// A program's own class named like a library one (StringBuilder, Number)
// stands for it, as in C#; n.ToString("X4") formats with lib/System.fs.
class StringBuilder {
    private string text = "";
    public void Add(string s) { text += s; }
    public override string ToString() { return "mine:" + text; }
}
class Number { public int Value = 3; }
class Program {
    static void Main() {
        var sb = new StringBuilder();
        sb.Add("x");
        Console.WriteLine(sb);
        Console.WriteLine(new Number().Value + " " + 255.ToString("X4") + " " + 7L.ToString("D3") + $" {255:x}");
    }
}
