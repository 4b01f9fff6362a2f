//! The `nprand eval` machinery.

pub mod parser;
