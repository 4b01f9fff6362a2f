//! Checks `nprand::math::{exp, log, log2, pow}` bit for bit against the system libm.
//!
//! ```text
//! cargo run --release --example libm_verify -- <exp|log|log2|pow|all> <count> [seed]
//! cargo run --release --example libm_verify -- speed <count>
//! ```
//!
//! On x86_64-unknown-linux-gnu `f64::exp`, `ln`, `log2` and `powf` call glibc's `exp`,
//! `log`, `log2` and `pow`, so this compares the ports with glibc (elsewhere it compares
//! with whatever libm the platform has, and mismatches are expected). Every special input
//! (zeros, subnormals, infinities, NaNs with payloads, each function's thresholds and
//! their neighbours) is tried once, then `count` random inputs drawn from the ranges
//! nprand's kernels use and from random bit patterns, on two threads. Results are compared
//! as bits, NaNs included (glibc's NaN bits are deterministic on x86-64); NaN-ness
//! mismatches are counted separately. tests/libm.rs runs the same checks, smaller.

#[path = "../src/math/inputs.rs"]
#[allow(dead_code)]
mod inputs;

use inputs::SplitMix;
use std::hint::black_box;
use std::time::Instant;

/// The functions under test.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Func {
    Exp,
    Log,
    Log2,
    Pow,
}

impl Func {
    pub const ALL: [Func; 4] = [Func::Exp, Func::Log, Func::Log2, Func::Pow];

    pub fn name(self) -> &'static str {
        match self {
            Func::Exp => "exp",
            Func::Log => "log",
            Func::Log2 => "log2",
            Func::Pow => "pow",
        }
    }

    /// The port.
    pub fn ours(self, x: f64, y: f64) -> f64 {
        match self {
            Func::Exp => nprand::math::exp(x),
            Func::Log => nprand::math::log(x),
            Func::Log2 => nprand::math::log2(x),
            Func::Pow => nprand::math::pow(x, y),
        }
    }

    /// The platform's libm, through std (glibc on linux-gnu).
    pub fn system(self, x: f64, y: f64) -> f64 {
        match self {
            Func::Exp => black_box(x).exp(),
            Func::Log => black_box(x).ln(),
            Func::Log2 => black_box(x).log2(),
            Func::Pow => black_box(x).powf(black_box(y)),
        }
    }

    /// Names of the random input categories, indexed as [`random_input`] draws them.
    pub fn categories(self) -> &'static [&'static str] {
        match self {
            Func::Exp => &[
                "[-745,710]",
                "[-1,1]",
                "[-40,40]",
                "bits",
                "edges",
                "-ln(u)",
            ],
            Func::Log | Func::Log2 => {
                &["u in [0,1)", "1-u", "near 1", "bits>0", "bits", "subnormal"]
            }
            Func::Pow => &[
                "u^(1/a)",
                "(0,1e6)^(-50,50)",
                "bits",
                "int y",
                "~1^huge",
                "o/uflow",
                "tiny x",
                "x<0",
            ],
        }
    }
}

/// Uniform in [lo, hi) from NumPy's `next_double`.
fn range(rng: &mut SplitMix, lo: f64, hi: f64) -> f64 {
    lo + (hi - lo) * rng.next_double()
}

/// Inputs every function sees: signed zeros, subnormals, normal limits, small integers,
/// infinities and NaNs (quiet, signalling, negative, with payloads).
pub fn generic_specials() -> Vec<f64> {
    let bits: [u64; 14] = [
        0x0000_0000_0000_0001, // min subnormal
        0x000f_ffff_ffff_ffff, // max subnormal
        0x0008_0000_0000_0000,
        0x0010_0000_0000_0000, // min normal
        0x7fef_ffff_ffff_ffff, // max
        0x7ff0_0000_0000_0000, // inf
        0x7ff8_0000_0000_0000, // qNaN
        0x7ff8_0000_0000_1234, // qNaN with payload
        0x7ff0_0000_0000_0001, // sNaN
        0x7ff4_0000_0000_00ab, // sNaN with payload
        0x7fff_ffff_ffff_ffff,
        0x3ff0_0000_0000_0001, // 1 + ulp
        0x3fef_ffff_ffff_ffff, // 1 - ulp/2
        0x3ca0_0000_0000_0000, // 2^-53
    ];
    let mut v: Vec<f64> = bits.iter().map(|&b| f64::from_bits(b)).collect();
    v.extend([
        0.0,
        0.5,
        1.0,
        1.5,
        2.0,
        3.0,
        10.0,
        0.1,
        std::f64::consts::E,
        std::f64::consts::LN_2,
        1e-300,
        1e300,
    ]);
    let negated: Vec<f64> = v.iter().map(|x| -x).collect();
    v.extend(negated);
    v
}

/// `x` and its two bit-neighbours (same sign).
fn with_neighbours(out: &mut Vec<f64>, x: f64) {
    let b = x.to_bits();
    out.push(x);
    out.push(f64::from_bits(b.wrapping_add(1)));
    if b & 0x7fff_ffff_ffff_ffff != 0 {
        out.push(f64::from_bits(b - 1));
    }
}

/// All special inputs of `f` (for `pow`, pairs; the other functions ignore `y`).
pub fn specials(f: Func) -> Vec<(f64, f64)> {
    let g = generic_specials();
    let mut xs = Vec::new();
    for &x in &g {
        with_neighbours(&mut xs, x);
    }
    match f {
        Func::Exp => {
            for t in [
                709.782712893384f64, // largest finite result
                709.7827128933841,   // overflows
                -708.3964185322641,  // smallest normal result
                -745.1332191019411,  // smallest subnormal result
                -745.1332191019412,  // underflows to 0
                -744.4400719213812,  // 2^-1074 rounding boundary region
                512.0,               // special_case starts
                -512.0,
                1024.0,
                -1024.0,
                f64::from_bits(0x3c90_0000_0000_0000), // 2^-54
                -f64::from_bits(0x3c90_0000_0000_0000),
                88.0,
                -88.0,
                0.000_976_562_5,
            ] {
                for k in 0..40 {
                    let b = t.to_bits();
                    xs.push(f64::from_bits(b.wrapping_add(k)));
                    xs.push(f64::from_bits(b.wrapping_sub(k)));
                }
            }
            xs.into_iter().map(|x| (x, 0.0)).collect()
        }
        Func::Log | Func::Log2 => {
            // The near-1 interval ends of both functions, the table offset, powers of two.
            for b in [
                0x3fee_0000_0000_0000u64,
                0x3ff1_0900_0000_0000,
                0x3fee_a4af_0000_0000,
                0x3ff0_b559_0000_0000,
                0x3fe6_0000_0000_0000,
                0x3ff6_0000_0000_0000,
                0x3ff0_0000_0000_0000,
            ] {
                for k in 0..40 {
                    xs.push(f64::from_bits(b.wrapping_add(k)));
                    xs.push(f64::from_bits(b.wrapping_sub(k)));
                }
            }
            for e in -1074i64..=1023 {
                let bits = if e >= -1022 {
                    ((e + 1023) as u64) << 52
                } else {
                    1u64 << (e + 1074)
                };
                with_neighbours(&mut xs, f64::from_bits(bits));
            }
            xs.into_iter().map(|x| (x, 0.0)).collect()
        }
        Func::Pow => {
            let mut ys = xs.clone();
            for y in [
                1.0 / 3.0,
                -1.0 / 3.0,
                0.25,
                -2.0,
                -3.0,
                4.0,
                53.0,
                1023.0,
                1024.0,
                1075.0,
                -1074.0,
                -1075.0,
                9_007_199_254_740_992.0, // 2^53
                9_007_199_254_740_994.0,
                9_007_199_254_740_993.0 * 2.0,
                f64::from_bits(0x43e0_0000_0000_0000), // 2^63
                f64::from_bits(0x3be0_0000_0000_0000), // 2^-65
                -f64::from_bits(0x3be0_0000_0000_0000),
            ] {
                with_neighbours(&mut ys, y);
            }
            let mut pairs = Vec::new();
            for &x in &xs {
                for &y in &ys {
                    pairs.push((x, y));
                }
            }
            // Overflow and underflow thresholds of common bases.
            for (x, y) in [
                (2.0f64, 1023.0f64),
                (2.0, 1024.0),
                (2.0, -1022.0),
                (2.0, -1074.0),
                (2.0, -1075.0),
                (-2.0, 1023.0),
                (-2.0, -1074.0),
                (-2.0, -1075.0),
                (10.0, 308.0),
                (10.0, 309.0),
                (10.0, -323.0),
                (10.0, -324.0),
                (0.5, 1074.0),
                (0.5, 1075.0),
                (std::f64::consts::E, 709.782712893384),
                (std::f64::consts::E, -745.1332191019411),
            ] {
                for k in 0..20 {
                    let y1 = f64::from_bits(y.to_bits().wrapping_add(k));
                    let y2 = f64::from_bits(y.to_bits().wrapping_sub(k));
                    pairs.extend([(x, y1), (x, y2)]);
                }
            }
            pairs
        }
    }
}

/// One random input of `f` from category `c` (an index into [`Func::categories`]).
pub fn random_input(f: Func, c: usize, rng: &mut SplitMix) -> (f64, f64) {
    match f {
        Func::Exp => {
            let x = match c {
                0 => range(rng, -745.0, 710.0),
                1 => range(rng, -1.0, 1.0),
                2 => range(rng, -40.0, 40.0),
                3 => f64::from_bits(rng.next_u64()),
                4 => {
                    const EDGES: [f64; 8] = [
                        709.78, -708.39, -745.13, 512.0, -512.0, 1024.0, 5.6e-17, -5.6e-17,
                    ];
                    let edge = EDGES[(rng.next_u64() % 8) as usize];
                    rng.near(edge, 44)
                }
                _ => -(1.0 - rng.next_double()).ln(),
            };
            (x, 0.0)
        }
        Func::Log | Func::Log2 => {
            let x = match c {
                0 => rng.next_double(),
                1 => 1.0 - rng.next_double(),
                2 => rng.near(1.0, 50),
                3 => f64::from_bits(rng.next_u64() >> 1),
                4 => f64::from_bits(rng.next_u64()),
                _ => f64::from_bits(rng.next_u64() >> 12),
            };
            (x, 0.0)
        }
        Func::Pow => match c {
            0 => {
                let u = 1.0 - rng.next_double();
                let a = 1000.0 * (1.0 - rng.next_double());
                (u, 1.0 / a)
            }
            1 => (1e6 * (1.0 - rng.next_double()), range(rng, -50.0, 50.0)),
            2 => (
                f64::from_bits(rng.next_u64()),
                f64::from_bits(rng.next_u64()),
            ),
            3 => {
                let y = (rng.next_u64() % 2201) as f64 - 1100.0;
                (range(rng, -4.0, 4.0), y)
            }
            4 => {
                let x = rng.near(1.0, 14);
                let y =
                    f64::from_bits(((rng.next_u64() % 20) + 0x431) << 52 | rng.next_u64() >> 12);
                (x, if rng.next_u64() & 1 == 0 { y } else { -y })
            }
            5 => {
                // y log(x) near an overflow or underflow threshold.
                let x = f64::from_bits(rng.near(1.0, 56).to_bits()).abs();
                let t = match rng.next_u64() % 4 {
                    0 => 709.78,
                    1 => -708.4,
                    2 => -745.13,
                    _ => -744.44,
                };
                let y = (t + range(rng, -0.01, 0.01)) / x.ln();
                (x, y)
            }
            6 => (
                f64::from_bits(rng.next_u64() >> 11),
                range(rng, -1.0, 1.0) * 2f64.powi((rng.next_u64() % 12) as i32 - 11),
            ),
            _ => {
                let x = -f64::from_bits(rng.near(1.0, 58).to_bits() & 0x7fff_ffff_ffff_ffff);
                let y = match rng.next_u64() % 3 {
                    0 => ((rng.next_u64() % 4001) as f64 - 2000.0) * 0.5,
                    1 => rng.near(9_007_199_254_740_992.0, 3),
                    _ => (rng.next_u64() % 201) as f64 - 100.0,
                };
                (x, y)
            }
        },
    }
}

/// One disagreement: the inputs and both results as bits.
#[derive(Clone, Copy, Debug)]
pub struct Mismatch {
    pub x: f64,
    pub y: f64,
    pub ours: u64,
    pub system: u64,
}

/// Tallies of one run.
#[derive(Clone, Debug, Default)]
pub struct Tally {
    pub tried: u64,
    pub mismatched: u64,
    pub nan_mismatched: u64,
    pub per_category: Vec<(u64, u64)>,
    pub first: Vec<Mismatch>,
}

impl Tally {
    fn new(f: Func) -> Self {
        Tally {
            per_category: vec![(0, 0); f.categories().len() + 1],
            ..Tally::default()
        }
    }

    /// Compares `f(x, y)` and counts it in `slot` (last slot: the special inputs).
    fn check(&mut self, f: Func, x: f64, y: f64, slot: usize) {
        let ours = f.ours(x, y);
        let system = f.system(x, y);
        self.tried += 1;
        self.per_category[slot].0 += 1;
        if ours.to_bits() != system.to_bits() {
            self.mismatched += 1;
            self.per_category[slot].1 += 1;
            if ours.is_nan() != system.is_nan() {
                self.nan_mismatched += 1;
            }
            if self.first.len() < 8 {
                self.first.push(Mismatch {
                    x,
                    y,
                    ours: ours.to_bits(),
                    system: system.to_bits(),
                });
            }
        }
    }

    fn merge(&mut self, other: Tally) {
        self.tried += other.tried;
        self.mismatched += other.mismatched;
        self.nan_mismatched += other.nan_mismatched;
        for (a, b) in self.per_category.iter_mut().zip(other.per_category) {
            a.0 += b.0;
            a.1 += b.1;
        }
        self.first.extend(other.first);
        self.first.truncate(8);
    }
}

/// Checks every special input of `f`, then `count` random ones split over `threads`
/// threads (categories in turn, so each gets `count / categories`).
pub fn run(f: Func, count: u64, threads: u64, seed: u64) -> Tally {
    let mut total = Tally::new(f);
    let special_slot = f.categories().len();
    for (x, y) in specials(f) {
        total.check(f, x, y, special_slot);
    }
    let ncat = f.categories().len() as u64;
    let per_thread = count / threads;
    let handles: Vec<_> = (0..threads)
        .map(|t| {
            let n = per_thread + if t == 0 { count % threads } else { 0 };
            std::thread::spawn(move || {
                let mut rng = SplitMix(seed ^ (t + 1).wrapping_mul(0xd1b5_4a32_d192_ed03));
                let mut tally = Tally::new(f);
                for i in 0..n {
                    let c = (i % ncat) as usize;
                    let (x, y) = random_input(f, c, &mut rng);
                    tally.check(f, x, y, c);
                }
                tally
            })
        })
        .collect();
    for h in handles {
        total.merge(h.join().expect("worker thread"));
    }
    total
}

/// Nanoseconds per call of the system libm, the scalar ports and the slice functions, on
/// `count` inputs of the kernels' typical ranges (one thread).
fn speed(count: usize) {
    let mut rng = SplitMix(1);
    let unit: Vec<f64> = (0..count).map(|_| 1.0 - rng.next_double()).collect();
    let args: Vec<f64> = (0..count).map(|_| range(&mut rng, -40.0, 40.0)).collect();
    let time = |name: &str, f: &dyn Fn() -> f64| {
        let start = Instant::now();
        let sink = f();
        let ns = start.elapsed().as_nanos() as f64 / count as f64;
        println!("{name:<28} {ns:6.2} ns/call (checksum {sink:e})");
    };
    type Pair = (&'static str, fn(f64) -> f64, fn(f64) -> f64, fn(&mut [f64]));
    let pairs: [Pair; 2] = [
        ("log", f64::ln, nprand::math::log, nprand::math::log_slice),
        ("exp", f64::exp, nprand::math::exp, nprand::math::exp_slice),
    ];
    for (name, sys, ours, slice) in pairs {
        let data = if name == "log" { &unit } else { &args };
        time(&format!("{name}: system"), &|| {
            data.iter().map(|&x| sys(black_box(x))).sum()
        });
        time(&format!("{name}: nprand::math"), &|| {
            data.iter().map(|&x| ours(black_box(x))).sum()
        });
        time(&format!("{name}: nprand::math slice"), &|| {
            let mut v = data.clone();
            slice(&mut v);
            v.iter().sum()
        });
    }
    time("pow: system", &|| {
        unit.iter()
            .zip(&args)
            .map(|(&x, &y)| black_box(x).powf(y))
            .sum()
    });
    time("pow: nprand::math", &|| {
        unit.iter()
            .zip(&args)
            .map(|(&x, &y)| nprand::math::pow(black_box(x), y))
            .sum()
    });
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("speed") {
        let count = args
            .get(1)
            .map_or(10_000_000, |s| s.parse().expect("count"));
        return speed(count);
    }
    let which = args.first().map(String::as_str).unwrap_or("all");
    let count: u64 = args
        .get(1)
        .map(|s| s.replace('_', "").parse().expect("count: an integer"))
        .unwrap_or(10_000_000);
    let seed: u64 = args
        .get(2)
        .map(|s| s.parse().expect("seed: an integer"))
        .unwrap_or(20_260_000);
    let funcs: Vec<Func> = match which {
        "all" => Func::ALL.to_vec(),
        name => vec![*Func::ALL
            .iter()
            .find(|f| f.name() == name)
            .expect("function: exp, log, log2, pow or all")],
    };
    println!("| function | inputs tried | mismatches | NaN-ness mismatches | seconds |");
    println!("|---|---:|---:|---:|---:|");
    let mut details = String::new();
    for f in funcs {
        let start = Instant::now();
        let t = run(f, count, 2, seed);
        println!(
            "| {} | {} | {} | {} | {:.1} |",
            f.name(),
            t.tried,
            t.mismatched,
            t.nan_mismatched,
            start.elapsed().as_secs_f64()
        );
        let names = f.categories().iter().chain(&["specials"]);
        for (name, (n, bad)) in names.zip(&t.per_category) {
            details += &format!(
                "  {:>5} {:<18} {:>12} tried {:>6} mismatched\n",
                f.name(),
                name,
                n,
                bad
            );
        }
        for m in &t.first {
            details += &format!(
                "  {} mismatch: x = {:e} ({:#018x}), y = {:e} ({:#018x}): ours {:#018x}, system {:#018x}\n",
                f.name(),
                m.x,
                m.x.to_bits(),
                m.y,
                m.y.to_bits(),
                m.ours,
                m.system
            );
        }
    }
    print!("\n{details}");
}
