//! `nprand.Random`: CPython 3.11's `random.Random`, bit for bit, in Rust.

use crate::convert::{from_py_value, to_py_value};
use nprand::eval::py_value::PyValue;
use nprand::eval::python::eval_python_values;
use num_bigint::BigInt;
use pyo3::exceptions::{PyIndexError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

/// CPython's `random.Random` (MT19937, `random`'s algorithms), drawing in Rust.
#[pyclass(module = "nprand", name = "Random")]
pub struct Random {
    pub r: nprand::python::Random,
}

fn args_of(args: &Bound<'_, PyTuple>) -> PyResult<Vec<PyValue>> {
    args.iter().map(|a| to_py_value(&a)).collect()
}

fn kwargs_of(kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<Vec<(String, PyValue)>> {
    let mut out = Vec::new();
    if let Some(d) = kwargs {
        for (k, v) in d.iter() {
            out.push((k.extract::<String>()?, to_py_value(&v)?));
        }
    }
    Ok(out)
}

/// `[0, 1, ..., n-1]`: the draws of `choice`, `sample`, `shuffle` and `choices` depend
/// on a population's length only, so the evaluator draws over indices and the results
/// are picked from the real population, whatever objects it holds.
fn indices(n: usize) -> PyValue {
    PyValue::List((0..n).map(|i| PyValue::Int(BigInt::from(i))).collect())
}

fn index_list(v: &PyValue) -> PyResult<Vec<usize>> {
    let items = match v {
        PyValue::List(items) | PyValue::Tuple(items) => items,
        _ => return Err(PyTypeError::new_err("nprand: expected a list of indices")),
    };
    items
        .iter()
        .map(|x| match x {
            PyValue::Int(i) => usize::try_from(i).map_err(|_| PyTypeError::new_err("index")),
            _ => Err(PyTypeError::new_err("nprand: expected an index")),
        })
        .collect()
}

impl Random {
    fn call(
        &mut self,
        py: Python<'_>,
        method: &str,
        args: Vec<PyValue>,
        kwargs: Vec<(String, PyValue)>,
    ) -> PyResult<Py<PyAny>> {
        from_py_value(py, eval_python_values(&mut self.r, method, args, kwargs)?)
    }

    /// `seed(a)`; `None` as CPython: 2,496 bytes of OS entropy as a big-endian int.
    fn reseed(&mut self, py: Python<'_>, a: Option<&Bound<'_, PyAny>>) -> PyResult<()> {
        let v = match a {
            Some(a) if !a.is_none() => to_py_value(a)?,
            _ => {
                let bytes = py.import("os")?.call_method1("urandom", (2496,))?;
                let int = py.import("builtins")?.getattr("int")?;
                to_py_value(&int.call_method1("from_bytes", (bytes, "big"))?)?
            }
        };
        self.call_seed(v)
    }

    fn call_seed(&mut self, v: PyValue) -> PyResult<()> {
        eval_python_values(&mut self.r, "seed", vec![v], vec![])?;
        Ok(())
    }
}

forward! {
    Random;
    [random, uniform, triangular, normalvariate, gauss, lognormvariate, expovariate,
     vonmisesvariate, gammavariate, betavariate, paretovariate, weibullvariate, getrandbits,
     randbytes, randrange, randint];
    {
        /// `Random(x=None)`.
        #[new]
        #[pyo3(signature = (x=None))]
        fn new(py: Python<'_>, x: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
            let mut me = Random { r: nprand::python::Random::new(0) };
            me.reseed(py, x)?;
            Ok(me)
        }

        /// `seed(a=None, version=2)`.
        #[pyo3(signature = (a=None, version=2))]
        fn seed(&mut self, py: Python<'_>, a: Option<&Bound<'_, PyAny>>, version: i64) -> PyResult<()> {
            match a {
                Some(a) if !a.is_none() => {
                    let version = ("version".to_string(), PyValue::Int(version.into()));
                    eval_python_values(&mut self.r, "seed", vec![to_py_value(a)?], vec![version])?;
                }
                _ => self.reseed(py, None)?,
            }
            Ok(())
        }

        /// `getstate()`: `(3, (624 words..., index), gauss_next)`.
        fn getstate<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
            nprand::py::py_state_to_py(py, &self.r.getstate())
        }

        /// `setstate(state)`.
        fn setstate(&mut self, state: &Bound<'_, PyAny>) -> PyResult<()> {
            let st = nprand::py::py_state_from_py(state)?;
            self.r.setstate(&st)?;
            Ok(())
        }

        /// `choice(seq)`.
        fn choice(&mut self, seq: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
            let n = seq.len()?;
            if n == 0 {
                return Err(PyIndexError::new_err("Cannot choose from an empty sequence"));
            }
            let i = self.r.randbelow(n as u64) as usize;
            Ok(seq.get_item(i)?.unbind())
        }

        /// `shuffle(x)`: in place, with CPython's swaps.
        fn shuffle(&mut self, x: &Bound<'_, PyAny>) -> PyResult<()> {
            let n = x.len()?;
            let mut perm: Vec<usize> = (0..n).collect();
            self.r.shuffle(&mut perm);
            let orig: Vec<Bound<'_, PyAny>> = (0..n).map(|i| x.get_item(i)).collect::<PyResult<_>>()?;
            if let Ok(list) = x.cast::<PyList>() {
                for (i, &p) in perm.iter().enumerate() {
                    list.set_item(i, &orig[p])?;
                }
            } else {
                for (i, &p) in perm.iter().enumerate() {
                    x.set_item(i, &orig[p])?;
                }
            }
            Ok(())
        }

        /// `sample(population, k, *, counts=None)`.
        #[pyo3(signature = (population, k, *, counts=None))]
        fn sample(&mut self, py: Python<'_>, population: &Bound<'_, PyAny>, k: &Bound<'_, PyAny>, counts: Option<&Bound<'_, PyAny>>) -> PyResult<Py<PyAny>> {
            let seq = py.import("collections.abc")?.getattr("Sequence")?;
            if !population.is_instance(&seq)? {
                return Err(PyTypeError::new_err("Population must be a sequence.  For dicts or sets, use sorted(d)."));
            }
            let n = population.len()?;
            let picked: Vec<usize> = match counts {
                Some(c) if !c.is_none() => {
                    let kw = vec![("counts".to_string(), to_py_value(c)?)];
                    let v = eval_python_values(&mut self.r, "sample", vec![indices(n), to_py_value(k)?], kw)?;
                    index_list(&v)?
                }
                // Without counts the draws depend on len(population) and k only: a
                // range(10**12) is sampled without being listed.
                _ => {
                    let k: i64 = k.call_method0("__index__")?.extract()?;
                    if k < 0 || k as u64 > n as u64 {
                        return Err(PyValueError::new_err("Sample larger than population or is negative"));
                    }
                    self.r.sample_indices(n as u64, k as usize)?.into_iter().map(|i| i as usize).collect()
                }
            };
            let out: Vec<Bound<'_, PyAny>> = picked.into_iter().map(|i| population.get_item(i)).collect::<PyResult<_>>()?;
            Ok(PyList::new(py, out)?.into_any().unbind())
        }

        /// `choices(population, weights=None, *, cum_weights=None, k=1)`.
        #[pyo3(signature = (population, weights=None, *, cum_weights=None, k=None))]
        fn choices(&mut self, py: Python<'_>, population: &Bound<'_, PyAny>, weights: Option<&Bound<'_, PyAny>>, cum_weights: Option<&Bound<'_, PyAny>>, k: Option<&Bound<'_, PyAny>>) -> PyResult<Py<PyAny>> {
            let n = population.len()?;
            let mut kw = vec![];
            for (name, v) in [("weights", weights), ("cum_weights", cum_weights), ("k", k)] {
                if let Some(v) = v {
                    kw.push((name.to_string(), to_py_value(v)?));
                }
            }
            let v = eval_python_values(&mut self.r, "choices", vec![indices(n)], kw)?;
            let picked = index_list(&v)?;
            let out: Vec<Bound<'_, PyAny>> = picked.into_iter().map(|i| population.get_item(i)).collect::<PyResult<_>>()?;
            Ok(PyList::new(py, out)?.into_any().unbind())
        }

        /// A `random.Random` in the same state.
        fn to_python<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            let obj = py.import("random")?.getattr("Random")?.call0()?;
            nprand::py::store_random(&obj, &self.r)?;
            Ok(obj)
        }

        fn __repr__(&self) -> String {
            "Random [nprand]".into()
        }
    }
}

impl Random {
    /// Forwarded methods take `PyValue` arguments.
    fn forward_call(
        &mut self,
        py: Python<'_>,
        method: &str,
        args: &Bound<'_, PyTuple>,
        kwargs: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let a = args_of(args)?;
        let k = kwargs_of(kwargs)?;
        self.call(py, method, a, k)
    }
}
