//! [`Entropy`]: the `entropy` argument of `SeedSequence`, kept as given.

use super::seed_int::{py_str_repr, SeedInt};
use crate::error::{Error, Result};
use crate::prelude::*;
use core::fmt;

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

    pub(super) fn coerce(&self, out: &mut Vec<u32>) -> Result<()> {
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
    pub(super) fn py_str(&self) -> String {
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

#[cfg(feature = "python")]
impl From<num_bigint::BigUint> for Entropy {
    fn from(v: num_bigint::BigUint) -> Self {
        Entropy::Int(v.into())
    }
}

#[cfg(feature = "python")]
impl From<num_bigint::BigInt> for Entropy {
    fn from(v: num_bigint::BigInt) -> Self {
        Entropy::Int(v.into())
    }
}

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
