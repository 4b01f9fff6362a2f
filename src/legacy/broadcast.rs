//! Array-valued parameters: NumPy's `cont`/`disc` machinery (`_common.pyx`) for every
//! distribution described by a [`DistSpec`].
//!
//! # Quick start
//! ```
//! use nprand::array::NdArray;
//! use nprand::legacy::broadcast::{find, Num};
//! let mut rs = nprand::RandomState::new(0);
//! // rs.normal([0, 10], [[1], [2], [3]])  -> shape (3, 2), drawn in C order
//! let loc = NdArray::from_vec(vec![Num::F(0.0), Num::F(10.0)]);
//! let scale = NdArray::new(vec![3, 1], vec![Num::F(1.0), Num::F(2.0), Num::F(3.0)]).unwrap();
//! let out = rs.broadcast(find("normal").unwrap(), &[loc, scale], None).unwrap();
//! assert_eq!(out.shape(), &[3, 2]);
//! ```
//!
//! Semantics reproduced: the scalar path (every parameter 0-d: scalar constraint
//! messages, one value or `size` values), the array path (array constraint messages,
//! e.g. `p contains NaNs`; all checks before any draw; output shape = `size` or the
//! broadcast shape; elements drawn in C order over the output), and NumPy's broadcast
//! error messages.

use super::RandomState;
use crate::array::{broadcast_indices, broadcast_shapes, shape_repr, NdArray};
use crate::error::{Error, Result};

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
    /// assert_eq!(nprand::legacy::broadcast::Num::I(3).f(), 3.0);
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
    /// assert_eq!(nprand::legacy::broadcast::Num::F(10.7).i(), 10);
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
/// use nprand::legacy::broadcast::c_long;
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

/// NumPy's parameter constraint kinds (`constraint_type` in `_common.pxd`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cons {
    /// No check.
    None,
    /// `{n} < 0`: rejects negatives including -0.0; NaN passes.
    NonNegative,
    /// `{n} <= 0`; NaN passes.
    Positive,
    /// `{n} < 0, {n} > 1 or {n} is NaN`.
    Bounded01,
    /// `{n} <= 0, {n} > 1 or {n} contains NaNs`.
    BoundedGt01,
    /// `{n} < 0, {n} >= 1 or {n} is NaN`.
    BoundedLt01,
    /// `{n} <= 1 or {n} is NaN`.
    Gt1,
    /// `{n} < 1 or {n} is NaN`.
    Gte1,
    /// Poisson's `lam`: `lam < 0 or lam is NaN`, `lam value too large`.
    LegacyPoisson,
}

/// `LEGACY_POISSON_LAM_MAX`: `(double)LONG_MAX - sqrt(LONG_MAX) * 10`.
pub const POISSON_LAM_MAX: f64 = 9.223372006484771e18;

impl Cons {
    /// Check one scalar value (NumPy's `check_constraint`).
    ///
    /// ```
    /// use nprand::legacy::broadcast::Cons;
    /// assert_eq!(Cons::Bounded01.check_scalar(1.5, "p").unwrap_err().message(),
    ///            "p < 0, p > 1 or p is NaN");
    /// ```
    pub fn check_scalar(self, v: f64, name: &str) -> Result<()> {
        let bad = |m: String| Err(Error::value(m));
        match self {
            Cons::None => Ok(()),
            Cons::NonNegative if !v.is_nan() && v.is_sign_negative() => bad(format!("{name} < 0")),
            Cons::Positive if v <= 0.0 => bad(format!("{name} <= 0")),
            Cons::Bounded01 if !(v >= 0.0) || !(v <= 1.0) => {
                bad(format!("{name} < 0, {name} > 1 or {name} is NaN"))
            }
            Cons::BoundedGt01 if !(v > 0.0) || !(v <= 1.0) => {
                bad(format!("{name} <= 0, {name} > 1 or {name} contains NaNs"))
            }
            Cons::BoundedLt01 if !(v >= 0.0) || !(v < 1.0) => {
                bad(format!("{name} < 0, {name} >= 1 or {name} is NaN"))
            }
            Cons::Gt1 if !(v > 1.0) => bad(format!("{name} <= 1 or {name} is NaN")),
            Cons::Gte1 if !(v >= 1.0) => bad(format!("{name} < 1 or {name} is NaN")),
            Cons::LegacyPoisson if !(v >= 0.0) => bad(format!("{name} < 0 or {name} is NaN")),
            Cons::LegacyPoisson if !(v <= POISSON_LAM_MAX) => {
                bad(format!("{name} value too large"))
            }
            _ => Ok(()),
        }
    }

    /// Check a whole parameter array (NumPy's `check_array_constraint`).
    ///
    /// ```
    /// use nprand::legacy::broadcast::Cons;
    /// assert_eq!(Cons::Bounded01.check_array(&[0.5, f64::NAN], "p").unwrap_err().message(),
    ///            "p < 0, p > 1 or p contains NaNs");
    /// ```
    pub fn check_array(self, v: &[f64], name: &str) -> Result<()> {
        let any = |f: &dyn Fn(f64) -> bool| v.iter().any(|&x| f(x));
        let bad = |m: String| Err(Error::value(m));
        match self {
            Cons::None => Ok(()),
            Cons::NonNegative if any(&|x| !x.is_nan() && x.is_sign_negative()) => {
                bad(format!("{name} < 0"))
            }
            Cons::Positive if any(&|x| x <= 0.0) => bad(format!("{name} <= 0")),
            Cons::Bounded01 if any(&|x| !(x >= 0.0) || !(x <= 1.0)) => {
                bad(format!("{name} < 0, {name} > 1 or {name} contains NaNs"))
            }
            Cons::BoundedGt01 if any(&|x| !(x > 0.0) || !(x <= 1.0)) => {
                bad(format!("{name} <= 0, {name} > 1 or {name} contains NaNs"))
            }
            Cons::BoundedLt01 if any(&|x| !(x >= 0.0) || !(x < 1.0)) => {
                bad(format!("{name} < 0, {name} >= 1 or {name} contains NaNs"))
            }
            Cons::Gt1 if any(&|x| !(x > 1.0)) => {
                bad(format!("{name} <= 1 or {name} contains NaNs"))
            }
            Cons::Gte1 if any(&|x| !(x >= 1.0)) => {
                bad(format!("{name} < 1 or {name} contains NaNs"))
            }
            // The array form checks "too large" first, so NaN reports it.
            Cons::LegacyPoisson if any(&|x| !(x <= POISSON_LAM_MAX)) => {
                bad(format!("{name} value too large"))
            }
            Cons::LegacyPoisson if any(&|x| !(x >= 0.0)) => {
                bad(format!("{name} < 0 or {name} contains NaNs"))
            }
            _ => Ok(()),
        }
    }
}

/// One parameter of a distribution, in NumPy's Python signature.
#[derive(Debug, Clone, Copy)]
pub struct ParamSpec {
    /// NumPy's keyword name (`loc`, `scale`, `p` …).
    pub name: &'static str,
    /// The default, if the parameter is optional.
    pub default: Option<f64>,
    /// The constraint NumPy checks.
    pub cons: Cons,
    /// Converted to int64 (C long) rather than float64.
    pub int: bool,
}

impl ParamSpec {
    /// A required float64 parameter.
    pub const fn f(name: &'static str, cons: Cons) -> Self {
        ParamSpec {
            name,
            default: None,
            cons,
            int: false,
        }
    }
    /// A float64 parameter with a default.
    pub const fn fd(name: &'static str, default: f64, cons: Cons) -> Self {
        ParamSpec {
            name,
            default: Some(default),
            cons,
            int: false,
        }
    }
    /// A required int64 parameter.
    pub const fn i(name: &'static str, cons: Cons) -> Self {
        ParamSpec {
            name,
            default: None,
            cons,
            int: true,
        }
    }
}

/// The per-element draw: parameters (in signature order) to one value.
#[derive(Clone, Copy, Debug)]
pub enum Kernel {
    /// A float64-valued distribution.
    F64(fn(&mut RandomState, &[Num]) -> f64),
    /// An int64-valued distribution.
    I64(fn(&mut RandomState, &[Num]) -> i64),
    /// An int64-valued distribution that can fail while drawing: parameters or a
    /// stream for which NumPy's loop never returns (nprand reports an error instead).
    I64Try(fn(&mut RandomState, &[Num]) -> Result<i64>),
}

/// Custom validation NumPy runs before the constraint checks (e.g. triangular's
/// `left > mode`). Gets the parameter arrays in signature order and whether the scalar
/// path is taken.
pub type Validator = fn(&[NdArray<Num>], bool) -> Result<()>;

/// A distribution as NumPy's `cont`/`disc` see it.
#[derive(Clone, Copy, Debug)]
pub struct DistSpec {
    /// The method name (`normal`).
    pub name: &'static str,
    /// Parameters in Python signature order.
    pub params: &'static [ParamSpec],
    /// The order in which NumPy passes parameters to `cont`/`disc` (indices into
    /// `params`): it sets both the order of the checks and the `arg i` numbers of
    /// broadcast errors. Empty means signature order.
    pub internal_order: &'static [usize],
    /// Checks that run before the constraints.
    pub validate: Option<Validator>,
    /// The draw.
    pub kernel: Kernel,
}

/// The result of [`RandomState::broadcast`]: float64 or int64 values with a shape.
#[derive(Debug, Clone, PartialEq)]
pub enum Output {
    /// float64 results.
    F64(NdArray<f64>),
    /// int64 results.
    I64(NdArray<i64>),
}

impl Output {
    /// The output shape.
    ///
    /// ```
    /// let o = nprand::legacy::broadcast::Output::F64(nprand::array::NdArray::scalar(1.0));
    /// assert!(o.shape().is_empty());
    /// ```
    pub fn shape(&self) -> &[usize] {
        match self {
            Output::F64(a) => &a.shape,
            Output::I64(a) => &a.shape,
        }
    }
}

/// Every distribution of `RandomState` that goes through `cont`/`disc`.
///
/// ```
/// assert!(nprand::legacy::broadcast::specs().any(|s| s.name == "exponential"));
/// ```
pub fn specs() -> impl Iterator<Item = &'static DistSpec> {
    super::SPEC_TABLES.iter().flat_map(|t| t.iter())
}

/// Look up a distribution by NumPy's method name.
///
/// ```
/// assert!(nprand::legacy::broadcast::find("normal").is_some());
/// assert!(nprand::legacy::broadcast::find("nope").is_none());
/// ```
pub fn find(name: &str) -> Option<&'static DistSpec> {
    specs().find(|s| s.name == name)
}

impl RandomState {
    /// Draw from `spec` with array-valued parameters and an optional `size`, exactly as
    /// NumPy's method does: the documented broadcasting helper of the library.
    ///
    /// `params` are in the Python signature order; pass 0-d arrays
    /// ([`NdArray::scalar`]) for scalar arguments. With every parameter 0-d and
    /// `size == None` the result is 0-d (NumPy returns a Python scalar).
    ///
    /// ```
    /// use nprand::array::NdArray;
    /// use nprand::legacy::broadcast::{find, Num, Output};
    /// let mut rs = nprand::RandomState::new(0);
    /// let lam = NdArray::from_vec(vec![Num::F(1.0), Num::F(100.0)]);
    /// // rs.exponential([1.0, 100.0], size=(3, 2))
    /// let out = rs.broadcast(find("exponential").unwrap(), &[lam], Some(&[3, 2])).unwrap();
    /// assert!(matches!(out, Output::F64(ref a) if a.shape == vec![3, 2]));
    /// ```
    pub fn broadcast(
        &mut self,
        spec: &DistSpec,
        params: &[NdArray<Num>],
        size: Option<&[usize]>,
    ) -> Result<Output> {
        if params.len() != spec.params.len() {
            return Err(Error::type_error(format!(
                "{}() takes {} parameters ({} given)",
                spec.name,
                spec.params.len(),
                params.len()
            )));
        }
        let order: Vec<usize> = if spec.internal_order.is_empty() {
            (0..params.len()).collect()
        } else {
            spec.internal_order.to_vec()
        };
        let is_scalar = params.iter().all(|p| p.ndim() == 0);
        if let Some(v) = spec.validate {
            v(params, is_scalar)?;
        }
        for &k in &order {
            let ps = &spec.params[k];
            let vals: Vec<f64> = params[k].data.iter().map(|n| n.f()).collect();
            if is_scalar {
                ps.cons.check_scalar(vals[0], ps.name)?;
            } else {
                ps.cons.check_array(&vals, ps.name)?;
            }
        }
        let out_shape: Vec<usize> = if is_scalar {
            size.map(<[usize]>::to_vec).unwrap_or_default()
        } else {
            let shapes: Vec<&[usize]> = order.iter().map(|&k| params[k].shape.as_slice()).collect();
            let shape = match size {
                Some(s) => s.to_vec(),
                None => broadcast_shapes(&shapes)?,
            };
            let mut with_out: Vec<&[usize]> = vec![&shape];
            with_out.extend(&shapes);
            let it = broadcast_shapes(&with_out)?;
            if it != shape {
                return Err(Error::value(format!(
                    "Output size {} is not compatible with broadcast dimensions of inputs {}.",
                    shape_repr(&shape),
                    shape_repr(&it)
                )));
            }
            shape
        };
        let n: usize = out_shape.iter().product();
        let maps: Vec<Vec<usize>> = params
            .iter()
            .map(|p| broadcast_indices(&out_shape, &p.shape))
            .collect();
        // An empty parameter array means nothing is drawn; the placeholder is unused.
        let mut args: Vec<Num> = params
            .iter()
            .map(|p| p.data.first().copied().unwrap_or(Num::F(0.0)))
            .collect();
        macro_rules! fill {
            // `fill!(f, ?)` propagates the kernel's error, stopping at the first one.
            ($f:expr $(, $q:tt)?) => {{
                let mut data = Vec::with_capacity(n);
                for i in 0..n {
                    if !is_scalar {
                        for (a, (p, m)) in args.iter_mut().zip(params.iter().zip(&maps)) {
                            *a = p.data[m[i]];
                        }
                    }
                    data.push($f(self, &args)$($q)?);
                }
                NdArray {
                    shape: out_shape,
                    data,
                }
            }};
        }
        Ok(match spec.kernel {
            Kernel::F64(f) => Output::F64(fill!(f)),
            Kernel::I64(f) => Output::I64(fill!(f)),
            // Stops at the first error (NumPy would still be looping there).
            Kernel::I64Try(f) => Output::I64(fill!(f, ?)),
        })
    }
}
