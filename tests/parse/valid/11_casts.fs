class Animal { }
class Dog : Animal { }

class Program {
    static void Main() {
        int i = 65;
        long l = (long)i;
        char ch = (char)i;
        int back = (int)-l;
        int paren = (i) - 1;
        Animal a = new Dog();
        Dog d = (Dog)a;
        Dog e = (Dog)(a);
        Dog f = a as Dog;
        bool isDog = a is Dog;
        int x = (int)(char)(long)i;
        int y = (i) + (int)ch;
    }
}
