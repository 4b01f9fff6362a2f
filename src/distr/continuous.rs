//! The continuous kernels NumPy's `RandomState` and `Generator` share unchanged
//! (`random_laplace`, `random_gumbel`, `random_logistic`, `random_triangular` of
//! `distributions.c`: `mtrand.pyx` calls them with the legacy bit generator): one uniform
//! per attempt, no normals or exponentials, so the legacy stream is the modern one.
//! Their bulk forms (`fill_laplace`, `fill_gumbel`, `fill_logistic`; `Ok` always, the
//! `_into` forms' signature) serve both front-ends' `_into` forms and broadcast tables.

use super::Doubles;
use crate::error::Result;
use crate::math::np::np_log_slice;
// (With `std`, or in tests, which link it, `std`'s inherent methods are used.)
#[cfg(not(any(feature = "std", test)))]
use crate::math::core_float::CoreFloat;
use crate::math::np::NpMath;

/// `random_laplace`; `U == 0` is redrawn.
pub(crate) fn random_laplace<D: Doubles + ?Sized>(d: &mut D, loc: f64, scale: f64) -> f64 {
    loop {
        let u = d.double();
        if u >= 0.5 {
            return loc - scale * (2.0 - u - u).np_log();
        }
        if u > 0.0 {
            return loc + scale * (u + u).np_log();
        }
    }
}

/// `random_gumbel`; `U == 0` is redrawn.
pub(crate) fn random_gumbel<D: Doubles + ?Sized>(d: &mut D, loc: f64, scale: f64) -> f64 {
    loop {
        let u = 1.0 - d.double();
        if u < 1.0 {
            return loc - scale * (-u.np_log()).np_log();
        }
    }
}

/// `random_logistic`; `U == 0` is redrawn.
pub(crate) fn random_logistic<D: Doubles + ?Sized>(d: &mut D, loc: f64, scale: f64) -> f64 {
    loop {
        let u = d.double();
        if u > 0.0 {
            return loc + scale * (u / (1.0 - u)).np_log();
        }
    }
}

/// `random_uniform(lower, range)` over a slice (both front-ends' `uniform`): the doubles
/// in bulk, then `low + range * U`.
pub(crate) fn fill_uniform<D: Doubles + ?Sized>(
    d: &mut D,
    out: &mut [f64],
    low: f64,
    range: f64,
) -> Result<()> {
    d.fill_doubles(out);
    for o in out {
        *o = low + range * *o;
    }
    Ok(())
}

/// Values per run of the bulk forms below (a run's uniforms stay in L1).
const RUN: usize = 512;

/// The bulk forms' uniforms: `out` filled run by run with the nonzero doubles of `d`, in
/// order (the loops above redraw a zero, so each value takes the next nonzero double),
/// `finish` turning each run's uniforms into values in place.
fn fill_nonzero<D: Doubles + ?Sized>(
    d: &mut D,
    out: &mut [f64],
    mut finish: impl FnMut(&mut [f64]),
) {
    let (n, mut done) = (out.len(), 0);
    while done < n {
        let run = &mut out[done..(done + RUN).min(n)];
        d.fill_doubles(run);
        let k = drop_zeros(run);
        finish(&mut run[..k]);
        done += k;
    }
}

/// Moves the nonzero values of `u` to its front, in order, and returns how many there
/// are: the uniforms a rejection loop that redraws `U == 0` keeps, consumed in the same
/// order (a zero is one more draw for the same value; zeros left at the end of a run
/// belong to the next value, whose run continues the stream after them).
fn drop_zeros(u: &mut [f64]) -> usize {
    let mut k = 0;
    for i in 0..u.len() {
        let v = u[i];
        if v != 0.0 {
            u[k] = v;
            k += 1;
        }
    }
    k
}

/// [`random_laplace`] over a slice: the logarithms of a run in one vectorised pass
/// (the bits of the scalar `np_log`), each value's branch taken again from its uniform.
pub(crate) fn fill_laplace<D: Doubles + ?Sized>(
    d: &mut D,
    out: &mut [f64],
    loc: f64,
    scale: f64,
) -> Result<()> {
    let mut logs = [0.0; RUN];
    fill_nonzero(d, out, |run| {
        let logs = &mut logs[..run.len()];
        for (l, &u) in logs.iter_mut().zip(run.iter()) {
            *l = if u >= 0.5 { 2.0 - u - u } else { u + u };
        }
        np_log_slice(logs);
        for (o, &l) in run.iter_mut().zip(logs.iter()) {
            *o = if *o >= 0.5 {
                loc - scale * l
            } else {
                loc + scale * l
            };
        }
    });
    Ok(())
}

/// [`random_gumbel`] over a slice: `loc - scale * log(-log(1 - U))`, each logarithm one
/// vectorised pass over the run.
pub(crate) fn fill_gumbel<D: Doubles + ?Sized>(
    d: &mut D,
    out: &mut [f64],
    loc: f64,
    scale: f64,
) -> Result<()> {
    fill_nonzero(d, out, |run| {
        for o in run.iter_mut() {
            *o = 1.0 - *o;
        }
        np_log_slice(run);
        for o in run.iter_mut() {
            *o = -*o;
        }
        np_log_slice(run);
        for o in run {
            *o = loc - scale * *o;
        }
    });
    Ok(())
}

/// [`random_logistic`] over a slice: `loc + scale * log(U / (1 - U))`.
pub(crate) fn fill_logistic<D: Doubles + ?Sized>(
    d: &mut D,
    out: &mut [f64],
    loc: f64,
    scale: f64,
) -> Result<()> {
    fill_nonzero(d, out, |run| {
        for o in run.iter_mut() {
            *o = *o / (1.0 - *o);
        }
        np_log_slice(run);
        for o in run {
            *o = loc + scale * *o;
        }
    });
    Ok(())
}

/// `random_triangular`: one uniform, inverse CDF.
pub(crate) fn random_triangular<D: Doubles + ?Sized>(
    d: &mut D,
    left: f64,
    mode: f64,
    right: f64,
) -> f64 {
    let base = right - left;
    let leftbase = mode - left;
    let ratio = leftbase / base;
    let leftprod = leftbase * base;
    let rightprod = (right - mode) * base;
    let u = d.double();
    if u <= ratio {
        left + (u * leftprod).sqrt()
    } else {
        right - ((1.0 - u) * rightprod).sqrt()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prelude::*;

    /// Doubles from a list, in order.
    struct Seq(Vec<f64>, usize);

    impl Doubles for Seq {
        fn double(&mut self) -> f64 {
            self.1 += 1;
            self.0[self.1 - 1]
        }
    }

    /// Each bulk form against its loop of scalar draws on a stream with zeros (which
    /// both redraw) alone, in runs, at a run's end and at a value's start, and with the
    /// values NumPy's branches split on (0.5, the largest double below 1).
    #[test]
    fn bulk_forms_match_the_loops() {
        type Scalar = fn(&mut Seq, f64, f64) -> f64;
        type Bulk = fn(&mut Seq, &mut [f64], f64, f64) -> Result<()>;
        let forms: [(Scalar, Bulk); 3] = [
            (random_laplace, fill_laplace),
            (random_gumbel, fill_gumbel),
            (random_logistic, fill_logistic),
        ];
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut stream: Vec<f64> = (0..3000)
            .map(|i| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                match i % 97 {
                    0 | 1 | 50 => 0.0,
                    7 => 0.5,
                    8 => 1.0 - f64::EPSILON / 2.0,
                    _ => (x >> 11) as f64 / 9_007_199_254_740_992.0,
                }
            })
            .collect();
        for i in [511, 512, 513, 1023, 1024] {
            stream[i] = 0.0;
        }
        for (scalar, bulk) in forms {
            for n in [0, 1, 5, 511, 512, 513, 1100, 2900] {
                let mut a = Seq(stream.clone(), 0);
                let mut b = Seq(stream.clone(), 0);
                let mut out = vec![f64::NAN; n];
                bulk(&mut a, &mut out, 0.5, 2.0).unwrap();
                let want: Vec<f64> = (0..n).map(|_| scalar(&mut b, 0.5, 2.0)).collect();
                for (k, (x, y)) in out.iter().zip(&want).enumerate() {
                    assert_eq!(x.to_bits(), y.to_bits(), "n {n} value {k}");
                }
                // Every double read is a value's uniform or a zero redrawn before one.
                assert_eq!(a.1, b.1, "n {n}: doubles read");
            }
        }
    }

    #[test]
    fn drop_zeros_keeps_the_order() {
        let mut u = [0.0, 0.5, 0.0, 0.0, 0.25, 0.75, 0.0];
        assert_eq!(drop_zeros(&mut u), 3);
        assert_eq!(u[..3], [0.5, 0.25, 0.75]);
    }
}
