//! flux: tests/programs/async_await_order.fs
//! Lazy: `Op("C", 10)` and `Op("D", 1)` print nothing until awaited, so C
//! ends before D starts (C# starts both at once: "start C", "start D").
mod executor;
use executor::*;

fn op(name: &'static str, ms: u64) -> Task<i32> {
    task(async move {
        println!("start {name}");
        delay(ms).await;
        println!("end {name}");
        ms as i32
    })
}

fn main() {
    block_on(async {
        let r = op("A", 10).await + op("B", 1).await;
        println!("{r}");
        let a = op("C", 10);
        let b = op("D", 1);
        println!("{}", a.await + b.await);
    });
}
