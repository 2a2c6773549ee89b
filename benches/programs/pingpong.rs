//! The Task.Yield() ping-pong of benches/programs/pingpong_cycle.fs in Rust:
//! two `async fn` tasks on a minimal single-threaded executor (a ready queue
//! of task indices; a waker puts its task back in it), std only. The rustc
//! anchor of benches/anchors.rs: `rustc -O --edition 2021 pingpong.rs`, run with the
//! rounds per task as its argument; prints "done".

use std::cell::RefCell;
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

thread_local! {
    /// The ready queue: indices of the tasks to poll, oldest first.
    static READY: RefCell<VecDeque<usize>> = const { RefCell::new(VecDeque::new()) };
}

/// A waker that puts its task (by index) back in the ready queue.
struct TaskWaker(usize);

impl Wake for TaskWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }
    fn wake_by_ref(self: &Arc<Self>) {
        READY.with(|r| r.borrow_mut().push_back(self.0));
    }
}

/// `Task.Yield()`: pending once (after waking its task), then ready.
struct YieldNow(bool);

impl Future for YieldNow {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            return Poll::Ready(());
        }
        self.0 = true;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

async fn player(rounds: u64) {
    for _ in 0..rounds {
        YieldNow(false).await;
    }
}

fn main() {
    let rounds: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1000);
    let mut tasks: Vec<Option<Pin<Box<dyn Future<Output = ()>>>>> =
        vec![Some(Box::pin(player(rounds))), Some(Box::pin(player(rounds)))];
    let wakers: Vec<Waker> = (0..tasks.len()).map(|i| Waker::from(Arc::new(TaskWaker(i)))).collect();
    READY.with(|r| r.borrow_mut().extend(0..tasks.len()));
    while let Some(i) = READY.with(|r| r.borrow_mut().pop_front()) {
        let mut cx = Context::from_waker(&wakers[i]);
        if let Some(task) = tasks[i].as_mut() {
            if task.as_mut().poll(&mut cx).is_ready() {
                tasks[i] = None;
            }
        }
    }
    println!("done");
}
