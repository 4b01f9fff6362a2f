//! NumPy's frozen legacy layer: [`RandomState`].
//!
//! # Quick start
//! ```
//! use nprand::RandomState;
//! // np.random.seed(12345); x = np.random.rand(10, 10)
//! let mut rs = RandomState::new(12345);
//! let x = rs.rand(&[10, 10]).unwrap();
//! assert_eq!(x.len(), 100);
//! // rs.normal(5, 2), rs.randint(0, 10, dtype='int8')
//! let y = rs.normal(5.0, 2.0).unwrap();
//! let k: i8 = rs.randint_dtype(0, 10).unwrap();
//! assert!((0..10).contains(&k) && y.is_finite());
//! ```
//!
//! Each family of methods lives in its own file; all of them are inherent methods of
//! [`RandomState`], named as NumPy names them.

use crate::error::{Error, Result};
use crate::mt19937::Mt19937;
use crate::prelude::*;
use crate::state::LegacyState;

mod array_forms;
pub mod broadcast;
mod continuous;
mod continuous_bulk;
mod discrete;
mod gamma;
mod gamma_bulk;
mod gauss_ahead;
mod hypergeometric;
mod integers;
pub(crate) mod multivariate;
mod normal;
mod polar_simd;
mod sequences;
#[cfg(feature = "eval")]
pub(crate) use sequences::check_p;
#[cfg(test)]
mod float_methods_tests;
#[cfg(test)]
mod test_util;
mod uniform;

pub(crate) use crate::common::kahan_sum;
pub use integers::RandintDtype;
pub use multivariate::{CheckValid, MvnOutput};

/// The broadcastable distributions of each family file, for [`broadcast::specs`].
pub(crate) const SPEC_TABLES: &[&[broadcast::DistSpec]] = &[
    uniform::SPECS,
    normal::SPECS,
    normal::DECLARED_SPECS,
    gamma::SPECS,
    gamma::DECLARED_SPECS,
    continuous::SPECS,
    continuous::DECLARED_SPECS,
    discrete::SPECS,
    discrete::DECLARED_SPECS,
    hypergeometric::SPECS,
];

/// `numpy.random.RandomState`: MT19937 plus the cached gaussian of the legacy polar method.
///
/// ```
/// use nprand::RandomState;
/// let mut a = RandomState::new(42);
/// let mut b = RandomState::from_key(&[42]).unwrap(); // RandomState([42]) seeds differently
/// assert_ne!(a.random_sample(), b.random_sample());
/// ```
#[must_use = "a generator that is dropped unused draws nothing"]
#[derive(Clone, PartialEq)]
pub struct RandomState {
    pub(crate) bitgen: Mt19937,
    pub(crate) has_gauss: bool,
    pub(crate) gauss: f64,
    /// Polar pairs read ahead for scalar gaussians: a cache, not state (`==` and
    /// `Debug` leave it out). Forgotten whenever `bitgen` may be replaced.
    ahead: gauss_ahead::GaussAhead,
}

impl core::fmt::Debug for RandomState {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("RandomState")
            .field("bitgen", &self.bitgen)
            .field("has_gauss", &self.has_gauss)
            .field("gauss", &self.gauss)
            .finish()
    }
}

impl RandomState {
    /// `np.random.RandomState(seed)` for an integer seed in 0..=2**32-1.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(12345); // RandomState(12345)
    /// let x = rs.random_sample();
    /// assert!((0.0..1.0).contains(&x));
    /// ```
    pub fn new(seed: u32) -> Self {
        RandomState::from_bit_generator(Mt19937::new(seed))
    }

    /// `np.random.RandomState(seed)` for NumPy's whole seed domain ([`Seed`](crate::Seed)):
    /// an int of any Rust type in 0..=2**32-1 (`init_genrand`), a list of them
    /// (`init_by_array`), or OS entropy (`None`: `MT19937()`, seeded through
    /// `SeedSequence()`), with NumPy's errors for the rest, in NumPy's order.
    ///
    /// ```
    /// use nprand::{RandomState, Seed};
    /// // RandomState(np.int64(seed)), as scikit-learn passes it
    /// let seed: i64 = 12345;
    /// assert_eq!(RandomState::try_new(seed).unwrap(), RandomState::new(12345));
    /// // RandomState([1, 2, 3])
    /// assert_eq!(RandomState::try_new([1, 2, 3]).unwrap(), RandomState::from_key(&[1, 2, 3]).unwrap());
    /// // RandomState(-1), RandomState([]), RandomState([[1, 2]]), RandomState(1.5)
    /// let err = |s: Seed| RandomState::try_new(s).unwrap_err().to_string();
    /// assert_eq!(err((-1).into()), "ValueError: Seed must be between 0 and 2**32 - 1");
    /// assert_eq!(err(Vec::<u32>::new().into()), "ValueError: Seed must be non-empty");
    /// assert_eq!(err(vec![vec![1, 2]].into()), "ValueError: Seed array must be 1-d");
    /// assert_eq!(err(1.5.into()), "TypeError: Cannot cast scalar from dtype('float64') to dtype('int64') according to the rule 'safe'");
    /// // RandomState(): OS entropy
    /// # #[cfg(feature = "getrandom")]
    /// assert!(RandomState::try_new(Seed::OsEntropy).is_ok());
    /// ```
    pub fn try_new(seed: impl Into<crate::Seed>) -> Result<Self> {
        Ok(RandomState::from_bit_generator(
            seed.into().into_legacy_mt19937()?,
        ))
    }

    /// `rs.seed(seed)` for NumPy's whole seed domain (see [`try_new`](Self::try_new));
    /// clears the cached gaussian. On error the state is unchanged.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(1);
    /// rs.try_seed(7i64).unwrap();
    /// assert_eq!(rs, nprand::RandomState::new(7));
    /// assert!(rs.try_seed(1u64 << 32).is_err());
    /// ```
    pub fn try_seed(&mut self, seed: impl Into<crate::Seed>) -> Result<()> {
        self.reseed(RandomState::try_new(seed)?);
        Ok(())
    }

    /// `RandomState(seed)` for any integer, with NumPy's range check
    /// (`ValueError: Seed must be between 0 and 2**32 - 1`).
    ///
    /// ```
    /// assert!(nprand::RandomState::from_seed_int(-1).is_err());
    /// assert!(nprand::RandomState::from_seed_int(4294967295).is_ok());
    /// ```
    pub fn from_seed_int(seed: i128) -> Result<Self> {
        Ok(RandomState::new(check_seed(seed)?))
    }

    /// `np.random.RandomState([k0, k1, ...])`: array seeding (`init_by_array`).
    ///
    /// ```
    /// let rs = nprand::RandomState::from_key(&[1, 2, 3]).unwrap();
    /// assert!(nprand::RandomState::from_key(&[]).is_err()); // Seed must be non-empty
    /// # let _ = rs;
    /// ```
    pub fn from_key(key: &[u32]) -> Result<Self> {
        Ok(RandomState::from_bit_generator(Mt19937::from_key(key)?))
    }

    /// `RandomState([...])` for any integers, with NumPy's checks (non-empty, each in
    /// 0..=2**32-1).
    ///
    /// ```
    /// assert!(nprand::RandomState::from_key_ints(&[1, -1]).is_err());
    /// ```
    pub fn from_key_ints(key: &[i128]) -> Result<Self> {
        Ok(RandomState::from_bit_generator(Mt19937::from_key(
            &check_key(key)?,
        )?))
    }

    /// A RandomState over an existing bit generator, with an empty gaussian cache.
    ///
    /// ```
    /// let rs = nprand::RandomState::from_bit_generator(nprand::Mt19937::new(5));
    /// assert_eq!(rs, nprand::RandomState::new(5));
    /// ```
    pub fn from_bit_generator(bitgen: Mt19937) -> Self {
        RandomState {
            bitgen,
            has_gauss: false,
            gauss: 0.0,
            ahead: gauss_ahead::GaussAhead::new(),
        }
    }

    /// `rs.seed(seed)`: integer reseeding; also clears the cached gaussian, as NumPy does.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(1);
    /// rs.standard_normal();
    /// rs.seed(1);
    /// assert_eq!(rs, nprand::RandomState::new(1));
    /// ```
    pub fn seed(&mut self, seed: u32) {
        self.reseed(RandomState::new(seed));
    }

    /// `rs.seed([k0, k1, ...])`: array reseeding; clears the cached gaussian.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(1);
    /// rs.seed_array(&[1, 2]).unwrap();
    /// assert_eq!(rs, nprand::RandomState::from_key(&[1, 2]).unwrap());
    /// ```
    pub fn seed_array(&mut self, key: &[u32]) -> Result<()> {
        self.reseed(RandomState::from_key(key)?);
        Ok(())
    }

    /// Become `fresh` (a reseeding), keeping the gaussian read-ahead's buffers for
    /// reuse: code that reseeds in a loop does not allocate them again each time.
    fn reseed(&mut self, fresh: RandomState) {
        let mut ahead = core::mem::replace(&mut self.ahead, gauss_ahead::GaussAhead::new());
        ahead.forget();
        *self = RandomState { ahead, ..fresh };
    }

    /// The underlying bit generator (NumPy's `rs._bit_generator`).
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// let w = rs.bit_generator_mut().next_u32();
    /// assert_eq!(w, nprand::Mt19937::new(0).next_u32());
    /// ```
    pub fn bit_generator_mut(&mut self) -> &mut Mt19937 {
        // The caller may replace the generator outright (a new value starts its
        // generation count again), so the read-ahead cannot be trusted afterwards.
        self.ahead.forget();
        &mut self.bitgen
    }

    /// Read-only access to the bit generator.
    ///
    /// ```
    /// assert_eq!(nprand::RandomState::new(0).bit_generator().pos(), 624);
    /// ```
    pub fn bit_generator(&self) -> &Mt19937 {
        &self.bitgen
    }

    /// `rs.get_state()`: key, pos, has_gauss and the cached gaussian.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(3);
    /// rs.standard_normal();
    /// let st = rs.get_state();
    /// assert!(st.has_gauss);
    /// let mut other = nprand::RandomState::new(0);
    /// other.set_state(&st).unwrap();
    /// assert_eq!(other.standard_normal().to_bits(), rs.standard_normal().to_bits());
    /// ```
    pub fn get_state(&self) -> LegacyState {
        LegacyState {
            key: *self.bitgen.key(),
            pos: self.bitgen.pos(),
            has_gauss: self.has_gauss,
            gauss: self.gauss,
        }
    }

    /// `rs.set_state(state)`. Validates before changing anything (NumPy is not atomic,
    /// nprand is): `pos` must be in 0..=624. A [degenerate](Mt19937::is_degenerate) key
    /// (all zero) is accepted, as NumPy accepts it (every word drawn is then 0).
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(3);
    /// let mut st = rs.get_state();
    /// st.pos = 700;
    /// assert!(rs.set_state(&st).is_err());
    /// ```
    pub fn set_state(&mut self, state: &LegacyState) -> Result<()> {
        let bitgen = Mt19937::from_state(state.key, state.pos)?;
        self.bitgen = bitgen;
        self.ahead.forget();
        self.has_gauss = state.has_gauss;
        self.gauss = state.gauss;
        Ok(())
    }

    /// NumPy's `legacy_double`: the 53-bit uniform every legacy routine draws.
    #[inline]
    pub(crate) fn next_double(&mut self) -> f64 {
        self.bitgen.next_f64()
    }
}

impl From<Mt19937> for RandomState {
    fn from(bitgen: Mt19937) -> Self {
        RandomState::from_bit_generator(bitgen)
    }
}

/// NumPy's integer seed check.
pub(crate) fn check_seed(seed: i128) -> Result<u32> {
    u32::try_from(seed).map_err(|_| Error::value("Seed must be between 0 and 2**32 - 1"))
}

/// NumPy's array seed checks: non-empty first, then the range of every element.
pub(crate) fn check_key(key: &[i128]) -> Result<Vec<u32>> {
    if key.is_empty() {
        return Err(Error::value("Seed must be non-empty"));
    }
    key.iter().map(|&k| check_seed(k)).collect()
}
