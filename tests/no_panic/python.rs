//! Every public method of `python::Random`, its state and seeds, and the `python`
//! module's free functions.

use super::*;
use nprand::num_bigint::{BigInt, BigUint, Sign};
use nprand::python::{
    lgamma, py_hash_float, py_json_float, py_repr_float, PyState, PyVersion, Random, Seed,
};

/// A `getrandbits` width that is not slow: up to 2**16 bits, or from 2**31 on (refused).
fn bits() -> impl Strategy<Value = i64> {
    int().prop_filter("no real allocation", |&k| !(1 << 16..1 << 31).contains(&k))
}

/// Python ints far beyond 64 bits, of either sign.
fn big() -> impl Strategy<Value = BigInt> {
    prop_oneof![
        int().prop_map(BigInt::from),
        (any::<bool>(), prop::collection::vec(any::<u32>(), 0..40)).prop_map(|(neg, w)| {
            BigInt::from_slice(if neg { Sign::Minus } else { Sign::Plus }, &w)
        }),
    ]
}

fn seed() -> impl Strategy<Value = Seed> {
    prop_oneof![
        big().prop_map(Seed::from),
        float().prop_map(Seed::from),
        ".{0,8}".prop_map(Seed::from),
        prop::collection::vec(any::<u8>(), 0..8).prop_map(Seed::from),
        any::<bool>().prop_map(Seed::from),
    ]
}

fn state() -> impl Strategy<Value = PyState> {
    (
        prop_oneof![Just(3i64), Just(2), Just(1), Just(i64::MIN)],
        prop_oneof![Just(624usize), Just(0), Just(625), Just(1000)],
        prop_oneof![Just(0usize), Just(624), Just(625), Just(usize::MAX)],
        prop_oneof![Just(None), float().prop_map(Some)],
    )
        .prop_map(|(version, len, pos, gauss_next)| PyState {
            version,
            key: (0..len as u32).collect(),
            pos,
            gauss_next,
        })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn constructors_and_state(s in seed(), st in state(), text in ".{0,40}", v312 in any::<bool>()) {
        let _ = s.key();
        let mut r = Random::new(s.clone());
        r.seed(s);
        r.set_version(if v312 { PyVersion::V3_12 } else { PyVersion::V3_11 });
        let _ = r.version();
        let _ = r.mt().pos();
        let _ = r.random();
        let saved = r.getstate();
        let _ = st.validate();
        let _ = st.to_json();
        let _ = PyState::from_json(&st.to_json());
        let _ = PyState::from_json(&text);
        let _ = Random::from_state(&st);
        chk!(r, r.setstate(&st));
        chk!(r, r.setstate(&saved));
    }

    #[test]
    fn distributions(p in [float(), float(), float()], n in int(), mode in any::<bool>()) {
        let mut r = Random::new(7u32);
        let _ = r.uniform(p[0], p[1]);
        let _ = r.triangular(p[0], p[1], mode.then_some(p[2]));
        let _ = r.normalvariate(p[0], p[1]);
        let _ = r.gauss(p[0], p[1]);
        // CPython 3.11 raises these after drawing (`exp` overflow, division by zero, and
        // betavariate's second gammavariate), so only "no panic" holds.
        let _ = r.lognormvariate(p[0], p[1]);
        let _ = r.expovariate(p[0]);
        let _ = r.vonmisesvariate(p[0], p[1]);
        // A finite alpha near f64::MAX spins CPython's loop forever; nprand gives up after
        // 10**7 rounds (seconds in a debug build): `gammavariate_gives_up` runs it once.
        let q = p.map(|x| if x.is_finite() && x.abs() >= 1e300 { x.signum() * 1e10 } else { x });
        let _ = r.betavariate(q[0], q[1]);
        let _ = r.paretovariate(p[0]);
        let _ = r.weibullvariate(p[0], p[1]);
        chk!(r, r.gammavariate(q[0], q[1]));
        // CPython 3.12 lets a NaN p through its checks; `floor(NaN)` raises after drawing.
        if p[0].is_nan() {
            let _ = r.binomialvariate(n, p[0]);
        } else {
            chk!(r, r.binomialvariate(n, p[0]));
        }
        let _ = lgamma(p[0]);
        let _ = py_hash_float(p[0]);
        let _ = (py_json_float(p[0]), py_repr_float(p[0]));
    }

    #[test]
    fn integers(k in bits(), w in 0u32..=128, i in [int(), int(), int()], b in [big(), big(), big()],
                m in word(), steps in 0usize..4) {
        let mut r = Random::new(8u32);
        let _ = r.getrandbits_u32(w.min(32));
        let _ = r.getrandbits_u64(w.min(64));
        let _ = r.getrandbits_u128(w);
        chk!(r, r.getrandbits(k));
        let _ = r.randbelow(m.max(1));
        let nb = b[0].magnitude() + 1u32;
        let _ = r.randbelow_big(&nb);
        chk!(r, r.randrange(i[0], i[1], i[2]));
        chk!(r, r.randrange_stop(i[0]));
        chk!(r, r.randint(i[0], i[1]));
        chk!(r, r.randint_big(&b[0], &b[1]));
        let stop = (steps > 0).then_some(&b[1]);
        let step = (steps > 1).then_some(&b[2]);
        chk!(r, r.randrange_big(&b[0], stop, step));
        chk!(r, r.randrange_big(&b[0], None, Some(&BigInt::from(1))));
    }

    #[test]
    fn sequences(n in size(), k in size(), m in word(), w in floats(), counts in ints(),
                 mut x in prop::collection::vec(0u8..9, 0..5), nb in prop::collection::vec(any::<u32>(), 0..4)) {
        let mut r = Random::new(9u32);
        chk!(r, r.choice(&x));
        r.shuffle(&mut x);
        chk!(r, r.randbytes(n));
        chk!(r, r.sample_indices(m, k));
        chk!(r, r.sample_indices(n as u64, k.min(4)));
        chk!(r, r.sample_indices_big(&BigUint::new(nb), k));
        chk!(r, r.sample(&x, k));
        chk!(r, r.sample_counts(&x, &counts, k));
        chk!(r, r.sample_counts(&x, &counts, k.min(3)));
        if x.is_empty() {
            // CPython indexes the empty population after drawing: IndexError.
            let _ = r.choices(&x, None, None, k);
        } else {
            chk!(r, r.choices(&x, None, None, k));
        }
        chk!(r, r.choices(&x, Some(&w), None, k));
        chk!(r, r.choices(&x, None, Some(&w), k.min(5)));
        chk!(r, r.choices(&x, Some(&w), Some(&w), k));
    }
}

#[test]
fn gammavariate_gives_up() {
    // CPython 3.11's random.gammavariate(1.7976931348623157e308, 1.0) never returns.
    let e = Random::new(7u32).gammavariate(f64::MAX, 1.0).unwrap_err();
    assert!(e.message().contains("never returns"), "{e}");
}
