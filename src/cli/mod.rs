//! The `nprand eval` machinery: the call parser, evaluator and output formats.

pub mod parser;
