//! `nprand.Generator` and `nprand.default_rng`: NumPy's `Generator` over any of its five
//! bit generators, bit for bit, in Rust.

use crate::convert::{from_value, to_call};
use nprand::eval::generator::{eval_generator_parsed, parse_seed};
use nprand::eval::parser::{Call, Expr};
use nprand::eval::value::Value;
use nprand::generator::{AnyBitGenerator, AnyGenerator, BitGenKind, Generator as NpGenerator};
use nprand::{BitGenerator, Seed};

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyInt, PyList, PyTuple};

/// NumPy's `Generator`, drawing in Rust. Every method gives NumPy 2.4.6's values,
/// shapes, dtypes and exceptions.
#[pyclass(module = "nprand", name = "Generator")]
pub struct Generator {
    pub g: AnyGenerator,
}

/// NumPy's seed argument as nprand's: `None` (OS entropy), an int or a sequence of ints
/// (read as NumPy reads them, errors included).
fn seed_of(seed: Option<&Bound<'_, PyAny>>) -> PyResult<Seed> {
    match seed {
        None => Ok(Seed::OsEntropy),
        Some(s) if s.is_none() => Ok(Seed::OsEntropy),
        Some(s)
            if s.is_instance_of::<PyInt>()
                || s.is_instance_of::<PyList>()
                || s.is_instance_of::<PyTuple>() =>
        {
            Ok(parse_seed(&s.repr()?.to_string())?)
        }
        Some(s) => {
            // NumPy ints, arrays of ints: as the Python ints / lists they hold.
            let np = s.py().import("numpy")?;
            if s.is_instance(&np.getattr("ndarray")?)? || s.is_instance(&np.getattr("integer")?)? {
                return seed_of(Some(&s.call_method0("tolist")?));
            }
            Ok(parse_seed(&s.repr()?.to_string())?)
        }
    }
}

/// A generator of `kind` from NumPy's seed argument, or from a NumPy `SeedSequence`,
/// bit generator or Generator (its state is copied).
fn make(kind: BitGenKind, seed: Option<&Bound<'_, PyAny>>) -> PyResult<AnyGenerator> {
    if let Some(s) = seed {
        let py = s.py();
        let np_random = py.import("numpy.random")?;
        if s.is_instance(&np_random.getattr("Generator")?)?
            || s.is_instance(&np_random.getattr("BitGenerator")?)?
        {
            return nprand::py::generator_from_py(s);
        }
        if s.is_instance(&np_random.getattr("SeedSequence")?)? {
            let bg = np_random.getattr(kind.numpy_name())?.call1((s,))?;
            return nprand::py::generator_from_py(&bg);
        }
    }
    Ok(NpGenerator::new(AnyBitGenerator::try_new(
        kind,
        seed_of(seed)?,
    )?))
}

impl Generator {
    fn forward_call(
        &mut self,
        py: Python<'_>,
        method: &str,
        args: &Bound<'_, PyTuple>,
        kwargs: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let draw = |g: &mut Self, a: &Bound<'_, PyTuple>, k: Option<&Bound<'_, PyDict>>| {
            g.draw_value(method, a, k)
        };
        if let Some(out) =
            crate::out::call_with_out(py, method, args, kwargs, |a, k| draw(self, a, Some(k)))?
        {
            return Ok(out);
        }
        from_value(py, draw(self, args, kwargs)?)
    }

    /// The call's result: the bulk fast path when it applies, else the evaluator.
    fn draw_value(
        &mut self,
        method: &str,
        args: &Bound<'_, PyTuple>,
        kwargs: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Value> {
        if let Some(v) = crate::fast::generator(&mut self.g, method, args, kwargs)? {
            return Ok(v);
        }
        let call = to_call(method, args, kwargs)?;
        Ok(eval_generator_parsed(&mut self.g, &call)?.value)
    }
}

forward! {
    Generator;
    [beta, binomial, bytes, chisquare, choice, dirichlet, exponential, f, gamma, geometric,
     gumbel, hypergeometric, integers, laplace, logistic, lognormal, logseries, multinomial,
     multivariate_hypergeometric, multivariate_normal, negative_binomial, noncentral_chisquare,
     noncentral_f, normal, pareto, permutation, permuted, poisson, power, random, rayleigh,
     standard_cauchy, standard_exponential, standard_gamma, standard_normal, standard_t,
     triangular, uniform, vonmises, wald, weibull, zipf];
    {
        /// `Generator(bit_generator)`: a NumPy bit generator (`np.random.PCG64(5)`; its
        /// state is copied), or a bit generator name and a seed (`Generator("SFC64", 5)`).
        #[new]
        #[pyo3(signature = (bit_generator=None, seed=None))]
        fn new(bit_generator: Option<&Bound<'_, PyAny>>, seed: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
            let Some(bit_generator) = bit_generator else {
                return Ok(Generator { g: make(BitGenKind::Pcg64, seed)? });
            };
            if let Ok(name) = bit_generator.extract::<String>() {
                let kind: BitGenKind = name.parse()?;
                return Ok(Generator { g: make(kind, seed)? });
            }
            Ok(Generator { g: nprand::py::generator_from_py(bit_generator)? })
        }

        /// The bit generator's `state` dictionary, as NumPy's `bit_generator.state`.
        #[getter]
        fn get_state<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
            nprand::py::bitgen_state_to_py(py, &self.g.bit_generator().state())
        }

        /// `bit_generator.state = state`.
        #[setter]
        fn set_state(&mut self, state: &Bound<'_, PyAny>) -> PyResult<()> {
            let st = nprand::py::bitgen_state_from_py(state)?;
            self.g.bit_generator_mut().set_state(&st)?;
            Ok(())
        }

        /// The bit generator's NumPy class name (`"PCG64"` ...).
        #[getter]
        fn bit_generator_name(&self) -> &'static str {
            self.g.bit_generator().name()
        }

        /// `shuffle(x, axis=0)`: in place, with NumPy's draws (those of
        /// `permutation(x.shape[axis])`).
        #[pyo3(signature = (x, axis=0))]
        fn shuffle(&mut self, py: Python<'_>, x: &Bound<'_, PyAny>, axis: i64) -> PyResult<()> {
            if axis != 0 && !x.is_instance(&py.import("numpy")?.getattr("ndarray")?)? {
                return Err(PyTypeError::new_err("Axis argument is only supported on ndarray objects"));
            }
            crate::shuffle_in_place(py, x, Some(axis), &mut self.g, |g, n| {
                let call = Call { method: "permutation".into(), args: vec![Expr::Int(n as i128)], kwargs: vec![] };
                Ok(eval_generator_parsed(g, &call)?.value)
            }, |g, x| {
                let call = Call { method: "shuffle".into(), args: vec![x], kwargs: vec![] };
                Ok(eval_generator_parsed(g, &call).map(|_| ())?)
            })
        }

        /// A `numpy.random.Generator` over the same bit generator, in the same state.
        fn to_numpy<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            let np_random = py.import("numpy.random")?;
            let bg = np_random.getattr(self.g.bit_generator().name())?.call0()?;
            let obj = np_random.getattr("Generator")?.call1((bg,))?;
            nprand::py::store_generator(&obj, &self.g)?;
            Ok(obj)
        }

        fn __repr__(&self) -> String {
            format!("Generator({}) [nprand]", self.g.bit_generator().name())
        }
    }
}

/// `default_rng(seed=None)`: a PCG64 `Generator`, seeded as NumPy seeds it (an int, a
/// sequence of ints, a `SeedSequence`, or a NumPy bit generator / Generator whose state is
/// copied).
#[pyfunction]
#[pyo3(signature = (seed=None))]
pub fn default_rng(seed: Option<&Bound<'_, PyAny>>) -> PyResult<Generator> {
    Ok(Generator {
        g: make(BitGenKind::Pcg64, seed)?,
    })
}
