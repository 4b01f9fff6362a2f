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
//! Integers are `i128`: a literal or an intermediate result outside that
//! range is an error (`integer too large`) where Python would use a big
//! integer. Everything else that is not in the subset, such as nested calls
//! other than `float(...)`, comparisons or indexing, is rejected too.
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

use std::collections::VecDeque;
use std::fmt;

/// Maximum nesting depth of parentheses, brackets, `float(`, unary operators
/// and exponents (Python's own limit on nested parentheses is similar).
const MAX_DEPTH: usize = 200;

/// `2**127`, the magnitude of `i128::MIN`: the only integer literal larger
/// than `i128::MAX` that is accepted, and only directly after a unary minus.
const TWO_POW_127: u128 = 1 << 127;

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
    /// An integer, e.g. `3`, `0xff`, `-2**63` or `2**64`.
    Int(i128),
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

// ---------------------------------------------------------------------------
// Lexer
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    /// An integer literal, at most `2**127`.
    Int(u128),
    Float(f64),
    Str(String),
    Ident(String),
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    Assign,
    Dot,
    Plus,
    Minus,
    Star,
    DoubleStar,
    Slash,
    DoubleSlash,
    Percent,
    Eof,
}

#[derive(Debug, Clone)]
struct Token {
    tok: Tok,
    /// Character offset of the first character.
    offset: usize,
    /// Character offset one past the last character.
    end: usize,
}

struct Lexer {
    chars: Vec<char>,
    pos: usize,
}

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

fn is_keyword(name: &str) -> bool {
    KEYWORDS.contains(&name)
}

impl Lexer {
    fn new(src: &str) -> Self {
        Lexer {
            chars: src.chars().collect(),
            pos: 0,
        }
    }

    fn at(&self, k: usize) -> Option<char> {
        self.chars.get(self.pos + k).copied()
    }

    fn at_is(&self, k: usize, pred: impl Fn(char) -> bool) -> bool {
        self.at(k).is_some_and(pred)
    }

    fn text(&self, start: usize, end: usize) -> String {
        self.chars[start.min(self.chars.len())..end.min(self.chars.len())]
            .iter()
            .collect()
    }

    fn skip_trivia(&mut self) {
        while let Some(c) = self.at(0) {
            if c.is_whitespace() {
                self.pos += 1;
            } else if c == '#' {
                while self.at_is(0, |c| c != '\n') {
                    self.pos += 1;
                }
            } else if c == '\\' && self.at(1) == Some('\n') {
                self.pos += 2;
            } else if c == '\\' && self.at(1) == Some('\r') && self.at(2) == Some('\n') {
                self.pos += 3;
            } else {
                break;
            }
        }
    }

    fn next_token(&mut self) -> Result<Token, ParseError> {
        self.skip_trivia();
        let start = self.pos;
        let Some(c) = self.at(0) else {
            return Ok(Token {
                tok: Tok::Eof,
                offset: start,
                end: start,
            });
        };
        let err = |msg: &str| Err(ParseError::new(start, msg));
        let single = |lexer: &mut Lexer, tok: Tok| {
            lexer.pos += 1;
            tok
        };
        let tok = match c {
            '(' => single(self, Tok::LParen),
            ')' => single(self, Tok::RParen),
            '[' => single(self, Tok::LBracket),
            ']' => single(self, Tok::RBracket),
            ',' => single(self, Tok::Comma),
            '+' => single(self, Tok::Plus),
            '-' => single(self, Tok::Minus),
            '%' => single(self, Tok::Percent),
            '*' if self.at(1) == Some('*') => {
                self.pos += 2;
                Tok::DoubleStar
            }
            '*' => single(self, Tok::Star),
            '/' if self.at(1) == Some('/') => {
                self.pos += 2;
                Tok::DoubleSlash
            }
            '/' => single(self, Tok::Slash),
            '=' if self.at(1) == Some('=') => {
                return err("comparison operators are not supported");
            }
            '=' => single(self, Tok::Assign),
            '.' if self.at_is(1, |c| c.is_ascii_digit()) => self.number(start)?,
            '.' => single(self, Tok::Dot),
            '0'..='9' => self.number(start)?,
            '\'' | '"' => self.string(start, false)?,
            c if c.is_ascii_alphabetic() || c == '_' => self.ident_or_prefixed_string(start)?,
            '<' | '>' if self.at(1) == Some(c) => {
                return err("bitwise operators are not supported");
            }
            '<' | '>' | '!' => return err("comparison operators are not supported"),
            '&' | '|' | '^' | '~' => return err("bitwise operators are not supported"),
            '{' | '}' => return err("dict and set literals are not supported"),
            '@' => return err("the matrix multiplication operator '@' is not supported"),
            ':' => return err("slices and annotations are not supported"),
            ';' => return err("only one call is allowed per expression (unexpected ';')"),
            c => {
                return Err(ParseError::new(
                    start,
                    format!("unexpected character {c:?}"),
                ))
            }
        };
        Ok(Token {
            tok,
            offset: start,
            end: self.pos,
        })
    }

    fn literal_text(&self, start: usize) -> String {
        abbreviate(&self.text(start, self.pos))
    }

    /// Lexes a number starting at `start` (a digit, or `.` followed by a digit).
    fn number(&mut self, start: usize) -> Result<Tok, ParseError> {
        if self.at(0) == Some('0') {
            match self.at(1) {
                Some('x' | 'X') => return self.radix_int(start, 16, "hexadecimal"),
                Some('o' | 'O') => return self.radix_int(start, 8, "octal"),
                Some('b' | 'B') => return self.radix_int(start, 2, "binary"),
                _ => {}
            }
        }
        let invalid = || ParseError::new(start, "invalid decimal literal");
        // `text` collects the literal without underscores, for str::parse.
        let mut text = String::new();
        let mut is_float = false;
        if self.at(0) != Some('.') {
            self.digit_part(&mut text).map_err(|()| invalid())?;
        }
        if self.at(0) == Some('.') {
            is_float = true;
            self.pos += 1;
            text.push('.');
            if self.at_is(0, |c| c.is_ascii_digit()) {
                self.digit_part(&mut text).map_err(|()| invalid())?;
            } else if self.at(0) == Some('_') {
                return Err(invalid());
            }
        }
        if let Some(e @ ('e' | 'E')) = self.at(0) {
            let sign = match self.at(1) {
                Some(s @ ('+' | '-')) => Some(s),
                _ => None,
            };
            let digits_at = if sign.is_some() { 2 } else { 1 };
            if !self.at_is(digits_at, |c| c.is_ascii_digit()) {
                return Err(invalid());
            }
            is_float = true;
            text.push(e);
            text.extend(sign);
            self.pos += digits_at;
            self.digit_part(&mut text).map_err(|()| invalid())?;
        }
        if let Some(c) = self.at(0) {
            if c == 'j' || c == 'J' {
                return Err(ParseError::new(start, "complex numbers are not supported"));
            }
            if c.is_alphanumeric() || c == '_' {
                return Err(invalid());
            }
        }
        if is_float {
            return text.parse::<f64>().map(Tok::Float).map_err(|_| invalid());
        }
        if text.starts_with('0') && text.bytes().any(|b| b != b'0') {
            return Err(ParseError::new(
                start,
                "leading zeros in decimal integer literals are not permitted; \
                 use an 0o prefix for octal integers",
            ));
        }
        let mut value: u128 = 0;
        for d in text.bytes() {
            value = value
                .checked_mul(10)
                .and_then(|v| v.checked_add(u128::from(d - b'0')))
                .filter(|&v| v <= TWO_POW_127)
                .ok_or_else(|| self.too_large(start))?;
        }
        Ok(Tok::Int(value))
    }

    fn too_large(&self, start: usize) -> ParseError {
        ParseError::new(
            start,
            format!("integer literal too large: {}", self.literal_text(start)),
        )
    }

    /// Reads `digit (['_'] digit)*`; the current character must be a digit.
    /// Fails on a trailing or doubled underscore.
    fn digit_part(&mut self, out: &mut String) -> Result<(), ()> {
        loop {
            match self.at(0) {
                Some(d) if d.is_ascii_digit() => {
                    out.push(d);
                    self.pos += 1;
                }
                Some('_') if self.at_is(1, |c| c.is_ascii_digit()) => self.pos += 1,
                _ => break,
            }
        }
        if self.at(0) == Some('_') {
            Err(())
        } else {
            Ok(())
        }
    }

    fn radix_int(&mut self, start: usize, radix: u32, kind: &str) -> Result<Tok, ParseError> {
        self.pos += 2; // `0x`, `0o` or `0b`
        let mut value: Option<u128> = Some(0);
        let mut digits = 0usize;
        loop {
            match self.at(0) {
                Some('_') if self.at_is(1, |c| c.is_digit(radix)) => self.pos += 1,
                Some(c) if c.is_digit(radix) => {
                    let d = u128::from(c.to_digit(radix).unwrap_or(0));
                    value = value
                        .and_then(|v| v.checked_mul(u128::from(radix)))
                        .and_then(|v| v.checked_add(d));
                    digits += 1;
                    self.pos += 1;
                }
                _ => break,
            }
        }
        if let Some(c) = self.at(0) {
            if c.is_ascii_digit() {
                return Err(ParseError::new(
                    self.pos,
                    format!("invalid digit '{c}' in {kind} literal"),
                ));
            }
            if c.is_alphanumeric() || c == '_' {
                return Err(ParseError::new(start, format!("invalid {kind} literal")));
            }
        }
        if digits == 0 {
            return Err(ParseError::new(start, format!("invalid {kind} literal")));
        }
        match value {
            Some(v) if v <= TWO_POW_127 => Ok(Tok::Int(v)),
            _ => Err(self.too_large(start)),
        }
    }

    fn ident_or_prefixed_string(&mut self, start: usize) -> Result<Tok, ParseError> {
        while self.at_is(0, |c| c.is_ascii_alphanumeric() || c == '_') {
            self.pos += 1;
        }
        let name = self.text(start, self.pos);
        if self.at_is(0, |c| c == '\'' || c == '"') {
            match name.to_ascii_lowercase().as_str() {
                "r" => return self.string(start, true),
                "u" => return self.string(start, false),
                "b" | "br" | "rb" => {
                    return Err(ParseError::new(start, "byte strings are not supported"))
                }
                "f" | "fr" | "rf" => {
                    return Err(ParseError::new(start, "f-strings are not supported"))
                }
                _ => {}
            }
        }
        Ok(Tok::Ident(name))
    }

    /// Lexes a string literal; the current character is the opening quote.
    /// `start` is where the literal (including any prefix) began.
    fn string(&mut self, start: usize, raw: bool) -> Result<Tok, ParseError> {
        let unterminated = || ParseError::new(start, "unterminated string literal");
        let Some(quote) = self.at(0) else {
            return Err(unterminated());
        };
        let triple = self.at(1) == Some(quote) && self.at(2) == Some(quote);
        self.pos += if triple { 3 } else { 1 };
        let mut s = String::new();
        loop {
            let Some(c) = self.at(0) else {
                return Err(unterminated());
            };
            if c == quote {
                if !triple {
                    self.pos += 1;
                    break;
                }
                if self.at(1) == Some(quote) && self.at(2) == Some(quote) {
                    self.pos += 3;
                    break;
                }
                s.push(c);
                self.pos += 1;
            } else if (c == '\n' || c == '\r') && !triple {
                return Err(unterminated());
            } else if c == '\\' {
                if raw {
                    // A backslash keeps the next character from ending the
                    // literal, but both characters stay in the string.
                    s.push(c);
                    self.pos += 1;
                    let Some(next) = self.at(0) else {
                        return Err(unterminated());
                    };
                    s.push(next);
                    self.pos += 1;
                } else {
                    self.escape(start, &mut s)?;
                }
            } else {
                s.push(c);
                self.pos += 1;
            }
        }
        Ok(Tok::Str(s))
    }

    /// Decodes one escape sequence; the current character is the backslash.
    fn escape(&mut self, start: usize, out: &mut String) -> Result<(), ParseError> {
        let at = self.pos;
        self.pos += 1;
        let Some(c) = self.at(0) else {
            return Err(ParseError::new(start, "unterminated string literal"));
        };
        self.pos += 1;
        match c {
            '\n' => {}
            '\r' => {
                if self.at(0) == Some('\n') {
                    self.pos += 1;
                }
            }
            '\\' | '\'' | '"' => out.push(c),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\x0b'),
            '0'..='7' => {
                let mut value = c.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match self.at(0).and_then(|d| d.to_digit(8)) {
                        Some(d) => {
                            value = value * 8 + d;
                            self.pos += 1;
                        }
                        None => break,
                    }
                }
                // At most 0o777, always a valid scalar value.
                out.extend(char::from_u32(value));
            }
            'x' | 'u' | 'U' => {
                let (len, name) = match c {
                    'x' => (2, "\\xXX"),
                    'u' => (4, "\\uXXXX"),
                    _ => (8, "\\UXXXXXXXX"),
                };
                let mut value: u32 = 0;
                for _ in 0..len {
                    match self.at(0).and_then(|d| d.to_digit(16)) {
                        Some(d) => {
                            value = value * 16 + d;
                            self.pos += 1;
                        }
                        None => {
                            return Err(ParseError::new(at, format!("truncated {name} escape")))
                        }
                    }
                }
                match char::from_u32(value) {
                    Some(ch) => out.push(ch),
                    None if (0xD800..0xE000).contains(&value) => {
                        return Err(ParseError::new(
                            at,
                            "surrogate code points are not supported in strings",
                        ))
                    }
                    None => {
                        return Err(ParseError::new(
                            at,
                            format!("illegal Unicode character in {name} escape"),
                        ))
                    }
                }
            }
            'N' => return Err(ParseError::new(at, "\\N{...} escapes are not supported")),
            other => {
                // Python keeps unknown escapes verbatim.
                out.push('\\');
                out.push(other);
            }
        }
        Ok(())
    }
}

/// Shortens a source excerpt for a message, and escapes the characters that
/// would break the message over several lines.
fn abbreviate(s: &str) -> String {
    const MAX: usize = 40;
    let long = s.chars().nth(MAX).is_some();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if long && i == MAX - 3 {
            out.push_str("...");
            break;
        }
        if c.is_control() || (c.is_whitespace() && c != ' ') {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// Python-style single-quoted representation of a string, with control and
/// non-space whitespace characters escaped, so that it stays on one line.
fn quote_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || (c.is_whitespace() && c != ' ') => {
                let v = u32::from(c);
                if v < 0x100 {
                    out.push_str(&format!("\\x{v:02x}"));
                } else if v < 0x10000 {
                    out.push_str(&format!("\\u{v:04x}"));
                } else {
                    out.push_str(&format!("\\U{v:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

// ---------------------------------------------------------------------------
// Constant folding
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq)]
enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Mod,
    Pow,
}

impl BinOp {
    fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Num {
    Int(i128),
    Float(f64),
}

impl Num {
    fn of(e: &Expr) -> Option<Num> {
        match *e {
            Expr::Int(i) => Some(Num::Int(i)),
            Expr::Bool(b) => Some(Num::Int(i128::from(b))),
            Expr::Float(f) => Some(Num::Float(f)),
            _ => None,
        }
    }

    fn to_f64(self) -> f64 {
        match self {
            // `as` rounds to nearest, ties to even: exactly Python's float(int).
            Num::Int(i) => i as f64,
            Num::Float(f) => f,
        }
    }

    fn into_expr(self) -> Expr {
        match self {
            Num::Int(i) => Expr::Int(i),
            Num::Float(f) => Expr::Float(f),
        }
    }
}

const TOO_LARGE: &str = "integer too large";
const DIV_ZERO: &str = "division by zero";

fn type_name(e: &Expr) -> &'static str {
    match e {
        Expr::Int(_) => "int",
        Expr::Float(_) => "float",
        Expr::Str(_) => "str",
        Expr::Bool(_) => "bool",
        Expr::None => "NoneType",
        Expr::Tuple(_) => "tuple",
        Expr::List(_) => "list",
        Expr::Name(_) => "name",
    }
}

/// Python's sequence repetition and concatenation (`[1/6] * 6`, `[0.5] + [0.5]`), capped
/// so that a pasted call cannot ask for an absurd literal.
fn fold_sequence(op: BinOp, lhs: &Expr, rhs: &Expr) -> Option<Result<Expr, String>> {
    const MAX_ITEMS: i128 = 1 << 20;
    let repeat = |items: &Vec<Expr>, n: i128, list: bool| {
        let n = n.max(0);
        if (items.len() as i128).saturating_mul(n) > MAX_ITEMS {
            return Err(format!("sequence repetition longer than {MAX_ITEMS} items"));
        }
        let out: Vec<Expr> = (0..n).flat_map(|_| items.iter().cloned()).collect();
        Ok(if list {
            Expr::List(out)
        } else {
            Expr::Tuple(out)
        })
    };
    let count = |e: &Expr| match e {
        Expr::Int(i) => Some(*i),
        Expr::Bool(b) => Some(*b as i128),
        _ => None,
    };
    match (op, lhs, rhs) {
        (BinOp::Mul, Expr::List(v), n) | (BinOp::Mul, n, Expr::List(v)) => {
            Some(repeat(v, count(n)?, true))
        }
        (BinOp::Mul, Expr::Tuple(v), n) | (BinOp::Mul, n, Expr::Tuple(v)) => {
            Some(repeat(v, count(n)?, false))
        }
        (BinOp::Add, Expr::List(a), Expr::List(b)) => {
            Some(Ok(Expr::List(a.iter().chain(b).cloned().collect())))
        }
        (BinOp::Add, Expr::Tuple(a), Expr::Tuple(b)) => {
            Some(Ok(Expr::Tuple(a.iter().chain(b).cloned().collect())))
        }
        _ => None,
    }
}

fn fold_binop(op: BinOp, lhs: &Expr, rhs: &Expr) -> Result<Expr, String> {
    if let Some(r) = fold_sequence(op, lhs, rhs) {
        return r;
    }
    match (Num::of(lhs), Num::of(rhs)) {
        (Some(a), Some(b)) => num_binop(op, a, b).map(Num::into_expr),
        _ => Err(match (lhs, rhs) {
            (Expr::Name(n), _) | (_, Expr::Name(n)) => {
                format!("arithmetic on the name '{n}' is not supported")
            }
            _ => format!(
                "unsupported operand types for {}: '{}' and '{}' (only numbers can be combined)",
                op.symbol(),
                type_name(lhs),
                type_name(rhs)
            ),
        }),
    }
}

fn fold_unary(negate: bool, v: &Expr) -> Result<Expr, String> {
    match Num::of(v) {
        Some(Num::Int(i)) if negate => i.checked_neg().map(Expr::Int).ok_or(TOO_LARGE.into()),
        Some(Num::Float(f)) if negate => Ok(Expr::Float(-f)),
        Some(n) => Ok(n.into_expr()),
        None => Err(match v {
            Expr::Name(n) => format!("arithmetic on the name '{n}' is not supported"),
            _ => format!(
                "bad operand type for unary {}: '{}'",
                if negate { "-" } else { "+" },
                type_name(v)
            ),
        }),
    }
}

/// Python's semantics for `a op b` on ints (bools included) and floats.
fn num_binop(op: BinOp, a: Num, b: Num) -> Result<Num, String> {
    if let (Num::Int(x), Num::Int(y)) = (a, b) {
        return int_binop(op, x, y);
    }
    let (x, y) = (a.to_f64(), b.to_f64());
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::Div if y == 0.0 => return Err(DIV_ZERO.into()),
        BinOp::Div => x / y,
        BinOp::FloorDiv | BinOp::Mod if y == 0.0 => return Err(DIV_ZERO.into()),
        BinOp::FloorDiv => float_div_mod(x, y).0,
        BinOp::Mod => float_div_mod(x, y).1,
        BinOp::Pow => float_pow(x, y)?,
    };
    Ok(Num::Float(r))
}

fn int_binop(op: BinOp, x: i128, y: i128) -> Result<Num, String> {
    let too_large = || TOO_LARGE.to_string();
    let r = match op {
        BinOp::Add => x.checked_add(y).ok_or_else(too_large)?,
        BinOp::Sub => x.checked_sub(y).ok_or_else(too_large)?,
        BinOp::Mul => x.checked_mul(y).ok_or_else(too_large)?,
        BinOp::Div if y == 0 => return Err(DIV_ZERO.into()),
        BinOp::Div => return Ok(Num::Float(int_true_div(x, y))),
        BinOp::FloorDiv if y == 0 => return Err(DIV_ZERO.into()),
        BinOp::FloorDiv => {
            let q = x.checked_div(y).ok_or_else(too_large)?;
            if x % y != 0 && ((x < 0) != (y < 0)) {
                q - 1
            } else {
                q
            }
        }
        BinOp::Mod if y == 0 => return Err(DIV_ZERO.into()),
        BinOp::Mod if y == -1 => 0,
        BinOp::Mod => {
            let r = x % y;
            if r != 0 && ((r < 0) != (y < 0)) {
                r + y
            } else {
                r
            }
        }
        BinOp::Pow if y < 0 => {
            if x == 0 {
                return Err(format!(
                    "{DIV_ZERO}: 0 cannot be raised to a negative power"
                ));
            }
            return float_pow(x as f64, y as f64).map(Num::Float);
        }
        BinOp::Pow => match x {
            0 => i128::from(y == 0),
            1 => 1,
            -1 => {
                if y % 2 == 0 {
                    1
                } else {
                    -1
                }
            }
            _ => u32::try_from(y)
                .ok()
                .and_then(|e| x.checked_pow(e))
                .ok_or_else(too_large)?,
        },
    };
    Ok(Num::Int(r))
}

/// `x / y` for ints, correctly rounded like Python's `int.__truediv__`
/// (converting both operands to float first would round twice).
fn int_true_div(x: i128, y: i128) -> f64 {
    const EXACT: u128 = 1 << 53;
    let negative = (x < 0) != (y < 0);
    let (a, b) = (x.unsigned_abs(), y.unsigned_abs());
    let magnitude = if a <= EXACT && b <= EXACT {
        // Both operands are exact doubles: one IEEE division, one rounding.
        a as f64 / b as f64
    } else {
        // Long division until the quotient has at least 55 significant bits,
        // keeping a sticky bit for the remainder, then round once. Since
        // b <= 2**127, the remainder can be doubled without overflow.
        let (mut q, mut r) = (a / b, a % b);
        let mut exp: i32 = 0;
        while r != 0 && 128 - q.leading_zeros() < 55 {
            r <<= 1;
            q <<= 1;
            exp -= 1;
            if r >= b {
                r -= b;
                q |= 1;
            }
        }
        round_scaled(q, r != 0, exp)
    };
    if negative {
        -magnitude
    } else {
        magnitude
    }
}

/// Rounds `(m + sticky * epsilon) * 2**exp` to the nearest double, ties to
/// even. Requires the result to be a normal double and, when `sticky` is
/// set, `m` to have more than 53 significant bits.
fn round_scaled(m: u128, sticky: bool, exp: i32) -> f64 {
    let bits = 128 - m.leading_zeros();
    let (mut m, mut exp) = (m, exp);
    if bits > 53 {
        let shift = bits - 53;
        let low = m & ((1u128 << shift) - 1);
        let half = 1u128 << (shift - 1);
        m >>= shift;
        exp += shift as i32;
        if low > half || (low == half && (sticky || m & 1 == 1)) {
            m += 1;
        }
    }
    // m <= 2**53 is exact, and so is scaling by a power of two.
    (m as f64) * f64::from_bits(((exp + 1023) as u64) << 52)
}

/// CPython's `_float_div_mod`: floor division and modulo for floats. The
/// divisor must not be zero.
fn float_div_mod(vx: f64, wx: f64) -> (f64, f64) {
    let mut rem = vx % wx; // C fmod
    let mut div = (vx - rem) / wx;
    if rem != 0.0 {
        if (wx < 0.0) != (rem < 0.0) {
            rem += wx;
            div -= 1.0;
        }
    } else {
        rem = 0.0_f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0_f64.copysign(vx / wx)
    };
    (floordiv, rem)
}

fn is_odd_integer(x: f64) -> bool {
    x.abs() % 2.0 == 1.0
}

/// CPython's `float_pow`: the special cases are settled here, the rest is
/// left to the platform `pow`, and overflow is an error.
fn float_pow(iv: f64, iw: f64) -> Result<f64, String> {
    if iw == 0.0 {
        return Ok(1.0);
    }
    if iv.is_nan() {
        return Ok(iv);
    }
    if iw.is_nan() {
        return Ok(if iv == 1.0 { 1.0 } else { iw });
    }
    if iw.is_infinite() {
        let a = iv.abs();
        return Ok(if a == 1.0 {
            1.0
        } else if (iw > 0.0) == (a > 1.0) {
            iw.abs()
        } else {
            0.0
        });
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        return Ok(if iw > 0.0 {
            if odd {
                iv
            } else {
                iv.abs()
            }
        } else if odd {
            0.0_f64.copysign(iv)
        } else {
            0.0
        });
    }
    if iv == 0.0 {
        if iw < 0.0 {
            return Err(format!(
                "{DIV_ZERO}: 0.0 cannot be raised to a negative power"
            ));
        }
        return Ok(if is_odd_integer(iw) { iv } else { 0.0 });
    }
    let mut base = iv;
    let mut negate = false;
    if iv < 0.0 {
        if iw != iw.floor() {
            return Err(
                "a negative number raised to a fractional power is complex, \
                 which is not supported"
                    .into(),
            );
        }
        base = -iv;
        negate = is_odd_integer(iw);
    }
    if base == 1.0 {
        return Ok(if negate { -1.0 } else { 1.0 });
    }
    let r = base.powf(iw);
    if r.is_infinite() {
        return Err("numerical result out of range (float overflow)".into());
    }
    Ok(if negate { -r } else { r })
}

/// Float constants available by name.
fn named_constant(name: &str) -> Option<f64> {
    let (module, attr) = match name.rsplit_once('.') {
        Some((m, a)) => (m, a),
        None => ("", name),
    };
    let numpy = module == "np" || module == "numpy";
    let value = match (module, attr) {
        ("", "nan") | ("math", "nan") => f64::NAN,
        ("", "inf") | ("math", "inf") => f64::INFINITY,
        ("math", "pi") => std::f64::consts::PI,
        ("math", "e") => std::f64::consts::E,
        ("math", "tau") => std::f64::consts::TAU,
        (_, "nan" | "NaN" | "NAN") if numpy => f64::NAN,
        (_, "inf" | "Inf" | "Infinity" | "PINF" | "infty") if numpy => f64::INFINITY,
        (_, "NINF") if numpy => f64::NEG_INFINITY,
        (_, "pi") if numpy => std::f64::consts::PI,
        (_, "e") if numpy => std::f64::consts::E,
        (_, "euler_gamma") if numpy => 0.577_215_664_901_532_9,
        _ => return None,
    };
    Some(value)
}

/// Python's `float(str)`: surrounding whitespace, an optional sign, then
/// `inf`/`infinity`/`nan` (any case) or a decimal literal with `_` allowed
/// between digits.
fn float_from_str(s: &str) -> Option<f64> {
    let t = s.trim();
    let (negative, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let magnitude = if lower == "inf" || lower == "infinity" {
        f64::INFINITY
    } else if lower == "nan" {
        f64::NAN
    } else {
        // digitpart? ('.' digitpart?)? (e sign? digitpart)?, with a digit in
        // the mantissa; underscores only between two digits.
        let b = body.as_bytes();
        let mut clean = String::with_capacity(b.len());
        let mut i = 0;
        let mut mantissa_digits = 0;
        let digit_part = |i: &mut usize, clean: &mut String| -> usize {
            let mut n = 0;
            while *i < b.len() {
                if b[*i].is_ascii_digit() {
                    clean.push(char::from(b[*i]));
                    n += 1;
                    *i += 1;
                } else if b[*i] == b'_'
                    && n > 0
                    && b.get(*i + 1).is_some_and(|c| c.is_ascii_digit())
                {
                    *i += 1;
                } else {
                    break;
                }
            }
            n
        };
        mantissa_digits += digit_part(&mut i, &mut clean);
        if b.get(i) == Some(&b'.') {
            clean.push('.');
            i += 1;
            mantissa_digits += digit_part(&mut i, &mut clean);
        }
        if mantissa_digits == 0 {
            return None;
        }
        if matches!(b.get(i), Some(b'e' | b'E')) {
            clean.push('e');
            i += 1;
            if let Some(&s @ (b'+' | b'-')) = b.get(i) {
                clean.push(char::from(s));
                i += 1;
            }
            if digit_part(&mut i, &mut clean) == 0 {
                return None;
            }
        }
        if i != b.len() {
            return None;
        }
        clean.parse::<f64>().ok()?
    };
    Some(if negative { -magnitude } else { magnitude })
}

// ---------------------------------------------------------------------------
// Parser
//
// An operator-precedence parser with an explicit stack instead of recursion,
// so that its use of the machine stack does not grow with the nesting depth
// of the input; the depth is still capped at MAX_DEPTH as a matter of policy.
//
// The parser alternates between two modes. In operand mode it reads prefix
// operators (pushed as frames) and then one atom; opening a parenthesis,
// bracket or `float(` pushes a group frame and stays in operand mode. In
// operator mode it holds a complete value and reads a binary operator (which
// folds the pending frames that bind at least as tightly, then pushes a
// frame), a comma (which stores the value as an item of the innermost group)
// or a closing token (which completes the innermost group).
// ---------------------------------------------------------------------------

/// Python's binding powers: `+ -` < `* / // %` < unary `+ -` < `**`.
const PREC_SUM: u8 = 1;
const PREC_PRODUCT: u8 = 2;
const PREC_UNARY: u8 = 3;
const PREC_POWER: u8 = 4;

impl BinOp {
    fn precedence(self) -> u8 {
        match self {
            BinOp::Add | BinOp::Sub => PREC_SUM,
            BinOp::Pow => PREC_POWER,
            BinOp::Mul | BinOp::Div | BinOp::FloorDiv | BinOp::Mod => PREC_PRODUCT,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum GroupKind {
    /// The whole input of `parse_expr`: one expression or a bare tuple.
    Top,
    /// The argument list of the method call of `parse_call`.
    Call,
    /// The argument list of a nested `float(...)`.
    Float,
    /// `( ... )`: a parenthesised expression or a tuple.
    Paren,
    /// `[ ... ]`
    List,
}

impl GroupKind {
    /// What may follow a complete item of this group.
    fn expected_after_item(self) -> &'static str {
        match self {
            GroupKind::Top => "end of input",
            GroupKind::Call | GroupKind::Float | GroupKind::Paren => "',' or ')'",
            GroupKind::List => "',' or ']'",
        }
    }

    fn takes_keywords(self) -> bool {
        matches!(self, GroupKind::Call | GroupKind::Float)
    }

    fn is_closed_by(self, tok: &Tok) -> bool {
        matches!(
            (self, tok),
            (
                GroupKind::Call | GroupKind::Float | GroupKind::Paren,
                Tok::RParen
            ) | (GroupKind::List, Tok::RBracket)
                | (GroupKind::Top, Tok::Eof)
        )
    }
}

#[derive(Debug)]
struct Group {
    kind: GroupKind,
    /// Offset of the token that opened the group.
    offset: usize,
    items: Vec<Expr>,
    kwargs: Vec<(String, Expr)>,
    /// Whether an item has been ended by a comma.
    comma: bool,
    /// The keyword (and its offset) of the argument being parsed, if any.
    keyword: Option<(String, usize)>,
}

impl Group {
    fn new(kind: GroupKind, offset: usize) -> Self {
        Group {
            kind,
            offset,
            items: Vec::new(),
            kwargs: Vec::new(),
            comma: false,
            keyword: None,
        }
    }

    /// Stores a complete item, as a keyword argument if one is pending.
    fn push_item(&mut self, value: Expr) -> Result<(), ParseError> {
        match self.keyword.take() {
            Some((name, offset)) => {
                if self.kwargs.iter().any(|(k, _)| *k == name) {
                    return Err(ParseError::new(
                        offset,
                        format!("keyword argument repeated: {name}"),
                    ));
                }
                self.kwargs.push((name, value));
            }
            None => self.items.push(value),
        }
        Ok(())
    }
}

/// Something waiting on the parser's stack for what follows.
#[derive(Debug)]
enum Frame {
    Group(Group),
    Unary { negate: bool, offset: usize },
    Binary { op: BinOp, lhs: Expr, offset: usize },
}

impl Frame {
    /// Whether the frame counts towards the nesting depth (the frames that a
    /// recursive parser would recurse for).
    fn nests(&self) -> bool {
        match self {
            Frame::Group(g) => !matches!(g.kind, GroupKind::Top | GroupKind::Call),
            Frame::Unary { .. } => true,
            Frame::Binary { op, .. } => *op == BinOp::Pow,
        }
    }
}

/// The result of a parse.
enum Finished {
    Expr(Expr),
    Call(Vec<Expr>, Vec<(String, Expr)>),
}

/// What the parser does next.
enum Step {
    /// A complete value: continue in operator mode.
    Value(Expr),
    /// An operand is needed: continue in operand mode.
    Operand,
    /// The root group is complete.
    Done(Finished),
}

struct Parser {
    lexer: Lexer,
    lookahead: VecDeque<Token>,
    lex_error: Option<ParseError>,
    stack: Vec<Frame>,
    depth: usize,
}

fn internal_error(offset: usize) -> ParseError {
    ParseError::new(offset, "internal parser error")
}

impl Parser {
    fn new(src: &str) -> Self {
        Parser {
            lexer: Lexer::new(src),
            lookahead: VecDeque::new(),
            lex_error: None,
            stack: Vec::new(),
            depth: 0,
        }
    }

    fn fill(&mut self, n: usize) -> Result<(), ParseError> {
        while self.lookahead.len() <= n {
            if let Some(e) = &self.lex_error {
                return Err(e.clone());
            }
            match self.lexer.next_token() {
                Ok(t) => self.lookahead.push_back(t),
                Err(e) => {
                    self.lex_error = Some(e.clone());
                    return Err(e);
                }
            }
        }
        Ok(())
    }

    fn peek(&mut self, n: usize) -> Result<&Token, ParseError> {
        self.fill(n)?;
        let pos = self.lexer.pos;
        self.lookahead.get(n).ok_or_else(|| internal_error(pos))
    }

    fn next(&mut self) -> Result<Token, ParseError> {
        self.fill(0)?;
        let pos = self.lexer.pos;
        self.lookahead
            .pop_front()
            .ok_or_else(|| internal_error(pos))
    }

    fn eat(&mut self, tok: &Tok) -> Result<bool, ParseError> {
        let found = self.peek(0)?.tok == *tok;
        if found {
            self.next()?;
        }
        Ok(found)
    }

    fn describe(&self, t: &Token) -> String {
        let text = abbreviate(&self.lexer.text(t.offset, t.end));
        match &t.tok {
            Tok::Eof => "end of input".to_string(),
            Tok::Int(_) | Tok::Float(_) => format!("number {text}"),
            Tok::Str(_) => format!("string {text}"),
            Tok::Ident(n) if is_keyword(n) => format!("keyword '{n}'"),
            Tok::Ident(_) => format!("name '{text}'"),
            _ => format!("'{text}'"),
        }
    }

    fn unexpected(&self, t: &Token, expected: &str) -> ParseError {
        ParseError::new(
            t.offset,
            format!("expected {expected} but found {}", self.describe(t)),
        )
    }

    fn push(&mut self, frame: Frame, offset: usize) -> Result<(), ParseError> {
        if frame.nests() {
            self.depth += 1;
            if self.depth > MAX_DEPTH {
                return Err(ParseError::new(offset, "expression nested too deeply"));
            }
        }
        self.stack.push(frame);
        Ok(())
    }

    fn pop(&mut self) -> Option<Frame> {
        let frame = self.stack.pop()?;
        if frame.nests() {
            self.depth = self.depth.saturating_sub(1);
        }
        Some(frame)
    }

    /// `[receiver '.']* name '(' arguments ')'` then end of input.
    fn call(mut self) -> Result<Call, ParseError> {
        let first = self.next()?;
        let mut method = match first.tok {
            Tok::Eof => return Err(ParseError::new(first.offset, "empty call")),
            Tok::Ident(ref n) if !is_keyword(n) => n.clone(),
            _ => return Err(self.unexpected(&first, "a method name such as rand(...)")),
        };
        while self.eat(&Tok::Dot)? {
            let t = self.next()?;
            match t.tok {
                Tok::Ident(n) if !is_keyword(&n) => method = n,
                _ => return Err(self.unexpected(&t, "a name after '.'")),
            }
        }
        let t = self.next()?;
        if t.tok != Tok::LParen {
            return Err(self.unexpected(&t, &format!("'(' after the method name '{method}'")));
        }
        let Finished::Call(args, kwargs) = self.run(Group::new(GroupKind::Call, t.offset))? else {
            return Err(internal_error(t.offset));
        };
        let t = self.next()?;
        if t.tok != Tok::Eof {
            return Err(self.unexpected(&t, "end of input after the closing ')'"));
        }
        Ok(Call {
            method,
            args,
            kwargs,
        })
    }

    /// A whole input holding one expression, or a bare tuple `a, b, ...`.
    fn top_expr(mut self) -> Result<Expr, ParseError> {
        match self.run(Group::new(GroupKind::Top, 0))? {
            Finished::Expr(e) => Ok(e),
            Finished::Call(..) => Err(internal_error(0)),
        }
    }

    /// Parses the contents of `root` up to and including its closing token.
    fn run(&mut self, root: Group) -> Result<Finished, ParseError> {
        self.stack.push(Frame::Group(root));
        loop {
            let mut value = match self.operand()? {
                Step::Value(v) => v,
                Step::Operand => continue,
                Step::Done(f) => return Ok(f),
            };
            loop {
                match self.operator(value)? {
                    Step::Value(v) => value = v,
                    Step::Operand => break,
                    Step::Done(f) => return Ok(f),
                }
            }
        }
    }

    /// Operand mode: a prefix operator, an opening token, an atom, or (at the
    /// start of an item) a closing token or a `keyword=`.
    fn operand(&mut self) -> Result<Step, ParseError> {
        // At the start of an item of the innermost group (no `keyword=`
        // pending), a closing token ends the group and keywords may appear.
        let item_start = match self.stack.last() {
            Some(Frame::Group(g)) if g.keyword.is_none() => {
                Some((g.kind, g.comma || !g.items.is_empty(), !g.kwargs.is_empty()))
            }
            _ => None,
        };
        if let Some((kind, has_items, has_kwargs)) = item_start {
            let t = self.peek(0)?;
            if kind.is_closed_by(&t.tok) {
                let t = self.next()?;
                if kind == GroupKind::Top && !has_items {
                    return Err(ParseError::new(t.offset, "empty expression"));
                }
                return self.close_group(None);
            }
            if kind.takes_keywords() {
                let offset = t.offset;
                let is_keyword_arg =
                    matches!(t.tok, Tok::Ident(_)) && self.peek(1)?.tok == Tok::Assign;
                if is_keyword_arg {
                    let Tok::Ident(name) = self.next()?.tok else {
                        return Err(internal_error(offset));
                    };
                    self.next()?; // '='
                    if is_keyword(&name) {
                        return Err(ParseError::new(
                            offset,
                            format!("keyword '{name}' cannot be used as an argument name"),
                        ));
                    }
                    if let Some(Frame::Group(g)) = self.stack.last_mut() {
                        g.keyword = Some((name, offset));
                    }
                } else if matches!(self.peek(0)?.tok, Tok::Star | Tok::DoubleStar) {
                    return Err(ParseError::new(
                        offset,
                        "argument unpacking (*args, **kwargs) is not supported",
                    ));
                } else if has_kwargs {
                    return Err(ParseError::new(
                        offset,
                        "positional argument follows keyword argument",
                    ));
                }
            }
        }

        let t = self.next()?;
        let offset = t.offset;
        let value = match t.tok {
            Tok::Minus | Tok::Plus => {
                let negate = t.tok == Tok::Minus;
                // `-170141183460469231731687303715884105728` is i128::MIN,
                // although the literal alone does not fit (nor if `**`
                // binds to it first).
                if negate
                    && self.peek(0)?.tok == Tok::Int(TWO_POW_127)
                    && self.peek(1)?.tok != Tok::DoubleStar
                {
                    self.next()?;
                    Expr::Int(i128::MIN)
                } else {
                    self.push(Frame::Unary { negate, offset }, offset)?;
                    return Ok(Step::Operand);
                }
            }
            Tok::Int(v) => match i128::try_from(v) {
                Ok(i) => Expr::Int(i),
                Err(_) => {
                    return Err(ParseError::new(
                        offset,
                        format!(
                            "integer literal too large: {}",
                            abbreviate(&self.lexer.text(t.offset, t.end))
                        ),
                    ))
                }
            },
            Tok::Float(f) => Expr::Float(f),
            Tok::Str(mut s) => {
                // Adjacent string literals are concatenated, as in Python.
                while let Tok::Str(more) = &self.peek(0)?.tok {
                    s.push_str(more);
                    self.next()?;
                }
                Expr::Str(s)
            }
            Tok::Ident(name) => match self.name(name, offset)? {
                Some(v) => v,
                None => return Ok(Step::Operand),
            },
            Tok::LParen => {
                self.push(Frame::Group(Group::new(GroupKind::Paren, offset)), offset)?;
                return Ok(Step::Operand);
            }
            Tok::LBracket => {
                self.push(Frame::Group(Group::new(GroupKind::List, offset)), offset)?;
                return Ok(Step::Operand);
            }
            _ => return Err(self.unexpected(&t, "an expression")),
        };
        self.reject_trailer()?;
        Ok(Step::Value(value))
    }

    /// Operator mode, holding the complete value `value`.
    fn operator(&mut self, value: Expr) -> Result<Step, ParseError> {
        let t = self.next()?;
        let op = match t.tok {
            Tok::Plus => Some(BinOp::Add),
            Tok::Minus => Some(BinOp::Sub),
            Tok::Star => Some(BinOp::Mul),
            Tok::Slash => Some(BinOp::Div),
            Tok::DoubleSlash => Some(BinOp::FloorDiv),
            Tok::Percent => Some(BinOp::Mod),
            Tok::DoubleStar => Some(BinOp::Pow),
            _ => None,
        };
        if let Some(op) = op {
            let lhs = self.reduce(value, Some(op))?;
            self.push(
                Frame::Binary {
                    op,
                    lhs,
                    offset: t.offset,
                },
                t.offset,
            )?;
            return Ok(Step::Operand);
        }
        let value = self.reduce(value, None)?;
        let kind = match self.stack.last() {
            Some(Frame::Group(g)) => g.kind,
            _ => return Err(internal_error(t.offset)),
        };
        if t.tok == Tok::Comma {
            if let Some(Frame::Group(g)) = self.stack.last_mut() {
                g.push_item(value)?;
                g.comma = true;
            }
            Ok(Step::Operand)
        } else if kind.is_closed_by(&t.tok) {
            self.close_group(Some(value))
        } else if t.tok == Tok::Assign && kind.takes_keywords() {
            Err(ParseError::new(
                t.offset,
                "a keyword argument name must be a plain identifier",
            ))
        } else {
            Err(self.unexpected(&t, kind.expected_after_item()))
        }
    }

    /// Folds the pending operators into `value`: all of them, or only those
    /// that bind at least as tightly as the `incoming` operator.
    fn reduce(&mut self, mut value: Expr, incoming: Option<BinOp>) -> Result<Expr, ParseError> {
        loop {
            let precedence = match self.stack.last() {
                Some(Frame::Unary { .. }) => PREC_UNARY,
                Some(Frame::Binary { op, .. }) => op.precedence(),
                _ => break,
            };
            if let Some(op) = incoming {
                let p = op.precedence();
                // `**` is right-associative.
                if precedence < p || (precedence == p && op == BinOp::Pow) {
                    break;
                }
            }
            value = match self.pop() {
                Some(Frame::Unary { negate, offset }) => {
                    fold_unary(negate, &value).map_err(|m| ParseError::new(offset, m))?
                }
                Some(Frame::Binary { op, lhs, offset }) => {
                    fold_binop(op, &lhs, &value).map_err(|m| ParseError::new(offset, m))?
                }
                _ => return Err(internal_error(self.lexer.pos)),
            };
        }
        Ok(value)
    }

    /// Completes the innermost group, whose closing token was just consumed,
    /// with `last` as its final item if it has one.
    fn close_group(&mut self, last: Option<Expr>) -> Result<Step, ParseError> {
        let Some(Frame::Group(mut g)) = self.pop() else {
            return Err(internal_error(self.lexer.pos));
        };
        if let Some(v) = last {
            g.push_item(v)?;
        }
        let single = !g.comma && g.items.len() == 1;
        let value = match g.kind {
            GroupKind::Top if single => return Ok(Step::Done(Finished::Expr(g.items.remove(0)))),
            GroupKind::Top => return Ok(Step::Done(Finished::Expr(Expr::Tuple(g.items)))),
            GroupKind::Call => return Ok(Step::Done(Finished::Call(g.items, g.kwargs))),
            GroupKind::Paren if single => g.items.remove(0),
            GroupKind::Paren => Expr::Tuple(g.items),
            GroupKind::List => Expr::List(g.items),
            GroupKind::Float => float_of_args(&g)?,
        };
        self.reject_trailer()?;
        Ok(Step::Value(value))
    }

    /// Fails if a complete value is followed by a call, an index or an
    /// attribute, none of which is supported there.
    fn reject_trailer(&mut self) -> Result<(), ParseError> {
        let t = self.peek(0)?;
        let problem = match t.tok {
            Tok::LParen => "only names can be called",
            Tok::LBracket => "indexing and slicing are not supported",
            Tok::Dot => "attribute access is only supported on names",
            _ => return Ok(()),
        };
        Err(ParseError::new(t.offset, problem))
    }

    /// A name (already consumed) with its `.attr` parts: a named constant,
    /// `True`/`False`/`None`, or a `Name`. For `float(` it pushes a group and
    /// returns `None`.
    fn name(&mut self, first: String, offset: usize) -> Result<Option<Expr>, ParseError> {
        match first.as_str() {
            "True" => return Ok(Some(Expr::Bool(true))),
            "False" => return Ok(Some(Expr::Bool(false))),
            "None" => return Ok(Some(Expr::None)),
            kw if is_keyword(kw) => {
                return Err(ParseError::new(
                    offset,
                    format!("the keyword '{kw}' is not supported here"),
                ))
            }
            _ => {}
        }
        let mut name = first;
        while self.eat(&Tok::Dot)? {
            let t = self.next()?;
            match t.tok {
                Tok::Ident(part) if !is_keyword(&part) => {
                    name.push('.');
                    name.push_str(&part);
                }
                _ => return Err(self.unexpected(&t, "a name after '.'")),
            }
        }
        if self.peek(0)?.tok == Tok::LParen {
            if name != "float" {
                return Err(ParseError::new(
                    offset,
                    format!("nested calls are not supported: {name}(...)"),
                ));
            }
            self.next()?;
            self.push(Frame::Group(Group::new(GroupKind::Float, offset)), offset)?;
            return Ok(None);
        }
        Ok(Some(match named_constant(&name) {
            Some(f) => Expr::Float(f),
            None => Expr::Name(name),
        }))
    }
}

/// The value of `float(...)` from its parsed arguments.
fn float_of_args(g: &Group) -> Result<Expr, ParseError> {
    let err = |m: String| Err(ParseError::new(g.offset, m));
    if !g.kwargs.is_empty() {
        return err("float() takes no keyword arguments".into());
    }
    let value = match g.items.as_slice() {
        [] => 0.0,
        [Expr::Str(s)] => match float_from_str(s) {
            Some(f) => f,
            None => {
                return err(format!(
                    "could not convert string to float: {}",
                    abbreviate(&quote_str(s))
                ))
            }
        },
        [other] => match Num::of(other) {
            Some(n) => n.to_f64(),
            None => {
                return err(format!(
                    "float() argument must be a string or a real number, not '{}'",
                    type_name(other)
                ))
            }
        },
        items => {
            return err(format!(
                "float() takes at most 1 argument ({} given)",
                items.len()
            ))
        }
    };
    Ok(Expr::Float(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(src: &str) -> Call {
        parse_call(src).unwrap_or_else(|e| panic!("{src:?}: {e}"))
    }

    fn ex(src: &str) -> Expr {
        parse_expr(src).unwrap_or_else(|e| panic!("{src:?}: {e}"))
    }

    fn err(src: &str) -> ParseError {
        match parse_expr(src) {
            Ok(v) => panic!("{src:?} parsed as {v:?}"),
            Err(e) => e,
        }
    }

    fn call_err(src: &str) -> ParseError {
        match parse_call(src) {
            Ok(v) => panic!("{src:?} parsed as {v:?}"),
            Err(e) => e,
        }
    }

    /// Asserts that parsing `src` fails with a message containing `needle`.
    fn assert_err(src: &str, needle: &str) {
        let e = err(src);
        assert!(
            e.message.contains(needle),
            "{src:?}: expected an error containing {needle:?}, got {e}"
        );
    }

    fn assert_call_err(src: &str, needle: &str) {
        let e = call_err(src);
        assert!(
            e.message.contains(needle),
            "{src:?}: expected an error containing {needle:?}, got {e}"
        );
    }

    fn int(i: i128) -> Expr {
        Expr::Int(i)
    }

    fn float(f: f64) -> Expr {
        Expr::Float(f)
    }

    fn string(s: &str) -> Expr {
        Expr::Str(s.to_string())
    }

    fn name(s: &str) -> Expr {
        Expr::Name(s.to_string())
    }

    fn kw(k: &str, v: Expr) -> (String, Expr) {
        (k.to_string(), v)
    }

    /// Structural equality that compares floats bit for bit (so `-0.0`
    /// differs from `0.0`, and NaN equals NaN).
    fn same(a: &Expr, b: &Expr) -> bool {
        match (a, b) {
            (Expr::Float(x), Expr::Float(y)) => {
                x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan())
            }
            (Expr::Tuple(x), Expr::Tuple(y)) | (Expr::List(x), Expr::List(y)) => {
                x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q))
            }
            _ => a == b,
        }
    }

    /// (expression, Python's `repr(eval(expression))`), from CPython 3.11.
    const PYTHON_ARITHMETIC: &[(&str, &str)] = &[
        ("1 + 2 * 3", "7"),
        ("(1 + 2) * 3", "9"),
        ("2 ** 3 ** 2", "512"),
        ("-2**2", "-4"),
        ("(-2)**2", "4"),
        ("2**-1", "0.5"),
        ("-2**-2", "-0.25"),
        ("2**-2**-1", "0.7071067811865476"),
        ("7 // 2", "3"),
        ("-7 // 2", "-4"),
        ("7 // -2", "-4"),
        ("-7 // -2", "3"),
        ("-7 % 2", "1"),
        ("7 % -2", "-1"),
        ("-7 % -2", "-1"),
        ("7.5 // -2", "-4.0"),
        ("-7.5 % 2", "0.5"),
        ("7.5 % -2", "-0.5"),
        ("-7.5 // 2", "-4.0"),
        ("1e308 % 1e-308", "3.498445546245627e-309"),
        ("-0.0 // 1", "-0.0"),
        ("0.0 // -1", "-0.0"),
        ("-1e-300 // 1e300", "-1.0"),
        ("5.0 % 1e309", "5.0"),
        ("-5.0 % 1e309", "inf"),
        ("5.0 // 1e309", "0.0"),
        ("-5.0 // 1e309", "-1.0"),
        ("0.0 % -3", "-0.0"),
        ("-0.0 % 3", "0.0"),
        ("1 / 2", "0.5"),
        ("4 / 2", "2.0"),
        ("0 / -5", "-0.0"),
        ("-0 / 5", "0.0"),
        ("1 + 2.0", "3.0"),
        ("10 - 2 - 3", "5"),
        ("2 * 3 % 4", "2"),
        ("100 // 10 // 3", "3"),
        ("True + True", "2"),
        ("-True", "-1"),
        ("+False", "0"),
        ("True * 2.5", "2.5"),
        ("True ** -1", "1.0"),
        ("2 ** 0.5", "1.4142135623730951"),
        ("10 ** -3", "0.001"),
        ("10.0 ** -3", "0.001"),
        ("0 ** 0", "1"),
        ("0.0 ** 0", "1.0"),
        ("0 ** 5", "0"),
        ("0.0 ** 3", "0.0"),
        ("-0.0 ** 3", "-0.0"),
        ("(-0.0) ** 3", "-0.0"),
        ("(-0.0) ** 2", "0.0"),
        ("(-8.0) ** 3", "-512.0"),
        ("(-2) ** -3", "-0.125"),
        ("1 ** -5", "1.0"),
        ("(-1) ** -5", "-1.0"),
        ("1e309 ** 0.5", "inf"),
        ("(-1e309) ** 3", "-inf"),
        ("(-1e309) ** 2", "inf"),
        ("(-1e309) ** -3", "-0.0"),
        ("1e309 ** -1", "0.0"),
        ("0.5 ** 1e309", "0.0"),
        ("2 ** -1e309", "0.0"),
        ("1.0 ** 1e309", "1.0"),
        ("(-1.0) ** 1e309", "1.0"),
        ("10.0 ** -400", "0.0"),
        ("1e-200 * 1e-200", "0.0"),
        ("1e200 * 1e200", "inf"),
        ("-1e200 * 1e200", "-inf"),
        ("1e308 + 1e308", "inf"),
        ("0.1 + 0.2", "0.30000000000000004"),
        ("0.1 * 3", "0.30000000000000004"),
        ("1 / 3", "0.3333333333333333"),
        ("2 / 3", "0.6666666666666666"),
        ("-2 / 3", "-0.6666666666666666"),
        ("2**64 / 3", "6.148914691236517e+18"),
        ("(2**64 + 1) / 3", "6.148914691236517e+18"),
        ("(-(2**100) - 7) / (2**60 + 3)", "-1099511627776.0"),
        ("1 / (2**100 + 1)", "7.888609052210118e-31"),
        (
            "170141183460469231731687303715884105727 / 170141183460469231731687303715884105725",
            "1.0",
        ),
        (
            "170141183460469231731687303715884105727 / 3",
            "5.671372782015641e+37",
        ),
        (
            "-170141183460469231731687303715884105727 / (2**126 + 12345)",
            "-2.0",
        ),
        (
            "1066393229017887700330458162141704693 / 296330035011768466372",
            "3598667374286028.5",
        ),
        (
            "40661027345962492879774585979637535 / 756803914724279772899",
            "53727295214608.125",
        ),
        (
            "38601840532655273958332151970860098 / 889551219389438802108",
            "43394736234694.18",
        ),
        ("(2**53 + 1) / 1", "9007199254740992.0"),
        ("(2**54 + 3) / 2", "9007199254740994.0"),
        ("(2**53 + 1) / (2**53 + 3)", "0.9999999999999998"),
        ("9007199254740993 / -1", "-9007199254740992.0"),
        ("2**63 - 1", "9223372036854775807"),
        ("-2**63", "-9223372036854775808"),
        ("2**64", "18446744073709551616"),
        ("2**64 - 1", "18446744073709551615"),
        (
            "2**126 + (2**126 - 1)",
            "170141183460469231731687303715884105727",
        ),
        (
            "-(2**126) - 2**126",
            "-170141183460469231731687303715884105728",
        ),
        (
            "12345678901234567890 * 1000000",
            "12345678901234567890000000",
        ),
        ("2**64 * 2.0", "3.6893488147419103e+19"),
        ("2**100 + 0.5", "1.2676506002282294e+30"),
        ("(2**53 + 1) + 0.0", "9007199254740992.0"),
        ("(2**53 + 1) * 1.0", "9007199254740992.0"),
        ("(2**64 + 1) * 1.0", "1.8446744073709552e+19"),
        ("(2**54 + 3) % 2.0", "0.0"),
        ("10**20 // 7", "14285714285714285714"),
        ("-(10**20) // 7", "-14285714285714285715"),
        ("10**20 % -7", "-5"),
        ("3 - -3", "6"),
        ("3 - - - 3", "0"),
        ("- - 3", "3"),
        ("+-+3", "-3"),
        ("2 * -3", "-6"),
        ("-2 ** 0.5", "-1.4142135623730951"),
        ("6 / 4 * 2", "3.0"),
        ("2 ** 10 // 3", "341"),
        ("1.5e300 * 1.5e300 / 1e300", "inf"),
        ("7 % 3.5", "0.0"),
        ("-7 // 2.0", "-4.0"),
        ("2.5 // 0.5", "5.0"),
        ("1e16 // 3", "3333333333333333.0"),
        ("1e300 // 1e-300", "inf"),
        ("1e-310 / 1e10", "1e-320"),
        ("0x10 + 0o10 + 0b10", "26"),
        ("1_000_000 + 0x_ff", "1000255"),
        ("1.5 ** 2", "2.25"),
        ("2.0 ** 62", "4.611686018427388e+18"),
        ("2 ** 62", "4611686018427387904"),
        ("3 ** 80", "147808829414345923316083210206383297601"),
        ("(-3) ** 79", "-49269609804781974438694403402127765867"),
        ("5e-324 / 2", "0.0"),
        ("5e-324 * 0.5", "0.0"),
        ("9.999999999999999e22", "1e+23"),
        ("1e23", "1e+23"),
        ("2.2250738585072011e-308", "2.225073858507201e-308"),
        ("4.9406564584124654e-324", "5e-324"),
        ("1.7976931348623157e308", "1.7976931348623157e+308"),
        ("1.7976931348623158e308", "1.7976931348623157e+308"),
        ("1.7976931348623159e308", "inf"),
        ("0.30000000000000004", "0.30000000000000004"),
        ("123456789012345678901234567890.0", "1.2345678901234568e+29"),
        (".1e-5", "1e-06"),
        ("1.e5", "100000.0"),
        ("1_0.0_1e1_0", "100100000000.0"),
        (
            "-35789710110760246153082995843012316103 / 370404036604113651",
            "-9.662343434181347e+19",
        ),
        (
            "-35789710110760246153082995843012316103 // 370404036604113651",
            "-96623434341813463558",
        ),
        (
            "-35789710110760246153082995843012316103 % 370404036604113651",
            "330837675966514155",
        ),
        (
            "-150405172655671699789493795939993196526 / -76846714041009581280422061429416885",
            "1957.2102012768864",
        ),
        (
            "-150405172655671699789493795939993196526 // -76846714041009581280422061429416885",
            "1957",
        ),
        (
            "-150405172655671699789493795939993196526 % -76846714041009581280422061429416885",
            "-16153277415949223707821722624352581",
        ),
        (
            "-88247808054488678878743010225380169893 / -3698450",
            "2.3860754655190332e+31",
        ),
        (
            "-88247808054488678878743010225380169893 // -3698450",
            "23860754655190330781474133819675",
        ),
        (
            "-88247808054488678878743010225380169893 % -3698450",
            "-3166143",
        ),
        (
            "-94176899738072565209373524662505336112 / 1190214525260503617880813927852597606",
            "-79.1259875756095",
        ),
        (
            "-94176899738072565209373524662505336112 // 1190214525260503617880813927852597606",
            "-80",
        ),
        (
            "-94176899738072565209373524662505336112 % 1190214525260503617880813927852597606",
            "1040262282767724221091589565702472368",
        ),
        (
            "-153266814751497533801507864581935135536 / 29708",
            "-5.159109154150314e+33",
        ),
        (
            "-153266814751497533801507864581935135536 // 29708",
            "-5159109154150314184782141664936554",
        ),
        ("-153266814751497533801507864581935135536 % 29708", "10696"),
        (
            "-121053723275904397718403606450469880146 / -27600677716603188",
            "4.385896771045029e+21",
        ),
        (
            "-121053723275904397718403606450469880146 // -27600677716603188",
            "4385896771045028690732",
        ),
        (
            "-121053723275904397718403606450469880146 % -27600677716603188",
            "-3129556452626530",
        ),
        (
            "-135073143007196993662767757729893341136 / -754681553067741975468940",
            "178980316211694.28",
        ),
        (
            "-135073143007196993662767757729893341136 // -754681553067741975468940",
            "178980316211694",
        ),
        (
            "-135073143007196993662767757729893341136 % -754681553067741975468940",
            "-208791750058589931556776",
        ),
        (
            "-148775201992183908695845517803889019437 / -10848208608300182686",
            "1.3714264480344986e+19",
        ),
        (
            "-148775201992183908695845517803889019437 // -10848208608300182686",
            "13714264480344986001",
        ),
        (
            "-148775201992183908695845517803889019437 % -10848208608300182686",
            "-1933469091476440751",
        ),
        (
            "94336064867956836034106993616024940885 / 499911347487878181981",
            "1.887055881848017e+17",
        ),
        (
            "94336064867956836034106993616024940885 // 499911347487878181981",
            "188705588184801687",
        ),
        (
            "94336064867956836034106993616024940885 % 499911347487878181981",
            "464808283707443138938",
        ),
        (
            "100172146863948638058532240584281729369 / -85038518595092808504357968277700276",
            "-1177.9620402480662",
        ),
        (
            "100172146863948638058532240584281729369 // -85038518595092808504357968277700276",
            "-1178",
        ),
        (
            "100172146863948638058532240584281729369 % -85038518595092808504357968277700276",
            "-3228041070690359601446046849195759",
        ),
        (
            "-1661818431486267191312290115520467280 / -253360797053619628708798372",
            "6559098529.890442",
        ),
        (
            "-1661818431486267191312290115520467280 // -253360797053619628708798372",
            "6559098529",
        ),
        (
            "-1661818431486267191312290115520467280 % -253360797053619628708798372",
            "-225603150522884544377672492",
        ),
        (
            "-129965481007961777522725405319275168515 / 9947658071114527275835715",
            "-13064932477459.045",
        ),
        (
            "-129965481007961777522725405319275168515 // 9947658071114527275835715",
            "-13064932477460",
        ),
        (
            "-129965481007961777522725405319275168515 % 9947658071114527275835715",
            "9508182555647447625315385",
        ),
        (
            "-26644668620066829218299067794112088746 / -907053117",
            "2.937498159776108e+28",
        ),
        (
            "-26644668620066829218299067794112088746 // -907053117",
            "29374981597761081524731773557",
        ),
        (
            "-26644668620066829218299067794112088746 % -907053117",
            "-297061577",
        ),
        (
            "127768478346103415634959723023405288827 / 3777561790448911035729180",
            "33823001563905.562",
        ),
        (
            "127768478346103415634959723023405288827 // 3777561790448911035729180",
            "33823001563905",
        ),
        (
            "127768478346103415634959723023405288827 % 3777561790448911035729180",
            "2125781487454551362040927",
        ),
        (
            "101027105439348990590466284335351242702 / -8049660646586506865756693324",
            "-12550480060.571245",
        ),
        (
            "101027105439348990590466284335351242702 // -8049660646586506865756693324",
            "-12550480061",
        ),
        (
            "101027105439348990590466284335351242702 % -8049660646586506865756693324",
            "-3451331539852698904802570062",
        ),
        (
            "-148022836549081732541594220505386286550 / -13397689963291",
            "1.1048384979399948e+25",
        ),
        (
            "-148022836549081732541594220505386286550 // -13397689963291",
            "11048384979399948554593137",
        ),
        (
            "-148022836549081732541594220505386286550 % -13397689963291",
            "-6342415752683",
        ),
        (
            "109545327678352259939230735293064956084 / -3743",
            "-2.92667185889266e+34",
        ),
        (
            "109545327678352259939230735293064956084 // -3743",
            "-29266718588926598968536130187834613",
        ),
        ("109545327678352259939230735293064956084 % -3743", "-375"),
        (
            "149944937733694105770764122703497319199 / 2303708887459004822185425378859206",
            "65088.49210504355",
        ),
        (
            "149944937733694105770764122703497319199 // 2303708887459004822185425378859206",
            "65088",
        ),
        (
            "149944937733694105770764122703497319199 % 2303708887459004822185425378859206",
            "1133666762399904359155644309319071",
        ),
        (
            "91274955571496020889159879060894165515 / -76278736640805072959417",
            "-1196597631149920.8",
        ),
        (
            "91274955571496020889159879060894165515 // -76278736640805072959417",
            "-1196597631149921",
        ),
        (
            "91274955571496020889159879060894165515 % -76278736640805072959417",
            "-11822786799623381590542",
        ),
        (
            "-1188706639319904440792583079490926691 / -28349112666818616",
            "4.193099986198979e+19",
        ),
        (
            "-1188706639319904440792583079490926691 // -28349112666818616",
            "41930999861989791614",
        ),
        (
            "-1188706639319904440792583079490926691 % -28349112666818616",
            "-2412461315040467",
        ),
        (
            "108645299828929905129034416309682599712 / -60907154589",
            "-1.783785510291291e+27",
        ),
        (
            "108645299828929905129034416309682599712 // -60907154589",
            "-1783785510291290897740256876",
        ),
        (
            "108645299828929905129034416309682599712 % -60907154589",
            "-5419604252",
        ),
        (
            "62177433243039532745956584194195906382 / -174752258227059078868356393518005",
            "-355803.3176444058",
        ),
        (
            "62177433243039532745956584194195906382 // -174752258227059078868356393518005",
            "-355804",
        ),
        (
            "62177433243039532745956584194195906382 % -174752258227059078868356393518005",
            "-119243180995751720094045084344638",
        ),
        (
            "-91210351710084157656391903754588357589 / -63071",
            "1.4461535683608023e+33",
        ),
        (
            "-91210351710084157656391903754588357589 // -63071",
            "1446153568360802233298852146859703",
        ),
        ("-91210351710084157656391903754588357589 % -63071", "-29676"),
        (
            "-74205127730570102341643311531504382880 / 83635809046738063215254",
            "-887241106128383.0",
        ),
        (
            "-74205127730570102341643311531504382880 // 83635809046738063215254",
            "-887241106128384",
        ),
        (
            "-74205127730570102341643311531504382880 % 83635809046738063215254",
            "82266412983007246786656",
        ),
        (
            "154181234251730800370846118096024677112 / 8720900536297",
            "1.7679508395952651e+25",
        ),
        (
            "154181234251730800370846118096024677112 // 8720900536297",
            "17679508395952652380674758",
        ),
        (
            "154181234251730800370846118096024677112 % 8720900536297",
            "7255093985986",
        ),
        (
            "-151768354660345165916954791881452297789 / 36696",
            "-4.135828282656016e+33",
        ),
        (
            "-151768354660345165916954791881452297789 // 36696",
            "-4135828282656016075783594720990089",
        ),
        ("-151768354660345165916954791881452297789 % 36696", "8155"),
        (
            "-36621561020889631909099441947933004928 / -58507598239939140245",
            "6.259282917528923e+17",
        ),
        (
            "-36621561020889631909099441947933004928 // -58507598239939140245",
            "625928291752892260",
        ),
        (
            "-36621561020889631909099441947933004928 % -58507598239939140245",
            "-45497469091418001228",
        ),
        (
            "-105280116727728270985106336156737286900 / -19267681909590912447941507493613",
            "5464077.994526304",
        ),
        (
            "-105280116727728270985106336156737286900 // -19267681909590912447941507493613",
            "5464077",
        ),
        (
            "-105280116727728270985106336156737286900 % -19267681909590912447941507493613",
            "-19162216486869295447715558846699",
        ),
        (
            "-152250630440743364507655640069151898886 / -402064155121448015",
            "3.786724792583272e+20",
        ),
        (
            "-152250630440743364507655640069151898886 // -402064155121448015",
            "378672479258327178075",
        ),
        (
            "-152250630440743364507655640069151898886 % -402064155121448015",
            "-343730446391627761",
        ),
        (
            "38702785016544643801921237127293145501 / -328816044834992",
            "-1.1770345645987761e+23",
        ),
        (
            "38702785016544643801921237127293145501 // -328816044834992",
            "-117703456459877606475842",
        ),
        (
            "38702785016544643801921237127293145501 % -328816044834992",
            "-33268231117763",
        ),
        (
            "-84302316980352314555191798925011938997 / -40091876721521884939",
            "2.1027281303371274e+18",
        ),
        (
            "-84302316980352314555191798925011938997 // -40091876721521884939",
            "2102728130337127413",
        ),
        (
            "-84302316980352314555191798925011938997 % -40091876721521884939",
            "-1891570362643206190",
        ),
        (
            "-4060231247033446529714738533409581396 / -2893172143068500289",
            "1.4033839143519345e+18",
        ),
        (
            "-4060231247033446529714738533409581396 // -2893172143068500289",
            "1403383914351934338",
        ),
        (
            "-4060231247033446529714738533409581396 % -2893172143068500289",
            "-1136933449547557714",
        ),
        (
            "-135368539747288669558079010498423714369 / -34715754916235885782",
            "3.8993402296425196e+18",
        ),
        (
            "-135368539747288669558079010498423714369 // -34715754916235885782",
            "3899340229642519655",
        ),
        (
            "-135368539747288669558079010498423714369 % -34715754916235885782",
            "-3032851189153669159",
        ),
        (
            "5558348887705941529048613168828374460 / 1042289339304671562",
            "5.33282715086965e+18",
        ),
        (
            "5558348887705941529048613168828374460 // 1042289339304671562",
            "5332827150869649978",
        ),
        (
            "5558348887705941529048613168828374460 % 1042289339304671562",
            "386162709637848824",
        ),
        (
            "14690813873432326630869776231569280822 / 34797801329736856047956230",
            "422176497136.27527",
        ),
        (
            "14690813873432326630869776231569280822 // 34797801329736856047956230",
            "422176497136",
        ),
        (
            "14690813873432326630869776231569280822 % 34797801329736856047956230",
            "9577831906138618320923542",
        ),
        (
            "-139171898486062701802928235719692448084 / 88961756454060864790973",
            "-1564401424087551.0",
        ),
        (
            "-139171898486062701802928235719692448084 // 88961756454060864790973",
            "-1564401424087552",
        ),
        (
            "-139171898486062701802928235719692448084 % 88961756454060864790973",
            "85359807324660038820012",
        ),
        (
            "92535676332926567813430355156082598357 / 5147654096268043404",
            "1.797628096262592e+19",
        ),
        (
            "92535676332926567813430355156082598357 // 5147654096268043404",
            "17976280962625920829",
        ),
        (
            "92535676332926567813430355156082598357 % 5147654096268043404",
            "1774140974442936441",
        ),
        (
            "38529567047595818107929068683020004547 / 135435",
            "2.8448751834899263e+32",
        ),
        (
            "38529567047595818107929068683020004547 // 135435",
            "284487518348992639331997406010410",
        ),
        ("38529567047595818107929068683020004547 % 135435", "126197"),
        (
            "108323088249025407178246392569243440904 / -2771190797243726460469061831757",
            "-39089004.03276649",
        ),
        (
            "108323088249025407178246392569243440904 // -2771190797243726460469061831757",
            "-39089005",
        ),
        (
            "108323088249025407178246392569243440904 % -2771190797243726460469061831757",
            "-2680388602653661067717615090881",
        ),
        (
            "78606586946211607649571783553447098553 / 2873151238876982276201829668",
            "27359014688.323982",
        ),
        (
            "78606586946211607649571783553447098553 // 2873151238876982276201829668",
            "27359014688",
        ),
        (
            "78606586946211607649571783553447098553 % 2873151238876982276201829668",
            "930852929850252814160934969",
        ),
        ("-55519.875002289424 // -61.27101079743813", "906.0"),
        (
            "-55519.875002289424 % -61.27101079743813",
            "-8.339219810477786",
        ),
        (
            "55519.875002289424 ** -1.6559732647956251",
            "1.390977680688767e-08",
        ),
        ("210278.06336455164 // -31.143815149027603", "-6752.0"),
        (
            "210278.06336455164 % -31.143815149027603",
            "-4.976521682738166",
        ),
        (
            "210278.06336455164 ** -0.8417247337575028",
            "3.308816356717689e-05",
        ),
        ("617131.4855966151 // 44.625592213925785", "13829.0"),
        (
            "617131.4855966151 % 44.625592213925785",
            "4.170870235444767",
        ),
        (
            "617131.4855966151 ** 1.206097086862859",
            "9632913.956295194",
        ),
        ("-300960.67555247806 // 94.90299577211721", "-3172.0"),
        (
            "-300960.67555247806 % 94.90299577211721",
            "71.62703667772416",
        ),
        (
            "300960.67555247806 ** 2.5649458316788434",
            "112740707240781.31",
        ),
        ("-838923.7490227473 // -79.56857051425305", "10543.0"),
        (
            "-838923.7490227473 % -79.56857051425305",
            "-32.31009097732823",
        ),
        (
            "838923.7490227473 ** -2.150501905790623",
            "1.823994389290519e-13",
        ),
        ("-59840.03548761958 // -32.452504032293916", "1843.0"),
        (
            "-59840.03548761958 % -32.452504032293916",
            "-30.070556101890304",
        ),
        (
            "59840.03548761958 ** -0.8770947035755112",
            "6.458412142529372e-05",
        ),
        ("-34693.39573284413 // 97.04979941294837", "-358.0"),
        (
            "-34693.39573284413 % 97.04979941294837",
            "50.432456991386005",
        ),
        (
            "34693.39573284413 ** 2.6229675517013074",
            "810811797645.717",
        ),
        ("220524.29378681653 // -99.61833733398704", "-2214.0"),
        (
            "220524.29378681653 % -99.61833733398704",
            "-30.705070630781023",
        ),
        (
            "220524.29378681653 ** -2.6923874955131635",
            "4.1052981000853305e-15",
        ),
        ("818398.3959701364 // -31.198619604641593", "-26232.0"),
        (
            "818398.3959701364 % -31.198619604641593",
            "-3.7934988218661374",
        ),
        (
            "818398.3959701364 ** -0.8432059352605836",
            "1.0331253341149904e-05",
        ),
        ("286266.19405714376 // 66.9297615596438", "4277.0"),
        ("286266.19405714376 % 66.9297615596438", "7.603866547253801"),
        (
            "286266.19405714376 ** 1.8089124745849674",
            "7427102880.159434",
        ),
        ("-760192.7383277247 // -22.292851236011273", "34100.0"),
        (
            "-760192.7383277247 % -22.292851236011273",
            "-6.5111797403202445",
        ),
        (
            "760192.7383277247 ** -0.6025094928651695",
            "0.00028621186516372433",
        ),
        ("422985.9672507711 // -60.136119309018945", "-7034.0"),
        (
            "422985.9672507711 % -60.136119309018945",
            "-11.4959688681338",
        ),
        (
            "422985.9672507711 ** -1.6253005218653769",
            "7.170170476968043e-10",
        ),
        ("778022.008814241 // -13.214984850383658", "-58875.0"),
        (
            "778022.008814241 % -13.214984850383658",
            "-10.224252096826078",
        ),
        (
            "778022.008814241 ** -0.3571617527130718",
            "0.007869787650576275",
        ),
        ("271684.4429450808 // -82.65002846595115", "-3288.0"),
        ("271684.4429450808 % -82.65002846595115", "-68.850650966579"),
        (
            "271684.4429450808 ** -2.2337845531338147",
            "7.268922764258479e-13",
        ),
        ("892330.6907960367 // 44.36494618034138", "20113.0"),
        ("892330.6907960367 % 44.36494618034138", "18.52827083062013"),
        (
            "892330.6907960367 ** 1.1990525994686858",
            "13645626.036143022",
        ),
        ("-73678.91965230089 // 48.67054216086416", "-1514.0"),
        (
            "-73678.91965230089 % 48.67054216086416",
            "8.281179247449359",
        ),
        (
            "73678.91965230089 ** 1.315420058401734",
            "2526974.9754692237",
        ),
        ("-830161.501097699 // -68.22878991066865", "12167.0"),
        (
            "-830161.501097699 % -68.22878991066865",
            "-21.814254593551496",
        ),
        (
            "830161.501097699 ** -1.8440213489369905",
            "1.216011880457118e-11",
        ),
        ("986224.7128343338 // -94.4902298582335", "-10438.0"),
        (
            "986224.7128343338 % -94.4902298582335",
            "-64.30642590755662",
        ),
        (
            "986224.7128343338 ** -2.553789996168473",
            "4.927701113535123e-16",
        ),
        ("181624.60483390233 // -6.929223527756378", "-26212.0"),
        (
            "181624.60483390233 % -6.929223527756378",
            "-4.202275647844715",
        ),
        (
            "181624.60483390233 ** -0.18727631156098318",
            "0.1035335638495458",
        ),
        ("311716.3799133047 // 22.314667443201657", "13969.0"),
        (
            "311716.3799133047 % 22.314667443201657",
            "2.790399220756612",
        ),
        (
            "311716.3799133047 ** 0.6030991200865312",
            "2057.2240612498567",
        ),
    ];

    #[test]
    fn arithmetic_matches_python() {
        let mut failures = Vec::new();
        for &(src, expected) in PYTHON_ARITHMETIC {
            let want = ex(expected);
            match parse_expr(src) {
                Ok(got) if same(&got, &want) => {}
                got => failures.push(format!("{src}: got {got:?}, Python gives {expected}")),
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn brief_examples() {
        let c = call("rand(3, 2)");
        assert_eq!(c.method, "rand");
        assert_eq!(c.args, vec![int(3), int(2)]);
        assert!(c.kwargs.is_empty());

        let c = call("randint(0, 10, size=(2, 3), dtype='int8')");
        assert_eq!(c.method, "randint");
        assert_eq!(c.args, vec![int(0), int(10)]);
        assert_eq!(
            c.kwargs,
            vec![
                kw("size", Expr::Tuple(vec![int(2), int(3)])),
                kw("dtype", string("int8")),
            ]
        );

        let c = call("choice([1, 2, 3], size=5, p=[0.2, 0.3, 0.5])");
        assert_eq!(c.method, "choice");
        assert_eq!(c.args, vec![Expr::List(vec![int(1), int(2), int(3)])]);
        assert_eq!(
            c.kwargs,
            vec![
                kw("size", int(5)),
                kw("p", Expr::List(vec![float(0.2), float(0.3), float(0.5)])),
            ]
        );

        let c = call("shuffle([1, 2, 3, 4])");
        assert_eq!(c.method, "shuffle");
        assert_eq!(
            c.args,
            vec![Expr::List(vec![int(1), int(2), int(3), int(4)])]
        );

        let c = call("randint(-2**63, 2**64, dtype=np.uint64)");
        assert_eq!(
            c.args,
            vec![int(-9223372036854775808), int(18446744073709551616)]
        );
        assert_eq!(c.kwargs, vec![kw("dtype", name("np.uint64"))]);

        let c = call("normal([0, 1, 2], 1)");
        assert_eq!(c.method, "normal");
        assert_eq!(
            c.args,
            vec![Expr::List(vec![int(0), int(1), int(2)]), int(1)]
        );

        let c = call("binomial(10, [[0.1], [0.9]], size=(2, 3))");
        assert_eq!(
            c.args,
            vec![
                int(10),
                Expr::List(vec![
                    Expr::List(vec![float(0.1)]),
                    Expr::List(vec![float(0.9)])
                ]),
            ]
        );
        assert_eq!(
            c.kwargs,
            vec![kw("size", Expr::Tuple(vec![int(2), int(3)]))]
        );

        let c = call("uniform(-np.inf, 0)");
        assert_eq!(c.args, vec![float(f64::NEG_INFINITY), int(0)]);

        let c = call("randint(0, 10, dtype=int)");
        assert_eq!(c.kwargs, vec![kw("dtype", name("int"))]);
    }

    #[test]
    fn receivers_are_stripped() {
        for src in [
            "rand(3)",
            "rs.rand(3)",
            "np.random.rand(3)",
            "random.rand(3)",
            "numpy.random.rand(3)",
            "  \t rand ( 3 ) \n ",
            "np . random . rand(3)",
            "rand(\n  3,\n)",
            "rand(3)  # a comment",
        ] {
            let c = call(src);
            assert_eq!(c.method, "rand", "{src:?}");
            assert_eq!(c.args, vec![int(3)], "{src:?}");
            assert!(c.kwargs.is_empty(), "{src:?}");
        }
        assert_eq!(call("random_sample()").method, "random_sample");
        assert_eq!(call("_private()").method, "_private");
    }

    #[test]
    fn call_structure_errors() {
        assert_call_err("", "empty call");
        assert_call_err("   \n\t", "empty call");
        assert_call_err("rand", "expected '(' after the method name 'rand'");
        assert_call_err("rand(", "expected an expression but found end of input");
        assert_call_err("rand(3", "expected ',' or ')' but found end of input");
        assert_call_err("rand(3))", "end of input after the closing ')'");
        assert_call_err("rand(3) x", "end of input after the closing ')'");
        assert_call_err("rand(3)(4)", "end of input after the closing ')'");
        assert_call_err("np.random.RandomState(5).rand(3)", "end of input");
        assert_call_err("rand(3); rand(2)", "only one call");
        assert_call_err("(3)", "expected a method name");
        assert_call_err("3", "expected a method name");
        assert_call_err("'rand'(3)", "expected a method name");
        assert_call_err("True(3)", "keyword 'True'");
        assert_call_err("np.(3)", "expected a name after '.'");
        assert_call_err("rand.", "expected a name after '.'");
        assert_call_err("rand[3]", "expected '('");
        assert_call_err("rand(3 2)", "expected ',' or ')' but found number 2");
        assert_call_err("rand(,)", "expected an expression but found ','");
        assert_call_err("rand(3,,)", "expected an expression but found ','");
        assert_call_err("rand(x=)", "expected an expression but found ')'");
        assert_call_err("rand(=3)", "expected an expression but found '='");
        assert_call_err("rand(1=2)", "plain identifier");
        assert_call_err("rand(np.x=2)", "plain identifier");
        assert_call_err("rand(*a)", "unpacking");
        assert_call_err("rand(**a)", "unpacking");
        assert_call_err("rand(True=1)", "keyword 'True' cannot be used");
        assert_call_err("rand(lambda=1)", "keyword 'lambda' cannot be used");
        assert_call_err("rand(x == 1)", "comparison");
    }

    #[test]
    fn arguments() {
        let c = call("f()");
        assert!(c.args.is_empty() && c.kwargs.is_empty());
        assert_eq!(call("f(1,)").args, vec![int(1)]);
        assert_eq!(call("f(1, 2, )").args, vec![int(1), int(2)]);
        let c = call("f(1, a=2, b=3,)");
        assert_eq!(c.args, vec![int(1)]);
        assert_eq!(c.kwargs, vec![kw("a", int(2)), kw("b", int(3))]);
        let c = call("f(b=1, a=2)");
        assert_eq!(
            c.kwargs,
            vec![kw("b", int(1)), kw("a", int(2))],
            "source order kept"
        );
        let c = call("f(size = None)");
        assert_eq!(c.kwargs, vec![kw("size", Expr::None)]);

        let e = call_err("f(size=3, 2)");
        assert_eq!(e.message, "positional argument follows keyword argument");
        assert_eq!(e.offset, 10);
        let e = call_err("f(size=3, size=4)");
        assert_eq!(e.message, "keyword argument repeated: size");
        assert_eq!(e.offset, 10);
    }

    #[test]
    fn integers() {
        assert_eq!(ex("0"), int(0));
        assert_eq!(ex("00"), int(0));
        assert_eq!(ex("0_0"), int(0));
        assert_eq!(ex("42"), int(42));
        assert_eq!(ex("1_000_000"), int(1_000_000));
        assert_eq!(ex("0xff"), int(255));
        assert_eq!(ex("0XfF"), int(255));
        assert_eq!(ex("0x_dead_BEEF"), int(0xdead_beef));
        assert_eq!(ex("0o17"), int(15));
        assert_eq!(ex("0O_7_7"), int(63));
        assert_eq!(ex("0b101"), int(5));
        assert_eq!(ex("0B_1_0"), int(2));
        assert_eq!(ex("18446744073709551616"), int(1 << 64));
        assert_eq!(
            ex("170141183460469231731687303715884105727"),
            int(i128::MAX)
        );
        assert_eq!(ex("0x7fffffffffffffffffffffffffffffff"), int(i128::MAX));
        assert_eq!(
            ex("-170141183460469231731687303715884105728"),
            int(i128::MIN)
        );
        assert_eq!(ex("-0x80000000000000000000000000000000"), int(i128::MIN));
        assert_eq!(
            ex("[-170141183460469231731687303715884105728]"),
            Expr::List(vec![int(i128::MIN)])
        );
        assert_eq!(
            ex("-170141183460469231731687303715884105728 + 1"),
            int(i128::MIN + 1)
        );
        assert_eq!(
            ex("-170141183460469231731687303715884105727 - 1"),
            int(i128::MIN)
        );

        let e = err("170141183460469231731687303715884105728");
        assert_eq!(
            e.message,
            "integer literal too large: 170141183460469231731687303715884105728"
        );
        assert_eq!(e.offset, 0);
        assert_err(
            "-170141183460469231731687303715884105728 ** 1",
            "integer literal too large",
        );
        assert_err(
            "--170141183460469231731687303715884105728",
            "integer too large",
        );
        let e = err("[1, 99999999999999999999999999999999999999999999999999999]");
        assert_eq!(e.offset, 4);
        assert!(
            e.message
                .starts_with("integer literal too large: 9999999999"),
            "{e}"
        );
        assert!(
            e.message.ends_with("..."),
            "long literals are abbreviated: {e}"
        );
        assert_err(
            "0x1_0000_0000_0000_0000_0000_0000_0000_0000",
            "integer literal too large",
        );
        assert_err(
            "0x80000000000000000000000000000000",
            "integer literal too large",
        );

        assert_err("01", "leading zeros");
        assert_err("0_1", "leading zeros");
        assert_err("1__0", "invalid decimal literal");
        assert_err("1_", "invalid decimal literal");
        assert_err("1a", "invalid decimal literal");
        assert_err("1_a", "invalid decimal literal");
        assert_err("0x", "invalid hexadecimal literal");
        assert_err("0x_", "invalid hexadecimal literal");
        assert_err("0xg", "invalid hexadecimal literal");
        assert_err("0x1__2", "invalid hexadecimal literal");
        assert_err("0b102", "invalid digit '2' in binary literal");
        assert_err("0o8", "invalid digit '8' in octal literal");
        assert_err("1j", "complex numbers are not supported");
        assert_err("1.5J", "complex numbers are not supported");
    }

    #[test]
    fn overflow_and_division_errors() {
        for (src, needle) in [
            ("2**127", "integer too large"),
            ("2**200", "integer too large"),
            ("3**10**10", "integer too large"),
            ("-2**127", "integer too large"),
            (
                "170141183460469231731687303715884105727 + 1",
                "integer too large",
            ),
            (
                "-170141183460469231731687303715884105728 - 1",
                "integer too large",
            ),
            ("2**64 * 2**64", "integer too large"),
            (
                "-(-170141183460469231731687303715884105727 - 1)",
                "integer too large",
            ),
            (
                "(-170141183460469231731687303715884105727 - 1) // -1",
                "integer too large",
            ),
            ("1 / 0", "division by zero"),
            ("1 // 0", "division by zero"),
            ("1 % 0", "division by zero"),
            ("1.0 / 0", "division by zero"),
            ("1 / 0.0", "division by zero"),
            ("1 / -0.0", "division by zero"),
            ("1.0 // 0.0", "division by zero"),
            ("1 % 0.0", "division by zero"),
            ("1 / False", "division by zero"),
            ("0 ** -1", "division by zero"),
            ("0.0 ** -1", "division by zero"),
            ("0 ** -0.5", "division by zero"),
            ("(-8) ** 0.5", "complex"),
            ("(-8.0) ** (1/3)", "complex"),
            ("10.0 ** 400", "out of range"),
            ("2.0 ** 1024", "out of range"),
            ("(-2.0) ** 1025", "out of range"),
        ] {
            assert_err(src, needle);
        }
        // Identities that must not overflow.
        assert_eq!(
            ex("(-170141183460469231731687303715884105727 - 1) % -1"),
            int(0)
        );
        assert_eq!(ex("1 ** (2**100)"), int(1));
        assert_eq!(ex("(-1) ** (2**100 + 1)"), int(-1));
        assert_eq!(ex("0 ** (2**100)"), int(0));
        assert_eq!(ex("2 ** 126"), int(1 << 126));
        assert_eq!(ex("(-2) ** 127"), int(i128::MIN));
        let e = err("[1, 2 / 0]");
        assert_eq!(e.offset, 6, "the error points at the operator");
    }

    #[test]
    fn floats_parse_exactly() {
        for src in [
            "0.1",
            "1.",
            ".5",
            "1e-3",
            "1E+300",
            "1e400",
            "1e-400",
            "5e-324",
            "2.5e-324",
            "2.4703282292062328e-324",
            "01.5",
            "09.5",
            "0e0",
            "00.0",
            "09e1",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "2.2250738585072011e-308",
            "123456789012345678901234567890.123456789",
            "0.30000000000000004",
            "9007199254740993.0",
            "9007199254740993",
            "3.14159265358979323846264338327950288",
        ] {
            let expected: f64 = src.parse().unwrap();
            match ex(src) {
                Expr::Float(f) => assert_eq!(f.to_bits(), expected.to_bits(), "{src}"),
                Expr::Int(i) => assert_eq!(i as f64, expected, "{src}"),
                other => panic!("{src}: {other:?}"),
            }
        }
        assert_eq!(ex("1_000.000_1"), float(1000.0001));
        assert_eq!(ex("1e1_0"), float(1e10));
        assert_eq!(ex("1.e5"), float(1e5));
        assert_eq!(ex("-0.0"), float(-0.0));
        assert!(same(&ex("-0.0"), &float(-0.0)));
        assert!(!same(&ex("-0.0"), &float(0.0)));
        assert_eq!(ex("0.1"), float(f64::from_bits(0x3FB9_9999_9999_999A)));
        assert_err("1e", "invalid decimal literal");
        assert_err("1e+", "invalid decimal literal");
        assert_err("1e_5", "invalid decimal literal");
        assert_err("1._5", "invalid decimal literal");
        assert_err("1_.5", "invalid decimal literal");
        assert_err("1.5_", "invalid decimal literal");
        assert_err("1.real", "invalid decimal literal");
        assert_err("1.5.5", "expected end of input but found number .5");
        assert_err(".", "expected an expression but found '.'");
    }

    #[test]
    fn strings() {
        assert_eq!(ex("'int8'"), string("int8"));
        assert_eq!(ex("\"int8\""), string("int8"));
        assert_eq!(ex("''"), string(""));
        assert_eq!(ex("\"it's\""), string("it's"));
        assert_eq!(ex("'say \"hi\"'"), string("say \"hi\""));
        assert_eq!(
            ex(r#"'\n\t\\\'\"\x41\u00e9\U0001F600\r\a\b\f\v\0\101\7'"#),
            string("\n\t\\'\"A\u{e9}\u{1F600}\r\x07\x08\x0c\x0b\0A\x07")
        );
        assert_eq!(ex(r"'\q\d'"), string("\\q\\d"), "unknown escapes are kept");
        assert_eq!(ex("'a\\\nb'"), string("ab"), "backslash-newline continues");
        assert_eq!(ex("'héllo ✓'"), string("héllo ✓"));
        assert_eq!(ex(r"r'\n\''"), string("\\n\\'"));
        assert_eq!(ex(r#"R"a\b""#), string("a\\b"));
        assert_eq!(ex("u'x'"), string("x"));
        assert_eq!(ex("'''a'b\"c\nd'''"), string("a'b\"c\nd"));
        assert_eq!(ex("\"\"\"x\"\"\""), string("x"));
        assert_eq!(ex("'a' \"b\" 'c'"), string("abc"));
        assert_eq!(ex("('a'\n 'b')"), string("ab"));

        let e = err("'abc");
        assert_eq!(
            (e.message.as_str(), e.offset),
            ("unterminated string literal", 0)
        );
        assert_err("'abc\ndef'", "unterminated string literal");
        assert_err("'abc\\", "unterminated string literal");
        assert_err("'''abc''", "unterminated string literal");
        assert_err("r'abc\\'", "unterminated string literal");
        assert_err(r"'\x4'", "truncated \\xXX escape");
        assert_err(r"'\u12'", "truncated \\uXXXX escape");
        assert_err(r"'\U0000004'", "truncated \\UXXXXXXXX escape");
        assert_err(r"'\U00110000'", "illegal Unicode character");
        assert_err(r"'\ud800'", "surrogate");
        assert_err(r"'\N{DASH}'", "\\N{...}");
        assert_err("b'abc'", "byte strings are not supported");
        assert_err("rb'abc'", "byte strings are not supported");
        assert_err("f'{x}'", "f-strings are not supported");
        assert_err("x'abc'", "expected end of input but found string 'abc'");
    }

    #[test]
    fn containers() {
        assert_eq!(ex("(1)"), int(1));
        assert_eq!(ex("((((1))))"), int(1));
        assert_eq!(ex("(1,)"), Expr::Tuple(vec![int(1)]));
        assert_eq!(ex("()"), Expr::Tuple(vec![]));
        assert_eq!(ex("(1, 2)"), Expr::Tuple(vec![int(1), int(2)]));
        assert_eq!(ex("(1, 2,)"), Expr::Tuple(vec![int(1), int(2)]));
        assert_eq!(ex("((),)"), Expr::Tuple(vec![Expr::Tuple(vec![])]));
        assert_eq!(ex("[]"), Expr::List(vec![]));
        assert_eq!(ex("[1,]"), Expr::List(vec![int(1)]));
        assert_eq!(
            ex("[1, 2, [3, 4]]"),
            Expr::List(vec![int(1), int(2), Expr::List(vec![int(3), int(4)])])
        );
        assert_eq!(
            ex("[(1, 'a'), [True, None], np.int8]"),
            Expr::List(vec![
                Expr::Tuple(vec![int(1), string("a")]),
                Expr::List(vec![Expr::Bool(true), Expr::None]),
                name("np.int8"),
            ])
        );
        assert_eq!(ex("1, 2"), Expr::Tuple(vec![int(1), int(2)]));
        assert_eq!(ex("1,"), Expr::Tuple(vec![int(1)]));
        assert_err("(,)", "expected an expression but found ','");
        assert_err("[,]", "expected an expression but found ','");
        assert_err("(1 2)", "expected ',' or ')'");
        assert_err("[1 2]", "expected ',' or ']'");
        assert_err("[1, 2", "expected ',' or ']' but found end of input");
        assert_err("(1, 2", "expected ',' or ')' but found end of input");
        assert_err("[1, 2)", "expected ',' or ']' but found ')'");
        assert_err("1,,", "expected an expression but found ','");
        assert_err("[1][0]", "indexing");
        assert_err("(1)(2)", "only names can be called");
        assert_err("'abc'.upper", "attribute access is only supported on names");
        assert_err("{1: 2}", "dict and set literals");
        assert_err(
            "[x for x in y]",
            "expected ',' or ']' but found keyword 'for'",
        );
    }

    #[test]
    fn names_and_constants() {
        assert_eq!(ex("True"), Expr::Bool(true));
        assert_eq!(ex("False"), Expr::Bool(false));
        assert_eq!(ex("None"), Expr::None);
        for n in [
            "int",
            "bool",
            "float",
            "np.int8",
            "numpy.uint64",
            "np.float64",
            "a.b.c_d1",
            "_x",
            "true",
            "none",
        ] {
            assert_eq!(ex(n), name(n));
        }
        assert_eq!(ex("np . int8"), name("np.int8"));
        for (src, value) in [
            ("np.inf", f64::INFINITY),
            ("numpy.inf", f64::INFINITY),
            ("inf", f64::INFINITY),
            ("math.inf", f64::INFINITY),
            ("np.Inf", f64::INFINITY),
            ("np.PINF", f64::INFINITY),
            ("np.NINF", f64::NEG_INFINITY),
            ("-np.inf", f64::NEG_INFINITY),
            ("-inf", f64::NEG_INFINITY),
            ("np.pi", std::f64::consts::PI),
            ("numpy.pi", std::f64::consts::PI),
            ("math.pi", std::f64::consts::PI),
            ("np.e", std::f64::consts::E),
            ("2 * np.pi", 2.0 * std::f64::consts::PI),
            ("np.euler_gamma", 0.5772156649015329),
        ] {
            assert_eq!(ex(src), float(value), "{src}");
        }
        for src in [
            "np.nan",
            "numpy.nan",
            "nan",
            "np.NaN",
            "-np.nan",
            "np.nan + 1",
            "math.nan",
        ] {
            assert!(matches!(ex(src), Expr::Float(x) if x.is_nan()), "{src}");
        }
        assert_eq!(
            ex("e"),
            name("e"),
            "only the np./numpy./math. spellings of e and pi"
        );
        assert_eq!(ex("pi"), name("pi"));
        assert_eq!(ex("x.nan"), name("x.nan"));

        assert_err(
            "np.int8 * 2",
            "arithmetic on the name 'np.int8' is not supported",
        );
        assert_err("-int", "arithmetic on the name 'int'");
        assert_err("np.", "expected a name after '.' but found end of input");
        assert_err(
            "np.None",
            "expected a name after '.' but found keyword 'None'",
        );
        assert_err("np.1", "expected end of input but found number .1");
        assert_err("not 1", "the keyword 'not' is not supported here");
        assert_err("lambda: 1", "the keyword 'lambda' is not supported here");
        assert_err("np.int8[3]", "indexing");
        assert_err("é", "unexpected character 'é'");
    }

    #[test]
    fn operators() {
        assert_eq!(ex("True + True"), int(2));
        assert_eq!(ex("-True"), int(-1));
        assert_eq!(ex("+True"), int(1));
        assert_eq!(ex("True / 2"), float(0.5));
        assert_eq!(ex("+1.5"), float(1.5));
        assert_eq!(ex("4 / 2"), float(2.0));
        assert_eq!(ex("2 ** -1"), float(0.5));
        assert_eq!(ex("2 ** 2"), int(4));
        for (src, needle) in [
            (
                "'a' + 'b'",
                "unsupported operand types for +: 'str' and 'str'",
            ),
            (
                "[1] * 2.0",
                "unsupported operand types for *: 'list' and 'float'",
            ),
            (
                "(1,) + [2]",
                "unsupported operand types for +: 'tuple' and 'list'",
            ),
            ("None + 1", "'NoneType' and 'int'"),
            ("1 % 'x'", "'int' and 'str'"),
            ("'%d' % 3", "unsupported operand types for %"),
            ("-'a'", "bad operand type for unary -: 'str'"),
            ("+[1]", "bad operand type for unary +: 'list'"),
            ("2 ** None", "unsupported operand types for **"),
            ("1 << 2", "bitwise operators are not supported"),
            ("1 & 2", "bitwise operators are not supported"),
            ("~1", "bitwise operators are not supported"),
            ("1 < 2", "comparison operators are not supported"),
            ("1 != 2", "comparison operators are not supported"),
            ("a @ b", "matrix multiplication"),
            (
                "1 if 2 else 3",
                "expected end of input but found keyword 'if'",
            ),
            ("1 +", "expected an expression but found end of input"),
            ("* 2", "expected an expression but found '*'"),
            ("2 ** ** 2", "expected an expression but found '**'"),
            ("1 / / 2", "expected an expression but found '/'"),
            ("x[1:2]", "indexing"),
            ("$", "unexpected character '$'"),
            ("\u{7}", "unexpected character '\\u{7}'"),
        ] {
            assert_err(src, needle);
        }
    }

    #[test]
    fn sequence_repetition_and_concatenation() {
        assert_eq!(
            ex("[0.5] * 2"),
            Expr::List(vec![Expr::Float(0.5), Expr::Float(0.5)])
        );
        assert_eq!(ex("2 * [1]"), Expr::List(vec![Expr::Int(1), Expr::Int(1)]));
        assert_eq!(ex("[1] * -1"), Expr::List(vec![]));
        assert_eq!(
            ex("(1,) * 2"),
            Expr::Tuple(vec![Expr::Int(1), Expr::Int(1)])
        );
        assert_eq!(
            ex("[1] + [2]"),
            Expr::List(vec![Expr::Int(1), Expr::Int(2)])
        );
        assert!(parse_expr("[1] * 10**9").is_err());
    }
    #[test]
    fn float_calls() {
        for (src, value) in [
            ("float('inf')", f64::INFINITY),
            ("float('-inf')", f64::NEG_INFINITY),
            ("float('+inf')", f64::INFINITY),
            ("float('infinity')", f64::INFINITY),
            ("float('-Infinity')", f64::NEG_INFINITY),
            ("float('INF')", f64::INFINITY),
            ("float(' 1.5\\n')", 1.5),
            ("float('1_000.5')", 1000.5),
            ("float('-.5e-3')", -0.0005),
            ("float('5.')", 5.0),
            ("float('1e1_0')", 1e10),
            ("float('0.1')", 0.1),
            ("float(3)", 3.0),
            ("float(2**64 + 1)", 18446744073709551616.0),
            ("float(2.5)", 2.5),
            ("float(True)", 1.0),
            ("float()", 0.0),
            ("-float('inf')", f64::NEG_INFINITY),
        ] {
            assert_eq!(ex(src), float(value), "{src}");
        }
        for src in [
            "float('nan')",
            "float('NaN')",
            "float('-nan')",
            "float(' +nan ')",
        ] {
            assert!(matches!(ex(src), Expr::Float(x) if x.is_nan()), "{src}");
        }
        let c = call("uniform(float('-inf'), high=float('1e3'))");
        assert_eq!(c.args, vec![float(f64::NEG_INFINITY)]);
        assert_eq!(c.kwargs, vec![kw("high", float(1000.0))]);

        for (src, needle) in [
            ("float('abc')", "could not convert string to float: 'abc'"),
            ("float('')", "could not convert string to float: ''"),
            ("float('1__0')", "could not convert string to float"),
            ("float('_1')", "could not convert string to float"),
            ("float('1_')", "could not convert string to float"),
            ("float('1._5')", "could not convert string to float"),
            ("float('.')", "could not convert string to float"),
            ("float('1e')", "could not convert string to float"),
            ("float('0x10')", "could not convert string to float"),
            ("float('--1')", "could not convert string to float"),
            ("float('in f')", "could not convert string to float"),
            (
                "float([1])",
                "float() argument must be a string or a real number, not 'list'",
            ),
            ("float(None)", "not 'NoneType'"),
            ("float(x=1)", "float() takes no keyword arguments"),
            ("float(1, 2)", "float() takes at most 1 argument (2 given)"),
            ("float('1')(2)", "only names can be called"),
        ] {
            assert_err(src, needle);
        }
        let e = err("normal(0, 1)");
        assert_eq!(e.message, "nested calls are not supported: normal(...)");
        let e = call_err("normal(np.zeros(3), 1)");
        assert_eq!(e.message, "nested calls are not supported: np.zeros(...)");
        assert_eq!(e.offset, 7);
        assert_call_err("f(int('3'))", "nested calls are not supported: int(...)");
        assert_call_err(
            "f(np.float64(3))",
            "nested calls are not supported: np.float64(...)",
        );
        assert_call_err("f(np.pi(3))", "nested calls are not supported: np.pi(...)");
    }

    #[test]
    fn error_display_and_offsets() {
        let e = call_err("rand(3, @)");
        assert_eq!(e.offset, 8);
        assert_eq!(
            e.to_string(),
            "syntax error at column 9: the matrix multiplication operator '@' is not supported"
        );
        // Offsets count characters, not bytes.
        let e = call_err("f('é✓', $)");
        assert_eq!(e.offset, 8);
        let e = call_err("");
        assert_eq!(e.to_string(), "syntax error at column 1: empty call");
        let e = err("  ");
        assert_eq!(e.message, "empty expression");
        let e: Box<dyn std::error::Error> = Box::new(call_err("f("));
        assert!(e.to_string().starts_with("syntax error at column 3: "));
        // Messages stay on one line, even for odd input.
        for src in [
            "f('\u{2028}'(",
            "f(1 '''a\nb''')",
            "f(1 '\u{2028}')",
            "f(1 \"\t\")",
            "f(float('a\\nb'))",
        ] {
            let e = call_err(src);
            assert!(!e.to_string().contains(['\n', '\r', '\u{2028}']), "{e}");
        }
        // A lexical error later in the input does not mask an earlier syntax error.
        let e = call_err("rand(3 3, 'unterminated");
        assert_eq!(e.message, "expected ',' or ')' but found number 3");
    }

    #[test]
    fn nesting_depth_is_capped() {
        let ok = format!("{}1{}", "(".repeat(MAX_DEPTH), ")".repeat(MAX_DEPTH));
        assert_eq!(ex(&ok), int(1));
        let ok = format!("{}1{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse_expr(&ok).is_ok());
        let ok = format!("f({}1{})", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse_call(&ok).is_ok());
        assert_eq!(ex(&format!("{}1", "-".repeat(MAX_DEPTH))), int(1));
        assert_eq!(ex(&format!("{}1", "1 ** ".repeat(MAX_DEPTH))), int(1));

        for src in [
            format!(
                "{}1{}",
                "(".repeat(MAX_DEPTH + 1),
                ")".repeat(MAX_DEPTH + 1)
            ),
            format!(
                "{}1{}",
                "[".repeat(MAX_DEPTH + 1),
                "]".repeat(MAX_DEPTH + 1)
            ),
            "(".repeat(100_000),
            "[".repeat(100_000),
            "-".repeat(100_000) + "1",
            "+-".repeat(100_000) + "1",
            "2**".repeat(100_000) + "1",
            "float(".repeat(100_000),
            "[(-".repeat(100_000),
        ] {
            let e = err(&src);
            assert_eq!(e.message, "expression nested too deeply", "{}", &src[..20]);
            let e = call_err(&format!("f({src})"));
            assert_eq!(e.message, "expression nested too deeply");
        }
        // Long flat inputs are fine.
        let flat = format!("[{}]", "1, ".repeat(100_000));
        assert!(matches!(ex(&flat), Expr::List(v) if v.len() == 100_000));
        assert_eq!(ex(&format!("{}1", "1 + ".repeat(100_000))), int(100_001));
    }

    #[test]
    fn machine_stack_use_does_not_grow_with_nesting() {
        // The parser keeps its own stack, so even maximally nested inputs
        // parse on a small thread stack (also in unoptimised builds).
        let d = MAX_DEPTH;
        let inputs = vec![
            format!("f({}1{})", "(".repeat(d), ")".repeat(d)),
            format!("f({}1{})", "[".repeat(d), "]".repeat(d)),
            format!("f({}1)", "-".repeat(d)),
            format!("f({}1)", "2**".repeat(d)),
            format!("f({}1{})", "float(".repeat(d), ")".repeat(d)),
            format!("f({}1{})", "(-".repeat(d / 2), ")".repeat(d / 2)),
            format!("f({}", "float(".repeat(100_000)),
            format!("f({}", "[(-2**".repeat(100_000)),
        ];
        std::thread::Builder::new()
            .stack_size(128 * 1024)
            .spawn(move || {
                for s in &inputs {
                    let _ = parse_call(s);
                }
            })
            .unwrap()
            .join()
            .unwrap();
    }

    #[test]
    fn quote_str_round_trips() {
        for s in [
            "",
            "a'b\"c",
            "\\",
            "\n\r\t\0\x7f\u{85}\u{a0}\u{2028}",
            "é✓😀",
            "\u{feff}",
        ] {
            assert_eq!(ex(&quote_str(s)), string(s), "{s:?}");
        }
    }

    #[test]
    fn int_true_division_is_correctly_rounded() {
        // Converting both operands to f64 first would round twice here.
        let (a, b) = (
            1066393229017887700330458162141704693_i128,
            296330035011768466372_i128,
        );
        assert_ne!(a as f64 / b as f64, 3598667374286028.5);
        assert_eq!(int_true_div(a, b), 3598667374286028.5);
        assert_eq!(int_true_div(-a, b), -3598667374286028.5);
        assert_eq!(int_true_div(i128::MIN, i128::MIN), 1.0);
        assert_eq!(int_true_div(i128::MIN, 1), -(2f64.powi(127)));
        assert_eq!(int_true_div(1, i128::MIN), -(2f64.powi(-127)));
        assert_eq!(int_true_div(i128::MAX, 1), 2f64.powi(127));
        assert_eq!(int_true_div(0, i128::MIN).to_bits(), (-0.0f64).to_bits());
        assert_eq!(int_true_div(3, 1 << 60), 3.0 / 2f64.powi(60));
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    fn render(e: &Expr) -> String {
        let join = |v: &[Expr]| v.iter().map(render).collect::<Vec<_>>().join(", ");
        match e {
            Expr::Int(i) => i.to_string(),
            Expr::Float(f) => format!("{f:?}"),
            Expr::Str(s) => quote_str(s),
            Expr::Bool(true) => "True".to_string(),
            Expr::Bool(false) => "False".to_string(),
            Expr::None => "None".to_string(),
            Expr::Tuple(v) if v.len() == 1 => format!("({},)", render(&v[0])),
            Expr::Tuple(v) => format!("({})", join(v)),
            Expr::List(v) => format!("[{}]", join(v)),
            Expr::Name(n) => n.clone(),
        }
    }

    fn identifier() -> impl Strategy<Value = String> {
        "[a-zA-Z_][a-zA-Z0-9_]{0,7}".prop_filter("keyword", |s| !is_keyword(s))
    }

    fn dotted_name() -> impl Strategy<Value = String> {
        prop::collection::vec(identifier(), 1..4)
            .prop_map(|parts| parts.join("."))
            .prop_filter("constant", |n| named_constant(n).is_none())
    }

    fn expr() -> impl Strategy<Value = Expr> {
        let leaf = prop_oneof![
            any::<i128>().prop_map(Expr::Int),
            (-1000i128..1000).prop_map(Expr::Int),
            any::<f64>()
                .prop_filter("NaN", |f| !f.is_nan())
                .prop_map(Expr::Float),
            (-1e6f64..1e6).prop_map(Expr::Float),
            any::<String>().prop_map(Expr::Str),
            "[a-z0-9 '\"\\\\]{0,8}".prop_map(Expr::Str),
            any::<bool>().prop_map(Expr::Bool),
            Just(Expr::None),
            dotted_name().prop_map(Expr::Name),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Expr::Tuple),
                prop::collection::vec(inner, 0..6).prop_map(Expr::List),
            ]
        })
    }

    fn call_strategy() -> impl Strategy<Value = (String, Call)> {
        (
            prop::sample::select(vec!["", "rs.", "np.random.", "numpy.random.", "random."]),
            identifier(),
            prop::collection::vec(expr(), 0..4),
            prop::collection::btree_map(identifier(), expr(), 0..4),
            any::<bool>(),
        )
            .prop_map(|(receiver, method, args, kwargs, trailing_comma)| {
                let mut parts: Vec<String> = args.iter().map(render).collect();
                parts.extend(kwargs.iter().map(|(k, v)| format!("{k}={}", render(v))));
                let comma = if trailing_comma && !parts.is_empty() {
                    ","
                } else {
                    ""
                };
                let src = format!("{receiver}{method}({}{comma})", parts.join(", "));
                let call = Call {
                    method,
                    args,
                    kwargs: kwargs.into_iter().collect(),
                };
                (src, call)
            })
    }

    const GRAMMAR_CHARS: &str = "[()\\[\\],=.'\"0123456789eE+\\-*/%_ abcxyzjo\\\\]{0,60}";

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn never_panics_on_arbitrary_input(s in ".*") {
            let _ = parse_call(&s);
            let _ = parse_expr(&s);
        }

        #[test]
        fn never_panics_on_grammar_soup(s in GRAMMAR_CHARS) {
            let _ = parse_call(&s);
            let _ = parse_expr(&s);
            let _ = parse_call(&format!("f({s})"));
        }

        #[test]
        fn never_panics_on_deep_soup(s in "[-+(\\[]{0,400}[0-9]{1,3}[*)\\]]{0,400}") {
            let _ = parse_call(&format!("f({s})"));
            let _ = parse_expr(&s);
        }

        #[test]
        fn errors_point_into_the_input(s in GRAMMAR_CHARS) {
            if let Err(e) = parse_call(&s) {
                prop_assert!(e.offset <= s.chars().count());
                prop_assert!(!e.message.is_empty());
            }
        }

        #[test]
        fn expressions_round_trip(e in expr()) {
            let src = render(&e);
            let parsed = parse_expr(&src);
            prop_assert_eq!(parsed.as_ref().ok(), Some(&e), "source: {} -> {:?}", src, parsed);
        }

        #[test]
        fn calls_round_trip((src, c) in call_strategy()) {
            let parsed = parse_call(&src);
            prop_assert_eq!(parsed.as_ref().ok(), Some(&c), "source: {} -> {:?}", src, parsed);
        }

        #[test]
        fn int_floor_division_and_modulo(a in any::<i64>(), b in any::<i64>().prop_filter("zero", |b| *b != 0)) {
            let (a, b) = (i128::from(a), i128::from(b));
            let q = ex_int(&format!("{a} // {b}"));
            let r = ex_int(&format!("{a} % {b}"));
            prop_assert_eq!(q * b + r, a);
            prop_assert!(r == 0 || (r < 0) == (b < 0));
            prop_assert!(r.abs() < b.abs());
        }

        #[test]
        fn small_int_true_division_is_float_division(a in -(1i64 << 53)..(1i64 << 53), b in -(1i64 << 53)..(1i64 << 53)) {
            prop_assume!(b != 0);
            let got = parse_expr(&format!("{a} / {b}")).unwrap();
            prop_assert_eq!(got, Expr::Float(a as f64 / b as f64));
        }

        #[test]
        fn float_literals_match_str_parse(f in any::<f64>().prop_filter("finite", |f| f.is_finite() && *f >= 0.0)) {
            for src in [format!("{f:?}"), format!("{f:e}")] {
                let got = parse_expr(&src).unwrap();
                let want: f64 = src.parse().unwrap();
                match got {
                    Expr::Float(g) => prop_assert_eq!(g.to_bits(), want.to_bits()),
                    Expr::Int(i) => prop_assert_eq!(i as f64, want),
                    other => prop_assert!(false, "{:?}", other),
                }
            }
        }
    }

    fn ex_int(src: &str) -> i128 {
        match parse_expr(src) {
            Ok(Expr::Int(i)) => i,
            other => panic!("{src}: {other:?}"),
        }
    }
}
