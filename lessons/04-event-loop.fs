//! title: Two tasks and the event loop
//! goal: see Task.Yield() put a frame at the back of the ready queue
//! goal: see the event loop take the oldest promise off the queue (a poll)
//! goal: see the continuation jump into Player$resume with the frame in rdi
// Lesson 04: two tasks and the event loop — polls, the ready queue and
// continuation jumps.
//
// Each `await Task.Yield()` puts the current frame at the back of the ready
// queue and returns to the event loop. The loop takes the oldest frame from
// the queue (a poll), puts it in rdi and calls its continuation (the
// continuation jump), so the two players take turns.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> Player(string name, int turns) {
        int score = 0;
        for (int turn = 1; turn <= turns; turn++) {
            score += turn;
            Console.WriteLine(name + " plays turn " + turn);
            await Task.Yield();
        }
        return score;
    }

    static async Task Main() {
        Task<int> ping = Player("ping", 3);
        Task<int> pong = Player("pong", 2);
        int total = await ping + await pong;
        Console.WriteLine("total score " + total);
    }
}

//@ on start: Press a to run from one async event to the next; watch the ready queue pane.
//@ on suspend Player#1: ping yields: its frame goes to the back of the ready queue and Player returns to Main, which starts pong.
//@ on poll Player#1: The event loop takes the oldest ready frame (ping) off the queue: that is a poll.
//@ on jump Player#1: The starter Program.Player has made ping's frame and called Player$resume: its state table sends it to state 0, and ping's body runs at once (a hot start).
//@ on jump Player#3: The continuation jump: the event loop's call [rdi+16] entered Player$resume with ping's frame in rdi, and the state table sends it to state 1, right after the yield. score, turn, name and turns never left the frame: nothing to restore.
//@ on complete Player#1: pong has played its two turns: its task completes and its awaiters are woken.
//@ on end: Both players interleaved, one turn each, because every Task.Yield() sends the frame to the back of the queue.
//? on poll Player#1: Both players have yielded. Which frame does the event loop take off the ready queue first? | ping's: it yielded first | pong's: it yielded last | Main's: it awaits ping
