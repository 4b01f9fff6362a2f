//! Unit tests of the Generator evaluator: result kinds and dtypes.

use super::*;
use crate::eval::value::Kind;

#[test]
fn kinds_and_dtypes() {
    let mut g = AnyGenerator::from_kind(BitGenKind::Pcg64, 1);
    let v = eval_generator_call(&mut g, "integers(5, dtype=int)").unwrap();
    assert_eq!(v.kind, Kind::PyScalar);
    let v = eval_generator_call(&mut g, "integers(2, dtype=np.bool_)").unwrap();
    assert_eq!((v.kind, v.dtype_name()), (Kind::NpScalar, "bool"));
    let v = eval_generator_call(&mut g, "choice([1.5, 2.5])").unwrap();
    assert_eq!((v.kind, v.dtype_name()), (Kind::NpScalar, "float64"));
    let e = eval_generator_call(&mut g, "integers(5, dtype=np.float64)").unwrap_err();
    assert_eq!(
        e.message(),
        "Unsupported dtype dtype('float64') for integers"
    );
    let e = eval_generator_call(&mut g, "random(dtype=np.int64)").unwrap_err();
    assert_eq!(e.message(), "Unsupported dtype dtype('int64') for random");
}

#[test]
fn ints_past_i128_are_refused_where_numpy_would_draw_with_them() {
    // NumPy converts 10**40 to the double 1e40 here; nprand refuses before any draw.
    let mut g = AnyGenerator::from_kind(BitGenKind::Pcg64, 3);
    let before = g.bit_generator().state();
    for call in [
        "uniform(0, 10**40)",
        "normal([1, 2**200], 1)",
        "bit_generator.random_raw(1, output=10**40)",
    ] {
        let e = eval_generator_call(&mut g, call).unwrap_err();
        assert_eq!(e.kind(), crate::ErrorKind::NotImplementedError, "{call}");
        assert_eq!(
            g.bit_generator().state(),
            before,
            "{call} moved the generator"
        );
    }
}
