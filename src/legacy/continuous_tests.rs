//! Tests of `legacy/continuous.rs`.

use super::super::broadcast::find;
use super::*;
use crate::prelude::*;

#[test]
fn no_draw_cases() {
    let mut rs = RandomState::new(3);
    assert_eq!(rs.weibull(0.0).unwrap(), 0.0);
    assert!(rs.vonmises(1.0, f64::NAN).unwrap().is_nan());
    assert!(rs.vonmises(0.0, f64::INFINITY).is_err());
    assert!(rs.vonmises(0.0, 1e17).is_err());
    assert_eq!(rs, RandomState::new(3));
}

#[test]
fn triangular_array_checks() {
    let arr = |v: &[f64]| NdArray::from_vec(v.iter().map(|&x| Num::F(x)).collect());
    let spec = find("triangular").unwrap();
    let mut rs = RandomState::new(0);
    let err = |rs: &mut RandomState, p: &[NdArray<Num>]| {
        rs.broadcast(spec, p, None)
            .unwrap_err()
            .message()
            .to_string()
    };
    assert_eq!(
        err(
            &mut rs,
            &[arr(&[1.0, 2.0]), arr(&[3.0, 4.0, 5.0]), arr(&[6.0])]
        ),
        "operands could not be broadcast together with shapes (2,) (3,) "
    );
    assert_eq!(
        err(&mut rs, &[arr(&[1.0, 5.0]), arr(&[3.0]), arr(&[6.0])]),
        "left > mode"
    );
    assert_eq!(
        err(&mut rs, &[arr(&[1.0]), arr(&[3.0]), arr(&[6.0, 2.0])]),
        "mode > right"
    );
    assert_eq!(
        err(&mut rs, &[arr(&[1.0]), arr(&[1.0]), arr(&[6.0, 1.0])]),
        "left == right"
    );
    assert_eq!(rs, RandomState::new(0));
}
