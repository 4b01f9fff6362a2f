//! The bulk form of legacy Marsaglia–Tsang (`standard_gamma` with shape > 1), with the
//! polar method's logarithms vectorised.
//!
//! Each value takes a gaussian (a cached one, or a fresh polar pair: attempts of two
//! doubles until `r2` is in (0, 1)) and then a uniform `u`; it is accepted at once unless
//! `1 + c x <= 0` (then another gaussian is drawn before `u`) or both acceptance tests
//! fail (then a new attempt). Where each double goes is decided without a logarithm as
//! long as every value is accepted at its first attempt, which is nearly always the case
//! (for shape 2.5, about 98 % of values). So a batch is run in three passes over the
//! converted doubles of the reader ([`F64Reader::chunk`](crate::mt19937::F64Reader)):
//! 1. *layout*: assuming first-attempt acceptance, assign the doubles to polar attempts
//!    and uniforms, in stream order, and note each value's gaussian (the cached one or a
//!    pair's first or second) and where it ends;
//! 2. *logarithms*: one vector [`np_log_slice`] over the accepted pairs' `r2`;
//! 3. *check*: the scalar kernel's tests, value by value. At the first value not
//!    accepted at its first attempt the batch stops: the doubles and the gaussian cache
//!    are committed up to that value's start, and the value is drawn by the scalar
//!    kernel from there (the same draws, as the reader had not yet given them away).
//!
//! The draws, the results and the state left behind are the scalar kernel's, bit for bit
//! (the logarithms are the same function of the same `r2`); the tests compare them.

use super::gamma::{standard_gamma_kernel, GammaShape};
use super::normal::{polar_factors, Bulk};
use crate::math::np::{np_log_slice, NpMath};

/// Values per batch: enough for the vector pass, few enough that a rejection (about 1
/// value in 50 for shape 2.5) wastes little speculative work.
const BATCH: usize = 32;

/// Where a value's gaussian comes from.
#[derive(Clone, Copy)]
enum Gauss {
    /// The cache as the batch found it.
    Initial(f64),
    /// `f * x2`, the first of pair `j`.
    First(usize),
    /// `f * x1`, the second (cached) of pair `j`.
    Second(usize),
}

/// Layout of one batch (pass 1) and its pairs' factors (pass 2).
struct Layout {
    /// Accepted polar attempts `(x1, x2)` and `r2`, then `r2` becomes the factor `f`.
    x1: [f64; BATCH],
    x2: [f64; BATCH],
    f: [f64; BATCH],
    pairs: usize,
    /// Per value: its gaussian, its uniform, and the doubles of the chunk taken when
    /// it is done (where the next value starts).
    gauss: [Gauss; BATCH],
    u: [f64; BATCH],
    end: [usize; BATCH],
    values: usize,
}

impl Layout {
    fn empty() -> Self {
        Layout {
            x1: [0.0; BATCH],
            x2: [0.0; BATCH],
            f: [0.0; BATCH],
            pairs: 0,
            gauss: [Gauss::Initial(0.0); BATCH],
            u: [0.0; BATCH],
            end: [0; BATCH],
            values: 0,
        }
    }

    /// Pass 1 over the doubles `t` with the cache `cache`, for at most `want` values:
    /// the values whose draws lie wholly in `t`. (The layout is reused from batch to
    /// batch rather than zeroed for each.)
    fn lay_out(&mut self, t: &[f64], mut cache: Option<Gauss>, want: usize) {
        let l = self;
        (l.pairs, l.values) = (0, 0);
        let mut pos = 0;
        'values: for i in 0..want.min(BATCH) {
            let g = match cache.take() {
                Some(g) => g,
                None => loop {
                    let &[a, b, ..] = &t[pos..] else {
                        break 'values;
                    };
                    pos += 2;
                    let (x1, x2) = (2.0 * a - 1.0, 2.0 * b - 1.0);
                    let r2 = x1 * x1 + x2 * x2;
                    if r2 < 1.0 && r2 != 0.0 {
                        let j = l.pairs;
                        (l.x1[j], l.x2[j], l.f[j]) = (x1, x2, r2);
                        l.pairs += 1;
                        cache = Some(Gauss::Second(j));
                        break Gauss::First(j);
                    }
                },
            };
            let Some(&u) = t.get(pos) else { break };
            pos += 1;
            (l.gauss[i], l.u[i], l.end[i]) = (g, u, pos);
            l.values = i + 1;
        }
    }

    /// Pass 2: `f = sqrt(-2 log(r2) / r2)` for every pair, the logarithms in one
    /// vector pass.
    fn factors(&mut self) {
        let n = self.pairs;
        let r2 = self.f;
        np_log_slice(&mut self.f[..n]);
        polar_factors(&mut self.f[..n], &r2[..n]);
    }

    fn value(&self, g: Gauss) -> f64 {
        match g {
            Gauss::Initial(v) => v,
            Gauss::First(j) => self.f[j] * self.x2[j],
            Gauss::Second(j) => self.f[j] * self.x1[j],
        }
    }
}

/// `out[i] = map(standard_gamma(shape))` for a finite `shape > 1`, in batches (see the
/// module docs); the same draws and state as the scalar kernel on `d`.
pub(super) fn standard_gamma_mt_fill(
    d: &mut Bulk<'_>,
    out: &mut [f64],
    g: GammaShape,
    map: impl Fn(f64) -> f64,
) {
    let (b, c) = (g.b, g.c);
    let mut done = 0;
    let mut l = Layout::empty();
    while done < out.len() {
        let cache = d.cached().map(Gauss::Initial);
        l.lay_out(d.rd.chunk(), cache, out.len() - done);
        l.factors();
        // Pass 3: the scalar kernel's tests on the first attempts.
        let mut ok = 0;
        for i in 0..l.values {
            let x = l.value(l.gauss[i]);
            let v = 1.0 + c * x;
            if v <= 0.0 {
                break;
            }
            let v = v * v * v;
            let u = l.u[i];
            if !(u < 1.0 - 0.0331 * (x * x) * (x * x)
                || u.np_log() < 0.5 * x * x + b * (1.0 - v + v.np_log()))
            {
                break;
            }
            out[done + i] = map(b * v);
            ok = i + 1;
        }
        // Commit the accepted values' doubles and the cache they leave (a pair's second
        // if the last one took a pair's first; otherwise empty, as `gauss()` leaves it).
        if ok > 0 {
            d.rd.take(l.end[ok - 1]);
            let after = match l.gauss[ok - 1] {
                Gauss::First(j) => Some(l.value(Gauss::Second(j))),
                _ => None,
            };
            d.set_cached(after);
            done += ok;
        }
        if ok < l.values || l.values == 0 {
            // A rejection, or a value straddling the chunk: the scalar kernel, from
            // the value's start.
            if done < out.len() {
                out[done] = map(standard_gamma_kernel(d, g));
                done += 1;
            }
        }
    }
}
