//! flux: tests/programs/async_equal_deadlines.fs
//! Lazy: no timer wakes a method; it wakes the top-level task, whose poll
//! runs down the join in its order (x, l, y). In C# each timer resumes its
//! own awaiter in registration order: x and y (registered at 0) before l's
//! (registered at 5), though all three are due at 10.
mod executor;
use executor::*;

fn at(name: String, ms: u64) -> Task<()> {
    task(async move {
        delay(ms).await;
        println!("{name}");
    })
}

fn late(name: &'static str) -> Task<()> {
    task(async move {
        delay(5).await;
        let t = at(format!("{name} (registered at 5 for 10)"), 5);
        t.await;
    })
}

fn main() {
    block_on(async {
        let x = at("x (registered at 0 for 10)".into(), 10);
        let l = late("l");
        let y = at("y (registered at 0 for 10)".into(), 10);
        let z = at("z (registered at 0 for 5)".into(), 5);
        when_all(vec![x, l, y, z]).await;
        println!("done");
    });
}
