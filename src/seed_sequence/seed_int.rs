//! [`SeedInt`]: a Python `int` of any size, as NumPy's seeding code receives it.

use crate::error::{Error, Result};
use crate::prelude::*;
use core::fmt;

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
    #[must_use]
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
    #[must_use]
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
    #[must_use]
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
    #[must_use]
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
    #[must_use]
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
    #[must_use]
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

    /// Parse with Python's `int(text, base)` rules for a base from 2 to 36: surrounding
    /// whitespace, an optional sign, an optional `0b`/`0o`/`0x` prefix in base 2/8/16,
    /// single underscores between digits. Another base (Python's auto-detecting 0
    /// included) is `ValueError: int() base must be >= 2 and <= 36, or 0`.
    ///
    /// ```
    /// use nprand::seed_sequence::SeedInt;
    /// assert_eq!(SeedInt::parse_radix(" 1_000 ", 10).unwrap(), SeedInt::from(1000u32));
    /// assert_eq!(SeedInt::parse_radix("0xff", 16).unwrap(), SeedInt::from(255u32));
    /// let e = SeedInt::parse_radix("12a", 10).unwrap_err();
    /// assert_eq!(e.message(), "invalid literal for int() with base 10: '12a'");
    /// // int("0b101", 2) == 5; int("7", 40) -> ValueError
    /// assert_eq!(SeedInt::parse_radix("0b101", 2).unwrap(), SeedInt::from(5u32));
    /// assert!(SeedInt::parse_radix("7", 40).is_err());
    /// ```
    pub fn parse_radix(text: &str, radix: u32) -> Result<Self> {
        if !(2..=36).contains(&radix) {
            return Err(Error::value("int() base must be >= 2 and <= 36, or 0"));
        }
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
        let prefix = match radix {
            2 => Some(('b', 'B')),
            8 => Some(('o', 'O')),
            16 => Some(('x', 'X')),
            _ => None,
        };
        if let Some((lower, upper)) = prefix {
            let rest = s
                .strip_prefix('0')
                .and_then(|r| r.strip_prefix([lower, upper]));
            if let Some(rest) = rest {
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
    pub(super) fn coerce(&self, out: &mut Vec<u32>) -> Result<()> {
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

pub(super) use crate::fmt::py_str_repr;

impl core::str::FromStr for SeedInt {
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

/// A Python `int` of any size (feature `python`).
#[cfg(feature = "python")]
impl From<num_bigint::BigUint> for SeedInt {
    fn from(v: num_bigint::BigUint) -> Self {
        SeedInt::from_words(&v.to_u32_digits())
    }
}

/// A Python `int` of any size and sign (feature `python`).
#[cfg(feature = "python")]
impl From<num_bigint::BigInt> for SeedInt {
    fn from(v: num_bigint::BigInt) -> Self {
        let (sign, mag) = v.into_parts();
        let mut s = SeedInt::from(mag);
        s.negative = sign == num_bigint::Sign::Minus;
        s
    }
}

impl From<bool> for SeedInt {
    /// Python's `True == 1`, `False == 0`.
    fn from(b: bool) -> Self {
        SeedInt::from(b as u8)
    }
}

// ---------------------------------------------------------------------------------------
// Entropy: what SeedSequence(entropy) may be given
// ---------------------------------------------------------------------------------------
