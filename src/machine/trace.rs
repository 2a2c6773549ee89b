//! `flux-viz trace`: run a program to its end and print its events.
//!
//! In: a compiled program, the kinds to print, the output form and the
//! budget. Out: one line per event (or one JSON object per line) written to
//! `out`, and how the run ended. The JSON schema is in README.md ("trace").

use super::{End, Event, KindSet, Machine, Options, Stop};
use crate::pipeline::Compiled;
use std::io::Write;

/// The kinds printed when `--events` is not given: everything recorded.
pub const DEFAULT_KINDS: &str = "all";

/// Why a trace stopped early.
#[derive(Debug)]
pub enum Error {
    /// The engine could not start or go on.
    Machine(String),
    /// `out` could not be written (a closed pipe, a full disk): the caller decides.
    Write(std::io::Error),
}

/// Runs `compiled` to its end, printing every event of `kinds` as it is reached.
pub fn trace(
    compiled: Compiled,
    kinds: KindSet,
    json: bool,
    max_insns: u64,
    out: &mut dyn Write,
) -> Result<End, Error> {
    let options = Options {
        max_insns,
        ..Options::default()
    };
    let mut machine = Machine::with_options(compiled, options).map_err(Error::Machine)?;
    let mut printed = 0;
    loop {
        let stop = machine.run_to(kinds.recorded()).map_err(Error::Machine)?;
        // Events of an end (budget, CPU fault) are recorded without a stop.
        // Each event is built once, and only when its kind is printed.
        let upto = machine.events_through(machine.icount());
        for event in machine.events_in(printed..upto, kinds) {
            print(&event, json, out)?;
        }
        printed = upto;
        if let Stop::End(end) = stop {
            return Ok(end);
        }
    }
}

fn print(event: &Event, json: bool, out: &mut dyn Write) -> Result<(), Error> {
    let line = if json { event.json() } else { event.line() };
    writeln!(out, "{line}").map_err(Error::Write)
}
