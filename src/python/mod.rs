//! CPython's `random` module (`random.Random`), bit for bit.
//!
//! Python's own generator is also an MT19937, but it seeds and samples differently from
//! NumPy: integer seeds go through `init_by_array` with the 32-bit words of `abs(seed)`,
//! bounded integers take the *top* bits of a word, `gauss` is Box–Muller with a cached
//! `sin` value, and so on. [`Random`] reproduces CPython 3.11's `random.Random` exactly:
//! same numbers, same number of words consumed, same exceptions.
//!
//! # Quick start
//! ```
//! use nprand::python::Random;
//! // random.seed(42); random.random(); random.randint(1, 6)
//! let mut r = Random::new(42);
//! let x = r.random();
//! let d = r.randint(1, 6).unwrap();
//! assert!((0.0..1.0).contains(&x) && (1..=6).contains(&d));
//! // random.seed("hello"); random.gauss(0, 1)
//! let mut r = Random::new("hello");
//! assert!(r.gauss(0.0, 1.0).is_finite());
//! ```
//!
//! # Versions
//! The default behaviour is CPython 3.11's. [`PyVersion::V3_12`] switches the few
//! places where 3.12 differs without changing any stream: `randrange`'s error messages,
//! `randrange` refusing floats (in the evaluator) and `expovariate`'s default
//! `lambd=1.0` (in the evaluator). `binomialvariate` (new in 3.12) is always
//! available; it follows 3.12's code and CPython's own `math.lgamma` ([`lgamma`]).
//!
//! # Decisions
//! - **Versions**: 3.11 by default. In the evaluator (`nprand eval --python`) under 3.11,
//!   `binomialvariate` is an `AttributeError` as in CPython 3.11; select
//!   [`PyVersion::V3_12`] (also right for 3.13, whose only change here is the wording of
//!   the seed `TypeError`) to use it. The Rust method [`Random::binomialvariate`] is
//!   always there.
//! - **Seeds**: ints of any size, floats (by `hash`, so `Random::new(2.0) ==
//!   Random::new(2)`), `str`, `bytes`/`bytearray` (version 2, SHA-512). A NaN seed
//!   hashes by identity in CPython ≥ 3.10 (not reproducible); nprand uses 0. `seed(None)`
//!   (OS entropy) is not offered. `seed(str, version=1)` is supported by the evaluator.
//! - **bytes in JSON**: `json.dumps` refuses `bytes`, so `randbytes` results are printed
//!   as a hex string (`b.hex()`), as nprand does for NumPy's `bytes()`.
//! - **Endless loops**: for parameters where CPython never returns (NaN or infinite
//!   `kappa`/`alpha` in the rejection samplers), nprand gives up after 10⁷ rounds with
//!   `NotImplementedError`.
//!
//! # Layout
//! - [`seed`](Seed): what `random.seed(a)` does with ints, floats, str and bytes.
//! - integers and sequences: `getrandbits`, `randrange`, `randint`, `choice`, `choices`,
//!   `shuffle`, `sample`, `randbytes`.
//! - real-valued distributions: `uniform` … `binomialvariate`.
//! - [`PyState`]: `getstate()`/`setstate()` and the JSON hand-off with
//!   `scripts/py_state.py`.
//!
//! The `nprand eval --python` evaluator (call parsing, Python values, printing) is not
//! part of this module: it lives in `nprand::eval::python` (feature `eval`), on top of
//! this API.
//!
//! Algorithms are CPython's (`Lib/random.py`, `Modules/_randommodule.c`,
//! `Modules/mathmodule.c`; PSF licence).

mod dist;
mod ints;
pub(crate) mod pymath;
mod seed;
pub(crate) mod sequences;
mod state;

pub use crate::fmt::{json_float as py_json_float, py_float_repr as py_repr_float};
pub use pymath::lgamma;
pub use seed::{py_hash_float, Seed};
pub use state::PyState;

use crate::mt19937::Mt19937;

/// Which CPython release's behaviour to follow where 3.11 and 3.12 differ
/// (only error texts and argument handling; every stream is identical).
///
/// ```
/// use nprand::python::{PyVersion, Random};
/// // Python 3.12: random.randrange(5, 5) -> ValueError: empty range in randrange(5, 5)
/// let mut r = Random::new(0);
/// r.set_version(PyVersion::V3_12);
/// assert_eq!(r.randrange(5, 5, 1).unwrap_err().message(), "empty range in randrange(5, 5)");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PyVersion {
    /// CPython 3.11 (the default).
    #[default]
    V3_11,
    /// CPython 3.12 and 3.13.
    V3_12,
}

/// CPython's `random.Random`: an MT19937 plus the cached second value of `gauss`.
///
/// ```
/// use nprand::python::Random;
/// // r = random.Random(12345); r.random()
/// let mut a = Random::new(12345);
/// let mut b = a.clone();
/// assert_eq!(a.random().to_bits(), b.random().to_bits());
/// ```
#[must_use = "a generator that is dropped unused draws nothing"]
#[derive(Debug, Clone, PartialEq)]
pub struct Random {
    mt: Mt19937,
    gauss_next: Option<f64>,
    version: PyVersion,
}

impl Random {
    /// `random.Random(seed)`: seeded from an int of any size and sign, a float (its
    /// hash), a `str` or `bytes` (with SHA-512, version 2). See [`Seed`].
    ///
    /// ```
    /// use nprand::python::Random;
    /// // random.Random(-5).random() == random.Random(5).random()
    /// assert_eq!(Random::new(-5).random(), Random::new(5).random());
    /// // random.Random(b"bytes") and random.Random("text") work too
    /// let _ = (Random::new(&b"bytes"[..]), Random::new("text"), Random::new(1.5));
    /// ```
    pub fn new(seed: impl Into<Seed>) -> Random {
        let mut r = Random {
            mt: Mt19937::new(0),
            gauss_next: None,
            version: PyVersion::default(),
        };
        r.seed(seed);
        r
    }

    /// `random.seed(a)`: reseed, and forget the cached gaussian.
    ///
    /// ```
    /// use nprand::python::Random;
    /// // random.seed(7); a = random.random(); random.seed(7); random.random() == a
    /// let mut r = Random::new(0);
    /// r.seed(7);
    /// let a = r.random();
    /// r.gauss(0.0, 1.0);
    /// r.seed(7);
    /// assert_eq!(r.random(), a);
    /// assert_eq!(r.getstate().gauss_next, None);
    /// ```
    pub fn seed(&mut self, seed: impl Into<Seed>) {
        let key = seed.into().key();
        self.mt = Mt19937::from_key(&key).expect("a seed key is never empty");
        self.gauss_next = None;
    }

    /// The CPython version whose behaviour is followed where 3.11 and 3.12 differ.
    ///
    /// ```
    /// use nprand::python::{PyVersion, Random};
    /// assert_eq!(Random::new(0).version(), PyVersion::V3_11);
    /// ```
    #[must_use]
    pub fn version(&self) -> PyVersion {
        self.version
    }

    /// Follow `version`'s behaviour (see [`PyVersion`]).
    ///
    /// ```
    /// use nprand::python::{PyVersion, Random};
    /// let mut r = Random::new(0);
    /// r.set_version(PyVersion::V3_12);
    /// assert_eq!(r.version(), PyVersion::V3_12);
    /// ```
    pub fn set_version(&mut self, version: PyVersion) {
        self.version = version;
    }

    /// The underlying MT19937 (its key and position are `getstate()[1]`).
    ///
    /// ```
    /// // random.seed(0); random.getstate()[1][-1] == 624
    /// assert_eq!(nprand::python::Random::new(0).mt().pos(), 624);
    /// ```
    pub fn mt(&self) -> &Mt19937 {
        &self.mt
    }

    /// `random.random()`: a double in [0, 1) from two words (53 bits).
    ///
    /// ```
    /// // random.seed(1); random.random()
    /// let x = nprand::python::Random::new(1).random();
    /// assert!((0.0..1.0).contains(&x));
    /// // it is the same as NumPy's RandomState([1]).random_sample()
    /// assert_eq!(x, nprand::Mt19937::from_key(&[1]).unwrap().next_f64());
    /// ```
    #[inline]
    pub fn random(&mut self) -> f64 {
        self.mt.next_f64()
    }

    /// `random.getstate()`: `(3, (624 words..., index), gauss_next)`.
    ///
    /// ```
    /// // random.seed(0); random.getstate()
    /// let st = nprand::python::Random::new(0).getstate();
    /// assert_eq!((st.version, st.pos, st.gauss_next), (3, 624, None));
    /// ```
    pub fn getstate(&self) -> PyState {
        PyState {
            version: 3,
            key: self.mt.key().to_vec(),
            pos: self.mt.pos(),
            gauss_next: self.gauss_next,
        }
    }

    /// `random.setstate(state)`, with CPython's checks (see [`PyState::validate`]).
    ///
    /// ```
    /// use nprand::python::Random;
    /// // s = random.getstate(); a = random.random(); random.setstate(s); random.random() == a
    /// let mut r = Random::new(3);
    /// let s = r.getstate();
    /// let a = r.random();
    /// r.setstate(&s).unwrap();
    /// assert_eq!(r.random(), a);
    /// ```
    pub fn setstate(&mut self, state: &PyState) -> crate::Result<()> {
        let (key, pos) = state.validate()?;
        self.mt = Mt19937::from_state(key, pos)?;
        self.gauss_next = state.gauss_next;
        Ok(())
    }

    /// A generator in `state` (`r = random.Random(); r.setstate(state)`).
    ///
    /// ```
    /// use nprand::python::Random;
    /// let r = Random::new(9);
    /// assert_eq!(Random::from_state(&r.getstate()).unwrap(), r);
    /// ```
    pub fn from_state(state: &PyState) -> crate::Result<Random> {
        let mut r = Random::new(0);
        r.setstate(state)?;
        Ok(r)
    }
}
