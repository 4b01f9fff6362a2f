//! Parser for the Python call expressions accepted by `nprand eval`.
//!
//! The command line takes calls written exactly as one would write them in
//! Python against a `RandomState`, for example
//! `randint(0, 10, size=(2, 3), dtype='int8')`. This module turns such a
//! string into a [`Call`]: the method name, the positional arguments and the
//! keyword arguments, each argument being an [`Expr`] value.
//!
//! The accepted language is a small subset of Python expressions:
//!
//! * literals: integers (decimal, `0x`, `0o`, `0b`, with `_` separators),
//!   floats (`1.`, `.5`, `1e-3`, ...), strings (`'...'`, `"..."`, triple
//!   quoted, `r'...'`, adjacent literals are concatenated), `True`, `False`,
//!   `None`;
//! * tuples `(1, 2)`, `(1,)`, `()` and (nested) lists `[1, [2, 3]]`;
//! * bare or dotted names (`int`, `np.uint64`);
//! * unary `+ -` and binary `+ - * / // % **` on numbers, with Python's
//!   precedence, associativity and semantics, folded to a constant while
//!   parsing;
//! * the constants `nan`, `inf`, `np.nan`, `np.inf`, `np.pi`, `np.e` (also
//!   spelled with `numpy.` or `math.`), folded to [`Expr::Float`];
//! * `float(x)` where `x` is a number or a string such as `'nan'` or
//!   `'-inf'`, folded to [`Expr::Float`].
//!
//! Integers have Python's unbounded range: [`Expr::Int`] within `i128`,
//! [`Expr::BigInt`] beyond, with Python's arithmetic on both (correctly rounded
//! true division and `float(int)`, CPython's `OverflowError` words past the
//! largest double). The fold refuses ints past 2**20 bits (`integer too
//! large`) rather than compute `3**10**10` for minutes, and decimal literals
//! past 4300 digits as CPython 3.11 does. Everything else that is not in the
//! subset, such as nested calls other than `float(...)`, comparisons or
//! indexing, is rejected.
//!
//! Errors are reported as a [`ParseError`] with a one-line message and the
//! character offset at which the problem was detected. Parsing never panics;
//! it uses its own stack rather than recursion, and nesting deeper than 200
//! levels is rejected (`expression nested too deeply`).
//!
//! ```
//! use nprand::eval::parser::{parse_call, Expr};
//!
//! let call = parse_call("np.random.uniform(-np.inf, 2**-1, size=(2, 3))").unwrap();
//! assert_eq!(call.method, "uniform");
//! assert_eq!(call.args, vec![Expr::Float(f64::NEG_INFINITY), Expr::Float(0.5)]);
//! assert_eq!(
//!     call.kwargs,
//!     vec![("size".to_string(), Expr::Tuple(vec![Expr::Int(2), Expr::Int(3)]))]
//! );
//! ```

use super::pysem::str_repr;
use num_bigint::BigInt;
use std::collections::VecDeque;
use std::fmt;

/// Maximum nesting depth of parentheses, brackets, `float(`, unary operators
/// and exponents (Python's own limit on nested parentheses is similar).
const MAX_DEPTH: usize = 200;

/// A constant Python value: an argument of a [`Call`].
///
/// Arithmetic in the source is folded while parsing, so the tree only ever
/// holds constants, sequences of constants and names.
///
/// ```
/// use nprand::eval::parser::{parse_expr, Expr};
///
/// assert_eq!(parse_expr("-2**2").unwrap(), Expr::Int(-4));
/// assert_eq!(parse_expr("[1, (2.5,), 'a']").unwrap(), Expr::List(vec![
///     Expr::Int(1),
///     Expr::Tuple(vec![Expr::Float(2.5)]),
///     Expr::Str("a".to_string()),
/// ]));
/// assert_eq!(parse_expr("np.int8").unwrap(), Expr::Name("np.int8".to_string()));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// An integer that fits `i128`, e.g. `3`, `0xff`, `-2**63` or `2**64`.
    Int(i128),
    /// An integer beyond `i128`, e.g. `10**40` or `2**256` (Python's ints have no
    /// bound; `nprand eval` folds them up to 2**20 bits). Every int that fits `i128`
    /// is an [`Expr::Int`], so one value has one form.
    BigInt(BigInt),
    /// A float, e.g. `0.5`, `1e-3`, `2/3`, `np.inf` or `float('nan')`.
    Float(f64),
    /// A string literal, e.g. `'int8'`, with escapes decoded.
    Str(String),
    /// `True` or `False`.
    Bool(bool),
    /// `None`.
    None,
    /// A tuple: `()`, `(1,)`, `(1, 2)`. A parenthesised expression without a
    /// comma, `(x)`, is just `x`.
    Tuple(Vec<Expr>),
    /// A list: `[1, 2, [3, 4]]`.
    List(Vec<Expr>),
    /// A bare or dotted identifier such as `int`, `np.int8` or
    /// `numpy.uint64`, kept verbatim.
    Name(String),
}

impl Expr {
    /// The int `v` in its one form: [`Expr::Int`] when it fits `i128`, else
    /// [`Expr::BigInt`].
    ///
    /// ```
    /// use nprand::eval::parser::{parse_expr, Expr};
    /// use num_bigint::BigInt;
    /// assert_eq!(Expr::int(BigInt::from(-7)), Expr::Int(-7));
    /// let big = BigInt::from(10).pow(40);
    /// assert_eq!(Expr::int(big.clone()), Expr::BigInt(big));
    /// assert_eq!(parse_expr("10**40").unwrap(), parse_expr("10000000000000000000000000000000000000000").unwrap());
    /// assert_eq!(parse_expr("-2**127").unwrap(), Expr::Int(i128::MIN));
    /// ```
    #[must_use]
    pub fn int(v: BigInt) -> Expr {
        match i128::try_from(&v) {
            Ok(i) => Expr::Int(i),
            Err(_) => Expr::BigInt(v),
        }
    }
}

/// A parsed method call such as `randint(0, 10, size=(2, 3))`.
///
/// Any receiver in front of the method (`rs.`, `np.random.`, ...) is dropped.
///
/// ```
/// use nprand::eval::parser::{parse_call, Call, Expr};
///
/// let call = parse_call("rs.choice(5, replace=False)").unwrap();
/// assert_eq!(call, Call {
///     method: "choice".to_string(),
///     args: vec![Expr::Int(5)],
///     kwargs: vec![("replace".to_string(), Expr::Bool(false))],
/// });
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    /// The method name: the last identifier before the opening parenthesis.
    pub method: String,
    /// The positional arguments, in order.
    pub args: Vec<Expr>,
    /// The keyword arguments `name=value`, in source order, without duplicates.
    pub kwargs: Vec<(String, Expr)>,
}

/// A syntax error (or a constant-folding error such as a division by zero).
///
/// ```
/// use nprand::eval::parser::parse_call;
///
/// let err = parse_call("rand(3,, 2)").unwrap_err();
/// assert_eq!(err.offset, 7);
/// assert_eq!(err.to_string(), "syntax error at column 8: expected an expression but found ','");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    /// What went wrong, on one line.
    pub message: String,
    /// Where it went wrong: 0-based offset from the start of the input,
    /// counted in characters (Unicode scalar values), not bytes.
    pub offset: usize,
}

impl ParseError {
    fn new(offset: usize, message: impl Into<String>) -> Self {
        ParseError {
            message: message.into(),
            offset,
        }
    }
}

impl fmt::Display for ParseError {
    /// Formats as `syntax error at column N: MESSAGE`, with a 1-based column.
    ///
    /// ```
    /// use nprand::eval::parser::parse_expr;
    ///
    /// let err = parse_expr("1 / 0").unwrap_err();
    /// assert_eq!(err.to_string(), "syntax error at column 3: division by zero");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "syntax error at column {}: {}",
            self.offset + 1,
            self.message
        )
    }
}

impl std::error::Error for ParseError {}

/// Parses one method call such as `randint(0, 10, size=(2, 3), dtype='int8')`.
///
/// The method may be prefixed by any dotted receiver (`rs.rand(3)`,
/// `np.random.rand(3)`), which is dropped. Positional arguments must come
/// before keyword arguments, keywords may not repeat and a trailing comma is
/// allowed. Only whitespace may follow the closing parenthesis.
///
/// ```
/// use nprand::eval::parser::{parse_call, Expr};
///
/// let c = nprand::eval::parser::parse_call("rand(3, 2)").unwrap();
/// assert_eq!(c.method, "rand");
/// assert_eq!(c.args, vec![Expr::Int(3), Expr::Int(2)]);
/// assert!(c.kwargs.is_empty());
///
/// let c = parse_call("randint(-2**63, 2**64, dtype=np.uint64)").unwrap();
/// assert_eq!(c.args, vec![Expr::Int(-(1 << 63)), Expr::Int(1 << 64)]);
/// assert_eq!(c.kwargs, vec![("dtype".to_string(), Expr::Name("np.uint64".to_string()))]);
///
/// assert!(parse_call("rand(size=3, 2)").is_err());
/// ```
pub fn parse_call(src: &str) -> Result<Call, ParseError> {
    Parser::new(src).call()
}

/// An attribute access or a call on a dotted receiver, with the receiver kept:
/// `bit_generator.state` or `rng.bit_generator.random_raw(3)`.
///
/// ```
/// use nprand::eval::parser::{parse_access, Expr};
/// let a = parse_access("rng.bit_generator.random_raw(3)").unwrap();
/// assert_eq!(a.path, ["rng", "bit_generator", "random_raw"]);
/// assert_eq!(a.call.unwrap().args, vec![Expr::Int(3)]);
/// let a = parse_access("bit_generator.state").unwrap();
/// assert_eq!((a.path.len(), a.call), (2, None));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Access {
    /// The dotted names, receiver first; the last one is the attribute or method.
    pub path: Vec<String>,
    /// The call's arguments (its `method` is the last name), or `None` for a bare
    /// attribute.
    pub call: Option<Call>,
}

/// Parses `[receiver '.']* name ['(' arguments ')']`, keeping the receiver (see
/// [`Access`]); [`parse_call`] is the same with the call required and the receiver
/// dropped.
pub fn parse_access(src: &str) -> Result<Access, ParseError> {
    Parser::new(src).access()
}

/// Parses a single expression, such as `[1, 2, 3]` or `-np.inf`.
///
/// As with Python's `eval`, a top-level comma-separated sequence without
/// parentheses is a tuple: `1, 2` gives the same as `(1, 2)`.
///
/// ```
/// use nprand::eval::parser::{parse_expr, Expr};
///
/// assert_eq!(parse_expr("7 // -2").unwrap(), Expr::Int(-4));
/// assert_eq!(parse_expr("2 ** -1").unwrap(), Expr::Float(0.5));
/// assert_eq!(parse_expr("-np.inf").unwrap(), Expr::Float(f64::NEG_INFINITY));
/// assert!(matches!(parse_expr("float('nan')").unwrap(), Expr::Float(x) if x.is_nan()));
/// assert_eq!(parse_expr("1, 2").unwrap(), Expr::Tuple(vec![Expr::Int(1), Expr::Int(2)]));
/// ```
pub fn parse_expr(src: &str) -> Result<Expr, ParseError> {
    Parser::new(src).top_expr()
}

mod fold;
mod grammar;
mod lexer;
#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

use grammar::Parser;
