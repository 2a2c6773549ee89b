//! flux: tests/programs/async_deep_chain.fs
mod executor;
use executor::*;
use std::cell::Cell;

thread_local! {
    static RESUMED: Cell<i32> = const { Cell::new(0) };
}

fn nest(depth: i32) -> Task<i32> {
    task(async move {
        if depth == 0 {
            delay(5).await;
            return 0;
        }
        let below = nest(depth - 1).await;
        RESUMED.with(|r| r.set(r.get() + 1));
        below + 1
    })
}

fn main() {
    block_on(async {
        let t = nest(200);
        println!("started, completed: {}", if t.is_completed() { "True" } else { "False" });
        let depth = t.await;
        println!("depth {depth}, resumed {}", RESUMED.with(|r| r.get()));
    });
}
