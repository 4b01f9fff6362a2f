//! The bulk form of legacy Marsaglia–Tsang (`standard_gamma` with shape > 1), with the
//! polar method's logarithms vectorised.
//!
//! Each attempt takes a gaussian (a cached one, or a fresh polar pair: units of two
//! doubles until `r2` is in (0, 1)) and then a uniform `u`; it gives a value unless
//! `1 + c x <= 0` (then the kernel draws another gaussian before `u`) or both acceptance
//! tests fail (then the next attempt draws the next gaussian and uniform). So as long as
//! `1 + c x > 0`, which fails for about 5 draws in 10^6 at shape 2.5, the stream is a
//! sequence of attempts whatever their outcome, and a batch runs in three passes over
//! the converted doubles of the reader ([`F64Reader::chunk`](crate::mt19937::F64Reader)):
//! 1. *layout*: which two-double units are accepted polar attempts and which hold a
//!    pair's two uniforms, found without a branch from the units' acceptance bits
//!    ([`marked_attempts`]); then each attempt's gaussian (the cached one, or a pair's
//!    first or second) and uniform;
//! 2. *logarithms*: one vector [`np_log_slice`] over the accepted pairs' `r2`;
//! 3. *check*: the scalar kernel's tests on every attempt, the logarithms of the
//!    attempts that fail the squeeze test in one more vector pass; a rejected attempt
//!    gives no value. At an attempt with `1 + c x <= 0` the batch stops: the doubles and
//!    the gaussian cache are committed up to that attempt's start, and the scalar kernel
//!    draws from there (the same draws, as the reader had not yet given them away).
//!
//! The draws, the results and the state left behind are the scalar kernel's, bit for bit
//! (the logarithms are the same function of the same `r2`); the tests compare them.
//!
//! Measured on Zen 3 (`standard_gamma_into(2.5)`, n = 10^6): 18.7 ns a value when a
//! batch stopped at every rejected attempt and laid its units out with a branch per
//! polar attempt; 16.4 with rejected attempts skipped, 15.1 with whole-block chunks,
//! 12.9 with the branch-free layout, 12.3 with the squeeze failures' logarithms in a
//! vector pass.

use super::gamma::{standard_gamma_kernel, GammaShape};
use super::normal::{polar_factors_of, Bulk};
use crate::distr::skips::marked_attempts;
use crate::math::np::np_log_slice;

/// Two-double units per batch: one `u64` of polar acceptance bits.
const UNITS: usize = 64;
/// At most every other unit is an accepted pair (the unit after it holds its uniforms).
const PAIRS: usize = UNITS / 2;
/// The cached gaussian's attempt, then two per pair.
const ATTEMPTS: usize = 2 * PAIRS + 1;

multiversion! {
    "avx2";
    /// Bit `m` set where unit `m` of `t` (doubles `2m`, `2m + 1`, at most 64 units)
    /// would be an accepted polar attempt: `r2` in (0, 1), the scalar loop's test.
    fn acceptance_bits / acceptance_bits_portable(t: &[f64]) -> u64 {
        let mut acc = 0;
        for (m, u) in t.chunks_exact(2).take(UNITS).enumerate() {
            let (x1, x2) = (2.0 * u[0] - 1.0, 2.0 * u[1] - 1.0);
            let r2 = x1 * x1 + x2 * x2;
            acc |= ((r2 < 1.0 && r2 != 0.0) as u64) << m;
        }
        acc
    }
}

/// One batch: the attempts `(gaussian, uniform)` that lie wholly in the chunk, in
/// stream order (whether an attempt gives a value does not move the ones after it).
struct Layout {
    /// Accepted polar attempts `(x1, x2)`, `r2`, then the factor `f`; where each pair's
    /// two uniforms start in the chunk.
    x1: [f64; PAIRS],
    x2: [f64; PAIRS],
    r2: [f64; PAIRS],
    f: [f64; PAIRS],
    upos: [usize; PAIRS],
    pairs: usize,
    /// Per attempt: its gaussian and its uniform.
    g: [f64; ATTEMPTS],
    u: [f64; ATTEMPTS],
    /// Whether attempt 0 takes the cached gaussian (and the chunk's first double).
    cached: bool,
    attempts: usize,
    /// Per attempt: `v = (1 + c x)^3`, then whether the attempt gives a value.
    v: [f64; ATTEMPTS],
    ok: [bool; ATTEMPTS],
    /// The attempts that fail the squeeze test: their index, and `u`, `v` side by side
    /// for one vector pass of logarithms (padded to whole vectors).
    slow: [usize; ATTEMPTS],
    logs: [f64; 2 * ATTEMPTS + 4],
}

impl Layout {
    fn empty() -> Self {
        Layout {
            x1: [0.0; PAIRS],
            x2: [0.0; PAIRS],
            r2: [0.0; PAIRS],
            f: [0.0; PAIRS],
            upos: [0; PAIRS],
            pairs: 0,
            g: [0.0; ATTEMPTS],
            u: [0.0; ATTEMPTS],
            cached: false,
            attempts: 0,
            v: [0.0; ATTEMPTS],
            ok: [false; ATTEMPTS],
            slow: [0; ATTEMPTS],
            logs: [0.0; 2 * ATTEMPTS + 4],
        }
    }

    /// Lays out the attempts of the chunk `t` given the cache `cache`: which units are
    /// polar attempts (branch-free, see [`marked_attempts`]), the pairs' factors (the
    /// logarithms in one vector pass), and each attempt's gaussian and uniform.
    fn lay_out(&mut self, t: &[f64], cache: Option<f64>) {
        self.cached = cache.is_some() && !t.is_empty();
        let off = self.cached as usize;
        let units = ((t.len() - off.min(t.len())) / 2).min(UNITS);
        // A pair counts only if its uniforms' unit is in the batch too.
        let whole = if units < 2 {
            0
        } else {
            u64::MAX >> (65 - units)
        };
        let mut bits = marked_attempts(acceptance_bits(&t[off..])) & whole;
        let mut j = 0;
        while bits != 0 {
            let m = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            let p = off + 2 * m;
            let (x1, x2) = (2.0 * t[p] - 1.0, 2.0 * t[p + 1] - 1.0);
            (self.x1[j], self.x2[j]) = (x1, x2);
            self.r2[j] = x1 * x1 + x2 * x2;
            self.upos[j] = p + 2;
            j += 1;
        }
        self.pairs = j;
        // f = sqrt(-2 log(r2) / r2), as the scalar `gauss()`.
        polar_factors_of(&self.r2[..j], &mut self.f[..j]);
        if let (true, Some(g)) = (self.cached, cache) {
            (self.g[0], self.u[0]) = (g, t[0]);
        }
        for k in 0..j {
            let (a, p) = (off + 2 * k, self.upos[k]);
            // A pair's first gaussian is `f * x2`; `f * x1` is cached for the next.
            (self.g[a], self.g[a + 1]) = (self.f[k] * self.x2[k], self.f[k] * self.x1[k]);
            (self.u[a], self.u[a + 1]) = (t[p], t[p + 1]);
        }
        self.attempts = off + 2 * j;
    }

    /// The scalar kernel's tests on every attempt before the first with `1 + c x <= 0`
    /// (where the layout stops holding, as the kernel then draws another gaussian
    /// before the uniform), which it returns (or the number of attempts). The squeeze
    /// test first, then the logarithm test for the attempts that fail it, with their
    /// logarithms in one vector pass: about one attempt in ten at shape 2.5, whose two
    /// scalar `log`s and mispredicted branch had cost more than the rest of the check.
    fn check(&mut self, b: f64, c: f64) -> usize {
        let mut limit = self.attempts;
        let mut slow = 0;
        for i in 0..self.attempts {
            let x = self.g[i];
            let v = 1.0 + c * x;
            if v <= 0.0 {
                limit = i;
                break;
            }
            let v = v * v * v;
            let u = self.u[i];
            let ok = u < 1.0 - 0.0331 * (x * x) * (x * x);
            (self.v[i], self.ok[i]) = (v, ok);
            // Listed whatever `ok` is; only a failed test moves past it.
            (
                self.slow[slow],
                self.logs[2 * slow],
                self.logs[2 * slow + 1],
            ) = (i, u, v);
            slow += !ok as usize;
        }
        let padded = (2 * slow).next_multiple_of(4);
        self.logs[2 * slow..padded].fill(1.0);
        np_log_slice(&mut self.logs[..padded]);
        for k in 0..slow {
            let i = self.slow[k];
            let (x, v) = (self.g[i], self.v[i]);
            let (log_u, log_v) = (self.logs[2 * k], self.logs[2 * k + 1]);
            self.ok[i] = log_u < 0.5 * x * x + b * (1.0 - v + log_v);
        }
        limit
    }

    /// The doubles of the chunk taken once attempt `i` is done.
    fn end(&self, i: usize) -> usize {
        match i.checked_sub(self.cached as usize) {
            None => 1,
            Some(k) => self.upos[k / 2] + 1 + k % 2,
        }
    }

    /// The cache attempt `i` leaves: a pair's second after its first, else empty.
    fn cache_after(&self, i: usize) -> Option<f64> {
        match i.checked_sub(self.cached as usize) {
            Some(k) if k % 2 == 0 => Some(self.g[i + 1]),
            _ => None,
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
        let cache = d.cached();
        l.lay_out(d.rd.chunk(), cache);
        // The tests, then the values of the attempts that pass, in order. A rejected
        // attempt just gives no value: the kernel's next attempt draws the next
        // gaussian and uniform, which are the layout's next attempt.
        let limit = l.check(b, c);
        let (mut made, mut tried) = (0, limit);
        for i in 0..limit {
            if l.ok[i] {
                out[done + made] = map(b * l.v[i]);
                made += 1;
                if done + made == out.len() {
                    tried = i + 1;
                    break;
                }
            }
        }
        // Commit the attempts' doubles and the cache they leave.
        if tried > 0 {
            d.rd.take(l.end(tried - 1));
            d.set_cached(l.cache_after(tried - 1));
            done += made;
        }
        if (limit < l.attempts || l.attempts == 0) && done < out.len() {
            // `1 + c x <= 0`, or no whole attempt left in the chunk: the scalar kernel,
            // from the attempt's start.
            out[done] = map(standard_gamma_kernel(d, g));
            done += 1;
        }
    }
}
