//! `randint` and `random_integers`: dtype resolution and NumPy's bound checks.

use super::*;
use crate::common::int_bounds::BoundsType;
use crate::common::IntBound;

/// A resolved `dtype=`: the type, and whether a scalar result is a Python scalar
/// (`dtype is int` / `dtype is bool`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct DtypeSel {
    ty: IntTy,
    py_scalar: bool,
}

pub(crate) fn unsupported(repr: &str) -> Error {
    Error::type_error(format!("Unsupported dtype {repr} for randint"))
}

/// Resolve `dtype=` as `np.dtype(dtype) if dtype is not int else np.dtype('long')`.
pub(crate) fn resolve_dtype(e: Option<&Expr>) -> Result<DtypeSel> {
    let np = |ty| {
        Ok(DtypeSel {
            ty,
            py_scalar: false,
        })
    };
    let Some(e) = e else {
        return Ok(DtypeSel {
            ty: IntTy::I64,
            py_scalar: true,
        });
    };
    match e {
        Expr::Name(n) if n == "int" => Ok(DtypeSel {
            ty: IntTy::I64,
            py_scalar: true,
        }),
        Expr::Name(n) if n == "bool" => Ok(DtypeSel {
            ty: IntTy::Bool,
            py_scalar: true,
        }),
        Expr::Name(n) => {
            let attr = np_attr(n).unwrap_or(n);
            if let Some(ty) = int_long_name(attr) {
                return np(ty);
            }
            let repr = match attr {
                "float" => "dtype('float64')".to_string(),
                "complex" => "dtype('complex128')".to_string(),
                "str" => "dtype('<U')".to_string(),
                "bytes" => "dtype('S')".to_string(),
                "object" => "dtype('O')".to_string(),
                a => unsupported_dtype_repr(a).unwrap_or_else(|| format!("dtype({a:?})")),
            };
            Err(unsupported(&repr))
        }
        Expr::Str(s) => {
            if let Some(ty) = int_long_name(s) {
                return np(ty);
            }
            let (prefix, code) = match s.chars().next() {
                Some(c @ ('<' | '>' | '=' | '|')) => (Some(c), &s[1..]),
                _ => (None, s.as_str()),
            };
            if let Some(ty) = int_code(code) {
                return np(ty);
            }
            let is_code = code.len() <= 3 && !code.contains('_');
            match unsupported_dtype_repr(code) {
                Some(r) if prefix.is_none() || is_code => {
                    // NumPy swaps a non-native byte order to native before the
                    // check, which shows in the repr of multi-byte numbers.
                    let swapped = match r.as_str() {
                        "dtype('float64')" => "dtype('<f8')",
                        "dtype('float32')" => "dtype('<f4')",
                        "dtype('float16')" => "dtype('<f2')",
                        "dtype('float128')" => "dtype('<f16')",
                        "dtype('complex128')" => "dtype('<c16')",
                        "dtype('complex64')" => "dtype('<c8')",
                        "dtype('complex256')" => "dtype('<c32')",
                        other => other,
                    };
                    Err(unsupported(if prefix == Some('>') { swapped } else { &r }))
                }
                _ => Err(Error::type_error(format!(
                    "data type {} not understood",
                    str_repr(s)
                ))),
            }
        }
        Expr::None => Err(unsupported("dtype('float64')")),
        other => Err(dtype_object_error(other, unsupported)),
    }
}

/// A `randint` output type: a [`RandintDtype`] that can become [`Data`].
pub(crate) trait IntOut: RandintDtype + Default {
    const ITEMSIZE: usize;
    fn into_data(v: Vec<Self>) -> Data;
}

macro_rules! int_out {
    ($t:ty, $variant:ident, $size:expr) => {
        impl IntOut for $t {
            const ITEMSIZE: usize = $size;
            fn into_data(v: Vec<Self>) -> Data {
                Data::$variant(v)
            }
        }
    };
}
int_out!(bool, Bool, 1);
int_out!(i8, I8, 1);
int_out!(u8, U8, 1);
int_out!(i16, I16, 2);
int_out!(u16, U16, 2);
int_out!(i32, I32, 4);
int_out!(u32, U32, 4);
int_out!(i64, I64, 8);
int_out!(u64, U64, 8);

pub(crate) fn bounds_error(low_is_zero: bool) -> Error {
    Error::value(if low_is_zero {
        "high <= 0"
    } else {
        "low >= high"
    })
}

/// NumPy's `_rand_{dtype}_broadcast` checks of each bound array's elements, in its
/// order, for bounds written as literals (so also the errors of elements that are no
/// numbers: strings, `None`): `low`'s conversion and range, then `high`'s. What is left
/// (`low >= high` over the broadcast, `low > high` when `closed`) is the caller's.
/// `closed` is `Generator.integers`' `endpoint=True`; `randint` is half-open. The bounds
/// come back as numbers, `high` as given (not less one).
///
/// 64-bit dtypes: arrays that cast safely are taken as they are, the others element by
/// element through Python's `int()`, each checked. Narrower dtypes: array comparisons
/// (`np.less(low, lb)`, then `np.greater(high, ub + 1)`; see [`small_bounds`]).
pub(crate) fn bound_leaves(
    t: &BoundsType,
    lleaves: &[&Expr],
    hleaves: &[&Expr],
    closed: bool,
) -> Result<(Vec<IntBound>, Vec<IntBound>)> {
    let low_oob = || Error::value(format!("low is out of bounds for {}", t.name));
    let high_oob = || Error::value(format!("high is out of bounds for {}", t.name));
    if !t.wide {
        let lows = small_bounds(lleaves, false, closed, t.name)?;
        if lows.iter().any(|b| b.lt(t.min)) {
            return Err(low_oob());
        }
        let highs = small_bounds(hleaves, true, closed, t.name)?;
        if highs.iter().any(|&b| {
            if closed {
                b.ge(t.max + 1)
            } else {
                b.gt(t.max + 1)
            }
        }) {
            return Err(high_oob());
        }
        return Ok((lows, highs));
    }
    let safe = |leaves: &[&Expr]| {
        let ty = infer(leaves);
        ty == Inferred::Bool
            || ty
                == if t.min < 0 {
                    Inferred::I64
                } else {
                    Inferred::U64
                }
    };
    let (lsafe, hsafe) = (safe(lleaves), safe(hleaves));
    let (lstr, hstr) = (is_str_array(lleaves), is_str_array(hleaves));
    let (lflt, hflt) = (
        infer(lleaves) == Inferred::F64,
        infer(hleaves) == Inferred::F64,
    );
    let lows: Vec<IntBound> = lleaves
        .iter()
        .map(|l| {
            let v = array_int(l, lstr, lflt)?;
            if !lsafe && (v < t.min || v > t.max) {
                return Err(low_oob());
            }
            Ok(IntBound::Int(v))
        })
        .collect::<Result<_>>()?;
    let low_all_zero = lows.iter().all(|b| b.is_zero());
    let highs: Vec<IntBound> = hleaves
        .iter()
        .map(|h| {
            let v = array_int(h, hstr, hflt)?;
            let top = v - i128::from(!closed);
            if !hsafe && top > t.max {
                return Err(high_oob());
            }
            if !hsafe && top < t.min {
                return Err(crate::common::int_bounds::bounds_error(
                    closed,
                    low_all_zero,
                ));
            }
            Ok(IntBound::Int(v))
        })
        .collect::<Result<_>>()?;
    Ok((lows, highs))
}

/// `randint(low, high=None, size=None, dtype=int)`.
pub(crate) fn eval_randint(rs: &mut RandomState, call: &Call) -> Result<Value> {
    let b = bind(call, "randint", &["low", "high", "size", "dtype"], 1)?;
    let low = b[0].unwrap_or(&Expr::None);
    let zero = Expr::Int(0);
    let (low, high) = match opt(b[1]) {
        None => (&zero, low),
        Some(h) => (low, h),
    };
    let dt = resolve_dtype(b[3])?;
    randint_any(rs, low, high, b[2], dt)
}

/// `random_integers(low, high=None, size=None)` = `randint(low, int(high) + 1,
/// size, dtype='l')` (with `low = 1, high = low` when high is None).
pub(crate) fn eval_random_integers(rs: &mut RandomState, call: &Call) -> Result<Value> {
    let b = bind(call, "random_integers", &["low", "high", "size"], 1)?;
    let low = b[0].unwrap_or(&Expr::None);
    let one = Expr::Int(1);
    let (low, high) = match opt(b[1]) {
        None => (&one, low),
        Some(h) => (low, h),
    };
    let high = match high {
        Expr::List(_) | Expr::Tuple(_) => {
            return Err(Error::type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                type_name(high)
            )))
        }
        h => Expr::Int(int_leaf(h)? + 1),
    };
    let dt = DtypeSel {
        ty: IntTy::I64,
        py_scalar: false,
    };
    randint_any(rs, low, &high, b[2], dt)
}

pub(crate) fn randint_any(
    rs: &mut RandomState,
    low: &Expr,
    high: &Expr,
    size: Option<&Expr>,
    dt: DtypeSel,
) -> Result<Value> {
    match dt.ty {
        IntTy::Bool => randint_typed::<bool>(rs, low, high, size, dt),
        IntTy::I8 => randint_typed::<i8>(rs, low, high, size, dt),
        IntTy::U8 => randint_typed::<u8>(rs, low, high, size, dt),
        IntTy::I16 => randint_typed::<i16>(rs, low, high, size, dt),
        IntTy::U16 => randint_typed::<u16>(rs, low, high, size, dt),
        IntTy::I32 => randint_typed::<i32>(rs, low, high, size, dt),
        IntTy::U32 => randint_typed::<u32>(rs, low, high, size, dt),
        IntTy::I64 => randint_typed::<i64>(rs, low, high, size, dt),
        IntTy::U64 => randint_typed::<u64>(rs, low, high, size, dt),
    }
}

pub(crate) fn randint_typed<T: IntOut>(
    rs: &mut RandomState,
    low: &Expr,
    high: &Expr,
    size: Option<&Expr>,
    dt: DtypeSel,
) -> Result<Value> {
    // Zero-size shortcut (np.prod(size) == 0), before any check of the bounds.
    if let Some(sz @ (Expr::List(_) | Expr::Tuple(_))) = opt(size) {
        nd_shape(sz)?;
    }
    if size_is_zero(size)? {
        let shape = parse_size(size, Dtype::new(T::NAME, T::ITEMSIZE))?.unwrap_or_default();
        return Ok(Value::array(T::into_data(Vec::new()), shape));
    }
    let (lshape, lleaves) = nd_shape(low)?;
    let (hshape, hleaves) = nd_shape(high)?;
    if lshape.is_empty() && hshape.is_empty() {
        let lo = int_leaf(lleaves[0])?;
        let hi = int_leaf(hleaves[0])?;
        let h = hi - 1;
        if lo < T::LB {
            return Err(Error::value(format!(
                "low is out of bounds for {}",
                T::NAME
            )));
        }
        if h > T::UB {
            return Err(Error::value(format!(
                "high is out of bounds for {}",
                T::NAME
            )));
        }
        if lo > h {
            return Err(bounds_error(lo == 0));
        }
        return match parse_size(size, Dtype::new(T::NAME, T::ITEMSIZE))? {
            None => {
                let v = T::into_data(vec![rs.randint_dtype::<T>(lo, hi)?]);
                Ok(if dt.py_scalar {
                    Value::py_scalar(v)
                } else {
                    Value::np_scalar(v)
                })
            }
            Some(shape) => {
                let mut out = vec![T::default(); shape.iter().product()];
                rs.randint_into(&mut out, lo, hi)?;
                Ok(Value::array(T::into_data(out), shape))
            }
        };
    }
    // Array path (_rand_*_broadcast).
    let t = BoundsType {
        name: T::NAME,
        min: T::LB,
        max: T::UB,
        wide: T::BITS == 64,
    };
    let (lows, highs) = bound_leaves(&t, &lleaves, &hleaves, false)?;
    // np.any(low >= high): a ufunc, with the ufunc's broadcast error.
    let pair_shape = crate::array::ufunc_broadcast(&lshape, &hshape)?;
    let li = broadcast_indices(&pair_shape, &lshape);
    let hi = broadcast_indices(&pair_shape, &hshape);
    if li
        .iter()
        .zip(&hi)
        .any(|(&a, &b)| lows[a].at_least(highs[b]))
    {
        return Err(bounds_error(lows.iter().all(|b| b.is_zero())));
    }
    if T::BITS < 64 {
        // The FORCECAST to the next larger type goes through C long for Python ints.
        let big = |b: &IntBound| matches!(b, IntBound::Int(v) if i64::try_from(*v).is_err());
        if lows.iter().chain(&highs).any(big) {
            return Err(overflow("Python int too large to convert to C long"));
        }
    }
    let size = parse_size(size, Dtype::new(T::NAME, T::ITEMSIZE))?;
    let out: &[usize] = size.as_deref().unwrap_or(&[]);
    crate::eval::pysem::check_iter_dims(&[&lshape, &hshape, out])?;
    let (out_shape, it_shape) = match size {
        Some(s) => {
            let it = broadcast_shapes(&[&lshape, &hshape, &s])?;
            (s, it)
        }
        None => (pair_shape.clone(), pair_shape),
    };
    check_cap(&it_shape)?;
    let cnt: usize = out_shape.iter().product();
    if cnt > it_shape.iter().product() {
        // An empty bound array broadcast against a non-empty `size`: NumPy's loop
        // then reads past the end of the (empty) bounds and returns garbage.
        return Err(not_impl(format!(
            "randint with bounds of shapes {} and {} (empty) and size {} reads uninitialised memory in NumPy; nprand refuses",
            shape_repr(&lshape),
            shape_repr(&hshape),
            shape_repr(&out_shape)
        )));
    }
    let li = broadcast_indices(&it_shape, &lshape);
    let hi = broadcast_indices(&it_shape, &hshape);
    // FORCECAST: NaN is the only float left that is not in range, and C's cast of it
    // (INT64_MIN) keeps no bits below the 32 that the draw reads.
    let lo_v: Vec<i128> = li[..cnt].iter().map(|&i| lows[i].forcecast()).collect();
    let hi_v: Vec<i128> = hi[..cnt].iter().map(|&i| highs[i].forcecast()).collect();
    // NumPy's checks ran above, on the arrays as given. Small types compare float bounds
    // before casting them, so e.g. [0.3] and [0.7] pass and give an empty interval: the
    // draw then uses the bounds cast to the dtype's width, with NumPy's unsigned
    // `rng = high - 1 - low` wrapping as C's casts do.
    let mut out = vec![T::default(); cnt];
    rs.randint_broadcast_wrapping(&mut out, &lo_v, &hi_v);
    Ok(Value::array(T::into_data(out), out_shape))
}
