//! The ported experiment (examples/experiment.rs) prints exactly what its Python
//! original (scripts/experiment.py, run by scripts/gen_fixtures.py) printed.

#[allow(dead_code)]
#[path = "../examples/experiment.rs"]
mod experiment;

#[test]
fn experiment_matches_python_output() {
    let want = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/experiment.txt"
    ))
    .expect("fixtures/experiment.txt (written by scripts/gen_fixtures.py)");
    let mut got = Vec::new();
    experiment::run(&mut got).unwrap();
    assert_eq!(String::from_utf8(got).unwrap(), want);
}
