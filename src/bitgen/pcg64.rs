//! NumPy's `PCG64`: O'Neill's PCG XSL-RR 128/64 (a 128-bit LCG with a 64-bit output).
//!
//! ```
//! use nprand::Pcg64;
//! // bg = np.random.PCG64(12345); bg.random_raw(); bg.advance(10); bg.jumped()
//! let mut bg = Pcg64::new(12345);
//! let first = bg.next_u64();
//! bg.advance(10);
//! let j = bg.jumped(1);
//! assert_ne!(j, bg);
//! assert_ne!(first, bg.next_u64());
//! ```
//!
//! Algorithm: M. E. O'Neill's PCG (Apache-2.0/MIT) as NumPy 2.4.6 runs it
//! (`src/pcg64/pcg64.h`, BSD-3-Clause).

use super::state::Pcg64State;
use super::u64_to_double;
#[cfg(target_arch = "x86_64")]
use crate::mt19937::Backend;
use crate::seed_sequence::SeedSequence;

/// PCG's default 128-bit multiplier.
pub(crate) const PCG_DEFAULT_MULTIPLIER: u128 =
    (2_549_297_995_355_413_924u128 << 64) + 4_865_540_595_714_422_341;

/// The inverse of [`PCG_DEFAULT_MULTIPLIER`] mod 2^128 (it is odd): one step back is
/// `s -> (s - inc) * PCG_MULTIPLIER_INVERSE`. Newton's iteration `x -> x (2 - m x)`
/// doubles the correct low bits each time, from 3 (an odd `m` is its own inverse mod 8).
const PCG_MULTIPLIER_INVERSE: u128 = {
    let m = PCG_DEFAULT_MULTIPLIER;
    let mut x = m;
    let mut i = 0;
    while i < 6 {
        x = x.wrapping_mul(2u128.wrapping_sub(m.wrapping_mul(x)));
        i += 1;
    }
    assert!(m.wrapping_mul(x) == 1);
    x
};

/// `PCG64.jumped`'s step: `(phi - 1) * 2^128`.
pub(crate) const JUMP_STEP: u128 = 0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c835;

/// PCG's `pcg_advance_lcg_128`: `state` after `delta` steps of `x -> mult*x + plus`
/// (Brown's algorithm, arithmetic mod 2^128).
pub(crate) fn advance_lcg_128(
    state: u128,
    mut delta: u128,
    mut mult: u128,
    mut plus: u128,
) -> u128 {
    let mut acc_mult: u128 = 1;
    let mut acc_plus: u128 = 0;
    while delta > 0 {
        if delta & 1 == 1 {
            acc_mult = acc_mult.wrapping_mul(mult);
            acc_plus = acc_plus.wrapping_mul(mult).wrapping_add(plus);
        }
        plus = mult.wrapping_add(1).wrapping_mul(plus);
        mult = mult.wrapping_mul(mult);
        delta >>= 1;
    }
    acc_mult.wrapping_mul(state).wrapping_add(acc_plus)
}

/// Lanes of [`Pcg64::random_raw_into`] without AVX2.
const LANES: usize = 4;

#[cfg(target_arch = "x86_64")]
mod lanes;
// AVX-512 code is not built for soft-float targets (`x86_64-unknown-none`): LLVM cannot
// lower its 512-bit values there.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
mod lanes512;

// The outputs a vector fill writes: with `lanes512`, those it can write too.
#[cfg(all(target_arch = "x86_64", not(target_feature = "sse2")))]
use lanes::Word as VectorWord;
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
use lanes512::Word8 as VectorWord;

/// Words from which a fill takes a vector kernel (four AVX2 rounds, two and a half
/// AVX-512 ones): below that, its setup (twelve or twenty dependent steps for the lanes,
/// one step back at the end) would be a large part of the fill.
#[cfg(target_arch = "x86_64")]
const SIMD_MIN: usize = 48;

/// `(M^n, 1 + M + ... + M^(n-1))` mod 2^128 for the default multiplier `M`: `n` steps
/// are `s -> M^n s + S inc`, so a round of `n` lanes costs one multiplication of `inc`.
const fn lcg_round(n: usize) -> (u128, u128) {
    let (mut a, mut s, mut i) = (1u128, 0u128, 0);
    while i < n {
        s = s.wrapping_add(a);
        a = a.wrapping_mul(PCG_DEFAULT_MULTIPLIER);
        i += 1;
    }
    (a, s)
}

/// PCG64's output function (XSL-RR): the two halves xored, rotated by the top 6 bits.
#[inline(always)]
fn xsl_rr(state: u128) -> u64 {
    let hi = (state >> 64) as u64;
    let lo = state as u64;
    (hi ^ lo).rotate_right((hi >> 58) as u32)
}

/// NumPy's `pcg64_set_seed`, for `PCG64` and `PCG64DXSM` alike: `state`/`inc` from
/// `seed_seq.generate_state(4, np.uint64)` (words 0-1 and 2-3, high word first), through
/// PCG's `srandom`, whose steps use the default 128-bit multiplier.
pub(crate) fn pcg64_set_seed(seed_seq: &SeedSequence) -> Pcg64State {
    let v = seed_seq.state_u64::<4>();
    let initstate = (v[0] as u128) << 64 | v[1] as u128;
    let initseq = (v[2] as u128) << 64 | v[3] as u128;
    let inc = (initseq << 1) | 1;
    let step = |s: u128| s.wrapping_mul(PCG_DEFAULT_MULTIPLIER).wrapping_add(inc);
    Pcg64State {
        state: step(step(0).wrapping_add(initstate)),
        inc,
        has_uint32: false,
        uinteger: 0,
    }
}

pcg64_struct! {
    /// NumPy's `PCG64` bit generator.
    ///
    /// ```
    /// use nprand::{Pcg64, SeedSequence};
    /// // np.random.PCG64(5) and np.random.PCG64(np.random.SeedSequence(5)) are the same
    /// assert_eq!(Pcg64::new(5), Pcg64::from_seed_sequence(SeedSequence::new(5)));
    /// ```
    Pcg64, "PCG64", PCG_DEFAULT_MULTIPLIER
}

impl Pcg64 {
    #[inline(always)]
    fn step(&mut self) {
        self.state = self
            .state
            .wrapping_mul(PCG_DEFAULT_MULTIPLIER)
            .wrapping_add(self.inc);
    }

    /// NumPy's `next_uint64` (also `random_raw()`): step, then XSL-RR output.
    ///
    /// ```
    /// // bg = np.random.PCG64(1); bg.random_raw()
    /// let mut bg = nprand::Pcg64::new(1);
    /// assert_eq!(bg.next_u64(), nprand::Pcg64::new(1).random_raw(1).unwrap()[0]);
    /// ```
    #[inline]
    pub fn next_u64(&mut self) -> u64 {
        self.step();
        xsl_rr(self.state)
    }

    /// `bg.random_raw(out.len())` into `out`: the same words and final state as calling
    /// [`next_u64`](Self::next_u64) `out.len()` times.
    ///
    /// The LCG step `s -> M s + inc` is a chain of dependent 128-bit multiplications, so
    /// one stream is bound by their latency. Here four (`LANES`) consecutive states advance
    /// together, each by `LANES` steps at once (`s -> A s + C` with `A = M^LANES` and
    /// `C = (M^(LANES-1) + ... + M + 1) inc`, the same affine map composed), which keeps
    /// the multiplier busy with independent work; the words and their order do not change.
    ///
    /// ```
    /// // np.random.PCG64(7).random_raw(1001)
    /// let mut a = nprand::Pcg64::new(7);
    /// let mut b = a.clone();
    /// let mut v = vec![0u64; 1001];
    /// a.random_raw_into(&mut v);
    /// assert!(v.iter().all(|&w| w == b.next_u64()));
    /// assert_eq!(a, b);
    /// ```
    pub fn random_raw_into(&mut self, out: &mut [u64]) {
        #[cfg(target_arch = "x86_64")]
        if self.fill_vector(out) {
            return;
        }
        self.fill_mapped::<_, false>(out, |w| w);
    }

    /// `out[i]` = the output of [`next_u64`](Self::next_u64) call `i`, by
    /// [`lanes512::fill_avx512`] or [`lanes::fill_avx2`]; `false` (nothing written)
    /// without AVX2 or for a short `out`.
    #[cfg(target_arch = "x86_64")]
    #[inline(always)]
    fn fill_vector<T: VectorWord>(&mut self, out: &mut [T]) -> bool {
        if out.len() < SIMD_MIN {
            return false;
        }
        #[cfg(target_feature = "sse2")]
        if cpu_has!("avx512f", "avx512dq") {
            const ROUND: (u128, u128) = lcg_round(lanes512::LANES);
            let (a, c) = (ROUND.0, ROUND.1.wrapping_mul(self.inc));
            // SAFETY: AVX-512F and DQ checked just now.
            self.fill_lanes(out, |l, head| unsafe {
                lanes512::fill_avx512(l, a, c, head)
            });
            return true;
        }
        if !Backend::Avx2.is_available() {
            return false;
        }
        const ROUND: (u128, u128) = lcg_round(lanes::LANES);
        let (a, c) = (ROUND.0, ROUND.1.wrapping_mul(self.inc));
        // SAFETY: AVX2 checked just now.
        self.fill_lanes(out, |l, head| unsafe { lanes::fill_avx2(l, a, c, head) });
        true
    }

    /// The whole rounds of `out` by `kernel` on `L` lanes, started at the states of the
    /// next `L` words, then the partial round from the lanes' states.
    #[cfg(target_arch = "x86_64")]
    #[inline(always)]
    fn fill_lanes<T: lanes::Word, const L: usize>(
        &mut self,
        out: &mut [T],
        kernel: impl FnOnce(&mut [u128; L], &mut [T]),
    ) {
        let whole = out.len() / L * L;
        let (head, tail) = out.split_at_mut(whole);
        let mut l = [0u128; L];
        for x in l.iter_mut() {
            self.step();
            *x = self.state;
        }
        kernel(&mut l, head);
        // The lanes now hold the states of the next L words: a partial round is their
        // first outputs, and the state is that of the last word written (for no
        // partial round, the one before the first lane's).
        self.state = match tail.len() {
            0 => self.back(l[0]),
            t => {
                for (o, &s) in tail.iter_mut().zip(&l) {
                    *o = T::from_word(xsl_rr(s));
                }
                l[t - 1]
            }
        };
    }

    /// One step back: the state before `s`.
    #[inline(always)]
    fn back(&self, s: u128) -> u128 {
        s.wrapping_sub(self.inc)
            .wrapping_mul(PCG_MULTIPLIER_INVERSE)
    }

    /// `out[i] = f(next_u64())` for every `i`, by [`LANES`] interleaved streams (see
    /// [`random_raw_into`](Self::random_raw_into)).
    ///
    /// `STEP_FIRST` only orders the two statements of the loop: advance a lane and then
    /// output its word, or the other way round. The words are the same; the speed is not.
    /// Measured on a Zen-1 core (n = 10^5): raw words 1.52 ns output-first against 1.79
    /// step-first, doubles 1.82 step-first against 1.98. Neither order keeps a copy of
    /// the last state live in the loop (it spilled registers); the final state is
    /// recovered after it, by one step back where needed.
    #[inline(always)]
    fn fill_mapped<T, const STEP_FIRST: bool>(&mut self, out: &mut [T], f: impl Fn(u64) -> T) {
        let mut chunks = out.chunks_exact_mut(LANES);
        if chunks.len() >= 2 {
            const ROUND: (u128, u128) = lcg_round(LANES);
            let (a, c) = (ROUND.0, ROUND.1.wrapping_mul(self.inc));
            // The lanes start at the states of the next LANES words (output first) or
            // one round before them, the current state last (step first).
            let mut s = [0u128; LANES];
            if STEP_FIRST {
                let mut state = self.state;
                for lane in s.iter_mut().rev() {
                    *lane = state;
                    state = self.back(state);
                }
            } else {
                for lane in s.iter_mut() {
                    self.step();
                    *lane = self.state;
                }
            }
            for chunk in &mut chunks {
                for (o, lane) in chunk.iter_mut().zip(s.iter_mut()) {
                    if STEP_FIRST {
                        *lane = lane.wrapping_mul(a).wrapping_add(c);
                    }
                    *o = f(xsl_rr(*lane));
                    if !STEP_FIRST {
                        *lane = lane.wrapping_mul(a).wrapping_add(c);
                    }
                }
            }
            // The last word written came from the last lane's state (step first), or
            // from the state one step before the first lane's (output first).
            self.state = if STEP_FIRST {
                s[LANES - 1]
            } else {
                self.back(s[0])
            };
        } else {
            for o in chunks.by_ref().flatten() {
                *o = f(self.next_u64());
            }
        }
        for o in chunks.into_remainder() {
            *o = f(self.next_u64());
        }
    }
}

impl_bitgen_u64!(
    Pcg64,
    "PCG64",
    "state must be for a PCG64 RNG",
    Pcg64Dxsm,
    {
        fn random_raw_into(&mut self, out: &mut [u64]) {
            Pcg64::random_raw_into(self, out)
        }
        fn fill_double(&mut self, out: &mut [f64]) {
            #[cfg(target_arch = "x86_64")]
            if self.fill_vector(out) {
                return;
            }
            self.fill_mapped::<_, true>(out, u64_to_double);
        }
    }
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prelude::*;

    /// The bulk fills (the AVX2 kernel where the CPU has it) and both loop orders of the
    /// portable `fill_mapped`, on every length around the lane and block boundaries: the
    /// words of `next_u64` and the state they leave.
    #[test]
    fn bulk_fills_are_scalar_draws() {
        use crate::bitgen::BitGenerator;
        type Fill = fn(&mut Pcg64, &mut [u64], &mut [f64]);
        let paths: [(&str, Fill); 3] = [
            ("bulk", |a, w, d| {
                a.random_raw_into(w);
                a.fill_double(d);
            }),
            ("portable output first", |a, w, d| {
                a.fill_mapped::<_, false>(w, |x| x);
                a.fill_mapped::<_, false>(d, u64_to_double);
            }),
            ("portable step first", |a, w, d| {
                a.fill_mapped::<_, true>(w, |x| x);
                a.fill_mapped::<_, true>(d, u64_to_double);
            }),
        ];
        for (path, fill) in paths {
            for seed in [0u128, 1, 12345, u128::MAX] {
                // 0..=100 crosses the AVX2 threshold (48) with every tail length.
                for n in (0..=100).chain([255, 256, 257, 1001]) {
                    let mut a = Pcg64::new(seed);
                    let mut b = a.clone();
                    let mut words = vec![0u64; n];
                    let mut doubles = vec![0.0; n];
                    fill(&mut a, &mut words, &mut doubles);
                    assert!(
                        words.iter().all(|&w| w == b.next_u64()),
                        "{path} {seed} {n}"
                    );
                    for x in &doubles {
                        let want = b.next_double().to_bits();
                        assert_eq!(x.to_bits(), want, "{path} doubles {seed} {n}");
                    }
                    assert_eq!(a, b, "{path} state {seed} {n}");
                }
            }
        }
    }

    #[test]
    fn advance_matches_stepping() {
        let mut a = Pcg64::new(99);
        let mut b = a.clone();
        a.advance(1000);
        for _ in 0..1000 {
            b.next_u64();
        }
        assert_eq!(a, b);
        // A full period minus one step back.
        let mut c = Pcg64::new(99);
        c.advance(u128::MAX);
        c.next_u64();
        assert_eq!(c, Pcg64::new(99));
    }
}
