//! A process-wide [`RandomState`] behind a lock: the twin of NumPy's module-level
//! functions (`np.random.seed(12345); np.random.rand(10, 10)`).
//!
//! # Quick start
//! ```
//! use nprand::global;
//! global::seed(12345);                 // np.random.seed(12345)
//! let x = global::rand(&[10, 10]).unwrap(); // np.random.rand(10, 10)
//! assert_eq!(x[0].to_bits(), nprand::RandomState::new(12345).random_sample().to_bits());
//! ```
//!
//! Every function of NumPy's legacy module (`numpy.random.__all__` without the class
//! names and `default_rng`) has a function here, with the `RandomState` method's
//! parameters; a `_into` form fills a slice as NumPy's `size=` does. [`with`] reaches
//! any other method (`tomaxint`, `multinomial_into`, ...).
//!
//! Like NumPy's global generator, it starts from an unpredictable state (here: seeded
//! from the clock and process id) until [`seed`], [`seed_array`] or [`set_state`] is
//! called. Those three never read the clock, so a program that seeds first runs where
//! there is no clock (`wasm32-unknown-unknown`, where reading it traps).

use crate::array::NdArray;
use crate::common::mvn::{MvnOptions, MvnOutput};
use crate::error::Result;
use crate::legacy::{RandintDtype, RandomState};
use crate::state::LegacyState;
use std::sync::{Mutex, MutexGuard};

/// The generator, created on first use: `None` until then, so that seeding first never
/// builds (and never reads the clock for) a generator it would overwrite.
static GLOBAL: Mutex<Option<RandomState>> = Mutex::new(None);

fn lock() -> MutexGuard<'static, Option<RandomState>> {
    // A panic inside `with` cannot leave the generator half-updated in a way that
    // matters more than NumPy's own lack of atomicity; keep going.
    GLOBAL.lock().unwrap_or_else(|e| e.into_inner())
}

/// NumPy seeds its global `RandomState` from OS entropy; the clock and the process id
/// are nprand's unpredictable start without a dependency.
fn unpredictable() -> RandomState {
    use std::time::{SystemTime, UNIX_EPOCH};
    let t = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let key = [t as u32, (t >> 32) as u32, std::process::id()];
    RandomState::from_key(&key).expect("non-empty key")
}

/// Run `f` on the global RandomState (e.g. for `np.random.tomaxint()`).
///
/// ```
/// nprand::global::seed(1);
/// let k: i64 = nprand::global::with(|rs| rs.randint(0, 10)).unwrap();
/// assert!((0..10).contains(&k));
/// ```
pub fn with<R>(f: impl FnOnce(&mut RandomState) -> R) -> R {
    f(lock().get_or_insert_with(unpredictable))
}

/// `np.random.seed(seed)`. Never reads the clock.
///
/// ```
/// nprand::global::seed(0);
/// assert_eq!(nprand::global::get_state(), nprand::RandomState::new(0).get_state());
/// ```
pub fn seed(seed: u32) {
    let mut g = lock();
    match g.as_mut() {
        Some(rs) => rs.seed(seed),
        None => *g = Some(RandomState::new(seed)),
    }
}

/// `np.random.seed([k0, k1, ...])`. Never reads the clock.
///
/// ```
/// nprand::global::seed_array(&[1, 2, 3]).unwrap();
/// let want = nprand::RandomState::from_key(&[1, 2, 3]).unwrap();
/// assert_eq!(nprand::global::get_state(), want.get_state());
/// ```
pub fn seed_array(key: &[u32]) -> Result<()> {
    let mut g = lock();
    match g.as_mut() {
        Some(rs) => rs.seed_array(key),
        None => {
            *g = Some(RandomState::from_key(key)?);
            Ok(())
        }
    }
}

/// `np.random.set_state(state)`. Never reads the clock.
///
/// ```
/// let st = nprand::RandomState::new(9).get_state();
/// nprand::global::set_state(&st).unwrap();
/// assert_eq!(nprand::global::get_state(), st);
/// ```
pub fn set_state(state: &LegacyState) -> Result<()> {
    let mut g = lock();
    match g.as_mut() {
        Some(rs) => rs.set_state(state),
        None => {
            let mut rs = RandomState::new(0);
            rs.set_state(state)?;
            *g = Some(rs);
            Ok(())
        }
    }
}

/// `np.random.randint(low, high)` (NumPy's default dtype, int64).
///
/// ```
/// nprand::global::seed(12345);
/// let got = nprand::global::randint(0, 6);
/// assert_eq!(got, nprand::RandomState::new(12345).randint(0, 6));
/// ```
pub fn randint(low: i128, high: i128) -> Result<i64> {
    with(|rs| rs.randint(low, high))
}

/// `np.random.randint(low, high, size=out.len(), dtype=T)`: fills `out`.
///
/// ```
/// // np.random.seed(12345); np.random.randint(0, 6, size=3, dtype=np.uint8)
/// nprand::global::seed(12345);
/// let mut got = [0u8; 3];
/// nprand::global::randint_into(&mut got, 0, 6).unwrap();
/// let mut want = [0u8; 3];
/// nprand::RandomState::new(12345).randint_into(&mut want, 0, 6).unwrap();
/// assert_eq!(got, want);
/// ```
pub fn randint_into<T: RandintDtype>(out: &mut [T], low: i128, high: i128) -> Result<()> {
    with(|rs| rs.randint_into(out, low, high))
}

global_functions! {
    /// `np.random.get_state()` (the dict form, `legacy=False`, as a [`LegacyState`]).
    fn get_state() -> LegacyState; value ();
    /// `np.random.rand(d0, d1, ...)`.
    fn rand(dims: &[usize]) -> Result<Vec<f64>>; value (&[2, 2]);
    /// `np.random.randn(d0, d1, ...)`.
    fn randn(dims: &[usize]) -> Result<Vec<f64>>; value (&[3]);
    /// `np.random.bytes(length)`.
    fn bytes(length: usize) -> Result<Vec<u8>>; value (10);
    /// `np.random.choice(a, size, replace, p)` for a 1-d population `a`.
    fn choice<T: Clone>(a: &[T], size: Option<&[usize]>, replace: bool, p: Option<&[f64]>)
        -> Result<NdArray<T>>; value (&[10, 20, 30], Some(&[4]), true, Some(&[0.5, 0.25, 0.25]));
    /// `np.random.choice(n, size, replace, p)`: indices into a population of `n`.
    fn choice_index(pop: i64, size: Option<&[usize]>, replace: bool, p: Option<&[f64]>)
        -> Result<NdArray<i64>>; value (5, Some(&[3]), false, None);
    /// `np.random.permutation(n)`.
    fn permutation(n: i64) -> Result<Vec<i64>>; value (4);
    /// `np.random.permutation(x)` for a 1-d sequence `x`: a shuffled copy.
    fn permutation_of<T: Clone>(x: &[T]) -> Vec<T>; value (&["a", "b", "c"]);
    /// `np.random.shuffle(x)` (in place).
    ///
    /// ```
    /// // np.random.seed(12345); x = [1, 2, 3, 4]; np.random.shuffle(x)
    /// nprand::global::seed(12345);
    /// let mut got = [1, 2, 3, 4];
    /// nprand::global::shuffle(&mut got);
    /// let mut want = [1, 2, 3, 4];
    /// nprand::RandomState::new(12345).shuffle(&mut want);
    /// assert_eq!(got, want);
    /// ```
    fn shuffle<T>(x: &mut [T]) -> (); none ();
    /// `np.random.dirichlet(alpha, size)`.
    fn dirichlet(alpha: &[f64], size: Option<&[usize]>) -> Result<NdArray<f64>>;
        value (&[1.0, 2.0, 3.0], Some(&[2]));
    /// `np.random.dirichlet(alpha, size=rows)`: fills `out` (`rows * len(alpha)` values).
    fn dirichlet_into(out: &mut [f64], alpha: &[f64]) -> Result<()>; fill (&[1.0, 2.0, 0.5]);
    /// `np.random.multinomial(n, pvals, size)`.
    fn multinomial(n: i64, pvals: &[f64], size: Option<&[usize]>) -> Result<NdArray<i64>>;
        value (20, &[0.2, 0.3, 0.5], None);
    /// `np.random.multinomial(n, pvals, size=rows)`: fills `out` (`rows * len(pvals)`).
    fn multinomial_into(out: &mut [i64], n: i64, pvals: &[f64]) -> Result<()>;
        fill (20, &[0.2, 0.3, 0.5]);
    /// `np.random.multivariate_normal(mean, cov, size=…, check_valid=…, tol=…)`, the
    /// keywords in [`MvnOptions`].
    fn multivariate_normal(mean: &[f64], cov: impl crate::Matrix, opts: &MvnOptions)
        -> Result<MvnOutput>;
        value (&[0.0, 10.0], [[1.0, 0.0], [0.0, 4.0]], &nprand::MvnOptions::new().size([2]));
    /// `np.random.random_sample()`.
    fn random_sample() -> f64; value ();
    /// `np.random.random_sample(size=out.len())`: fills `out`.
    fn random_sample_into(out: &mut [f64]) -> (); fill ();
    /// `np.random.random()` (an alias of `random_sample`).
    fn random() -> f64; value ();
    /// `np.random.ranf()` (an alias of `random_sample`).
    fn ranf() -> f64; value ();
    /// `np.random.sample()` (an alias of `random_sample`).
    fn sample() -> f64; value ();
    /// `np.random.standard_cauchy()`.
    fn standard_cauchy() -> f64; value ();
    /// `np.random.standard_cauchy(size=out.len())`: fills `out`.
    fn standard_cauchy_into(out: &mut [f64]) -> (); fill ();
    /// `np.random.standard_exponential()`.
    fn standard_exponential() -> f64; value ();
    /// `np.random.standard_exponential(size=out.len())`: fills `out`.
    fn standard_exponential_into(out: &mut [f64]) -> (); fill ();
    /// `np.random.standard_normal()`.
    fn standard_normal() -> f64; value ();
    /// `np.random.standard_normal(size=out.len())`: fills `out`.
    fn standard_normal_into(out: &mut [f64]) -> (); fill ();
}

// Each row: the scalar function and its `_into` form (NumPy's `size=`); NumPy's
// parameters as the docs show them; the doctest's arguments.
global_distributions! {
    beta, beta_into (a: f64, b: f64) -> f64 = "a, b"; (0.5, 2.0);
    binomial, binomial_into (n: i64, p: f64) -> i64 = "n, p"; (10, 0.3);
    chisquare, chisquare_into (df: f64) -> f64 = "df"; (3.0);
    exponential, exponential_into (scale: f64) -> f64 = "scale=1.0"; (2.0);
    f, f_into (dfnum: f64, dfden: f64) -> f64 = "dfnum, dfden"; (3.0, 5.0);
    gamma, gamma_into (shape: f64, scale: f64) -> f64 = "shape, scale=1.0"; (2.0, 1.5);
    geometric, geometric_into (p: f64) -> i64 = "p"; (0.3);
    gumbel, gumbel_into (loc: f64, scale: f64) -> f64 = "loc=0.0, scale=1.0"; (0.0, 1.0);
    hypergeometric, hypergeometric_into (ngood: i64, nbad: i64, nsample: i64) -> i64 = "ngood, nbad, nsample"; (10, 5, 7);
    laplace, laplace_into (loc: f64, scale: f64) -> f64 = "loc=0.0, scale=1.0"; (0.0, 1.0);
    logistic, logistic_into (loc: f64, scale: f64) -> f64 = "loc=0.0, scale=1.0"; (0.0, 1.0);
    lognormal, lognormal_into (mean: f64, sigma: f64) -> f64 = "mean=0.0, sigma=1.0"; (0.0, 1.0);
    logseries, logseries_into (p: f64) -> i64 = "p"; (0.6);
    negative_binomial, negative_binomial_into (n: f64, p: f64) -> i64 = "n, p"; (5.0, 0.5);
    noncentral_chisquare, noncentral_chisquare_into (df: f64, nonc: f64) -> f64 = "df, nonc"; (3.0, 2.0);
    noncentral_f, noncentral_f_into (dfnum: f64, dfden: f64, nonc: f64) -> f64 = "dfnum, dfden, nonc"; (3.0, 5.0, 2.0);
    normal, normal_into (loc: f64, scale: f64) -> f64 = "loc=0.0, scale=1.0"; (0.0, 1.0);
    pareto, pareto_into (a: f64) -> f64 = "a"; (3.0);
    poisson, poisson_into (lam: f64) -> i64 = "lam=1.0"; (4.0);
    power, power_into (a: f64) -> f64 = "a"; (2.0);
    /// Deprecated in NumPy: `randint(low, high + 1)`.
    random_integers, random_integers_into (low: i128, high: i128) -> i64 = "low, high"; (1, 6);
    rayleigh, rayleigh_into (scale: f64) -> f64 = "scale=1.0"; (1.0);
    standard_gamma, standard_gamma_into (shape: f64) -> f64 = "shape"; (2.0);
    standard_t, standard_t_into (df: f64) -> f64 = "df"; (4.0);
    triangular, triangular_into (left: f64, mode: f64, right: f64) -> f64 = "left, mode, right"; (0.0, 1.0, 3.0);
    uniform, uniform_into (low: f64, high: f64) -> f64 = "low=0.0, high=1.0"; (0.0, 2.0);
    vonmises, vonmises_into (mu: f64, kappa: f64) -> f64 = "mu, kappa"; (0.0, 4.0);
    wald, wald_into (mean: f64, scale: f64) -> f64 = "mean, scale"; (1.0, 2.0);
    weibull, weibull_into (a: f64) -> f64 = "a"; (1.5);
    zipf, zipf_into (a: f64) -> i64 = "a"; (2.0);
}
