//! flux-viz: compile Flux# to x86-64 and watch it run.
//!
//! The modules follow the pipeline (see README.md):
//! source → parse → check → lower → codegen → link → emulate → (tui | cli).

pub mod asm;
pub mod ast;
pub mod check;
pub mod cli;
pub mod codegen;
mod collect;
pub mod compare;
pub mod diag;
pub mod dwarf;
pub mod elf;
pub mod emulate;
pub mod generic;
pub mod ir;
pub mod lesson;
pub mod link;
pub mod lower;
pub mod machine;
pub mod nasm;
pub mod parse;
pub mod pipeline;
pub mod runtime_layout;
pub mod source;
pub mod tui;
pub mod typed;
pub mod verify;
