//! Criterion benches of the bulk rows of the performance issue (`RandomState` `_into` forms
//! filled in place; `permutation` allocates its result, as NumPy's does) and of the modern
//! API's rows (`PCG64` raw words, `Generator.random`, `Generator.standard_normal`).
//!
//! `cargo bench --bench bulk` (`--features parallel` makes `random_sample_into` use all
//! cores at sizes of 2^21 and more; `N` here is below that).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use nprand::{default_rng, Pcg64, RandomState};
use std::hint::black_box;

const N: usize = 1 << 20;

fn bulk(c: &mut Criterion) {
    let mut g = c.benchmark_group("bulk_1M");
    g.throughput(Throughput::Elements(N as u64));
    let mut rs = RandomState::new(12345);
    let mut f = vec![0f64; N];
    g.bench_function("random_sample_into", |b| {
        b.iter(|| rs.random_sample_into(black_box(&mut f)))
    });
    g.bench_function("standard_normal_into", |b| {
        b.iter(|| rs.standard_normal_into(black_box(&mut f)))
    });
    g.bench_function("standard_exponential_into", |b| {
        b.iter(|| rs.standard_exponential_into(black_box(&mut f)))
    });
    g.bench_function("standard_gamma_into_2.5", |b| {
        b.iter(|| rs.standard_gamma_into(black_box(&mut f), 2.5).unwrap())
    });
    let mut i64s = vec![0i64; N];
    g.bench_function("randint_into_i64", |b| {
        b.iter(|| {
            rs.randint_into::<i64>(black_box(&mut i64s), -1000, 1000)
                .unwrap()
        })
    });
    g.bench_function("randint_into_i64_0_1000", |b| {
        b.iter(|| {
            rs.randint_into::<i64>(black_box(&mut i64s), 0, 1000)
                .unwrap()
        })
    });
    let mut i8s = vec![0i8; N];
    g.bench_function("randint_into_i8", |b| {
        b.iter(|| {
            rs.randint_into::<i8>(black_box(&mut i8s), -100, 100)
                .unwrap()
        })
    });
    g.bench_function("binomial_into_20_0.3", |b| {
        b.iter(|| rs.binomial_into(black_box(&mut i64s), 20, 0.3).unwrap())
    });
    g.bench_function("poisson_into_30", |b| {
        b.iter(|| rs.poisson_into(black_box(&mut i64s), 30.0).unwrap())
    });
    g.bench_function("permutation", |b| {
        b.iter(|| black_box(rs.permutation(N as i64)))
    });
    let mut x: Vec<i64> = (0..N as i64).collect();
    g.bench_function("shuffle", |b| b.iter(|| rs.shuffle(black_box(&mut x))));
    g.finish();

    let mut g = c.benchmark_group("generator_1M");
    g.throughput(Throughput::Elements(N as u64));
    let mut bg = Pcg64::new(12345);
    let mut words = vec![0u64; N];
    g.bench_function("pcg64_random_raw_into", |b| {
        b.iter(|| bg.random_raw_into(black_box(&mut words)))
    });
    let mut rng = default_rng(12345);
    g.bench_function("random_into", |b| {
        b.iter(|| rng.random_into(black_box(&mut f)))
    });
    g.bench_function("standard_normal_into", |b| {
        b.iter(|| rng.standard_normal_into(black_box(&mut f)))
    });
    g.finish();
}

criterion_group!(benches, bulk);
criterion_main!(benches);
