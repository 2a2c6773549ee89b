//! `flux-viz trace`: run a program to its end and print its events.
//!
//! In: a compiled program, the kinds to print, the output form and the
//! budget. Out: one line per event (or one JSON object per line) written to
//! `out`, and how the run ended. The JSON schema is in README.md ("trace").

use super::{End, Event, KindSet, Machine, Options, Stop, SLICE};
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
        // Only forward: one checkpoint, at the start, is all it needs.
        checkpoint_interval: Options::FORWARD_ONLY,
    };
    let mut machine = Machine::with_options(compiled, options).map_err(Error::Machine)?;
    loop {
        // Events are recorded without stopping; each slice's (the slice of
        // the UI's long motions) are printed and forgotten, so memory does
        // not grow with the number of events.
        let stop = machine.run_for(SLICE).map_err(Error::Machine)?;
        for event in machine.take_events(kinds) {
            print(&event, json, out)?;
        }
        if let Stop::End(end) = stop {
            return Ok(end);
        }
    }
}

fn print(event: &Event, json: bool, out: &mut dyn Write) -> Result<(), Error> {
    if json {
        serde_json::to_writer(&mut *out, event).map_err(|e| Error::Write(e.into()))?;
    } else {
        let mut line = String::with_capacity(160);
        let _ = event.write_line(&mut line);
        out.write_all(line.as_bytes()).map_err(Error::Write)?;
    }
    out.write_all(b"\n").map_err(Error::Write)
}
