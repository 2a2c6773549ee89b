//! flux: lessons/11-stackless-or-stackful.fs
//! Lazy: pong starts only when Main awaits it, after ping has finished.
mod executor;
use executor::*;

fn square(n: i32) -> i32 {
    n * n
}

fn player(name: &'static str, turns: i32) -> Task<i32> {
    task(async move {
        let mut score = 0;
        for turn in 1..=turns {
            score += square(turn);
            println!("{name} has {score}");
            yield_now().await;
        }
        score
    })
}

fn main() {
    block_on(async {
        let ping = player("ping", 2);
        let pong = player("pong", 2);
        let total = ping.await + pong.await;
        println!("total {total}");
    });
}
