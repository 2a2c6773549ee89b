//! flux: tests/programs/async_hello.fs
mod executor;
use executor::*;

fn answer() -> Task<i32> {
    task(async {
        delay(10).await;
        42
    })
}

fn main() {
    block_on(async {
        println!("before");
        delay(5).await;
        println!("after delay");
        let a = answer().await;
        println!("answer {a}");
    });
}
