//! Array-valued parameters for `Generator`: NumPy's `cont`/`disc` machinery
//! (`_common.pyx`, the same code `RandomState` uses, with `Generator`'s constraints),
//! driven by one table entry ([`GenSpec`]) per distribution.
//!
//! # Quick start
//! ```
//! use nprand::array::NdArray;
//! use nprand::generator::broadcast::{find, Output};
//! use nprand::generator::default_rng;
//! use nprand::legacy::broadcast::Num;
//! // np.random.default_rng(0).normal([0, 10], [[1], [2], [3]])  -> shape (3, 2)
//! let loc = NdArray::from_vec(vec![Num::F(0.0), Num::F(10.0)]);
//! let scale = NdArray::new(vec![3, 1], vec![Num::F(1.0), Num::F(2.0), Num::F(3.0)]).unwrap();
//! let out = default_rng(0).broadcast(find("normal").unwrap(), &[loc, scale], None).unwrap();
//! assert_eq!(out.shape(), &[3, 2]);
//! assert!(matches!(out, Output::F64(_)));
//! ```
//!
//! A [`GenSpec`] lists the parameters in Python signature order (name, default,
//! constraint, conversion to float64, float32 or int64), the order in which NumPy passes
//! them to `cont`/`disc` (which fixes the order of the checks and the argument numbers of
//! broadcast errors), an optional `prepare` step for the methods that check or transform
//! their parameters before `cont`/`disc` (uniform's `high - low`, triangular,
//! negative_binomial, hypergeometric), and the kernel: the per-element draw, which the
//! typed methods of [`Generator`] share.

use super::Generator;
use crate::array::{broadcast_indices, broadcast_shapes, shape_repr, NdArray};
use crate::bitgen::BitGenerator;
use crate::error::{Error, Result};
use crate::legacy::broadcast::Num;

/// `POISSON_LAM_MAX`: `int64 max - sqrt(int64 max) * 10` as a double.
///
/// ```
/// // np.random.Generator._poisson_lam_max
/// let max = nprand::generator::broadcast::POISSON_LAM_MAX;
/// assert_eq!(max, i64::MAX as f64 - (i64::MAX as f64).sqrt() * 10.0);
/// ```
pub const POISSON_LAM_MAX: f64 = 9.223372006484771e18;

/// NumPy's constraint kinds as `Generator` uses them (`constraint_type` in `_common.pxd`).
///
/// ```
/// use nprand::generator::broadcast::GCons;
/// // rng.zipf(1) -> ValueError: a <= 1 or a is NaN
/// assert_eq!(GCons::Gt1.check_scalar(1.0, "a").unwrap_err().message(), "a <= 1 or a is NaN");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GCons {
    /// No check.
    None,
    /// `{n} < 0`: negatives including -0.0 fail; NaN passes.
    NonNegative,
    /// `{n} <= 0`; NaN passes.
    Positive,
    /// `{n} must not be NaN`, then `{n} <= 0`.
    PositiveNotNan,
    /// `{n} < 0, {n} > 1 or {n} is NaN` (array: `contains NaNs`).
    Bounded01,
    /// `{n} <= 0, {n} > 1 or {n} contains NaNs`.
    BoundedGt01,
    /// `{n} < 0, {n} >= 1 or {n} is NaN` (array: `contains NaNs`).
    BoundedLt01,
    /// `{n} <= 1 or {n} is NaN` (array: `contains NaNs`).
    Gt1,
    /// Poisson's `lam`: `lam < 0 or lam is NaN`, `lam value too large` (the array form
    /// checks "too large" first, so NaN reports it).
    Poisson,
}

impl GCons {
    /// NumPy's `check_constraint` for one scalar.
    ///
    /// ```
    /// use nprand::generator::broadcast::GCons;
    /// assert_eq!(GCons::PositiveNotNan.check_scalar(f64::NAN, "n").unwrap_err().message(),
    ///            "n must not be NaN");
    /// assert!(GCons::NonNegative.check_scalar(f64::NAN, "scale").is_ok());
    /// ```
    pub fn check_scalar(self, v: f64, name: &str) -> Result<()> {
        let bad = |m: String| Err(Error::value(m));
        match self {
            GCons::None => Ok(()),
            GCons::NonNegative if !v.is_nan() && v.is_sign_negative() => bad(format!("{name} < 0")),
            GCons::PositiveNotNan if v.is_nan() => bad(format!("{name} must not be NaN")),
            GCons::Positive | GCons::PositiveNotNan if v <= 0.0 => bad(format!("{name} <= 0")),
            GCons::Bounded01 if !(v >= 0.0) || !(v <= 1.0) => {
                bad(format!("{name} < 0, {name} > 1 or {name} is NaN"))
            }
            GCons::BoundedGt01 if !(v > 0.0) || !(v <= 1.0) => {
                bad(format!("{name} <= 0, {name} > 1 or {name} contains NaNs"))
            }
            GCons::BoundedLt01 if !(v >= 0.0) || !(v < 1.0) => {
                bad(format!("{name} < 0, {name} >= 1 or {name} is NaN"))
            }
            GCons::Gt1 if !(v > 1.0) => bad(format!("{name} <= 1 or {name} is NaN")),
            GCons::Poisson if !(v >= 0.0) => bad(format!("{name} < 0 or {name} is NaN")),
            GCons::Poisson if !(v <= POISSON_LAM_MAX) => bad(format!("{name} value too large")),
            _ => Ok(()),
        }
    }

    /// NumPy's `check_array_constraint` for a whole parameter array.
    ///
    /// ```
    /// use nprand::generator::broadcast::GCons;
    /// assert_eq!(GCons::Poisson.check_array(&[1.0, f64::NAN], "lam").unwrap_err().message(),
    ///            "lam value too large");
    /// ```
    pub fn check_array(self, v: &[f64], name: &str) -> Result<()> {
        let any = |f: &dyn Fn(f64) -> bool| v.iter().any(|&x| f(x));
        let bad = |m: String| Err(Error::value(m));
        match self {
            GCons::None => Ok(()),
            GCons::NonNegative if any(&|x| !x.is_nan() && x.is_sign_negative()) => {
                bad(format!("{name} < 0"))
            }
            GCons::PositiveNotNan if any(&|x| x.is_nan()) => bad(format!("{name} must not be NaN")),
            GCons::Positive | GCons::PositiveNotNan if any(&|x| x <= 0.0) => {
                bad(format!("{name} <= 0"))
            }
            GCons::Bounded01 if any(&|x| !(x >= 0.0) || !(x <= 1.0)) => {
                bad(format!("{name} < 0, {name} > 1 or {name} contains NaNs"))
            }
            GCons::BoundedGt01 if any(&|x| !(x > 0.0) || !(x <= 1.0)) => {
                bad(format!("{name} <= 0, {name} > 1 or {name} contains NaNs"))
            }
            GCons::BoundedLt01 if any(&|x| !(x >= 0.0) || !(x < 1.0)) => {
                bad(format!("{name} < 0, {name} >= 1 or {name} contains NaNs"))
            }
            GCons::Gt1 if any(&|x| !(x > 1.0)) => {
                bad(format!("{name} <= 1 or {name} contains NaNs"))
            }
            GCons::Poisson if any(&|x| !(x <= POISSON_LAM_MAX)) => {
                bad(format!("{name} value too large"))
            }
            GCons::Poisson if any(&|x| !(x >= 0.0)) => {
                bad(format!("{name} < 0 or {name} contains NaNs"))
            }
            _ => Ok(()),
        }
    }
}

/// How NumPy converts a parameter (`PyArray_FROM_OTF(x, NPY_DOUBLE / NPY_INT64)`, or
/// float32 for `standard_gamma(dtype=np.float32)`).
///
/// ```
/// use nprand::generator::broadcast::{find, PKind};
/// // binomial's n is converted to int64
/// assert_eq!(find("binomial").unwrap().params[0].kind, PKind::I64);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PKind {
    /// float64
    F64,
    /// float32 (values are rounded to float32 before the checks and the draws)
    F32,
    /// int64
    I64,
}

/// One parameter, in Python signature order.
///
/// ```
/// // Generator.normal(loc=0.0, scale=1.0, size=None)
/// let p = nprand::generator::broadcast::find("normal").unwrap().params;
/// assert_eq!((p[1].name, p[1].default), ("scale", Some(1.0)));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct GParam {
    /// NumPy's keyword name.
    pub name: &'static str,
    /// The default, if optional.
    pub default: Option<f64>,
    /// The constraint `cont`/`disc` checks.
    pub cons: GCons,
    /// The conversion.
    pub kind: PKind,
}

impl GParam {
    const fn new(name: &'static str, default: Option<f64>, cons: GCons, kind: PKind) -> Self {
        GParam {
            name,
            default,
            cons,
            kind,
        }
    }
}

/// The per-element draw, on any bit generator.
///
/// ```
/// use nprand::generator::broadcast::{find, GKernel};
/// use nprand::legacy::broadcast::Num;
/// use nprand::{BitGenerator, Pcg64};
/// // Generator(PCG64(1)).exponential(2.0)
/// let GKernel::F64(k) = find("exponential").unwrap().kernel else { unreachable!() };
/// let x = k(&mut Pcg64::new(1) as &mut dyn BitGenerator, &[Num::F(2.0)]);
/// assert_eq!(x, nprand::generator::default_rng(1).exponential(2.0).unwrap());
/// ```
#[derive(Clone, Copy, Debug)]
pub enum GKernel {
    /// float64 results.
    F64(fn(&mut dyn BitGenerator, &[Num]) -> f64),
    /// float32 results.
    F32(fn(&mut dyn BitGenerator, &[Num]) -> f32),
    /// int64 results.
    I64(fn(&mut dyn BitGenerator, &[Num]) -> i64),
}

/// A check/transformation NumPy runs before `cont`/`disc`: gets the converted parameters
/// (signature order) and whether the scalar path is taken; may replace parameters (uniform
/// passes `high - low`).
///
/// ```
/// use nprand::array::NdArray;
/// use nprand::legacy::broadcast::Num;
/// // rng.triangular(1, 0, 2) -> ValueError: left > mode
/// let prep = nprand::generator::broadcast::find("triangular").unwrap().prepare.unwrap();
/// let mut p: Vec<_> = [1.0, 0.0, 2.0].iter().map(|&x| NdArray::scalar(Num::F(x))).collect();
/// assert_eq!(prep(&mut p, true).unwrap_err().message(), "left > mode");
/// ```
pub type Prepare = fn(&mut [NdArray<Num>], bool) -> Result<()>;

/// A `Generator` distribution as NumPy's `cont`/`disc` see it.
///
/// ```
/// // Generator.hypergeometric(ngood, nbad, nsample, size=None)
/// let s = nprand::generator::broadcast::find("hypergeometric").unwrap();
/// let names: Vec<_> = s.params.iter().map(|p| p.name).collect();
/// assert_eq!(names, ["ngood", "nbad", "nsample"]);
/// ```
#[derive(Clone, Copy, Debug)]
pub struct GenSpec {
    /// The method name (`normal`).
    pub name: &'static str,
    /// Parameters, Python signature order.
    pub params: &'static [GParam],
    /// The order NumPy passes them to `cont`/`disc` (indices into `params`); empty means
    /// signature order.
    pub internal_order: &'static [usize],
    /// Checks and transformations before `cont`/`disc`.
    pub prepare: Option<Prepare>,
    /// The draw.
    pub kernel: GKernel,
}

impl GenSpec {
    /// The parameter indices in NumPy's internal order.
    ///
    /// ```
    /// let s = nprand::generator::broadcast::find("binomial").unwrap();
    /// assert_eq!(s.order(), vec![1, 0]); // NumPy checks p before n
    /// ```
    pub fn order(&self) -> Vec<usize> {
        if self.internal_order.is_empty() {
            (0..self.params.len()).collect()
        } else {
            self.internal_order.to_vec()
        }
    }

    /// The number of leading parameters without a default.
    ///
    /// ```
    /// assert_eq!(nprand::generator::broadcast::find("normal").unwrap().required(), 0);
    /// assert_eq!(nprand::generator::broadcast::find("gamma").unwrap().required(), 1);
    /// ```
    pub fn required(&self) -> usize {
        self.params
            .iter()
            .take_while(|p| p.default.is_none())
            .count()
    }
}

/// The result of [`Generator::broadcast`].
///
/// ```
/// use nprand::generator::broadcast::{find, Output};
/// // np.random.default_rng(0).poisson(3.0) is an int
/// let out = nprand::generator::default_rng(0)
///     .broadcast(find("poisson").unwrap(), &[nprand::array::NdArray::scalar(nprand::legacy::broadcast::Num::F(3.0))], None)
///     .unwrap();
/// assert!(matches!(out, Output::I64(_)));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Output {
    /// float64 results.
    F64(NdArray<f64>),
    /// float32 results.
    F32(NdArray<f32>),
    /// int64 results.
    I64(NdArray<i64>),
}

impl Output {
    /// The output shape.
    ///
    /// ```
    /// use nprand::generator::broadcast::Output;
    /// assert!(Output::I64(nprand::array::NdArray::scalar(1)).shape().is_empty());
    /// ```
    pub fn shape(&self) -> &[usize] {
        match self {
            Output::F64(a) => &a.shape,
            Output::F32(a) => &a.shape,
            Output::I64(a) => &a.shape,
        }
    }
}

/// Every broadcastable distribution of `Generator`.
///
/// ```
/// assert!(nprand::generator::broadcast::specs().any(|s| s.name == "zipf"));
/// ```
pub fn specs() -> impl Iterator<Item = &'static GenSpec> {
    [super::continuous::SPECS, super::discrete::SPECS]
        .into_iter()
        .flat_map(|t| t.iter())
}

/// Look up a distribution by method name.
///
/// ```
/// assert!(nprand::generator::broadcast::find("vonmises").is_some());
/// assert!(nprand::generator::broadcast::find("randint").is_none());
/// ```
pub fn find(name: &str) -> Option<&'static GenSpec> {
    specs().find(|s| s.name == name)
}

/// The checks NumPy runs before allocating the output: `prepare`, then each parameter's
/// constraint in internal order (scalar or array messages).
///
/// ```
/// use nprand::array::NdArray;
/// use nprand::generator::broadcast::{find, precheck};
/// use nprand::legacy::broadcast::Num;
/// let mut p = vec![NdArray::scalar(Num::F(-1.0))];
/// let e = precheck(find("pareto").unwrap(), &mut p, true).unwrap_err();
/// assert_eq!(e.message(), "a <= 0");
/// ```
pub fn precheck(spec: &GenSpec, params: &mut [NdArray<Num>], is_scalar: bool) -> Result<()> {
    if let Some(p) = spec.prepare {
        p(params, is_scalar)?;
    }
    for k in spec.order() {
        let ps = &spec.params[k];
        let vals: Vec<f64> = params[k].data.iter().map(|n| n.f()).collect();
        if is_scalar {
            ps.cons.check_scalar(vals[0], ps.name)?;
        } else {
            ps.cons.check_array(&vals, ps.name)?;
        }
    }
    Ok(())
}

/// NumPy's output shape: `size`, or the broadcast of the parameters; with NumPy's
/// broadcast errors (`shape mismatch: …` with the argument numbers of its multi-iterator,
/// `Output size … is not compatible with broadcast dimensions of inputs …`).
///
/// ```
/// use nprand::generator::broadcast::output_shape;
/// assert_eq!(output_shape(&[&[2, 1], &[3]], None).unwrap(), vec![2, 3]);
/// assert_eq!(output_shape(&[&[3]], Some(&[1])).unwrap_err().message(),
///            "Output size (1,) is not compatible with broadcast dimensions of inputs (3,).");
/// ```
pub fn output_shape(shapes: &[&[usize]], size: Option<&[usize]>) -> Result<Vec<usize>> {
    let shape = match size {
        Some(s) => s.to_vec(),
        None => broadcast_shapes(shapes)?,
    };
    let mut with_out: Vec<&[usize]> = vec![&shape];
    with_out.extend(shapes);
    let it = broadcast_shapes(&with_out)?;
    if it != shape {
        return Err(Error::value(format!(
            "Output size {} is not compatible with broadcast dimensions of inputs {}.",
            shape_repr(&shape),
            shape_repr(&it)
        )));
    }
    Ok(shape)
}

/// `np.subtract(a, b)`-style ufunc broadcasting of two shapes, with the ufunc's error.
pub(crate) fn ufunc_shape(a: &[usize], b: &[usize]) -> Result<Vec<usize>> {
    broadcast_shapes(&[a, b]).map_err(|_| {
        Error::value(format!(
            "operands could not be broadcast together with shapes {} {} ",
            compact_shape(a),
            compact_shape(b)
        ))
    })
}

/// A shape as NumPy's ufunc errors print it: `(2,1)`, `(3,)`, `()`.
pub(crate) fn compact_shape(s: &[usize]) -> String {
    match s {
        [] => "()".into(),
        [n] => format!("({n},)"),
        _ => {
            let parts: Vec<String> = s.iter().map(|d| d.to_string()).collect();
            format!("({})", parts.join(","))
        }
    }
}

/// Elementwise `f(a, b)` over the ufunc broadcast of two arrays.
pub(crate) fn ufunc2(
    a: &NdArray<Num>,
    b: &NdArray<Num>,
    f: impl Fn(Num, Num) -> Num,
) -> Result<NdArray<Num>> {
    let shape = ufunc_shape(&a.shape, &b.shape)?;
    let ai = broadcast_indices(&shape, &a.shape);
    let bi = broadcast_indices(&shape, &b.shape);
    let data = ai
        .iter()
        .zip(&bi)
        .map(|(&i, &j)| f(a.data[i], b.data[j]))
        .collect();
    Ok(NdArray { shape, data })
}

impl<B: BitGenerator> Generator<B> {
    /// Draw from `spec` with array parameters (signature order, 0-d arrays for scalars) and
    /// an optional `size`, as NumPy's method does: checks first (none of them draws), then
    /// the output of shape `size` or the broadcast shape, filled in C order. Every
    /// parameter 0-d and `size == None` gives a 0-d result (NumPy returns a Python scalar).
    ///
    /// ```
    /// use nprand::array::NdArray;
    /// use nprand::generator::broadcast::{find, Output};
    /// use nprand::legacy::broadcast::Num;
    /// // np.random.default_rng(1).poisson([1.0, 100.0], size=(3, 2))
    /// let lam = NdArray::from_vec(vec![Num::F(1.0), Num::F(100.0)]);
    /// let out = nprand::generator::default_rng(1)
    ///     .broadcast(find("poisson").unwrap(), &[lam], Some(&[3, 2]))
    ///     .unwrap();
    /// assert!(matches!(out, Output::I64(ref a) if a.shape == vec![3, 2]));
    /// ```
    pub fn broadcast(
        &mut self,
        spec: &GenSpec,
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
        let mut params: Vec<NdArray<Num>> = params
            .iter()
            .zip(spec.params)
            .map(|(p, ps)| convert(p, ps.kind))
            .collect();
        let is_scalar = params.iter().all(|p| p.ndim() == 0);
        precheck(spec, &mut params, is_scalar)?;
        let out_shape = if is_scalar {
            size.map(<[usize]>::to_vec).unwrap_or_default()
        } else {
            let order = spec.order();
            let shapes: Vec<&[usize]> = order.iter().map(|&k| params[k].shape.as_slice()).collect();
            output_shape(&shapes, size)?
        };
        let n: usize = out_shape.iter().product();
        let maps: Vec<Vec<usize>> = if is_scalar {
            Vec::new()
        } else {
            params
                .iter()
                .map(|p| broadcast_indices(&out_shape, &p.shape))
                .collect()
        };
        let mut args: Vec<Num> = params
            .iter()
            .map(|p| p.data.first().copied().unwrap_or(Num::F(0.0)))
            .collect();
        let bg: &mut dyn BitGenerator = &mut self.bg;
        macro_rules! fill {
            ($f:expr) => {{
                let mut data = Vec::with_capacity(n);
                for i in 0..n {
                    if !is_scalar {
                        for (a, (p, m)) in args.iter_mut().zip(params.iter().zip(&maps)) {
                            *a = p.data[m[i]];
                        }
                    }
                    data.push($f(&mut *bg, &args));
                }
                NdArray {
                    shape: out_shape,
                    data,
                }
            }};
        }
        Ok(match spec.kernel {
            GKernel::F64(f) => Output::F64(fill!(f)),
            GKernel::F32(f) => Output::F32(fill!(f)),
            GKernel::I64(f) => Output::I64(fill!(f)),
        })
    }
}

/// Apply a parameter's conversion (float32 rounding, int64 truncation).
pub(crate) fn convert(p: &NdArray<Num>, kind: PKind) -> NdArray<Num> {
    NdArray {
        shape: p.shape.clone(),
        data: p
            .data
            .iter()
            .map(|&n| match kind {
                PKind::F64 => Num::F(n.f()),
                PKind::F32 => Num::F(n.f() as f32 as f64),
                PKind::I64 => Num::I(n.i()),
            })
            .collect(),
    }
}

pub(crate) const fn f(name: &'static str, cons: GCons) -> GParam {
    GParam::new(name, None, cons, PKind::F64)
}

pub(crate) const fn fd(name: &'static str, default: f64, cons: GCons) -> GParam {
    GParam::new(name, Some(default), cons, PKind::F64)
}

pub(crate) const fn f32p(name: &'static str, cons: GCons) -> GParam {
    GParam::new(name, None, cons, PKind::F32)
}

pub(crate) const fn i(name: &'static str, cons: GCons) -> GParam {
    GParam::new(name, None, cons, PKind::I64)
}
