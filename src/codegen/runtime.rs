//! The runtime routines and symbols generated code calls (runtime/*.asm), in
//! one place, and the run-time checks with their failure routines.

use iced_x86::code_asm::{self as x};

/// Argument registers of the System V AMD64 ABI, in order.
pub const ARG_REGS: [x::AsmRegister64; 6] = [x::rdi, x::rsi, x::rdx, x::rcx, x::r8, x::r9];

/// `rt_alloc(rdi = bytes) → rax`: zeroed heap memory (out of memory: exit 6).
pub const ALLOC: &str = "rt_alloc";
/// The lowest `rsp` a prologue accepts before reporting a stack overflow.
pub const STACK_LIMIT: &str = "rt_stack_limit";
/// `rt_concat(rdi = a, rsi = b) → rax`: a new string (null counts as empty).
pub const CONCAT: &str = "rt_str_concat";
/// `rt_str_eq(rdi = a, rsi = b) → eax`: 1 when the contents are equal.
pub const STR_EQ: &str = "rt_str_eq";
/// `rt_int_to_str(rdi = i64) → rax`
pub const INT_TO_STR: &str = "rt_str_from_int";
/// `rt_char_to_str(edi = char) → rax`
pub const CHAR_TO_STR: &str = "rt_str_from_char";
/// `rt_bool_to_str(edi = 0/1) → rax`: "True" or "False".
pub const BOOL_TO_STR: &str = "rt_str_from_bool";
/// `rt_print_str(rdi = string)`, `rt_print_int(rdi = i64)`, … write to stdout;
/// the `_ln` forms add a newline.
pub const PRINT_STR: [&str; 2] = ["rt_print_str", "rt_println_str"];
pub const PRINT_INT: [&str; 2] = ["rt_print_int", "rt_println_int"];
pub const PRINT_CHAR: [&str; 2] = ["rt_print_char", "rt_println_char"];
pub const PRINT_BOOL: [&str; 2] = ["rt_print_bool", "rt_println_bool"];
pub const PRINT_NEWLINE: &str = "rt_print_newline";

/// A run-time check of LANGUAGE.md §5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Check {
    Null,
    Index,
    DivideByZero,
    Overflow,
    Stack,
    Cast,
}

impl Check {
    /// The runtime routine that reports it (edi = source line).
    pub fn routine(self) -> &'static str {
        match self {
            Check::Null => "fail$null",
            Check::Index => "fail$index",
            Check::DivideByZero => "fail$divzero",
            Check::Overflow => "fail$overflow",
            Check::Stack => "fail$stack",
            Check::Cast => "fail$cast",
        }
    }

    /// Used in stub labels: `.L.fail.null.3`.
    pub fn short_name(self) -> &'static str {
        &self.routine()[5..]
    }

    pub fn exception(self) -> &'static str {
        match self {
            Check::Null => "NullReferenceException",
            Check::Index => "IndexOutOfRangeException",
            Check::DivideByZero => "DivideByZeroException",
            Check::Overflow => "OverflowException",
            Check::Stack => "StackOverflowException",
            Check::Cast => "InvalidCastException",
        }
    }
}
