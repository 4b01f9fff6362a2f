//! CPython 3.11's float statistics experiments apply to draws (feature `python`):
//! `math.fsum`, `statistics.fmean`, `statistics.mean` and `statistics.quantiles` on a
//! list of floats, with CPython's results bit for bit and its exceptions.

use crate::error::{Error, ErrorKind, Result};
use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{ToPrimitive, Zero};

fn statistics_error(msg: &str) -> Error {
    Error::new(ErrorKind::StatisticsError, msg)
}

/// `math.fsum(xs)`: `math_fsum` of CPython's `Modules/mathmodule.c` (Shewchuk's exact
/// partials, then the half-even correction across partials). A NaN or infinity among
/// the inputs gives their plain sum; `inf + -inf` is CPython's `ValueError`, a finite
/// overflow its `OverflowError`.
///
/// ```
/// use nprand::numpy::py::fsum;
/// assert_eq!(fsum(&[0.1; 10]).unwrap(), 1.0);
/// assert_eq!(fsum(&[1e100, 1.0, -1e100, 1e-100]).unwrap(), 1.0);
/// assert!(fsum(&[f64::INFINITY, f64::NEG_INFINITY]).is_err());
/// ```
pub fn fsum(xs: &[f64]) -> Result<f64> {
    let mut p: Vec<f64> = Vec::new();
    let (mut special_sum, mut inf_sum) = (0.0f64, 0.0f64);
    for &xsave in xs {
        let mut x = xsave;
        let mut i = 0;
        for j in 0..p.len() {
            let mut y = p[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let yr = hi - x;
            let lo = y - yr;
            if lo != 0.0 {
                p[i] = lo;
                i += 1;
            }
            x = hi;
        }
        p.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err(Error::new(
                        ErrorKind::OverflowError,
                        "intermediate overflow in fsum",
                    ));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                p.clear();
            } else {
                p.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(Error::value("-inf + inf in fsum"));
        }
        return Ok(special_sum);
    }
    let mut hi = 0.0;
    let mut n = p.len();
    if n > 0 {
        n -= 1;
        hi = p[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(hi)
}

/// `statistics.fmean(xs)`: `fsum(xs) / len(xs)`; no data is CPython's
/// `StatisticsError: fmean requires at least one data point`.
///
/// ```
/// assert_eq!(nprand::numpy::py::fmean(&[3.5, 4.0, 5.25]).unwrap(), 4.25);
/// assert!(nprand::numpy::py::fmean(&[]).is_err());
/// ```
pub fn fmean(xs: &[f64]) -> Result<f64> {
    let total = fsum(xs)?;
    if xs.is_empty() {
        return Err(statistics_error("fmean requires at least one data point"));
    }
    Ok(total / xs.len() as f64)
}

/// `x` as `m · 2^(e - 1074)`: the mantissa scaled to a common exponent.
fn exact(x: f64) -> BigInt {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as u32;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, shift) = if exp == 0 {
        (frac, 0)
    } else {
        (frac | (1u64 << 52), exp - 1)
    };
    let v = BigInt::from(m) << shift;
    if x.is_sign_negative() {
        -v
    } else {
        v
    }
}

/// `num / den` rounded to the nearest float, ties to even (CPython's `int / int`, the
/// `float(Fraction)` of `statistics._convert`). `den > 0`.
fn ratio_to_f64(num: &BigInt, den: &BigUint) -> f64 {
    let (sign, a) = (num.sign(), num.magnitude());
    if a.is_zero() {
        return 0.0;
    }
    // The result's binary exponent E: 2^E <= a / den < 2^(E+1).
    let d = a.bits() as i64 - den.bits() as i64;
    let ge = |a: &BigUint, den: &BigUint, d: i64| {
        if d >= 0 {
            *a >= den << d as u64
        } else {
            (a << (-d) as u64) >= *den
        }
    };
    let e = if ge(a, den, d) { d } else { d - 1 };
    if e > 1023 {
        let inf = f64::INFINITY;
        return if sign == Sign::Minus { -inf } else { inf };
    }
    // Quotient in units of the result's last place (53 bits, fewer when subnormal).
    let ulp = (e - 52).max(-1074);
    let (scaled_a, scaled_den) = if ulp <= 0 {
        (a << (-ulp) as u64, den.clone())
    } else {
        (a.clone(), den << ulp as u64)
    };
    let q = &scaled_a / &scaled_den;
    let r2 = (&scaled_a - &q * &scaled_den) << 1u32;
    let mut q = q.to_u64().unwrap_or(u64::MAX);
    if r2 > scaled_den || (r2 == scaled_den && q & 1 == 1) {
        q += 1;
    }
    // q <= 2^53, exact; 2^ulp is a float (ulp >= -1074), so the product is exact unless
    // rounding carried past the largest finite float.
    let pow = if ulp >= -1022 {
        f64::from_bits(((ulp + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (ulp + 1074))
    };
    let v = q as f64 * pow;
    if sign == Sign::Minus {
        -v
    } else {
        v
    }
}

/// `statistics.mean(xs)` on floats: the exact sum (as a `Fraction`) divided by the
/// count, rounded once. NaNs and infinities are summed apart, in order, and divided by
/// the count as floats, as `statistics._sum` does; no data is CPython's
/// `StatisticsError: mean requires at least one data point`.
///
/// ```
/// use nprand::numpy::py::mean;
/// assert_eq!(mean(&[1e50, 1.0, -1e50]).unwrap(), 1.0 / 3.0);
/// assert_eq!(mean(&[0.1; 10]).unwrap(), 0.1);
/// assert!(mean(&[]).is_err());
/// ```
pub fn mean(xs: &[f64]) -> Result<f64> {
    if xs.is_empty() {
        return Err(statistics_error("mean requires at least one data point"));
    }
    let n = xs.len() as f64;
    if xs.iter().any(|x| !x.is_finite()) {
        let mut total = 0.0;
        for &x in xs.iter().filter(|x| !x.is_finite()) {
            total += x;
        }
        return Ok(total / n);
    }
    let sum: BigInt = xs.iter().map(|&x| exact(x)).sum();
    let den = BigUint::from(xs.len()) << 1074u32;
    Ok(ratio_to_f64(&sum, &den))
}

/// `statistics.quantiles`' `method`.
///
/// ```
/// use nprand::numpy::py::{quantiles, QuantileMethod};
/// let q = quantiles(&[1.0, 2.0, 3.0, 4.0, 5.0], 4, QuantileMethod::Inclusive).unwrap();
/// assert_eq!(q, vec![2.0, 3.0, 4.0]); // statistics.quantiles(..., method='inclusive')
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum QuantileMethod {
    /// `'exclusive'` (the default): the data as a sample, `m = len + 1`.
    #[default]
    Exclusive,
    /// `'inclusive'`: the data as the population, `m = len - 1`.
    Inclusive,
}

/// `statistics.quantiles(xs, n=n, method=method)`: the `n - 1` cut points, each
/// `(data[j-1]·(n - delta) + data[j]·delta) / n` on the sorted data with CPython's
/// integer `j` and `delta`. `n < 1` and fewer than two data points are CPython's
/// `StatisticsError`s. (With NaNs in the data CPython's sort order is not defined;
/// this sorts NaNs last.)
///
/// ```
/// use nprand::numpy::py::{quantiles, QuantileMethod};
/// let q = quantiles(&[1.0, 2.0, 3.0, 4.0, 5.0], 4, QuantileMethod::Exclusive).unwrap();
/// assert_eq!(q, vec![1.5, 3.0, 4.5]);
/// assert!(quantiles(&[1.0], 4, QuantileMethod::Exclusive).is_err());
/// ```
pub fn quantiles(xs: &[f64], n: i64, method: QuantileMethod) -> Result<Vec<f64>> {
    if n < 1 {
        return Err(statistics_error("n must be at least 1"));
    }
    let data = super::sort::sort(xs);
    let ld = data.len() as i128;
    if ld < 2 {
        return Err(statistics_error("must have at least two data points"));
    }
    let n128 = n as i128;
    let mut out =
        crate::common::alloc::try_vec((n - 1) as usize, || Error::new(ErrorKind::MemoryError, ""))?;
    for i in 1..n128 {
        let v = match method {
            QuantileMethod::Inclusive => {
                let m = ld - 1;
                let (j, delta) = ((i * m) / n128, (i * m) % n128);
                let j = j as usize;
                (data[j] * (n128 - delta) as f64 + data[j + 1] * delta as f64) / n as f64
            }
            QuantileMethod::Exclusive => {
                let m = ld + 1;
                let j = (i * m / n128).clamp(1, ld - 1);
                let delta = i * m - j * n128;
                let j = j as usize;
                (data[j - 1] * (n128 - delta) as f64 + data[j] * delta as f64) / n as f64
            }
        };
        out.push(v);
    }
    Ok(out)
}
