//! Discrete distributions: binomial, poisson, negative_binomial, geometric, logseries,
//! zipf and multinomial (hypergeometric is in `hypergeometric.rs`), as NumPy's legacy
//! `RandomState`
//! draws them (`legacy-distributions.c` plus the shared routines it calls).
//!
//! Every value, the number of MT19937 words consumed and every error match NumPy
//! 2.4.6. Where NumPy never returns (zipf with `a >= 1025`, hypergeometric
//! populations whose int64 arithmetic overflows, a geometric search whose partial
//! sums stall below the uniform), nprand returns an error instead of looping.
//!
//! ```
//! let mut rs = nprand::RandomState::new(12345);
//! // rs.binomial(10, 0.3), rs.poisson(30), rs.hypergeometric(10, 5, 7)
//! assert!((0..=10).contains(&rs.binomial(10, 0.3).unwrap()));
//! assert!(rs.poisson(30.0).unwrap() >= 0);
//! assert!((2..=7).contains(&rs.hypergeometric(10, 5, 7).unwrap()));
//! ```

use super::broadcast::{c_long, Bulk, Cons, DistSpec, Kernel, Num, ParamSpec};
use super::normal::SMALL;
use super::RandomState;
use crate::distr::discrete::{
    binomial_draw, fill_binomial, fill_poisson, random_binomial, random_poisson, BinomialPlan,
};
use crate::error::{Error, Result};
use crate::math::np::NpMath;
use crate::prelude::*;

/// `(double)LONG_MAX`, i.e. 2^63.
const LONG_MAX_F: f64 = 9_223_372_036_854_775_807_i64 as f64;

/// Below this `a - 1`, legacy zipf needs more than ~3e10 attempts per value (over an
/// hour of NumPy time per value): nprand reports an error instead of appearing to hang.
const ZIPF_MIN_AM1: f64 = 1e-12;

pub(super) fn hang_error(what: String) -> Error {
    Error::value(what)
}

impl RandomState {
    /// NumPy's `legacy_random_binomial(p, n)` without checks: no zero shortcut (it
    /// always draws), legacy inversion `exp(n*log(1-p))` for `n*min(p,q) <= 30`, BTPE
    /// otherwise, `n - draw(1-p)` for `p > 0.5`.
    pub(crate) fn legacy_binomial(&mut self, n: i64, p: f64) -> i64 {
        binomial_draw(self, &BinomialPlan::new(n, p, true))
    }

    /// NumPy's shared `random_binomial(p, n)` (used by 2.4.6's multinomial): `n == 0`
    /// or `p == 0` give 0 without drawing; inversion uses `exp(n*log1p(-p))`.
    pub(crate) fn shared_binomial(&mut self, n: i64, p: f64) -> i64 {
        random_binomial(self, p, n)
    }

    fn check_binomial(n: i64, p: f64) -> Result<()> {
        Cons::Bounded01.check_scalar(p, "p")?;
        Cons::NonNegative.check_scalar(n as f64, "n")
    }

    /// `rs.binomial(n, p)`: checks `p` (`p < 0, p > 1 or p is NaN`) then `n`
    /// (`n < 0`), then one legacy binomial draw. `binomial(0, p)`, `binomial(n, 0)`
    /// and `binomial(n, 1)` still consume one double, as in NumPy.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// let k = rs.binomial(10, 0.3).unwrap(); // RandomState(0).binomial(10, 0.3)
    /// assert!((0..=10).contains(&k));
    /// assert_eq!(rs.binomial(10, 1.5).unwrap_err().message(), "p < 0, p > 1 or p is NaN");
    /// assert_eq!(rs.binomial(-1, 0.5).unwrap_err().message(), "n < 0");
    /// let before = rs.get_state().pos;
    /// assert_eq!(rs.binomial(0, 0.5).unwrap(), 0);
    /// assert_eq!(rs.get_state().pos, before + 2); // one double drawn anyway
    /// ```
    pub fn binomial(&mut self, n: i64, p: f64) -> Result<i64> {
        Self::check_binomial(n, p)?;
        Ok(self.legacy_binomial(n, p))
    }

    /// `rs.binomial(n, p, size=out.len())`: the same values as repeated scalar calls.
    ///
    /// ```
    /// let mut a = nprand::RandomState::new(1);
    /// let mut b = a.clone();
    /// let mut x = [0i64; 20];
    /// a.binomial_into(&mut x, 100, 0.4).unwrap(); // rs.binomial(100, 0.4, size=20)
    /// assert!(x.iter().all(|&v| v == b.binomial(100, 0.4).unwrap()));
    /// ```
    pub fn binomial_into(&mut self, out: &mut [i64], n: i64, p: f64) -> Result<()> {
        Self::check_binomial(n, p)?;
        let plan = BinomialPlan::new(n, p, true);
        if out.len() <= SMALL {
            for o in out {
                *o = binomial_draw(self, &plan);
            }
            return Ok(());
        }
        fill_binomial(&mut self.bulk(), out, &plan);
        Ok(())
    }

    /// NumPy's `random_poisson(lam)` without checks: 0 without a draw for `lam == 0`,
    /// the multiplicative method for `lam < 10` (also for NaN, which gives 0 after one
    /// double), PTRS (Hörmann) for `lam >= 10`. C's `(long)` casts are reproduced, so
    /// an infinite `lam` gives `i64::MIN`, as in NumPy.
    pub(crate) fn random_poisson(&mut self, lam: f64) -> i64 {
        random_poisson(self, lam)
    }

    /// NumPy's `legacy_negative_binomial(n, p)` without checks:
    /// `random_poisson(((1-p)/p) * standard_gamma(n))`.
    pub(crate) fn legacy_negative_binomial(&mut self, n: f64, p: f64) -> i64 {
        let y = ((1.0 - p) / p) * self.legacy_standard_gamma(n);
        self.random_poisson(y)
    }

    fn check_negative_binomial(n: f64, p: f64) -> Result<()> {
        Cons::Positive.check_scalar(n, "n")?;
        Cons::Bounded01.check_scalar(p, "p")
    }

    /// `rs.negative_binomial(n, p)`: `n <= 0` (NaN passes and gives 0), then
    /// `p < 0, p > 1 or p is NaN`. `p = 0` is allowed and gives `i64::MIN`, NumPy's
    /// `(long)` of an infinite Poisson mean.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// assert!(rs.negative_binomial(100.0, 0.5).unwrap() >= 0);
    /// assert_eq!(rs.negative_binomial(5.0, 0.0).unwrap(), i64::MIN);
    /// assert_eq!(rs.negative_binomial(0.0, 0.5).unwrap_err().message(), "n <= 0");
    /// ```
    pub fn negative_binomial(&mut self, n: f64, p: f64) -> Result<i64> {
        Self::check_negative_binomial(n, p)?;
        Ok(self.legacy_negative_binomial(n, p))
    }

    /// `rs.negative_binomial(n, p, size=out.len())`.
    ///
    /// ```
    /// let mut a = nprand::RandomState::new(3);
    /// let mut b = a.clone();
    /// let mut x = [0i64; 10];
    /// a.negative_binomial_into(&mut x, 2.5, 0.3).unwrap();
    /// assert!(x.iter().all(|&v| v == b.negative_binomial(2.5, 0.3).unwrap()));
    /// ```
    pub fn negative_binomial_into(&mut self, out: &mut [i64], n: f64, p: f64) -> Result<()> {
        Self::check_negative_binomial(n, p)?;
        for o in out {
            *o = self.legacy_negative_binomial(n, p);
        }
        Ok(())
    }

    /// NumPy's `legacy_random_geometric(p)` without checks: the search method for
    /// `p >= 1/3`, else `(long)ceil(log1p(-U) / log(1-p))`.
    ///
    /// Errors only where NumPy never returns: in the search, once neither the term nor
    /// the partial sum can change any more while the sum is still below the uniform.
    #[allow(clippy::excessive_precision)]
    pub(crate) fn legacy_geometric(&mut self, p: f64) -> Result<i64> {
        // NumPy's literal; it rounds to the double nearest 1/3.
        if p >= 0.333333333333333333333333 {
            let mut x: i64 = 1;
            let mut sum = p;
            let mut prod = p;
            let q = 1.0 - p;
            let u = self.next_double();
            while u > sum {
                let next = prod * q;
                if next == prod && sum + next == sum {
                    // The term no longer shrinks (0, or the smallest subnormal when
                    // q > 1/2) and no longer adds: NumPy repeats this step forever.
                    return Err(hang_error(format!(
                        "geometric({p:?}): the uniform {u:?} exceeds every partial sum \
                         (limit {sum:?}); NumPy's legacy geometric never returns here"
                    )));
                }
                prod = next;
                sum += prod;
                x += 1;
            }
            Ok(x)
        } else {
            let u = self.next_double();
            Ok(c_long(((-u).np_log1p() / (1.0 - p).np_log()).ceil()))
        }
    }

    /// NumPy's `legacy_logseries(p)` without checks.
    pub(crate) fn legacy_logseries(&mut self, p: f64) -> i64 {
        let r = (1.0 - p).np_log();
        loop {
            let v = self.next_double();
            if v >= p {
                return 1;
            }
            let u = self.next_double();
            let q = 1.0 - (r * u).np_exp();
            if v <= q * q {
                let result = c_long((1.0 + v.np_log() / q.np_log()).floor());
                if result < 1 || v == 0.0 {
                    continue;
                }
                return result;
            }
            if v >= q {
                return 1;
            }
            return 2;
        }
    }

    /// NumPy's `legacy_random_zipf(a)` without the `a > 1` check.
    ///
    /// Errors (before any draw) where NumPy never returns: `a >= 1025`, where
    /// `2^(a-1)` overflows and every acceptance test is NaN, and `a - 1 < 1e-12`,
    /// where an accepted value needs more than ~3e10 attempts.
    pub(crate) fn legacy_zipf(&mut self, a: f64) -> Result<i64> {
        let am1 = a - 1.0;
        let b = 2f64.np_pow(am1);
        if b.is_infinite() {
            return Err(hang_error(format!(
                "a >= 1025: NumPy's legacy zipf never returns for these parameters (a = {a:?})"
            )));
        }
        if !(am1 >= ZIPF_MIN_AM1) {
            return Err(hang_error(format!(
                "a - 1 < 1e-12: NumPy's legacy zipf needs over 3e10 attempts per value for \
                 these parameters and effectively never returns (a = {a:?})"
            )));
        }
        loop {
            let u = 1.0 - self.next_double();
            let v = self.next_double();
            let x = u.np_pow(-1.0 / am1).floor();
            // C's test, NaN passing (a range check would reject it).
            #[allow(clippy::manual_range_contains)]
            if x > LONG_MAX_F || x < 1.0 {
                continue;
            }
            let t = (1.0 + 1.0 / x).np_pow(am1);
            if v * x * (t - 1.0) / (b - 1.0) <= t / b {
                return Ok(c_long(x));
            }
        }
    }

    /// One multinomial row (NumPy 2.4.6's `random_multinomial`, built on the shared
    /// `random_binomial`). `row` must be zeroed.
    fn multinomial_row(&mut self, n: i64, pvals: &[f64], row: &mut [i64]) {
        let d = pvals.len();
        let mut remaining_p = 1.0;
        let mut dn = n;
        for (x, &p) in row.iter_mut().zip(pvals).take(d.saturating_sub(1)) {
            *x = self.shared_binomial(dn, p / remaining_p);
            dn = dn.wrapping_sub(*x);
            if dn <= 0 {
                break;
            }
            remaining_p -= p;
        }
        if dn > 0 {
            row[d - 1] = dn;
        }
    }

    /// NumPy's checks of `pvals`, which it makes before it looks at `size`.
    pub(crate) fn check_multinomial_pvals(pvals: &[f64]) -> Result<()> {
        Cons::Bounded01.check_array(pvals, "pvals")?;
        if let Some((_, head)) = pvals.split_last() {
            if super::kahan_sum(head) > 1.0 + 1e-12 {
                return Err(Error::value("sum(pvals[:-1]) > 1.0"));
            }
        }
        Ok(())
    }

    /// NumPy's check of `n`, made after the output is allocated.
    fn check_multinomial_n(n: i64) -> Result<()> {
        if n < 0 {
            return Err(Error::value("n < 0"));
        }
        Ok(())
    }

    /// `rs.multinomial(n, pvals, size)`: an array of shape `size + (len(pvals),)` (`(d,)`
    /// for `size=None`), rows in C order.
    ///
    /// Checks in NumPy's order: `pvals < 0, pvals > 1 or pvals contains NaNs`,
    /// `sum(pvals[:-1]) > 1.0` (Kahan sum, tolerance 1e-12; the last p is never
    /// checked or used), then the output's allocation (`size` too big), then `n < 0`.
    /// NumPy 2.4.6 draws each count with the shared binomial, which skips `n == 0` and
    /// `p == 0` without drawing.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// let row = rs.multinomial(20, &[1.0 / 6.0; 6], None).unwrap(); // rs.multinomial(20, [1/6.]*6)
    /// assert_eq!((row.shape.as_slice(), row.iter().sum::<i64>()), (&[6][..], 20));
    /// // rs.multinomial(20, [0.5, 0.5], size=(2, 3))
    /// assert_eq!(rs.multinomial(20, &[0.5, 0.5], Some(&[2, 3])).unwrap().shape, [2, 3, 2]);
    /// assert_eq!(rs.multinomial(100, &[1.1, 0.2], None).unwrap_err().message(),
    ///            "pvals < 0, pvals > 1 or pvals contains NaNs");
    /// assert_eq!(rs.multinomial(-1, &[0.8, 0.2], None).unwrap_err().message(), "n < 0");
    /// ```
    pub fn multinomial(
        &mut self,
        n: i64,
        pvals: &[f64],
        size: Option<&[usize]>,
    ) -> Result<crate::array::NdArray<i64>> {
        // NumPy checks `pvals`, allocates the output, then checks `n`.
        Self::check_multinomial_pvals(pvals)?;
        let mut out =
            crate::common::alloc::zeros_rows(size, pvals.len(), crate::common::alloc::Dtype::I64)?;
        self.multinomial_into(&mut out, n, pvals)?;
        Ok(out)
    }

    /// `rs.multinomial(n, pvals, size=rows)` flattened: `out.len()` must be a multiple
    /// of `pvals.len()` (rows × d, C order); with empty `pvals` nothing is drawn.
    ///
    /// ```
    /// let mut a = nprand::RandomState::new(8);
    /// let mut b = a.clone();
    /// let mut x = [0i64; 3 * 4];
    /// a.multinomial_into(&mut x, 50, &[0.1, 0.2, 0.3, 0.4]).unwrap(); // size=3
    /// for row in x.chunks(4) {
    ///     assert_eq!(row, &b.multinomial(50, &[0.1, 0.2, 0.3, 0.4], None).unwrap()[..]);
    /// }
    /// ```
    pub fn multinomial_into(&mut self, out: &mut [i64], n: i64, pvals: &[f64]) -> Result<()> {
        Self::check_multinomial_pvals(pvals)?;
        Self::check_multinomial_n(n)?;
        let d = pvals.len();
        if d == 0 {
            return if out.is_empty() {
                Ok(())
            } else {
                Err(Error::value(
                    "multinomial: out must be empty when pvals is empty",
                ))
            };
        }
        if !out.len().is_multiple_of(d) {
            return Err(Error::value(format!(
                "multinomial: out length {} is not a multiple of len(pvals) = {d}",
                out.len()
            )));
        }
        out.fill(0);
        for row in out.chunks_exact_mut(d) {
            self.multinomial_row(n, pvals, row);
        }
        Ok(())
    }
}

numpy_methods! {
    impl[] RandomState, kernels on RandomState, table DECLARED_SPECS;
    /// `rs.poisson(lam)`: `lam < 0 or lam is NaN`, `lam value too large` (above
    /// `9.223372006484771e18`), then one Poisson draw.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// assert!(rs.poisson(30.0).unwrap() >= 0); // RandomState(0).poisson(30)
    /// let before = rs.get_state().pos;
    /// assert_eq!(rs.poisson(0.0).unwrap(), 0); // no draw
    /// assert_eq!(rs.get_state().pos, before);
    /// assert_eq!(rs.poisson(f64::NAN).unwrap_err().message(), "lam < 0 or lam is NaN");
    /// assert_eq!(rs.poisson(1e19).unwrap_err().message(), "lam value too large");
    /// ```
    fn poisson;
    /// `rs.poisson(lam, size=out.len())`.
    ///
    /// ```
    /// let mut a = nprand::RandomState::new(2);
    /// let mut b = a.clone();
    /// let mut x = [0i64; 10];
    /// a.poisson_into(&mut x, 12.5).unwrap(); // rs.poisson(12.5, size=10)
    /// assert!(x.iter().all(|&v| v == b.poisson(12.5).unwrap()));
    /// ```
    fn poisson_into;
    (lam: LegacyPoisson = 1.0) -> i64 => RandomState::random_poisson, bulk RandomState::fill_poisson;

    /// `rs.geometric(p)`: `p <= 0, p > 1 or p contains NaNs` (p in (0, 1]).
    /// A tiny `p` (where `log(1-p) == 0`) gives `i64::MIN`, as in NumPy.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// assert!(rs.geometric(0.35).unwrap() >= 1); // RandomState(0).geometric(0.35)
    /// assert_eq!(rs.geometric(1e-300).unwrap(), i64::MIN);
    /// assert_eq!(rs.geometric(0.0).unwrap_err().message(),
    ///            "p <= 0, p > 1 or p contains NaNs");
    /// ```
    fn geometric;
    /// `rs.geometric(p, size=out.len())`.
    ///
    /// ```
    /// let mut a = nprand::RandomState::new(4);
    /// let mut b = a.clone();
    /// let mut x = [0i64; 10];
    /// a.geometric_into(&mut x, 0.1).unwrap();
    /// assert!(x.iter().all(|&v| v == b.geometric(0.1).unwrap()));
    /// ```
    fn geometric_into;
    (p: BoundedGt01) -> try_i64 => RandomState::legacy_geometric;

    /// `rs.logseries(p)`: `p < 0, p >= 1 or p is NaN` (p in [0, 1)).
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// assert_eq!(rs.logseries(0.0).unwrap(), 1); // still draws one double
    /// assert!(rs.logseries(0.9).unwrap() >= 1);
    /// assert_eq!(rs.logseries(1.0).unwrap_err().message(), "p < 0, p >= 1 or p is NaN");
    /// ```
    fn logseries;
    /// `rs.logseries(p, size=out.len())`.
    ///
    /// ```
    /// let mut a = nprand::RandomState::new(6);
    /// let mut b = a.clone();
    /// let mut x = [0i64; 10];
    /// a.logseries_into(&mut x, 0.6).unwrap();
    /// assert!(x.iter().all(|&v| v == b.logseries(0.6).unwrap()));
    /// ```
    fn logseries_into;
    (p: BoundedLt01) -> i64 => RandomState::legacy_logseries;

    /// `rs.zipf(a)`: `a <= 1 or a is NaN`; `a >= 1025` (where NumPy loops forever)
    /// and `a < 1 + 1e-12` (where NumPy takes hours per value) are errors.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// assert!(rs.zipf(2.0).unwrap() >= 1); // RandomState(0).zipf(2)
    /// assert_eq!(rs.zipf(1024.99999).unwrap(), 1);
    /// assert!(rs.zipf(1025.0).is_err());
    /// assert_eq!(rs.zipf(1.0).unwrap_err().message(), "a <= 1 or a is NaN");
    /// ```
    fn zipf;
    /// `rs.zipf(a, size=out.len())`.
    ///
    /// ```
    /// let mut a = nprand::RandomState::new(7);
    /// let mut b = a.clone();
    /// let mut x = [0i64; 10];
    /// a.zipf_into(&mut x, 1.5).unwrap();
    /// assert!(x.iter().all(|&v| v == b.zipf(1.5).unwrap()));
    /// ```
    fn zipf_into;
    (a: Gt1) -> try_i64 => RandomState::legacy_zipf;
}

impl RandomState {
    /// [`RandomState::poisson_into`] after its checks.
    fn fill_poisson(&mut self, out: &mut [i64], lam: f64) -> Result<()> {
        if out.len() <= SMALL {
            for o in out {
                *o = self.random_poisson(lam);
            }
        } else {
            fill_poisson(&mut self.bulk(), out, lam);
        }
        Ok(())
    }
}

pub(crate) const SPECS: &[DistSpec] = &[
    DistSpec {
        name: "binomial",
        params: &[
            ParamSpec::i("n", Cons::NonNegative),
            ParamSpec::f("p", Cons::Bounded01),
        ],
        // NumPy checks (and broadcasts) p first, then n.
        internal_order: &[1, 0],
        prepare: None,
        kernel: Kernel::I64(|rs, p: &[Num]| rs.legacy_binomial(p[0].i(), p[1].f())),
        bulk: Bulk::I64(|rs, out, p: &[Num]| rs.binomial_into(out, p[0].i(), p[1].f())),
    },
    DistSpec {
        name: "negative_binomial",
        params: &[
            ParamSpec::f("n", Cons::Positive),
            ParamSpec::f("p", Cons::Bounded01),
        ],
        internal_order: &[],
        prepare: None,
        kernel: Kernel::I64(|rs, p: &[Num]| rs.legacy_negative_binomial(p[0].f(), p[1].f())),
        bulk: Bulk::None,
    },
];

#[cfg(test)]
#[path = "discrete_tests.rs"]
mod tests;
