//! Sequence methods: `choice`, `shuffle`, `sample` (with `counts`), `choices` and
//! `randbytes`, on top of the integer methods of `ints.rs`.

use super::Random;
use crate::common::alloc;
use crate::error::{Error, ErrorKind, Result};
use crate::math::np::NpMath;
use num_bigint::{BigInt, BigUint};
use num_traits::{Signed, ToPrimitive, Zero};

/// CPython's `bisect.bisect_right(a, x, 0, hi)` with a comparison "x < a[mid]".
pub(crate) fn bisect_right_by(hi: usize, mut x_lt: impl FnMut(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0usize, hi);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if x_lt(mid) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo
}

/// `setsize` of `sample`: 21, plus `4 ** ceil(log(3k, 4))` when k > 5; `None` when it
/// exceeds every possible population length (u128).
pub(crate) fn sample_setsize(k: usize) -> Option<u128> {
    let mut setsize: u128 = 21;
    if k > 5 {
        let e = ((k as f64 * 3.0).np_log() / 4f64.np_log()).ceil();
        if e >= 63.0 {
            return None;
        }
        setsize += 4u128.pow(e as u32);
    }
    Some(setsize)
}

impl Random {
    /// `random.choice(seq)`.
    ///
    /// ```
    /// use nprand::python::Random;
    /// // random.seed(0); random.choice(['a', 'b', 'c'])
    /// let x = Random::new(0).choice(&["a", "b", "c"]).unwrap();
    /// assert!(["a", "b", "c"].contains(x));
    /// // random.choice([]) -> IndexError: Cannot choose from an empty sequence
    /// assert_eq!(Random::new(0).choice::<i32>(&[]).unwrap_err().to_string(),
    ///            "IndexError: Cannot choose from an empty sequence");
    /// ```
    pub fn choice<'a, T>(&mut self, seq: &'a [T]) -> Result<&'a T> {
        if seq.is_empty() {
            return Err(Error::new(
                ErrorKind::IndexError,
                "Cannot choose from an empty sequence",
            ));
        }
        let j = self.randbelow(seq.len() as u64) as usize;
        Ok(&seq[j])
    }

    /// `random.shuffle(x)`: for i from len-1 down to 1, swap `x[i]` with
    /// `x[_randbelow(i + 1)]`.
    ///
    /// ```
    /// use nprand::python::Random;
    /// // x = list(range(10)); random.seed(0); random.shuffle(x)
    /// let mut x: Vec<i32> = (0..10).collect();
    /// Random::new(0).shuffle(&mut x);
    /// let mut s = x.clone();
    /// s.sort();
    /// assert_eq!(s, (0..10).collect::<Vec<_>>());
    /// ```
    pub fn shuffle<T>(&mut self, x: &mut [T]) {
        for i in (1..x.len()).rev() {
            let j = self.randbelow(i as u64 + 1) as usize;
            x.swap(i, j);
        }
    }

    /// The positions `random.sample(range(n), k)` picks (CPython's pool method when
    /// `n <= setsize`, else the set method).
    ///
    /// ```
    /// use nprand::python::Random;
    /// // random.seed(0); random.sample(range(100), 5)
    /// let s = Random::new(0).sample_indices(100, 5).unwrap();
    /// assert_eq!(s.len(), 5);
    /// assert!(s.iter().all(|&i| i < 100));
    /// ```
    pub fn sample_indices(&mut self, n: u64, k: usize) -> Result<Vec<u64>> {
        // n = len(population): a length beyond Py_ssize_t cannot exist.
        if n > isize::MAX as u64 {
            return Err(ssize_overflow());
        }
        if k as u128 > n as u128 {
            return Err(Error::value("Sample larger than population or is negative"));
        }
        // result = [None] * k; pool = list(population): lists that may not fit.
        let mut result = alloc::try_vec(k, alloc::bare_memory_error)?;
        let pool_method = match sample_setsize(k) {
            None => true,
            Some(s) => (n as u128) <= s,
        };
        if pool_method {
            let n = n as usize;
            let mut pool: Vec<u64> = alloc::try_vec(n, alloc::bare_memory_error)?;
            pool.extend(0..n as u64);
            for i in 0..k {
                let j = self.randbelow((n - i) as u64) as usize;
                result.push(pool[j]);
                pool[j] = pool[n - i - 1];
            }
        } else {
            let mut selected = std::collections::HashSet::new();
            selected
                .try_reserve(k)
                .map_err(|_| alloc::bare_memory_error())?;
            for _ in 0..k {
                let mut j = self.randbelow(n);
                while selected.contains(&j) {
                    j = self.randbelow(n);
                }
                selected.insert(j);
                result.push(j);
            }
        }
        Ok(result)
    }

    /// [`sample_indices`](Self::sample_indices) for a population length given as a big
    /// int (`random.sample(range(n), k)`): CPython takes `len(range(n))`, so an `n` beyond
    /// `Py_ssize_t` is its `OverflowError`.
    ///
    /// ```
    /// use nprand::python::Random;
    /// use num_bigint::BigUint;
    /// // random.seed(0); random.sample(range(2**40), 3)
    /// let n = BigUint::from(1u8) << 40usize;
    /// let s = Random::new(0).sample_indices_big(&n, 3).unwrap();
    /// assert!(s.iter().all(|i| i < &n));
    /// // random.sample(range(2**80), 3) -> OverflowError
    /// assert!(Random::new(0).sample_indices_big(&(n << 40usize), 3).is_err());
    /// ```
    pub fn sample_indices_big(&mut self, n: &BigUint, k: usize) -> Result<Vec<BigUint>> {
        let small = n.to_u64().ok_or_else(ssize_overflow)?;
        let idx = self.sample_indices(small, k)?;
        let mut out = alloc::try_vec(idx.len(), alloc::bare_memory_error)?;
        out.extend(idx.into_iter().map(BigUint::from));
        Ok(out)
    }

    /// `random.sample(population, k)`.
    ///
    /// ```
    /// use nprand::python::Random;
    /// // random.seed(0); random.sample([10, 20, 30, 40], 2)
    /// let s = Random::new(0).sample(&[10, 20, 30, 40], 2).unwrap();
    /// assert_eq!(s.len(), 2);
    /// assert_ne!(s[0], s[1]);
    /// // random.sample([1, 2], 3) -> ValueError
    /// assert_eq!(Random::new(0).sample(&[1, 2], 3).unwrap_err().message(),
    ///            "Sample larger than population or is negative");
    /// ```
    pub fn sample<T: Clone>(&mut self, population: &[T], k: usize) -> Result<Vec<T>> {
        let idx = self.sample_indices(population.len() as u64, k)?;
        let mut out = alloc::try_vec(idx.len(), alloc::bare_memory_error)?;
        out.extend(idx.into_iter().map(|i| population[i as usize].clone()));
        Ok(out)
    }

    /// `random.sample(population, k, counts=counts)`: as if each element were repeated
    /// `counts[i]` times (`sample(range(total), k)` and `bisect` into the cumulative
    /// counts).
    ///
    /// ```
    /// use nprand::python::Random;
    /// // random.seed(0); random.sample(['red', 'blue'], counts=[4, 2], k=5)
    /// let s = Random::new(0).sample_counts(&["red", "blue"], &[4, 2], 5).unwrap();
    /// assert_eq!(s.len(), 5);
    /// assert!(s.iter().filter(|c| **c == "blue").count() <= 2);
    /// ```
    pub fn sample_counts<T: Clone>(
        &mut self,
        population: &[T],
        counts: &[i64],
        k: usize,
    ) -> Result<Vec<T>> {
        let counts: Vec<BigInt> = counts.iter().map(|&c| BigInt::from(c)).collect();
        let idx = self.sample_counts_indices(population.len(), &counts, k)?;
        let mut out = alloc::try_vec(idx.len(), alloc::bare_memory_error)?;
        out.extend(idx.into_iter().map(|i| population[i].clone()));
        Ok(out)
    }

    /// The population positions `sample(..., counts=counts, k=k)` picks.
    pub(crate) fn sample_counts_indices(
        &mut self,
        n: usize,
        counts: &[BigInt],
        k: usize,
    ) -> Result<Vec<usize>> {
        let mut cum: Vec<BigInt> = Vec::with_capacity(counts.len());
        let mut acc = BigInt::zero();
        for c in counts {
            acc += c;
            cum.push(acc.clone());
        }
        if cum.len() != n {
            return Err(Error::value(
                "The number of counts does not match the population",
            ));
        }
        let total = cum.pop().unwrap_or_default();
        if !total.is_positive() {
            return Err(Error::value("Total of counts must be greater than zero"));
        }
        let sel = self.sample_indices_big(total.magnitude(), k)?;
        let mut out = alloc::try_vec(sel.len(), alloc::bare_memory_error)?;
        out.extend(sel.into_iter().map(|s| {
            let s = BigInt::from(s);
            bisect_right_by(cum.len(), |mid| s < cum[mid])
        }));
        Ok(out)
    }

    /// `random.choices(population, weights=None, *, cum_weights=None, k=1)`.
    ///
    /// Without weights: `population[floor(random() * n)]`. With weights, the cumulative
    /// sums (float additions in order) and `bisect(cum, random() * total, 0, n - 1)`.
    ///
    /// ```
    /// use nprand::python::Random;
    /// // random.seed(0); random.choices('abc', k=4)
    /// let x = Random::new(0).choices(&['a', 'b', 'c'], None, None, 4).unwrap();
    /// assert_eq!(x.len(), 4);
    /// // random.choices('abc', [0, 0, 1], k=3) == ['c', 'c', 'c']
    /// let y = Random::new(0).choices(&['a', 'b', 'c'], Some(&[0.0, 0.0, 1.0]), None, 3).unwrap();
    /// assert_eq!(y, vec!['c', 'c', 'c']);
    /// // random.choices('ab', [1]) -> ValueError
    /// assert!(Random::new(0).choices(&['a', 'b'], Some(&[1.0]), None, 1).is_err());
    /// ```
    pub fn choices<T: Clone>(
        &mut self,
        population: &[T],
        weights: Option<&[f64]>,
        cum_weights: Option<&[f64]>,
        k: usize,
    ) -> Result<Vec<T>> {
        let n = population.len();
        let cum: Vec<f64> = match (weights, cum_weights) {
            (None, None) => {
                let nf = n as f64;
                let mut out = list_of(k)?;
                for _ in 0..k {
                    let i = (self.random() * nf).floor() as usize;
                    out.push(
                        population
                            .get(i)
                            .ok_or_else(|| {
                                Error::new(ErrorKind::IndexError, "list index out of range")
                            })?
                            .clone(),
                    );
                }
                return Ok(out);
            }
            (Some(w), None) => {
                let mut acc = 0.0;
                let mut out = Vec::with_capacity(w.len());
                for (i, &x) in w.iter().enumerate() {
                    // accumulate() starts from the first element itself (keeps -0.0).
                    acc = if i == 0 { x } else { acc + x };
                    out.push(acc);
                }
                out
            }
            (None, Some(c)) => c.to_vec(),
            (Some(_), Some(_)) => return Err(both_weights()),
        };
        let total = *last_cum_weight(&cum, n)? + 0.0;
        let idx = self.choices_cum(n, total, k, |mid, x| x < cum[mid])?;
        let mut out = list_of(idx.len())?;
        out.extend(idx.into_iter().map(|i| population[i].clone()));
        Ok(out)
    }

    /// The weighted part of `choices`: total checks, then `k` bisections.
    pub(crate) fn choices_cum(
        &mut self,
        n: usize,
        total: f64,
        k: usize,
        mut x_lt: impl FnMut(usize, f64) -> bool,
    ) -> Result<Vec<usize>> {
        if total <= 0.0 {
            return Err(Error::value("Total of weights must be greater than zero"));
        }
        if !total.is_finite() {
            return Err(Error::value("Total of weights must be finite"));
        }
        let hi = n - 1;
        let mut out = list_of(k)?;
        for _ in 0..k {
            let x = self.random() * total;
            out.push(bisect_right_by(hi, |mid| x_lt(mid, x)));
        }
        Ok(out)
    }

    /// `random.randbytes(n)` = `getrandbits(8n).to_bytes(n, 'little')` (the last
    /// partial word contributes its *high* bytes, unlike NumPy's `bytes`).
    ///
    /// ```
    /// use nprand::python::Random;
    /// // random.seed(7); random.randbytes(6)
    /// let b = Random::new(7).randbytes(6).unwrap();
    /// assert_eq!(b.len(), 6);
    /// // randbytes(0) == b'' and draws nothing
    /// let mut r = Random::new(7);
    /// assert!(r.randbytes(0).unwrap().is_empty());
    /// assert_eq!(r.getstate().pos, 624);
    /// // getrandbits(8 * n) takes a C int: randbytes(2**28) -> OverflowError
    /// assert!(r.randbytes(1 << 28).is_err());
    /// ```
    pub fn randbytes(&mut self, n: usize) -> Result<Vec<u8>> {
        if n > i32::MAX as usize / 8 {
            return Err(Error::new(
                ErrorKind::OverflowError,
                "Python int too large to convert to C int",
            ));
        }
        let mut out = alloc::try_vec(n, alloc::bare_memory_error)?;
        let mut left = n;
        while left >= 4 {
            out.extend_from_slice(&self.mt.next_u32().to_le_bytes());
            left -= 4;
        }
        if left > 0 {
            let w = self.mt.next_u32() >> (32 - 8 * left as u32);
            out.extend_from_slice(&w.to_le_bytes()[..left]);
        }
        Ok(out)
    }
}

/// CPython's conversion of a length beyond `Py_ssize_t` (`len(range(2**63))`, `k=2**63`).
pub(crate) fn ssize_overflow() -> Error {
    Error::new(
        ErrorKind::OverflowError,
        "Python int too large to convert to C ssize_t",
    )
}

/// A list of `k` results: `_repeat(None, k)` converts `k` to `Py_ssize_t` first (before
/// any draw), then the list grows until CPython's bare `MemoryError`; nprand reserves it
/// up front, so its `MemoryError` comes before any draw.
fn list_of<T>(k: usize) -> Result<Vec<T>> {
    if k > isize::MAX as usize {
        return Err(ssize_overflow());
    }
    alloc::try_vec(k, alloc::bare_memory_error)
}

/// `choices`' TypeError when both `weights` and `cum_weights` are given.
pub(crate) fn both_weights() -> Error {
    Error::type_error("Cannot specify both weights and cumulative weights")
}

/// `choices`' checks on the cumulative weights before the total: one per population
/// element, then `cum_weights[-1]` (an `IndexError` for an empty population).
pub(crate) fn last_cum_weight<T>(cum: &[T], n: usize) -> Result<&T> {
    if cum.len() != n {
        return Err(Error::value(
            "The number of weights does not match the population",
        ));
    }
    cum.last()
        .ok_or_else(|| Error::new(ErrorKind::IndexError, "list index out of range"))
}
