//! flux: lessons/12-continuations-or-polling.fs
//! Lazy: Fetch("a", 20) and Fetch("b", 10) run only when awaited, one after
//! the other (C# starts both at their calls, and b finishes first).
mod executor;
use executor::*;

fn fetch(what: &'static str, ms: u64) -> Task<i32> {
    task(async move {
        println!("fetch {what} starts");
        delay(ms).await;
        println!("fetch {what} done");
        ms as i32
    })
}

fn main() {
    block_on(async {
        let a = fetch("a", 20);
        let b = fetch("b", 10);
        println!("both called");
        let total = a.await + b.await;
        println!("total {total}");
    });
}
