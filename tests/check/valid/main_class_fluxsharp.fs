class Main {
    int counter = 1;

    void main() {
        counter += 41;
        print(counter);
    }
}
