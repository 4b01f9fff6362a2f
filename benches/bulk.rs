//! Criterion benches of the `RandomState` bulk rows of the issue (`_into` forms filled in
//! place; `permutation` allocates its result, as NumPy's does).
//!
//! `cargo bench --bench bulk`. `binomial(20, 0.3)` and `poisson(30)` have no bulk form
//! yet; add them here when they land.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use nprand::RandomState;
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
    g.bench_function("permutation", |b| {
        b.iter(|| black_box(rs.permutation(N as i64)))
    });
    let mut x: Vec<i64> = (0..N as i64).collect();
    g.bench_function("shuffle", |b| b.iter(|| rs.shuffle(black_box(&mut x))));
    g.finish();
}

criterion_group!(benches, bulk);
criterion_main!(benches);
