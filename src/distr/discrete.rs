//! Binomial and Poisson draws, NumPy's `random_binomial` (inversion and BTPE) and
//! `random_poisson` (multiplication and PTRS), on any [`Doubles`] source: the legacy
//! `RandomState` (scalar and bulk) and every `Generator` run this one copy.
//!
//! BTPE is NumPy 2.4.6's: its Stirling correction uses the literal 13680 (sic, for
//! 13860) and adds all four terms; NumPy fixed that after 2.4.6. C's int64 arithmetic
//! is kept where NumPy does it in integers (`n + 1`, `-k * k`), which matters for
//! `n > 2^53`.
//!
//! ```
//! // np.random.default_rng(5).binomial(10**6, 0.3), and RandomState's multinomial,
//! // draw through the same kernels.
//! let mut g = nprand::generator::default_rng(5);
//! let x = g.binomial(1_000_000, 0.3).unwrap();
//! assert!((290_000..310_000).contains(&x));
//! ```

use super::{loggam, Doubles};
use crate::common::c_long;
use crate::math::np::NpMath;
use crate::prelude::*;

/// Which algorithm a binomial draw takes, with its setup (NumPy caches this per
/// `(n, p)`; it is a pure function of them, so nprand recomputes it).
#[derive(Debug, Clone, Copy)]
pub(crate) enum BinomialSetup {
    /// Inversion on `(n, p)`: `q`, `qn`, `bound`.
    Inversion {
        n: i64,
        p: f64,
        q: f64,
        qn: f64,
        bound: i64,
    },
    /// BTPE on `(n, p)`.
    Btpe(Btpe),
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Btpe {
    n: i64,
    p: f64,
    r: f64,
    q: f64,
    m: i64,
    p1: f64,
    xm: f64,
    xl: f64,
    xr: f64,
    c: f64,
    laml: f64,
    lamr: f64,
    p2: f64,
    p3: f64,
    p4: f64,
}

impl Btpe {
    fn new(n: i64, p: f64) -> Self {
        let nf = n as f64;
        let r = if p < 1.0 - p { p } else { 1.0 - p };
        let q = 1.0 - r;
        let fm = nf * r + r;
        let m = c_long(fm.floor());
        let p1 = (2.195 * (nf * r * q).sqrt() - 4.6 * q).floor() + 0.5;
        let xm = m as f64 + 0.5;
        let xl = xm - p1;
        let xr = xm + p1;
        let c = 0.134 + 20.5 / (15.3 + m as f64);
        let a = (fm - xl) / (fm - xl * r);
        let laml = a * (1.0 + a / 2.0);
        let a = (xr - fm) / (xr * q);
        let lamr = a * (1.0 + a / 2.0);
        let p2 = p1 * (1.0 + 2.0 * c);
        let p3 = p2 + c / laml;
        let p4 = p3 + c / lamr;
        Btpe {
            n,
            p,
            r,
            q,
            m,
            p1,
            xm,
            xl,
            xr,
            c,
            laml,
            lamr,
            p2,
            p3,
            p4,
        }
    }
}

/// Stirling correction term of BTPE step 52, with the legacy constant 13680 (sic).
#[inline]
fn btpe_stirling(v: f64, v2: f64) -> f64 {
    (13680. - (462. - (132. - (99. - 140. / v2) / v2) / v2) / v2) / v / 166320.
}

/// BTPE (Kachitvichyanukul & Schmeiser) as NumPy 2.4.6 has it, bug included, on any
/// source of doubles (the scalar calls and the bulk reader run the same code).
#[inline]
pub(crate) fn btpe_kernel<D: Doubles + ?Sized>(d: &mut D, b: &Btpe) -> i64 {
    let Btpe {
        n,
        p,
        r,
        q,
        m,
        p1,
        xm,
        xl,
        xr,
        c,
        laml,
        lamr,
        p2,
        p3,
        p4,
        ..
    } = *b;
    let nf = n as f64;
    let mf = m as f64;
    let mut y: i64;
    'step10: loop {
        let nrq = nf * r * q;
        let u = d.double() * p4;
        let mut v = d.double();
        if u <= p1 {
            y = c_long((xm - p1 * v + u).floor());
            break 'step10;
        }
        if u <= p2 {
            // Step 20
            let x = xl + (u - p1) / c;
            v = v * c + 1.0 - (mf - x + 0.5).abs() / p1;
            if v > 1.0 {
                continue 'step10;
            }
            y = c_long(x.floor());
        } else if u <= p3 {
            // Step 30
            y = c_long((xl + v.np_log() / laml).floor());
            if y < 0 || v == 0.0 {
                continue 'step10;
            }
            v = v * (u - p2) * laml;
        } else {
            // Step 40
            y = c_long((xr - v.np_log() / lamr).floor());
            if y > n || v == 0.0 {
                continue 'step10;
            }
            v = v * (u - p3) * lamr;
        }
        // Step 50
        let k = y.wrapping_sub(m).wrapping_abs();
        if !(k > 20 && (k as f64) < nrq / 2.0 - 1.0) {
            let s = r / q;
            let a = s * n.wrapping_add(1) as f64;
            let mut f = 1.0;
            if m < y {
                let mut i = m.wrapping_add(1);
                while i <= y {
                    f *= a / i as f64 - s;
                    i += 1;
                }
            } else if m > y {
                let mut i = y.wrapping_add(1);
                while i <= m {
                    f /= a / i as f64 - s;
                    i += 1;
                }
            }
            if v > f {
                continue 'step10;
            }
            break 'step10;
        }
        // Step 52
        let kf = k as f64;
        let rho = (kf / nrq) * ((kf * (kf / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5);
        // C: `-k * k` is a long multiplication (it wraps for k > ~3e9).
        let t = k.wrapping_neg().wrapping_mul(k) as f64 / (2.0 * nrq);
        let big_a = v.np_log();
        if big_a < t - rho {
            break 'step10;
        }
        if big_a > t + rho {
            continue 'step10;
        }
        let x1 = y as f64 + 1.0;
        let f1 = mf + 1.0;
        let z = nf + 1.0 - mf;
        let w = nf - y as f64 + 1.0;
        let x2 = x1 * x1;
        let f2 = f1 * f1;
        let z2 = z * z;
        let w2 = w * w;
        let bound = xm * (f1 / x1).np_log()
            + (n.wrapping_sub(m) as f64 + 0.5) * (z / w).np_log()
            + y.wrapping_sub(m) as f64 * (w * r / (x1 * q)).np_log()
            + btpe_stirling(f1, f2)
            + btpe_stirling(z, z2)
            + btpe_stirling(x1, x2)
            + btpe_stirling(w, w2);
        if big_a > bound {
            continue 'step10;
        }
        break 'step10;
    }
    // Step 60
    if p > 0.5 {
        y = n.wrapping_sub(y);
    }
    y
}

/// Largest inversion `bound` the bulk table holds. NumPy takes inversion only for
/// `n * min(p, q) <= 30`, so `bound <= 30 + 10 * sqrt(31) < 86`; anything larger
/// (impossible for checked parameters) falls back to the per-value kernel.
const INV_TABLE: usize = 128;

/// The inversion kernel's probabilities `px` as a table: `px[0] = qn` and
/// `px[x] = ((n - x + 1) * p * px[x-1]) / (x * q)`, the same operations in the same
/// order as the per-value loop, so every entry is bit-identical to the `px` that loop
/// reaches at `x` (the sequence depends only on `(n, p)`, never on the uniforms).
pub(crate) struct InversionTable {
    px: [f64; INV_TABLE],
    bound: usize,
}

impl InversionTable {
    pub(crate) fn new(n: i64, p: f64, q: f64, qn: f64, bound: i64) -> Option<Self> {
        let bound = usize::try_from(bound).ok().filter(|&b| b < INV_TABLE)?;
        let mut px = [0.0; INV_TABLE];
        px[0] = qn;
        for x in 1..=bound {
            let xi = x as i64;
            px[x] = (n.wrapping_sub(xi).wrapping_add(1) as f64 * p * px[x - 1]) / (xi as f64 * q);
        }
        Some(InversionTable { px, bound })
    }

    /// One draw: the per-value inversion loop with the `px` recurrence looked up.
    #[inline(always)]
    pub(crate) fn draw<D: Doubles + ?Sized>(&self, d: &mut D) -> i64 {
        let px = &self.px;
        let mut x = 0usize;
        let mut u = d.double();
        while u > px[x] {
            x += 1;
            if x > self.bound {
                x = 0;
                u = d.double();
            } else {
                u -= px[x - 1];
            }
        }
        x as i64
    }
}

/// Window of `loggam(k + 1)` values a bulk PTRS call caches.
const LOGGAM_WINDOW: usize = 4096;

/// PTRS with its per-`lam` constants computed once, exactly as the per-value kernel
/// computes them, plus `ln(invalpha)` (a pure function of `lam`) and a lazily filled
/// cache of `loggam(k + 1)` around `lam`.
pub(crate) struct Ptrs {
    lam: f64,
    loglam: f64,
    b: f64,
    a: f64,
    two_a: f64,
    vr: f64,
    ln_invalpha: f64,
    base: i64,
    loggam: Vec<f64>,
}

impl Ptrs {
    /// The constants for `lam`; with `cached`, also a window of `loggam(k + 1)` values
    /// (worth its allocation only for bulk calls).
    pub(crate) fn new(lam: f64, cached: bool) -> Self {
        let slam = lam.sqrt();
        let loglam = lam.np_log();
        let b = 0.931 + 2.53 * slam;
        let a = -0.059 + 0.02483 * b;
        let invalpha = 1.1239 + 1.1328 / (b - 3.4);
        let vr = 0.9277 - 3.6224 / (b - 2.0);
        let half = (LOGGAM_WINDOW / 2) as i64;
        let base = c_long(lam).saturating_sub(half).max(0);
        Ptrs {
            lam,
            loglam,
            b,
            a,
            // C's `2 * a / us` is `(2 * a) / us`.
            two_a: 2.0 * a,
            vr,
            ln_invalpha: invalpha.np_log(),
            base,
            loggam: if cached {
                vec![f64::NAN; LOGGAM_WINDOW]
            } else {
                Vec::new()
            },
        }
    }

    /// `loggam(k + 1)`, from the cache when `k` lies in its window (never NaN there:
    /// the argument is at least 1).
    #[inline]
    fn loggam_k1(&mut self, k: i64) -> f64 {
        let i = k.wrapping_sub(self.base);
        if (0..self.loggam.len() as i64).contains(&i) {
            let slot = &mut self.loggam[i as usize];
            if slot.is_nan() {
                *slot = loggam(k as f64 + 1.0);
            }
            *slot
        } else {
            loggam(k as f64 + 1.0)
        }
    }

    /// One draw, the per-value PTRS loop with the constants hoisted.
    #[inline(always)]
    pub(crate) fn draw<D: Doubles + ?Sized>(&mut self, d: &mut D) -> i64 {
        loop {
            let u = d.double() - 0.5;
            let v = d.double();
            let us = 0.5 - u.abs();
            let k = c_long(((self.two_a / us + self.b) * u + self.lam + 0.43).floor());
            if us >= 0.07 && v <= self.vr {
                return k;
            }
            if k < 0 || (us < 0.013 && v > us) {
                continue;
            }
            if v.np_log() + self.ln_invalpha - (self.a / (us * us) + self.b).np_log()
                <= -self.lam + k as f64 * self.loglam - self.loggam_k1(k)
            {
                return k;
            }
        }
    }
}

impl BinomialSetup {
    /// The setup for a draw on `(n, p)` (p ≤ 0.5 in practice). `legacy` selects the
    /// legacy inversion constant `exp(n*log(q))` instead of `exp(n*log1p(-p))`.
    fn new(n: i64, p: f64, legacy: bool, inversion: bool) -> Self {
        if inversion {
            let q = 1.0 - p;
            let qn = if legacy {
                (n as f64 * q.np_log()).np_exp()
            } else {
                (n as f64 * (-p).np_log1p()).np_exp()
            };
            let np = n as f64 * p;
            let x = np + 10.0 * (np * q + 1.0).sqrt();
            let nf = n as f64;
            let bound = c_long(if nf < x { nf } else { x });
            BinomialSetup::Inversion { n, p, q, qn, bound }
        } else {
            BinomialSetup::Btpe(Btpe::new(n, p))
        }
    }
}

/// Outer dispatch of a binomial draw: the setup, and whether the result is `n - X`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BinomialPlan {
    pub(crate) setup: BinomialSetup,
    pub(crate) complement: bool,
    pub(crate) n: i64,
}

impl BinomialPlan {
    /// NumPy's dispatch (`legacy_random_binomial_original` / `random_binomial`).
    pub(crate) fn new(n: i64, p: f64, legacy: bool) -> Self {
        if p <= 0.5 {
            let inv = p * n as f64 <= 30.0;
            BinomialPlan {
                setup: BinomialSetup::new(n, p, legacy, inv),
                complement: false,
                n,
            }
        } else {
            let q = 1.0 - p;
            let inv = q * n as f64 <= 30.0;
            BinomialPlan {
                setup: BinomialSetup::new(n, q, legacy, inv),
                complement: true,
                n,
            }
        }
    }
}

/// A binomial draw on a plan: its inversion or BTPE draw, `n - X` for the complement.
#[inline]
pub(crate) fn binomial_draw<D: Doubles + ?Sized>(d: &mut D, plan: &BinomialPlan) -> i64 {
    let x = match plan.setup {
        BinomialSetup::Inversion { n, p, q, qn, bound } => {
            binomial_inversion(d, n, p, q, qn, bound)
        }
        BinomialSetup::Btpe(ref b) => btpe_kernel(d, b),
    };
    if plan.complement {
        plan.n.wrapping_sub(x)
    } else {
        x
    }
}

/// The inversion loop (the `px` recurrence evaluated as it goes).
fn binomial_inversion<D: Doubles + ?Sized>(
    d: &mut D,
    n: i64,
    p: f64,
    q: f64,
    qn: f64,
    bound: i64,
) -> i64 {
    let mut x: i64 = 0;
    let mut px = qn;
    let mut u = d.double();
    while u > px {
        x += 1;
        if x > bound {
            x = 0;
            px = qn;
            u = d.double();
        } else {
            u -= px;
            px = (n.wrapping_sub(x).wrapping_add(1) as f64 * p * px) / (x as f64 * q);
        }
    }
    x
}

/// NumPy's shared `random_binomial(p, n)` (`Generator.binomial`, and the legacy
/// `multinomial`): `n == 0` or `p == 0` give 0 without drawing; inversion uses
/// `exp(n*log1p(-p))`.
pub(crate) fn random_binomial<D: Doubles + ?Sized>(d: &mut D, p: f64, n: i64) -> i64 {
    if n == 0 || p == 0.0 {
        return 0;
    }
    binomial_draw(d, &BinomialPlan::new(n, p, false))
}

/// NumPy's `random_poisson(lam)`: 0 without a draw for `lam == 0`, the multiplicative
/// method for `lam < 10` (also for NaN, which gives 0 after one double), PTRS (Hörmann)
/// for `lam >= 10`. C's `(long)` casts are reproduced, so an infinite `lam` gives
/// `i64::MIN`, as in NumPy.
pub(crate) fn random_poisson<D: Doubles + ?Sized>(d: &mut D, lam: f64) -> i64 {
    if lam >= 10.0 {
        Ptrs::new(lam, false).draw(d)
    } else if lam == 0.0 {
        0
    } else {
        poisson_mult(d, (-lam).np_exp())
    }
}

/// `out.len()` binomial draws on one plan, the values the per-draw loop gives: the
/// inversion's `px` recurrence is tabulated once ([`InversionTable`], bit for bit the
/// values the loop computes) and BTPE's constants are the plan's.
pub(crate) fn fill_binomial<D: Doubles + ?Sized>(d: &mut D, out: &mut [i64], plan: &BinomialPlan) {
    let total = plan.n;
    let fix = |x: i64| {
        if plan.complement {
            total.wrapping_sub(x)
        } else {
            x
        }
    };
    match plan.setup {
        BinomialSetup::Inversion { n, p, q, qn, bound } => {
            if let Some(table) = InversionTable::new(n, p, q, qn, bound) {
                for o in out {
                    *o = fix(table.draw(d));
                }
                return;
            }
        }
        BinomialSetup::Btpe(ref b) => {
            for o in out {
                *o = fix(btpe_kernel(d, b));
            }
            return;
        }
    }
    for o in out {
        *o = binomial_draw(d, plan);
    }
}

/// `out.len()` draws of [`random_poisson`] with the per-`lam` work done once: PTRS's
/// constants and its `loggam` cache (for more than a few values), or `exp(-lam)`.
pub(crate) fn fill_poisson<D: Doubles + ?Sized>(d: &mut D, out: &mut [i64], lam: f64) {
    if lam >= 10.0 {
        let mut ptrs = Ptrs::new(lam, out.len() > 16);
        for o in out {
            *o = ptrs.draw(d);
        }
    } else if lam == 0.0 {
        out.fill(0);
    } else {
        let enlam = (-lam).np_exp();
        for o in out {
            *o = poisson_mult(d, enlam);
        }
    }
}

/// The multiplicative method with `enlam = exp(-lam)`: the number of uniforms whose
/// running product stays above `enlam`.
#[inline(always)]
pub(crate) fn poisson_mult<D: Doubles + ?Sized>(d: &mut D, enlam: f64) -> i64 {
    let mut x: i64 = 0;
    let mut prod = 1.0;
    loop {
        prod *= d.double();
        if prod > enlam {
            x += 1;
        } else {
            return x;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inversion_table_is_the_recurrence() {
        // Every entry bit-identical to the px the per-value loop computes.
        for (n, p) in [(20i64, 0.3), (1, 0.5), (3000, 0.01), (5, 0.0), (86, 0.3)] {
            let q = 1.0 - p;
            let plan = BinomialPlan::new(n, p, true);
            let BinomialSetup::Inversion { bound, qn, .. } = plan.setup else {
                continue;
            };
            let t = InversionTable::new(n, p, q, qn, bound).unwrap();
            let mut px = qn;
            assert_eq!(t.px[0].to_bits(), px.to_bits());
            for x in 1..=bound {
                px = (n.wrapping_sub(x).wrapping_add(1) as f64 * p * px) / (x as f64 * q);
                assert_eq!(t.px[x as usize].to_bits(), px.to_bits(), "{n} {p} {x}");
            }
        }
    }
}
