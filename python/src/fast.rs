//! The bulk fast path: the hottest methods called with plain Python numbers and a `size`
//! go straight to nprand's `_into` fills (the same kernels, checks and messages the
//! evaluator reaches through NumPy's broadcasting machinery, without it). Any other
//! call shape returns `None` and takes the general path.

use nprand::bitgen::state::Sfc64State;
use nprand::eval::value::{Data, Value};
use nprand::generator::{AnyBitGenerator, AnyGenerator, Generator};
use nprand::{BitGenerator, RandomState, Sfc64};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyFloat, PyInt, PyTuple};

/// `args`/`kwargs` bound to `names` as NumPy binds them, or `None` for anything the
/// general path should see (too many arguments, an unknown or repeated keyword).
fn bind<'py>(
    names: &[&str],
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> Option<Vec<Option<Bound<'py, PyAny>>>> {
    if args.len() > names.len() {
        return None;
    }
    let mut out: Vec<Option<Bound<'py, PyAny>>> = args.iter().map(Some).collect();
    out.resize(names.len(), None);
    if let Some(d) = kwargs {
        for (k, v) in d.iter() {
            let k: String = k.extract().ok()?;
            let i = names.iter().position(|n| *n == k)?;
            if out[i].is_some() {
                return None;
            }
            out[i] = Some(v);
        }
    }
    Some(out)
}

/// A float parameter given as an exact Python float or int (or left at its default).
fn num(x: &Option<Bound<'_, PyAny>>, default: Option<f64>) -> Option<f64> {
    match x {
        None => default,
        Some(v) if v.is_exact_instance_of::<PyFloat>() => v.extract().ok(),
        Some(v) if v.is_exact_instance_of::<PyInt>() => v.extract::<i64>().ok().map(|i| i as f64),
        Some(_) => None,
    }
}

/// An integer parameter given as an exact Python int.
fn int(x: &Option<Bound<'_, PyAny>>, default: Option<i64>) -> Option<i64> {
    match x {
        None => default,
        Some(v) if v.is_exact_instance_of::<PyInt>() => v.extract().ok(),
        Some(_) => None,
    }
}

/// `size`: `Some(None)` for a scalar call (absent or `None`), `Some(Some(shape))` for a
/// non-negative int or a tuple of them, `None` for anything else.
fn size(x: &Option<Bound<'_, PyAny>>) -> Option<Option<Vec<usize>>> {
    let Some(v) = x.as_ref().filter(|v| !v.is_none()) else {
        return Some(None);
    };
    if v.is_exact_instance_of::<PyInt>() {
        return Some(Some(vec![v.extract::<usize>().ok()?]));
    }
    let t = v.cast_exact::<PyTuple>().ok()?;
    t.iter()
        .map(|d| {
            d.is_exact_instance_of::<PyInt>()
                .then(|| d.extract::<usize>().ok())
                .flatten()
        })
        .collect::<Option<Vec<_>>>()
        .map(Some)
}

/// Fills an output of `shape` (or one value: a Python scalar, or a NumPy scalar with
/// `np_scalar`) with `fill`.
fn filled<T: Default + Clone>(
    shape: Option<Vec<usize>>,
    np_scalar: bool,
    wrap: fn(Vec<T>) -> Data,
    fill: impl FnOnce(&mut [T]) -> nprand::Result<()>,
) -> PyResult<Option<Value>> {
    let Some(shape) = shape else {
        let mut one = vec![T::default()];
        fill(&mut one)?;
        return Ok(Some(if np_scalar {
            Value::np_scalar(wrap(one))
        } else {
            Value::py_scalar(wrap(one))
        }));
    };
    let n = shape.iter().try_fold(1usize, |a, &d| a.checked_mul(d));
    // Empty and huge outputs take the general path (NumPy's checks on empty outputs,
    // its MemoryError).
    let Some(n) = n.filter(|&n| n > 0 && n <= (isize::MAX as usize) / 8) else {
        return Ok(None);
    };
    let mut out = vec![T::default(); n];
    fill(&mut out)?;
    Ok(Some(Value::array(wrap(out), shape)))
}

/// One fast row: `name(params..., size)` → `_into` call, for either front-end.
macro_rules! rows {
    ($method:ident, $b:ident, $args:ident, $kwargs:ident; $(
        $name:literal ($($p:ident),*) $ty:ident => |$out:ident, [$($v:ident = $conv:expr),*]| $call:expr;
    )*) => {
        match $method {
            $($name => {
                let Some($b) = bind(&[$(stringify!($p),)* "size"], $args, $kwargs) else { return Ok(None) };
                let Some(shape) = size($b.last().unwrap()) else { return Ok(None) };
                $(let Some($v) = $conv else { return Ok(None) };)*
                filled(shape, false, Data::$ty, |$out| $call)
            })*
            _ => Ok(None),
        }
    };
}

/// RandomState's bulk calls.
pub fn legacy(
    rs: &mut RandomState,
    method: &str,
    args: &Bound<'_, PyTuple>,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<Option<Value>> {
    rows! { method, b, args, kwargs;
        "random_sample" () F64 => |o, []| { rs.random_sample_into(o); Ok(()) };
        "random" () F64 => |o, []| { rs.random_sample_into(o); Ok(()) };
        "standard_normal" () F64 => |o, []| { rs.standard_normal_into(o); Ok(()) };
        "standard_exponential" () F64 => |o, []| { rs.standard_exponential_into(o); Ok(()) };
        "normal" (loc, scale) F64 => |o, [l = num(&b[0], Some(0.0)), s = num(&b[1], Some(1.0))]| rs.normal_into(o, l, s);
        "uniform" (low, high) F64 => |o, [l = num(&b[0], Some(0.0)), h = num(&b[1], Some(1.0))]| rs.uniform_into(o, l, h);
        "exponential" (scale) F64 => |o, [s = num(&b[0], Some(1.0))]| rs.exponential_into(o, s);
        "standard_gamma" (shape) F64 => |o, [k = num(&b[0], None)]| rs.standard_gamma_into(o, k);
        "gamma" (shape, scale) F64 => |o, [k = num(&b[0], None), s = num(&b[1], Some(1.0))]| rs.gamma_into(o, k, s);
        "poisson" (lam) I64 => |o, [l = num(&b[0], Some(1.0))]| rs.poisson_into(o, l);
        "binomial" (n, p) I64 => |o, [n = int(&b[0], None), p = num(&b[1], None)]| rs.binomial_into(o, n, p);
    }
}

/// The methods [`generator`] has a bulk form of.
const GENERATOR_FAST: [&str; 11] = [
    "integers",
    "random",
    "standard_normal",
    "standard_exponential",
    "normal",
    "uniform",
    "exponential",
    "standard_gamma",
    "gamma",
    "poisson",
    "binomial",
];

/// Generator's bulk calls (default dtypes only: `dtype=`/`out=` take the general path),
/// run on a `Generator` over the concrete bit generator: through `AnyBitGenerator` every
/// draw would go through a `match`, which keeps the fills from being inlined.
pub fn generator(
    g: &mut AnyGenerator,
    method: &str,
    args: &Bound<'_, PyTuple>,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<Option<Value>> {
    if !GENERATOR_FAST.contains(&method) {
        return Ok(None);
    }
    let empty = Sfc64State {
        state: [0; 4],
        has_uint32: false,
        uinteger: 0,
    };
    let taken = std::mem::replace(
        g.bit_generator_mut(),
        AnyBitGenerator::Sfc64(Sfc64::from_raw_state(empty)),
    );
    macro_rules! concrete {
        ($($v:ident),*) => {
            match taken {
                $(AnyBitGenerator::$v(bg) => {
                    let mut cg = Generator::new(bg);
                    let out = generator_typed(&mut cg, method, args, kwargs);
                    *g.bit_generator_mut() = AnyBitGenerator::$v(cg.into_bit_generator());
                    out
                })*
            }
        };
    }
    concrete!(Mt19937, Pcg64, Pcg64Dxsm, Philox, Sfc64)
}

fn generator_typed<B: BitGenerator>(
    g: &mut Generator<B>,
    method: &str,
    args: &Bound<'_, PyTuple>,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<Option<Value>> {
    if method == "integers" {
        // integers(low, high=None, size=None): int64, endpoint=False.
        let Some(b) = bind(&["low", "high", "size"], args, kwargs) else {
            return Ok(None);
        };
        let (Some(shape), Some(low)) = (size(&b[2]), int(&b[0], None)) else {
            return Ok(None);
        };
        let (low, high) = match b[1] {
            None => (0, low),
            Some(_) => match int(&b[1], None) {
                Some(h) => (low, h),
                None => return Ok(None),
            },
        };
        return filled(shape, true, Data::I64, |o| {
            g.integers_into(o, low as i128, high as i128, false)
        });
    }
    rows! { method, b, args, kwargs;
        "random" () F64 => |o, []| { g.random_into(o); Ok(()) };
        "standard_normal" () F64 => |o, []| { g.standard_normal_into(o); Ok(()) };
        "standard_exponential" () F64 => |o, []| { g.standard_exponential_into(o); Ok(()) };
        "normal" (loc, scale) F64 => |o, [l = num(&b[0], Some(0.0)), s = num(&b[1], Some(1.0))]| g.normal_into(o, l, s);
        "uniform" (low, high) F64 => |o, [l = num(&b[0], Some(0.0)), h = num(&b[1], Some(1.0))]| g.uniform_into(o, l, h);
        "exponential" (scale) F64 => |o, [s = num(&b[0], Some(1.0))]| g.exponential_into(o, s);
        "standard_gamma" (shape) F64 => |o, [k = num(&b[0], None)]| g.standard_gamma_into(o, k);
        "gamma" (shape, scale) F64 => |o, [k = num(&b[0], None), s = num(&b[1], Some(1.0))]| g.gamma_into(o, k, s);
        "poisson" (lam) I64 => |o, [l = num(&b[0], Some(1.0))]| g.poisson_into(o, l);
        "binomial" (n, p) I64 => |o, [n = int(&b[0], None), p = num(&b[1], None)]| g.binomial_into(o, n, p);
    }
}
