//! `examples/parallel_streams.rs` (SeedSequence.spawn, Generator.spawn and jumped bit
//! generators, each stream on its own thread) prints exactly what
//! `scripts/parallel_streams.py` prints with NumPy 2.4.6
//! (`fixtures/modern/parallel_streams.txt`).

#[path = "../examples/parallel_streams.rs"]
mod example;

#[test]
fn parallel_streams_match_numpy() {
    let want = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/modern/parallel_streams.txt"
    ))
    .expect("fixtures/modern/parallel_streams.txt (scripts/gen_fixtures.py writes it)");
    assert_eq!(example::run(), want);
}
