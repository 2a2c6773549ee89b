class Animal {
    protected string name;
    public Animal(string name) { this.name = name; }
    public Animal() : this("nobody") { }
}

class Dog : Animal {
    private int age;
    public Dog(string name, int age) : base(name) { this.age = age; }
    public Dog() : this("rex", 3) { }
}
