//! NumPy's `SeedSequence`: entropy of any size mixed into a pool, from which the
//! modern bit generators draw their initial state.
//!
//! # Quick start
//! ```
//! use nprand::SeedSequence;
//! // ss = np.random.SeedSequence(12345); ss.generate_state(4)
//! let ss = SeedSequence::new(12345);
//! let words: Vec<u32> = ss.generate_state(4).unwrap();
//! assert_eq!(words.len(), 4);
//! // ss.generate_state(2, np.uint64): two words paired little-endian
//! let w64 = ss.generate_state_u64(2).unwrap();
//! assert_eq!(w64[0], words[0] as u64 | (words[1] as u64) << 32);
//! ```
//!
//! The algorithm is Melissa O'Neill's seed_seq hash as NumPy 2.4.6 implements it in
//! `bit_generator.pyx` (BSD-3-Clause): the entropy becomes little-endian 32-bit words,
//! is hashed into a pool of `pool_size` words, and `generate_state` hashes the pool
//! again, cycling through it.

use crate::common::alloc;
use crate::error::{Error, Result};
use crate::prelude::*;

mod entropy;
mod seed_int;

#[doc(inline)]
pub use entropy::Entropy;
#[doc(inline)]
pub use seed_int::SeedInt;

const DEFAULT_POOL_SIZE: usize = 4;
const INIT_A: u32 = 0x43b0_d7e5;
const MULT_A: u32 = 0x931e_8875;
const INIT_B: u32 = 0x8b51_f9dd;
const MULT_B: u32 = 0x58f3_8ded;
const MIX_MULT_L: u32 = 0xca01_f9dd;
const MIX_MULT_R: u32 = 0x4973_f715;
const XSHIFT: u32 = 16;

// ---------------------------------------------------------------------------------------
// SeedSequence
// ---------------------------------------------------------------------------------------

/// NumPy's `SeedSequence(entropy, spawn_key=(), pool_size=4, n_children_spawned=0)`.
///
/// ```
/// use nprand::SeedSequence;
/// // ss = np.random.SeedSequence(42); kids = ss.spawn(2)
/// let mut ss = SeedSequence::new(42);
/// let kids = ss.spawn(2).unwrap();
/// assert_eq!(kids[1].spawn_key_u64(), vec![1]);
/// assert_eq!(ss.n_children_spawned(), 2);
/// assert_ne!(kids[0].generate_state(4).unwrap(), ss.generate_state(4).unwrap());
/// ```
#[must_use = "a SeedSequence that is dropped unused seeds nothing"]
#[derive(Clone, Debug, PartialEq)]
pub struct SeedSequence {
    entropy: Entropy,
    spawn_key: Vec<SeedInt>,
    pool_size: usize,
    n_children_spawned: u64,
    pool: Vec<u32>,
}

impl SeedSequence {
    /// `SeedSequence(entropy)` for what NumPy can never reject: a non-negative integer up
    /// to 128 bits, a list of them, or (feature `python`) a `num_bigint::BigUint` of any
    /// size (see [`UnsignedEntropy`]). [`from_entropy`](Self::from_entropy) takes the rest.
    ///
    /// ```
    /// use nprand::SeedSequence;
    /// // np.random.SeedSequence(2**128 - 1).generate_state(1)
    /// let ss = SeedSequence::new(u128::MAX);
    /// assert_eq!(ss.generate_state(1).unwrap().len(), 1);
    /// assert_eq!(ss.entropy().to_string(), u128::MAX.to_string());
    /// // np.random.SeedSequence([worker_id, root_seed])
    /// let ss = SeedSequence::new([3, 12345]);
    /// assert_eq!(ss.entropy().to_string(), "[3, 12345]");
    /// ```
    pub fn new(entropy: impl UnsignedEntropy) -> Self {
        SeedSequence::from_entropy(entropy).expect("non-negative integers are valid entropy")
    }

    /// NumPy's `SeedSequence()`: 128 bits of fresh OS entropy (`secrets.randbits(128)`),
    /// read through the `getrandom` crate (feature `getrandom`, on by default; without it
    /// this is a `NotImplementedError`). `ss.entropy()` shows the number drawn, as
    /// NumPy's `ss.entropy` does, so a run can be reproduced later.
    ///
    /// ```
    /// use nprand::SeedSequence;
    /// # #[cfg(feature = "getrandom")] {
    /// // ss = np.random.SeedSequence(); SeedSequence(ss.entropy) reproduces it
    /// let ss = SeedSequence::from_os_entropy().unwrap();
    /// let again = SeedSequence::from_decimal(&ss.entropy().to_string()).unwrap();
    /// assert_eq!(ss, again);
    /// # }
    /// ```
    pub fn from_os_entropy() -> Result<Self> {
        Ok(SeedSequence::new(crate::seed::os_entropy_u128()?))
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
    /// assert_eq!(a.generate_state(8).unwrap(), b.generate_state(8).unwrap());
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
        if pool_size > isize::MAX as usize {
            return Err(Error::new(
                crate::ErrorKind::OverflowError,
                "Python int too large to convert to C ssize_t",
            ));
        }
        // self.pool = np.zeros(pool_size, dtype=np.uint32), before the entropy is read.
        let mut pool = alloc::filled(&[pool_size], alloc::Dtype::U32, 0)?;
        let spawn_key: Vec<SeedInt> = spawn_key.into_iter().map(Into::into).collect();
        let mut run = entropy.to_words()?;
        let mut spawn = Vec::new();
        for k in &spawn_key {
            k.coerce(&mut spawn)?;
        }
        if !spawn.is_empty() && run.len() < pool_size {
            // NumPy pads small run entropy with zeros when there is a spawn key
            // (gh-16539), keeping unspawned streams unchanged.
            let diff = pool_size - run.len();
            run.try_reserve_exact(diff + spawn.len())
                .map_err(|_| alloc::memory_error(&[diff], alloc::Dtype::U32))?;
            run.resize(pool_size, 0);
        }
        run.extend_from_slice(&spawn);
        mix_entropy(&mut pool, &run);
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
    #[must_use]
    pub fn entropy(&self) -> &Entropy {
        &self.entropy
    }

    /// The spawn key (`ss.spawn_key`).
    ///
    /// ```
    /// let kids = nprand::SeedSequence::new(7).spawn(3).unwrap();
    /// assert_eq!(kids[2].spawn_key()[0].to_u128(), Some(2));
    /// ```
    #[must_use]
    pub fn spawn_key(&self) -> &[SeedInt] {
        &self.spawn_key
    }

    /// The spawn key as `u64`s (elements that do not fit are truncated to their low
    /// 64 bits; spawn keys made by [`spawn`](Self::spawn) always fit).
    ///
    /// ```
    /// let kids = nprand::SeedSequence::new(7).spawn(2).unwrap()[1].spawn(4).unwrap();
    /// assert_eq!(kids[3].spawn_key_u64(), vec![1, 3]);
    /// ```
    #[must_use]
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
    #[must_use]
    pub fn pool_size(&self) -> usize {
        self.pool_size
    }

    /// How many children [`spawn`](Self::spawn) has made (`ss.n_children_spawned`).
    ///
    /// ```
    /// let mut ss = nprand::SeedSequence::new(7);
    /// ss.spawn(5).unwrap();
    /// assert_eq!(ss.n_children_spawned(), 5);
    /// ```
    #[must_use]
    pub fn n_children_spawned(&self) -> u64 {
        self.n_children_spawned
    }

    /// `repr(ss)`: NumPy's multi-line form, with `spawn_key`, `pool_size` and
    /// `n_children_spawned` only where they differ from the defaults.
    ///
    /// ```
    /// let mut ss = nprand::SeedSequence::new([1, 2]);
    /// ss.spawn(2).unwrap();
    /// // repr(s := np.random.SeedSequence([1, 2])); s.spawn(2); repr(s)
    /// assert_eq!(ss.py_repr(), "SeedSequence(\n    entropy=[1, 2],\n    n_children_spawned=2,\n)");
    /// ```
    #[must_use]
    pub fn py_repr(&self) -> String {
        let mut lines = vec![
            "SeedSequence(".to_string(),
            format!("    entropy={},", self.entropy),
        ];
        if !self.spawn_key.is_empty() {
            lines.push(format!("    spawn_key={},", self.spawn_key_repr()));
        }
        if self.pool_size != DEFAULT_POOL_SIZE {
            lines.push(format!("    pool_size={},", self.pool_size));
        }
        if self.n_children_spawned != 0 {
            lines.push(format!(
                "    n_children_spawned={},",
                self.n_children_spawned
            ));
        }
        lines.push(")".to_string());
        lines.join("\n")
    }

    /// `repr(ss.spawn_key)`: a Python tuple (`()`, `(0,)`, `(0, 1)`).
    ///
    /// ```
    /// let ss = nprand::SeedSequence::with_options(5u32, vec![3u32], 4, 0).unwrap();
    /// assert_eq!(ss.spawn_key_repr(), "(3,)");
    /// ```
    #[must_use]
    pub fn spawn_key_repr(&self) -> String {
        let items: Vec<String> = self.spawn_key.iter().map(ToString::to_string).collect();
        match items.len() {
            1 => format!("({},)", items[0]),
            _ => format!("({})", items.join(", ")),
        }
    }

    /// The mixed entropy pool (`ss.pool`).
    ///
    /// ```
    /// assert_eq!(nprand::SeedSequence::new(7).pool().len(), 4);
    /// ```
    #[must_use]
    pub fn pool(&self) -> &[u32] {
        &self.pool
    }

    /// `ss.generate_state(n_words)`: `n_words` 32-bit words.
    ///
    /// ```
    /// let ss = nprand::SeedSequence::new(0);
    /// let a = ss.generate_state(8).unwrap();
    /// assert_eq!(&ss.generate_state(3).unwrap()[..], &a[..3]); // a prefix, no state change
    /// // generate_state(2**40): MemoryError: Unable to allocate 4.00 TiB ...
    /// assert!(ss.generate_state(1 << 62).is_err());
    /// ```
    pub fn generate_state(&self, n_words: usize) -> Result<Vec<u32>> {
        let mut out = alloc::filled(&[n_words], alloc::Dtype::U32, 0)?;
        self.fill_state(&mut out);
        Ok(out)
    }

    /// `generate_state(out.len())` into `out` (what the bit generators' seeding uses).
    pub(crate) fn fill_state(&self, out: &mut [u32]) {
        let mut hash_const = INIT_B;
        for (o, &p) in out.iter_mut().zip(self.pool.iter().cycle()) {
            let mut v = p ^ hash_const;
            hash_const = hash_const.wrapping_mul(MULT_B);
            v = v.wrapping_mul(hash_const);
            *o = v ^ (v >> XSHIFT);
        }
    }

    /// `generate_state(N, np.uint64)` for the bit generators' fixed seeding sizes.
    pub(crate) fn state_u64<const N: usize>(&self) -> [u64; N] {
        let mut w = vec![0u32; 2 * N];
        self.fill_state(&mut w);
        core::array::from_fn(|i| w[2 * i] as u64 | (w[2 * i + 1] as u64) << 32)
    }

    /// `ss.generate_state(n_words, np.uint64)`: `2 * n_words` 32-bit words paired
    /// little-endian.
    ///
    /// ```
    /// let ss = nprand::SeedSequence::new(0);
    /// let w = ss.generate_state(4).unwrap();
    /// let d = ss.generate_state_u64(2).unwrap();
    /// assert_eq!(d[1], w[2] as u64 | (w[3] as u64) << 32);
    /// ```
    pub fn generate_state_u64(&self, n_words: usize) -> Result<Vec<u64>> {
        // NumPy generates `2 * n_words` uint32 words, then views them as uint64.
        let words = n_words
            .checked_mul(2)
            .ok_or_else(|| Error::value("Maximum allowed dimension exceeded"))?;
        alloc::check_shape(&[words], alloc::Dtype::U32)?;
        let mut w = alloc::reserve(&[words], alloc::Dtype::U32, words)?;
        w.resize(words, 0);
        self.fill_state(&mut w);
        let mut out = alloc::reserve(&[words], alloc::Dtype::U32, n_words)?;
        out.extend(w.chunks_exact(2).map(|c| c[0] as u64 | (c[1] as u64) << 32));
        Ok(out)
    }

    /// `ss.spawn(n_children)`: children with this entropy and pool size and the spawn
    /// key extended by `n_children_spawned`, `n_children_spawned + 1`, ...
    ///
    /// ```
    /// use nprand::SeedSequence;
    /// let mut ss = SeedSequence::new(1);
    /// let a = ss.spawn(1).unwrap();
    /// let b = ss.spawn(1).unwrap(); // continues the count
    /// assert_eq!(b[0].spawn_key_u64(), vec![1]);
    /// assert_eq!(a[0], SeedSequence::with_options(1u32, vec![0u32], 4, 0).unwrap());
    /// // spawn(2**63): OverflowError (a Py_ssize_t); nothing is counted
    /// assert!(ss.spawn(1 << 63).is_err());
    /// assert_eq!(ss.n_children_spawned(), 2);
    /// ```
    pub fn spawn(&mut self, n_children: usize) -> Result<Vec<SeedSequence>> {
        if n_children > isize::MAX as usize {
            return Err(Error::new(
                crate::ErrorKind::OverflowError,
                "Python int too large to convert to C ssize_t",
            ));
        }
        let Some(end) = self.n_children_spawned.checked_add(n_children as u64) else {
            return Err(Error::new(
                crate::ErrorKind::NotImplementedError,
                "n_children_spawned beyond 2**64 - 1 (nprand keeps it in a u64)",
            ));
        };
        // NumPy builds a list (a bare MemoryError where it cannot grow), then counts.
        let mut kids = alloc::try_vec(n_children, alloc::bare_memory_error)?;
        let start = self.n_children_spawned;
        for i in 0..n_children as u64 {
            let mut key = self.spawn_key.clone();
            key.push(SeedInt::from(start + i));
            kids.push(SeedSequence::with_options(
                self.entropy.clone(),
                key,
                self.pool_size,
                0,
            )?);
        }
        self.n_children_spawned = end;
        Ok(kids)
    }
}

// No `Default`: NumPy's `SeedSequence()` reads OS entropy, which can fail and is not
// reproducible, while a Rust `Default` is expected to be infallible and is often derived
// without a second thought; `SeedSequence(0)` would silently differ from NumPy. So the two
// are spelled out: `SeedSequence::from_os_entropy()` and `SeedSequence::new(0)`.

/// `SeedSequence(entropy)` for entropy NumPy cannot reject ([`SeedSequence::new`]): what
/// lets `default_rng(42)`, `Pcg64::new([w, root])` and `default_rng(ss)` take one argument.
impl<T: UnsignedEntropy> From<T> for SeedSequence {
    fn from(v: T) -> Self {
        SeedSequence::new(v)
    }
}

/// Entropy that NumPy's `SeedSequence` always accepts: `u128` (the one integer type, so
/// that an integer literal such as `42` infers it), arrays, `Vec`s and slices of `u128`,
/// and (feature `python`) `num_bigint::BigUint`. Signed integers, other widths and nested
/// lists go through [`SeedSequence::from_entropy`] or [`Seed`](crate::Seed), which
/// return NumPy's errors.
///
/// ```
/// use nprand::seed_sequence::UnsignedEntropy;
/// fn ss(e: impl UnsignedEntropy) -> nprand::SeedSequence { nprand::SeedSequence::new(e) }
/// assert_eq!(ss(vec![1, 2]), ss([1, 2]));
/// assert_eq!(ss(&[7u128][..]), ss([7]));
/// ```
pub trait UnsignedEntropy: Into<Entropy> {}

impl UnsignedEntropy for u128 {}
impl<const N: usize> UnsignedEntropy for [u128; N] {}
impl UnsignedEntropy for Vec<u128> {}
impl UnsignedEntropy for &[u128] {}
#[cfg(feature = "python")]
impl UnsignedEntropy for num_bigint::BigUint {}

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
fn mix_entropy(pool: &mut [u32], entropy: &[u32]) {
    let pool_size = pool.len();
    let mut hash_const = INIT_A;
    for (i, p) in pool.iter_mut().enumerate() {
        *p = hashmix(entropy.get(i).copied().unwrap_or(0), &mut hash_const);
    }
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
