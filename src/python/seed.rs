//! How CPython's `random.seed(a)` turns `a` into an `init_by_array` key.

use num_bigint::{BigInt, BigUint};
use sha2::{Digest, Sha512};

/// A seed as `random.seed(a)` accepts it (version 2, the default).
///
/// Build it with `From`/`Into` from Rust integers of any width, [`BigInt`], `bool`,
/// `f64`, `&str`/`String` and `&[u8]`/`Vec<u8>` (Python `bytes` or `bytearray`).
///
/// ```
/// use nprand::python::{Random, Seed};
/// // random.seed(-5) seeds like random.seed(5) (CPython uses abs(a))
/// assert_eq!(Seed::from(-5).key(), Seed::from(5).key());
/// // random.seed(2**32): the 32-bit words of the int, least significant first
/// assert_eq!(Seed::from(1u64 << 32).key(), vec![0, 1]);
/// // random.seed(2.0) == random.seed(2): floats are seeded by their hash()
/// assert_eq!(Seed::from(2.0).key(), Seed::from(2).key());
/// // random.seed("hello") == random.seed(b"hello")
/// assert_eq!(Seed::from("hello").key(), Seed::from(&b"hello"[..]).key());
/// let _ = Random::new(Seed::from("hello"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Seed {
    /// A Python `int` (also `bool`) of any size and sign.
    Int(BigInt),
    /// A Python `str`: its UTF-8 bytes are hashed with SHA-512.
    Str(String),
    /// Python `bytes` or `bytearray`, hashed with SHA-512.
    Bytes(Vec<u8>),
    /// A Python `float`: CPython seeds with `hash(x)` taken as an unsigned 64-bit value.
    Float(f64),
}

impl Seed {
    /// The `init_by_array` key CPython's `random.seed` derives from this seed.
    ///
    /// ```
    /// use nprand::python::Seed;
    /// // random.seed(0) uses the key [0]
    /// assert_eq!(Seed::from(0).key(), vec![0]);
    /// // random.seed(2**64 + 1) uses [1, 0, 1]
    /// let big = num_bigint::BigInt::from(1u128 << 64) + 1;
    /// assert_eq!(Seed::from(big).key(), vec![1, 0, 1]);
    /// // random.seed('') hashes the empty string: 64 digest bytes = 16 words
    /// assert_eq!(Seed::from("").key().len(), 16);
    /// ```
    #[must_use]
    pub fn key(&self) -> Vec<u32> {
        match self {
            Seed::Int(n) => int_key(n.magnitude()),
            Seed::Str(s) => bytes_key(s.as_bytes()),
            Seed::Bytes(b) => bytes_key(b),
            Seed::Float(x) => {
                // (size_t)hash(x): a negative hash wraps to 2**64 + h.
                let h = py_hash_float(*x) as u64;
                int_key(&BigUint::from(h))
            }
        }
    }
}

/// 32-bit words of `n`, least significant first; 0 gives `[0]`.
fn int_key(n: &BigUint) -> Vec<u32> {
    let words = n.to_u32_digits();
    if words.is_empty() {
        vec![0]
    } else {
        words
    }
}

/// Version-2 seeding of str/bytes: `int.from_bytes(b + sha512(b).digest(), 'big')`.
fn bytes_key(b: &[u8]) -> Vec<u32> {
    let mut all = b.to_vec();
    all.extend_from_slice(&Sha512::digest(b));
    int_key(&BigUint::from_bytes_be(&all))
}

/// Python's `hash(float)` on a 64-bit build (`sys.hash_info`: modulus 2**61 - 1,
/// inf = 314159).
///
/// NaN hashes by object identity since Python 3.10, so `random.seed(float('nan'))` is
/// not reproducible in CPython; nprand uses 0 (`sys.hash_info.nan`, the pre-3.10 value).
///
/// ```
/// use nprand::python::py_hash_float;
/// // hash(1.5) == 2**60 + 1, hash(-2.0) == -2, hash(-1.0) == -2
/// assert_eq!(py_hash_float(1.5), (1 << 60) + 1);
/// assert_eq!(py_hash_float(-2.0), -2);
/// assert_eq!(py_hash_float(-1.0), -2);
/// assert_eq!(py_hash_float(f64::INFINITY), 314159);
/// ```
#[must_use]
pub fn py_hash_float(x: f64) -> i64 {
    const MODULUS: u128 = (1u128 << 61) - 1;
    if x.is_nan() {
        return 0;
    }
    if x.is_infinite() {
        return if x > 0.0 { 314_159 } else { -314_159 };
    }
    if x == 0.0 {
        return 0;
    }
    // |x| = mant * 2**exp exactly; 2**61 == 1 (mod 2**61 - 1).
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mant, exp) = if biased == 0 {
        (frac, -1074i64)
    } else {
        (frac | (1u64 << 52), biased - 1075)
    };
    let shift = exp.rem_euclid(61) as u32;
    let m = (mant as u128) % MODULUS;
    // m < 2**61 and shift < 61: do the rotation-by-multiplication in two steps.
    let mut h = m;
    for _ in 0..shift {
        h = (h << 1) % MODULUS;
    }
    let mut h = h as i64;
    if x < 0.0 {
        h = -h;
    }
    if h == -1 {
        h = -2;
    }
    h
}

macro_rules! seed_from_int {
    ($($t:ty),*) => {$(
        impl From<$t> for Seed {
            fn from(n: $t) -> Self {
                Seed::Int(BigInt::from(n))
            }
        }
    )*};
}
seed_from_int!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize);

impl From<bool> for Seed {
    fn from(b: bool) -> Self {
        Seed::Int(BigInt::from(b as u8))
    }
}

impl From<BigInt> for Seed {
    fn from(n: BigInt) -> Self {
        Seed::Int(n)
    }
}

impl From<&BigInt> for Seed {
    fn from(n: &BigInt) -> Self {
        Seed::Int(n.clone())
    }
}

impl From<BigUint> for Seed {
    fn from(n: BigUint) -> Self {
        Seed::Int(BigInt::from(n))
    }
}

impl From<f64> for Seed {
    fn from(x: f64) -> Self {
        Seed::Float(x)
    }
}

impl From<&str> for Seed {
    fn from(s: &str) -> Self {
        Seed::Str(s.to_string())
    }
}

impl From<String> for Seed {
    fn from(s: String) -> Self {
        Seed::Str(s)
    }
}

impl From<&[u8]> for Seed {
    fn from(b: &[u8]) -> Self {
        Seed::Bytes(b.to_vec())
    }
}

impl<const N: usize> From<&[u8; N]> for Seed {
    fn from(b: &[u8; N]) -> Self {
        Seed::Bytes(b.to_vec())
    }
}

impl From<Vec<u8>> for Seed {
    fn from(b: Vec<u8>) -> Self {
        Seed::Bytes(b)
    }
}
