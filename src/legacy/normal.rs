//! Normal draws: the legacy polar (Marsaglia) method with its cached second value.

use super::broadcast::{Cons, DistSpec, Kernel, Num, ParamSpec};
use super::RandomState;
use crate::error::Result;

impl RandomState {
    /// NumPy's `legacy_gauss`: returns `f * x2` and caches `f * x1`; the cache is
    /// shared by every normal-using method, across calls and array elements.
    #[inline]
    pub(crate) fn gauss(&mut self) -> f64 {
        if self.has_gauss {
            let g = self.gauss;
            self.has_gauss = false;
            self.gauss = 0.0;
            return g;
        }
        loop {
            let x1 = 2.0 * self.next_double() - 1.0;
            let x2 = 2.0 * self.next_double() - 1.0;
            let r2 = x1 * x1 + x2 * x2;
            if r2 < 1.0 && r2 != 0.0 {
                let f = (-2.0 * r2.ln() / r2).sqrt();
                self.gauss = f * x1;
                self.has_gauss = true;
                return f * x2;
            }
        }
    }

    /// `rs.standard_normal()`.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(12345);
    /// let z = rs.standard_normal(); // np.random.RandomState(12345).standard_normal()
    /// assert!(rs.get_state().has_gauss); // the second value of the pair is cached
    /// # let _ = z;
    /// ```
    #[inline]
    pub fn standard_normal(&mut self) -> f64 {
        self.gauss()
    }

    /// `rs.standard_normal(size=out.len())`: the same stream as repeated scalar calls,
    /// continuing from (and leaving) the cached value.
    ///
    /// ```
    /// let mut a = nprand::RandomState::new(1);
    /// let mut b = a.clone();
    /// let mut x = [0.0; 5];
    /// a.standard_normal_into(&mut x);
    /// assert!(x.iter().all(|v| v.to_bits() == b.standard_normal().to_bits()));
    /// ```
    pub fn standard_normal_into(&mut self, out: &mut [f64]) {
        for o in out {
            *o = self.gauss();
        }
    }

    /// `rs.randn(d0, d1, ...)`: `prod(dims)` standard normals in C order.
    ///
    /// ```
    /// // np.random.seed(12345); np.random.randn(2, 3)
    /// let z = nprand::RandomState::new(12345).randn(&[2, 3]);
    /// assert_eq!(z.len(), 6);
    /// ```
    pub fn randn(&mut self, dims: &[usize]) -> Vec<f64> {
        let mut out = vec![0.0; dims.iter().product()];
        self.standard_normal_into(&mut out);
        out
    }

    /// `rs.normal(loc, scale)` = `loc + scale * gauss`; `scale < 0` is an error
    /// (-0.0 too, NaN passes, as in NumPy).
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(3);
    /// let x = rs.normal(5.0, 2.0).unwrap();
    /// assert!(x.is_finite());
    /// assert_eq!(rs.normal(0.0, -1.0).unwrap_err().message(), "scale < 0");
    /// ```
    pub fn normal(&mut self, loc: f64, scale: f64) -> Result<f64> {
        Cons::NonNegative.check_scalar(scale, "scale")?;
        Ok(loc + scale * self.gauss())
    }

    /// `rs.normal(loc, scale, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 3];
    /// nprand::RandomState::new(3).normal_into(&mut x, 1.0, 0.5).unwrap();
    /// ```
    pub fn normal_into(&mut self, out: &mut [f64], loc: f64, scale: f64) -> Result<()> {
        Cons::NonNegative.check_scalar(scale, "scale")?;
        for o in out {
            *o = loc + scale * self.gauss();
        }
        Ok(())
    }
}

pub(crate) const SPECS: &[DistSpec] = &[
    DistSpec {
        name: "standard_normal",
        params: &[],
        internal_order: &[],
        validate: None,
        kernel: Kernel::F64(|rs, _| rs.gauss()),
    },
    DistSpec {
        name: "normal",
        params: &[
            ParamSpec::fd("loc", 0.0, Cons::None),
            ParamSpec::fd("scale", 1.0, Cons::NonNegative),
        ],
        internal_order: &[],
        validate: None,
        kernel: Kernel::F64(|rs, p: &[Num]| p[0].f() + p[1].f() * rs.gauss()),
    },
];
