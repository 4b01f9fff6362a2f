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
