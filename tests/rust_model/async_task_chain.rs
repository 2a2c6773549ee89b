//! flux: tests/programs/async_task_chain.fs
mod executor;
use executor::*;

fn level3() -> Task<i32> {
    task(async {
        delay(3).await;
        7
    })
}

fn level2() -> Task<i64> {
    task(async {
        let v = level3().await;
        yield_now().await;
        v as i64 * 1_000_000_000
    })
}

fn level1() -> Task<String> {
    task(async { format!("value={}", level2().await) })
}

fn check() -> Task<bool> {
    task(async { level1().await.len() > 10 })
}

fn main() {
    block_on(async {
        println!("{}", level1().await);
        println!("{}", if check().await { "True" } else { "False" });
    });
}
