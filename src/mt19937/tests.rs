//! Tests of `mt19937.rs`.

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
