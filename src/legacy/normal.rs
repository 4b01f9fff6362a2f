//! Normal draws: the legacy polar (Marsaglia) method with its cached second value.

use super::broadcast::{DistSpec, Kernel};
use super::polar_simd::{accept, Lanes};
use super::RandomState;
pub(crate) use crate::distr::Doubles;
use crate::error::Result;
use crate::math::np::{np_log_slice, NpMath};
use crate::mt19937::F64Reader;
use crate::prelude::*;

/// The legacy polar method's accepted pair from a source of doubles: draws `(U1, U2)`
/// until `r2 = x1² + x2²` is in (0, 1) (`x = 2U - 1`), then returns `(f * x2, f * x1)`
/// with `f = sqrt(-2 ln(r2) / r2)`: NumPy returns the first and caches the second.
#[inline(always)]
pub(crate) fn polar_pair(mut next_double: impl FnMut() -> f64) -> (f64, f64) {
    loop {
        let x1 = 2.0 * next_double() - 1.0;
        let x2 = 2.0 * next_double() - 1.0;
        let r2 = x1 * x1 + x2 * x2;
        if r2 < 1.0 && r2 != 0.0 {
            let f = polar_factor(r2);
            return (f * x2, f * x1);
        }
    }
}

/// `sqrt(-2 log(r2) / r2)`, NumPy's expression and operation order.
#[inline(always)]
fn polar_factor(r2: f64) -> f64 {
    (-2.0 * r2.np_log() / r2).sqrt()
}

multiversion! {
    "avx";
    /// `f[i] = sqrt(-2 log(r2) / r2)` ([`polar_factor`]) for every accepted pair of a
    /// bulk batch, from `f[i] = log(r2[i])` on entry. On AVX the division and the
    /// square root, the loop's costliest instructions, take four lanes each (two in the
    /// crate's SSE2 baseline): `standard_normal_into` went from 4.8 to 4.5 ns a value
    /// (Zen 3, n = 10^6).
    pub(super) fn polar_factors / polar_factors_portable(f: &mut [f64], r2: &[f64]) -> () {
        for (f, &r2) in f.iter_mut().zip(r2) {
            *f = (-2.0 * *f / r2).sqrt();
        }
    }
}

/// `f[i] = sqrt(-2 log(r2[i]) / r2[i])` ([`polar_factor`]) for the accepted pairs of a
/// bulk batch (`standard_normal_into`'s and the gamma batches'): the logarithms first, by
/// the vectorised [`np_log_slice`] (the bits of [`polar_factor`]'s `np_log`), then the
/// rest of the expression by [`polar_factors`].
pub(super) fn polar_factors_of(r2: &[f64], f: &mut [f64]) {
    f.copy_from_slice(r2);
    np_log_slice(f);
    polar_factors(f, r2);
}

/// [`PolarBatch::accept_run`] on a fresh batch of 40 from slot `k` (with the kernels of
/// `lanes`), for the kernels' test: the accepted count, the doubles used and the accepted
/// `(x1, x2, r2)` from `k` on.
#[cfg(test)]
pub(super) fn accept_run_for_test(
    doubles: &[f64],
    k: usize,
    want: usize,
    lanes: Lanes,
) -> (usize, Vec<f64>) {
    let mut b = PolarBatch::<40>::new();
    let (got, used) = b.accept_run(doubles, k, want, lanes);
    let mut v = vec![used as f64];
    for a in [&b.x1, &b.x2, &b.r2] {
        v.extend_from_slice(&a[k..got]);
    }
    (got, v)
}

/// Up to this many values, the `_into` forms just loop over the scalar draw (the
/// bulk paths' stack buffers cost more than they save).
pub(crate) const SMALL: usize = 16;

/// Accepted polar pairs per batch of [`RandomState::standard_normal_into`].
const POLAR_BATCH: usize = 128;

/// A batch of up to `B` accepted polar attempts `(x1, x2, r2)`: the rejection loop runs
/// first, branch-free over a chunk of doubles (acceptance needs no logarithm, so the
/// draws are exactly the scalar loop's), then the logarithms run as one vector pass and
/// the square roots as a second, independent loop.
pub(super) struct PolarBatch<const B: usize> {
    x1: [f64; B],
    x2: [f64; B],
    r2: [f64; B],
    /// Scratch for the logarithms of `r2`.
    logs: [f64; B],
    n: usize,
}

impl<const B: usize> PolarBatch<B> {
    #[inline(always)]
    pub(super) fn new() -> Self {
        PolarBatch {
            x1: [0.0; B],
            x2: [0.0; B],
            r2: [0.0; B],
            logs: [0.0; B],
            n: 0,
        }
    }

    /// Run attempts until `want` (<= B) are accepted, taking exactly the
    /// doubles the scalar loop would.
    #[inline(always)]
    fn fill(&mut self, rd: &mut F64Reader<'_>, want: usize) {
        debug_assert!(want <= B);
        let lanes = Lanes::detected();
        let mut k = 0;
        while k < want {
            let c = rd.chunk();
            if c.len() < 2 {
                // An attempt that straddles a chunk or block boundary: one at a time.
                let x1 = 2.0 * rd.next() - 1.0;
                let x2 = 2.0 * rd.next() - 1.0;
                k = self.push(k, x1, x2);
                continue;
            }
            let (accepted, used) = self.accept_run(c, k, want, lanes);
            k = accepted;
            rd.take(used);
        }
        self.n = want;
    }

    /// [`attempts`](Self::attempts) without marks, from slot `k < want`: the vector
    /// kernels of `lanes` take the attempts they can ([`accept`]) and the scalar loop
    /// the rest. Returns the accepted count and the doubles used.
    #[inline(always)]
    fn accept_run(
        &mut self,
        doubles: &[f64],
        k: usize,
        want: usize,
        lanes: Lanes,
    ) -> (usize, usize) {
        let (k, used) = accept(
            lanes,
            doubles,
            k,
            want,
            &mut self.x1,
            &mut self.x2,
            &mut self.r2,
        );
        if k == want {
            return (k, used);
        }
        let (k, more) = self.attempts(&doubles[used..], k, want, |_, _| {});
        (k, used + more)
    }

    /// The attempts of [`fill`](Self::fill) over doubles already converted: `doubles`
    /// are the consecutive `next_f64` values from word `pos0` of the current block.
    /// Stops at `want` (<= B) accepted pairs or when the whole attempts run
    /// out; `ends[i]` is the block position after accepted pair `i` (its last word + 1).
    /// Returns the number accepted (also `self.n`).
    #[inline(always)]
    pub(super) fn scan(
        &mut self,
        doubles: &[f64],
        want: usize,
        pos0: usize,
        ends: &mut [u16],
    ) -> usize {
        debug_assert!(0 < want && want <= B && want <= ends.len());
        // Each attempt's end is written before its push, into the slot it may take,
        // whether or not it is accepted (the branch-free form of `push`): a rejected
        // attempt's entry is overwritten by the next.
        let (k, _) = self.attempts(doubles, 0, want, |slot, attempts| {
            ends[slot.min(want - 1)] = (pos0 + 4 * attempts) as u16;
        });
        self.n = k;
        k
    }

    /// The rejection loop over consecutive doubles (two an attempt), shared by
    /// [`fill`](Self::fill) and [`scan`](Self::scan): accepted attempts are stored from
    /// slot `k` on, until `want` are accepted or the whole attempts run out. Before each
    /// attempt's push, `mark(slot, attempts)` gets the slot it may take and the number of
    /// attempts run so far, itself included. Returns the accepted count and the doubles
    /// used.
    #[inline(always)]
    fn attempts(
        &mut self,
        doubles: &[f64],
        mut k: usize,
        want: usize,
        mut mark: impl FnMut(usize, usize),
    ) -> (usize, usize) {
        let mut used = 0;
        for u in doubles.chunks_exact(2) {
            used += 2;
            mark(k, used / 2);
            k = self.push(k, 2.0 * u[0] - 1.0, 2.0 * u[1] - 1.0);
            if k == want {
                break;
            }
        }
        (k, used)
    }

    /// Store the attempt at slot `k` and return `k + 1` if accepted, else `k`
    /// (the slot is overwritten by the next attempt).
    #[inline(always)]
    fn push(&mut self, k: usize, x1: f64, x2: f64) -> usize {
        let r2 = x1 * x1 + x2 * x2;
        let i = k.min(B - 1);
        self.x1[i] = x1;
        self.x2[i] = x2;
        self.r2[i] = r2;
        k + ((r2 < 1.0) & (r2 != 0.0)) as usize
    }

    /// `out[2i] = f * x2`, `out[2i + 1] = f * x1` for each accepted pair, as two
    /// consecutive `gauss()` calls return them, `f` from [`polar_factors_of`].
    #[inline(always)]
    pub(super) fn write(&mut self, out: &mut [f64]) {
        let n = self.n;
        let f = &mut self.logs[..n];
        polar_factors_of(&self.r2[..n], f);
        for (((o, &x1), &x2), &f) in out
            .chunks_exact_mut(2)
            .zip(&self.x1[..n])
            .zip(&self.x2[..n])
            .zip(&*f)
        {
            o[0] = f * x2;
            o[1] = f * x1;
        }
    }
}

/// The draws of one bulk call (see [`RandomState::bulk`]): doubles from an
/// [`F64Reader`] and the gaussian cache, so that kernels written against [`Draws`] run
/// the same in bulk as in scalar calls.
pub(crate) struct Bulk<'a> {
    pub(crate) rd: F64Reader<'a>,
    has_gauss: &'a mut bool,
    gauss: &'a mut f64,
}

/// A source of NumPy's legacy draws: `legacy_double` ([`Doubles`]) and
/// `legacy_gauss`.
pub(crate) trait Draws: Doubles {
    /// The next legacy gaussian (cached second value of the polar pair first).
    fn gauss(&mut self) -> f64;
}

impl Doubles for RandomState {
    #[inline(always)]
    fn double(&mut self) -> f64 {
        self.next_double()
    }
    #[inline]
    fn fill_doubles(&mut self, out: &mut [f64]) {
        self.bitgen.fill_f64(out);
    }
}

impl Draws for RandomState {
    #[inline(always)]
    fn gauss(&mut self) -> f64 {
        RandomState::gauss(self)
    }
}

impl Doubles for Bulk<'_> {
    #[inline(always)]
    fn double(&mut self) -> f64 {
        self.rd.next()
    }
}

impl Bulk<'_> {
    /// The cached gaussian, if any (left in the cache).
    #[inline]
    pub(crate) fn cached(&self) -> Option<f64> {
        self.has_gauss.then_some(*self.gauss)
    }

    /// Sets the cache: `Some(g)` caches `g`; `None` empties it (the value 0.0, as
    /// `gauss()` leaves it).
    #[inline]
    pub(crate) fn set_cached(&mut self, g: Option<f64>) {
        *self.has_gauss = g.is_some();
        *self.gauss = g.unwrap_or(0.0);
    }
}

impl Draws for Bulk<'_> {
    #[inline(always)]
    fn gauss(&mut self) -> f64 {
        if *self.has_gauss {
            let g = *self.gauss;
            *self.has_gauss = false;
            *self.gauss = 0.0;
            return g;
        }
        let rd = &mut self.rd;
        let (first, second) = polar_pair(|| rd.next());
        *self.gauss = second;
        *self.has_gauss = true;
        first
    }
}

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
        let (first, second) = self.ahead.pair(&mut self.bitgen);
        self.gauss = second;
        self.has_gauss = true;
        first
    }

    /// Draws for the bulk kernels: doubles read ahead from the MT block, and the
    /// gaussian cache, consumed exactly as the scalar calls would.
    #[inline]
    pub(crate) fn bulk(&mut self) -> Bulk<'_> {
        Bulk {
            rd: F64Reader::new(&mut self.bitgen),
            has_gauss: &mut self.has_gauss,
            gauss: &mut self.gauss,
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
        if out.is_empty() {
            return;
        }
        let out = if self.has_gauss {
            out[0] = self.gauss;
            self.has_gauss = false;
            self.gauss = 0.0;
            &mut out[1..]
        } else {
            out
        };
        if out.len() <= SMALL {
            // Not worth the batch buffers.
            for o in out {
                *o = self.gauss();
            }
            return;
        }
        let mut rd = F64Reader::new(&mut self.bitgen);
        let (pairs, last) = out.split_at_mut(out.len() & !1);
        for block in pairs.chunks_mut(2 * POLAR_BATCH) {
            let mut acc = PolarBatch::<POLAR_BATCH>::new();
            acc.fill(&mut rd, block.len() / 2);
            acc.write(block);
        }
        if let [last] = last {
            let (first, second) = polar_pair(|| rd.next());
            *last = first;
            self.gauss = second;
            self.has_gauss = true;
        }
    }

    /// `rs.randn(d0, d1, ...)`: `prod(dims)` standard normals in C order.
    ///
    /// ```
    /// // np.random.seed(12345); np.random.randn(2, 3)
    /// let z = nprand::RandomState::new(12345).randn(&[2, 3]).unwrap();
    /// assert_eq!(z.len(), 6);
    /// ```
    pub fn randn(&mut self, dims: &[usize]) -> Result<Vec<f64>> {
        let mut out = crate::common::alloc::filled(dims, crate::common::alloc::Dtype::F64, 0.0)?;
        self.standard_normal_into(&mut out);
        Ok(out)
    }
}

numpy_methods! {
    impl[] RandomState, kernels on RandomState, table DECLARED_SPECS;
    /// `rs.normal(loc, scale)` = `loc + scale * gauss`; `scale < 0` is an error
    /// (-0.0 too, NaN passes, as in NumPy).
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(3);
    /// let x = rs.normal(5.0, 2.0).unwrap();
    /// assert!(x.is_finite());
    /// assert_eq!(rs.normal(0.0, -1.0).unwrap_err().message(), "scale < 0");
    /// ```
    fn normal;
    /// `rs.normal(loc, scale, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 3];
    /// nprand::RandomState::new(3).normal_into(&mut x, 1.0, 0.5).unwrap();
    /// ```
    fn normal_into;
    (loc: None = 0.0, scale: NonNegative = 1.0) -> f64 => RandomState::normal_kernel, bulk RandomState::fill_normal;
}

impl RandomState {
    /// The per-element draw of [`RandomState::normal`].
    #[inline]
    fn normal_kernel(&mut self, loc: f64, scale: f64) -> f64 {
        loc + scale * self.gauss()
    }

    /// [`RandomState::normal_into`] after its checks.
    fn fill_normal(&mut self, out: &mut [f64], loc: f64, scale: f64) -> Result<()> {
        self.standard_normal_into(out);
        for o in out {
            *o = loc + scale * *o;
        }
        Ok(())
    }
}

pub(crate) const SPECS: &[DistSpec] = &[DistSpec {
    name: "standard_normal",
    params: &[],
    internal_order: &[],
    prepare: None,
    kernel: Kernel::F64(|rs, _| rs.gauss()),
    bulk: super::broadcast::Bulk::F64(|rs, out, _| {
        rs.standard_normal_into(out);
        Ok(())
    }),
}];

#[cfg(test)]
mod tests {
    //! The bulk paths against the scalar reference (NumPy's loops as they were written
    //! before the bulk kernels), bit for bit, including the state left behind.

    use super::*;
    use proptest::prelude::*;

    use super::super::test_util::{
        assert_bits, assert_same_state, ref_gauss, start, starts, SIZES,
    };

    /// The AVX copy of [`polar_factors`] (where the CPU has AVX) against the portable
    /// twin and the scalar [`polar_factor`], bit for bit, at every length up to 40 (so
    /// every vector remainder) on accepted `r2` from a real stream.
    #[test]
    fn polar_factors_paths_agree() {
        let mut rs = RandomState::new(7);
        let r2: Vec<f64> = (0..40)
            .map(|_| loop {
                let (x1, x2) = (2.0 * rs.next_double() - 1.0, 2.0 * rs.next_double() - 1.0);
                let r2 = x1 * x1 + x2 * x2;
                if r2 < 1.0 && r2 != 0.0 {
                    break r2;
                }
            })
            .chain([f64::MIN_POSITIVE, 1.0 - f64::EPSILON / 2.0, 5e-324])
            .collect();
        for n in 0..=r2.len() {
            let logs: Vec<f64> = r2[..n].iter().map(|v| v.np_log()).collect();
            let (mut fast, mut slow) = (logs.clone(), logs);
            polar_factors(&mut fast, &r2[..n]);
            polar_factors_portable(&mut slow, &r2[..n]);
            let scalar: Vec<f64> = r2[..n].iter().map(|&v| polar_factor(v)).collect();
            assert_bits(&fast, &slow, "polar_factors vs portable");
            assert_bits(&fast, &scalar, "polar_factors vs polar_factor");
        }
    }

    fn check_normal(start: &RandomState, n: usize) {
        let what = format!(
            "n {n} from pos {} {:?}",
            start.bitgen.pos(),
            start.has_gauss
        );
        let mut r = start.clone();
        let expect: Vec<f64> = (0..n).map(|_| ref_gauss(&mut r)).collect();

        let mut a = start.clone();
        let mut out = vec![f64::NAN; n];
        a.standard_normal_into(&mut out);
        assert_bits(&out, &expect, &what);
        assert_same_state(&a, &r, &what);

        let mut b = start.clone();
        let scalar: Vec<f64> = (0..n).map(|_| b.standard_normal()).collect();
        assert_bits(&scalar, &expect, &what);
        assert_same_state(&b, &r, &what);

        let mut c = start.clone();
        let mut out = vec![0.0; n];
        c.normal_into(&mut out, 1.5, 0.25).unwrap();
        let shifted: Vec<f64> = expect.iter().map(|&g| 1.5 + 0.25 * g).collect();
        assert_bits(&out, &shifted, &what);
        assert_same_state(&c, &r, &what);
    }

    #[test]
    fn standard_normal_into_matches_scalar_reference() {
        for s in starts() {
            for &n in SIZES {
                check_normal(&s, n);
            }
        }
    }

    #[test]
    fn consecutive_bulk_calls_share_the_cache() {
        let mut a = RandomState::new(3);
        let mut r = a.clone();
        for n in [1usize, 2, 3, 5, 0, 7, 312, 1, 625] {
            let mut out = vec![0.0; n];
            a.standard_normal_into(&mut out);
            let expect: Vec<f64> = (0..n).map(|_| ref_gauss(&mut r)).collect();
            assert_bits(&out, &expect, &format!("n {n}"));
            assert_same_state(&a, &r, &format!("n {n}"));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn standard_normal_into_any_start(
            seed: u32,
            skip in 0usize..1300,
            cached in proptest::option::of(-4.0f64..4.0),
            n in 0usize..1500,
        ) {
            check_normal(&start(seed, skip, cached), n);
        }
    }
}
