// Sorting objects: a class says how two of its objects compare.
using System;
using System.Collections.Generic;

class Student : IComparable<Student>
{
    public string Name { get; }
    public double Average { get; }

    public Student(string name, double average)
    {
        Name = name;
        Average = average;
    }

    // Best average first; equal averages by name.
    public int CompareTo(Student other)
    {
        int byAverage = other.Average.CompareTo(Average);
        return byAverage != 0 ? byAverage : Name.CompareTo(other.Name);
    }
}

class Program
{
    static void Main()
    {
        var students = new List<Student>
        {
            new Student("Maya", 14.5),
            new Student("Tom", 12.25),
            new Student("Ines", 14.5),
            new Student("Leo", 16),
        };
        students.Sort();
        int rank = 1;
        foreach (Student s in students)
        {
            Console.WriteLine($"{rank,2}. {s.Name,-5} {s.Average:F2}");
            rank++;
        }
    }
}
