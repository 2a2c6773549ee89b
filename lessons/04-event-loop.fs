// Lesson 04: two tasks and the event loop — polls, the ready queue and
// continuation jumps.
//
// Each `await Task.Yield()` puts the current frame at the back of the ready
// queue and returns to the event loop. The loop takes the oldest frame from
// the queue (a poll), loads its context into rdi and calls its continuation
// (the continuation jump), so the two players take turns.
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
