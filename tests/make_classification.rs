//! The ported data-set generator (examples/make_classification.rs) prints exactly what
//! its Python original (scripts/make_classification.py, run by
//! scripts/fixgen/numpy_ops.py) printed.

#[allow(dead_code)]
#[path = "../examples/make_classification.rs"]
mod make_classification;

mod common;

#[test]
fn make_classification_matches_python_output() {
    let want = common::read_text("numpy_ops/make_classification.txt");
    let mut got = Vec::new();
    make_classification::run(&mut got).unwrap();
    assert_eq!(String::from_utf8(got).unwrap(), want);
}
