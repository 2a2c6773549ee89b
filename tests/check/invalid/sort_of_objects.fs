class Person { public string Name; }
class Program {
    static void Main() {
        Person[] people = { new Person(), new Person() };
        Array.Sort(people);
    }
}
