//! Compares `nprand::math` with the platform libm (`f64` methods, i.e. glibc on Linux)
//! bit for bit on random inputs spread over the ranges NumPy's kernels use, plus the IEEE
//! special values and each function's thresholds.
//!
//! ```text
//! cargo run --release --example libm_verify2 -- <log1p|expm1|acos|all> <count> [threads]
//! ```
//!
//! Prints per function: inputs tried, mismatches, the largest distance in ulps, and the
//! first few mismatches. Only
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

const FUNCS: [Func; 3] = [
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
    // Correctly rounded (CORE-MATH), so it is expected to differ from glibc's acos
    // wherever glibc is 1 ulp off (about 7 in 10^4 of [-1, 1]).
    Func {
        name: "acos",
        ours: nprand::math::acos,
        libm: f64::acos,
        input: inputs::acos_input,
        thresholds: &inputs::ACOS_THRESHOLDS,
    },
];

/// Equal bits, or both NaN (Rust does not pin NaN payloads across platforms).
fn same(a: f64, b: f64) -> bool {
    a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
}

/// Distance in ulps between two doubles (on the ordered integer line of their bits).
fn ulps(a: f64, b: f64) -> u64 {
    let key = |v: f64| {
        let b = v.to_bits() as i64;
        if b < 0 {
            i64::MIN - b
        } else {
            b
        }
    };
    key(a).abs_diff(key(b))
}

/// Mismatches found so far: count, largest distance in ulps, first examples.
#[derive(Default)]
struct Tally {
    bad: u64,
    max_ulps: u64,
    examples: Vec<(f64, f64, f64)>,
}

impl Tally {
    fn check(&mut self, f: &Func, x: f64) {
        let (a, b) = ((f.ours)(x), (f.libm)(x));
        if !same(a, b) {
            self.bad += 1;
            self.max_ulps = self.max_ulps.max(ulps(a, b));
            if self.examples.len() < 5 {
                self.examples.push((x, a, b));
            }
        }
    }

    fn merge(&mut self, other: Tally) {
        self.bad += other.bad;
        self.max_ulps = self.max_ulps.max(other.max_ulps);
        self.examples.extend(other.examples);
    }
}

/// Runs `count` random inputs on one thread.
fn run_chunk(f: &Func, seed: u64, count: u64) -> Tally {
    let mut rng = SplitMix(seed);
    let mut tally = Tally::default();
    for _ in 0..count {
        tally.check(f, (f.input)(&mut rng));
    }
    tally
}

fn verify(f: &Func, count: u64, threads: u64) -> bool {
    let start = Instant::now();
    let specials = inputs::special_values(f.thresholds);
    let mut tally = Tally::default();
    for &x in &specials {
        tally.check(f, x);
    }
    let per = count / threads;
    let results: Vec<Tally> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let n = if t == threads - 1 {
                    count - per * t
                } else {
                    per
                };
                s.spawn(move || run_chunk(f, 0x6e70_7261_6e64 + t, n))
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for r in results {
        tally.merge(r);
    }
    let tried = count + specials.len() as u64;
    println!(
        "{:6}  inputs {tried:>13}  mismatches {:>8}  max {} ulp  ({:.1} s)",
        f.name,
        tally.bad,
        tally.max_ulps,
        start.elapsed().as_secs_f64()
    );
    for (x, a, b) in tally.examples.iter().take(8) {
        println!(
            "    x = {x:e} ({:#018x}): ours {a:e} ({:#018x}), libm {b:e} ({:#018x})",
            x.to_bits(),
            a.to_bits(),
            b.to_bits()
        );
    }
    tally.bad == 0
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let which = args.get(1).map_or("all", String::as_str);
    let count: u64 = args
        .get(2)
        .map_or(10_000_000, |c| c.parse().expect("count"));
    let threads: u64 = args.get(3).map_or(2, |t| t.parse().expect("threads"));
    let mut all_ok = true;
    let mut ran = false;
    for f in FUNCS.iter().filter(|f| which == "all" || which == f.name) {
        ran = true;
        all_ok &= verify(f, count, threads.max(1));
    }
    if !ran {
        eprintln!("unknown function {which}: use log1p, expm1, acos or all");
        std::process::exit(2);
    }
    if !all_ok {
        std::process::exit(1);
    }
}
