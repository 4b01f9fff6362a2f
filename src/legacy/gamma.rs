//! The gamma family: exponential (gamma with shape 1), and in later milestones
//! standard_gamma, gamma, beta, chisquare and their relatives.

use super::broadcast::{Cons, DistSpec, Kernel, Num, ParamSpec};
use super::RandomState;
use crate::error::Result;

impl RandomState {
    /// NumPy's `legacy_standard_exponential`: `-log(1 - U)`.
    #[inline]
    pub(crate) fn legacy_standard_exponential(&mut self) -> f64 {
        -(1.0 - self.next_double()).ln()
    }

    /// `rs.standard_exponential()`.
    ///
    /// ```
    /// let e = nprand::RandomState::new(0).standard_exponential();
    /// assert!(e >= 0.0);
    /// ```
    #[inline]
    pub fn standard_exponential(&mut self) -> f64 {
        self.legacy_standard_exponential()
    }

    /// `rs.standard_exponential(size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 3];
    /// nprand::RandomState::new(0).standard_exponential_into(&mut x);
    /// assert!(x.iter().all(|&v| v >= 0.0));
    /// ```
    pub fn standard_exponential_into(&mut self, out: &mut [f64]) {
        for o in out {
            *o = self.legacy_standard_exponential();
        }
    }

    /// `rs.exponential(scale)`; `scale < 0` is an error.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// assert!(rs.exponential(2.0).unwrap() >= 0.0);
    /// assert_eq!(rs.exponential(-1.0).unwrap_err().message(), "scale < 0");
    /// ```
    pub fn exponential(&mut self, scale: f64) -> Result<f64> {
        Cons::NonNegative.check_scalar(scale, "scale")?;
        Ok(scale * self.legacy_standard_exponential())
    }

    /// `rs.exponential(scale, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 3];
    /// nprand::RandomState::new(0).exponential_into(&mut x, 2.0).unwrap();
    /// ```
    pub fn exponential_into(&mut self, out: &mut [f64], scale: f64) -> Result<()> {
        Cons::NonNegative.check_scalar(scale, "scale")?;
        for o in out {
            *o = scale * self.legacy_standard_exponential();
        }
        Ok(())
    }
}

pub(crate) const SPECS: &[DistSpec] = &[
    DistSpec {
        name: "standard_exponential",
        params: &[],
        internal_order: &[],
        validate: None,
        kernel: Kernel::F64(|rs, _| rs.legacy_standard_exponential()),
    },
    DistSpec {
        name: "exponential",
        params: &[ParamSpec::fd("scale", 1.0, Cons::NonNegative)],
        internal_order: &[],
        validate: None,
        kernel: Kernel::F64(|rs, p: &[Num]| p[0].f() * rs.legacy_standard_exponential()),
    },
];
