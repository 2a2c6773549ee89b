//! The minimal single-threaded executor the Rust translations of
//! tests/rust_model/ run on (std only): what `flux-viz --model rust` builds
//! in runtime/poll.asm, written the way a Rust programmer would.
//!
//! - `Task<T>`: an async method's future, lazy (nothing runs until it is
//!   polled), shareable (as a Flux# `Task<T>` value is: awaited, joined or
//!   asked `is_completed()` by whoever holds it), done once its poll is Ready.
//! - `block_on`: the executor. It polls the top-level future whenever its
//!   waker has queued it; when nothing is queued it advances virtual time to
//!   the earliest timer and fires every timer due then (their wakers queue
//!   the task again). As flux-viz, it fails with "deadlock" when the task
//!   waits and no timer is left.
//! - `delay(ms)`: Task.Delay in virtual time, its deadline fixed when the
//!   future is made (0: done at once); `yield_now()`: Task.Yield, Pending
//!   once after waking its task; `when_all` / `when_any`: a join polling
//!   every child not done yet, a select Ready with the first child done.
#![allow(dead_code)]

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

thread_local! {
    static NOW: Cell<u64> = const { Cell::new(0) };
    static SEQUENCE: Cell<u64> = const { Cell::new(0) };
    /// Pending timers: (deadline, registration, its state).
    static TIMERS: RefCell<Vec<(u64, u64, Rc<TimerState>)>> = const { RefCell::new(Vec::new()) };
}

/// The top-level task's waker: it only says "poll me again".
struct Flag(AtomicBool);

impl Wake for Flag {
    fn wake(self: Arc<Self>) {
        self.0.store(true, Ordering::SeqCst);
    }
    fn wake_by_ref(self: &Arc<Self>) {
        self.0.store(true, Ordering::SeqCst);
    }
}

/// Runs `future` to its end: the executor.
pub fn block_on<T>(future: impl Future<Output = T>) -> T {
    let flag = Arc::new(Flag(AtomicBool::new(true)));
    let waker = Waker::from(flag.clone());
    let mut cx = Context::from_waker(&waker);
    let mut future = Box::pin(future);
    loop {
        if flag.0.swap(false, Ordering::SeqCst) {
            if let Poll::Ready(value) = future.as_mut().poll(&mut cx) {
                return value;
            }
            continue;
        }
        if !fire_timers() {
            eprintln!("Unhandled exception. deadlock: Main never completed");
            std::process::exit(9);
        }
    }
}

/// Advances virtual time to the earliest deadline and fires every timer due
/// then; false when no timer is pending.
fn fire_timers() -> bool {
    TIMERS.with(|timers| {
        let mut timers = timers.borrow_mut();
        let Some(earliest) = timers.iter().map(|t| t.0).min() else {
            return false;
        };
        NOW.with(|now| now.set(earliest));
        timers.sort_by_key(|t| (t.0, t.1));
        let due: Vec<_> = timers.iter().filter(|t| t.0 == earliest).cloned().collect();
        timers.retain(|t| t.0 != earliest);
        for (_, _, state) in due {
            state.fired.set(true);
            if let Some(waker) = state.waker.borrow_mut().take() {
                waker.wake();
            }
        }
        true
    })
}

struct TimerState {
    fired: Cell<bool>,
    waker: RefCell<Option<Waker>>,
}

/// `Task.Delay(ms)`.
pub struct Delay(Rc<TimerState>);

pub fn delay(ms: u64) -> Delay {
    let state = Rc::new(TimerState {
        fired: Cell::new(ms == 0),
        waker: RefCell::new(None),
    });
    if ms > 0 {
        let deadline = NOW.with(|n| n.get()) + ms;
        let sequence = SEQUENCE.with(|s| {
            s.set(s.get() + 1);
            s.get()
        });
        TIMERS.with(|t| t.borrow_mut().push((deadline, sequence, state.clone())));
    }
    Delay(state)
}

impl Future for Delay {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0.fired.get() {
            return Poll::Ready(());
        }
        *self.0.waker.borrow_mut() = Some(cx.waker().clone());
        Poll::Pending
    }
}

/// `Task.Yield()`.
pub struct YieldNow(bool);

pub fn yield_now() -> YieldNow {
    YieldNow(false)
}

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

enum Inner<T> {
    Running(Pin<Box<dyn Future<Output = T>>>),
    Done(T),
}

/// An async method's future: lazy, shareable, done once Ready.
pub struct Task<T>(Rc<RefCell<Inner<T>>>);

impl<T> Clone for Task<T> {
    fn clone(&self) -> Self {
        Task(self.0.clone())
    }
}

/// Calling an async method: its future, nothing of it run.
pub fn task<T: 'static>(future: impl Future<Output = T> + 'static) -> Task<T> {
    Task(Rc::new(RefCell::new(Inner::Running(Box::pin(future)))))
}

/// `Task.FromResult(value)`, `Task.CompletedTask`.
pub fn ready<T>(value: T) -> Task<T> {
    Task(Rc::new(RefCell::new(Inner::Done(value))))
}

impl<T: Clone> Task<T> {
    pub fn is_completed(&self) -> bool {
        matches!(*self.0.borrow(), Inner::Done(_))
    }
}

impl<T: Clone> Future for Task<T> {
    type Output = T;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        let mut inner = self.0.borrow_mut();
        let value = match &mut *inner {
            Inner::Done(value) => return Poll::Ready(value.clone()),
            Inner::Running(future) => match future.as_mut().poll(cx) {
                Poll::Ready(value) => value,
                Poll::Pending => return Poll::Pending,
            },
        };
        *inner = Inner::Done(value.clone());
        Poll::Ready(value)
    }
}

/// `Task.WhenAll(tasks)`: the results in order, once every task is done.
pub async fn when_all<T: Clone>(tasks: Vec<Task<T>>) -> Vec<T> {
    std::future::poll_fn(|cx| {
        let mut pending = false;
        for t in &tasks {
            if !t.is_completed() && Pin::new(&mut t.clone()).poll(cx).is_pending() {
                pending = true;
            }
        }
        if pending {
            return Poll::Pending;
        }
        Poll::Ready(
            tasks
                .iter()
                .map(|t| match &*t.0.borrow() {
                    Inner::Done(v) => v.clone(),
                    Inner::Running(_) => unreachable!("done"),
                })
                .collect(),
        )
    })
    .await
}

/// `Task.WhenAny(tasks)`: the first task done, polled in order.
pub async fn when_any<T: Clone>(tasks: Vec<Task<T>>) -> Task<T> {
    std::future::poll_fn(|cx| {
        for t in &tasks {
            if t.is_completed() || Pin::new(&mut t.clone()).poll(cx).is_ready() {
                return Poll::Ready(t.clone());
            }
        }
        Poll::Pending
    })
    .await
}
