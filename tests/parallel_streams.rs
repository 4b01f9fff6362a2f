//! `examples/parallel_streams.rs` (SeedSequence.spawn, Generator.spawn and jumped bit
//! generators, each stream on its own thread) prints exactly what
//! `scripts/parallel_streams.py` prints with NumPy 2.4.6
//! (`fixtures/modern/parallel_streams.txt`).

#[path = "../examples/parallel_streams.rs"]
mod example;

mod common;

#[test]
fn parallel_streams_match_numpy() {
    let want = common::read_text("modern/parallel_streams.txt");
    assert_eq!(example::run(), want);
}
