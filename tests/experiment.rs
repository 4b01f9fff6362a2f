//! The ported experiment (examples/experiment.rs) prints exactly what its Python
//! original (scripts/experiment.py, run by scripts/gen_fixtures.py) printed.

#[allow(dead_code)]
#[path = "../examples/experiment.rs"]
mod experiment;

mod common;

#[test]
fn experiment_matches_python_output() {
    let want = common::read_text("legacy/experiment.txt");
    let mut got = Vec::new();
    experiment::run(&mut got).unwrap();
    assert_eq!(String::from_utf8(got).unwrap(), want);
}
