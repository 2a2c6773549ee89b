using "lib/helpers.fsh";

class Program {
    static void Main() {
        print(Helper.Triple(3));
        print(Add3(1));
    }
}
