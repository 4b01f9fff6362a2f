//! The bulk `randint_into` against the one-value-at-a-time engine it replaced, bit
//! for bit and state for state.

use super::super::test_util::{assert_same_state, start, starts};
use super::*;
use core::fmt::Debug;
use proptest::prelude::*;

#[derive(Default)]
struct RefBuffer {
    remaining: u32,
    buf: u32,
}

fn ref_buffered(rs: &mut RandomState, bits: u32, buf: &mut RefBuffer) -> u64 {
    if buf.remaining == 0 {
        buf.buf = rs.bitgen.next_u32();
        buf.remaining = 32 / bits - 1;
    } else {
        buf.buf >>= bits;
        buf.remaining -= 1;
    }
    buf.buf as u64
}

/// NumPy's `random_buffered_bounded_*` / `random_bounded_uint64` (masked), one
/// value at a time: the reference.
fn ref_bounded(rs: &mut RandomState, bits: u32, off: u64, rng: u64, buf: &mut RefBuffer) -> u64 {
    if rng == 0 {
        return off;
    }
    let mask = gen_mask(rng);
    let v = match bits {
        1 => return ref_buffered(rs, 1, buf) & 1,
        8 | 16 => loop {
            let v = ref_buffered(rs, bits, buf) & mask;
            if v <= rng {
                break v;
            }
        },
        _ if rng <= 0xFFFF_FFFF => {
            if rng == 0xFFFF_FFFF {
                rs.bitgen.next_u32() as u64
            } else {
                loop {
                    let v = rs.bitgen.next_u32() as u64 & mask;
                    if v <= rng {
                        break v;
                    }
                }
            }
        }
        _ => {
            if rng == u64::MAX {
                rs.bitgen.next_u64()
            } else {
                loop {
                    let v = rs.bitgen.next_u64() & mask;
                    if v <= rng {
                        break v;
                    }
                }
            }
        }
    };
    off.wrapping_add(v)
}

fn check<T: RandintDtype + PartialEq + Debug>(s: &RandomState, n: usize, low: i128, high: i128) {
    let what = format!(
        "{} n {n} [{low}, {high}) from pos {}",
        T::NAME,
        s.bitgen.pos()
    );
    let (off, rng) = randint_bounds::<T>(low, high).unwrap();
    // one call: one buffer
    let mut r = s.clone();
    let mut buf = RefBuffer::default();
    let expect: Vec<T> = (0..n)
        .map(|_| T::from_bits(ref_bounded(&mut r, T::BITS, off, rng, &mut buf)))
        .collect();
    let mut a = s.clone();
    let mut out = vec![T::from_bits(0x5a5a_5a5a_5a5a_5a5a); n];
    a.randint_into(&mut out, low, high).unwrap();
    assert_eq!(out, expect, "{what}");
    assert_same_state(&a, &r, &what);
    // the broadcast path (still value by value) with the same bounds
    let mut b = s.clone();
    b.randint_broadcast_into(&mut out, &vec![low; n], &vec![high; n])
        .unwrap();
    assert_eq!(out, expect, "broadcast {what}");
    assert_same_state(&b, &r, &what);
    // scalar calls: a fresh buffer each
    let mut r = s.clone();
    let expect: Vec<T> = (0..n.min(700))
        .map(|_| {
            let mut buf = RefBuffer::default();
            T::from_bits(ref_bounded(&mut r, T::BITS, off, rng, &mut buf))
        })
        .collect();
    let mut c = s.clone();
    let got: Vec<T> = (0..n.min(700))
        .map(|_| c.randint_dtype::<T>(low, high).unwrap())
        .collect();
    assert_eq!(got, expect, "scalar {what}");
    assert_same_state(&c, &r, &what);
}

/// Bounds that exercise every path of a dtype: one value (no draw), full range,
/// masks equal to the range (no rejection), ranges just above a power of two
/// (most rejection), and a few in between.
fn bounds(lb: i128, ub: i128) -> Vec<(i128, i128)> {
    let mut v = vec![
        (lb, ub + 1),
        (lb, lb + 1),
        (ub, ub + 1),
        (0, 1),
        (0, 2),
        (lb, lb + 2),
    ];
    for k in [1u32, 2, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 62, 63] {
        let span = 1i128 << k;
        for (lo, w) in [
            (0i128, span),
            (0, span + 1),
            (lb, span - 1),
            (ub - span, span),
        ] {
            let hi = lo + w;
            if lo >= lb && hi - 1 <= ub && hi > lo {
                v.push((lo, hi));
            }
        }
    }
    v.push((lb.max(-1000), (1000i128).min(ub + 1)));
    v.push((lb.max(-100), (100i128).min(ub + 1)));
    v.retain(|&(l, h)| l >= lb && h - 1 <= ub && l < h);
    v
}

const SIZES: &[usize] = &[
    0, 1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 18, 19, 20, 31, 32, 33, 311, 312, 313, 623, 624, 625, 2500,
];

fn check_dtype<T: RandintDtype + PartialEq + Debug>() {
    for (i, s) in starts().iter().enumerate() {
        if i % 3 != 0 {
            continue;
        }
        for (low, high) in bounds(T::LB, T::UB) {
            for &n in SIZES {
                check::<T>(s, n, low, high);
            }
        }
    }
    for s in starts() {
        check::<T>(&s, 10_000, T::LB.max(-100), (100i128).min(T::UB + 1));
    }
}

#[test]
fn bool_matches_reference() {
    check_dtype::<bool>();
}
#[test]
fn int8_matches_reference() {
    check_dtype::<i8>();
    check_dtype::<u8>();
}
#[test]
fn int16_matches_reference() {
    check_dtype::<i16>();
    check_dtype::<u16>();
}
#[test]
fn int32_matches_reference() {
    check_dtype::<i32>();
    check_dtype::<u32>();
}
#[test]
fn int64_matches_reference() {
    check_dtype::<i64>();
    check_dtype::<u64>();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_bounds_any_start(
        seed: u32,
        skip in 0usize..1300,
        n in 0usize..1500,
        a: i64,
        b: i64,
        small in 0i64..600,
    ) {
        let s = start(seed, skip, None);
        let (lo, hi) = (a.min(b) as i128, a.max(b) as i128 + 1);
        check::<i64>(&s, n, lo, hi);
        check::<u64>(&s, n, 0, (a as u64) as i128 + 1);
        check::<i64>(&s, n, -small as i128, small as i128 + 1);
        check::<i8>(&s, n, -128, (small % 256) as i128 - 127);
        check::<u16>(&s, n, 0, (a as u16) as i128 + 1);
        check::<i32>(&s, n, (a as i32).min(b as i32) as i128, (a as i32).max(b as i32) as i128 + 1);
        check::<bool>(&s, n, 0, 1 + (small % 2) as i128);
    }
}
