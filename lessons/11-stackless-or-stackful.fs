//! title: Stackless or stackful? One program three ways, and what each switch costs
//! lowering: stackful
//! goal: see each task run on a stack of its own, and await switch stacks (rt_fiber_switch)
//! goal: see that no local moves at an await: score and turn stay in r12 and rbx
//! goal: press L to see the same program as a state machine (table, direct), and C to compare
// Lesson 11: what does it cost to leave a method in the middle and come back?
//
// A C# compiler turns an async method into a state machine: the method
// returns at each await, so everything it needs afterwards lives in a heap
// frame and the frame says where to continue (lessons 03 and 04). The other
// answer is a STACKFUL task, as coroutine libraries, Go's goroutines and
// fibers do it: each task gets a stack of its own, and `await` switches
// stacks. It pushes the callee-saved registers (rbx, rbp, r12-r15), keeps
// rsp in the task's frame, and loads the stack pointer of whoever resumed
// it; resuming is the same switch the other way. Locals stay where they
// are: the switch keeps them.
//
// This lesson opens in that lowering (--lowering stackful). Press L to see
// the same program as a state machine, with a state table and then with
// the continuation's address in the frame, and L once more to come back; press
// C for `flux-viz compare`'s figures of all three. Which is cheaper: saving
// six registers and rsp at every switch, or never leaving anything in a
// register across an await?
using System;
using System.Threading.Tasks;

class Program {
    static int Square(int n) {
        return n * n;
    }

    static async Task<int> Player(string name, int turns) {
        int score = 0;
        for (int turn = 1; turn <= turns; turn++) {
            score += Square(turn);
            Console.WriteLine(name + " has " + score);
            await Task.Yield();
        }
        return score;
    }

    static async Task Main() {
        Task<int> ping = Player("ping", 2);
        Task<int> pong = Player("pong", 2);
        int total = await ping + await pong;
        Console.WriteLine("total " + total);
    }
}

//@ on start: Press a to go from event to event, n for the next line, b to step back. Watch the Stack pane and rsp in the Registers pane.
//@ on jump Main#1: Main's task runs for the first time. rt_fiber_resume gave it an 8 KiB stack from the heap, and rt_fiber_switch moved rsp onto it: the Registers pane says rsp is on "the stack of Main()". The Stack pane shows that stack alone, down to rt_fiber_entry's base record, which faults the task if an exception leaves its body.
//@ on jump Player#1: Main called Player("ping", 2): the starter made its frame (the task) and the hot start switched to a new stack for ping. Main's stack is parked, its registers pushed on it by rt_fiber_switch, rsp kept in Main's frame.
//@ on line 35: score and turn live in r12 and rbx, as in any function (the header comment of Program.Player$fiber in the x86-64 pane says so). Square is an ordinary call, on ping's own stack.
//@ on suspend Player#1: await Task.Yield(): ping queued its own frame, and now calls rt_fiber_switch. Six pushes (rbp, rbx, r12-r15: score and turn among them) go on ping's stack, rsp goes into the frame (the state machine pane's "stack pointer"), and rsp becomes the stack pointer of whoever resumed ping. No state number is stored: the return address of this call says where ping stopped.
//@ on poll Player#1: The event loop takes ping's frame off the ready queue and calls its continuation, rt_fiber_resume, the same way it calls a state machine's resume function. rt_fiber_resume puts ping's stack limit and handler chain in place, then switches stacks.
//@ on jump Player#3: rt_fiber_switch popped ping's registers from ping's stack and jumps to the return address it left there, right after the await: score and turn are back in r12 and rbx because they never left them. Press L from here to see the table lowering at this moment: there the loop calls Player$resume, which jumps through the state table, and score and turn are read from the frame.
//@ on complete Player#1: ping returns 5 and rt_complete wakes Main inline, on ping's stack: rt_fiber_resume switches from ping's stack to Main's. When Main suspends again, the switch comes back here, and ping's stack goes to the free list for the next task.
//@ on end: Press C. The cycle (the machinery of one await and resume) costs about three times a state machine's here: rt_fiber_switch pushes and pops six registers twice per cycle, and rt_fiber_resume sets the stack limit and handler chain for each task. Each suspended task also keeps its whole stack (see "stack used/reserved"), against a frame of under 100 bytes. The state machine's answer to the founding question: save nothing at all, since every value needed after an await is already in the frame.
//? on suspend Player#1: ping is about to switch stacks at its await. Where do score and turn go? | nowhere: they stay in r12 and rbx, which rt_fiber_switch pushes on ping's own stack | into ping's heap frame, as the state machine keeps them | they are lost and recomputed on resume
