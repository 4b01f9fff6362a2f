//! The `nprand eval` machinery: the call [`parser`], the [`eval`]uator that runs a
//! call on a [`RandomState`](crate::RandomState), the resulting [`value`]s, and their
//! output as text/JSON ([`format`]) or `.npy` files ([`npy`]).
//!
//! ```
//! use nprand::cli::{eval::eval_call, format::to_json};
//! let mut rs = nprand::RandomState::new(12345);
//! let v = eval_call(&mut rs, "randint(0, 10, size=3, dtype='int8')").unwrap();
//! assert!(to_json(&v).starts_with(r#"{"dtype": "int8", "shape": [3], "data": ["#));
//! ```

pub mod eval;
pub mod format;
pub mod npy;
pub mod parser;
pub mod value;
