//! NumPy's limits on an array's shape and the one place nprand allocates a result whose
//! size a caller chose: a size that cannot be allocated is an `Err` (NumPy's
//! `ValueError`/`MemoryError` text), never a panic or an abort, and it is found before
//! anything is drawn, so the generator has not moved.
//!
//! NumPy's `PyArray_NewFromDescr` (numpy/_core/src/multiarray/ctors.c) checks, in order:
//! at most `NPY_MAXDIMS` (64) dimensions, every dimension within `npy_intp`, and
//! `itemsize * prod(nonzero dims)` within `npy_intp` (zero dimensions are skipped, so
//! `(0, 2**62, 2**62)` is "too big" although it has no element). Then it calls `malloc`,
//! whose failure is `_ArrayMemoryError` (numpy/_core/_exceptions.py). nprand's
//! counterpart of `malloc` failing is `Vec::try_reserve_exact` failing.

use crate::array::dims_repr;
use crate::error::{Error, ErrorKind, Result};
use crate::prelude::*;

/// NumPy's `NPY_MAXDIMS`.
pub(crate) const MAXDIMS: usize = 64;

/// A NumPy dtype as its size checks and its `MemoryError` message see it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Dtype {
    name: &'static str,
    itemsize: usize,
}

impl Dtype {
    pub(crate) const F64: Dtype = Dtype::new("float64", 8);
    pub(crate) const F32: Dtype = Dtype::new("float32", 4);
    pub(crate) const I64: Dtype = Dtype::new("int64", 8);
    pub(crate) const U32: Dtype = Dtype::new("uint32", 4);
    pub(crate) const U64: Dtype = Dtype::new("uint64", 8);

    /// The size of one element in bytes (the evaluator's size checks read it).
    #[cfg_attr(not(feature = "eval"), allow(dead_code))]
    pub(crate) const fn itemsize(self) -> usize {
        self.itemsize
    }

    /// The dtype `name` with `itemsize` bytes per element (e.g. `integers`' `uint8`).
    pub(crate) const fn new(name: &'static str, itemsize: usize) -> Dtype {
        Dtype { name, itemsize }
    }
}

/// `np.take`'s check of its result's dimensions (`choice` with `axis` meets it after
/// its draws).
pub(crate) fn check_take_ndim(ndim: usize) -> Result<()> {
    if ndim > MAXDIMS {
        return Err(Error::value(format!(
            "number of dimensions must be within [0, {MAXDIMS}]"
        )));
    }
    Ok(())
}

/// NumPy's `array is too big` (the byte size overflows `npy_intp`).
pub(crate) fn too_big() -> Error {
    Error::value(
        "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible \
         size.",
    )
}

/// The number of elements of an array of `shape`, after NumPy's checks on it (see the
/// module header). Nothing is allocated.
pub(crate) fn check_shape(shape: &[usize], dtype: Dtype) -> Result<usize> {
    if shape.len() > MAXDIMS {
        return Err(Error::value(format!(
            "maximum supported dimension for an ndarray is currently {MAXDIMS}, found {}",
            shape.len()
        )));
    }
    // A usize beyond npy_intp: NumPy's `PyArray_IntpConverter` refuses the Python int.
    if shape.iter().any(|&d| d > isize::MAX as usize) {
        return Err(Error::value("Maximum allowed dimension exceeded"));
    }
    let mut nbytes = dtype.itemsize;
    for &d in shape.iter().filter(|&&d| d != 0) {
        nbytes = nbytes
            .checked_mul(d)
            .filter(|&b| b <= isize::MAX as usize)
            .ok_or_else(too_big)?;
    }
    // The nonzero dimensions' product is at most `nbytes`, so this cannot overflow.
    Ok(shape.iter().product())
}

/// An empty `Vec` with room for `len` items, or `err()` where the allocation fails
/// (nprand's one `try_reserve`: the process never aborts on a size a caller chose).
pub(crate) fn try_vec<T>(len: usize, err: impl FnOnce() -> Error) -> Result<Vec<T>> {
    let mut v = Vec::new();
    v.try_reserve_exact(len).map_err(|_| err())?;
    Ok(v)
}

/// Room for NumPy's array of `shape` and `dtype` (checked with [`check_shape`]):
/// `len` items of `T` (usually the element count; `bytes` keeps `u8`s for `uint32`
/// words), or NumPy's `MemoryError` naming that array.
pub(crate) fn reserve<T>(shape: &[usize], dtype: Dtype, len: usize) -> Result<Vec<T>> {
    try_vec(len, || memory_error(shape, dtype))
}

/// NumPy's array of `shape` and `dtype`, every element `fill`: [`check_shape`], then
/// [`reserve`].
pub(crate) fn filled<T: Clone>(shape: &[usize], dtype: Dtype, fill: T) -> Result<Vec<T>> {
    let n = check_shape(shape, dtype)?;
    let mut v = reserve(shape, dtype, n)?;
    v.resize(n, fill);
    Ok(v)
}

/// NumPy's `np.prod(size) != 0` in `choice`'s population checks (`np.prod(None)` is
/// `None`, which is `!= 0` too).
pub(crate) fn takes_samples(size: Option<&[usize]>) -> bool {
    size.is_none_or(|s| s.iter().all(|&d| d != 0))
}

/// `np.zeros(size + (k,))`, the output of `multinomial`, `dirichlet` and
/// `multivariate_hypergeometric` (`(k,)` for `size=None`), with its shape.
pub(crate) fn zeros_rows<T: Clone + Default>(
    size: Option<&[usize]>,
    k: usize,
    dtype: Dtype,
) -> Result<crate::array::NdArray<T>> {
    let mut shape = size.unwrap_or(&[]).to_vec();
    shape.push(k);
    let data = filled(&shape, dtype, T::default())?;
    Ok(crate::array::NdArray { shape, data })
}

/// `np.arange(n)` as int64 (empty for `n <= 0`), the start of every `permutation(n)`.
pub(crate) fn arange(n: i64) -> Result<Vec<i64>> {
    // Beyond a 32-bit target's address space: NumPy's (64-bit) MemoryError, not a
    // truncated length.
    let Ok(len) = usize::try_from(n.max(0)) else {
        return Err(Error::new(
            ErrorKind::MemoryError,
            format!(
                "Unable to allocate {} for an array with shape ({n},) and data type int64",
                size_to_string(n as u128 * 8)
            ),
        ));
    };
    let shape = [len];
    let len = check_shape(&shape, Dtype::I64)?;
    let mut v = reserve(&shape, Dtype::I64, len)?;
    v.extend(0..n.max(0));
    Ok(v)
}

/// Zeroed room for `bytes(length)` (both front-ends): NumPy draws `(length - 1) // 4 + 1`
/// `uint32` words (one for `length == 0`) into an array, so its limits are that array's;
/// a `length` beyond a C `long` is the conversion's `OverflowError`.
pub(crate) fn bytes_words(length: usize) -> Result<Vec<u8>> {
    if length > i64::MAX as usize {
        return Err(Error::new(
            ErrorKind::OverflowError,
            "Python int too large to convert to C long",
        ));
    }
    let words = if length == 0 { 1 } else { (length - 1) / 4 + 1 };
    check_shape(&[words], Dtype::U32)?;
    let mut v = reserve(&[words], Dtype::U32, words * 4)?;
    v.resize(words * 4, 0);
    Ok(v)
}

/// CPython's bare `MemoryError` (a list that cannot grow), which has no message.
pub(crate) fn bare_memory_error() -> Error {
    Error::new(ErrorKind::MemoryError, "")
}

/// NumPy's `_ArrayMemoryError`: `Unable to allocate 8.00 TiB for an array with shape
/// (1099511627776,) and data type int64`.
pub(crate) fn memory_error(shape: &[usize], dtype: Dtype) -> Error {
    let wide: Vec<u64> = shape.iter().map(|&d| d as u64).collect();
    memory_error_u64(&wide, dtype)
}

/// [`memory_error`] for a shape given in 64-bit dimensions, which a 32-bit `usize`
/// cannot hold (the evaluator's sizes are NumPy's 64-bit ones on every target).
pub(crate) fn memory_error_u64(shape: &[u64], dtype: Dtype) -> Error {
    let nbytes = shape
        .iter()
        .fold(dtype.itemsize as u128, |a, &d| a.saturating_mul(d as u128));
    Error::new(
        ErrorKind::MemoryError,
        format!(
            "Unable to allocate {} for an array with shape {} and data type {}",
            size_to_string(nbytes),
            dims_repr(shape),
            dtype.name
        ),
    )
}

/// `_ArrayMemoryError._size_to_string`: binary units, three significant figures
/// (`'{:#.3g}'`, so `128.` keeps its point), all the digits from 1000 units up.
fn size_to_string(num_bytes: u128) -> String {
    const UNITS: [&str; 7] = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
    let bit_length = 128 - num_bytes.leading_zeros() as usize;
    let mut unit_i = (bit_length.max(2) - 1) / 10;
    // Dividing by a power of two is exact, so this is Python's `int / int`.
    let mut n_units = num_bytes as f64 / (1u128 << (unit_i * 10)) as f64;
    if n_units.round_ties_even() == 1024.0 {
        unit_i += 1;
        n_units /= 1024.0;
    }
    if unit_i >= UNITS.len() {
        n_units *= (1u128 << ((unit_i - (UNITS.len() - 1)) * 10)) as f64;
        unit_i = UNITS.len() - 1;
    }
    let unit = UNITS[unit_i];
    if unit_i == 0 {
        format!("{n_units:.0} {unit}")
    } else if n_units.round_ties_even() < 1000.0 {
        format!("{} {unit}", alt_g3(n_units))
    } else {
        format!("{n_units:.0}. {unit}")
    }
}

/// Python's `'{:#.3g}'` for `1 <= x < 999.5`: `%e`'s exponent after rounding to three
/// figures picks the decimals; `#` keeps the trailing zeros and the point.
fn alt_g3(x: f64) -> String {
    let e = format!("{x:.2e}");
    let exp: usize = e.split_once('e').map_or(0, |(_, p)| p.parse().unwrap_or(0));
    match 2usize.saturating_sub(exp) {
        0 => format!("{x:.0}."),
        d => format!("{x:.d$}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (bytes, `_ArrayMemoryError._size_to_string(bytes)`), from scripts/fixgen/limits.py.
    fn fixture() -> Vec<(u128, String)> {
        let text = include_str!("../../fixtures/limits/size_to_string.json");
        let v: Vec<(String, String)> = serde_json::from_str(text).unwrap();
        v.into_iter()
            .map(|(n, s)| (n.parse().unwrap(), s))
            .collect()
    }

    #[test]
    fn size_to_string_is_numpys() {
        let cases = fixture();
        assert!(cases.len() > 20);
        for (n, want) in cases {
            assert_eq!(size_to_string(n), want, "{n} bytes");
        }
    }

    // NumPy's limits of a 64-bit address space (on 32-bit targets such as wasm32 the
    // shapes here do not fit a usize).
    #[cfg(target_pointer_width = "64")]
    #[test]
    fn shape_checks_in_numpys_order() {
        let too_many = vec![1usize; 65];
        assert!(check_shape(&too_many, Dtype::F64).is_err());
        assert_eq!(check_shape(&[1; 64], Dtype::F64).unwrap(), 1);
        assert_eq!(check_shape(&[0, 5], Dtype::F64).unwrap(), 0);
        assert!(check_shape(&[0, 1 << 62, 1 << 62], Dtype::F64).is_err());
        assert_eq!(check_shape(&[1 << 59], Dtype::F64).unwrap(), 1 << 59);
        assert!(check_shape(&[1 << 60], Dtype::F64).is_err());
        assert!(check_shape(&[1 << 60], Dtype::F32).is_ok());
    }

    #[cfg(target_pointer_width = "64")]
    #[test]
    fn an_impossible_allocation_is_an_error() {
        // 4 EiB: more than any 64-bit address space.
        let e = filled(&[1 << 59], Dtype::F64, 0.0f64).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::MemoryError);
        assert!(try_vec::<u64>(usize::MAX / 8, bare_memory_error).is_err());
    }
}
