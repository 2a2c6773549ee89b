//! The pest parser generated from `grammar/flux.pest`.

use pest_derive::Parser;

#[derive(Parser)]
#[grammar = "../grammar/flux.pest"]
pub struct FluxParser;
