//! flux: tests/programs/async_recursion.fs
mod executor;
use executor::*;

fn fib(n: i32) -> Task<i32> {
    task(async move {
        yield_now().await;
        if n < 2 {
            return n;
        }
        fib(n - 1).await + fib(n - 2).await
    })
}

fn countdown(n: i32) -> Task<()> {
    task(async move {
        if n == 0 {
            println!("liftoff");
            return;
        }
        println!("{n}");
        delay(10).await;
        countdown(n - 1).await;
    })
}

fn sum_deep(n: i64) -> Task<i64> {
    task(async move {
        if n == 0 {
            return 0;
        }
        n + sum_deep(n - 1).await
    })
}

fn main() {
    block_on(async {
        println!("fib(15) = {}", fib(15).await);
        countdown(3).await;
        println!("sum = {}", sum_deep(500).await);
    });
}
