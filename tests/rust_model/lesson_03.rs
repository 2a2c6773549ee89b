//! flux: lessons/03-first-await.fs
//! Lazy: Twice(21) prints nothing until Main awaits it (C#'s hot start
//! prints "Twice starts" before "Main got a task back").
mod executor;
use executor::*;

fn twice(x: i32) -> Task<i32> {
    task(async move {
        let doubled = x + x;
        println!("Twice starts with x = {x}");
        delay(10).await;
        println!("Twice resumes, x is still {x}");
        doubled
    })
}

fn main() {
    block_on(async {
        let t = twice(21);
        println!("Main got a task back; completed: {}", if t.is_completed() { "True" } else { "False" });
        let n = t.await;
        println!("n = {n}");
    });
}
