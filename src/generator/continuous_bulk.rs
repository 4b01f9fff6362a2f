//! The bulk (`_into`) forms of `Generator`'s transforms of an exponential or a gaussian
//! (`pareto`, `weibull`, `power`, `lognormal`, `rayleigh`; `gumbel`, `laplace` and
//! `logistic`, shared with `RandomState`, are in `distr::continuous`): the draws in bulk first
//! (the ziggurat's read-ahead, the same words in the same order as the scalar kernels of
//! `continuous.rs`), then NumPy's expression in passes over the slice, with `exp` and
//! `pow` vectorised by [`np_exp_slice`] and [`np_pow_slice`] (the bits of the scalar
//! `np_exp` / `np_pow`, element for element). Each pass keeps the scalar kernel's
//! operation order. They are free functions over any bit generator, so the typed
//! `_into` methods and the broadcast table's scalar path (`dyn BitGenerator`) share
//! them; the parameters are checked by the caller.

use super::ziggurat::{fill_standard_exponential, fill_standard_normal};
use crate::bitgen::BitGenerator;
use crate::error::Result;
use crate::math::np::{np_exp_slice, np_pow_slice, NpMathF64};
// Without `std`, `sqrt` is `CoreFloat`'s (std's inherent method otherwise; a test build
// links std, which makes this import unused there).
#[cfg(not(feature = "std"))]
#[allow(unused_imports)]
use crate::math::core_float::CoreFloat;

/// `random_pareto` over a slice: `expm1(E / a)`.
pub(crate) fn fill_pareto<B: BitGenerator + ?Sized>(
    bg: &mut B,
    out: &mut [f64],
    a: f64,
) -> Result<()> {
    fill_standard_exponential(bg, out);
    for o in out {
        *o = (*o / a).np_expm1();
    }
    Ok(())
}

/// `random_weibull` over a slice: zeros without a draw for `a == 0`, else `E^(1/a)`.
pub(crate) fn fill_weibull<B: BitGenerator + ?Sized>(
    bg: &mut B,
    out: &mut [f64],
    a: f64,
) -> Result<()> {
    if a == 0.0 {
        out.fill(0.0);
        return Ok(());
    }
    fill_standard_exponential(bg, out);
    np_pow_slice(out, 1.0 / a);
    Ok(())
}

/// `random_power` over a slice: `(-expm1(-E))^(1/a)`.
pub(crate) fn fill_power<B: BitGenerator + ?Sized>(
    bg: &mut B,
    out: &mut [f64],
    a: f64,
) -> Result<()> {
    fill_standard_exponential(bg, out);
    for o in out.iter_mut() {
        *o = -(-*o).np_expm1();
    }
    np_pow_slice(out, 1.0 / a);
    Ok(())
}

/// `random_lognormal` over a slice: `exp(mean + sigma * Z)`.
pub(crate) fn fill_lognormal<B: BitGenerator + ?Sized>(
    bg: &mut B,
    out: &mut [f64],
    mean: f64,
    sigma: f64,
) -> Result<()> {
    fill_standard_normal(bg, out);
    for o in out.iter_mut() {
        *o = mean + sigma * *o;
    }
    np_exp_slice(out);
    Ok(())
}

/// `random_rayleigh` over a slice: `scale * sqrt(2 E)`.
pub(crate) fn fill_rayleigh<B: BitGenerator + ?Sized>(
    bg: &mut B,
    out: &mut [f64],
    scale: f64,
) -> Result<()> {
    fill_standard_exponential(bg, out);
    for o in out {
        *o = scale * (2.0 * *o).sqrt();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    //! Each bulk form against its scalar method, bit for bit, on every bit generator, at
    //! sizes across the read-ahead's blocks, the state after included.

    use crate::generator::{AnyBitGenerator, BitGenKind, Generator};
    use crate::prelude::*;

    type Scalar = fn(&mut Generator<AnyBitGenerator>, f64, f64) -> f64;
    type Into = fn(&mut Generator<AnyBitGenerator>, &mut [f64], f64, f64);

    /// (name, scalar method, `_into` method, parameters).
    const CASES: &[(&str, Scalar, Into, [f64; 2])] = &[
        (
            "pareto",
            |g, a, _| g.pareto(a).unwrap(),
            |g, o, a, _| g.pareto_into(o, a).unwrap(),
            [3.0, 0.0],
        ),
        (
            "pareto",
            |g, a, _| g.pareto(a).unwrap(),
            |g, o, a, _| g.pareto_into(o, a).unwrap(),
            [1e-3, 0.0],
        ),
        (
            "weibull",
            |g, a, _| g.weibull(a).unwrap(),
            |g, o, a, _| g.weibull_into(o, a).unwrap(),
            [1.5, 0.0],
        ),
        (
            "weibull",
            |g, a, _| g.weibull(a).unwrap(),
            |g, o, a, _| g.weibull_into(o, a).unwrap(),
            [0.0, 0.0],
        ),
        (
            "weibull",
            |g, a, _| g.weibull(a).unwrap(),
            |g, o, a, _| g.weibull_into(o, a).unwrap(),
            [1e-30, 0.0],
        ),
        (
            "power",
            |g, a, _| g.power(a).unwrap(),
            |g, o, a, _| g.power_into(o, a).unwrap(),
            [0.3, 0.0],
        ),
        (
            "power",
            |g, a, _| g.power(a).unwrap(),
            |g, o, a, _| g.power_into(o, a).unwrap(),
            [5.0, 0.0],
        ),
        (
            "lognormal",
            |g, m, s| g.lognormal(m, s).unwrap(),
            |g, o, m, s| g.lognormal_into(o, m, s).unwrap(),
            [0.0, 1.0],
        ),
        (
            "lognormal",
            |g, m, s| g.lognormal(m, s).unwrap(),
            |g, o, m, s| g.lognormal_into(o, m, s).unwrap(),
            [700.0, 30.0],
        ),
        (
            "rayleigh",
            |g, s, _| g.rayleigh(s).unwrap(),
            |g, o, s, _| g.rayleigh_into(o, s).unwrap(),
            [2.0, 0.0],
        ),
        (
            "gumbel",
            |g, l, s| g.gumbel(l, s).unwrap(),
            |g, o, l, s| g.gumbel_into(o, l, s).unwrap(),
            [0.5, 2.0],
        ),
        (
            "laplace",
            |g, l, s| g.laplace(l, s).unwrap(),
            |g, o, l, s| g.laplace_into(o, l, s).unwrap(),
            [0.5, 2.0],
        ),
        (
            "logistic",
            |g, l, s| g.logistic(l, s).unwrap(),
            |g, o, l, s| g.logistic_into(o, l, s).unwrap(),
            [0.5, 2.0],
        ),
    ];

    #[test]
    fn bulk_forms_match_scalar_calls() {
        for kind in BitGenKind::ALL {
            for &n in &[0usize, 1, 2, 3, 7, 63, 64, 65, 257, 1000, 3001] {
                for &(name, scalar, into, [p, q]) in CASES {
                    let what = format!("{name}({p}, {q}) n {n} on {kind:?}");
                    let mut a = Generator::new(AnyBitGenerator::new(kind, 20261207u128));
                    a.random();
                    let mut b = a.clone();
                    let mut out = vec![f64::NAN; n];
                    into(&mut a, &mut out, p, q);
                    let want: Vec<f64> = (0..n).map(|_| scalar(&mut b, p, q)).collect();
                    for (k, (x, y)) in out.iter().zip(&want).enumerate() {
                        assert_eq!(x.to_bits(), y.to_bits(), "{what} element {k}");
                    }
                    assert_eq!(a.random().to_bits(), b.random().to_bits(), "{what}: state");
                }
            }
        }
    }
}
