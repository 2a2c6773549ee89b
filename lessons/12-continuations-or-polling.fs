//! title: C#'s continuations or Rust's polling? One program, two models
//! model: rust
//! goal: see that calling an async method under Rust's model runs nothing: the future waits to be polled
//! goal: see await poll the child in place, and Pending go up the chain to the executor
//! goal: see why poll needs the waker: the timer keeps it, and firing queues the task again
//! goal: press M for C#'s model and compare the order of the output
// Lesson 12: who runs the code after an await?
//
// In C# (lessons 03 to 08) a task is HOT: calling Fetch runs it at once, up
// to its first await, and when the task it awaits completes, the completion
// itself calls the awaiter's continuation. Rust's async functions are LAZY:
// calling one only builds its future (here, as in C#, the frame). Nothing
// runs until someone POLLS it: `await` polls the child in place, and if the
// child must wait it returns Pending, and so does every future above it, up
// to the EXECUTOR, which polled the top-level task (Main). Nobody is ever
// resumed. Then how does the executor know when to poll again? Every poll
// carries a WAKER (cx, in rsi here): what the future waits for keeps it, and
// wakes it when it is ready, which puts the top-level task back in the ready
// queue. That is why poll needs the waker.
//
// This lesson opens in Rust's model (--model rust). Press M to run the very
// same program as C# runs it and compare the Output pane: the calls, the
// waits and the prints come in another order, for the same source.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> Fetch(string what, int ms) {
        Console.WriteLine("fetch " + what + " starts");
        await Task.Delay(ms);
        Console.WriteLine("fetch " + what + " done");
        return ms;
    }

    static async Task Main() {
        Task<int> a = Fetch("a", 20);
        Task<int> b = Fetch("b", 10);
        Console.WriteLine("both called");
        int total = await a + await b;
        Console.WriteLine("total " + total);
    }
}

//@ on start: Press a to go from event to event. Watch the Output pane and the Stack pane: under Rust's model the chain of polls is a chain of calls on the one stack.
//@ on poll Main#1: The executor (rt_block_on) takes Main's future from the ready queue and polls it: Main$poll(frame, cx), with the waker in rsi. The waker is Main's own task: whatever Main ends up waiting for will keep it.
//@ on line 38: Fetch("a", 20) and Fetch("b", 10) were called, and nothing of them ran: no "fetch a starts" in the Output pane. Each call only made a frame, a future in state 0. In C# both would have run up to their Task.Delay already.
//@ on poll Fetch#1: Main's `await a` polls a in place: a call of Fetch$poll with the same waker. Only now does Fetch("a", 20) run, from the top.
//@ on suspend Fetch#1: a's Task.Delay(20) is not done: its poll kept the waker (an awaiter node on the timer) and said Pending, so Fetch returns Pending (1) to Main, which polled it.
//@ on suspend Main#1: Main returns Pending too, to the executor. The whole chain has returned: nothing of Main or Fetch is on the stack, only their frames on the heap remember where they stopped (state 1).
//@ on poll Main#2: The timer fired at 20 ms and woke the waker it kept: Main's task went back in the ready queue, and the executor polls Main again. Main's state table sends it to state 1, which polls a again, which polls its timer: Ready this time.
//@ on poll Fetch#3: a is done; now `await b` polls b, for the first time: only now does b's Task.Delay(10) start, at 20 ms. In C# b started at 0 ms and finished first.
//@ on end: Press M to run the same program under C#'s model. There each call runs its task at once ("fetch a starts", "fetch b starts" before "both called"), b's timer (10 ms) finishes first, and each completion resumes its awaiter itself: no waker, no polls from the top. Under Rust's model a future does nothing until polled, so the poll must carry the waker; without it nothing could tell the executor when polling again is worth it.
//? on poll Fetch#1: Main has called Fetch twice and printed "both called". When does "fetch a starts" appear? | now, when Main's await polls a for the first time | it already appeared, when Fetch was called | only after b has run
