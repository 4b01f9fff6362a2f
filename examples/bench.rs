//! A small timing server for `scripts/bench_vs_numpy.py` (and a quick CLI for humans).
//!
//! ```text
//! cargo build --release --example bench --features parallel
//! target/release/examples/bench list                 # the work items it knows
//! target/release/examples/bench run raw 10000000 7   # best/median of 7 runs, one line of JSON
//! target/release/examples/bench serve                # read "<item> <n> <reps>" lines on stdin
//! ```
//!
//! Each request prints one JSON line: `{"item", "n", "reps", "best_ns", "median_ns",
//! "ns_per_elem"}` (best run divided by n), or `{"item", "error": "unknown item"}` for an item
//! this build does not know (the script then skips that row). Output buffers are allocated
//! and touched once per request, outside the timed region, so the timings are the `_into`
//! fills alone; the process start-up is never timed.

use nprand::mt19937::Backend;
use nprand::{Mt19937, RandomState};
use std::hint::black_box;
use std::io::{BufRead, Write};
use std::time::Instant;

/// Runs `f` `reps` times (after one warm-up run) and returns the sorted durations in ns.
fn time(reps: usize, mut f: impl FnMut()) -> Vec<f64> {
    f();
    let mut v: Vec<f64> = (0..reps.max(1))
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_nanos() as f64
        })
        .collect();
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v
}

const ITEMS: &[(&str, &str)] = &[
    ("raw", "Mt19937::fill_u32 (NumPy MT19937.random_raw)"),
    ("raw_portable", "Mt19937::fill_u32_with(Backend::Portable)"),
    ("raw_rand_mt", "rand_mt::Mt, next_u32 into a slice"),
    ("raw_rand_mt_bytes", "rand_mt::Mt::fill_bytes, 4n bytes"),
    ("memset_u32", "slice.fill on n u32 (memory write bandwidth)"),
    (
        "next_u32_loop",
        "Mt19937::next_u32, one call per word into a slice",
    ),
    (
        "random_sample_loop",
        "RandomState::random_sample, one call per double into a slice",
    ),
    (
        "standard_normal_loop",
        "RandomState::standard_normal, one call per value into a slice",
    ),
    ("random_sample", "RandomState::random_sample_into"),
    (
        "random_sample_portable",
        "Mt19937::fill_f64_with(Backend::Portable)",
    ),
    ("memset_f64", "slice.fill on n f64 (memory write bandwidth)"),
    (
        "memset_f64_best",
        "fastest of fill, memset and (feature parallel) rayon fill and memset, on n f64",
    ),
    (
        "random_sample_serial",
        "Mt19937::fill_f64 (one thread, whatever the features)",
    ),
    ("bytes", "Mt19937::fill_bytes, n bytes"),
    ("par_raw", "Mt19937::par_fill_u32 (feature parallel)"),
    (
        "par_random_sample",
        "Mt19937::par_fill_f64 (feature parallel)",
    ),
    ("par_bytes", "Mt19937::par_fill_bytes (feature parallel)"),
    ("standard_normal", "RandomState::standard_normal_into"),
    (
        "log_slice",
        "nprand::math::log_slice on n doubles in (0, 1)",
    ),
    (
        "log_std",
        "f64::ln on n doubles in (0, 1) (the platform's libm)",
    ),
    (
        "exp_slice",
        "nprand::math::exp_slice on n doubles in (-10, 0)",
    ),
    (
        "exp_std",
        "f64::exp on n doubles in (-10, 0) (the platform's libm)",
    ),
    (
        "standard_exponential",
        "RandomState::standard_exponential_into",
    ),
    ("weibull", "RandomState::weibull_into(1.5)"),
    ("power", "RandomState::power_into(1.5)"),
    (
        "randint_i64",
        "RandomState::randint_into::<i64>(-1000, 1000)",
    ),
    ("randint_i8", "RandomState::randint_into::<i8>(-100, 100)"),
    (
        "randint_i64_0_1000",
        "RandomState::randint_into::<i64>(0, 1000)",
    ),
    ("randint_u8_full", "RandomState::randint_into::<u8>(0, 256)"),
    ("randint_bool", "RandomState::randint_into::<bool>(0, 2)"),
    (
        "standard_gamma_2.5",
        "RandomState::standard_gamma_into(2.5)",
    ),
    ("binomial_20_0.3", "RandomState::binomial_into(20, 0.3)"),
    ("poisson_30", "RandomState::poisson_into(30.0)"),
    ("permutation", "RandomState::permutation(n)"),
    ("shuffle", "RandomState::shuffle on n i64"),
    (
        "pcg64_raw",
        "Pcg64::random_raw_into (NumPy PCG64.random_raw)",
    ),
    (
        "philox_raw",
        "Philox::random_raw_into (NumPy Philox.random_raw)",
    ),
    (
        "sfc64_raw",
        "Sfc64::random_raw_into (NumPy SFC64.random_raw)",
    ),
    ("gen_random", "default_rng: Generator::random_into"),
    (
        "gen_standard_normal",
        "default_rng: Generator::standard_normal_into",
    ),
    (
        "gen_standard_exponential",
        "default_rng: Generator::standard_exponential_into",
    ),
    ("gen_weibull", "default_rng: Generator::weibull_into(1.5)"),
    (
        "weibull_array",
        "RandomState::weibull_array(1.5, Some(&[n])) (allocates)",
    ),
    (
        "normal_array",
        "RandomState::normal_array(0.0, 1.0, Some(&[n])) (allocates)",
    ),
    (
        "gen_normal_array",
        "default_rng: Generator::normal_array(0.0, 1.0, Some(&[n])) (allocates)",
    ),
    (
        "gen_integers_i64",
        "default_rng: Generator::integers_into::<i64>(0, 1000)",
    ),
    (
        "gen_integers_u8_full",
        "default_rng: Generator::integers_into::<u8>(0, 256)",
    ),
    (
        "gen_integers_bool",
        "default_rng: Generator::integers_into::<bool>(0, 2)",
    ),
    (
        "next_u32_fn",
        "Mt19937::next_u32 in a function taking (&mut rng, &mut [u32])",
    ),
    (
        "rand_mt_fn",
        "rand_mt::Mt::next_u32 in the same function shape",
    ),
    (
        "next_u32_floor",
        "the next_u32_fn loop served from a fixed block with a refill doing nothing",
    ),
    (
        "random_sample_fn",
        "RandomState::random_sample in a function taking (&mut rng, &mut [f64])",
    ),
    (
        "random_sample_floor",
        "the random_sample_fn loop served from a fixed block with a refill doing nothing",
    ),
    (
        "standard_normal_fn",
        "RandomState::standard_normal in a function taking (&mut rng, &mut [f64])",
    ),
    ("py_random", "python::Random::random, one call per value"),
    (
        "py_randrange",
        "python::Random::randrange_stop(1000), one call per value",
    ),
    (
        "py_gauss",
        "python::Random::gauss(0, 1), one call per value",
    ),
    ("py_shuffle", "python::Random::shuffle of n i64"),
    (
        "advance",
        "Mt19937::advance(n) from a fresh state (one call)",
    ),
    ("jumped", "Mt19937::jumped(1) (one call; n ignored)"),
    (
        "first_advance",
        "first advance(n) in the process: builds p(x) and its tables (run it first)",
    ),
    (
        "first_jump",
        "first jumped(1) in the process: builds p(x), tables, x^(2^128) (run it first)",
    ),
];

/// Times one item; `None` if this build does not know it.
fn run(item: &str, n: usize, reps: usize) -> Option<Vec<f64>> {
    let mut mt = Mt19937::new(12345);
    let mut rs = RandomState::new(12345);
    let mut rng = nprand::default_rng(12345);
    Some(match item {
        "raw" => {
            let mut out = vec![1u32; n];
            time(reps, || mt.fill_u32(black_box(&mut out)))
        }
        "raw_portable" => {
            let mut out = vec![1u32; n];
            time(reps, || {
                mt.fill_u32_with(black_box(&mut out), Backend::Portable)
            })
        }
        "raw_rand_mt" => {
            let mut other = rand_mt::Mt::new(12345);
            let mut out = vec![1u32; n];
            time(reps, || {
                for o in black_box(&mut out).iter_mut() {
                    *o = other.next_u32();
                }
            })
        }
        "raw_rand_mt_bytes" => {
            let mut other = rand_mt::Mt::new(12345);
            let mut out = vec![1u8; 4 * n];
            time(reps, || other.fill_bytes(black_box(&mut out)))
        }
        "next_u32_loop" => {
            let mut out = vec![1u32; n];
            time(reps, || {
                for o in black_box(&mut out).iter_mut() {
                    *o = mt.next_u32();
                }
            })
        }
        "next_u32_fn" => {
            let mut out = vec![1u32; n];
            time(reps, || u32_loop(&mut mt, black_box(&mut out)))
        }
        "next_u32_xor" => {
            let mut acc = 0u32;
            time(reps, || {
                for _ in 0..n {
                    acc ^= mt.next_u32();
                }
                black_box(acc);
            })
        }
        "next_u32_floor" => {
            let mut floor = Floor::new();
            let mut out = vec![1u32; n];
            time(reps, || floor_u32_loop(&mut floor, black_box(&mut out)))
        }
        "random_sample_floor" => {
            let mut floor = Floor::new();
            let mut out = vec![1f64; n];
            time(reps, || floor_f64_loop(&mut floor, black_box(&mut out)))
        }
        "rand_mt_fn" => {
            let mut other = rand_mt::Mt::new(12345);
            let mut out = vec![1u32; n];
            time(reps, || rand_mt_loop(&mut other, black_box(&mut out)))
        }
        "random_sample_fn" => {
            let mut out = vec![1f64; n];
            time(reps, || {
                f64_loop(&mut rs, black_box(&mut out), RandomState::random_sample)
            })
        }
        "standard_normal_fn" => {
            let mut out = vec![1f64; n];
            time(reps, || {
                f64_loop(&mut rs, black_box(&mut out), RandomState::standard_normal)
            })
        }
        "random_sample_loop" => {
            let mut out = vec![1f64; n];
            time(reps, || {
                for o in black_box(&mut out).iter_mut() {
                    *o = rs.random_sample();
                }
            })
        }
        "standard_normal_loop" => {
            let mut out = vec![1f64; n];
            time(reps, || {
                for o in black_box(&mut out).iter_mut() {
                    *o = rs.standard_normal();
                }
            })
        }
        "memset_u32" => {
            let mut out = vec![1u32; n];
            let mut v = 0u32;
            time(reps, || {
                v = v.wrapping_add(1);
                black_box(&mut out).fill(black_box(v));
            })
        }
        "random_sample" => {
            let mut out = vec![1f64; n];
            time(reps, || rs.random_sample_into(black_box(&mut out)))
        }
        "random_sample_portable" => {
            let mut out = vec![1f64; n];
            time(reps, || {
                mt.fill_f64_with(black_box(&mut out), Backend::Portable)
            })
        }
        "memset_f64" => {
            let mut out = vec![1f64; n];
            let mut v = 0f64;
            time(reps, || {
                v += 1.0;
                black_box(&mut out).fill(black_box(v));
            })
        }
        "memset_f64_best" => {
            // The fastest of four ways to write the n doubles: a vector loop (`fill`),
            // libc memset (a fill with equal bytes, which may stream past the cache),
            // and with the `parallel` feature each of them split over the rayon threads.
            let mut out = vec![1f64; n];
            let mut v = 0f64;
            let mut all = time(reps, || {
                v += 1.0;
                black_box(&mut out).fill(black_box(v));
            });
            // A fill with a double whose eight bytes are equal compiles to a call of
            // libc's memset. The byte alternates: rewriting memory with the bytes it
            // already holds measured several times faster here (0.15 ns/double for zeros
            // over zeros), which is not the bandwidth for new data.
            let mut byte = 1u64;
            all.extend(time(reps, || {
                byte = 3 - byte;
                let x = f64::from_bits(byte * 0x0101_0101_0101_0101);
                black_box(&mut out).fill(x);
            }));
            #[cfg(feature = "parallel")]
            {
                use rayon::prelude::*;
                let chunk = n.div_ceil(rayon::current_num_threads()).max(1);
                all.extend(time(reps, || {
                    v += 1.0;
                    black_box(&mut out)
                        .par_chunks_mut(chunk)
                        .for_each(|c| c.fill(v));
                }));
                // memset on every thread: libc's large memset writes whole lines without
                // reading them first (non-temporal or `rep stosb` stores), so this is
                // the fastest the machine writes memory (0.17-0.2 ns/double on the
                // 2-core EPYC, against 0.23 for the ordinary-store fill above).
                all.extend(time(reps, || {
                    byte = 3 - byte;
                    let x = f64::from_bits(byte * 0x0101_0101_0101_0101);
                    black_box(&mut out)
                        .par_chunks_mut(chunk)
                        .for_each(|c| c.fill(x));
                }));
            }
            all.sort_by(|a, b| a.partial_cmp(b).unwrap());
            all
        }
        "random_sample_serial" => {
            let mut out = vec![1f64; n];
            time(reps, || mt.fill_f64(black_box(&mut out)))
        }
        "bytes" => {
            let mut out = vec![1u8; n];
            time(reps, || mt.fill_bytes(black_box(&mut out)))
        }
        #[cfg(feature = "parallel")]
        "par_raw" => {
            let mut out = vec![1u32; n];
            time(reps, || mt.par_fill_u32(black_box(&mut out)))
        }
        #[cfg(feature = "parallel")]
        "par_random_sample" => {
            let mut out = vec![1f64; n];
            time(reps, || mt.par_fill_f64(black_box(&mut out)))
        }
        #[cfg(feature = "parallel")]
        "par_bytes" => {
            let mut out = vec![1u8; n];
            time(reps, || mt.par_fill_bytes(black_box(&mut out)))
        }
        "standard_normal" => {
            let mut out = vec![1f64; n];
            time(reps, || rs.standard_normal_into(black_box(&mut out)))
        }
        "log_slice" | "log_std" | "exp_slice" | "exp_std" => {
            let mut src = vec![0f64; n];
            rs.random_sample_into(&mut src);
            if item.starts_with("exp") {
                src.iter_mut().for_each(|v| *v *= -10.0);
            }
            let mut out = src.clone();
            time(reps, || {
                out.copy_from_slice(&src);
                match item {
                    "log_slice" => nprand::math::log_slice(black_box(&mut out)),
                    "exp_slice" => nprand::math::exp_slice(black_box(&mut out)),
                    "log_std" => out.iter_mut().for_each(|v| *v = v.ln()),
                    _ => out.iter_mut().for_each(|v| *v = v.exp()),
                }
            })
        }
        "standard_exponential" => {
            let mut out = vec![1f64; n];
            time(reps, || rs.standard_exponential_into(black_box(&mut out)))
        }
        "weibull" => {
            let mut out = vec![1f64; n];
            time(reps, || rs.weibull_into(black_box(&mut out), 1.5).unwrap())
        }
        "power" => {
            let mut out = vec![1f64; n];
            time(reps, || rs.power_into(black_box(&mut out), 1.5).unwrap())
        }
        "randint_i64" => {
            let mut out = vec![1i64; n];
            time(reps, || {
                rs.randint_into::<i64>(black_box(&mut out), -1000, 1000)
                    .unwrap()
            })
        }
        "randint_i8" => {
            let mut out = vec![1i8; n];
            time(reps, || {
                rs.randint_into::<i8>(black_box(&mut out), -100, 100)
                    .unwrap()
            })
        }
        "randint_i64_0_1000" => {
            let mut out = vec![1i64; n];
            time(reps, || {
                rs.randint_into::<i64>(black_box(&mut out), 0, 1000)
                    .unwrap()
            })
        }
        "randint_u8_full" => {
            let mut out = vec![1u8; n];
            time(reps, || {
                rs.randint_into::<u8>(black_box(&mut out), 0, 256).unwrap()
            })
        }
        "randint_bool" => {
            let mut out = vec![false; n];
            time(reps, || {
                rs.randint_into::<bool>(black_box(&mut out), 0, 2).unwrap()
            })
        }
        "standard_gamma_2.5" => {
            let mut out = vec![1f64; n];
            time(reps, || {
                rs.standard_gamma_into(black_box(&mut out), 2.5).unwrap()
            })
        }
        "binomial_20_0.3" => {
            let mut out = vec![0i64; n];
            time(reps, || {
                rs.binomial_into(black_box(&mut out), 20, 0.3).unwrap()
            })
        }
        "poisson_30" => {
            let mut out = vec![0i64; n];
            time(reps, || rs.poisson_into(black_box(&mut out), 30.0).unwrap())
        }
        "permutation" => time(reps, || {
            let _ = black_box(rs.permutation(n as i64));
        }),
        "shuffle" => {
            let mut x: Vec<i64> = (0..n as i64).collect();
            time(reps, || rs.shuffle(black_box(&mut x)))
        }
        "pcg64_raw" => {
            let mut bg = nprand::Pcg64::new(12345);
            let mut out = vec![1u64; n];
            time(reps, || bg.random_raw_into(black_box(&mut out)))
        }
        "philox_raw" => {
            let mut bg = nprand::Philox::new(12345);
            let mut out = vec![1u64; n];
            time(reps, || {
                nprand::BitGenerator::random_raw_into(&mut bg, black_box(&mut out))
            })
        }
        "sfc64_raw" => {
            let mut bg = nprand::Sfc64::new(12345);
            let mut out = vec![1u64; n];
            time(reps, || {
                nprand::BitGenerator::random_raw_into(&mut bg, black_box(&mut out))
            })
        }
        "gen_integers_u8_full" => {
            let mut out = vec![1u8; n];
            time(reps, || {
                rng.integers_into(black_box(&mut out), 0, 256, false)
                    .unwrap()
            })
        }
        "gen_integers_bool" => {
            let mut out = vec![false; n];
            time(reps, || {
                rng.integers_into(black_box(&mut out), 0, 2, false).unwrap()
            })
        }
        #[cfg(feature = "python")]
        "py_random" => {
            let mut r = nprand::python::Random::new(12345);
            per_call(n, reps, move || r.random())
        }
        #[cfg(feature = "python")]
        "py_randrange" => {
            let mut r = nprand::python::Random::new(12345);
            per_call(n, reps, move || r.randrange_stop(1000).unwrap())
        }
        #[cfg(feature = "python")]
        "py_gauss" => {
            let mut r = nprand::python::Random::new(12345);
            per_call(n, reps, move || r.gauss(0.0, 1.0))
        }
        #[cfg(feature = "python")]
        "py_shuffle" => {
            let mut r = nprand::python::Random::new(12345);
            let mut x: Vec<i64> = (0..n as i64).collect();
            time(reps, || r.shuffle(black_box(&mut x)))
        }
        "gen_random" => {
            let mut out = vec![1f64; n];
            time(reps, || rng.random_into(black_box(&mut out)))
        }
        "gen_standard_normal" => {
            let mut out = vec![1f64; n];
            time(reps, || rng.standard_normal_into(black_box(&mut out)))
        }
        "gen_standard_exponential" => {
            let mut out = vec![1f64; n];
            time(reps, || rng.standard_exponential_into(black_box(&mut out)))
        }
        "gen_weibull" => {
            let mut out = vec![1f64; n];
            time(reps, || rng.weibull_into(black_box(&mut out), 1.5).unwrap())
        }
        // The broadcasting forms with scalar parameters, allocating as NumPy does.
        "weibull_array" => time(reps, || {
            black_box(rs.weibull_array(1.5, Some(&[n])).unwrap());
        }),
        "normal_array" => time(reps, || {
            black_box(rs.normal_array(0.0, 1.0, Some(&[n])).unwrap());
        }),
        "gen_normal_array" => time(reps, || {
            black_box(rng.normal_array(0.0, 1.0, Some(&[n])).unwrap());
        }),
        "gen_integers_i64" => {
            let mut out = vec![1i64; n];
            time(reps, || {
                rng.integers_into(black_box(&mut out), 0, 1000, false)
                    .unwrap()
            })
        }
        "advance" => time(reps, || {
            let mut g = Mt19937::new(1);
            g.advance(n as u128);
            black_box(&g);
        }),
        "first_jump" => {
            let t = Instant::now();
            let _ = black_box(mt.jumped(1));
            vec![t.elapsed().as_nanos() as f64]
        }
        "first_advance" => {
            let t = Instant::now();
            let mut g = Mt19937::new(1);
            g.advance(n as u128);
            black_box(&g);
            vec![t.elapsed().as_nanos() as f64]
        }
        "jumped" => time(reps, || {
            let _ = black_box(mt.jumped(1));
        }),
        _ => return None,
    })
}

/// Times `n` calls of `f`, one value each, written to a slice.
#[cfg(feature = "python")]
fn per_call<T: Copy + Default>(n: usize, reps: usize, mut f: impl FnMut() -> T) -> Vec<f64> {
    let mut out = vec![T::default(); n];
    time(reps, || {
        for o in black_box(&mut out).iter_mut() {
            *o = f();
        }
    })
}

#[inline(never)]
fn u32_loop(mt: &mut Mt19937, out: &mut [u32]) {
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

/// What a per-call loop costs with no generator behind it: `Mt19937`'s per-call path
/// (a block of words already tempered, a position, an out-of-line refill once per block
/// that sets the position back to 0 in the inlined code) over a block that is never
/// regenerated. `next_u32_fn` and `random_sample_fn` take this long plus their share of
/// the block's regeneration, whatever the kernels; the `* / floor` rows of
/// `bench_vs_numpy.py` show how far above it they are.
#[repr(C, align(64))]
struct Floor {
    /// Where `Mt19937` keeps its key, so the block and the position lie as in it.
    _key: [u32; 624],
    words: [u32; 624],
    pos: usize,
}

impl Floor {
    fn new() -> Self {
        let mut words = [0u32; 624];
        Mt19937::new(1).fill_u32(&mut words);
        Floor {
            _key: [0; 624],
            words,
            pos: 0,
        }
    }

    #[inline(always)]
    fn refill(&mut self) {
        floor_refill(&mut self.words);
        self.pos = 0;
    }

    #[inline]
    fn next_u32(&mut self) -> u32 {
        if self.pos >= 624 {
            self.refill();
        }
        let y = self.words[self.pos];
        self.pos += 1;
        y
    }

    /// As `Mt19937::next_f64`: both words from the block in one step when they are in it.
    #[inline]
    fn next_f64(&mut self) -> f64 {
        let p = self.pos;
        let (a, b) = if p < 623 {
            self.pos = p + 2;
            (self.words[p], self.words[p + 1])
        } else {
            let a = self.next_u32();
            (a, self.next_u32())
        };
        ((u64::from(a >> 5) << 26) | u64::from(b >> 6)) as f64 * (1.0 / 9_007_199_254_740_992.0)
    }
}

/// The refill's out-of-line part, doing nothing the compiler can see through.
#[cold]
#[inline(never)]
fn floor_refill(words: &mut [u32; 624]) {
    black_box(words);
}

#[inline(never)]
fn floor_u32_loop(floor: &mut Floor, out: &mut [u32]) {
    for o in out.iter_mut() {
        *o = floor.next_u32();
    }
}

#[inline(never)]
fn floor_f64_loop(floor: &mut Floor, out: &mut [f64]) {
    for o in out.iter_mut() {
        *o = floor.next_f64();
    }
}

#[inline(never)]
fn rand_mt_loop(mt: &mut rand_mt::Mt, out: &mut [u32]) {
    for o in out.iter_mut() {
        *o = mt.next_u32();
    }
}

fn report(item: &str, n: usize, reps: usize) -> String {
    match run(item, n, reps) {
        Some(t) => format!(
            "{{\"item\":\"{item}\",\"n\":{n},\"reps\":{reps},\"best_ns\":{:.0},\"median_ns\":{:.0},\"ns_per_elem\":{:.6}}}",
            t[0],
            t[t.len() / 2],
            t[0] / n.max(1) as f64
        ),
        None => format!("{{\"item\":\"{item}\",\"error\":\"unknown item\"}}"),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("info") => {
            // What the timings ran on: the kernel chosen at run time (MT19937, and the
            // PCG64 and Philox bulk fills, follow the same detection).
            println!(
                "{{\"mt19937_kernel\":\"{:?}\",\"available\":\"{:?}\"}}",
                Backend::detected(),
                Backend::available()
            );
        }
        Some("list") => {
            for (name, what) in ITEMS {
                if run_known(name) {
                    println!("{name}\t{what}");
                }
            }
        }
        Some("run") if args.len() >= 3 => {
            let n: usize = args[2].parse().expect("n");
            let reps: usize = args.get(3).map_or(5, |r| r.parse().expect("reps"));
            println!("{}", report(&args[1], n, reps));
        }
        Some("serve") => {
            let stdin = std::io::stdin();
            let mut stdout = std::io::stdout().lock();
            for line in stdin.lock().lines() {
                let line = line.expect("stdin");
                let f: Vec<&str> = line.split_whitespace().collect();
                let reply = match f.as_slice() {
                    [] => continue,
                    ["quit"] => break,
                    [item, n, reps] => match (n.parse(), reps.parse()) {
                        (Ok(n), Ok(r)) => report(item, n, r),
                        _ => "{\"error\":\"bad request\"}".to_string(),
                    },
                    _ => "{\"error\":\"bad request\"}".to_string(),
                };
                writeln!(stdout, "{reply}").unwrap();
                stdout.flush().unwrap();
            }
        }
        _ => {
            eprintln!("usage: bench list | bench run ITEM N [REPS] | bench serve");
            std::process::exit(2);
        }
    }
}

/// Whether `run` knows the item in this build (parallel items need the feature).
fn run_known(item: &str) -> bool {
    (!item.starts_with("par_") || cfg!(feature = "parallel"))
        && (!item.starts_with("py_") || cfg!(feature = "python"))
}
