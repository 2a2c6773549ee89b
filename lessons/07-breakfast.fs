//! title: Making breakfast: Task.WhenAll and work at the same time
//! goal: see each dish start before Main awaits any of them (hot tasks)
//! goal: see the dishes take turns at the timers, one thread doing all the work
//! goal: see Task.WhenAll complete with the last dish and resume Main inline
// Lesson 07: making breakfast (after Microsoft's async tutorial).
//
// A cook who waits for the eggs before starting the bacon needs 3 + 3 + 3 +
// 3 + 3 minutes. Starting every dish first and then awaiting all of them
// needs 6: while one pan waits, the cook works on another. That is what
// async does on one thread: each dish runs until it must wait, hands its
// pending task back, and the event loop resumes whichever dish's timer
// fires. Task.WhenAll(…) is one more task that completes when all of its
// tasks have, with their results in order.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<string> FryEggs(int count) {
        Console.WriteLine("warming the egg pan");
        await Task.Delay(3);
        Console.WriteLine("cracking " + count + " eggs");
        await Task.Delay(3);
        Console.WriteLine("the eggs are ready");
        return "eggs";
    }

    static async Task<string> FryBacon(int slices) {
        Console.WriteLine("putting " + slices + " slices of bacon in the pan");
        await Task.Delay(3);
        Console.WriteLine("flipping the bacon");
        await Task.Delay(3);
        Console.WriteLine("the bacon is ready");
        return "bacon";
    }

    static async Task<string> MakeToast(int slices) {
        Console.WriteLine("putting " + slices + " slices of bread in the toaster");
        await Task.Delay(3);
        Console.WriteLine("the toast is ready");
        return "toast";
    }

    static async Task Main() {
        Console.WriteLine("pouring coffee");
        Task<string> eggs = FryEggs(2);
        Task<string> bacon = FryBacon(3);
        Task<string> toast = MakeToast(2);
        string[] dishes = await Task.WhenAll(eggs, bacon, toast);
        Console.WriteLine("breakfast is ready: " + string.Join(", ", dishes));
    }
}

//@ on start: Press a from event to event. Main starts all three dishes before it awaits any of them; watch the timers pane and t= in the title.
//@ on suspend FryEggs#1: The egg pan must warm up: FryEggs registers a 3 ms timer, suspends in state 1 and hands its pending task back to Main, which starts the bacon at once.
//@ on suspend Main#1: Eggs, bacon and toast are all on, each waiting for a timer due at 3 ms. Now Main awaits Task.WhenAll of them and suspends: the event loop takes over.
//@ on poll FryEggs#1: Nothing was ready, so virtual time jumped to 3 ms and the three timers fired in the order they were set, waking the dishes; the loop resumes the eggs first.
//@ on complete MakeToast: The toast needed one wait: its task completes with "toast", one of the three WhenAll waits for.
//@ on complete FryBacon: The last dish: its completion completes the WhenAll, which resumes Main right here, inline, with the results in the order of the tasks.
//@ on end: 6 ms of virtual time for 15 ms of cooking: the waits overlapped on one thread. Awaiting each dish before starting the next would take 15 (try it: edit, save, r).
//? on complete FryBacon: The bacon, the last dish, is about to complete its task. What happens inside that completion? | WhenAll completes and Main resumes, inline | the event loop polls Main from the ready queue later | nothing until the next timer fires
