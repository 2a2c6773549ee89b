//! flux: lessons/05-timers.fs
//! The join polls all three brews, so they wait together, as in C#.
mod executor;
use executor::*;

fn brew(drink: &'static str, minutes: u64) -> Task<String> {
    task(async move {
        println!("start {drink}");
        delay(minutes).await;
        println!("{drink} ready after {minutes}");
        drink.to_string()
    })
}

fn main() {
    block_on(async {
        let tea = brew("tea", 30);
        let coffee = brew("coffee", 10);
        let cocoa = brew("cocoa", 30);
        let all = when_all(vec![tea, coffee, cocoa]).await;
        println!("served: {}, {}, {}", all[0], all[1], all[2]);
        delay(0).await;
        println!("Delay(0) did not suspend");
    });
}
