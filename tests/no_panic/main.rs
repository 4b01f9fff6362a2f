//! The public Rust API never panics, aborts or hangs on extreme sizes and parameters
//! (issue #12): every call returns `Ok` or `Err`, and an `Err` (NumPy and CPython raise
//! before drawing) leaves the generator as it was.
//!
//! - `limits`: the calls of `fixtures/limits/cases.json` (written by
//!   `scripts/fixgen/limits.py` from NumPy 2.4.6 / CPython 3.11 under a 4 GB
//!   address-space limit), each id mapped to one Rust call: the same exception type and
//!   message, and the state unchanged.
//! - `legacy`, `generator`, `python`, `bitgen`, `misc`: proptests calling EVERY public
//!   constructor and method (`coverage` lists them and checks `src/` for new ones) with
//!   parameters and sizes from the edges below; only "no panic" and "an `Err` leaves the
//!   state" are asserted. Values are NumPy's business (the fixture tests).
//!
//! Excluded on purpose: `nprand::eval` (strings in, its own fixture and CLI tests), the
//! inputs a method documents under `# Panics` (`getrandbits_u32/u64/u128` with k over
//! the width, `randbelow(0)`, `fill_*_with` an unavailable SIMD backend), and drawing
//! from an all-zero MT19937 state (NumPy loops forever too; see
//! `an_all_zero_mt19937_state_is_detectable`).
#![cfg(all(feature = "python", feature = "json"))]

mod bitgen;
mod coverage;
mod generator;
mod legacy;
mod limits;
mod misc;
mod new_api;
mod python;
mod regressions;

use proptest::prelude::*;

/// The proptest cases per property: each case makes a few hundred calls, so a few dozen
/// cases keep `cargo test --test no_panic` to seconds in the debug profile.
const CASES: u32 = 48;

fn config() -> ProptestConfig {
    ProptestConfig::with_cases(CASES)
}

/// `$s` is unchanged if `$e` (which may use `$s`) is an `Err`, unless it is one of
/// nprand's errors where NumPy never returns (no NumPy state to match; a broadcast call
/// raises it at the element that would hang, after the earlier elements drew).
macro_rules! chk {
    ($s:expr, $e:expr) => {{
        let before = $s.clone();
        let res = $e;
        if let Err(e) = &res {
            let e: &nprand::Error = e;
            if !e.message().contains("never returns") {
                assert!(
                    $s == before,
                    "an Err moved the state: {} -> {e}",
                    stringify!($e)
                );
            }
        }
    }};
}
pub(crate) use chk;

/// `chk!` for `choice`: NumPy raises two errors after its draws (checked against NumPy
/// 2.4.6: the `choice` regression cases of fixtures/generator and fixtures/legacy).
/// Without replacement and without `p`, `idx.shape = size` of more than 64 dimensions;
/// and in the `axis` form, `np.take`'s check of the result's dimensions.
macro_rules! chk_choice {
    ($s:expr, $replace:expr, $p_none:expr, $e:expr) => {{
        let before = $s.clone();
        let res = $e;
        if let Err(e) = &res {
            let e: &nprand::Error = e;
            let m = e.message();
            let drawn = m.starts_with("number of dimensions must be within")
                || (!$replace && $p_none && m.starts_with("maximum supported dimension"));
            assert!(
                drawn || $s == before,
                "an Err moved the state: {} -> {e}",
                stringify!($e)
            );
        }
    }};
}
pub(crate) use chk_choice;

/// NumPy's `multivariate_normal` (both front-ends) draws its normals before factoring
/// the covariance, so after its `LinAlgError`s, an unknown `check_valid` and
/// `check_valid='raise'` on a covariance that is not PSD the state has moved (checked
/// against NumPy 2.4.6). `chk!` for the others.
macro_rules! chk_mvn {
    ($s:expr, $e:expr) => {{
        let before = $s.clone();
        let res = $e;
        if let Err(e) = &res {
            let e: &nprand::Error = e;
            let drawn = [
                "check_valid must equal 'warn', 'raise', or 'ignore'",
                "covariance is not symmetric positive-semidefinite.",
            ];
            let linalg = e.kind() == nprand::ErrorKind::LinAlgError;
            if !linalg && !drawn.contains(&e.message()) {
                assert!(
                    $s == before,
                    "an Err moved the state: {} -> {e}",
                    stringify!($e)
                );
            }
        }
    }};
}
pub(crate) use chk_mvn;

/// Sizes from the edges: 0, small, around the `isize`/`usize` limits, powers of two.
pub fn size() -> impl Strategy<Value = usize> {
    prop_oneof![
        4 => 0usize..5,
        1 => Just(usize::MAX),
        1 => Just(isize::MAX as usize),
        1 => Just((isize::MAX as usize) + 1),
        1 => Just(1usize << 62),
        1 => Just(1usize << 59),
        1 => Just(1usize << 40),
        1 => Just(u32::MAX as usize),
        1 => Just(1usize << 31),
        2 => (0u32..64).prop_map(|k| 1usize << k),
    ]
    .prop_filter("no real allocation", |&n| !big_but_real(n))
}

/// A size that would really be allocated and take long (2**16 <= n < 2**40 elements):
/// the strategies skip those; below is fast, above must be refused without allocating.
pub fn big_but_real(n: usize) -> bool {
    (1 << 16..1 << 40).contains(&n)
}

/// `i` as a count (`permutation(i)`, a population): the edge `i64`s, but a count that
/// would really be allocated (see [`big_but_real`]) becomes a small one.
pub fn count(i: i64) -> i64 {
    if big_but_real(i.unsigned_abs() as usize) {
        i % 7
    } else {
        i
    }
}

/// Shapes: up to 4 edge sizes (products overflow), or 60-66 dimensions of 1 (NumPy's
/// limit is 64).
pub fn shape() -> impl Strategy<Value = Vec<usize>> {
    prop_oneof![
        prop::collection::vec(size(), 0..4),
        (60usize..67).prop_map(|n| vec![1; n]),
        Just(vec![usize::MAX, 0]),
        Just(vec![0, usize::MAX, usize::MAX]),
    ]
    .prop_filter("no real allocation", |s| {
        let n = s.iter().try_fold(1usize, |a, &d| a.checked_mul(d));
        !matches!(n, Some(n) if big_but_real(n))
    })
}

/// Floats from the edges.
pub fn float() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(0.0),
        Just(-0.0),
        Just(-1.0),
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        Just(5e-324),
        Just(-5e-324),
        Just(f64::MIN_POSITIVE),
        Just(f64::MAX),
        Just(f64::MIN),
        Just(1e300),
        Just(9007199254740991.0),
        Just(9007199254740993.0),
        Just(i64::MAX as f64),
        Just(1.0),
        Just(1.0 - f64::EPSILON / 2.0),
        Just(1.0 + f64::EPSILON),
        Just(0.5),
        Just(2.0),
        Just(1e-8),
        -10.0..10.0f64,
    ]
}

/// `i64`s from the edges.
pub fn int() -> impl Strategy<Value = i64> {
    prop_oneof![
        Just(0i64),
        Just(-1),
        Just(1),
        Just(i64::MIN),
        Just(i64::MAX),
        Just(i64::MAX - 1),
        Just((1 << 53) + 1),
        Just((1 << 53) - 1),
        Just(1 << 31),
        Just(u32::MAX as i64),
        Just(1 << 62),
        -5i64..20,
    ]
}

/// `i128`s from the edges (NumPy's Python-int bounds).
pub fn int128() -> impl Strategy<Value = i128> {
    prop_oneof![
        int().prop_map(i128::from),
        Just(i128::MIN),
        Just(i128::MAX),
        Just(u64::MAX as i128),
        Just(u64::MAX as i128 + 1),
        Just(i64::MIN as i128 - 1),
        Just(-(1i128 << 64)),
        Just(256),
        Just(-129),
        Just(65536),
    ]
}

/// Unsigned words from the edges.
pub fn word() -> impl Strategy<Value = u64> {
    prop_oneof![
        Just(0u64),
        Just(1),
        Just(u32::MAX as u64),
        Just(u32::MAX as u64 + 1),
        Just(u64::MAX),
        Just(u64::MAX - 1),
        Just(1 << 63),
        any::<u64>(),
    ]
}

/// Short float vectors (empty, NaN, negative, not summing to 1, ...).
pub fn floats() -> impl Strategy<Value = Vec<f64>> {
    prop_oneof![
        prop::collection::vec(float(), 0..5),
        Just(vec![0.2, 0.3, 0.5]),
        Just(vec![0.5, 0.5]),
        Just(vec![1.0]),
        Just(vec![0.5, 0.6]),
        Just(vec![0.0, 0.0, 1.0]),
        Just(vec![1.0, f64::NAN]),
        Just(vec![1e-300; 4]),
        Just(vec![1.0 + 1e-12, 0.0]),
    ]
}

/// Short int vectors.
pub fn ints() -> impl Strategy<Value = Vec<i64>> {
    prop_oneof![
        prop::collection::vec(int(), 0..5),
        Just(vec![2, 3, 4]),
        Just(vec![i64::MAX, i64::MAX]),
        Just(vec![1 << 58, 1 << 58]),
    ]
}
