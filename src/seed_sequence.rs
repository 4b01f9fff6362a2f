//! NumPy's `SeedSequence`: entropy of any size mixed into a pool, from which the
//! modern bit generators draw their initial state.
//!
//! # Quick start
//! ```
//! use nprand::SeedSequence;
//! // ss = np.random.SeedSequence(12345); ss.generate_state(4)
//! let ss = SeedSequence::new(12345);
//! let words: Vec<u32> = ss.generate_state(4);
//! assert_eq!(words.len(), 4);
//! // ss.generate_state(2, np.uint64): two words paired little-endian
//! let w64 = ss.generate_state_u64(2);
//! assert_eq!(w64[0], words[0] as u64 | (words[1] as u64) << 32);
//! ```
//!
//! The algorithm is Melissa O'Neill's seed_seq hash as NumPy 2.4.6 implements it in
//! `bit_generator.pyx` (BSD-3-Clause): the entropy becomes little-endian 32-bit words,
//! is hashed into a pool of `pool_size` words, and `generate_state` hashes the pool
//! again, cycling through it.

use crate::error::{Error, Result};
use std::fmt;

const DEFAULT_POOL_SIZE: usize = 4;
const INIT_A: u32 = 0x43b0_d7e5;
const MULT_A: u32 = 0x931e_8875;
const INIT_B: u32 = 0x8b51_f9dd;
const MULT_B: u32 = 0x58f3_8ded;
const MIX_MULT_L: u32 = 0xca01_f9dd;
const MIX_MULT_R: u32 = 0x4973_f715;
const XSHIFT: u32 = 16;

// ---------------------------------------------------------------------------------------
// SeedInt: a Python int of any size
// ---------------------------------------------------------------------------------------

/// An integer of any size and sign, as NumPy's seeding code receives a Python `int`.
///
/// Held as a sign and little-endian 32-bit words, the form `SeedSequence` hashes.
/// Negative values exist so that NumPy's `ValueError` for them can be reproduced.
///
/// ```
/// use nprand::seed_sequence::SeedInt;
/// // _coerce_to_uint32_array(2**64 + 5) == [5, 0, 1]
/// let x: SeedInt = "18446744073709551621".parse().unwrap();
/// assert_eq!(x.words(), &[5, 0, 1]);
/// assert_eq!(x.to_string(), "18446744073709551621");
/// assert_eq!(SeedInt::from(-3i32).to_string(), "-3");
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct SeedInt {
    negative: bool,
    /// Magnitude, little-endian, without high zero words (zero is empty).
    words: Vec<u32>,
}

impl SeedInt {
    /// The non-negative integer `sum(words[i] << 32*i)`.
    ///
    /// ```
    /// use nprand::seed_sequence::SeedInt;
    /// assert_eq!(SeedInt::from_words(&[5, 0, 1]).to_string(), "18446744073709551621");
    /// assert_eq!(SeedInt::from_words(&[7, 0, 0]), SeedInt::from(7u32));
    /// ```
    pub fn from_words(words: &[u32]) -> Self {
        let mut w = words.to_vec();
        trim(&mut w);
        SeedInt {
            negative: false,
            words: w,
        }
    }

    /// The magnitude's little-endian 32-bit words (empty for zero).
    ///
    /// ```
    /// use nprand::seed_sequence::SeedInt;
    /// assert_eq!(SeedInt::from(1u64 << 32).words(), &[0, 1]);
    /// assert!(SeedInt::from(0u8).words().is_empty());
    /// ```
    pub fn words(&self) -> &[u32] {
        &self.words
    }

    /// Whether the value is below zero.
    ///
    /// ```
    /// use nprand::seed_sequence::SeedInt;
    /// assert!(SeedInt::from(-1i64).is_negative());
    /// assert!(!SeedInt::from(0i64).is_negative());
    /// ```
    pub fn is_negative(&self) -> bool {
        self.negative
    }

    /// The value as a `u128`, if it is non-negative and fits.
    ///
    /// ```
    /// use nprand::seed_sequence::SeedInt;
    /// assert_eq!(SeedInt::from(u128::MAX).to_u128(), Some(u128::MAX));
    /// assert_eq!(SeedInt::from_words(&[0, 0, 0, 0, 1]).to_u128(), None);
    /// ```
    pub fn to_u128(&self) -> Option<u128> {
        if self.negative || self.words.len() > 4 {
            return None;
        }
        Some(
            self.words
                .iter()
                .rev()
                .fold(0u128, |acc, &w| (acc << 32) | w as u128),
        )
    }

    /// The value modulo `2^128` (two's complement for negatives), as NumPy's
    /// `wrap_int(value, 128)` computes it.
    ///
    /// ```
    /// use nprand::seed_sequence::SeedInt;
    /// assert_eq!(SeedInt::from(-1i8).wrapping_u128(), u128::MAX);
    /// assert_eq!(SeedInt::from_words(&[3, 0, 0, 0, 9]).wrapping_u128(), 3);
    /// ```
    pub fn wrapping_u128(&self) -> u128 {
        let low = self
            .words
            .iter()
            .take(4)
            .rev()
            .fold(0u128, |acc, &w| (acc << 32) | w as u128);
        if self.negative {
            low.wrapping_neg()
        } else {
            low
        }
    }

    /// The value modulo `2^256` as four little-endian 64-bit words (two's complement for
    /// negatives), as NumPy's `wrap_int(value, 256)` computes it.
    ///
    /// ```
    /// use nprand::seed_sequence::SeedInt;
    /// assert_eq!(SeedInt::from(-1i8).wrapping_u256(), [u64::MAX; 4]);
    /// assert_eq!(SeedInt::from(5u8).wrapping_u256(), [5, 0, 0, 0]);
    /// ```
    pub fn wrapping_u256(&self) -> [u64; 4] {
        let mut out = [0u64; 4];
        for (i, &w) in self.words.iter().take(8).enumerate() {
            out[i / 2] |= (w as u64) << (32 * (i % 2));
        }
        if self.negative {
            // Two's complement: invert and add one.
            let mut carry = true;
            for o in out.iter_mut() {
                let (v, c) = (!*o).overflowing_add(carry as u64);
                *o = v;
                carry = c;
            }
        }
        out
    }

    /// Parse with Python's `int(text, base)` rules for base 10 or 16: surrounding
    /// whitespace, an optional sign, an optional `0x` prefix in base 16, single
    /// underscores between digits.
    ///
    /// ```
    /// use nprand::seed_sequence::SeedInt;
    /// assert_eq!(SeedInt::parse_radix(" 1_000 ", 10).unwrap(), SeedInt::from(1000u32));
    /// assert_eq!(SeedInt::parse_radix("0xff", 16).unwrap(), SeedInt::from(255u32));
    /// let e = SeedInt::parse_radix("12a", 10).unwrap_err();
    /// assert_eq!(e.message(), "invalid literal for int() with base 10: '12a'");
    /// ```
    pub fn parse_radix(text: &str, radix: u32) -> Result<Self> {
        assert!(radix == 10 || radix == 16, "radix must be 10 or 16");
        let bad = || {
            Error::value(format!(
                "invalid literal for int() with base {radix}: {}",
                py_str_repr(text)
            ))
        };
        let mut s = text.trim_matches(|c: char| c.is_whitespace());
        let mut negative = false;
        if let Some(rest) = s.strip_prefix('-') {
            negative = true;
            s = rest;
        } else if let Some(rest) = s.strip_prefix('+') {
            s = rest;
        }
        let mut allow_leading_underscore = false;
        if radix == 16 {
            if let Some(rest) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
                s = rest;
                allow_leading_underscore = true;
            }
        }
        let mut words: Vec<u32> = Vec::new();
        let mut prev_underscore = !allow_leading_underscore;
        let mut ndigits = 0usize;
        for c in s.chars() {
            if c == '_' {
                if prev_underscore {
                    return Err(bad());
                }
                prev_underscore = true;
                continue;
            }
            let d = c.to_digit(radix).ok_or_else(bad)?;
            prev_underscore = false;
            ndigits += 1;
            mul_add(&mut words, radix, d);
        }
        if ndigits == 0 || (prev_underscore && !s.is_empty()) {
            return Err(bad());
        }
        trim(&mut words);
        Ok(SeedInt {
            negative: negative && !words.is_empty(),
            words,
        })
    }

    /// NumPy's `_int_to_uint32_array`: the words of a non-negative integer, `[0]` for
    /// zero, `ValueError: expected non-negative integer` for a negative one.
    fn coerce(&self, out: &mut Vec<u32>) -> Result<()> {
        if self.negative {
            return Err(Error::value("expected non-negative integer"));
        }
        if self.words.is_empty() {
            out.push(0);
        } else {
            out.extend_from_slice(&self.words);
        }
        Ok(())
    }
}

/// `words = words * radix + digit`, little-endian.
fn mul_add(words: &mut Vec<u32>, radix: u32, digit: u32) {
    let mut carry = digit as u64;
    for w in words.iter_mut() {
        let v = *w as u64 * radix as u64 + carry;
        *w = v as u32;
        carry = v >> 32;
    }
    if carry != 0 {
        words.push(carry as u32);
    }
}

fn trim(words: &mut Vec<u32>) {
    while words.last() == Some(&0) {
        words.pop();
    }
}

/// Python's `repr(str)` for the messages that quote a string.
fn py_str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

impl std::str::FromStr for SeedInt {
    type Err = Error;

    /// Decimal digits with Python's `int(text)` rules (see [`SeedInt::parse_radix`]).
    fn from_str(s: &str) -> Result<Self> {
        SeedInt::parse_radix(s, 10)
    }
}

impl fmt::Display for SeedInt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.words.is_empty() {
            return f.write_str("0");
        }
        // Repeated division by 10^9.
        let mut w = self.words.clone();
        let mut chunks: Vec<u32> = Vec::new();
        while !w.is_empty() {
            let mut rem = 0u64;
            for x in w.iter_mut().rev() {
                let cur = (rem << 32) | *x as u64;
                *x = (cur / 1_000_000_000) as u32;
                rem = cur % 1_000_000_000;
            }
            chunks.push(rem as u32);
            trim(&mut w);
        }
        let mut s = String::new();
        if self.negative {
            s.push('-');
        }
        s.push_str(&chunks.last().expect("non-zero").to_string());
        for c in chunks.iter().rev().skip(1) {
            s.push_str(&format!("{c:09}"));
        }
        f.write_str(&s)
    }
}

impl fmt::Debug for SeedInt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

macro_rules! seedint_from_unsigned {
    ($($t:ty),*) => {$(
        impl From<$t> for SeedInt {
            fn from(v: $t) -> Self {
                let mut v = v as u128;
                let mut words = Vec::new();
                while v != 0 {
                    words.push(v as u32);
                    v >>= 32;
                }
                SeedInt { negative: false, words }
            }
        }
    )*};
}
seedint_from_unsigned!(u8, u16, u32, u64, u128, usize);

macro_rules! seedint_from_signed {
    ($($t:ty),*) => {$(
        impl From<$t> for SeedInt {
            fn from(v: $t) -> Self {
                let mut s = SeedInt::from((v as i128).unsigned_abs());
                s.negative = v < 0;
                s
            }
        }
    )*};
}
seedint_from_signed!(i8, i16, i32, i64, i128, isize);

impl From<bool> for SeedInt {
    /// Python's `True == 1`, `False == 0`.
    fn from(b: bool) -> Self {
        SeedInt::from(b as u8)
    }
}

// ---------------------------------------------------------------------------------------
// Entropy: what SeedSequence(entropy) may be given
// ---------------------------------------------------------------------------------------

/// The `entropy` argument of `SeedSequence`: an integer of any size, or a (possibly
/// nested) sequence, kept as given (NumPy's `ss.entropy` shows it unchanged).
///
/// `Str` and `Float` exist so that inputs arriving from Python or JSON get NumPy's
/// exact errors: a string inside a sequence is parsed (`"0x…"` as hex, else decimal),
/// a float is always a `TypeError`.
///
/// ```
/// use nprand::seed_sequence::Entropy;
/// // SeedSequence([1, [2, 3]]) hashes the words [1, 2, 3]
/// let e = Entropy::from(vec![Entropy::from(1u32), Entropy::from(vec![2u32, 3])]);
/// assert_eq!(e.to_words().unwrap(), vec![1, 2, 3]);
/// assert_eq!(Entropy::from(-1i32).to_words().unwrap_err().message(),
///            "expected non-negative integer");
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum Entropy {
    /// A Python `int` (or NumPy integer scalar).
    Int(SeedInt),
    /// A Python `str`; accepted only inside a sequence.
    Str(String),
    /// A Python `float`; always rejected.
    Float(f64),
    /// A list, tuple, range or array; nested sequences are flattened (NumPy 2.4.6).
    Seq(Vec<Entropy>),
}

impl Entropy {
    /// NumPy's `_coerce_to_uint32_array`: the little-endian 32-bit words that
    /// `SeedSequence` hashes, with NumPy's errors.
    ///
    /// ```
    /// use nprand::seed_sequence::Entropy;
    /// // _coerce_to_uint32_array([12345, '67890', '0x10']) == [12345, 67890, 16]
    /// let e = Entropy::Seq(vec![12345u32.into(), "67890".into(), "0x10".into()]);
    /// assert_eq!(e.to_words().unwrap(), vec![12345, 67890, 16]);
    /// assert_eq!(Entropy::from(0u8).to_words().unwrap(), vec![0]);
    /// assert!(Entropy::Seq(vec![]).to_words().unwrap().is_empty());
    /// ```
    pub fn to_words(&self) -> Result<Vec<u32>> {
        let mut out = Vec::new();
        self.coerce(&mut out)?;
        Ok(out)
    }

    fn coerce(&self, out: &mut Vec<u32>) -> Result<()> {
        match self {
            Entropy::Int(i) => i.coerce(out),
            Entropy::Str(s) => {
                let v = if s.starts_with("0x") {
                    SeedInt::parse_radix(s, 16)?
                } else if s.as_bytes().first().is_some_and(u8::is_ascii_digit) {
                    SeedInt::parse_radix(s, 10)?
                } else {
                    return Err(Error::value("unrecognized seed string"));
                };
                v.coerce(out)
            }
            Entropy::Float(_) => Err(Error::type_error("seed must be integer")),
            Entropy::Seq(items) => items.iter().try_for_each(|e| e.coerce(out)),
        }
    }

    /// Python's `str()` of the value, as NumPy's messages show it.
    fn py_str(&self) -> String {
        match self {
            Entropy::Int(i) => i.to_string(),
            Entropy::Str(s) => s.clone(),
            Entropy::Float(x) => crate::fmt::py_float_repr(*x),
            Entropy::Seq(items) => {
                let parts: Vec<String> = items
                    .iter()
                    .map(|e| match e {
                        Entropy::Str(s) => py_str_repr(s),
                        other => other.py_str(),
                    })
                    .collect();
                format!("[{}]", parts.join(", "))
            }
        }
    }
}

impl fmt::Display for Entropy {
    /// Python's `str()` of the entropy (`[1, [2, 3]]`, `12345`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.py_str())
    }
}

macro_rules! entropy_from_int {
    ($($t:ty),*) => {$(
        impl From<$t> for Entropy {
            fn from(v: $t) -> Self {
                Entropy::Int(SeedInt::from(v))
            }
        }
    )*};
}
entropy_from_int!(u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize, bool);

impl From<SeedInt> for Entropy {
    fn from(v: SeedInt) -> Self {
        Entropy::Int(v)
    }
}

impl From<&str> for Entropy {
    fn from(s: &str) -> Self {
        Entropy::Str(s.to_string())
    }
}

impl From<String> for Entropy {
    fn from(s: String) -> Self {
        Entropy::Str(s)
    }
}

impl From<f64> for Entropy {
    fn from(x: f64) -> Self {
        Entropy::Float(x)
    }
}

impl<T: Into<Entropy>> From<Vec<T>> for Entropy {
    fn from(v: Vec<T>) -> Self {
        Entropy::Seq(v.into_iter().map(Into::into).collect())
    }
}

impl<T: Into<Entropy> + Clone> From<&[T]> for Entropy {
    fn from(v: &[T]) -> Self {
        Entropy::Seq(v.iter().cloned().map(Into::into).collect())
    }
}

impl<T: Into<Entropy>, const N: usize> From<[T; N]> for Entropy {
    fn from(v: [T; N]) -> Self {
        Entropy::Seq(v.into_iter().map(Into::into).collect())
    }
}

// ---------------------------------------------------------------------------------------
// SeedSequence
// ---------------------------------------------------------------------------------------

/// NumPy's `SeedSequence(entropy, spawn_key=(), pool_size=4, n_children_spawned=0)`.
///
/// ```
/// use nprand::SeedSequence;
/// // ss = np.random.SeedSequence(42); kids = ss.spawn(2)
/// let mut ss = SeedSequence::new(42);
/// let kids = ss.spawn(2);
/// assert_eq!(kids[1].spawn_key_u64(), vec![1]);
/// assert_eq!(ss.n_children_spawned(), 2);
/// assert_ne!(kids[0].generate_state(4), ss.generate_state(4));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct SeedSequence {
    entropy: Entropy,
    spawn_key: Vec<SeedInt>,
    pool_size: usize,
    n_children_spawned: u64,
    pool: Vec<u32>,
}

impl SeedSequence {
    /// `SeedSequence(entropy)` for an integer up to 128 bits (never fails).
    ///
    /// ```
    /// // np.random.SeedSequence(2**128 - 1).generate_state(1)
    /// let ss = nprand::SeedSequence::new(u128::MAX);
    /// assert_eq!(ss.generate_state(1).len(), 1);
    /// assert_eq!(ss.entropy().to_string(), u128::MAX.to_string());
    /// ```
    pub fn new(entropy: u128) -> Self {
        SeedSequence::from_entropy(entropy).expect("a non-negative integer is valid entropy")
    }

    /// `SeedSequence(list(words))`: the words are hashed as given.
    ///
    /// This is also `SeedSequence(n)` for `n = sum(words[i] << 32*i)` whenever the last
    /// word is non-zero (or `words == [0]`), since an integer is hashed as its
    /// little-endian words: this is the constructor for integers wider than 128 bits.
    ///
    /// ```
    /// use nprand::SeedSequence;
    /// // SeedSequence(2**64 + 5) and SeedSequence([5, 0, 1]) hash the same words
    /// let a = SeedSequence::from_words(&[5, 0, 1]);
    /// let b = SeedSequence::from_decimal("18446744073709551621").unwrap();
    /// assert_eq!(a.generate_state(8), b.generate_state(8));
    /// ```
    pub fn from_words(words: &[u32]) -> Self {
        SeedSequence::from_entropy(words.to_vec()).expect("u32 words are valid entropy")
    }

    /// `SeedSequence(int(text))`: a non-negative decimal integer of any size.
    ///
    /// ```
    /// use nprand::SeedSequence;
    /// // SeedSequence(2**128 + 7)
    /// let ss = SeedSequence::from_decimal("340282366920938463463374607431768211463").unwrap();
    /// assert_eq!(ss.entropy().to_string(), "340282366920938463463374607431768211463");
    /// assert_eq!(SeedSequence::from_decimal("-1").unwrap_err().message(),
    ///            "expected non-negative integer");
    /// ```
    pub fn from_decimal(text: &str) -> Result<Self> {
        SeedSequence::from_entropy(text.parse::<SeedInt>()?)
    }

    /// `SeedSequence(entropy)` for any entropy: an integer of any size and sign, or a
    /// (nested) sequence. Errors are NumPy's.
    ///
    /// ```
    /// use nprand::SeedSequence;
    /// // SeedSequence([1, 2, 3])
    /// let ss = SeedSequence::from_entropy(vec![1u32, 2, 3]).unwrap();
    /// assert_eq!(ss.entropy().to_string(), "[1, 2, 3]");
    /// // SeedSequence(-5) -> ValueError: expected non-negative integer
    /// assert!(SeedSequence::from_entropy(-5i64).is_err());
    /// // SeedSequence(1.5) -> TypeError
    /// let e = SeedSequence::from_entropy(1.5f64).unwrap_err();
    /// assert_eq!(e.message(), "SeedSequence expects int or sequence of ints for entropy not 1.5");
    /// ```
    pub fn from_entropy(entropy: impl Into<Entropy>) -> Result<Self> {
        SeedSequence::with_options(entropy, Vec::<SeedInt>::new(), DEFAULT_POOL_SIZE, 0)
    }

    /// The full constructor: `SeedSequence(entropy, spawn_key=..., pool_size=...,
    /// n_children_spawned=...)`, with NumPy's checks in NumPy's order (pool size, the
    /// entropy's type, the entropy's words, the spawn key's words).
    ///
    /// ```
    /// use nprand::SeedSequence;
    /// // SeedSequence(0, spawn_key=(1, 2), pool_size=8)
    /// let ss = SeedSequence::with_options(0u32, vec![1u32, 2], 8, 0).unwrap();
    /// assert_eq!(ss.pool().len(), 8);
    /// let e = SeedSequence::with_options(0u32, Vec::<u32>::new(), 3, 0).unwrap_err();
    /// assert_eq!(e.message(), "The size of the entropy pool should be at least 4");
    /// ```
    pub fn with_options<K: Into<SeedInt>>(
        entropy: impl Into<Entropy>,
        spawn_key: Vec<K>,
        pool_size: usize,
        n_children_spawned: u64,
    ) -> Result<Self> {
        if pool_size < DEFAULT_POOL_SIZE {
            return Err(Error::value(format!(
                "The size of the entropy pool should be at least {DEFAULT_POOL_SIZE}"
            )));
        }
        let entropy = entropy.into();
        if matches!(entropy, Entropy::Str(_) | Entropy::Float(_)) {
            return Err(Error::type_error(format!(
                "SeedSequence expects int or sequence of ints for entropy not {entropy}"
            )));
        }
        let spawn_key: Vec<SeedInt> = spawn_key.into_iter().map(Into::into).collect();
        let mut run = entropy.to_words()?;
        let mut spawn = Vec::new();
        for k in &spawn_key {
            k.coerce(&mut spawn)?;
        }
        if !spawn.is_empty() && run.len() < pool_size {
            // NumPy pads small run entropy with zeros when there is a spawn key
            // (gh-16539), keeping unspawned streams unchanged.
            run.resize(pool_size, 0);
        }
        run.extend_from_slice(&spawn);
        let pool = mix_entropy(pool_size, &run);
        Ok(SeedSequence {
            entropy,
            spawn_key,
            pool_size,
            n_children_spawned,
            pool,
        })
    }

    /// The entropy as given (`ss.entropy`).
    ///
    /// ```
    /// assert_eq!(nprand::SeedSequence::new(7).entropy().to_string(), "7");
    /// ```
    pub fn entropy(&self) -> &Entropy {
        &self.entropy
    }

    /// The spawn key (`ss.spawn_key`).
    ///
    /// ```
    /// let kids = nprand::SeedSequence::new(7).spawn(3);
    /// assert_eq!(kids[2].spawn_key()[0].to_u128(), Some(2));
    /// ```
    pub fn spawn_key(&self) -> &[SeedInt] {
        &self.spawn_key
    }

    /// The spawn key as `u64`s (elements that do not fit are truncated to their low
    /// 64 bits; spawn keys made by [`spawn`](Self::spawn) always fit).
    ///
    /// ```
    /// let kids = nprand::SeedSequence::new(7).spawn(2)[1].spawn(4);
    /// assert_eq!(kids[3].spawn_key_u64(), vec![1, 3]);
    /// ```
    pub fn spawn_key_u64(&self) -> Vec<u64> {
        self.spawn_key
            .iter()
            .map(|k| k.wrapping_u128() as u64)
            .collect()
    }

    /// The pool size in 32-bit words (`ss.pool_size`, default 4).
    ///
    /// ```
    /// assert_eq!(nprand::SeedSequence::new(7).pool_size(), 4);
    /// ```
    pub fn pool_size(&self) -> usize {
        self.pool_size
    }

    /// How many children [`spawn`](Self::spawn) has made (`ss.n_children_spawned`).
    ///
    /// ```
    /// let mut ss = nprand::SeedSequence::new(7);
    /// ss.spawn(5);
    /// assert_eq!(ss.n_children_spawned(), 5);
    /// ```
    pub fn n_children_spawned(&self) -> u64 {
        self.n_children_spawned
    }

    /// The mixed entropy pool (`ss.pool`).
    ///
    /// ```
    /// assert_eq!(nprand::SeedSequence::new(7).pool().len(), 4);
    /// ```
    pub fn pool(&self) -> &[u32] {
        &self.pool
    }

    /// `ss.generate_state(n_words)`: `n_words` 32-bit words.
    ///
    /// ```
    /// let ss = nprand::SeedSequence::new(0);
    /// let a = ss.generate_state(8);
    /// assert_eq!(&ss.generate_state(3)[..], &a[..3]); // a prefix, and no state changes
    /// ```
    pub fn generate_state(&self, n_words: usize) -> Vec<u32> {
        let mut hash_const = INIT_B;
        self.pool
            .iter()
            .cycle()
            .take(n_words)
            .map(|&p| {
                let mut v = p ^ hash_const;
                hash_const = hash_const.wrapping_mul(MULT_B);
                v = v.wrapping_mul(hash_const);
                v ^ (v >> XSHIFT)
            })
            .collect()
    }

    /// `ss.generate_state(n_words, np.uint64)`: `2 * n_words` 32-bit words paired
    /// little-endian.
    ///
    /// ```
    /// let ss = nprand::SeedSequence::new(0);
    /// let w = ss.generate_state(4);
    /// let d = ss.generate_state_u64(2);
    /// assert_eq!(d[1], w[2] as u64 | (w[3] as u64) << 32);
    /// ```
    pub fn generate_state_u64(&self, n_words: usize) -> Vec<u64> {
        self.generate_state(2 * n_words)
            .chunks_exact(2)
            .map(|c| c[0] as u64 | (c[1] as u64) << 32)
            .collect()
    }

    /// `ss.spawn(n_children)`: children with this entropy and pool size and the spawn
    /// key extended by `n_children_spawned`, `n_children_spawned + 1`, ...
    ///
    /// ```
    /// use nprand::SeedSequence;
    /// let mut ss = SeedSequence::new(1);
    /// let a = ss.spawn(1);
    /// let b = ss.spawn(1); // continues the count
    /// assert_eq!(b[0].spawn_key_u64(), vec![1]);
    /// assert_eq!(a[0], SeedSequence::with_options(1u32, vec![0u32], 4, 0).unwrap());
    /// ```
    pub fn spawn(&mut self, n_children: usize) -> Vec<SeedSequence> {
        let start = self.n_children_spawned;
        let kids = (0..n_children as u64)
            .map(|i| {
                let mut key = self.spawn_key.clone();
                key.push(SeedInt::from(start + i));
                SeedSequence::with_options(self.entropy.clone(), key, self.pool_size, 0)
                    .expect("a parent's entropy is valid for its children")
            })
            .collect();
        self.n_children_spawned += n_children as u64;
        kids
    }
}

impl Default for SeedSequence {
    /// `SeedSequence(0)`. (NumPy's `SeedSequence()` draws OS entropy; nprand has no
    /// OS entropy source, so seed explicitly.)
    ///
    /// ```
    /// assert_eq!(nprand::SeedSequence::default(), nprand::SeedSequence::new(0));
    /// ```
    fn default() -> Self {
        SeedSequence::new(0)
    }
}

impl From<u128> for SeedSequence {
    fn from(v: u128) -> Self {
        SeedSequence::new(v)
    }
}

fn hashmix(value: u32, hash_const: &mut u32) -> u32 {
    let mut v = value ^ *hash_const;
    *hash_const = hash_const.wrapping_mul(MULT_A);
    v = v.wrapping_mul(*hash_const);
    v ^ (v >> XSHIFT)
}

fn mix(x: u32, y: u32) -> u32 {
    let r = MIX_MULT_L
        .wrapping_mul(x)
        .wrapping_sub(MIX_MULT_R.wrapping_mul(y));
    r ^ (r >> XSHIFT)
}

/// NumPy's `mix_entropy`: hash the entropy words into a pool of `pool_size` words.
fn mix_entropy(pool_size: usize, entropy: &[u32]) -> Vec<u32> {
    let mut hash_const = INIT_A;
    let mut pool: Vec<u32> = (0..pool_size)
        .map(|i| hashmix(entropy.get(i).copied().unwrap_or(0), &mut hash_const))
        .collect();
    for src in 0..pool_size {
        for dst in 0..pool_size {
            if src != dst {
                let h = hashmix(pool[src], &mut hash_const);
                pool[dst] = mix(pool[dst], h);
            }
        }
    }
    for &e in entropy.iter().skip(pool_size) {
        for p in pool.iter_mut() {
            let h = hashmix(e, &mut hash_const);
            *p = mix(*p, h);
        }
    }
    pool
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seedint_decimal_round_trip() {
        for s in [
            "0",
            "1",
            "4294967295",
            "4294967296",
            "1000000000",
            "999999999999999999999999999999",
            "340282366920938463463374607431768211463",
        ] {
            assert_eq!(s.parse::<SeedInt>().unwrap().to_string(), s);
        }
        assert_eq!("-0".parse::<SeedInt>().unwrap(), SeedInt::from(0u8));
        assert!("".parse::<SeedInt>().is_err());
        assert!("1__0".parse::<SeedInt>().is_err());
        assert!("_1".parse::<SeedInt>().is_err());
        assert!("1_".parse::<SeedInt>().is_err());
        assert_eq!(
            SeedInt::parse_radix("0x_f", 16).unwrap(),
            SeedInt::from(15u8)
        );
        assert!(SeedInt::parse_radix("0x", 16).is_err());
    }

    #[test]
    fn entropy_errors() {
        let e = Entropy::Seq(vec![Entropy::Float(1.0)])
            .to_words()
            .unwrap_err();
        assert_eq!(e.message(), "seed must be integer");
        let e = Entropy::Seq(vec!["abc".into()]).to_words().unwrap_err();
        assert_eq!(e.message(), "unrecognized seed string");
        let e = SeedSequence::from_entropy("5").unwrap_err();
        assert_eq!(
            e.message(),
            "SeedSequence expects int or sequence of ints for entropy not 5"
        );
    }
}
