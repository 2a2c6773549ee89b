using System;
class Program {
    static void Main() {
        int x = 2;
        int y = 3;
        switch (x) {
            case 1:
                Console.WriteLine("one");
            case 2:
                break;
            case 1:
                break;
            case y:
                break;
            default:
                break;
            default:
                break;
        }
        switch (x) {
            case 5:
                Console.WriteLine("falls out");
        }
        switch (new int[1]) {
            default:
                break;
        }
        switch (x) {
            case "a":
                continue;
        }
        try {
        } finally {
            switch (x) { case 1: break; }
        }
    }
}
