//! flux-viz: compile Flux# to x86-64 and watch it run.
//!
//! The modules follow the pipeline (see README.md):
//! source → parse → check → lower → codegen → link → emulate → (tui | cli).

pub mod ast;
pub mod check;
pub mod diag;
pub mod source;
pub mod typed;
