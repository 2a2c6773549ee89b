//! title: Where does the awaiter resume? C#'s inline continuations and a queue
//! goal: see a completing task resume its awaiter inline, inside rt_complete (C# on one thread)
//! goal: press o for the queued schedule and see the same awaiter wait behind the ready queue
//! goal: explain why "Main after first" moves in the output
// Lesson 08: the same program under two schedules.
//
// When a task completes, something must run the code after each `await` of
// it. C# on one thread (the default here, and what mono and .NET do with no
// synchronization context) calls that continuation at once, inside the
// completion: Main resumes before anything waiting in the ready queue.
// JavaScript's promises instead queue every continuation. Press o to switch
// flux-viz to that queued schedule: the program is compiled again and the
// output order changes, though not one line of it did.
using System;
using System.Threading.Tasks;

class Program {
    static async Task Work(string name) {
        Console.WriteLine(name + " starts");
        await Task.Yield();
        Console.WriteLine(name + " finishes");
    }

    static async Task Main() {
        Task first = Work("first");
        Task second = Work("second");
        await first;
        Console.WriteLine("Main after first");
        await second;
        Console.WriteLine("Main after second");
    }
}

//@ on start: Press a from event to event and watch the Output pane. Later, press o to run the same program with queued continuations and compare.
//@ on suspend Main#1: Both tasks yielded and sit in the ready queue, first then second. Main awaits first, which is still pending, so Main suspends: its frame joins first's awaiters.
//@ on complete Work#1: first finishes: rt_complete now runs its awaiters. Under C# that is Main, at once, inside this call, before second's turn in the queue.
//@ on resume Main#1: This is the inline resume: Main continues after `await first` while second is still waiting in the ready queue. Under o (queued) Main would be queued behind second instead.
//@ on end: Under C# (the default) "Main after first" comes before "second finishes"; under o (queued, named in the title) after it, because Main's continuation waits its turn in the ready queue. Press o to switch, c to run again.
//? on resume Main#1: first has just completed. Where does Main continue after `await first`? | right here, inside rt_complete, before second runs | from the ready queue, after second finishes | on another thread
