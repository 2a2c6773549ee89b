// Lesson 03: the first await — the state machine of one async method.
//
// `Twice` is compiled into two functions: the starter `Program.Twice`, which
// allocates a frame on the heap (the frame is the task) and runs the method
// at once, and `Program.Twice$resume`, which jumps to the code of the frame's
// current state. At `await Task.Delay(10)` the method saves the registers it
// still needs into the frame, stores state 1 and returns to the event loop.
// Ten virtual milliseconds later the loop calls Twice$resume again, the state
// table sends it to state 1, and the saved registers come back.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> Twice(int x) {
        Console.WriteLine("Twice starts with x = " + x);
        await Task.Delay(10);
        Console.WriteLine("Twice resumes, x is still " + x);
        return 2 * x;
    }

    static async Task Main() {
        Task<int> task = Twice(21);
        Console.WriteLine("Main got a task back; completed: " + task.IsCompleted);
        int n = await task;
        Console.WriteLine("n = " + n);
    }
}
