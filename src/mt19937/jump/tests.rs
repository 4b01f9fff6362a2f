//! Tests of `mt19937/jump.rs`: the polynomial arithmetic against slow references, jumps against stepping.

use super::*;
use crate::Mt19937;

#[test]
fn embedded_characteristic_polynomial_is_berlekamp_massey() {
    assert_eq!(characteristic_poly_embedded(), characteristic_poly_bm());
}

#[test]
fn characteristic_polynomial_has_degree_19937() {
    let p = characteristic_polynomial();
    assert_eq!(degree(&p), Some(MEXP));
    // x^(2^19937) = x mod p is too slow for a unit test; the jump fixtures check
    // p(x) against NumPy instead.
}

#[test]
// `&jump_poly()`: a `&'static [u8]` with `std`, a fresh `Vec` without.
#[allow(clippy::needless_borrow)]
fn numpy_jump_polynomial_shape() {
    // NumPy documents degree 19933 with constant term 1 (its pos moves by 19933).
    let j = &jump_poly();
    assert_eq!(degree(j), Some(19933));
    assert!(bit(j, 0));
}

#[test]
fn small_powers_are_monomials() {
    let f = field();
    let r = f.x_pow(3, 624, 5);
    assert_eq!(degree(&r), Some(3 * 624 + 5));
    assert_eq!(r.iter().map(|b| b.count_ones()).sum::<u32>(), 1);
}

#[test]
fn polynomial_twists_equal_direct_twists() {
    for (seed, t) in [
        (1u32, 1u128),
        (2, 2),
        (3, 31),
        (4, 32),
        (5, 33),
        (6, 40),
        (7, 100),
    ] {
        let mut mt = Mt19937::new(seed);
        // Start from a state that is not a consistent MT window, as seeding gives.
        let key = *mt.key();
        let fast = twist_many(&key, t);
        for _ in 0..t {
            mt.twist();
        }
        assert_eq!(&fast, mt.key(), "seed {seed}, t {t}");
    }
}

#[test]
fn windowed_horner_is_the_sum_of_stepped_states() {
    // r(F)·S = sum of F^i·S over the set coefficients, each added aligned at its
    // pointer; degrees around the window size and its multiples, and r = 1.
    let mt = Mt19937::new(11);
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for deg in [0usize, 1, 2, 6, 7, 8, 13, 14, 15, 64, 650, 1300] {
        let mut r = vec![0u8; PB];
        for i in 0..deg {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            if seed & 1 == 1 {
                r[i / 8] |= 1 << (i % 8);
            }
        }
        r[deg / 8] |= 1 << (deg % 8);
        for ps in [0usize, 5, 623] {
            let (k, p) = horner(&r, mt.key(), ps);
            let pr = (ps + deg) % N;
            assert_eq!(p, pr);
            let mut want = [0u32; N];
            let (mut f, mut pf) = (*mt.key(), ps);
            for i in 0..=deg {
                if bit(&r, i) {
                    for j in 0..N {
                        want[(pr + j) % N] ^= f[(pf + j) % N];
                    }
                }
                gen_next(&mut f, &mut pf);
            }
            assert_eq!(k, want, "deg {deg}, ps {ps}");
        }
    }
}

#[test]
fn grouped_reduction_is_long_division() {
    // A square-sized input (and one byte more, so the single-byte tail runs too),
    // reduced bit by bit with shifted copies of p(x).
    let f = field();
    let p = characteristic_polynomial();
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let a: Vec<u8> = (0..2 * PB + 1)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed as u8
        })
        .collect();
    let mut want = a.clone();
    for i in (MEXP..8 * want.len()).rev() {
        if bit(&want, i) {
            let (bytes, bits) = ((i - MEXP) / 8, (i - MEXP) % 8);
            for (j, &v) in p.iter().enumerate() {
                let w = (v as u16) << bits;
                want[j + bytes] ^= w as u8;
                if j + bytes + 1 < want.len() {
                    want[j + bytes + 1] ^= (w >> 8) as u8;
                }
            }
        }
    }
    want.truncate(PB);
    assert_eq!(f.reduce(a), want);
}

#[cfg(feature = "std")]
#[test]
fn cached_twist_polynomials_are_fresh_ones() {
    // More distinct t than the cache holds, twice over: hits, misses and evictions
    // all give x^(624 t - 1) mod p.
    for _ in 0..2 {
        for t in 1..=(2 * TWIST_POLY_CACHE as u128 + 1) {
            assert_eq!(*twist_poly(t), field().x_pow(t - 1, N, N - 1), "t {t}");
        }
    }
}

#[test]
fn horner_with_monomial_is_stepping() {
    let mt = Mt19937::new(9);
    let mut r = vec![0u8; PB];
    r[100 / 8] |= 1 << (100 % 8);
    let (k, p) = horner(&r, mt.key(), 7);
    let (mut k2, mut p2) = (*mt.key(), 7);
    for _ in 0..100 {
        gen_next(&mut k2, &mut p2);
    }
    assert_eq!((k, p), (k2, p2));
}
