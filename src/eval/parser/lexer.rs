//! The lexer: source text to tokens (Python's literal syntax for ints, floats and
//! strings, names, operators), each with its character offset for messages.

use super::fold::MAX_INT_BITS;
use super::*;
use crate::eval::py_value::INT_MAX_STR_DIGITS;
use num_bigint::BigUint;

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tok {
    /// An integer literal that fits `u128`.
    Int(u128),
    /// A larger integer literal (Python's ints have no bound; the fold caps them at
    /// [`MAX_INT_BITS`](super::fold::MAX_INT_BITS)).
    BigInt(BigUint),
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
pub(super) struct Token {
    pub(super) tok: Tok,
    /// Character offset of the first character.
    pub(super) offset: usize,
    /// Character offset one past the last character.
    pub(super) end: usize,
}

pub(super) struct Lexer {
    pub(super) chars: Vec<char>,
    pub(super) pos: usize,
}

pub(super) const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

pub(super) fn is_keyword(name: &str) -> bool {
    KEYWORDS.contains(&name)
}

impl Lexer {
    pub(super) fn new(src: &str) -> Self {
        Lexer {
            chars: src.chars().collect(),
            pos: 0,
        }
    }

    pub(super) fn at(&self, k: usize) -> Option<char> {
        self.chars.get(self.pos + k).copied()
    }

    pub(super) fn at_is(&self, k: usize, pred: impl Fn(char) -> bool) -> bool {
        self.at(k).is_some_and(pred)
    }

    pub(super) fn text(&self, start: usize, end: usize) -> String {
        self.chars[start.min(self.chars.len())..end.min(self.chars.len())]
            .iter()
            .collect()
    }

    pub(super) fn skip_trivia(&mut self) {
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

    pub(super) fn next_token(&mut self) -> Result<Token, ParseError> {
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

    pub(super) fn literal_text(&self, start: usize) -> String {
        abbreviate(&self.text(start, self.pos))
    }

    /// Lexes a number starting at `start` (a digit, or `.` followed by a digit).
    pub(super) fn number(&mut self, start: usize) -> Result<Tok, ParseError> {
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
        // CPython 3.11 refuses decimal literals of more than 4300 digits (its
        // int_max_str_digits limit) at compile time.
        let digits = text.len();
        if digits > INT_MAX_STR_DIGITS as usize {
            return Err(ParseError::new(
                start,
                format!(
                    "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion: \
                     value has {digits} digits; use sys.set_int_max_str_digits() to increase the \
                     limit - Consider hexadecimal for huge integer literals to avoid decimal \
                     conversion limits."
                ),
            ));
        }
        self.int_token(start, &text, 10)
    }

    /// The token of an integer literal's digits (underscores removed) in `radix`.
    pub(super) fn int_token(
        &self,
        start: usize,
        digits: &str,
        radix: u32,
    ) -> Result<Tok, ParseError> {
        if let Ok(v) = u128::from_str_radix(digits, radix) {
            return Ok(Tok::Int(v));
        }
        match BigUint::parse_bytes(digits.as_bytes(), radix) {
            Some(v) if v.bits() <= MAX_INT_BITS => Ok(Tok::BigInt(v)),
            _ => Err(self.too_large(start)),
        }
    }

    pub(super) fn too_large(&self, start: usize) -> ParseError {
        ParseError::new(
            start,
            format!("integer literal too large: {}", self.literal_text(start)),
        )
    }

    /// Reads `digit (['_'] digit)*`; the current character must be a digit.
    /// Fails on a trailing or doubled underscore.
    pub(super) fn digit_part(&mut self, out: &mut String) -> Result<(), ()> {
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

    pub(super) fn radix_int(
        &mut self,
        start: usize,
        radix: u32,
        kind: &str,
    ) -> Result<Tok, ParseError> {
        self.pos += 2; // `0x`, `0o` or `0b`
        let mut text = String::new();
        let mut digits = 0usize;
        loop {
            match self.at(0) {
                Some('_') if self.at_is(1, |c| c.is_digit(radix)) => self.pos += 1,
                Some(c) if c.is_digit(radix) => {
                    text.push(c);
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
        self.int_token(start, &text, radix)
    }

    pub(super) fn ident_or_prefixed_string(&mut self, start: usize) -> Result<Tok, ParseError> {
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
    pub(super) fn string(&mut self, start: usize, raw: bool) -> Result<Tok, ParseError> {
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
    pub(super) fn escape(&mut self, start: usize, out: &mut String) -> Result<(), ParseError> {
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
pub(super) fn abbreviate(s: &str) -> String {
    pub(super) const MAX: usize = 40;
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
