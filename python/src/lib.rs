//! The `nprand` Python module: NumPy's `RandomState` / `Generator` and CPython's
//! `random.Random` drawing in Rust with the same numbers, and the interop example: Rust
//! functions that continue the stream of the generator the Python code passes in.

use nprand::eval::parser::Expr;
use nprand::eval::value::{Data, Value};
use numpy::{IntoPyArray, PyArray1};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyList, PySlice};

/// A `#[pymethods]` block: the hand-written methods, then one forwarding method per
/// name that hands `(*args, **kwargs)` to the evaluator (NumPy's / CPython's argument
/// handling, values and messages).
macro_rules! forward {
    ($ty:ident; [$($name:ident),* $(,)?]; { $($body:tt)* }) => {
        #[pymethods]
        impl $ty {
            $($body)*
            $(
                #[doc = concat!("`", stringify!($name), "(...)`, as NumPy's / CPython's.")]
                #[pyo3(signature = (*args, **kwargs))]
                fn $name(
                    &mut self,
                    py: Python<'_>,
                    args: &Bound<'_, pyo3::types::PyTuple>,
                    kwargs: Option<&Bound<'_, pyo3::types::PyDict>>,
                ) -> PyResult<Py<PyAny>> {
                    self.forward_call(py, stringify!($name), args, kwargs)
                }
            )*
        }
    };
}

mod convert;
mod fast;
mod generator;
mod legacy;
mod out;
mod random;

/// Shuffles `x` in place with the draws of `permutation(n)` (NumPy's `shuffle` and
/// `permutation(n)` make the same swaps), following NumPy's `shuffle` case by case:
/// - a read-only array: NumPy's `ValueError`, before any draw;
/// - `Generator`'s `axis` (`Some`; the legacy method has none) is normalised for arrays;
/// - an empty array (other than an exact 1-d one, which is not empty here): no draws;
/// - an exact `ndarray`: its buffer shuffled in place when it is C-contiguous along axis
///   0 and numeric, else `x[...] = x.take(perm, axis)` (the same elements moved);
/// - an `ndarray` subclass (a masked array, ...): NumPy's own loop through the object's
///   `__getitem__`/`__setitem__` and a `buf = empty_like(x[0, ...])` bounce buffer, the
///   swaps recovered from the permutation, because a subclass's item assignment may do
///   more than copy (a masked array's mask does not follow its values there);
/// - a list: `x[:] = [x[i] for i in perm]`; another mutable sequence: item by item.
///
/// Anything else goes to `fallback`, which raises NumPy's error.
fn shuffle_in_place<S: ShuffleRows>(
    py: Python<'_>,
    x: &Bound<'_, PyAny>,
    axis: Option<i64>,
    s: &mut S,
    permutation: fn(&mut S, usize) -> PyResult<Value>,
    fallback: fn(&mut S, Expr) -> PyResult<()>,
) -> PyResult<()> {
    let axis_given = axis.is_some();
    let np = py.import("numpy")?;
    let perm_of = |v: Value| -> PyResult<Vec<usize>> {
        match v.data {
            Data::I64(p) => Ok(p.into_iter().map(|i| i as usize).collect()),
            _ => Err(PyTypeError::new_err("nprand: permutation is not int64")),
        }
    };
    let ndarray = np.getattr("ndarray")?;
    if x.is_instance(&ndarray)? && x.getattr("ndim")?.extract::<usize>()? >= 1 {
        if !x
            .getattr("flags")?
            .getattr("writeable")?
            .extract::<bool>()?
        {
            return Err(pyo3::exceptions::PyValueError::new_err(
                "array is read-only",
            ));
        }
        let ndim: i64 = x.getattr("ndim")?.extract()?;
        let axis = np
            .getattr("lib")?
            .getattr("array_utils")?
            .call_method1("normalize_axis_index", (axis.unwrap_or(0), ndim))?;
        let size: usize = x.getattr("size")?.extract()?;
        if size == 0 {
            return Ok(());
        }
        let n: usize = x.getattr("shape")?.get_item(&axis)?.extract()?;
        let exact = x.get_type().is(&ndarray);
        if exact && axis.extract::<usize>()? == 0 && shuffle_rows_fast(x, s)? {
            return Ok(());
        }
        let perm = perm_of(permutation(s, n)?)?;
        if exact {
            let perm: Vec<i64> = perm.into_iter().map(|i| i as i64).collect();
            let taken = x.call_method1("take", (perm.into_pyarray(py), &axis))?;
            return x.set_item(py.Ellipsis(), taken);
        }
        let x = match axis.extract::<usize>()? {
            0 => x.clone(),
            _ => np.call_method1("swapaxes", (x, 0, &axis))?,
        };
        // NumPy's legacy loop indexes `x[j]`, the Generator's `x[j, ...]`.
        let key = |i: usize| -> PyResult<Bound<'_, PyAny>> {
            Ok(match axis_given {
                true => (i, py.Ellipsis()).into_pyobject(py)?.into_any(),
                false => i.into_pyobject(py)?.into_any(),
            })
        };
        let buf = np.call_method1("empty_like", (x.get_item((0, py.Ellipsis()))?,))?;
        for (i, j) in swaps(&perm) {
            if i == j {
                continue;
            }
            buf.set_item(py.Ellipsis(), x.get_item(key(j)?)?)?;
            x.set_item(key(j)?, x.get_item(key(i)?)?)?;
            x.set_item(key(i)?, &buf)?;
        }
        return Ok(());
    }
    if let Ok(list) = x.cast::<PyList>() {
        let perm = perm_of(permutation(s, list.len())?)?;
        let items: Vec<Bound<'_, PyAny>> = perm
            .iter()
            .map(|&i| list.get_item(i))
            .collect::<PyResult<_>>()?;
        return list
            .as_any()
            .set_item(PySlice::full(py), PyList::new(py, items)?);
    }
    if x.hasattr("__setitem__")?
        && x.hasattr("__len__")?
        && !x.is_instance(&np.getattr("ndarray")?)?
    {
        let n = x.len()?;
        let orig: Vec<Bound<'_, PyAny>> = (0..n).map(|i| x.get_item(i)).collect::<PyResult<_>>()?;
        for (i, p) in perm_of(permutation(s, n)?)?.into_iter().enumerate() {
            x.set_item(i, &orig[p])?;
        }
        return Ok(());
    }
    fallback(s, convert::to_expr(x)?)
}

/// The row shuffles of both front-ends (`shuffle` along axis 0 of a C-ordered buffer:
/// NumPy's swaps, with the draws of `permutation(rows)`).
trait ShuffleRows {
    fn shuffle_rows<T>(&mut self, x: &mut [T], row_len: usize);
}

impl ShuffleRows for nprand::RandomState {
    fn shuffle_rows<T>(&mut self, x: &mut [T], row_len: usize) {
        nprand::RandomState::shuffle_rows(self, x, row_len)
    }
}

impl ShuffleRows for nprand::generator::AnyGenerator {
    fn shuffle_rows<T>(&mut self, x: &mut [T], row_len: usize) {
        nprand::generator::AnyGenerator::shuffle_rows(self, x, row_len)
    }
}

/// Shuffles an exact, writeable, C-contiguous, non-empty NumPy array of a numeric dtype
/// along axis 0 in its own buffer (no permutation array, no `take`, no copy back).
/// `false` leaves strided arrays and other dtypes to the general path.
fn shuffle_rows_fast<S: ShuffleRows>(x: &Bound<'_, PyAny>, s: &mut S) -> PyResult<bool> {
    use numpy::{PyArrayDyn, PyArrayMethods, PyUntypedArrayMethods};
    macro_rules! typed {
        ($($t:ty),*) => {$(
            if let Ok(a) = x.cast::<PyArrayDyn<$t>>() {
                let (len, rows) = (a.len(), a.shape()[0]);
                if len == 0 || !a.is_c_contiguous() {
                    return Ok(false);
                }
                let Ok(mut rw) = a.try_readwrite() else { return Ok(false) };
                let Ok(slice) = rw.as_slice_mut() else { return Ok(false) };
                s.shuffle_rows(slice, len / rows);
                return Ok(true);
            }
        )*};
    }
    typed!(f64, f32, i64, i32, i16, i8, u64, u32, u16, u8, bool);
    Ok(false)
}

/// The swaps `(i, j)`, `i = n-1 down to 1`, of the Fisher-Yates shuffle that turned
/// `arange(n)` into `perm`: position `i` is final after its swap, so `j` is wherever
/// `perm[i]` stands at that point.
fn swaps(perm: &[usize]) -> Vec<(usize, usize)> {
    let mut cur: Vec<usize> = (0..perm.len()).collect();
    let mut at = cur.clone();
    let mut out = Vec::with_capacity(perm.len());
    for i in (1..perm.len()).rev() {
        let j = at[perm[i]];
        out.push((i, j));
        let (vi, vj) = (cur[i], cur[j]);
        cur.swap(i, j);
        at[vi] = j;
        at[vj] = i;
    }
    out
}

/// Evaluates NumPy calls (`"normal(0, 1, size=3)"`) on a borrowed generator: the test
/// suite's way to let Rust draw in the middle of a Python sequence. Returns the results.
fn eval_calls<'py, G>(
    py: Python<'py>,
    g: &mut G,
    calls: Vec<String>,
    eval: impl Fn(&mut G, &str) -> nprand::Result<Value>,
) -> PyResult<Vec<Py<PyAny>>> {
    calls
        .iter()
        .map(|c| convert::from_value(py, eval(g, c)?))
        .collect()
}

/// `draw(rng, calls)`: Rust draws `calls` (NumPy method calls as text, e.g.
/// `"standard_normal(3)"`) from the passed-in `np.random.RandomState` or
/// `np.random.Generator`, and leaves it where NumPy would have.
#[pyfunction]
fn draw(py: Python<'_>, rng: &Bound<'_, PyAny>, calls: Vec<String>) -> PyResult<Vec<Py<PyAny>>> {
    let rs_cls = py.import("numpy.random")?.getattr("RandomState")?;
    if rng.is_instance(&rs_cls)? {
        return nprand::py::with_random_state(rng, |rs| {
            eval_calls(py, rs, calls, nprand::eval::legacy::eval_call)
        });
    }
    nprand::py::with_generator(rng, |g| {
        eval_calls(py, g, calls, nprand::eval::generator::eval_generator_call)
    })
}

/// `draw_random(r, calls)`: as [`draw`] for a `random.Random` (CPython calls as text,
/// e.g. `"randrange(10)"`), results as Python objects.
#[pyfunction]
fn draw_random(
    py: Python<'_>,
    r: &Bound<'_, PyAny>,
    calls: Vec<String>,
) -> PyResult<Vec<Py<PyAny>>> {
    nprand::py::with_random(r, |r| {
        calls
            .iter()
            .map(|c| convert::from_py_value(py, nprand::eval::python::eval_python_call(r, c)?))
            .collect()
    })
}

// ---------------------------------------------------------------------------------------
// The example a user copies: a seeded simulation loop in Rust on the caller's generator.
// ---------------------------------------------------------------------------------------

/// Waiting times of the first `n` customers of a single-server queue (Lindley's
/// recursion), service times `exponential(1/service_rate)` then inter-arrival times
/// `exponential(1/arrival_rate)` per customer, drawn from `rng`: a
/// `np.random.RandomState` or a `np.random.Generator`. Gives exactly what the same loop
/// in Python gives with NumPy's draws, and leaves `rng` where NumPy would.
///
/// ```python
/// def queue_waits(rng, n, arrival_rate, service_rate):   # the Python it replaces
///     out, w = np.empty(n), 0.0
///     for i in range(n):
///         s = rng.exponential(1 / service_rate)
///         a = rng.exponential(1 / arrival_rate)
///         out[i] = w
///         w = max(0.0, w + s - a)
///     return out
/// ```
#[pyfunction]
fn queue_waits<'py>(
    py: Python<'py>,
    rng: &Bound<'py, PyAny>,
    n: usize,
    arrival_rate: f64,
    service_rate: f64,
) -> PyResult<Bound<'py, PyArray1<f64>>> {
    let (s_scale, a_scale) = (1.0 / service_rate, 1.0 / arrival_rate);
    let rs_cls = py.import("numpy.random")?.getattr("RandomState")?;
    let out = if rng.is_instance(&rs_cls)? {
        nprand::py::with_random_state(rng, |rs| {
            lindley(n, || {
                Ok((rs.exponential(s_scale)?, rs.exponential(a_scale)?))
            })
        })?
    } else {
        nprand::py::with_generator(rng, |g| {
            lindley(n, || Ok((g.exponential(s_scale)?, g.exponential(a_scale)?)))
        })?
    };
    Ok(out.into_pyarray(py))
}

/// Lindley's recursion over `(service, inter-arrival)` pairs.
fn lindley(n: usize, mut next: impl FnMut() -> PyResult<(f64, f64)>) -> PyResult<Vec<f64>> {
    let mut out = Vec::with_capacity(n);
    let mut w = 0.0_f64;
    for _ in 0..n {
        let (s, a) = next()?;
        out.push(w);
        let d = w + s - a;
        w = if d > 0.0 { d } else { 0.0 };
    }
    Ok(out)
}

/// `fail_after(rng, k)`: draws `k` `standard_normal()` values in Rust, then returns a
/// `ValueError`: the generator must still have advanced by the `k` draws.
#[pyfunction]
fn fail_after(rng: &Bound<'_, PyAny>, k: usize) -> PyResult<()> {
    nprand::py::with_generator(rng, |g| {
        for _ in 0..k {
            g.standard_normal();
        }
        Err(nprand::Error::value("failed on purpose after drawing").into())
    })
}

/// The module.
#[pymodule]
#[pyo3(name = "nprand")]
fn nprand_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<legacy::RandomState>()?;
    m.add_class::<generator::Generator>()?;
    m.add_class::<random::Random>()?;
    m.add_function(wrap_pyfunction!(generator::default_rng, m)?)?;
    m.add_function(wrap_pyfunction!(draw, m)?)?;
    m.add_function(wrap_pyfunction!(draw_random, m)?)?;
    m.add_function(wrap_pyfunction!(queue_waits, m)?)?;
    m.add_function(wrap_pyfunction!(fail_after, m)?)?;
    Ok(())
}
