//! Compares `nprand::math` with the platform libm (`f64` methods, i.e. glibc on Linux)
//! bit for bit on random inputs spread over the ranges NumPy's kernels use, plus the IEEE
//! special values and each function's thresholds.
//!
//! ```text
//! cargo run --release --example libm_verify2 -- <log1p|expm1|all> <count> [threads]
//! ```
//!
//! Prints per function: inputs tried, mismatches, and the first few mismatches. Only
//! meaningful where the platform libm is glibc on x86-64 with FMA (what the functions
//! are built to equal).

#[path = "../src/math/inputs.rs"]
#[allow(dead_code)]
mod inputs;

use inputs::SplitMix;
use std::time::Instant;

struct Func {
    name: &'static str,
    ours: fn(f64) -> f64,
    libm: fn(f64) -> f64,
    input: fn(&mut SplitMix) -> f64,
    thresholds: &'static [f64],
}

const FUNCS: [Func; 2] = [
    Func {
        name: "log1p",
        ours: nprand::math::log1p,
        libm: f64::ln_1p,
        input: inputs::log1p_input,
        thresholds: &inputs::LOG1P_THRESHOLDS,
    },
    Func {
        name: "expm1",
        ours: nprand::math::expm1,
        libm: f64::exp_m1,
        input: inputs::expm1_input,
        thresholds: &inputs::EXPM1_THRESHOLDS,
    },
];

/// Equal bits, or both NaN (Rust does not pin NaN payloads across platforms).
fn same(a: f64, b: f64) -> bool {
    a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
}

/// Runs `count` random inputs on one thread; returns (mismatches, first examples).
fn run_chunk(f: &Func, seed: u64, count: u64) -> (u64, Vec<(f64, f64, f64)>) {
    let mut rng = SplitMix(seed);
    let mut bad = 0;
    let mut examples = Vec::new();
    for _ in 0..count {
        let x = (f.input)(&mut rng);
        let (a, b) = ((f.ours)(x), (f.libm)(x));
        if !same(a, b) {
            bad += 1;
            if examples.len() < 5 {
                examples.push((x, a, b));
            }
        }
    }
    (bad, examples)
}

fn verify(f: &Func, count: u64, threads: u64) -> bool {
    let start = Instant::now();
    let specials = inputs::special_values(f.thresholds);
    let mut bad = 0;
    let mut examples = Vec::new();
    for &x in &specials {
        let (a, b) = ((f.ours)(x), (f.libm)(x));
        if !same(a, b) {
            bad += 1;
            examples.push((x, a, b));
        }
    }
    let per = count / threads;
    let results: Vec<_> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let n = if t == threads - 1 { count - per * t } else { per };
                s.spawn(move || run_chunk(f, 0x6e70_7261_6e64 + t, n))
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for (b, ex) in results {
        bad += b;
        examples.extend(ex);
    }
    let tried = count + specials.len() as u64;
    println!(
        "{:6}  inputs {tried:>13}  mismatches {bad:>8}  ({:.1} s)",
        f.name,
        start.elapsed().as_secs_f64()
    );
    for (x, a, b) in examples.iter().take(8) {
        println!(
            "    x = {x:e} ({:#018x}): ours {a:e} ({:#018x}), libm {b:e} ({:#018x})",
            x.to_bits(),
            a.to_bits(),
            b.to_bits()
        );
    }
    bad == 0
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let which = args.get(1).map_or("all", String::as_str);
    let count: u64 = args.get(2).map_or(10_000_000, |c| c.parse().expect("count"));
    let threads: u64 = args.get(3).map_or(2, |t| t.parse().expect("threads"));
    let mut all_ok = true;
    let mut ran = false;
    for f in FUNCS.iter().filter(|f| which == "all" || which == f.name) {
        ran = true;
        all_ok &= verify(f, count, threads.max(1));
    }
    if !ran {
        eprintln!("unknown function {which}: use log1p, expm1 or all");
        std::process::exit(2);
    }
    if !all_ok {
        std::process::exit(1);
    }
}
