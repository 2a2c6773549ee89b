// abstract classes and methods: a template method in the base calls abstract steps implemented by subclasses.
using System;

abstract class Report {
    public string title;

    public Report(string title) { this.title = title; }

    protected abstract string Body();
    public abstract int Priority();

    public string Render() {
        return "[" + Priority() + "] " + title + ": " + Body();
    }
}

class Alert : Report {
    public Alert(string t) : base(t) { }
    protected override string Body() { return "ALERT"; }
    public override int Priority() { return 1; }
}

class Note : Report {
    private int words;
    public Note(string t, int words) : base(t) { this.words = words; }
    protected override string Body() { return words + " words"; }
    public override int Priority() { return 5; }
}

class Program {
    static void Main() {
        Report[] rs = new Report[] { new Alert("disk"), new Note("todo", 12) };
        for (int i = 0; i < rs.Length; i++) Console.WriteLine(rs[i].Render());
        int total = 0;
        for (int i = 0; i < rs.Length; i++) total += rs[i].Priority();
        Console.WriteLine(total);
    }
}
