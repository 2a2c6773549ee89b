// IComparable<T>: Array.Sort and List.Sort of objects by their own CompareTo (null first, as Comparer<T>.Default), a class implementing a generic interface after its base list's first type, int/char/long/double CompareTo.
using System;
using System.Collections.Generic;
class Student : IComparable<Student> {
    public string Name; public int Grade;
    public Student(string n, int g) { Name = n; Grade = g; }
    public int CompareTo(Student other) {
        int byGrade = other.Grade.CompareTo(Grade);
        return byGrade != 0 ? byGrade : Name.CompareTo(other.Name);
    }
    public override string ToString() { return Name + ":" + Grade; }
}
class Animal { public string Kind = "animal"; }
class Dog : Animal, IComparable<Dog> {
    public int Age;
    public Dog(int age) { Age = age; Kind = "dog"; }
    public int CompareTo(Dog d) { return Age - d.Age; }
}
class Pair<T> : IComparable<Pair<T>> {
    public int Key; public T Value;
    public Pair(int k, T v) { Key = k; Value = v; }
    public int CompareTo(Pair<T> other) { return Key.CompareTo(other.Key); }
}
class P {
    static void Main() {
        Student[] s = { new Student("Ann", 90), new Student("Bob", 85), new Student("Cid", 90), null };
        Array.Sort(s);
        foreach (Student x in s) Console.WriteLine(x == null ? "null" : x.ToString());
        var list = new List<Student> { new Student("Dee", 70), new Student("Eve", 95) };
        list.Sort();
        Console.WriteLine(string.Join(", ", list));
        Console.WriteLine(3.CompareTo(4) + " " + 'b'.CompareTo('a') + " " + 2.5.CompareTo(2.5) + " " + 7L.CompareTo(1L));
        var dogs = new List<Dog> { new Dog(7), new Dog(2), new Dog(5) };
        dogs.Sort();
        foreach (Dog d in dogs) Console.Write(d.Kind + d.Age + " ");
        Console.WriteLine();
        Pair<string>[] pairs = { new Pair<string>(3, "c"), new Pair<string>(1, "a"), new Pair<string>(2, "b") };
        Array.Sort(pairs);
        foreach (var p in pairs) Console.Write(p.Value);
        Console.WriteLine();
        IComparable<Student> c = s[1];
        Console.WriteLine(c.CompareTo(s[2]));
    }
}
