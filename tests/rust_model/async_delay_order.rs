//! flux: tests/programs/async_delay_order.fs
//! Lazy: each sleeper starts its timer only when awaited, one after another.
mod executor;
use executor::*;

fn sleep(name: &'static str, ms: u64) -> Task<()> {
    task(async move {
        println!("{name} sleeps {ms}");
        delay(ms).await;
        println!("{name} wakes");
    })
}

fn main() {
    block_on(async {
        let a = sleep("a", 30);
        let b = sleep("b", 10);
        let c = sleep("c", 20);
        let d = sleep("d", 1);
        a.await;
        b.await;
        c.await;
        d.await;
        println!("all awake");
    });
}
