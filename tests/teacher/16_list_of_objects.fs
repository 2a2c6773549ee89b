using System;
using System.Collections.Generic;
class Student {
    public string Name { get; }
    public int Grade { get; set; }
    public Student(string name, int grade) { Name = name; Grade = grade; }
}
class Program {
    static void Main() {
        var students = new List<Student> { new Student("Ana", 90), new Student("Ben", 72), new Student("Cai", 85) };
        int total = 0;
        foreach (var s in students) total += s.Grade;
        Console.WriteLine("Average: " + total / students.Count);
        Student best = students[0];
        foreach (var s in students) if (s.Grade > best.Grade) best = s;
        Console.WriteLine("Best: " + best.Name);
    }
}
