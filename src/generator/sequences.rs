//! `Generator.choice`, `shuffle`, `permutation` and `permuted`.
//!
//! `shuffle`, `permutation` and `permuted` use NumPy's `random_interval` (masked rejection
//! on `next_uint32`), `choice` uses Lemire draws (`random_bounded_uint64`) for its
//! integer work: Floyd's algorithm or a tail shuffle for `replace=False`, `integers` for
//! `replace=True`; with `p` it inverts the CDF with `random()` and `searchsorted`.

use super::integers::{bounded_u64, random_interval, Bounded};
use super::Generator;
use crate::array::NdArray;
use crate::bitgen::BitGenerator;
use crate::common::alloc;
use crate::common::kahan_sum;
use crate::error::{Error, Result};
use crate::prelude::*;
// Only membership is asked of the set (never its order), so without `std` an ordered set
// gives the same draws, at O(log n) per insert.
#[cfg(not(feature = "std"))]
use ::alloc::collections::BTreeSet as HashSet;
#[cfg(feature = "std")]
use std::collections::HashSet;

/// The indices `choice` draws into the population (along axis 0) and the output shape
/// (`[]` when `size` is `None`: NumPy then returns one element, not an array).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ChoiceOutput {
    /// The chosen indices, C order.
    pub(crate) indices: Vec<i64>,
    /// `size` (empty for `size=None`).
    pub(crate) shape: Vec<usize>,
}

/// The probabilities of `choice`, as NumPy validates them against the population size.
///
/// ```
/// use nprand::generator::ChoiceP;
/// let p = ChoiceP::new(&[0.5, 0.5], 2).unwrap();
/// assert_eq!(p.values(), &[0.5, 0.5]);
/// assert_eq!(ChoiceP::new(&[0.5, 0.6], 2).unwrap_err().message(),
///            "Probabilities do not sum to 1. See Notes section of docstring for more information.");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ChoiceP {
    p: Vec<f64>,
}

impl ChoiceP {
    /// NumPy's checks in order: the size (`a and p must have same size`), NaN, negative
    /// entries, and `|sum - 1| > sqrt(eps)` (Kahan sum).
    ///
    /// ```
    /// use nprand::generator::ChoiceP;
    /// assert_eq!(ChoiceP::new(&[1.0], 2).unwrap_err().message(), "a and p must have same size");
    /// assert_eq!(ChoiceP::new(&[-0.5, 1.5], 2).unwrap_err().message(),
    ///            "Probabilities are not non-negative");
    /// ```
    pub fn new(p: &[f64], pop_size: usize) -> Result<Self> {
        if p.len() != pop_size {
            return Err(Error::value("a and p must have same size"));
        }
        let sum = kahan_sum(p);
        if sum.is_nan() {
            return Err(Error::value("Probabilities contain NaN"));
        }
        if p.iter().any(|&x| x < 0.0) {
            return Err(Error::value("Probabilities are not non-negative"));
        }
        let atol = f64::EPSILON.sqrt();
        if (sum - 1.0).abs() > atol {
            return Err(Error::value(
                "Probabilities do not sum to 1. See Notes section of docstring for more information.",
            ));
        }
        Ok(ChoiceP { p: p.to_vec() })
    }

    /// The probabilities.
    ///
    /// ```
    /// assert_eq!(nprand::generator::ChoiceP::new(&[1.0], 1).unwrap().values(), &[1.0]);
    /// ```
    pub fn values(&self) -> &[f64] {
        &self.p
    }
}

/// `np.cumsum(p) / cdf[-1]`.
fn cdf(p: &[f64]) -> Vec<f64> {
    let mut c = Vec::with_capacity(p.len());
    let mut acc = 0.0;
    for &x in p {
        acc += x;
        c.push(acc);
    }
    if let Some(&last) = c.last() {
        for v in c.iter_mut() {
            *v /= last;
        }
    }
    c
}

/// `cdf.searchsorted(u, side='right')`: the number of leading entries `<= u` (NumPy's
/// binary search on a sorted array).
fn searchsorted_right(cdf: &[f64], u: f64) -> usize {
    let (mut lo, mut hi) = (0usize, cdf.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if u < cdf[mid] {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo
}

impl<B: BitGenerator> Generator<B> {
    /// `rng.shuffle(x)` for a 1-d sequence: `for i = n-1 down to 1: swap(x[i],
    /// x[random_interval(i)])`.
    ///
    /// ```
    /// // x = np.arange(10); np.random.default_rng(0).shuffle(x)
    /// let mut x: Vec<i64> = (0..10).collect();
    /// nprand::generator::default_rng(0).shuffle(&mut x);
    /// let mut s = x.clone();
    /// s.sort();
    /// assert_eq!(s, (0..10).collect::<Vec<_>>());
    /// ```
    pub fn shuffle<T>(&mut self, x: &mut [T]) {
        for i in (1..x.len()).rev() {
            let j = random_interval(&mut self.bg, i as u64) as usize;
            x.swap(i, j);
        }
    }

    /// `rng.shuffle(x)` for an n-d array (C order, rows of `row_len` elements): the rows
    /// (axis 0) are shuffled, with the same draws as the 1-d case.
    ///
    /// ```
    /// // x = np.arange(6).reshape(3, 2); np.random.default_rng(0).shuffle(x)
    /// let mut x: Vec<i64> = (0..6).collect();
    /// nprand::generator::default_rng(0).shuffle_rows(&mut x, 2);
    /// let mut order: Vec<i64> = (0..3).collect();
    /// nprand::generator::default_rng(0).shuffle(&mut order);
    /// assert_eq!(x[0], 2 * order[0]);
    /// ```
    pub fn shuffle_rows<T>(&mut self, x: &mut [T], row_len: usize) {
        if row_len == 0 || x.is_empty() {
            return;
        }
        let n = x.len() / row_len;
        for i in (1..n).rev() {
            let j = random_interval(&mut self.bg, i as u64) as usize;
            if i != j {
                for k in 0..row_len {
                    x.swap(i * row_len + k, j * row_len + k);
                }
            }
        }
    }

    /// `rng.permutation(n)`: `arange(n)` shuffled (empty, without a draw, for `n <= 0`).
    ///
    /// ```
    /// // np.random.default_rng(0).permutation(5)
    /// let p = nprand::generator::default_rng(0).permutation(5).unwrap();
    /// let mut s = p.clone();
    /// s.sort();
    /// assert_eq!(s, vec![0, 1, 2, 3, 4]);
    /// ```
    pub fn permutation(&mut self, n: i64) -> Result<Vec<i64>> {
        let mut x = alloc::arange(n)?;
        self.shuffle(&mut x);
        Ok(x)
    }

    /// `rng.permuted(x, axis=axis)` for an array of `shape` (C order): `axis=None` shuffles
    /// all elements as one 1-d array; an axis shuffles each 1-d slice along it
    /// independently (slices in C order of the other axes; each slice draws
    /// `random_interval(i)` for `i = n-1 down to 0`). Returns the new array; NumPy's
    /// `AxisError` for a bad axis. `x.len()` must be the product of `shape` (NumPy's arrays
    /// carry their shape, so this `ValueError` has no NumPy counterpart).
    ///
    /// ```
    /// // np.random.default_rng(0).permuted(np.arange(6).reshape(2, 3), axis=1)
    /// let x: Vec<i64> = (0..6).collect();
    /// let y = nprand::generator::default_rng(0).permuted(&x, &[2, 3], Some(1)).unwrap();
    /// let mut row = y[..3].to_vec();
    /// row.sort();
    /// assert_eq!(row, vec![0, 1, 2]);
    /// ```
    pub fn permuted<T: Clone>(
        &mut self,
        x: &[T],
        shape: &[usize],
        axis: Option<i64>,
    ) -> Result<Vec<T>> {
        let n = alloc::check_shape(shape, alloc::Dtype::I64)?;
        if n != x.len() {
            return Err(Error::value(format!(
                "permuted: {} elements do not fill an array of shape {} (nprand's check: a \
                 NumPy array carries its own shape)",
                x.len(),
                crate::array::shape_repr(shape)
            )));
        }
        let mut out = x.to_vec();
        let Some(axis) = axis else {
            self.shuffle(&mut out);
            return Ok(out);
        };
        let nd = shape.len() as i64;
        if axis < -nd || axis >= nd {
            return Err(Error::new(
                crate::ErrorKind::AxisError,
                format!("axis {axis} is out of bounds for array of dimension {nd}"),
            ));
        }
        let ax = if axis < 0 { axis + nd } else { axis } as usize;
        let axlen = shape[ax];
        let stride: usize = shape[ax + 1..].iter().product();
        let outer: usize = shape[..ax].iter().product();
        for o in 0..outer {
            for inner in 0..stride {
                let base = o * axlen * stride + inner;
                for i in (0..axlen).rev() {
                    let j = random_interval(&mut self.bg, i as u64) as usize;
                    out.swap(base + i * stride, base + j * stride);
                }
            }
        }
        Ok(out)
    }

    /// `rng.choice(a, size, replace, p, shuffle=shuffle)` for an integer population `a`:
    /// indices in `[0, a)`, an array of shape `size` (0-d, one index, for `size=None`).
    /// Errors are NumPy's, in its order (the population, `p`, then the sample size).
    ///
    /// ```
    /// use nprand::default_rng;
    /// // np.random.default_rng(0).choice(10, size=3, replace=False)
    /// let c = default_rng(0).choice_index(10, Some(&[3]), false, None, true).unwrap();
    /// assert_eq!(c.shape, [3]);
    /// // rng.choice(3, p=[0.1, 0.2, 0.7])
    /// let c = default_rng(0).choice_index(3, None, true, Some(&[0.1, 0.2, 0.7]), true).unwrap();
    /// assert!(c.shape.is_empty() && (0..3).contains(&c[0]));
    /// let e = default_rng(0).choice_index(3, Some(&[5]), false, None, true).unwrap_err();
    /// assert_eq!(e.message(), "Cannot take a larger sample than population when replace is False");
    /// ```
    pub fn choice_index(
        &mut self,
        pop: i64,
        size: Option<&[usize]>,
        replace: bool,
        p: Option<&[f64]>,
        shuffle: bool,
    ) -> Result<NdArray<i64>> {
        let nonzero = alloc::takes_samples(size);
        if pop <= 0 && nonzero {
            return Err(Error::value(
                "a must be a positive integer unless no samples are taken",
            ));
        }
        let p = p
            .map(|p| ChoiceP::new(p, pop.max(0) as usize))
            .transpose()?;
        let c = self.choice_indices(pop, size, replace, p.as_ref(), shuffle)?;
        Ok(NdArray {
            shape: c.shape,
            data: c.indices,
        })
    }

    /// `rng.choice(a, size, replace, p, shuffle=shuffle)` for a 1-d array `a` (NumPy's
    /// `axis=0`; for an n-d `a` draw row indices with [`choice_index`](Self::choice_index)
    /// and gather): the chosen elements, an array of shape `size` (0-d, one element, for
    /// `size=None`).
    ///
    /// ```
    /// use nprand::default_rng;
    /// // np.random.default_rng(0).choice([1.5, 2.5, 3.5], size=(2, 2), p=[0.2, 0.3, 0.5])
    /// let a = [1.5, 2.5, 3.5];
    /// let c = default_rng(0).choice(&a, Some(&[2, 2]), true, Some(&[0.2, 0.3, 0.5]), true).unwrap();
    /// assert_eq!(c.shape, [2, 2]);
    /// let i = default_rng(0).choice_index(3, Some(&[2, 2]), true, Some(&[0.2, 0.3, 0.5]), true).unwrap();
    /// assert_eq!(c[3], a[i[3] as usize]);
    /// assert_eq!(default_rng(0).choice::<f64>(&[], None, true, None, true).unwrap_err().message(),
    ///            "a cannot be empty unless no samples are taken");
    /// ```
    pub fn choice<T: Clone>(
        &mut self,
        a: &[T],
        size: Option<&[usize]>,
        replace: bool,
        p: Option<&[f64]>,
        shuffle: bool,
    ) -> Result<NdArray<T>> {
        let c = self.choice_positions(a.len(), size, replace, p, shuffle)?;
        // `a[idx]`: a second array of `size` items.
        let mut data = alloc::reserve(&c.shape, alloc::Dtype::I64, c.indices.len())?;
        data.extend(c.indices.iter().map(|&i| a[i as usize].clone()));
        Ok(NdArray {
            shape: c.shape,
            data,
        })
    }

    /// `rng.choice(a, size, replace, p, axis=axis, shuffle=shuffle)` for an n-d array
    /// `a`: draws positions along `axis` (NumPy's default is 0, the rows) as
    /// [`choice_index`](Self::choice_index) does, then `a.take(idx, axis=axis)`: an array
    /// of shape `a.shape[:axis] + size + a.shape[axis+1:]` (`size=None` drops the axis).
    /// An `axis` beyond `a`'s dimensions is NumPy's `IndexError`.
    ///
    /// ```
    /// use nprand::{array::NdArray, default_rng};
    /// // x = np.arange(12.).reshape(4, 3); np.random.default_rng(0).choice(x, 2)
    /// let x = NdArray::new(vec![4, 3], (0..12).map(f64::from).collect()).unwrap();
    /// let rows = default_rng(0).choice_axis(&x, Some(&[2]), true, None, 0, true).unwrap();
    /// assert_eq!(rows.shape, [2, 3]);
    /// // np.random.default_rng(0).choice(x, 2, replace=False, axis=1)
    /// let cols = default_rng(0).choice_axis(&x, Some(&[2]), false, None, 1, true).unwrap();
    /// assert_eq!(cols.shape, [4, 2]);
    /// ```
    pub fn choice_axis<T: Clone>(
        &mut self,
        a: &NdArray<T>,
        size: Option<&[usize]>,
        replace: bool,
        p: Option<&[f64]>,
        axis: usize,
        shuffle: bool,
    ) -> Result<NdArray<T>> {
        // pop_size = a.shape[axis]: Python tuple indexing.
        let Some(&pop) = a.shape.get(axis) else {
            return Err(Error::new(
                crate::ErrorKind::IndexError,
                "tuple index out of range",
            ));
        };
        let c = self.choice_positions(pop, size, replace, p, shuffle)?;
        a.take(&c.indices, &c.shape, axis)
    }

    /// The positions `choice` draws from an array of `pop` items along its axis: NumPy's
    /// empty-array error, `p` checked against `pop`, then the indices.
    fn choice_positions(
        &mut self,
        pop: usize,
        size: Option<&[usize]>,
        replace: bool,
        p: Option<&[f64]>,
        shuffle: bool,
    ) -> Result<ChoiceOutput> {
        if pop == 0 && alloc::takes_samples(size) {
            return Err(Error::value(
                "a cannot be empty unless no samples are taken",
            ));
        }
        let p = p.map(|p| ChoiceP::new(p, pop)).transpose()?;
        self.choice_indices(pop as i64, size, replace, p.as_ref(), shuffle)
    }

    /// The indices of `choice` once `p` is checked (the evaluator checks the population
    /// and `p` from the call itself first).
    pub(crate) fn choice_indices(
        &mut self,
        pop_size: i64,
        size: Option<&[usize]>,
        replace: bool,
        p: Option<&ChoiceP>,
        shuffle: bool,
    ) -> Result<ChoiceOutput> {
        let shape: Vec<usize> = size.map(<[usize]>::to_vec).unwrap_or_default();
        // NumPy's `np.prod(size)` is never an array, but the draws go to one of `size`.
        // Without replacement and without `p` NumPy draws `np.prod(size)` indices into a
        // flat array and only then sets `idx.shape = size`: more than 64 dimensions raise
        // after the draws there (the state has moved); with replacement or `p` they raise
        // first (`np.zeros(shape)` of `found`).
        let (n, after_draws) = match alloc::check_shape(&shape, alloc::Dtype::I64) {
            Ok(n) => (n, None),
            Err(e) if !replace && p.is_none() && shape.len() > alloc::MAXDIMS => {
                // A product past usize (NumPy's wraps): the error at once, undrawn.
                match shape.iter().try_fold(1usize, |a, &d| a.checked_mul(d)) {
                    Some(n) => (n, Some(e)),
                    None => return Err(e),
                }
            }
            Err(e) => return Err(e),
        };
        if pop_size <= 0 && (size.is_none() || n != 0) {
            return Err(Error::value(
                "a must be a positive integer unless no samples are taken",
            ));
        }
        let pop = pop_size.max(0) as u64;
        let indices: Vec<i64> = if replace {
            match p {
                Some(p) => {
                    let c = cdf(p.values());
                    let mut u = alloc::filled(&shape, alloc::Dtype::F64, 0.0)?;
                    self.random_into(&mut u);
                    let mut idx = alloc::reserve(&shape, alloc::Dtype::I64, n)?;
                    idx.extend(u.iter().map(|&x| searchsorted_right(&c, x) as i64));
                    idx
                }
                None => {
                    let mut idx = alloc::reserve(&shape, alloc::Dtype::I64, n)?;
                    if n != 0 {
                        let mut b = Bounded::new(&mut self.bg);
                        idx.extend((0..n).map(|_| b.u64(0, pop - 1) as i64));
                    }
                    idx
                }
            }
        } else {
            if n as u64 > pop {
                return Err(Error::value(
                    "Cannot take a larger sample than population when replace is False",
                ));
            }
            match p {
                Some(p) => {
                    let mut p = p.values().to_vec();
                    if p.iter().filter(|&&x| x > 0.0).count() < n {
                        return Err(Error::value("Fewer non-zero entries in p than size"));
                    }
                    let mut found: Vec<i64> = alloc::reserve(&shape, alloc::Dtype::I64, n)?;
                    while found.len() < n {
                        let mut x = alloc::filled(&[n - found.len()], alloc::Dtype::F64, 0.0)?;
                        self.random_into(&mut x);
                        for &f in &found {
                            p[f as usize] = 0.0;
                        }
                        let c = cdf(&p);
                        let mut seen = HashSet::new();
                        for &u in &x {
                            let k = searchsorted_right(&c, u) as i64;
                            if seen.insert(k) {
                                found.push(k);
                            }
                        }
                    }
                    found
                }
                None => self.choice_no_replace(pop, n as u64, shuffle)?,
            }
        };
        if let Some(e) = after_draws {
            // `idx.shape = size`: NumPy's error for the dimensions.
            return Err(e);
        }
        Ok(ChoiceOutput { indices, shape })
    }

    /// `replace=False` without `p`: a tail shuffle for large populations, Floyd's
    /// algorithm (then a shuffle of the sample, if asked) otherwise.
    fn choice_no_replace(&mut self, pop: u64, size: u64, shuffle: bool) -> Result<Vec<i64>> {
        let cutoff = if shuffle { 50 } else { 20 };
        if size == 0 {
            return Ok(Vec::new());
        }
        if pop > 10000 && size > pop / cutoff {
            // np.PyArray_Arange(0, pop_size, 1, np.NPY_INT64)
            let mut idx = alloc::arange(pop as i64)?;
            let first = (pop - size).max(1);
            for i in (first..pop).rev() {
                let j = bounded_u64(&mut self.bg, i) as usize;
                idx.swap(i as usize, j);
            }
            idx.drain(..(pop - size) as usize);
            return Ok(idx);
        }
        // idx_data = np.empty(size, dtype=np.int64); hash_set = np.empty(set_size, uint64)
        // with set_size = 1 + _gen_mask(int(1.2 * size)).
        let mut idx = alloc::reserve(&[size as usize], alloc::Dtype::I64, size as usize)?;
        let set_size = ((1.2 * size as f64) as u64 + 1).next_power_of_two() as usize;
        let mut set = HashSet::new();
        // NumPy's MemoryError for a set it cannot allocate (a BTreeSet, without `std`,
        // allocates per node; `idx` above has already checked `size`).
        #[cfg(feature = "std")]
        set.try_reserve(size as usize)
            .map_err(|_| alloc::memory_error(&[set_size], alloc::Dtype::U64))?;
        #[cfg(not(feature = "std"))]
        let _ = set_size;
        for j in pop - size..pop {
            let val = bounded_u64(&mut self.bg, j);
            if set.insert(val) {
                idx.push(val as i64);
            } else {
                set.insert(j);
                idx.push(j as i64);
            }
        }
        if shuffle {
            for i in (1..size as usize).rev() {
                let j = bounded_u64(&mut self.bg, i as u64) as usize;
                idx.swap(i, j);
            }
        }
        Ok(idx)
    }
}

permutation_methods! {
    impl[B: BitGenerator] Generator<B>, rust "nprand::default_rng(1)", numpy "np.random.default_rng(1)";
}
