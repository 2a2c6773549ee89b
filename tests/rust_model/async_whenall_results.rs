//! flux: tests/programs/async_whenall_results.fs
mod executor;
use executor::*;

fn compute(x: i32, ms: u64) -> Task<i32> {
    task(async move {
        delay(ms).await;
        println!("computed {x}");
        x * x
    })
}

fn main() {
    block_on(async {
        let (a, b, c) = (compute(3, 30), compute(4, 10), compute(5, 20));
        let results = when_all(vec![a, b, c]).await;
        println!("{}", results.iter().sum::<i32>());
    });
}
