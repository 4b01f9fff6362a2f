//! `hypergeometric`, as NumPy's legacy `RandomState` draws it (`legacy_random_hypergeometric`:
//! the HYP counting method for small samples and HRUA ratio-of-uniforms otherwise; the
//! frozen copy, `Generator`'s is in `generator/discrete.rs`).
//!
//! Where NumPy's int64 arithmetic overflows and it never returns, nprand returns an
//! error instead of looping.
//!
//! ```
//! let mut rs = nprand::RandomState::new(12345);
//! // rs.hypergeometric(10, 5, 7)
//! assert!((2..=7).contains(&rs.hypergeometric(10, 5, 7).unwrap()));
//! ```

use super::broadcast::{c_long, Cons, DistSpec, Kernel, Num, ParamSpec};
use super::discrete::hang_error;
use super::RandomState;
use crate::array::{broadcast_indices, NdArray};
use crate::distr::loggam;
use crate::error::{Error, Result};
use crate::math::np::NpMath;
use crate::prelude::*;

impl RandomState {
    fn hypergeometric_hyp(&mut self, good: i64, bad: i64, sample: i64) -> i64 {
        let d1 = bad.wrapping_add(good).wrapping_sub(sample);
        let d2 = bad.min(good) as f64;
        let mut y = d2;
        let mut k = sample;
        while y > 0.0 {
            let u = self.next_double();
            y -= c_long((u + y / d1.wrapping_add(k) as f64).floor()) as f64;
            k = k.wrapping_sub(1);
            if k == 0 {
                break;
            }
        }
        let mut z = c_long(d2 - y);
        if good > bad {
            z = sample.wrapping_sub(z);
        }
        z
    }

    fn hypergeometric_hrua(&mut self, h: &Hrua) -> i64 {
        const D1: f64 = 1.7155277699214135;
        const D2: f64 = 0.8989161620588988;
        let Hrua {
            good,
            bad,
            sample,
            mingb,
            maxgb,
            m,
            d6,
            d7,
            d10,
            d11,
        } = *h;
        let d8 = D1 * d7 + D2;
        let z = loop {
            let x = self.next_double();
            let y = self.next_double();
            let w = d6 + d8 * (y - 0.5) / x;
            if w < 0.0 || w >= d11 {
                continue;
            }
            let z = c_long(w.floor());
            let t = d10 - hrua_lsum(z, mingb, maxgb, m);
            if x * (4.0 - x) - 3.0 <= t {
                break z;
            }
            if x * (x - t) >= 1.0 {
                continue;
            }
            if 2.0 * x.np_log() <= t {
                break z;
            }
        };
        let mut z = z;
        if good > bad {
            z = m.wrapping_sub(z);
        }
        if m < sample {
            z = good.wrapping_sub(z);
        }
        z
    }

    /// NumPy's `legacy_random_hypergeometric(good, bad, sample)` without checks: HYP
    /// for `1 <= sample <= 10`, HRUA for `sample > 10`, 0 for `sample < 1`.
    ///
    /// Errors only where NumPy never returns: HRUA on some populations of `2^63 - 2`
    /// or more, where `popsize + 2` wraps around in int64 (see `Hrua::checked`).
    pub(crate) fn legacy_hypergeometric(
        &mut self,
        good: i64,
        bad: i64,
        sample: i64,
    ) -> Result<i64> {
        if sample > 10 {
            let h = Hrua::checked(good, bad, sample)?;
            Ok(self.hypergeometric_hrua(&h))
        } else if sample > 0 {
            Ok(self.hypergeometric_hyp(good, bad, sample))
        } else {
            Ok(0)
        }
    }

    fn check_hypergeometric(ngood: i64, nbad: i64, nsample: i64) -> Result<()> {
        if ngood.wrapping_add(nbad) < nsample {
            return Err(Error::value("ngood + nbad < nsample"));
        }
        Cons::NonNegative.check_scalar(ngood as f64, "ngood")?;
        Cons::NonNegative.check_scalar(nbad as f64, "nbad")?;
        Cons::Gte1.check_scalar(nsample as f64, "nsample")
    }

    /// `rs.hypergeometric(ngood, nbad, nsample)`, with NumPy's check order:
    /// `ngood + nbad < nsample` (int64 sum, wrapping on overflow) first, then
    /// `ngood < 0`, `nbad < 0`, `nsample < 1 or nsample is NaN`. There is no 10^9 limit
    /// (that is Generator's).
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// let k = rs.hypergeometric(15, 15, 15).unwrap(); // HRUA (nsample > 10)
    /// assert!((0..=15).contains(&k));
    /// assert_eq!(rs.hypergeometric(-10, 5, 3).unwrap_err().message(), "ngood + nbad < nsample");
    /// assert_eq!(rs.hypergeometric(5, 5, 0).unwrap_err().message(),
    ///            "nsample < 1 or nsample is NaN");
    /// ```
    pub fn hypergeometric(&mut self, ngood: i64, nbad: i64, nsample: i64) -> Result<i64> {
        Self::check_hypergeometric(ngood, nbad, nsample)?;
        self.legacy_hypergeometric(ngood, nbad, nsample)
    }

    /// `rs.hypergeometric(ngood, nbad, nsample, size=out.len())`.
    ///
    /// ```
    /// let mut a = nprand::RandomState::new(5);
    /// let mut b = a.clone();
    /// let mut x = [0i64; 10];
    /// a.hypergeometric_into(&mut x, 20, 30, 5).unwrap(); // HYP (nsample <= 10)
    /// assert!(x.iter().all(|&v| v == b.hypergeometric(20, 30, 5).unwrap()));
    /// ```
    pub fn hypergeometric_into(
        &mut self,
        out: &mut [i64],
        ngood: i64,
        nbad: i64,
        nsample: i64,
    ) -> Result<()> {
        Self::check_hypergeometric(ngood, nbad, nsample)?;
        if nsample > 10 {
            // One setup for the whole fill (NumPy recomputes it; the values are equal).
            if out.is_empty() {
                return Ok(());
            }
            let h = Hrua::checked(ngood, nbad, nsample)?;
            for o in out {
                *o = self.hypergeometric_hrua(&h);
            }
            return Ok(());
        }
        for o in out {
            *o = self.legacy_hypergeometric(ngood, nbad, nsample)?;
        }
        Ok(())
    }
}

/// HRUA's setup (everything but the loop).
#[derive(Debug, Clone, Copy)]
struct Hrua {
    good: i64,
    bad: i64,
    sample: i64,
    mingb: i64,
    maxgb: i64,
    m: i64,
    d6: f64,
    d7: f64,
    d10: f64,
    d11: f64,
}

/// `loggam(z+1) + loggam(mingb-z+1) + loggam(m-z+1) + loggam(maxgb-m+z+1)`, with C's
/// int64 arithmetic for the arguments.
fn hrua_lsum(z: i64, mingb: i64, maxgb: i64, m: i64) -> f64 {
    loggam(z.wrapping_add(1) as f64)
        + loggam(mingb.wrapping_sub(z).wrapping_add(1) as f64)
        + loggam(m.wrapping_sub(z).wrapping_add(1) as f64)
        + loggam(maxgb.wrapping_sub(m).wrapping_add(z).wrapping_add(1) as f64)
}

impl Hrua {
    fn new(good: i64, bad: i64, sample: i64) -> Self {
        let mingb = good.min(bad);
        let popsize = good.wrapping_add(bad);
        let maxgb = good.max(bad);
        let m = sample.min(popsize.wrapping_sub(sample));
        let pop = popsize as f64;
        let d4 = mingb as f64 / pop;
        let d5 = 1.0 - d4;
        let d6 = m as f64 * d4 + 0.5;
        let d7 = (popsize.wrapping_sub(m) as f64 * sample as f64 * d4 * d5
            / popsize.wrapping_sub(1) as f64
            + 0.5)
            .sqrt();
        let d9 = c_long(
            (m.wrapping_add(1) as f64 * mingb.wrapping_add(1) as f64
                / popsize.wrapping_add(2) as f64)
                .floor(),
        );
        let d10 = hrua_lsum(d9, mingb, maxgb, m);
        let a = (m.min(mingb)) as f64 + 1.0;
        let b = (d6 + 16.0 * d7).floor();
        let d11 = if a < b { a } else { b };
        Hrua {
            good,
            bad,
            sample,
            mingb,
            maxgb,
            m,
            d6,
            d7,
            d10,
            d11,
        }
    }

    /// The setup, or an error where NumPy's HRUA loop never returns.
    ///
    /// Without int64 overflow `d10` is finite and `Z = d9` is always accepted
    /// (`T == 0`). A population of `2^63 - 2` or more makes `popsize + 2` wrap around,
    /// so `d9 <= -1` and `d10 = loggam(d9 + 1) + ...` is NaN (`d9 <= -2`: every `T` is
    /// NaN, nothing is ever accepted) or +inf (`d9 == -1`: `T` is +inf, accepted,
    /// wherever the `Z` terms are finite; the last one, `maxgb - m + Z + 1`, only grows
    /// with `Z`, so if it already overflows at `Z = 0` nothing is ever accepted).
    fn checked(good: i64, bad: i64, sample: i64) -> Result<Self> {
        let h = Hrua::new(good, bad, sample);
        let never = h.d10.is_nan()
            || (h.d10.is_infinite() && !hrua_lsum(0, h.mingb, h.maxgb, h.m).is_finite());
        if never {
            return Err(hang_error(format!(
                "hypergeometric({good}, {bad}, {sample}): ngood + nbad overflows NumPy's int64 \
                 arithmetic; NumPy's legacy hypergeometric never returns for these parameters"
            )));
        }
        Ok(h)
    }
}

/// `hypergeometric`'s own checks before `disc`: the int64 sum test, computed with
/// ufuncs (`np.add`, `np.less`) on arrays, with their broadcast error text.
fn hypergeometric_validate(p: &mut [NdArray<Num>], is_scalar: bool) -> Result<()> {
    let bad = || Err(Error::value("ngood + nbad < nsample"));
    if is_scalar {
        let (g, b, s) = (p[0].data[0].i(), p[1].data[0].i(), p[2].data[0].i());
        return if g.wrapping_add(b) < s { bad() } else { Ok(()) };
    }
    let sum_shape = crate::array::ufunc_broadcast(&p[0].shape, &p[1].shape)?;
    let shape = crate::array::ufunc_broadcast(&sum_shape, &p[2].shape)?;
    let ig = broadcast_indices(&shape, &p[0].shape);
    let ib = broadcast_indices(&shape, &p[1].shape);
    let is = broadcast_indices(&shape, &p[2].shape);
    for k in 0..ig.len() {
        let (g, b, s) = (
            p[0].data[ig[k]].i(),
            p[1].data[ib[k]].i(),
            p[2].data[is[k]].i(),
        );
        if g.wrapping_add(b) < s {
            return bad();
        }
    }
    Ok(())
}

pub(crate) const SPECS: &[DistSpec] = &[DistSpec {
    name: "hypergeometric",
    params: &[
        ParamSpec::i("ngood", Cons::NonNegative),
        ParamSpec::i("nbad", Cons::NonNegative),
        ParamSpec::i("nsample", Cons::Gte1),
    ],
    internal_order: &[],
    prepare: Some(hypergeometric_validate),
    kernel: Kernel::I64Try(|rs, p: &[Num]| rs.legacy_hypergeometric(p[0].i(), p[1].i(), p[2].i())),
    bulk: super::broadcast::Bulk::None,
}];
