//! flux: tests/programs/async_yield_pingpong.fs
//! Lazy: pong does not start before `await pong`, after ping is done (C#:
//! the two take turns, each Yield letting the other run).
mod executor;
use executor::*;

fn player(name: &'static str, rounds: i32) -> Task<()> {
    task(async move {
        for i in 0..rounds {
            println!("{name} {i}");
            yield_now().await;
        }
        println!("{name} done");
    })
}

fn main() {
    block_on(async {
        let ping = player("ping", 4);
        let pong = player("pong", 3);
        ping.await;
        pong.await;
        println!("end");
    });
}
