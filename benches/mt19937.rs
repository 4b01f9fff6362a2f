//! Criterion benches of the bit generator (the issue's ★ rows): raw words, `random_sample`
//! doubles, bytes, the same with the portable kernels, the `rand_mt` crate, a plain
//! `slice.fill` of the same size (memory write bandwidth), the `parallel` fills, and the
//! cost of `advance`/`jumped`.
//!
//! `cargo bench --bench mt19937 [--features parallel]`

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use nprand::mt19937::Backend;
use nprand::Mt19937;
use std::hint::black_box;

const SIZES: &[usize] = &[1 << 12, 1 << 20, 1 << 24];

fn raw(c: &mut Criterion) {
    let mut g = c.benchmark_group("raw_u32");
    for &n in SIZES {
        g.throughput(Throughput::Elements(n as u64));
        let mut out = vec![1u32; n];
        let mut mt = Mt19937::new(1);
        g.bench_with_input(BenchmarkId::new("nprand", n), &n, |b, _| {
            b.iter(|| mt.fill_u32(black_box(&mut out)))
        });
        g.bench_with_input(BenchmarkId::new("nprand_portable", n), &n, |b, _| {
            b.iter(|| mt.fill_u32_with(black_box(&mut out), Backend::Portable))
        });
        let mut other = rand_mt::Mt::new(1);
        g.bench_with_input(BenchmarkId::new("rand_mt", n), &n, |b, _| {
            b.iter(|| {
                for o in black_box(&mut out).iter_mut() {
                    *o = other.next_u32();
                }
            })
        });
        g.bench_with_input(BenchmarkId::new("memset", n), &n, |b, _| {
            b.iter(|| black_box(&mut out).fill(black_box(7)))
        });
        #[cfg(feature = "parallel")]
        g.bench_with_input(BenchmarkId::new("nprand_parallel", n), &n, |b, _| {
            b.iter(|| mt.par_fill_u32(black_box(&mut out)))
        });
    }
    g.finish();
}

fn random_sample(c: &mut Criterion) {
    let mut g = c.benchmark_group("random_sample_f64");
    for &n in SIZES {
        g.throughput(Throughput::Elements(n as u64));
        let mut out = vec![1f64; n];
        let mut mt = Mt19937::new(1);
        g.bench_with_input(BenchmarkId::new("nprand", n), &n, |b, _| {
            b.iter(|| mt.fill_f64(black_box(&mut out)))
        });
        g.bench_with_input(BenchmarkId::new("nprand_portable", n), &n, |b, _| {
            b.iter(|| mt.fill_f64_with(black_box(&mut out), Backend::Portable))
        });
        g.bench_with_input(BenchmarkId::new("memset", n), &n, |b, _| {
            b.iter(|| black_box(&mut out).fill(black_box(0.5)))
        });
        #[cfg(feature = "parallel")]
        g.bench_with_input(BenchmarkId::new("nprand_parallel", n), &n, |b, _| {
            b.iter(|| mt.par_fill_f64(black_box(&mut out)))
        });
    }
    g.finish();
}

fn bytes(c: &mut Criterion) {
    let mut g = c.benchmark_group("bytes");
    let n = 1 << 24;
    g.throughput(Throughput::Bytes(n as u64));
    let mut out = vec![1u8; n];
    let mut mt = Mt19937::new(1);
    g.bench_function("nprand", |b| b.iter(|| mt.fill_bytes(black_box(&mut out))));
    let mut other = rand_mt::Mt::new(1);
    g.bench_function("rand_mt", |b| {
        b.iter(|| other.fill_bytes(black_box(&mut out)))
    });
    #[cfg(feature = "parallel")]
    g.bench_function("nprand_parallel", |b| {
        b.iter(|| mt.par_fill_bytes(black_box(&mut out)))
    });
    g.finish();
}

fn jumps(c: &mut Criterion) {
    let mut g = c.benchmark_group("jump");
    g.sample_size(20);
    let mt = Mt19937::new(1);
    let _ = mt.jumped(1); // build the cached polynomials outside the measurement
    g.bench_function("jumped_1", |b| b.iter(|| black_box(mt.jumped(1))));
    for n in [1_000_000u128, 100_000_000, 1 << 64, u128::MAX] {
        g.bench_with_input(BenchmarkId::new("advance", n), &n, |b, &n| {
            b.iter(|| {
                let mut m = mt.clone();
                m.advance(n);
                black_box(m)
            })
        });
    }
    g.finish();
}

criterion_group!(benches, raw, random_sample, bytes, jumps);
criterion_main!(benches);
