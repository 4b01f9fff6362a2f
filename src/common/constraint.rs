//! NumPy's parameter constraints (`constraint_type` in `_common.pxd`) and the one place
//! where a violated constraint becomes NumPy's message (`check_constraint` for a scalar,
//! `check_array_constraint` for an array).

use crate::error::{Error, Result};

/// `POISSON_LAM_MAX` / `LEGACY_POISSON_LAM_MAX`: `(double)LONG_MAX - sqrt(LONG_MAX) * 10`
/// (the same value in both front-ends).
///
/// ```
/// // np.random.Generator._poisson_lam_max
/// let max = nprand::common::POISSON_LAM_MAX;
/// assert_eq!(max, i64::MAX as f64 - (i64::MAX as f64).sqrt() * 10.0);
/// ```
pub const POISSON_LAM_MAX: f64 = 9.223372006484771e18;

/// NumPy's constraint kinds (`constraint_type` in `_common.pxd`), for both `RandomState`
/// and `Generator`.
///
/// ```
/// use nprand::common::Constraint;
/// // rng.zipf(1) -> ValueError: a <= 1 or a is NaN
/// assert_eq!(Constraint::Gt1.check_scalar(1.0, "a").unwrap_err().message(), "a <= 1 or a is NaN");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Constraint {
    /// `CONS_NONE`: no check.
    None,
    /// `CONS_NON_NEGATIVE`, `{n} < 0`: negatives including -0.0 fail; NaN passes.
    NonNegative,
    /// `CONS_POSITIVE`, `{n} <= 0`; NaN passes.
    Positive,
    /// `CONS_POSITIVE_NOT_NAN` (Generator): `{n} must not be NaN`, then `{n} <= 0`.
    PositiveNotNan,
    /// `CONS_BOUNDED_0_1`: `{n} < 0, {n} > 1 or {n} is NaN` (array: `contains NaNs`).
    Bounded01,
    /// `CONS_BOUNDED_GT_0_1`: `{n} <= 0, {n} > 1 or {n} contains NaNs` (both forms).
    BoundedGt01,
    /// `CONS_BOUNDED_LT_0_1`: `{n} < 0, {n} >= 1 or {n} is NaN` (array: `contains NaNs`).
    BoundedLt01,
    /// `CONS_GT_1`: `{n} <= 1 or {n} is NaN` (array: `contains NaNs`).
    Gt1,
    /// `CONS_GTE_1` (RandomState): `{n} < 1 or {n} is NaN` (array: `contains NaNs`).
    Gte1,
    /// `CONS_POISSON` (Generator's `lam`): `lam < 0 or lam is NaN`, `lam value too large`;
    /// the array form checks "too large" first, so NaN reports it.
    Poisson,
    /// `LEGACY_CONS_POISSON` (RandomState's `lam`): the same checks and messages as
    /// [`Constraint::Poisson`] against the same maximum.
    LegacyPoisson,
}

/// One rule of a constraint: the values it rejects and NumPy's message, with `{n}` the
/// parameter's name and `{nan}` `is NaN` (scalar) or `contains NaNs` (array).
type Rule = (fn(f64) -> bool, &'static str);

impl Constraint {
    /// The rules in the order NumPy tests them (`scalar`: `check_constraint`, else
    /// `check_array_constraint`; only Poisson's order differs).
    fn rules(self, scalar: bool) -> &'static [Rule] {
        const NEG: Rule = (|x| !x.is_nan() && x.is_sign_negative(), "{n} < 0");
        const NOT_POS: Rule = (|x| x <= 0.0, "{n} <= 0");
        const NAN: Rule = (f64::is_nan, "{n} must not be NaN");
        const LAM_NEG: Rule = (|x| !(x >= 0.0), "{n} < 0 or {n} {nan}");
        const LAM_BIG: Rule = (|x| !(x <= POISSON_LAM_MAX), "{n} value too large");
        match self {
            Constraint::None => &[],
            Constraint::NonNegative => &[NEG],
            Constraint::Positive => &[NOT_POS],
            Constraint::PositiveNotNan => &[NAN, NOT_POS],
            Constraint::Bounded01 => &[(
                |x| !(x >= 0.0) || !(x <= 1.0),
                "{n} < 0, {n} > 1 or {n} {nan}",
            )],
            Constraint::BoundedGt01 => &[(
                |x| !(x > 0.0) || !(x <= 1.0),
                "{n} <= 0, {n} > 1 or {n} contains NaNs",
            )],
            Constraint::BoundedLt01 => &[(
                |x| !(x >= 0.0) || !(x < 1.0),
                "{n} < 0, {n} >= 1 or {n} {nan}",
            )],
            Constraint::Gt1 => &[(|x| !(x > 1.0), "{n} <= 1 or {n} {nan}")],
            Constraint::Gte1 => &[(|x| !(x >= 1.0), "{n} < 1 or {n} {nan}")],
            Constraint::Poisson | Constraint::LegacyPoisson if scalar => &[LAM_NEG, LAM_BIG],
            Constraint::Poisson | Constraint::LegacyPoisson => &[LAM_BIG, LAM_NEG],
        }
    }

    /// NumPy's `check_constraint` / `check_array_constraint`: the first rule any of `v`
    /// violates, as NumPy's `ValueError`.
    fn check(self, v: &[f64], name: &str, scalar: bool) -> Result<()> {
        for &(bad, template) in self.rules(scalar) {
            if v.iter().any(|&x| bad(x)) {
                let nan = if scalar { "is NaN" } else { "contains NaNs" };
                return Err(Error::value(
                    template.replace("{n}", name).replace("{nan}", nan),
                ));
            }
        }
        Ok(())
    }

    /// Check one scalar value (NumPy's `check_constraint`).
    ///
    /// ```
    /// use nprand::common::Constraint;
    /// assert_eq!(Constraint::Bounded01.check_scalar(1.5, "p").unwrap_err().message(),
    ///            "p < 0, p > 1 or p is NaN");
    /// assert_eq!(Constraint::PositiveNotNan.check_scalar(f64::NAN, "n").unwrap_err().message(),
    ///            "n must not be NaN");
    /// assert!(Constraint::NonNegative.check_scalar(f64::NAN, "scale").is_ok());
    /// ```
    pub fn check_scalar(self, v: f64, name: &str) -> Result<()> {
        self.check(&[v], name, true)
    }

    /// Check a whole parameter array (NumPy's `check_array_constraint`).
    ///
    /// ```
    /// use nprand::common::Constraint;
    /// assert_eq!(Constraint::Bounded01.check_array(&[0.5, f64::NAN], "p").unwrap_err().message(),
    ///            "p < 0, p > 1 or p contains NaNs");
    /// assert_eq!(Constraint::Poisson.check_array(&[1.0, f64::NAN], "lam").unwrap_err().message(),
    ///            "lam value too large");
    /// ```
    pub fn check_array(self, v: &[f64], name: &str) -> Result<()> {
        self.check(v, name, false)
    }
}

#[cfg(test)]
mod tests {
    use super::Constraint as C;
    use crate::prelude::*;

    fn msg(c: C, v: &[f64], scalar: bool) -> String {
        let r = if scalar {
            c.check_scalar(v[0], "x")
        } else {
            c.check_array(v, "x")
        };
        r.err().map(|e| e.message().to_string()).unwrap_or_default()
    }

    /// Every constraint's messages as NumPy 2.4.6's `_common.pyx` spells them.
    #[test]
    fn messages() {
        let nan = f64::NAN;
        let cases: &[(C, f64, &str, &str)] = &[
            (C::NonNegative, -0.0, "x < 0", "x < 0"),
            (C::NonNegative, nan, "", ""),
            (C::Positive, 0.0, "x <= 0", "x <= 0"),
            (C::Positive, nan, "", ""),
            (
                C::PositiveNotNan,
                nan,
                "x must not be NaN",
                "x must not be NaN",
            ),
            (C::PositiveNotNan, 0.0, "x <= 0", "x <= 0"),
            (
                C::Bounded01,
                nan,
                "x < 0, x > 1 or x is NaN",
                "x < 0, x > 1 or x contains NaNs",
            ),
            (
                C::BoundedGt01,
                0.0,
                "x <= 0, x > 1 or x contains NaNs",
                "x <= 0, x > 1 or x contains NaNs",
            ),
            (
                C::BoundedLt01,
                1.0,
                "x < 0, x >= 1 or x is NaN",
                "x < 0, x >= 1 or x contains NaNs",
            ),
            (
                C::Gt1,
                1.0,
                "x <= 1 or x is NaN",
                "x <= 1 or x contains NaNs",
            ),
            (
                C::Gte1,
                0.5,
                "x < 1 or x is NaN",
                "x < 1 or x contains NaNs",
            ),
            (C::Poisson, nan, "x < 0 or x is NaN", "x value too large"),
            (
                C::LegacyPoisson,
                -1.0,
                "x < 0 or x is NaN",
                "x < 0 or x contains NaNs",
            ),
            (
                C::LegacyPoisson,
                1e19,
                "x value too large",
                "x value too large",
            ),
            (C::None, nan, "", ""),
        ];
        for &(c, v, s, a) in cases {
            assert_eq!(msg(c, &[v], true), s, "{c:?} {v}");
            assert_eq!(msg(c, &[v], false), a, "{c:?} {v}");
        }
    }
}
