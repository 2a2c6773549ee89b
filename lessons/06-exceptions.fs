//! title: Exceptions through await: faulted tasks, catch and finally
//! goal: see throw take the innermost handler record and jump to its handler
//! goal: see an exception fault its task and come out again at the await
//! goal: see finally run on the way out of the try, and not at a suspension
//! stops: throw, catch, faulted, rethrow, finally, suspend, resume, complete
// Lesson 06: exceptions through await.
//
// Code that can catch keeps a handler record in its stack frame: where to
// continue and the registers to come back with, linked into a chain whose
// innermost record is rt_handler. throw jumps to the innermost one. Every
// async method's resume function makes one on entry whose handler faults
// the method's task: the exception waits in the task until someone awaits
// it, and then it is thrown again, right at that await.
using System;
using System.Threading.Tasks;

class Program {
    static async Task<int> Fetch(int id) {
        await Task.Delay(10);
        if (id < 0) throw new ArgumentException("no such id: " + id);
        return id * 100;
    }

    static async Task<int> FetchOrZero(int id) {
        try {
            return await Fetch(id);
        } catch (ArgumentException e) {
            Console.WriteLine("caught: " + e.Message);
            return 0;
        } finally {
            Console.WriteLine("done with " + id);
        }
    }

    static async Task Main() {
        Task<int> good = FetchOrZero(7);
        Task<int> bad = FetchOrZero(-1);
        Console.WriteLine("both started");
        Console.WriteLine(await good + await bad);
    }
}

//@ on start: Press a to go from one exception or async event to the next; watch rt_handler in the x86 pane.
//@ on suspend FetchOrZero#1: FetchOrZero(7) waits inside its try: leaving the method takes the try's handler records off the chain with the method's own. Its finally does not run: the try has not ended.
//@ on resume FetchOrZero#1: FetchOrZero(7) resumes inside its try: the resume code makes the try's handler records again before it goes on.
//@ on finally#1: FetchOrZero(7) returns: its value is computed first, then the finally runs, then the task completes.
//@ on throw#1: Fetch(-1) throws: rt_throw takes the innermost handler record, the one Fetch's resume function made on entry.
//@ on faulted#1: Fetch(-1)'s handler keeps the exception in its task (status 2) and wakes FetchOrZero(-1), its awaiter.
//@ on rethrow#1: The await in FetchOrZero(-1) finds its task faulted and throws the kept exception again, right there.
//@ on catch#2: This time the innermost record is the try's: rt_throw puts back its registers and jumps to the catch clauses' test.
//@ on end: The caught exception became 0; Main never saw it: 700 + 0.
