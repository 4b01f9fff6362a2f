//! Independent random streams for parallel work, the three ways NumPy documents them
//! ("Parallel Random Number Generation" in NumPy's user guide), each stream used on its
//! own thread and each giving the numbers NumPy gives.
//!
//! ```text
//! cargo run --release --example parallel_streams
//! python3 scripts/parallel_streams.py          # NumPy: the same lines
//! ```
//!
//! 1. `SeedSequence(12345).spawn(4)`, a `default_rng` per child:
//!    `[default_rng(s) for s in SeedSequence(12345).spawn(4)]`.
//! 2. `Generator.spawn`: `default_rng(2024).spawn(3)`.
//! 3. Jumped bit generators: `PCG64(1234)`, then `.jumped()` repeatedly, one `Generator`
//!    over each (and the same with `MT19937`'s `jumped`).
//!
//! The threads run concurrently; each owns its generator, so the numbers do not depend on
//! scheduling. `tests/parallel_streams.rs` compares [`run`]'s text with
//! `fixtures/modern/parallel_streams.txt`, written by `scripts/parallel_streams.py`.

use nprand::fmt::py_float_repr;
use nprand::generator::{default_rng, Generator};
use nprand::{BitGenerator, Mt19937, Pcg64, SeedSequence};
use std::thread;

/// The work one stream does: 100,000 standard normals (first and last shown), then three
/// integers in [0, 1000).
fn work<B: BitGenerator>(mut rng: Generator<B>) -> String {
    let mut x = vec![0.0; 100_000];
    rng.standard_normal_into(&mut x);
    let mut k = [0i64; 3];
    rng.integers_into(&mut k, 0, 1000, false).expect("0 < 1000");
    format!(
        "{} {} [{}, {}, {}]",
        py_float_repr(x[0]),
        py_float_repr(x[x.len() - 1]),
        k[0],
        k[1],
        k[2]
    )
}

/// Runs `work` on every generator, one thread each, and appends the results in order as
/// lines `"{label} {i}: ..."`.
fn on_threads<B: BitGenerator + Send + 'static>(
    out: &mut String,
    label: &str,
    rngs: Vec<Generator<B>>,
) {
    let lines: Vec<String> = thread::scope(|s| {
        let handles: Vec<_> = rngs
            .into_iter()
            .map(|rng| s.spawn(move || work(rng)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("worker thread"))
            .collect()
    });
    for (i, line) in lines.iter().enumerate() {
        *out += &format!("{label} {i}: {line}\n");
    }
}

/// NumPy's recipe `for _ in range(n): rngs.append(Generator(bg)); bg = bg.jumped()`.
fn jumped_chain<B: BitGenerator>(
    mut bg: B,
    n: usize,
    jumped: impl Fn(&B) -> B,
) -> Vec<Generator<B>> {
    let mut rngs = Vec::new();
    for _ in 0..n {
        let next = jumped(&bg);
        rngs.push(Generator::new(bg));
        bg = next;
    }
    rngs
}

/// All three recipes; the text `scripts/parallel_streams.py` prints with NumPy.
pub fn run() -> String {
    let mut out = String::new();

    // 1. ss = SeedSequence(12345); [default_rng(s) for s in ss.spawn(4)]
    let mut ss = SeedSequence::new(12345);
    let rngs: Vec<_> = ss
        .spawn(4)
        .expect("4 children")
        .into_iter()
        .map(Generator::<Pcg64>::from_seed_sequence)
        .collect();
    on_threads(&mut out, "SeedSequence.spawn", rngs);

    // 2. default_rng(2024).spawn(3)
    let rngs = default_rng(2024)
        .spawn(3)
        .expect("default_rng has a seed sequence");
    on_threads(&mut out, "Generator.spawn", rngs);

    // 3. bg = PCG64(1234); for _ in range(3): rngs.append(Generator(bg)); bg = bg.jumped()
    let rngs = jumped_chain(Pcg64::new(1234), 3, |bg| bg.jumped(1));
    on_threads(&mut out, "PCG64.jumped", rngs);

    // ... and with MT19937(1234), whose jumped() is its own 2^128-step polynomial jump.
    let bg = Mt19937::from_seed_sequence(SeedSequence::new(1234));
    on_threads(
        &mut out,
        "MT19937.jumped",
        jumped_chain(bg, 3, |bg| bg.jumped(1)),
    );
    out
}

#[allow(dead_code)] // also compiled into tests/parallel_streams.rs, which calls `run` only
fn main() {
    print!("{}", run());
}
