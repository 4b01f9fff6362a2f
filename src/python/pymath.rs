//! Python's float arithmetic and `math` functions, with their exceptions.
//!
//! The elementary functions (`log`, `exp`, `cos`, `sin`, `acos`, `log2`, `pow`, `sqrt`)
//! are the platform libm's, as in CPython: Rust's std calls the same glibc symbols.
//! `lgamma` is CPython's own Lanczos implementation (`m_lgamma` in
//! `Modules/mathmodule.c`), not the C library's.

use crate::error::{Error, ErrorKind, Result};
use crate::math::np::{NpMath, NpMathF64};

fn domain() -> Error {
    Error::value("math domain error")
}

fn range() -> Error {
    Error::new(ErrorKind::OverflowError, "math range error")
}

/// `x / y` on Python floats: `ZeroDivisionError: float division by zero`.
pub(crate) fn div(x: f64, y: f64) -> Result<f64> {
    if y == 0.0 {
        return Err(Error::new(
            ErrorKind::ZeroDivisionError,
            "float division by zero",
        ));
    }
    Ok(x / y)
}

/// `x % y` on Python floats: the result takes the sign of `y` (CPython's `float_rem`).
pub(crate) fn rem(x: f64, y: f64) -> Result<f64> {
    if y == 0.0 {
        return Err(Error::new(ErrorKind::ZeroDivisionError, "float modulo"));
    }
    let mut m = x % y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    Ok(m)
}

/// `math.log(x)`.
pub(crate) fn log(x: f64) -> Result<f64> {
    if x.is_nan() || x == f64::INFINITY {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain());
    }
    Ok(x.np_log())
}

/// `math.log2(x)` (glibc's `log2`, which CPython calls when the platform has it).
pub(crate) fn log2(x: f64) -> Result<f64> {
    if x.is_nan() || x == f64::INFINITY {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain());
    }
    Ok(x.np_log2())
}

/// `math.exp(x)`: `OverflowError: math range error` when a finite x overflows.
pub(crate) fn exp(x: f64) -> Result<f64> {
    let r = x.np_exp();
    if r.is_infinite() && x.is_finite() {
        return Err(range());
    }
    Ok(r)
}

/// `math.acos(x)`: `ValueError: math domain error` outside [-1, 1].
pub(crate) fn acos(x: f64) -> Result<f64> {
    if x.is_nan() {
        return Ok(x);
    }
    if !(-1.0..=1.0).contains(&x) {
        return Err(domain());
    }
    Ok(x.np_acos())
}

/// `math.sqrt(x)`: `ValueError` for negative x.
pub(crate) fn sqrt(x: f64) -> Result<f64> {
    if x < 0.0 {
        return Err(domain());
    }
    Ok(x.sqrt())
}

/// `int(x)`'s refusals of a float: NaN is a `ValueError`, an infinity an
/// `OverflowError`.
pub(crate) fn int_convertible(x: f64) -> Result<()> {
    if x.is_nan() {
        return Err(Error::value("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(Error::new(
            ErrorKind::OverflowError,
            "cannot convert float infinity to integer",
        ));
    }
    Ok(())
}

/// `math.floor(x)` as a Python int (here i128, enough for every caller).
pub(crate) fn floor(x: f64) -> Result<i128> {
    int_convertible(x)?;
    let f = x.floor();
    if f.abs() >= 1.7e38 {
        return Err(Error::new(
            ErrorKind::NotImplementedError,
            "integer result beyond 128 bits",
        ));
    }
    Ok(f as i128)
}

fn is_odd_integer(y: f64) -> bool {
    // DOUBLE_IS_ODD_INTEGER: fmod(fabs(y), 2.0) == 1.0
    (y.abs() % 2.0) == 1.0
}

/// `x ** y` on Python floats (CPython's `float_pow`): special cases first, then libm
/// `pow`; an overflow is `OverflowError: (34, 'Numerical result out of range')`.
pub(crate) fn pow(x: f64, y: f64) -> Result<f64> {
    if y == 0.0 {
        return Ok(1.0);
    }
    if x.is_nan() {
        return Ok(x);
    }
    if y.is_nan() {
        return Ok(if x == 1.0 { 1.0 } else { y });
    }
    if y.is_infinite() {
        let ax = x.abs();
        return Ok(if ax == 1.0 {
            1.0
        } else if (y > 0.0) == (ax > 1.0) {
            f64::INFINITY
        } else {
            0.0
        });
    }
    if x.is_infinite() {
        let odd = is_odd_integer(y);
        return Ok(if y > 0.0 {
            if odd {
                x
            } else {
                x.abs()
            }
        } else if odd {
            0.0f64.copysign(x)
        } else {
            0.0
        });
    }
    if x == 0.0 {
        if y < 0.0 {
            return Err(Error::new(
                ErrorKind::ZeroDivisionError,
                "0.0 cannot be raised to a negative power",
            ));
        }
        return Ok(if is_odd_integer(y) { x } else { 0.0 });
    }
    let mut base = x;
    let mut negate = false;
    if x < 0.0 {
        if y != y.floor() {
            return Err(Error::new(
                ErrorKind::NotImplementedError,
                "a negative float to a fractional power is complex in Python",
            ));
        }
        base = -x;
        negate = is_odd_integer(y);
    }
    if base == 1.0 {
        return Ok(if negate { -1.0 } else { 1.0 });
    }
    let r = base.np_pow(y);
    if r.is_infinite() {
        return Err(Error::new(
            ErrorKind::OverflowError,
            "(34, 'Numerical result out of range')",
        ));
    }
    Ok(if negate { -r } else { r })
}

// Exactly representable (a dyadic rational), as in CPython.
#[allow(clippy::excessive_precision)]
const LANCZOS_G: f64 = 6.024_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];
#[allow(clippy::excessive_precision)]
const LOGPI: f64 = 1.144729885849400174143427351353058711647;

fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0f64, 0.0f64);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// `sin(pi*x)`, exact at integers (CPython's `sinpi`).
fn sinpi(x: f64) -> f64 {
    let pi = std::f64::consts::PI;
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => (pi * y).np_sin(),
        1 => (pi * (y - 0.5)).np_cos(),
        2 => (pi * (1.0 - y)).np_sin(),
        3 => -(pi * (y - 1.5)).np_cos(),
        _ => (pi * (y - 2.0)).np_sin(),
    };
    1.0f64.copysign(x) * r
}

/// CPython's `math.lgamma(x)` (its own Lanczos code, `m_lgamma`), bit for bit.
///
/// glibc's `lgamma` differs from it in the last bits for about half of all inputs,
/// so `binomialvariate` needs this one. Poles (0, -1, -2, ...) are
/// `ValueError: math domain error`; an overflow is `OverflowError: math range error`.
///
/// ```
/// use nprand::python::lgamma;
/// // math.lgamma(1.0) == math.lgamma(2.0) == 0.0; math.lgamma(0.0) raises ValueError
/// assert_eq!(lgamma(1.0).unwrap(), 0.0);
/// assert_eq!(lgamma(2.0).unwrap(), 0.0);
/// assert!(lgamma(0.0).is_err());
/// // math.lgamma(10.5) is close to ln(Gamma(10.5))
/// assert!((lgamma(10.5).unwrap() - 13.940625219403763).abs() < 1e-12);
/// ```
pub fn lgamma(x: f64) -> Result<f64> {
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return Err(domain());
        }
        return Ok(0.0);
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(-absx.np_log());
    }
    let mut r = lanczos_sum(absx).np_log() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).np_log() - 1.0);
    if x < 0.0 {
        r = LOGPI - sinpi(absx).abs().np_log() - absx.np_log() - r;
    }
    if r.is_infinite() {
        return Err(range());
    }
    Ok(r)
}
