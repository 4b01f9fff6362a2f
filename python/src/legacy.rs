//! `nprand.RandomState`: NumPy's `RandomState`, bit for bit, in Rust.

use crate::convert::{from_value, to_call, to_expr};
use nprand::eval::legacy::eval_parsed;
use nprand::eval::parser::{Call, Expr};
use nprand::Seed;
use numpy::PyArray1;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

/// NumPy's `RandomState` (MT19937 and the legacy distributions), drawing in Rust.
/// Every method gives NumPy 2.4.6's values, shapes, dtypes and exceptions.
#[pyclass(module = "nprand", name = "RandomState")]
pub struct RandomState {
    pub rs: nprand::RandomState,
}

impl RandomState {
    fn forward_call(
        &mut self,
        py: Python<'_>,
        method: &str,
        args: &Bound<'_, PyTuple>,
        kwargs: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        if let Some(v) = crate::fast::legacy(&mut self.rs, method, args, kwargs)? {
            return from_value(py, v);
        }
        let call = to_call(method, args, kwargs)?;
        let v = eval_parsed(&mut self.rs, &call)?;
        from_value(py, v)
    }

    fn reseed(&mut self, seed: Option<&Bound<'_, PyAny>>) -> PyResult<()> {
        match seed {
            Some(s) if !s.is_none() => {
                let call = Call {
                    method: "seed".into(),
                    args: vec![to_expr(s)?],
                    kwargs: vec![],
                };
                eval_parsed(&mut self.rs, &call)?;
            }
            _ => self.rs = nprand::RandomState::try_new(Seed::OsEntropy)?,
        }
        Ok(())
    }
}

forward! {
    RandomState;
    [beta, binomial, bytes, chisquare, choice, dirichlet, exponential, f, gamma, geometric,
     gumbel, hypergeometric, laplace, logistic, lognormal, logseries, multinomial,
     multivariate_normal, negative_binomial, noncentral_chisquare, noncentral_f, normal, pareto,
     permutation, poisson, power, rand, randint, randn, random, random_integers, random_sample,
     rayleigh, standard_cauchy, standard_exponential, standard_gamma, standard_normal,
     standard_t, tomaxint, triangular, uniform, vonmises, wald, weibull, zipf];
    {
        /// `RandomState(seed=None)`.
        #[new]
        #[pyo3(signature = (seed=None))]
        fn new(seed: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
            let mut me = RandomState { rs: nprand::RandomState::new(0) };
            me.reseed(seed)?;
            Ok(me)
        }

        /// `seed(seed=None)`.
        #[pyo3(signature = (seed=None))]
        fn seed(&mut self, seed: Option<&Bound<'_, PyAny>>) -> PyResult<()> {
            self.reseed(seed)
        }

        /// `get_state(legacy=True)`: the tuple `('MT19937', key, pos, has_gauss, gauss)`,
        /// or NumPy's dictionary with `legacy=False`.
        #[pyo3(signature = (legacy=true))]
        fn get_state(&self, py: Python<'_>, legacy: bool) -> PyResult<Py<PyAny>> {
            let st = self.rs.get_state();
            if !legacy {
                return Ok(nprand::py::legacy_state_to_py(py, &st)?.into_any().unbind());
            }
            let items: [Py<PyAny>; 5] = [
                "MT19937".into_pyobject(py)?.into_any().unbind(),
                PyArray1::from_slice(py, &st.key).into_any().unbind(),
                st.pos.into_pyobject(py)?.into_any().unbind(),
                (st.has_gauss as i64).into_pyobject(py)?.into_any().unbind(),
                st.gauss.into_pyobject(py)?.into_any().unbind(),
            ];
            Ok(PyTuple::new(py, items)?.into_any().unbind())
        }

        /// `set_state(state)`: the legacy tuple or the dictionary.
        fn set_state(&mut self, state: &Bound<'_, PyAny>) -> PyResult<()> {
            let st = if state.is_instance_of::<PyDict>() {
                nprand::py::legacy_state_from_py(state)?
            } else {
                let t = state.cast::<PyTuple>()?;
                let name: String = t.get_item(0)?.extract()?;
                if name != "MT19937" {
                    return Err(nprand::Error::value(
                        "set_state can only be used with legacy MT19937 state instances.",
                    ).into());
                }
                let (has_gauss, gauss) = if t.len() >= 5 {
                    (t.get_item(3)?.extract::<i64>()?, t.get_item(4)?.extract::<f64>()?)
                } else {
                    (0, 0.0)
                };
                let d = PyDict::new(state.py());
                let inner = PyDict::new(state.py());
                inner.set_item("key", t.get_item(1)?)?;
                inner.set_item("pos", t.get_item(2)?)?;
                d.set_item("bit_generator", "MT19937")?;
                d.set_item("state", inner)?;
                d.set_item("has_gauss", has_gauss)?;
                d.set_item("gauss", gauss)?;
                nprand::py::legacy_state_from_py(&d)?
            };
            self.rs.set_state(&st)?;
            Ok(())
        }

        /// `shuffle(x)`: in place, along the first axis, with NumPy's draws
        /// (those of `permutation(len(x))`).
        fn shuffle(&mut self, py: Python<'_>, x: &Bound<'_, PyAny>) -> PyResult<()> {
            crate::shuffle_in_place(py, x, None, &mut self.rs, |rs, n| {
                let call = Call { method: "permutation".into(), args: vec![Expr::Int(n as i128)], kwargs: vec![] };
                Ok(eval_parsed(rs, &call)?)
            }, |rs, x| {
                let call = Call { method: "shuffle".into(), args: vec![x], kwargs: vec![] };
                Ok(eval_parsed(rs, &call).map(|_| ())?)
            })
        }

        /// A `numpy.random.RandomState` in the same state.
        fn to_numpy<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            let obj = py.import("numpy.random")?.getattr("RandomState")?.call0()?;
            nprand::py::store_random_state(&obj, &self.rs)?;
            Ok(obj)
        }

        /// A `nprand.RandomState` in the state of the `numpy.random.RandomState` `obj`.
        #[staticmethod]
        fn from_numpy(obj: &Bound<'_, PyAny>) -> PyResult<Self> {
            Ok(RandomState { rs: nprand::py::random_state_from_py(obj)? })
        }

        fn __repr__(&self) -> String {
            "RandomState(MT19937) [nprand]".into()
        }
    }
}
