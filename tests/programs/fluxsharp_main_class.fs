// FluxSharp entry point: a class Main with an instance method void main(), using instance fields and print.
class Main {
    int counter = 10;

    void Bump(int by) {
        counter += by;
    }

    void main() {
        print("main() called");
        Bump(5);
        Bump(-2);
        print(counter);
    }
}
