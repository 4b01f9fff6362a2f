//! Correctness of the fast MT19937 paths: SIMD kernels vs the portable ones, `advance` vs
//! stepping, `jumped`/`advance` vs NumPy (fixtures/jump/cases.json, written by
//! scripts/gen_fixtures.py, family `jump`, from numpy 2.4.6), the `parallel` fills vs the serial ones,
//! and the `rand_mt` crate vs ours. No timings here (see benches/ and examples/bench.rs).

use nprand::mt19937::{Backend, N};
use nprand::Mt19937;
use serde_json::Value;

mod common;

/// A few generators in different situations: fresh seeds (pos 624), every kind of
/// mid-block position, pos 0, and degenerate keys.
fn starts() -> Vec<Mt19937> {
    let mut v = vec![
        Mt19937::new(0),
        Mt19937::new(12345),
        Mt19937::from_key(&[1, 2, 3]).unwrap(),
    ];
    for (seed, draws) in [
        (5u32, 1usize),
        (6, 2),
        (7, 311),
        (8, 622),
        (9, 623),
        (10, 624),
        (11, 1001),
    ] {
        let mut g = Mt19937::new(seed);
        for _ in 0..draws {
            g.next_u32();
        }
        v.push(g);
    }
    let g = Mt19937::new(77);
    v.push(Mt19937::from_state(*g.key(), 0).unwrap());
    v.push(Mt19937::from_state([0xffff_ffff; N], 624).unwrap());
    v.push(Mt19937::from_state([0; N], 100).unwrap());
    v
}

const LENGTHS: &[usize] = &[
    0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 311, 312, 313, 623, 624, 625, 1247, 1248, 1249, 5000,
];

#[test]
fn every_backend_gives_the_scalar_u32_stream() {
    let backends = Backend::available();
    assert!(backends.contains(&Backend::detected()));
    let mut checked = 0;
    for start in starts() {
        for &len in LENGTHS {
            let mut scalar = start.clone();
            let expect: Vec<u32> = (0..len).map(|_| scalar.next_u32()).collect();
            for &b in &backends {
                let mut g = start.clone();
                let mut out = vec![0u32; len];
                g.fill_u32_with(&mut out, b);
                assert_eq!(out, expect, "{b:?} len {len} from {start:?}");
                assert_eq!(g, scalar, "{b:?} final state, len {len}");
                checked += 1;
            }
        }
    }
    assert!(checked >= starts().len() * LENGTHS.len());
}

#[test]
fn every_backend_gives_the_scalar_f64_stream() {
    for start in starts() {
        for &len in LENGTHS {
            let mut scalar = start.clone();
            let expect: Vec<u64> = (0..len).map(|_| scalar.next_f64().to_bits()).collect();
            for b in Backend::available() {
                let mut g = start.clone();
                let mut out = vec![0f64; len];
                g.fill_f64_with(&mut out, b);
                let bits: Vec<u64> = out.iter().map(|x| x.to_bits()).collect();
                assert_eq!(bits, expect, "{b:?} len {len} from {start:?}");
                assert_eq!(g, scalar, "{b:?} final state, len {len}");
            }
        }
    }
}

#[test]
fn simd_and_portable_agree_on_long_streams() {
    // Many consecutive blocks, split into uneven pieces, from several seeds.
    for seed in [1u32, 2, 3, 4_294_967_295] {
        let mut fast = Mt19937::new(seed);
        let mut slow = fast.clone();
        for len in [100_003usize, 37, 624 * 9 + 5, 1] {
            let (mut a, mut b) = (vec![0u32; len], vec![0u32; len]);
            fast.fill_u32_with(&mut a, Backend::detected());
            slow.fill_u32_with(&mut b, Backend::Portable);
            assert_eq!(a, b);
            let (mut x, mut y) = (vec![0f64; len], vec![0f64; len]);
            fast.fill_f64_with(&mut x, Backend::detected());
            slow.fill_f64_with(&mut y, Backend::Portable);
            assert!(x.iter().zip(&y).all(|(p, q)| p.to_bits() == q.to_bits()));
            assert_eq!(fast, slow);
        }
    }
}

/// Large fills take the whole-block (streaming-store) path from pos 624 or 623: from every
/// starting position (odd ones put a double across every block boundary), lengths around
/// and beyond the threshold, output slices at every 8-byte alignment. Checked against the
/// portable backend, `next_f64`, and the final state.
#[test]
fn large_f64_fills_from_every_position() {
    let g = Mt19937::new(2024);
    let mut buf = vec![0f64; 40_000];
    for pos in 0..=N {
        let len = 32_768 + (pos * 37) % 3000 - 1000;
        let shift = pos % 4;
        let start = Mt19937::from_state(*g.key(), pos).unwrap();
        let mut scalar = start.clone();
        let expect: Vec<u64> = (0..len).map(|_| scalar.next_f64().to_bits()).collect();
        for b in Backend::available() {
            let mut m = start.clone();
            let out = &mut buf[shift..shift + len];
            out.fill(-1.0);
            m.fill_f64_with(out, b);
            assert!(
                out.iter().zip(&expect).all(|(x, e)| x.to_bits() == *e),
                "{b:?} pos {pos} len {len}"
            );
            assert_eq!(m, scalar, "{b:?} final state, pos {pos} len {len}");
        }
    }
}

#[test]
fn very_large_f64_fill_matches_portable() {
    for (seed, skip) in [(3u32, 0usize), (4, 1), (5, 623), (6, 624)] {
        let mut a = Mt19937::new(seed);
        for _ in 0..skip {
            a.next_u32();
        }
        let mut b = a.clone();
        let len = 1_000_003;
        let (mut x, mut y) = (vec![0f64; len], vec![0f64; len]);
        a.fill_f64_with(&mut x, Backend::detected());
        b.fill_f64_with(&mut y, Backend::Portable);
        assert!(x.iter().zip(&y).all(|(p, q)| p.to_bits() == q.to_bits()));
        assert_eq!(a, b);
        assert_eq!(a.next_f64().to_bits(), b.next_f64().to_bits());
    }
}

#[test]
fn fill_bytes_is_little_endian_words() {
    for start in starts().into_iter().take(6) {
        for len in [0usize, 1, 3, 4, 5, 2495, 2496, 2497, 10_001] {
            let mut g = start.clone();
            let mut out = vec![0u8; len];
            g.fill_bytes(&mut out);
            let mut s = start.clone();
            let mut expect = Vec::new();
            while expect.len() < len {
                expect.extend_from_slice(&s.next_u32().to_le_bytes());
            }
            expect.truncate(len);
            assert_eq!(out, expect);
            assert_eq!(g, s);
        }
    }
}

#[test]
fn rand_mt_crate_gives_the_same_words() {
    let mut ours = Mt19937::new(5489);
    let mut theirs = rand_mt::Mt::new(5489);
    let mut buf = vec![0u32; 10_000];
    ours.fill_u32(&mut buf);
    assert!(buf.iter().all(|&w| w == theirs.next_u32()));
    let key = [0x123u32, 0x234, 0x345, 0x456];
    let mut ours = Mt19937::from_key(&key).unwrap();
    let mut theirs = rand_mt::Mt::new_with_key(key.iter().copied());
    ours.fill_u32(&mut buf);
    assert!(buf.iter().all(|&w| w == theirs.next_u32()));
}

#[test]
fn advance_equals_stepping_for_small_n() {
    // Every n up to three blocks, from every kind of start position.
    for start in starts() {
        let mut stepped = start.clone();
        for n in 0..3 * N as u128 + 5 {
            let mut g = start.clone();
            g.advance(n);
            assert_eq!(g, stepped, "n {n} from {start:?}");
            stepped.next_u32();
        }
    }
}

#[test]
fn advance_equals_stepping_near_the_polynomial_threshold_and_beyond() {
    // Both sides of the switch from direct regeneration to polynomial jumps (the fixtures
    // check these against NumPy as well), and a few odd sizes.
    for start in starts().into_iter().step_by(2) {
        for n in [
            624 * 8192 - 1u128,
            624 * 8192,
            624 * 8192 + 1,
            624 * 8193 + 623,
            6_000_017,
        ] {
            let mut a = start.clone();
            a.advance(n);
            let mut b = start.clone();
            let mut sink = vec![0u32; n as usize];
            b.fill_u32(&mut sink);
            assert_eq!(a, b, "n {n} from {start:?}");
        }
    }
}

#[test]
fn advance_composes() {
    let g = Mt19937::new(31337);
    for (x, y) in [
        (1u128 << 64, 12_345u128),
        (3_000_000, 5_000_000),
        (u128::MAX / 2, u128::MAX / 2),
        (1, 1 << 127),
    ] {
        let mut a = g.clone();
        a.advance(x);
        a.advance(y);
        let mut b = g.clone();
        b.advance(y);
        b.advance(x);
        assert_eq!(a, b);
        if let Some(s) = x.checked_add(y) {
            let mut c = g.clone();
            c.advance(s);
            assert_eq!(a, c);
        }
    }
    // u128::MAX does not overflow.
    let mut a = g.clone();
    a.advance(u128::MAX);
    assert!(a.pos() <= N);
}

#[test]
fn jumped_leaves_the_original_alone_and_composes() {
    let g = Mt19937::new(2024);
    let before = g.clone();
    let j3 = g.jumped(3);
    assert_eq!(g, before);
    assert_eq!(j3, g.jumped(1).jumped(1).jumped(1));
    assert_eq!(g.jumped(0), g);
}

#[test]
fn jumped_agrees_with_advance_for_the_first_words() {
    // NumPy's jump reads (key, 624) as a circular state at pointer 0; the result is the
    // state 2^128 words on, laid out with the pointer at 589. So its first 35 words are
    // the words 2^128 - 624 on (see Mt19937::jumped), except for the low bits of the
    // first word.
    for seed in [1u32, 2, 3] {
        let g = Mt19937::new(seed);
        let mut j = g.jumped(1);
        assert_eq!(j.pos(), 589);
        let mut a = g.clone();
        a.advance(u128::MAX - 624); // 2^128 - 625
        a.advance(1);
        // The first (untempered) word differs only in NumPy's extra low 31 bits.
        let (x, y) = (j.key()[j.pos()], a.key()[a.pos() % N]);
        assert_eq!(x >> 31, y >> 31);
        j.next_u32();
        a.next_u32();
        for k in 1..35 {
            assert_eq!(j.next_u32(), a.next_u32(), "seed {seed} word {k}");
        }
        assert_ne!(j.next_u32(), a.next_u32());
    }
}

fn load_fixtures() -> Vec<(String, Value)> {
    let doc = common::load_json("jump/cases.json");
    doc["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .map(|c| (c["case"]["id"].as_str().unwrap().to_string(), c.clone()))
        .collect()
}

fn words(v: &Value) -> Vec<u32> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_u64().unwrap() as u32)
        .collect()
}

fn start_of(case: &Value) -> Mt19937 {
    let init = &case["init"];
    let mut g = if let Some(s) = init.get("seed") {
        Mt19937::new(s.as_u64().unwrap() as u32)
    } else {
        Mt19937::from_key(&words(&init["seed_array"])).unwrap()
    };
    for _ in 0..case["pre_draws"].as_u64().unwrap() {
        g.next_u32();
    }
    if let Some(p) = case.get("set_pos") {
        g = Mt19937::from_state(*g.key(), p.as_u64().unwrap() as usize).unwrap();
    }
    g
}

#[test]
fn jump_and_advance_fixtures_match_numpy() {
    let fixtures = load_fixtures();
    let (mut jumps, mut advances) = (0, 0);
    for (name, fx) in &fixtures {
        let case = &fx["case"];
        let start = start_of(case);
        let got = if let Some(j) = case.get("jumps") {
            jumps += 1;
            start.jumped(j.as_u64().unwrap() as u32)
        } else {
            advances += 1;
            let mut g = start.clone();
            g.advance(case["advance"].as_u64().unwrap() as u128);
            g
        };
        let key: Vec<u32> = words(&fx["expected"]["key"]);
        let pos = fx["expected"]["pos"].as_u64().unwrap() as usize;
        assert_eq!(got.pos(), pos, "{name}: pos");
        assert_eq!(&got.key()[..], &key[..], "{name}: key");
    }
    eprintln!("jump fixtures: {jumps} jumped and {advances} advance cases match NumPy");
    assert!(jumps >= 67 && advances >= 17, "{jumps} {advances}");
}

#[cfg(feature = "parallel")]
mod parallel {
    use super::*;

    fn pools() -> Vec<rayon::ThreadPool> {
        [1usize, 2, 3, 4]
            .iter()
            .map(|&t| {
                rayon::ThreadPoolBuilder::new()
                    .num_threads(t)
                    .build()
                    .unwrap()
            })
            .collect()
    }

    #[test]
    fn par_fills_equal_serial_fills() {
        let len = (1usize << 22) + 12_345; // above the parallel threshold
        for pool in pools() {
            for start in starts().into_iter().step_by(3) {
                pool.install(|| {
                    let (mut a, mut b) = (start.clone(), start.clone());
                    let (mut x, mut y) = (vec![0u32; len], vec![0u32; len]);
                    a.par_fill_u32(&mut x);
                    b.fill_u32(&mut y);
                    assert!(
                        x == y && a == b,
                        "u32, {} threads",
                        pool.current_num_threads()
                    );

                    let (mut x, mut y) = (vec![0f64; len / 2 + 1], vec![0f64; len / 2 + 1]);
                    a.par_fill_f64(&mut x);
                    b.fill_f64(&mut y);
                    assert!(x.iter().zip(&y).all(|(p, q)| p.to_bits() == q.to_bits()));
                    assert_eq!(a, b, "f64 final state");

                    let (mut x, mut y) = (vec![0u8; 4 * len + 3], vec![0u8; 4 * len + 3]);
                    a.par_fill_bytes(&mut x);
                    b.fill_bytes(&mut y);
                    assert!(x == y && a == b, "bytes");
                });
            }
        }
    }

    #[test]
    fn random_sample_into_uses_all_cores_and_equals_the_serial_stream() {
        // With the feature, RandomState::random_sample_into splits large outputs.
        let len = (1usize << 21) + 777;
        for seed in [0u32, 12345] {
            let mut rs = nprand::RandomState::new(seed);
            rs.random_sample_into(&mut vec![0.0; 311]); // an odd position in the block
            let mut mt = rs.bit_generator_mut().clone();
            let (mut x, mut y) = (vec![0f64; len], vec![0f64; len]);
            rs.random_sample_into(&mut x);
            mt.fill_f64(&mut y);
            assert!(x.iter().zip(&y).all(|(p, q)| p.to_bits() == q.to_bits()));
            assert_eq!(rs.bit_generator_mut(), &mt);
        }
    }

    #[test]
    fn small_par_fills_are_serial_and_equal() {
        let mut a = Mt19937::new(3);
        let mut b = a.clone();
        for len in [0usize, 1, 623, 625, 100_000] {
            let (mut x, mut y) = (vec![0f64; len], vec![0f64; len]);
            a.par_fill_f64(&mut x);
            b.fill_f64(&mut y);
            assert!(x.iter().zip(&y).all(|(p, q)| p.to_bits() == q.to_bits()));
            assert_eq!(a, b);
        }
    }
}
