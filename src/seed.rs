//! [`Seed`]: everything NumPy's `seed` argument accepts, for `default_rng(seed)`,
//! `PCG64(seed)` (and the other bit generators) and `RandomState(seed)`.
//!
//! NumPy takes one untyped `seed` argument: `None` (OS entropy), an `int` of any size, a
//! sequence of ints, or a `SeedSequence`. Rust needs types, so nprand has two doors:
//!
//! - **infallible**, `impl Into<SeedSequence>`: what can never raise in NumPy (a `u128`,
//!   a list of `u128`s, a `SeedSequence`, a `num_bigint::BigUint`). [`default_rng`],
//!   `Pcg64::new`, `Philox::new`, ... take this and return the generator itself, so
//!   `default_rng(42)` and `Pcg64::new(0)` read as in Python;
//! - **fallible**, `impl Into<Seed>`: NumPy's whole domain, including what raises (a
//!   negative `i64`, `-1` in a list, a float, OS entropy that cannot be read).
//!   [`try_default_rng`], `Pcg64::try_new`, [`SeedableBitGenerator::try_seeded`] and
//!   `RandomState::try_new` take this and return a `Result` with NumPy's exception.
//!
//! Why two: an integer literal such as `42` infers its type from the one integer type a
//! trait is implemented for, and falls back to `i32` when there are several. Accepting
//! `i32` means accepting `-1`, which NumPy rejects, so a constructor that takes every
//! integer type must return a `Result`. The infallible door therefore takes exactly one
//! integer type, `u128` (what `default_rng` always took), and the fallible one takes all.
//!
//! ```
//! use nprand::{default_rng, try_default_rng, Pcg64, Seed, SeedSequence};
//! // np.random.default_rng(42)
//! let a = default_rng(42);
//! // np.random.default_rng([worker_id, root_seed]) (NumPy's docs' pattern)
//! let (worker_id, root_seed) = (3u128, 0x8c3c010cb4754c905776bdac5ee7501u128);
//! let b = default_rng([worker_id, root_seed]);
//! // np.random.default_rng(SeedSequence([worker_id, root_seed]))
//! let c = default_rng(SeedSequence::new([worker_id, root_seed]));
//! assert_eq!(b, c);
//! // np.random.default_rng(np.int64(seed)), e.g. a seed drawn by scikit-learn
//! let seed: i64 = 12345;
//! assert_eq!(try_default_rng(seed).unwrap(), default_rng(12345));
//! // np.random.default_rng(-1) -> ValueError: expected non-negative integer
//! assert_eq!(try_default_rng(-1).unwrap_err().to_string(),
//!            "ValueError: expected non-negative integer");
//! // np.random.default_rng(PCG64(7)) wraps the bit generator
//! assert_eq!(default_rng(Pcg64::new(7)), default_rng(7));
//! # let _ = a;
//! ```
//!
//! OS entropy (NumPy's `default_rng()`, `SeedSequence()`, `RandomState()`) is
//! [`Seed::OsEntropy`] (or `None` of an `Option`), read through the `getrandom` crate
//! (feature `getrandom`, on by default). Without the feature it is a
//! `NotImplementedError`.
//!
//! [`default_rng`]: crate::default_rng
//! [`try_default_rng`]: crate::try_default_rng
//! [`SeedableBitGenerator::try_seeded`]: crate::SeedableBitGenerator::try_seeded

use crate::error::{Error, ErrorKind, Result};
use crate::mt19937::Mt19937;
use crate::prelude::*;
use crate::seed_sequence::{Entropy, SeedInt, SeedSequence};

/// NumPy's `seed` argument: an integer of any size and sign, a (nested) sequence, a
/// [`SeedSequence`], or `None` (OS entropy).
///
/// Made by `From`/`Into` from every Rust integer type, `bool`, slices, `Vec`s and
/// arrays of them, [`Entropy`], [`SeedInt`], [`SeedSequence`], `Option<T>` (`None` is
/// OS entropy) and, with feature `python`, `num_bigint::BigInt`/`BigUint`.
///
/// ```
/// use nprand::{Seed, SeedSequence};
/// // SeedSequence([1, 2]) from a Seed
/// let ss = Seed::from(vec![1i64, 2]).into_seed_sequence().unwrap();
/// assert_eq!(ss, SeedSequence::new([1, 2]));
/// assert!(matches!(Seed::from(None::<u64>), Seed::OsEntropy));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum Seed {
    /// An `int` or a sequence of ints, given to `SeedSequence(entropy)` (or to
    /// `RandomState`'s legacy seeding).
    Entropy(Entropy),
    /// A `SeedSequence`, used as is.
    SeedSequence(SeedSequence),
    /// `None`: fresh entropy from the operating system (feature `getrandom`).
    OsEntropy,
}

impl Seed {
    /// The `SeedSequence` NumPy's bit generators build from this seed
    /// (`SeedSequence(seed)`, the sequence itself, or `SeedSequence()` for `None`), with
    /// NumPy's errors.
    ///
    /// ```
    /// use nprand::{Seed, SeedSequence};
    /// // PCG64([-1, 5]) -> ValueError: expected non-negative integer
    /// let e = Seed::from([-1i32, 5]).into_seed_sequence().unwrap_err();
    /// assert_eq!(e.message(), "expected non-negative integer");
    /// // PCG64(1.5) -> TypeError: SeedSequence expects int or sequence of ints for entropy not 1.5
    /// let e = Seed::from(1.5).into_seed_sequence().unwrap_err();
    /// assert_eq!(e.kind(), nprand::ErrorKind::TypeError);
    /// ```
    pub fn into_seed_sequence(self) -> Result<SeedSequence> {
        match self {
            Seed::Entropy(e) => SeedSequence::from_entropy(e),
            Seed::SeedSequence(ss) => Ok(ss),
            Seed::OsEntropy => SeedSequence::from_os_entropy(),
        }
    }

    /// NumPy's `RandomState(seed)`: `MT19937._legacy_seeding(seed)` for an int or a
    /// sequence (`init_genrand` / `init_by_array`), `MT19937()` for `None`.
    pub(crate) fn into_legacy_mt19937(self) -> Result<Mt19937> {
        match self {
            Seed::Entropy(e) => legacy::seed(&e),
            // np.asarray(SeedSequence(...)) is a 0-d object array.
            Seed::SeedSequence(_) => Err(legacy::cast_error("scalar", "O")),
            Seed::OsEntropy => Ok(Mt19937::from_seed_sequence(SeedSequence::from_os_entropy()?)),
        }
    }
}

impl TryFrom<Seed> for SeedSequence {
    type Error = Error;

    /// [`Seed::into_seed_sequence`].
    fn try_from(seed: Seed) -> Result<Self> {
        seed.into_seed_sequence()
    }
}

impl<T: Into<Entropy>> From<T> for Seed {
    fn from(v: T) -> Self {
        Seed::Entropy(v.into())
    }
}

impl From<SeedSequence> for Seed {
    fn from(ss: SeedSequence) -> Self {
        Seed::SeedSequence(ss)
    }
}

impl<T: Into<Seed>> From<Option<T>> for Seed {
    /// `None` is NumPy's `seed=None`: OS entropy.
    fn from(v: Option<T>) -> Self {
        v.map_or(Seed::OsEntropy, Into::into)
    }
}

/// 128 bits of OS entropy: NumPy's `SeedSequence()` draws `secrets.randbits(128)`.
#[cfg(all(
    feature = "getrandom",
    not(all(target_family = "wasm", target_os = "unknown"))
))]
pub(crate) fn os_entropy_u128() -> Result<u128> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes)
        .map_err(|e| Error::new(ErrorKind::IoError, format!("cannot read OS entropy: {e}")))?;
    Ok(u128::from_le_bytes(bytes))
}

/// Without the `getrandom` feature (or on wasm32-unknown-unknown) nprand has no entropy
/// source.
#[cfg(not(all(
    feature = "getrandom",
    not(all(target_family = "wasm", target_os = "unknown"))
)))]
pub(crate) fn os_entropy_u128() -> Result<u128> {
    Err(Error::new(
        ErrorKind::NotImplementedError,
        "seeding from OS entropy (seed=None) needs nprand's `getrandom` feature (and an OS: \
         not wasm32-unknown-unknown)",
    ))
}

/// `MT19937._legacy_seeding`: NumPy's checks in NumPy's order.
mod legacy {
    use super::*;

    const RANGE: &str = "Seed must be between 0 and 2**32 - 1";

    pub(super) fn cast_error(what: &str, dtype: &str) -> Error {
        Error::type_error(format!(
            "Cannot cast {what} from dtype('{dtype}') to dtype('int64') according to the rule 'safe'"
        ))
    }

    fn in_range(i: &SeedInt) -> Result<u32> {
        match i.to_u128() {
            Some(v) if v <= u32::MAX as u128 => Ok(v as u32),
            _ => Err(Error::value(RANGE)),
        }
    }

    pub(super) fn seed(e: &Entropy) -> Result<Mt19937> {
        match e {
            // operator.index(seed) succeeds: a range check, then init_genrand.
            Entropy::Int(i) => Ok(Mt19937::new(in_range(i)?)),
            Entropy::Float(_) => Err(cast_error("scalar", "float64")),
            Entropy::Str(s) => Err(cast_error("scalar", &str_dtype(&[s.chars().count()]))),
            Entropy::Seq(_) => seed_array(e),
        }
    }

    /// `obj = np.asarray(seed)`; empty; `astype(int64, casting='safe')`; 1-d; range.
    fn seed_array(e: &Entropy) -> Result<Mt19937> {
        let (shape, leaves) = shape_and_leaves(e)?;
        if leaves.is_empty() {
            return Err(Error::value("Seed must be non-empty"));
        }
        if let Some(dtype) = non_int_dtype(&leaves) {
            return Err(cast_error("array data", &dtype));
        }
        if shape.len() != 1 {
            return Err(Error::value("Seed array must be 1-d"));
        }
        let key = leaves
            .iter()
            .map(|l| match l {
                Entropy::Int(i) => in_range(i),
                _ => unreachable!("non_int_dtype accepted only ints"),
            })
            .collect::<Result<Vec<u32>>>()?;
        Mt19937::from_key(&key)
    }

    /// `np.asarray`'s shape discovery: the shape, and the leaves in order, or NumPy's
    /// `ValueError` for a ragged sequence.
    fn shape_and_leaves(e: &Entropy) -> Result<(Vec<usize>, Vec<&Entropy>)> {
        let mut shape = Vec::new();
        let mut level = vec![e];
        loop {
            let seqs: Vec<&Vec<Entropy>> = level
                .iter()
                .filter_map(|x| match x {
                    Entropy::Seq(v) => Some(v),
                    _ => None,
                })
                .collect();
            if seqs.is_empty() {
                return Ok((shape, level));
            }
            let len = seqs[0].len();
            if seqs.len() != level.len() || seqs.iter().any(|s| s.len() != len) {
                let dims: Vec<String> = shape.iter().map(usize::to_string).collect();
                let detected = if dims.len() == 1 {
                    format!("({},)", dims[0])
                } else {
                    format!("({})", dims.join(", "))
                };
                return Err(Error::value(format!(
                    "setting an array element with a sequence. The requested array has an \
                     inhomogeneous shape after {} dimensions. The detected shape was {detected} \
                     + inhomogeneous part.",
                    shape.len()
                )));
            }
            shape.push(len);
            level = seqs.into_iter().flatten().collect();
        }
    }

    /// The dtype `np.asarray` gives these leaves when it is not one that casts safely to
    /// int64 (int64 or bool): `<U..` with any string, `float64` with any float, and for
    /// ints beyond int64 `uint64`, `float64` (both signs beyond int64's reach) or `O`.
    fn non_int_dtype(leaves: &[&Entropy]) -> Option<String> {
        let ints = || {
            leaves.iter().filter_map(|l| match l {
                Entropy::Int(i) => Some(i),
                _ => None,
            })
        };
        let fits_i64 = |i: &SeedInt| {
            let w = i.words();
            w.len() < 2 || (w.len() == 2 && (w[1] < 0x8000_0000 || is_i64_min(i)))
        };
        let fits_u64 = |i: &SeedInt| !i.is_negative() && i.words().len() <= 2;
        let huge = ints().any(|i| !fits_i64(i) && !fits_u64(i));
        if leaves.iter().any(|l| matches!(l, Entropy::Str(_))) {
            // Python ints print in at most 21 characters as int64 ('<U21'), floats in 32.
            let widths: Vec<usize> = leaves
                .iter()
                .map(|l| match l {
                    Entropy::Str(s) => s.chars().count(),
                    Entropy::Float(_) => 32,
                    _ => 21,
                })
                .collect();
            return Some(if huge {
                "O".to_string()
            } else {
                str_dtype(&widths)
            });
        }
        if huge {
            return Some("O".into());
        }
        if leaves.iter().any(|l| matches!(l, Entropy::Float(_))) {
            return Some("float64".into());
        }
        if ints().all(fits_i64) {
            return None;
        }
        if ints().all(fits_u64) {
            return Some("uint64".into());
        }
        Some("float64".into())
    }

    fn is_i64_min(i: &SeedInt) -> bool {
        i.is_negative() && i.words() == [0, 0x8000_0000]
    }

    fn str_dtype(widths: &[usize]) -> String {
        format!("<U{}", widths.iter().copied().max().unwrap_or(0).max(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn legacy_err(seed: impl Into<Seed>) -> String {
        seed.into().into_legacy_mt19937().unwrap_err().to_string()
    }

    #[test]
    fn legacy_dtypes() {
        let cast = |d: &str| {
            format!("TypeError: Cannot cast array data from dtype('{d}') to dtype('int64') according to the rule 'safe'")
        };
        assert_eq!(legacy_err(vec![1u64 << 63]), cast("uint64"));
        let mixed = Entropy::Seq(vec![(-1i64).into(), (1u64 << 63).into()]);
        assert_eq!(legacy_err(mixed), cast("float64"));
        assert_eq!(legacy_err(vec![1u128 << 64]), cast("O"));
        assert_eq!(
            legacy_err(vec![i64::MIN]),
            "ValueError: Seed must be between 0 and 2**32 - 1"
        );
        assert_eq!(
            legacy_err(Vec::<u8>::new()),
            "ValueError: Seed must be non-empty"
        );
    }
}
