// exit: 2
// stderr: System.NullReferenceException
// A null member access inside an async method after an await fails with exit 2.
using System;
using System.Threading.Tasks;

class Node {
    public int value = 1;
    public Node next;
}

class Program {
    static async Task<int> Walk(Node n) {
        int sum = 0;
        for (int i = 0; i < 3; i++) {
            await Task.Delay(1);
            sum += n.value;
            Console.WriteLine("visited " + sum);
            n = n.next;
        }
        return sum;
    }

    static async Task Main() {
        Node a = new Node();
        a.next = new Node();
        Console.WriteLine(await Walk(a));
    }
}
