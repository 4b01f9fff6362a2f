//! The panics the proptests found, one call each, with NumPy 2.4.6's / CPython's error
//! (checked with python3 when fixed).

use nprand::array::NdArray;
use nprand::common::{precheck, Num};
use nprand::generator::integers::IntBound;
use nprand::generator::{broadcast, default_rng};
use nprand::seed_sequence::SeedInt;
use nprand::RandomState;

fn msg<T: std::fmt::Debug>(r: nprand::Result<T>) -> String {
    r.unwrap_err().message().to_string()
}

#[test]
fn integer_bounds_at_the_ends_of_i128() {
    let mut rs = RandomState::new(0);
    // rs.randint(0, -2**127) / rs.randint(5, -2**127, dtype=np.int8)
    assert_eq!(msg(rs.randint_dtype::<i64>(0, i128::MIN)), "high <= 0");
    assert_eq!(msg(rs.randint_dtype::<i8>(5, i128::MIN)), "low >= high");
    // rs.randint([0], [-2**127])
    assert_eq!(
        msg(rs.randint_broadcast_into::<i64>(&mut [0], &[0], &[i128::MIN])),
        "high <= 0"
    );
    // rs.random_integers(0, 2**127 - 1)
    assert_eq!(
        msg(rs.random_integers(0, i128::MAX)),
        "high is out of bounds for int64"
    );
    assert_eq!(
        msg(rs.random_integers_into(&mut [0], 0, i128::MAX)),
        "high is out of bounds for int64"
    );
    let mut g = default_rng(0);
    // g.integers(0, -2**127), g.integers(3, -2**127)
    assert_eq!(
        msg(g.integers_dtype::<i64>(0, i128::MIN, false)),
        "high <= 0"
    );
    assert_eq!(
        msg(g.integers_dtype::<i64>(3, i128::MIN, false)),
        "low >= high"
    );
    let b = |v| NdArray::from_vec(vec![IntBound::Int(v)]);
    assert_eq!(
        msg(g.integers_broadcast::<i64>(&b(0), &b(i128::MIN), None, false, (false, false))),
        "high <= 0"
    );
}

#[test]
fn integers_broadcast_checks_size() {
    let mut g = default_rng(0);
    let before = g.clone();
    let b = |v| NdArray::from_vec(vec![IntBound::Int(v)]);
    let call = |g: &mut nprand::Generator<nprand::Pcg64>, size: &[usize]| {
        g.integers_broadcast::<u8>(&b(0), &b(5), Some(size), false, (false, false))
    };
    // g.integers([0], [5], size=(2**64-1,), dtype=np.uint8)
    assert_eq!(
        msg(call(&mut g, &[usize::MAX])),
        "Maximum allowed dimension exceeded"
    );
    // g.integers([0], [5], size=(2**62,), dtype=np.uint8)
    assert_eq!(
        msg(call(&mut g, &[1 << 62])),
        "Unable to allocate 4.00 EiB for an array with shape (4611686018427387904,) and data type uint8"
    );
    assert_eq!(g, before);
}

#[test]
fn noncentral_chisquare_with_a_huge_nonc() {
    // C's 2 * i on int64 wraps; no overflow panic.
    let mut g = default_rng(0);
    assert!(g.noncentral_chisquare(0.5, 1e300).is_ok());
}

#[test]
fn ndarray_new_with_an_overflowing_shape() {
    // np.zeros(3).reshape(2**64 - 1, 2) / .reshape(2**62, 4)
    assert_eq!(
        msg(NdArray::new(vec![usize::MAX, 2], vec![0; 3])),
        "Maximum allowed dimension exceeded"
    );
    assert_eq!(
        msg(NdArray::new(vec![1 << 62, 4], vec![0; 3])),
        "cannot reshape array of size 3 into shape (4611686018427387904,4)"
    );
}

#[test]
fn precheck_with_bad_parameters() {
    let spec = broadcast::find("triangular").unwrap();
    let mut few = vec![NdArray::scalar(Num::F(0.0))];
    assert_eq!(
        msg(precheck(spec, &mut few, true)),
        "triangular() takes 3 parameters (1 given)"
    );
    let mut empty = vec![NdArray::from_vec(vec![]); 3];
    assert!(precheck(spec, &mut empty, true).is_ok());
}

#[test]
fn parse_radix_outside_10_and_16() {
    // int("0b101", 2), int("0o17", 8), int(" -z ", 36), int("7", 40)
    assert_eq!(
        SeedInt::parse_radix("0b101", 2).unwrap(),
        SeedInt::from(5u32)
    );
    assert_eq!(
        SeedInt::parse_radix("0o17", 8).unwrap(),
        SeedInt::from(15u32)
    );
    assert_eq!(
        SeedInt::parse_radix(" -z ", 36).unwrap(),
        SeedInt::from(-35i32)
    );
    assert_eq!(
        msg(SeedInt::parse_radix("7", 40)),
        "int() base must be >= 2 and <= 36, or 0"
    );
    assert_eq!(
        msg(SeedInt::parse_radix("7", 0)),
        "int() base must be >= 2 and <= 36, or 0"
    );
}

/// `choice_axis` whose result would have 65 dimensions (found by `array_bounds_and_axes`):
/// NumPy's `np.take` error, raised after the draws, so the generator has moved as for one
/// index. rng.choice(np.zeros((1, 2, 1)), size=(1,)*63, replace=False, axis=1, shuffle=False)
#[test]
fn choice_axis_result_of_65_dims() {
    let a = NdArray::new(vec![1, 2, 1], vec![0.0, 0.0]).unwrap();
    let mut g = default_rng(9);
    let e = g
        .choice_axis(&a, Some(&[1; 63]), false, None, 1, false)
        .unwrap_err();
    assert_eq!(e.message(), "number of dimensions must be within [0, 64]");
    let mut h = default_rng(9);
    h.choice_axis(&a, Some(&[1]), false, None, 1, false)
        .unwrap();
    assert!(g == h);
}
