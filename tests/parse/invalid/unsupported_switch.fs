class P {
    static void Main() {
        int x = 2;
        switch (x) {
            case 1:
                Console.WriteLine("one");
                break;
            case 2:
            default:
                Console.WriteLine("other");
                break;
        }
    }
}
