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
//! Like NumPy's global generator, it starts from an unpredictable state (here: seeded
//! from the clock and process id) until [`seed`] is called. Use [`with`] for any
//! method without a wrapper here.

use crate::error::Result;
use crate::legacy::RandomState;
use crate::state::LegacyState;
use std::sync::{Mutex, MutexGuard, OnceLock};

fn instance() -> MutexGuard<'static, RandomState> {
    static GLOBAL: OnceLock<Mutex<RandomState>> = OnceLock::new();
    GLOBAL
        .get_or_init(|| {
            use std::time::{SystemTime, UNIX_EPOCH};
            let t = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0);
            let key = [t as u32, (t >> 32) as u32, std::process::id()];
            Mutex::new(RandomState::from_key(&key).expect("non-empty key"))
        })
        .lock()
        // A panic inside `with` cannot leave the generator half-updated in a way
        // that matters more than NumPy's own lack of atomicity; keep going.
        .unwrap_or_else(|e| e.into_inner())
}

/// Run `f` on the global RandomState (e.g. for `np.random.binomial`).
///
/// ```
/// nprand::global::seed(1);
/// let k: i64 = nprand::global::with(|rs| rs.randint(0, 10)).unwrap();
/// assert!((0..10).contains(&k));
/// ```
pub fn with<R>(f: impl FnOnce(&mut RandomState) -> R) -> R {
    f(&mut instance())
}

/// `np.random.seed(seed)`.
///
/// ```
/// nprand::global::seed(0);
/// ```
pub fn seed(seed: u32) {
    with(|rs| rs.seed(seed))
}

/// `np.random.seed([k0, k1, ...])`.
///
/// ```
/// nprand::global::seed_array(&[1, 2, 3]).unwrap();
/// ```
pub fn seed_array(key: &[u32]) -> Result<()> {
    with(|rs| rs.seed_array(key))
}

/// `np.random.get_state()`.
///
/// ```
/// nprand::global::seed(0);
/// assert_eq!(nprand::global::get_state().pos, 624);
/// ```
pub fn get_state() -> LegacyState {
    with(|rs| rs.get_state())
}

/// `np.random.set_state(state)`.
///
/// ```
/// let st = nprand::RandomState::new(9).get_state();
/// nprand::global::set_state(&st).unwrap();
/// ```
pub fn set_state(state: &LegacyState) -> Result<()> {
    with(|rs| rs.set_state(state))
}

/// `np.random.rand(d0, d1, ...)`.
///
/// ```
/// nprand::global::seed(12345);
/// assert_eq!(nprand::global::rand(&[2, 2]).unwrap().len(), 4);
/// ```
pub fn rand(dims: &[usize]) -> Result<Vec<f64>> {
    with(|rs| rs.rand(dims))
}

/// `np.random.randn(d0, d1, ...)`.
///
/// ```
/// nprand::global::seed(12345);
/// assert_eq!(nprand::global::randn(&[3]).unwrap().len(), 3);
/// ```
pub fn randn(dims: &[usize]) -> Result<Vec<f64>> {
    with(|rs| rs.randn(dims))
}

/// `np.random.random_sample()` (also `np.random.random()`, `ranf()`, `sample()`).
///
/// ```
/// nprand::global::seed(12345);
/// assert!(nprand::global::random_sample() < 1.0);
/// ```
#[must_use]
pub fn random_sample() -> f64 {
    with(|rs| rs.random_sample())
}

/// `np.random.standard_normal()`.
///
/// ```
/// nprand::global::seed(12345);
/// let _ = nprand::global::standard_normal();
/// ```
#[must_use]
pub fn standard_normal() -> f64 {
    with(|rs| rs.standard_normal())
}

/// `np.random.normal(loc, scale)`.
///
/// ```
/// nprand::global::seed(12345);
/// assert!(nprand::global::normal(0.0, 1.0).is_ok());
/// ```
pub fn normal(loc: f64, scale: f64) -> Result<f64> {
    with(|rs| rs.normal(loc, scale))
}

/// `np.random.uniform(low, high)`.
///
/// ```
/// nprand::global::seed(12345);
/// assert!(nprand::global::uniform(0.0, 2.0).unwrap() < 2.0);
/// ```
pub fn uniform(low: f64, high: f64) -> Result<f64> {
    with(|rs| rs.uniform(low, high))
}

/// `np.random.randint(low, high)` (int64).
///
/// ```
/// nprand::global::seed(12345);
/// assert!((0..6).contains(&nprand::global::randint(0, 6).unwrap()));
/// ```
pub fn randint(low: i128, high: i128) -> Result<i64> {
    with(|rs| rs.randint::<i64>(low, high))
}

/// `np.random.shuffle(x)`.
///
/// ```
/// nprand::global::seed(12345);
/// let mut v = [1, 2, 3];
/// nprand::global::shuffle(&mut v);
/// ```
pub fn shuffle<T>(x: &mut [T]) {
    with(|rs| rs.shuffle(x))
}

/// `np.random.permutation(n)`.
///
/// ```
/// nprand::global::seed(12345);
/// assert_eq!(nprand::global::permutation(4).unwrap().len(), 4);
/// ```
pub fn permutation(n: i64) -> Result<Vec<i64>> {
    with(|rs| rs.permutation(n))
}
