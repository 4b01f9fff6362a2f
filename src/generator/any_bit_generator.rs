//! The bit generator chosen at run time by name (`--generator pcg64`): [`BitGenKind`],
//! [`AnyBitGenerator`] (an enum over the five, each call dispatched with a `match`, so
//! bulk paths stay monomorphic) and the [`AnyGenerator`] built on it.

use super::Generator;
use crate::bitgen::{BitGenState, BitGenerator, Pcg64, Pcg64Dxsm, Philox, Sfc64};
use crate::error::{Error, Result};
use crate::mt19937::Mt19937;
use crate::prelude::*;
use crate::seed_sequence::SeedSequence;
use core::str::FromStr;

/// Which of NumPy's bit generators: the `--generator` choice of the command line.
///
/// ```
/// use nprand::generator::BitGenKind;
/// assert_eq!("pcg64dxsm".parse::<BitGenKind>().unwrap(), BitGenKind::Pcg64Dxsm);
/// assert_eq!("default".parse::<BitGenKind>().unwrap(), BitGenKind::Pcg64);
/// assert!("xorshift".parse::<BitGenKind>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BitGenKind {
    /// `np.random.MT19937`
    Mt19937,
    /// `np.random.PCG64` (`default_rng`'s)
    Pcg64,
    /// `np.random.PCG64DXSM`
    Pcg64Dxsm,
    /// `np.random.Philox`
    Philox,
    /// `np.random.SFC64`
    Sfc64,
}

impl BitGenKind {
    /// All five, in NumPy's documentation order.
    ///
    /// ```
    /// assert_eq!(nprand::generator::BitGenKind::ALL.len(), 5);
    /// ```
    pub const ALL: [BitGenKind; 5] = [
        BitGenKind::Mt19937,
        BitGenKind::Pcg64,
        BitGenKind::Pcg64Dxsm,
        BitGenKind::Philox,
        BitGenKind::Sfc64,
    ];

    /// NumPy's class name (`"PCG64"` …).
    ///
    /// ```
    /// assert_eq!(nprand::generator::BitGenKind::Sfc64.numpy_name(), "SFC64");
    /// ```
    pub fn numpy_name(self) -> &'static str {
        match self {
            BitGenKind::Mt19937 => "MT19937",
            BitGenKind::Pcg64 => "PCG64",
            BitGenKind::Pcg64Dxsm => "PCG64DXSM",
            BitGenKind::Philox => "Philox",
            BitGenKind::Sfc64 => "SFC64",
        }
    }
}

impl FromStr for BitGenKind {
    type Err = Error;

    /// Case-insensitive: `mt19937`, `pcg64`, `pcg64dxsm`, `philox`, `sfc64`, and
    /// `default` (= `pcg64`, what `default_rng` uses).
    fn from_str(s: &str) -> Result<Self> {
        Ok(match s.to_ascii_lowercase().as_str() {
            "mt19937" => BitGenKind::Mt19937,
            "pcg64" | "default" => BitGenKind::Pcg64,
            "pcg64dxsm" => BitGenKind::Pcg64Dxsm,
            "philox" => BitGenKind::Philox,
            "sfc64" => BitGenKind::Sfc64,
            _ => {
                return Err(Error::value(format!(
                    "unknown bit generator {s:?} (expected mt19937, pcg64, pcg64dxsm, philox, \
                     sfc64 or default)"
                )))
            }
        })
    }
}

/// One of NumPy's five bit generators, chosen at run time (static dispatch by `match`).
///
/// ```
/// use nprand::generator::{AnyBitGenerator, BitGenKind};
/// use nprand::{BitGenerator, SeedSequence};
/// // np.random.Philox(9)
/// let bg = AnyBitGenerator::from_seed_sequence(BitGenKind::Philox, SeedSequence::new(9));
/// assert_eq!(bg.name(), "Philox");
/// ```
#[must_use = "a generator that is dropped unused draws nothing"]
#[derive(Clone, Debug, PartialEq)]
#[allow(clippy::large_enum_variant)] // inline on purpose: no indirection on every draw
pub enum AnyBitGenerator {
    /// `MT19937` (new-style seeding).
    Mt19937(Mt19937),
    /// `PCG64`
    Pcg64(Pcg64),
    /// `PCG64DXSM`
    Pcg64Dxsm(Pcg64Dxsm),
    /// `Philox`
    Philox(Philox),
    /// `SFC64`
    Sfc64(Sfc64),
}

impl AnyBitGenerator {
    /// `Gen(seed_seq)` for the chosen kind.
    ///
    /// ```
    /// use nprand::generator::{AnyBitGenerator, BitGenKind};
    /// use nprand::{Pcg64, SeedSequence};
    /// let bg = AnyBitGenerator::from_seed_sequence(BitGenKind::Pcg64, SeedSequence::new(1));
    /// assert_eq!(bg, AnyBitGenerator::Pcg64(Pcg64::new(1)));
    /// ```
    pub fn from_seed_sequence(kind: BitGenKind, seed_seq: SeedSequence) -> Self {
        match kind {
            BitGenKind::Mt19937 => AnyBitGenerator::Mt19937(Mt19937::from_seed_sequence(seed_seq)),
            BitGenKind::Pcg64 => AnyBitGenerator::Pcg64(Pcg64::from_seed_sequence(seed_seq)),
            BitGenKind::Pcg64Dxsm => {
                AnyBitGenerator::Pcg64Dxsm(Pcg64Dxsm::from_seed_sequence(seed_seq))
            }
            BitGenKind::Philox => AnyBitGenerator::Philox(Philox::from_seed_sequence(seed_seq)),
            BitGenKind::Sfc64 => AnyBitGenerator::Sfc64(Sfc64::from_seed_sequence(seed_seq)),
        }
    }

    /// `Gen(seed)` for a seed NumPy cannot reject (an integer up to 128 bits, a list of
    /// them, a `SeedSequence`); [`try_new`](Self::try_new) takes any [`Seed`](crate::Seed).
    ///
    /// ```
    /// use nprand::generator::{AnyBitGenerator, BitGenKind};
    /// use nprand::Sfc64;
    /// assert_eq!(AnyBitGenerator::new(BitGenKind::Sfc64, 4), AnyBitGenerator::Sfc64(Sfc64::new(4)));
    /// assert_eq!(AnyBitGenerator::new(BitGenKind::Sfc64, [1, 2]), AnyBitGenerator::Sfc64(Sfc64::new([1, 2])));
    /// ```
    pub fn new(kind: BitGenKind, seed: impl Into<SeedSequence>) -> Self {
        AnyBitGenerator::from_seed_sequence(kind, seed.into())
    }

    /// `Gen(seed)` for any of NumPy's seeds, with NumPy's errors.
    ///
    /// ```
    /// use nprand::generator::{AnyBitGenerator, BitGenKind};
    /// // np.random.PCG64DXSM(np.int64(7)), np.random.Philox(-1)
    /// assert_eq!(AnyBitGenerator::try_new(BitGenKind::Pcg64Dxsm, 7i64).unwrap(),
    ///            AnyBitGenerator::new(BitGenKind::Pcg64Dxsm, 7));
    /// assert!(AnyBitGenerator::try_new(BitGenKind::Philox, -1).is_err());
    /// ```
    pub fn try_new(kind: BitGenKind, seed: impl Into<crate::Seed>) -> Result<Self> {
        Ok(AnyBitGenerator::from_seed_sequence(
            kind,
            seed.into().into_seed_sequence()?,
        ))
    }

    /// Which kind this is.
    ///
    /// ```
    /// use nprand::generator::{AnyBitGenerator, BitGenKind};
    /// assert_eq!(AnyBitGenerator::new(BitGenKind::Mt19937, 0).kind(), BitGenKind::Mt19937);
    /// ```
    pub fn kind(&self) -> BitGenKind {
        match self {
            AnyBitGenerator::Mt19937(_) => BitGenKind::Mt19937,
            AnyBitGenerator::Pcg64(_) => BitGenKind::Pcg64,
            AnyBitGenerator::Pcg64Dxsm(_) => BitGenKind::Pcg64Dxsm,
            AnyBitGenerator::Philox(_) => BitGenKind::Philox,
            AnyBitGenerator::Sfc64(_) => BitGenKind::Sfc64,
        }
    }
}

macro_rules! dispatch {
    ($self:expr, $g:ident => $e:expr) => {
        match $self {
            AnyBitGenerator::Mt19937($g) => $e,
            AnyBitGenerator::Pcg64($g) => $e,
            AnyBitGenerator::Pcg64Dxsm($g) => $e,
            AnyBitGenerator::Philox($g) => $e,
            AnyBitGenerator::Sfc64($g) => $e,
        }
    };
}

impl BitGenerator for AnyBitGenerator {
    #[inline]
    fn next_u64(&mut self) -> u64 {
        dispatch!(self, g => BitGenerator::next_u64(g))
    }
    #[inline]
    fn next_u32(&mut self) -> u32 {
        dispatch!(self, g => BitGenerator::next_u32(g))
    }
    #[inline]
    fn next_double(&mut self) -> f64 {
        dispatch!(self, g => BitGenerator::next_double(g))
    }
    fn next_raw(&mut self) -> u64 {
        dispatch!(self, g => BitGenerator::next_raw(g))
    }
    fn random_raw_into(&mut self, out: &mut [u64]) {
        dispatch!(self, g => BitGenerator::random_raw_into(g, out))
    }
    fn fill_double(&mut self, out: &mut [f64]) {
        dispatch!(self, g => BitGenerator::fill_double(g, out))
    }
    fn fill_u64(&mut self, out: &mut [u64]) {
        dispatch!(self, g => BitGenerator::fill_u64(g, out))
    }
    fn fill_u32(&mut self, out: &mut [u32]) {
        dispatch!(self, g => BitGenerator::fill_u32(g, out))
    }
    #[inline]
    fn double_from_u64(&self, w: u64) -> f64 {
        dispatch!(self, g => BitGenerator::double_from_u64(g, w))
    }
    fn name(&self) -> &'static str {
        dispatch!(self, g => BitGenerator::name(g))
    }
    fn state(&self) -> BitGenState {
        dispatch!(self, g => BitGenerator::state(g))
    }
    fn set_state(&mut self, state: &BitGenState) -> Result<()> {
        dispatch!(self, g => BitGenerator::set_state(g, state))
    }
    fn seed_seq(&self) -> Option<&SeedSequence> {
        dispatch!(self, g => BitGenerator::seed_seq(g))
    }
}

/// A [`Generator`] over a bit generator chosen at run time.
///
/// ```
/// use nprand::generator::{AnyGenerator, BitGenKind};
/// // np.random.Generator(np.random.PCG64DXSM(8)).standard_normal()
/// let mut g: AnyGenerator = AnyGenerator::from_kind(BitGenKind::Pcg64Dxsm, 8);
/// assert!(g.standard_normal().is_finite());
/// ```
pub type AnyGenerator = Generator<AnyBitGenerator>;

impl AnyGenerator {
    /// `Generator(Gen(seed))` for the chosen kind (`default` = PCG64, i.e. `default_rng`).
    ///
    /// ```
    /// use nprand::generator::{AnyGenerator, BitGenKind};
    /// // np.random.Generator(np.random.SFC64(3)).random()
    /// let mut g = AnyGenerator::from_kind(BitGenKind::Sfc64, 3);
    /// assert!((0.0..1.0).contains(&g.random()));
    /// ```
    pub fn from_kind(kind: BitGenKind, seed: u128) -> Self {
        Generator::new(AnyBitGenerator::new(kind, seed))
    }

    /// `Generator(Gen(seed_seq))` for the chosen kind.
    ///
    /// ```
    /// use nprand::generator::{AnyGenerator, BitGenKind};
    /// use nprand::SeedSequence;
    /// // np.random.Generator(np.random.PCG64(SeedSequence(2**130)))
    /// let ss = SeedSequence::from_decimal("1361129467683753853853498429727072845824").unwrap();
    /// let g = AnyGenerator::from_kind_seed_sequence(BitGenKind::Pcg64, ss);
    /// assert_eq!(g.bit_generator().kind(), BitGenKind::Pcg64);
    /// ```
    pub fn from_kind_seed_sequence(kind: BitGenKind, seed_seq: SeedSequence) -> Self {
        Generator::new(AnyBitGenerator::from_seed_sequence(kind, seed_seq))
    }
}
