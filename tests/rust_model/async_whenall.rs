//! flux: tests/programs/async_whenall.fs
mod executor;
use executor::*;

fn step(name: &'static str, ms: u64) -> Task<()> {
    task(async move {
        delay(ms).await;
        println!("{name} finished");
    })
}

fn main() {
    block_on(async {
        let a = step("a", 20);
        let b = step("b", 5);
        let c = ready(());
        println!("waiting for all");
        when_all(vec![a.clone(), b.clone(), c]).await;
        let t = |b: bool| if b { "True" } else { "False" };
        println!("all finished: {} {}", t(a.is_completed()), t(b.is_completed()));
        when_all(vec![a, b]).await;
        println!("WhenAll of completed tasks does not suspend");
    });
}
