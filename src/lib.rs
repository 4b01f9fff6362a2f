//! nprand: NumPy's random numbers, bit for bit, in Rust.
pub mod cli;
