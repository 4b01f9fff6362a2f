//! Tests of `mt19937.rs`.

use super::simd::temper;
use super::*;

/// Generators at every kind of position: fresh (624), 0, odd/even near the ends.
fn starts() -> Vec<Mt19937> {
    let mut v = Vec::new();
    for skip in [0usize, 1, 2, 3, 310, 311, 312, 622, 623, 624, 625, 1247] {
        let mut g = Mt19937::new(skip as u32 + 9);
        for _ in 0..skip {
            g.next_u32();
        }
        v.push(g);
    }
    let g = Mt19937::new(77);
    v.push(Mt19937::from_state(*g.key(), 0).unwrap());
    v
}

#[test]
fn peek_then_consume_is_next_u32() {
    for start in starts() {
        for len in [1usize, 2, 7, 311, 624, 700] {
            let mut a = start.clone();
            let mut b = start.clone();
            let mut buf = vec![0u32; len];
            let mut taken = 0;
            while taken < 2000 {
                let got = a.peek_u32(&mut buf);
                assert!(got >= 1);
                // consume only part of what was shown
                let k = (got / 2).max(1);
                for &w in &buf[..k] {
                    assert_eq!(w, b.next_u32());
                }
                a.consume(k);
                taken += k;
                assert_eq!(a, b);
            }
        }
    }
}

#[test]
fn f64_reader_is_next_f64() {
    for start in starts() {
        // a pattern of single takes, chunk takes and early drops
        for pattern in [1usize, 2, 3, 5, 64, 200] {
            let mut a = start.clone();
            let mut b = start.clone();
            for round in 0..12 {
                {
                    let mut rd = F64Reader::new(&mut a);
                    for i in 0..(pattern * (round + 1)) {
                        if i % 3 == 0 {
                            let c = rd.chunk();
                            let k = c.len().min(pattern);
                            let got: Vec<f64> = c[..k].to_vec();
                            for x in got {
                                assert_eq!(x.to_bits(), b.next_f64().to_bits());
                            }
                            rd.take(k);
                            if k == 0 {
                                assert_eq!(rd.next().to_bits(), b.next_f64().to_bits());
                            }
                        } else {
                            assert_eq!(rd.next().to_bits(), b.next_f64().to_bits());
                        }
                    }
                }
                assert_eq!(a, b, "pattern {pattern} round {round}");
            }
            // a reader that takes nothing leaves the state alone (even at pos 624)
            let before = a.clone();
            drop(F64Reader::new(&mut a));
            assert_eq!(a, before);
        }
    }
}

/// The reference generator: NumPy's scalar loop on `(key, pos)` alone, with the portable
/// regeneration and tempering per word (no read-ahead).
#[derive(Clone)]
struct Reference {
    key: [u32; N],
    pos: usize,
}

impl Reference {
    fn of(mt: &Mt19937) -> Self {
        Reference {
            key: *mt.key(),
            pos: mt.pos(),
        }
    }

    fn next_u32(&mut self) -> u32 {
        if self.pos >= N {
            simd::twist_portable(&mut self.key);
            self.pos = 0;
        }
        self.pos += 1;
        temper(self.key[self.pos - 1])
    }

    fn next_f64(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (a as f64 * 67_108_864.0 + b as f64) / 9_007_199_254_740_992.0
    }
}

/// The read-ahead invariant, and the NumPy state equal to the reference's.
fn check(mt: &Mt19937, r: &Reference, ctx: &str) {
    assert_eq!(mt.pos, r.pos, "pos: {ctx}");
    assert!(mt.key == r.key, "key: {ctx}");
    for i in mt.pos..N {
        assert_eq!(
            mt.tempered[i],
            temper(mt.key[i]),
            "read-ahead word {i}: {ctx}"
        );
    }
}

/// A small deterministic sequence of choices (xorshift).
struct Dice(u64);

impl Dice {
    fn roll(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// Scalar calls (served from the tempered read-ahead) interleaved with every bulk path,
/// state change and jump, on every backend: each output and the NumPy state after each
/// step equal the reference loop's, and the read-ahead invariant holds throughout.
#[test]
fn scalar_and_bulk_calls_interleave_like_the_reference() {
    let lens = [0usize, 1, 2, 3, 311, 312, 313, 623, 624, 625, 1000, 1249];
    for backend in Backend::available() {
        for (s, start) in starts().into_iter().enumerate() {
            let mut mt = start;
            let mut r = Reference::of(&mt);
            let mut dice = Dice(0x9e37_79b9_7f4a_7c15 ^ s as u64);
            for step in 0..300 {
                let op = dice.roll(13);
                let len = lens[dice.roll(lens.len())];
                let ctx = format!("{backend:?} start {s} step {step} op {op} len {len}");
                match op {
                    0 | 1 => {
                        for _ in 0..len {
                            assert_eq!(mt.next_u32(), r.next_u32(), "{ctx}");
                        }
                    }
                    2 => {
                        for _ in 0..len.min(400) {
                            let hi = r.next_u32() as u64;
                            let want = (hi << 32) | r.next_u32() as u64;
                            assert_eq!(mt.next_u64(), want, "{ctx}");
                        }
                    }
                    3 | 4 => {
                        for _ in 0..len {
                            assert_eq!(mt.next_f64().to_bits(), r.next_f64().to_bits(), "{ctx}");
                        }
                    }
                    5 => {
                        let mut out = vec![0u32; len];
                        mt.fill_u32_with(&mut out, backend);
                        assert!(out.iter().all(|&w| w == r.next_u32()), "{ctx}");
                    }
                    6 => {
                        let mut out = vec![0f64; len];
                        mt.fill_f64_with(&mut out, backend);
                        assert!(
                            out.iter().all(|x| x.to_bits() == r.next_f64().to_bits()),
                            "{ctx}"
                        );
                    }
                    7 => {
                        let mut out = vec![0u8; len];
                        mt.fill_bytes(&mut out);
                        for c in out.chunks(4) {
                            assert_eq!(c, &r.next_u32().to_le_bytes()[..c.len()], "{ctx}");
                        }
                    }
                    8 => {
                        // a bulk reader that takes part of what it converted
                        let mut rd = F64Reader::new(&mut mt);
                        for _ in 0..len.max(1) {
                            assert_eq!(rd.next().to_bits(), r.next_f64().to_bits(), "{ctx}");
                        }
                    }
                    9 => {
                        let mut buf = [0u32; 64];
                        let got = mt.peek_u32(&mut buf[..len.clamp(1, 64)]);
                        let k = (got / 2).max(1);
                        for &w in &buf[..k] {
                            assert_eq!(w, r.next_u32(), "{ctx}");
                        }
                        mt.consume(k);
                    }
                    10 => {
                        let n = (len * 7 + dice.roll(5)) as u128;
                        mt.advance(n);
                        for _ in 0..n {
                            r.next_u32();
                        }
                    }
                    11 => {
                        // set_state from the reference's state (key and pos as NumPy's)
                        mt.set_state(r.key, r.pos).unwrap();
                    }
                    _ => {
                        mt = mt.clone();
                    }
                }
                check(&mt, &r, &ctx);
            }
        }
    }
}

/// `jumped` and `from_state` build generators whose read-ahead holds from their first
/// scalar call.
#[test]
fn jumped_and_restored_generators_serve_scalar_calls() {
    for start in starts() {
        let j = start.jumped(1);
        let mut r = Reference::of(&j);
        check(&j, &r, "jumped");
        let mut j = j;
        for _ in 0..700 {
            assert_eq!(j.next_u32(), r.next_u32());
        }
        let mut a = Mt19937::from_state(*start.key(), start.pos()).unwrap();
        let mut r = Reference::of(&start);
        check(&a, &r, "from_state");
        for _ in 0..700 {
            assert_eq!(a.next_f64().to_bits(), r.next_f64().to_bits());
        }
    }
}
