//! title: Find the bug: two deposits, one lost
//! goal: find out, with a breakpoint and b, why the final balance is 130 and not 180
//! goal: see which value of `seen` each frame keeps across its await
//! goal: fix the program and check it with r
// Lesson 10: a bug to find on your own.
//
// Two deposits run at the same time on one thread. The bank starts with 100,
// ann deposits 50 and bob 30, so the balance should end at 180. It ends at
// 130. No thread races here: only one instruction runs at a time. Find the
// moment the money is lost. Tools: Enter sets a breakpoint on the selected
// line (Tab to a pane, ↑ ↓ to a line), c runs to it, b and B step back, the
// state machine pane shows each frame's saved locals, a goes event by event.
using System;
using System.Threading.Tasks;

class Program {
    static int balance = 100;

    static async Task Deposit(string who, int amount) {
        int seen = balance;
        await Task.Delay(1);
        balance = seen + amount;
        Console.WriteLine(who + " deposited " + amount + ", balance " + balance);
    }

    static async Task Main() {
        await Task.WhenAll(Deposit("ann", 50), Deposit("bob", 30));
        Console.WriteLine("final balance " + balance + " (expected 180)");
    }
}

//@ on start: The output will say 130, not 180. Find where 50 is lost. A start: select line 22 in the source pane, Enter for a breakpoint, c to run to it.
//@ on line 22: Here a deposit writes the balance. Which value of `seen` did this frame keep across its await (state machine pane, frame fields)? What was the balance when it read it? b steps back to see.
//@ on end: Found it? Both deposits read the balance (100) before either wrote it: the await between the read and the write let the other run. Fix: read after the await (`balance += amount;`), save, and r: 180.
//? on complete Deposit#1: ann's deposit wrote 150 and completes. What will bob's deposit write? | 130: 30 more than the 100 it read before its await | 180: 30 more than ann's 150 | 150: it writes nothing
