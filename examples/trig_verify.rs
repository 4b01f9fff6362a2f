//! Checks `nprand::math::{sin, cos}` (ports of CORE-MATH's correctly rounded `cr_sin`
//! and `cr_cos`) against MPFR and against the platform libm (glibc on Linux).
//!
//! ```text
//! gcc -O2 -o /tmp/trig_mpfr scripts/trig_mpfr.c -lmpfr -lgmp -lm
//! # every (x, sin x, cos x) of a range, checked by MPFR:
//! cargo run --release --example trig_verify -- emit <range> <count> [seed] | /tmp/trig_mpfr check
//! # against glibc: counts, and the records where glibc differs (for MPFR to judge):
//! cargo run --release --example trig_verify -- glibc <range> <count> [max_records] | /tmp/trig_mpfr check
//! cargo run --release --example trig_verify -- bench
//! ```
//!
//! `emit-list` and `glibc-list` print the arguments' bit patterns as hex lines instead
//! (for `trig_mpfr table`: scripts/trig_fixture.sh writes fixtures/trig/cases.txt).
//!
//! Ranges: `pi` [0, pi) (vonmises' cos(pi U)), `2pi` [0, 2 pi) (CPython's gauss),
//! `sym` [-pi, pi), `big` [-1e6, 1e6), `bits` random finite bit patterns (huge
//! arguments: Payne-Hanek reduction), `tiny` random exponents in [-1074, 4], `halfpi`
//! within a few ulps of multiples of pi/2 up to 2^60, `specials` (count ignored) the
//! IEEE specials, thresholds and powers of two with their neighbours, and `stdin`
//! doubles read as 16-hex-digit bit patterns, one per line (each also negated).

#[path = "../src/math/inputs.rs"]
#[allow(dead_code)]
mod inputs;

use inputs::SplitMix;
use nprand::math::{cos, sin};
use std::f64::consts::{FRAC_PI_2, PI};
use std::io::{BufRead, BufWriter, Write};
use std::time::Instant;

/// A source of arguments: `count` draws from a range, or a fixed list.
fn arguments(range: &str, count: u64, seed: u64) -> Box<dyn Iterator<Item = f64>> {
    let mut rng = SplitMix(seed);
    let draw: fn(&mut SplitMix) -> f64 = match range {
        "pi" => |r| PI * r.next_double(),
        "2pi" => |r| 2.0 * PI * r.next_double(),
        "sym" => |r| PI * (2.0 * r.next_double() - 1.0),
        "big" => |r| 1e6 * (2.0 * r.next_double() - 1.0),
        "bits" => |r| loop {
            let x = r.any_bits();
            if x.is_finite() {
                return x;
            }
        },
        "tiny" => |r| {
            let b = r.next_u64();
            let e = (b >> 53) % 1080; // exponent field 0..=1079 (up to 2^56)
            let e = if e < 1079 { e } else { 0 };
            f64::from_bits((b & (1 << 63)) | (e.min(1027) << 52) | (b & 0x000f_ffff_ffff_ffff))
        },
        "halfpi" => |r| {
            let b = r.next_u64();
            let k = (b >> (4 + (b & 63) % 60)) as f64; // k below 2^60, every size
            r.near(k * FRAC_PI_2, 3)
        },
        "specials" => return Box::new(specials().into_iter()),
        "stdin" => {
            let xs: Vec<f64> = std::io::stdin()
                .lock()
                .lines()
                .map(|l| f64::from_bits(u64::from_str_radix(l.unwrap().trim(), 16).unwrap()))
                .flat_map(|x| [x, -x])
                .collect();
            return Box::new(xs.into_iter());
        }
        _ => {
            eprintln!("unknown range {range}");
            std::process::exit(2);
        }
    };
    Box::new((0..count).map(move |_| draw(&mut rng)))
}

/// IEEE specials, the functions' thresholds, CORE-MATH's listed exceptional arguments,
/// every power of two: each with its neighbours, both signs.
fn specials() -> Vec<f64> {
    let mut base: Vec<u64> = vec![
        0,
        1,
        0x000f_ffff_ffff_ffff,
        0x0010_0000_0000_0000,
        0x7fef_ffff_ffff_ffff,
        0x7ff0_0000_0000_0000,
        0x7ff8_0000_0000_0000,
        0x3e57_1374_4912_3ef6, // sin(x) = x below
        0x3e46_a09e_667f_3bcc, // cos(x) = 1 below
        0x4019_21fb_5444_2d17, // 2 pi: the fast reduction's limit
        0x4019_21fb_5444_2d18,
        0x3ff9_21fb_5444_2d18, // pi/2
        0x4009_21fb_5444_2d18, // pi
        0x3ebe_0000_0000_01c2, // CORE-MATH's exceptions
        0x7506_ac5b_262c_a1ff,
        0x3e88_0000_0000_0009,
        0x3e98_0000_0000_0024,
        0x3ea8_0000_0000_0090,
        0x3eb2_0000_0000_00f3,
        0x3eb8_0000_0000_0240,
    ];
    base.extend((1..2047u64).map(|e| e << 52));
    let mut out = Vec::new();
    for b in base {
        for d in -3i64..=3 {
            let v = b.wrapping_add_signed(d);
            if v >> 63 == 0 {
                out.push(f64::from_bits(v));
                out.push(-f64::from_bits(v));
            }
        }
    }
    out
}

/// One (x, sin x, cos x) record: 24 bytes, or x's bit pattern as a hex line when
/// `list` (the input format of `trig_mpfr table`).
fn record(w: &mut impl Write, list: bool, x: f64, s: f64, c: f64) {
    if list {
        writeln!(w, "{:016x}", x.to_bits()).unwrap();
        return;
    }
    let mut b = [0u8; 24];
    b[..8].copy_from_slice(&x.to_le_bytes());
    b[8..16].copy_from_slice(&s.to_le_bytes());
    b[16..].copy_from_slice(&c.to_le_bytes());
    w.write_all(&b).unwrap();
}

fn same(a: f64, b: f64) -> bool {
    a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |i: usize, default: &str| args.get(i).cloned().unwrap_or(default.into());
    let mode = arg(1, "bench");
    let range = arg(2, "2pi");
    let count: u64 = arg(3, "1000000").parse().expect("count");
    let mut out = BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
    // `emit-list` / `glibc-list`: the arguments as hex lines instead of records.
    let list = mode.ends_with("-list");
    match mode.trim_end_matches("-list") {
        "emit" => {
            let seed = arg(4, "1").parse().expect("seed");
            for x in arguments(&range, count, seed) {
                record(&mut out, list, x, sin(x), cos(x));
            }
        }
        "glibc" => {
            let max: u64 = arg(4, "1000000").parse().expect("max_records");
            let start = Instant::now();
            let (mut n, mut bad_sin, mut bad_cos, mut emitted) = (0u64, 0u64, 0u64, 0u64);
            for x in arguments(&range, count, 0x6e70_7261_6e64) {
                let (s, c) = (sin(x), cos(x));
                let (bs, bc) = (!same(s, x.sin()), !same(c, x.cos()));
                n += 1;
                bad_sin += u64::from(bs);
                bad_cos += u64::from(bc);
                if (bs || bc) && emitted < max {
                    emitted += 1;
                    record(&mut out, list, x, s, c);
                }
            }
            eprintln!(
                "{range}: {n} inputs, differ from libm: sin {bad_sin} ({:.3e}), cos {bad_cos} ({:.3e}); {emitted} records written ({:.0} s)",
                bad_sin as f64 / n as f64,
                bad_cos as f64 / n as f64,
                start.elapsed().as_secs_f64()
            );
        }
        "bench" => bench(),
        _ => {
            eprintln!("mode: emit, glibc or bench");
            std::process::exit(2);
        }
    }
}

/// ns per call on [0, pi): the ports, and the platform's functions.
fn bench() {
    let mut rng = SplitMix(7);
    let xs: Vec<f64> = (0..1 << 20).map(|_| PI * rng.next_double()).collect();
    type F = fn(f64) -> f64;
    let fs: [(&str, F); 4] = [
        ("nprand::math::cos", cos),
        ("libm cos", f64::cos),
        ("nprand::math::sin", sin),
        ("libm sin", f64::sin),
    ];
    for (name, f) in fs {
        let mut best = f64::INFINITY;
        for _ in 0..5 {
            let t = Instant::now();
            let mut acc = 0.0;
            for &x in &xs {
                acc += f(std::hint::black_box(x));
            }
            std::hint::black_box(acc);
            best = best.min(t.elapsed().as_secs_f64() * 1e9 / xs.len() as f64);
        }
        println!("{name:20} {best:.1} ns/call");
    }
}
