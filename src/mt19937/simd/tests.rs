//! Tests of `mt19937/simd.rs`: every backend the machine has against the scalar twin.

use super::*;

#[test]
fn xor_kernels_agree() {
    let src: Vec<u8> = (0..5000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let words: Vec<u32> = (0..1300u32)
        .map(|i| i.wrapping_mul(2_654_435_761))
        .collect();
    for len in [0usize, 1, 31, 32, 33, 2494, 4999] {
        let mut outs = Vec::new();
        for b in Backend::available() {
            let mut d: Vec<u8> = src.iter().rev().copied().collect();
            xor_bytes(&mut d[..len], &src, b);
            let mut w: Vec<u32> = words.iter().rev().copied().collect();
            let wl = len.min(1300);
            xor_words(&mut w[..wl], &words, b);
            outs.push((d, w));
        }
        assert!(outs.windows(2).all(|p| p[0] == p[1]));
        let rl = len.min(4800);
        let rows: [&[u8]; 3] = [&src[7..], &src[100..], &src[..rl]];
        let outs: Vec<Vec<u8>> = Backend::available()
            .into_iter()
            .map(|b| {
                let mut d: Vec<u8> = src[..rl].iter().rev().copied().collect();
                xor_rows(&mut d, &rows, b);
                d
            })
            .collect();
        let want: Vec<u8> = (0..rl)
            .map(|i| src[rl - 1 - i] ^ src[7 + i] ^ src[100 + i] ^ src[i])
            .collect();
        assert!(outs.iter().all(|o| *o == want));
    }
}

#[test]
fn block_f64_kernels_agree() {
    let mut k = [0u32; N];
    for (i, w) in k.iter_mut().enumerate() {
        *w = (i as u32).wrapping_mul(0x9e37_79b9) ^ 0x1234_5678;
    }
    // Extreme words too: all-zero and all-one pairs give 0.0 and the largest double.
    k[10] = 0;
    k[11] = 0;
    for odd in [false, true] {
        for shift in 0..4 {
            for blocks in [1usize, 2, 5] {
                let len = blocks * (N / 2);
                let (mut kp, mut portable) = (k, vec![-1.0; len + 4]);
                fill_blocks_f64_portable(&mut kp, odd, &mut portable[shift..shift + len]);
                // the same doubles by the scalar definition
                let mut ks = k;
                let mut words = Vec::new();
                if odd {
                    words.push(ks[N - 1]);
                }
                for _ in 0..blocks {
                    twist_portable(&mut ks);
                    words.extend_from_slice(&ks[..]);
                }
                // the stream ends with the last block's word N - 1 unconsumed when odd
                words.truncate(2 * len);
                let expect: Vec<u64> = words
                    .chunks_exact(2)
                    .map(|w| to_f64(temper(w[0]) >> 5, temper(w[1]) >> 6).to_bits())
                    .collect();
                let got: Vec<u64> = portable[shift..shift + len]
                    .iter()
                    .map(|x| x.to_bits())
                    .collect();
                assert_eq!(got, expect, "portable odd {odd} shift {shift}");
                assert_eq!(kp, ks);
                for b in Backend::available() {
                    let (mut kb, mut out) = (k, vec![-1.0; len + 4]);
                    fill_blocks_f64(&mut kb, odd, &mut out[shift..shift + len], b);
                    assert_eq!(kb, kp, "{b:?}");
                    let same = out
                        .iter()
                        .zip(&portable)
                        .all(|(x, y)| x.to_bits() == y.to_bits());
                    assert!(same, "{b:?} odd {odd} shift {shift} blocks {blocks}");
                }
            }
        }
    }
}

/// The bulk `fill_u32` kernel (regenerate and temper into the output, block after
/// block) against the reference loop on every backend, at every output alignment.
#[test]
fn block_u32_kernels_agree() {
    let mut k = [0u32; N];
    for (i, w) in k.iter_mut().enumerate() {
        *w = (i as u32).wrapping_mul(0x9e37_79b9) ^ 0x0f0f_3c3c;
    }
    for blocks in [1usize, 2, 5] {
        let len = blocks * N;
        let mut ks = k;
        let mut expect = Vec::new();
        for _ in 0..blocks {
            twist_portable(&mut ks);
            expect.extend(ks.iter().map(|&w| temper(w)));
        }
        for shift in 0..17 {
            for b in Backend::available() {
                let (mut kb, mut out) = (k, vec![7u32; len + 17]);
                fill_blocks_u32(&mut kb, &mut out[shift..shift + len], b);
                assert_eq!(kb, ks, "{b:?}");
                assert_eq!(out[shift..shift + len], expect[..], "{b:?} shift {shift}");
                assert!(out[..shift]
                    .iter()
                    .chain(&out[shift + len..])
                    .all(|&w| w == 7));
            }
        }
    }
}

#[test]
fn pair_conversion_extremes() {
    // pairs_to_f64 on all-zero and all-one words and others: compare backends.
    let words: Vec<u32> = (0..64u32)
        .map(|i| match i % 8 {
            0 | 1 => 0,
            2 | 3 => u32::MAX,
            _ => i.wrapping_mul(0x8765_4321),
        })
        .collect();
    let tempered: Vec<u32> = words.iter().map(|&w| temper(w)).collect();
    let mut outs = Vec::new();
    for b in Backend::available() {
        // Every length up to 32, so that the vector loops and the scalar tail all run.
        for len in 0..=32 {
            let mut out = vec![0.0; 32];
            pairs_to_f64::<true>(&words[..2 * len], &mut out[..len], b);
            let mut from_tempered = vec![0.0; 32];
            pairs_to_f64::<false>(&tempered[..2 * len], &mut from_tempered[..len], b);
            let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&out), bits(&from_tempered), "{b:?} length {len}");
            if len == 32 {
                outs.push(out.iter().map(|x| x.to_bits()).collect::<Vec<_>>());
            }
        }
    }
    let expect: Vec<u64> = words
        .chunks_exact(2)
        .map(|w| to_f64(temper(w[0]) >> 5, temper(w[1]) >> 6).to_bits())
        .collect();
    assert!(outs.iter().all(|o| *o == expect));
    // temper(0) == 0, so the first pair is exactly +0.0
    assert_eq!(expect[0], 0);
}

#[test]
fn twist_kernels_agree() {
    let mut k = [0u32; N];
    for (i, w) in k.iter_mut().enumerate() {
        *w = (i as u32).wrapping_mul(0x9e37_79b9) ^ 0x5555_aaaa;
    }
    let mut portable = k;
    for _ in 0..3 {
        twist_portable(&mut portable);
    }
    for b in Backend::available() {
        let mut x = k;
        for _ in 0..3 {
            twist(&mut x, b);
        }
        assert_eq!(x, portable, "{b:?}");
    }
}

/// The one-conversion `to_f64` is NumPy's two-conversion expression bit for bit, at the
/// ends of both ranges and on a spread of values between.
#[test]
fn to_f64_is_numpys_expression() {
    let numpy = |a: u32, b: u32| (a as f64 * 67_108_864.0 + b as f64) / 9_007_199_254_740_992.0;
    let mut edges: Vec<u32> = vec![0, 1, 2, 3, (1 << 26) - 1, (1 << 26) - 2, 1 << 25];
    edges.extend((0..2000u32).map(|i| i.wrapping_mul(2_654_435_761) >> 6));
    for &a in &edges {
        for &b in &edges {
            let (a, b) = (a & ((1 << 27) - 1), b & ((1 << 26) - 1));
            assert_eq!(to_f64(a, b).to_bits(), numpy(a, b).to_bits(), "{a} {b}");
        }
    }
    assert_eq!(
        to_f64((1 << 27) - 1, (1 << 26) - 1),
        1.0 - f64::EPSILON / 2.0
    );
}

/// The fused regenerate-and-temper kernel against its safe twin on every backend.
#[test]
fn twist_tempered_kernels_agree() {
    let mut k = [0u32; N];
    for (i, w) in k.iter_mut().enumerate() {
        *w = (i as u32).wrapping_mul(0x9e37_79b9) ^ 0x5a5a_1234;
    }
    for rounds in 1..4 {
        let (mut kp, mut tp) = (k, [0u32; N]);
        for _ in 0..rounds {
            twist_tempered_portable(&mut kp, &mut tp);
        }
        // the twin is the reference loop followed by the tempering
        let mut kr = k;
        for _ in 0..rounds {
            twist_portable(&mut kr);
        }
        assert_eq!(kp, kr);
        assert!(tp.iter().zip(&kr).all(|(&t, &w)| t == temper(w)));
        for b in Backend::available() {
            let (mut kb, mut tb) = (k, [0u32; N]);
            for _ in 0..rounds {
                twist_tempered(&mut kb, &mut tb, b);
            }
            assert_eq!((kb, tb), (kp, tp), "{b:?}");
        }
    }
}
