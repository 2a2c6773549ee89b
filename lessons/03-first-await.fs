//! title: The first await — one async method as a state machine
//! goal: see the starter allocate the frame and run the method at once (a hot start)
//! goal: see that `doubled`, needed after the await, lives in the frame, and the await store state 1
//! goal: see the event loop resume Twice$resume, which jumps to state 1 with nothing to restore
//! goal: see Twice's completion resume Main inline, as C# does on one thread
// Lesson 03: the first await — the state machine of one async method.
//
// `Twice` is compiled into two functions: the starter `Program.Twice`, which
// allocates a frame on the heap (the frame is the task) and runs the method
// at once, and `Program.Twice$resume`, which jumps to the code of the frame's
// current state. `x` and `doubled` are still needed after the await, so they
// live in the frame itself (as Roslyn hoists them into fields of the state
// machine): at `await Task.Delay(10)` the method only stores state 1 and
// returns to the event loop. Ten virtual milliseconds later the loop calls
// Twice$resume again and the state table sends it to state 1, where both
// are still in the frame. When Twice
// returns, rt_complete resumes Main, which awaits it, right there: in C# on
// one thread the awaiter's continuation runs inside the completion (press o
// to switch to the queued schedule, where Main would wait its turn instead).
using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> Twice(int x) {
        int doubled = x + x;
        Console.WriteLine("Twice starts with x = " + x);
        await Task.Delay(10);
        Console.WriteLine("Twice resumes, x is still " + x);
        return doubled;
    }

    static async Task Main() {
        Task<int> task = Twice(21);
        Console.WriteLine("Main got a task back; completed: " + task.IsCompleted);
        int n = await task;
        Console.WriteLine("n = " + n);
    }
}

//@ on start: Press a to run to the next async event, b to step back, n for the next line.
//@ on line 33: Main calls Program.Twice, the starter: it allocates the frame (the task), stores x in it and calls Twice$resume right away.
//@ on line 25: `doubled` is still needed after the await, so it lives in the frame, not in a register (the frame's fields in the state machine pane): nothing needs saving when the method leaves. x, an argument, was stored there by the starter.
//@ on state 1 of Twice: The frame now records state 1: "continue after the first await". The resume function's jump table uses it.
//@ on suspend Twice#1: Twice returns to its caller with the task still pending. Main gets the task back and keeps going.
//@ on timer#1: Task.Delay(10) registers a timer due at 10 ms of virtual time and returns a pending task for Twice to await.
//@ on timer#2: Nothing is ready, so the event loop jumps virtual time to 10 ms and fires the timer; its awaiter, Twice, is queued.
//@ on poll Twice#1: The event loop takes Twice's frame off the ready queue and calls its continuation, Program.Twice$resume, with the frame in rdi.
//@ on jump Twice#2: Back in state 1: the state table sent Twice$resume here. Nothing comes back from the frame: x and doubled never left it.
//@ on complete Twice: Twice returns: the result goes into the promise header, and rt_complete turns to Main, which awaits it.
//@ on resume Main: C# on one thread: Main's continuation runs right here, inside Twice's completion (rt_complete calls Main$resume), not later from the event loop.
//@ on end: n = 42. Step back with b to watch the same moments in reverse.
