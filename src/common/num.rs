//! Parameter values as NumPy's `_common` converts them: float64 or int64 (C long).

/// A parameter value: float64 for continuous parameters, int64 (C long) for integer
/// ones (binomial's `n`, hypergeometric's counts).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Num {
    /// A float64 parameter.
    F(f64),
    /// An int64 parameter.
    I(i64),
}

impl Num {
    /// The value as f64 (ints converted as C does).
    ///
    /// ```
    /// assert_eq!(nprand::common::Num::I(3).f(), 3.0);
    /// ```
    #[inline]
    pub fn f(self) -> f64 {
        match self {
            Num::F(x) => x,
            Num::I(i) => i as f64,
        }
    }

    /// The value as i64 (floats truncated toward zero, as NumPy's integer cast does).
    ///
    /// ```
    /// assert_eq!(nprand::common::Num::F(10.7).i(), 10);
    /// ```
    #[inline]
    pub fn i(self) -> i64 {
        match self {
            Num::F(x) => c_long(x),
            Num::I(i) => i,
        }
    }
}

/// C's `(long)x` on x86-64 (`cvttsd2si`): truncation, and `i64::MIN` for NaN or
/// out-of-range values, where Rust's `as` would saturate.
///
/// ```
/// use nprand::common::c_long;
/// assert_eq!(c_long(-2.7), -2);
/// assert_eq!(c_long(f64::NAN), i64::MIN);
/// assert_eq!(c_long(1e300), i64::MIN);
/// ```
#[inline]
pub fn c_long(x: f64) -> i64 {
    if !(-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&x) {
        i64::MIN
    } else {
        x as i64
    }
}

/// NumPy's `kahan_sum` (compensated sum from the first element), which both front-ends'
/// `choice`/`multinomial` use to check that `p` sums to 1.
///
/// ```
/// assert_eq!(nprand::common::kahan_sum(&[0.1; 10]), 1.0);
/// assert_eq!(nprand::common::kahan_sum(&[]), 0.0);
/// ```
pub fn kahan_sum(v: &[f64]) -> f64 {
    let Some((&first, rest)) = v.split_first() else {
        return 0.0;
    };
    let (mut sum, mut c) = (first, 0.0);
    for &x in rest {
        let y = x - c;
        let t = sum + y;
        c = (t - sum) - y;
        sum = t;
    }
    sum
}
