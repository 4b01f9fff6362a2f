//! Criterion benches of the per-call rows of the performance issue: one value per call in
//! a loop (`Mt19937::next_u32` against `rand_mt`, `RandomState::random_sample`,
//! `RandomState::standard_normal`, CPython's `random()`), beside the bulk fill of the same
//! values for scale.
//!
//! Each loop is a function taking the generator and the output as arguments, the shape of
//! code that draws one value at a time (`fn simulate(rng: &mut R, out: &mut [T])`).
//!
//! `cargo bench --bench per_call`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use nprand::{Mt19937, RandomState};
use std::hint::black_box;

const N: usize = 1 << 16;

#[inline(never)]
fn next_u32_loop(mt: &mut Mt19937, out: &mut [u32]) {
    for o in out.iter_mut() {
        *o = mt.next_u32();
    }
}

#[inline(never)]
fn rand_mt_loop(mt: &mut rand_mt::Mt, out: &mut [u32]) {
    for o in out.iter_mut() {
        *o = mt.next_u32();
    }
}

#[inline(never)]
fn f64_loop(rs: &mut RandomState, out: &mut [f64], f: impl Fn(&mut RandomState) -> f64) {
    for o in out.iter_mut() {
        *o = f(rs);
    }
}

fn per_call(c: &mut Criterion) {
    let mut g = c.benchmark_group("per_call_64k");
    g.throughput(Throughput::Elements(N as u64));
    let mut words = vec![0u32; N];
    let mut mt = Mt19937::new(1);
    g.bench_function("next_u32_loop", |b| {
        b.iter(|| next_u32_loop(&mut mt, black_box(&mut words)))
    });
    let mut other = rand_mt::Mt::new(1);
    g.bench_function("rand_mt_next_u32_loop", |b| {
        b.iter(|| rand_mt_loop(&mut other, black_box(&mut words)))
    });
    g.bench_function("fill_u32", |b| {
        b.iter(|| mt.fill_u32(black_box(&mut words)))
    });
    let mut f = vec![0f64; N];
    let mut rs = RandomState::new(1);
    g.bench_function("random_sample_loop", |b| {
        b.iter(|| f64_loop(&mut rs, black_box(&mut f), RandomState::random_sample))
    });
    g.bench_function("random_sample_into", |b| {
        b.iter(|| rs.random_sample_into(black_box(&mut f)))
    });
    g.bench_function("standard_normal_loop", |b| {
        b.iter(|| f64_loop(&mut rs, black_box(&mut f), RandomState::standard_normal))
    });
    g.bench_function("standard_normal_into", |b| {
        b.iter(|| rs.standard_normal_into(black_box(&mut f)))
    });
    #[cfg(feature = "python")]
    {
        let mut r = nprand::python::Random::new(1);
        g.bench_function("python_random_loop", |b| {
            b.iter(|| {
                for o in black_box(&mut f).iter_mut() {
                    *o = r.random();
                }
            })
        });
    }
    g.finish();
}

criterion_group!(benches, per_call);
criterion_main!(benches);
