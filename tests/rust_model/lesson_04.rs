//! flux: lessons/04-event-loop.fs
//! Lazy: pong starts only when Main awaits it, after ping has finished.
mod executor;
use executor::*;

fn player(name: &'static str, turns: i32) -> Task<i32> {
    task(async move {
        let mut score = 0;
        for turn in 1..=turns {
            score += turn;
            println!("{name} plays turn {turn}");
            yield_now().await;
        }
        score
    })
}

fn main() {
    block_on(async {
        let ping = player("ping", 3);
        let pong = player("pong", 2);
        let total = ping.await + pong.await;
        println!("total score {total}");
    });
}
