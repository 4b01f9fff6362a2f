//! A distribution as NumPy's `cont`/`disc` see it: parameters with their constraints and
//! conversions, the checks a method runs first, and the per-element kernel; generic over
//! the receiver the kernel draws from (`RandomState`, or a `Generator`'s bit generator).

use crate::array::NdArray;
use crate::error::Result;
use crate::prelude::*;

use super::{Constraint, Num};

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
pub struct Param {
    /// NumPy's keyword name (`loc`, `scale`, `p` …).
    pub name: &'static str,
    /// The default, if the parameter is optional.
    pub default: Option<f64>,
    /// The constraint `cont`/`disc` checks.
    pub cons: Constraint,
    /// The conversion.
    pub kind: PKind,
}

impl Param {
    /// A parameter.
    pub const fn new(
        name: &'static str,
        default: Option<f64>,
        cons: Constraint,
        kind: PKind,
    ) -> Self {
        Param {
            name,
            default,
            cons,
            kind,
        }
    }
    /// A required float64 parameter.
    ///
    /// ```
    /// use nprand::common::{Constraint, Param};
    /// assert_eq!(Param::f("p", Constraint::Bounded01).default, None);
    /// ```
    pub const fn f(name: &'static str, cons: Constraint) -> Self {
        Param::new(name, None, cons, PKind::F64)
    }
    /// A float64 parameter with a default.
    ///
    /// ```
    /// use nprand::common::{Constraint, Param};
    /// assert_eq!(Param::fd("scale", 1.0, Constraint::NonNegative).default, Some(1.0));
    /// ```
    pub const fn fd(name: &'static str, default: f64, cons: Constraint) -> Self {
        Param::new(name, Some(default), cons, PKind::F64)
    }
    /// A required int64 parameter.
    ///
    /// ```
    /// use nprand::common::{Constraint, Param, PKind};
    /// assert_eq!(Param::i("n", Constraint::NonNegative).kind, PKind::I64);
    /// ```
    pub const fn i(name: &'static str, cons: Constraint) -> Self {
        Param::new(name, None, cons, PKind::I64)
    }
    /// A required float32 parameter.
    ///
    /// ```
    /// use nprand::common::{Constraint, Param, PKind};
    /// assert_eq!(Param::f32("shape", Constraint::NonNegative).kind, PKind::F32);
    /// ```
    pub const fn f32(name: &'static str, cons: Constraint) -> Self {
        Param::new(name, None, cons, PKind::F32)
    }
    /// Whether NumPy converts this parameter to int64.
    ///
    /// ```
    /// use nprand::common::{Constraint, Param};
    /// assert!(Param::i("n", Constraint::None).int());
    /// ```
    pub const fn int(&self) -> bool {
        matches!(self.kind, PKind::I64)
    }
}

/// What a front-end's kernels draw from: `RandomState` itself, or (for every
/// `Generator<B>`) the `dyn BitGenerator` inside it.
pub trait Receiver {
    /// A kernel returning `T`: parameters (signature order) to one value.
    type Fn<T>: Copy;
    /// The value a kernel is called on (`'a` lets a `Generator<B>` lend its bit
    /// generator for any lifetime).
    type Target<'a>: ?Sized;
    /// Call kernel `f`.
    fn call<T>(f: Self::Fn<T>, target: &mut Self::Target<'_>, args: &[Num]) -> T;
    /// A whole-slice draw filling `T`s: parameters (signature order) and the slice.
    type Fill<T>: Copy;
    /// Call fill `f` on `out`.
    fn fill<T>(
        f: Self::Fill<T>,
        target: &mut Self::Target<'_>,
        out: &mut [T],
        args: &[Num],
    ) -> Result<()>;
}

/// The per-element draw on receiver `R`.
pub enum Kernel<R: Receiver + ?Sized> {
    /// float64 results.
    F64(R::Fn<f64>),
    /// float32 results.
    F32(R::Fn<f32>),
    /// int64 results.
    I64(R::Fn<i64>),
    /// int64 results from a draw that can fail: parameters or a stream for which NumPy's
    /// loop never returns (nprand reports an error instead).
    I64Try(R::Fn<Result<i64>>),
}

// Manual impls: derives would require `R: Clone`.
impl<R: Receiver + ?Sized> Clone for Kernel<R> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<R: Receiver + ?Sized> Copy for Kernel<R> {}

impl<R: Receiver + ?Sized> core::fmt::Debug for Kernel<R> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(match self {
            Kernel::F64(_) => "Kernel::F64",
            Kernel::F32(_) => "Kernel::F32",
            Kernel::I64(_) => "Kernel::I64",
            Kernel::I64Try(_) => "Kernel::I64Try",
        })
    }
}

/// The scalar path's whole-slice draw (every parameter 0-d): what the method's `_into`
/// form runs, with its bulk kernels, instead of one call of the per-element kernel per
/// value. It draws the same values and leaves the same state as that loop (every row is
/// tested against it through `draw`, on both front-ends), so only the speed differs: NumPy's
/// `cont`/`disc` also loop over one C function, but nprand's bulk forms vectorise the
/// draws and the `log`/`exp`/`pow` after them.
///
/// ```
/// use nprand::common::Bulk;
/// // Generator.weibull(a, size=n) fills in bulk; standard_cauchy draws value by value.
/// let find = nprand::generator::broadcast::find;
/// assert!(matches!(find("weibull").unwrap().bulk, Bulk::F64(_)));
/// assert!(matches!(find("standard_cauchy").unwrap().bulk, Bulk::None));
/// ```
pub enum Bulk<R: Receiver + ?Sized> {
    /// No bulk form: the per-element kernel fills.
    None,
    /// float64 results.
    F64(R::Fill<f64>),
    /// int64 results.
    I64(R::Fill<i64>),
}

impl<R: Receiver + ?Sized> Clone for Bulk<R> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<R: Receiver + ?Sized> Copy for Bulk<R> {}

impl<R: Receiver + ?Sized> core::fmt::Debug for Bulk<R> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(match self {
            Bulk::None => "Bulk::None",
            Bulk::F64(_) => "Bulk::F64",
            Bulk::I64(_) => "Bulk::I64",
        })
    }
}

/// Checks (and, for `Generator.uniform`, a transformation) NumPy runs before
/// `cont`/`disc`: gets the parameters (signature order) and whether the scalar path is
/// taken; may replace parameters (uniform passes `high - low`).
///
/// ```
/// use nprand::array::NdArray;
/// use nprand::common::Num;
/// // rng.triangular(1, 0, 2) -> ValueError: left > mode
/// let prep = nprand::generator::broadcast::find("triangular").unwrap().prepare.unwrap();
/// let mut p: Vec<_> = [1.0, 0.0, 2.0].iter().map(|&x| NdArray::scalar(Num::F(x))).collect();
/// assert_eq!(prep(&mut p, true).unwrap_err().message(), "left > mode");
/// ```
pub type Prepare = fn(&mut [NdArray<Num>], bool) -> Result<()>;

/// A distribution as NumPy's `cont`/`disc` see it, drawn on receiver `R`.
///
/// ```
/// // Generator.hypergeometric(ngood, nbad, nsample, size=None)
/// let s = nprand::generator::broadcast::find("hypergeometric").unwrap();
/// let names: Vec<_> = s.params.iter().map(|p| p.name).collect();
/// assert_eq!(names, ["ngood", "nbad", "nsample"]);
/// ```
pub struct Spec<R: Receiver + ?Sized + 'static> {
    /// The method name (`normal`).
    pub name: &'static str,
    /// Parameters in Python signature order.
    pub params: &'static [Param],
    /// The order in which NumPy passes parameters to `cont`/`disc` (indices into
    /// `params`): it sets both the order of the checks and the `arg i` numbers of
    /// broadcast errors. Empty means signature order.
    pub internal_order: &'static [usize],
    /// Checks (and transformations) that run before the constraints.
    pub prepare: Option<Prepare>,
    /// The draw.
    pub kernel: Kernel<R>,
    /// The scalar path's whole-slice draw, if the method has one (same results as
    /// `kernel`'s loop; `kernel` and `bulk` give the same dtype).
    pub bulk: Bulk<R>,
}

impl<R: Receiver + ?Sized> Clone for Spec<R> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<R: Receiver + ?Sized> Copy for Spec<R> {}

impl<R: Receiver + ?Sized> core::fmt::Debug for Spec<R> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Spec")
            .field("name", &self.name)
            .field("params", &self.params)
            .field("internal_order", &self.internal_order)
            .field("prepare", &self.prepare.is_some())
            .field("kernel", &self.kernel)
            .field("bulk", &self.bulk)
            .finish()
    }
}

impl<R: Receiver + ?Sized> Spec<R> {
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

/// The result of a broadcast draw: float64, float32 or int64 values with a shape.
///
/// ```
/// use nprand::common::Output;
/// assert!(Output::I64(nprand::array::NdArray::scalar(1)).shape().is_empty());
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
    /// let o = nprand::common::Output::F64(nprand::array::NdArray::scalar(1.0));
    /// assert!(o.shape().is_empty());
    /// ```
    pub fn shape(&self) -> &[usize] {
        match self {
            Output::F64(a) => &a.shape,
            Output::F32(a) => &a.shape,
            Output::I64(a) => &a.shape,
        }
    }

    /// An empty output of `kernel`'s type (what a zero-size draw returns).
    ///
    /// ```
    /// use nprand::common::Output;
    /// let k = nprand::legacy::broadcast::find("poisson").unwrap().kernel;
    /// assert!(matches!(Output::empty(&k, vec![0, 2]), Output::I64(a) if a.shape == [0, 2]));
    /// ```
    pub fn empty<R: Receiver + ?Sized>(kernel: &Kernel<R>, shape: Vec<usize>) -> Output {
        match kernel {
            Kernel::F64(_) => Output::F64(NdArray {
                shape,
                data: Vec::new(),
            }),
            Kernel::F32(_) => Output::F32(NdArray {
                shape,
                data: Vec::new(),
            }),
            Kernel::I64(_) | Kernel::I64Try(_) => Output::I64(NdArray {
                shape,
                data: Vec::new(),
            }),
        }
    }
}

/// The element type of a typed broadcast result: picks its variant out of an [`Output`]
/// (the `<name>_array` methods know their kernel's type, so another variant is a bug).
pub(crate) trait FromOutput: Sized {
    /// The values, with their shape.
    fn from_output(out: Output) -> NdArray<Self>;
}

macro_rules! from_output {
    ($($t:ty => $v:ident),*) => {$(
        impl FromOutput for $t {
            fn from_output(out: Output) -> NdArray<$t> {
                match out {
                    Output::$v(a) => a,
                    other => unreachable!("a {} kernel gave {:?}", stringify!($t), other.shape()),
                }
            }
        }
    )*};
}
from_output!(f64 => F64, f32 => F32, i64 => I64);

/// What a front-end's typed methods hand their kernels: `RandomState` itself, the bit
/// generator of a `Generator` (used by the `numpy_methods!` declarations).
pub(crate) trait KernelTarget {
    /// The kernels' first argument.
    type Target: ?Sized;
    /// The kernels' first argument, borrowed from the front-end.
    fn target(&mut self) -> &mut Self::Target;
}
