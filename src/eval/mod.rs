//! The `nprand eval` evaluator (feature `eval`): everything between a Python call written
//! as text and its printed result, on top of the library's three front-ends.
//!
//! - [`parser`]: the Python-subset call parser (literals, constant folding, keywords).
//! - [`value`]: the NumPy-like values calls return (dtype, shape, data) and
//!   [`py_value`]: CPython values for `--python`.
//! - [`legacy`]: calls on a [`RandomState`](crate::RandomState) (NumPy's `mtrand`).
//! - [`generator`]: calls on a [`Generator`](crate::Generator) (`--generator`).
//! - [`python`]: calls on a [`Random`](crate::python::Random) (`--python`).
//! - [`format`](mod@format): text and JSON output; [`npy`]: `.npy` files;
//!   [`arrayprint`]: NumPy's own `print(x)` / `repr(x)` layout.
//! - [`frontend`]: the [`FrontEnd`](frontend::FrontEnd) trait the three implement
//!   (evaluate a call, state as JSON) and [`Setup`](frontend::Setup), the seeding flags
//!   that build one; `nprand eval` is one loop over it.
//! - [`batch`]: `nprand eval --batch`, JSON lines in and out.
//!
//! NumPy's dtype discovery for literals and the integer dtype names exist once, in the
//! private `dtype` module, for both NumPy front-ends.
//!
//! Python's own semantics (`repr(str)`, `int(str)`, `float(str)`, class names) exist
//! once, in the private `pysem` module, for all three front-ends and the parser.
//!
//! Nothing in the library's other modules imports this one: it is the top layer, as the
//! command line is.
//!
//! ```
//! use nprand::eval::{legacy::eval_call, format::to_json};
//! let mut rs = nprand::RandomState::new(12345);
//! let v = eval_call(&mut rs, "randint(0, 10, size=3, dtype='int8')").unwrap();
//! assert!(to_json(&v).starts_with(r#"{"dtype": "int8", "shape": [3], "data": ["#));
//! ```

pub mod arrayprint;
pub mod batch;
mod dtype;
pub mod format;
pub mod frontend;
pub mod generator;
pub mod legacy;
pub mod npy;
pub mod parser;
pub mod py_value;
mod pysem;
pub mod python;
mod spec_call;
pub mod value;
