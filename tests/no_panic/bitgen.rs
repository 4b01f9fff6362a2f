//! Every public method of the bit generators, their states, `SeedSequence`, `SeedInt`,
//! `Entropy` and `AnyBitGenerator`.

use super::*;
use nprand::bitgen::state::{Mt19937State, Pcg64State, PhiloxState, Sfc64State};
use nprand::generator::{AnyBitGenerator, BitGenKind};
use nprand::mt19937::Backend;
use nprand::seed_sequence::{Entropy, SeedInt};
use nprand::{
    BitGenState, BitGenerator, Mt19937, Pcg64, Pcg64Dxsm, Philox, SeedSequence,
    SeedableBitGenerator, Sfc64,
};

fn entropy() -> impl Strategy<Value = Entropy> {
    prop_oneof![
        int128().prop_map(Entropy::from),
        float().prop_map(Entropy::from),
        "[0-9a-z-]{0,6}".prop_map(Entropy::from),
        prop::collection::vec(int128(), 0..4).prop_map(Entropy::from),
        Just(Entropy::Seq(vec![])),
        Just(Entropy::Seq(vec![
            Entropy::Seq(vec![Entropy::from(1u8)]),
            Entropy::from("a")
        ])),
    ]
}

/// Every state variant with edge fields (positions out of range included).
fn bitgen_state() -> impl Strategy<Value = BitGenState> {
    let pos = || {
        prop_oneof![
            Just(0usize),
            Just(3),
            Just(4),
            Just(623),
            Just(624),
            Just(625),
            Just(usize::MAX)
        ]
    };
    prop_oneof![
        (any::<u32>(), pos()).prop_map(|(w, pos)| {
            let mut key = Box::new([w; 624]);
            key[0] |= 0x8000_0000; // not the all-zero state
            BitGenState::from(Mt19937State { key, pos })
        }),
        (any::<u128>(), any::<u128>(), any::<bool>(), any::<u32>()).prop_map(
            |(state, inc, has_uint32, uinteger)| {
                BitGenState::Pcg64(Pcg64State {
                    state,
                    inc,
                    has_uint32,
                    uinteger,
                })
            }
        ),
        (any::<u128>(), any::<u128>(), any::<bool>(), any::<u32>()).prop_map(
            |(state, inc, has_uint32, uinteger)| {
                BitGenState::Pcg64Dxsm(Pcg64State {
                    state,
                    inc,
                    has_uint32,
                    uinteger,
                })
            }
        ),
        (
            any::<[u64; 4]>(),
            any::<[u64; 2]>(),
            pos(),
            any::<bool>(),
            any::<u32>()
        )
            .prop_map(
                |(counter, key, buffer_pos, has_uint32, uinteger)| BitGenState::from(PhiloxState {
                    counter,
                    key,
                    buffer: counter,
                    buffer_pos,
                    has_uint32,
                    uinteger,
                })
            ),
        (any::<[u64; 4]>(), any::<bool>(), any::<u32>()).prop_map(
            |(state, has_uint32, uinteger)| {
                BitGenState::from(Sfc64State {
                    state,
                    has_uint32,
                    uinteger,
                })
            }
        ),
    ]
}

/// The methods every 64-bit bit generator shares (`impl_bitgen_u64!`).
macro_rules! shared_methods {
    ($t:ident, $seed:expr, $n:expr, $st:expr) => {{
        let mut bg = $t::new($seed);
        let _ = $t::from_seed_sequence(SeedSequence::new($seed));
        let _ = (
            bg.next_u64(),
            bg.next_u32(),
            bg.next_double(),
            bg.next_raw(),
        );
        let _ = bg.seed_seq();
        let _ = $t::from_raw_state(bg.raw_state());
        chk!(bg, bg.random_raw($n));
        BitGenerator::random_raw_into(&mut bg, &mut [0; 3]);
        chk!(bg, BitGenerator::random_raw(&mut bg, $n));
        chk!(bg, SeedableBitGenerator::spawn(&mut bg, $n));
        chk!(bg, SeedableBitGenerator::spawn(&mut bg, $n.min(2)));
        let _ = SeedableBitGenerator::seed_seq_mut(&mut bg);
        let _ = BitGenerator::name(&bg);
        chk!(bg, bg.set_state($st));
        chk!(bg, bg.set_state(&bg.state()));
        let _ = (bg.next_u64(), bg.next_u32());
        bg
    }};
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn seed_sequence(e in entropy(), keys in prop::collection::vec(int128(), 0..3), pool in size(),
                     spawned in word(), n in size(), text in "-?[0-9]{0,45}x?", radix in 0u32..40) {
        let _ = e.to_words();
        let _ = SeedSequence::from_entropy(e.clone());
        let _ = SeedSequence::from_decimal(&text);
        let _ = SeedSequence::from_words(&[u32::MAX, 0, 1]);
        if let Ok(mut ss) = SeedSequence::with_options(e, keys, pool, spawned) {
            let _ = (ss.entropy(), ss.spawn_key(), ss.spawn_key_u64(), ss.pool_size(), ss.n_children_spawned(), ss.pool());
            let _ = (ss.py_repr(), ss.spawn_key_repr());
            chk!(ss, ss.generate_state(n));
            chk!(ss, ss.generate_state_u64(n));
            chk!(ss, ss.spawn(n));
            chk!(ss, ss.spawn(n.min(2)));
        }
        let mut ss = SeedSequence::new(spawned as u128);
        chk!(ss, ss.generate_state(n));
        chk!(ss, ss.spawn(n));
        if let Ok(s) = SeedInt::parse_radix(&text, radix) {
            let _ = (s.words(), s.is_negative(), s.to_u128(), s.wrapping_u128(), s.wrapping_u256());
            let _ = SeedInt::from_words(s.words());
        }
    }

    #[test]
    fn bit_generators(seed in any::<u128>(), n in size(), st in bitgen_state(), delta in any::<u128>(),
                      jumps in any::<i128>(), counter in any::<[u64; 4]>(), key in any::<[u64; 2]>()) {
        let mut pcg = shared_methods!(Pcg64, seed, n, &st);
        pcg.advance(delta);
        let _ = pcg.jumped(jumps);
        let mut dxsm = shared_methods!(Pcg64Dxsm, seed, n, &st);
        dxsm.advance(delta);
        let _ = dxsm.jumped(jumps);
        let mut philox = shared_methods!(Philox, seed, n, &st);
        philox.advance(delta);
        philox.advance_words(counter);
        let _ = philox.jumped(jumps);
        let _ = Philox::from_key(key, counter);
        let _ = Philox::from_seed_sequence_and_counter(SeedSequence::new(seed), counter);
        let _ = shared_methods!(Sfc64, seed, n, &st);
        let _ = st.bit_generator();
        let _ = BitGenState::from_json(&st.to_json());
        let kinds = [BitGenKind::Mt19937, BitGenKind::Pcg64, BitGenKind::Pcg64Dxsm, BitGenKind::Philox, BitGenKind::Sfc64];
        for kind in kinds {
            let _ = kind.numpy_name();
            let mut any = AnyBitGenerator::new(kind, seed);
            let _ = AnyBitGenerator::from_seed_sequence(kind, SeedSequence::new(seed));
            let _ = any.kind();
            chk!(any, any.set_state(&st));
            chk!(any, any.random_raw(n));
        }
    }

    #[test]
    fn mt19937(seed in any::<u32>(), key in prop::collection::vec(any::<u32>(), 0..700), n in size(),
               pos in prop_oneof![Just(0usize), Just(623), Just(624), Just(625), Just(usize::MAX)],
               st in bitgen_state(), steps in any::<u128>(), jumps in 0u32..3, len in 0usize..700) {
        let mut mt = Mt19937::new(seed);
        let _ = Mt19937::from_key(&key);
        let mut words = [1u32; 624];
        words[0] = seed;
        let _ = Mt19937::from_state(words, pos);
        chk!(mt, mt.set_state(words, pos));
        let _ = (mt.key(), mt.pos(), mt.is_degenerate());
        let _ = (mt.next_u32(), mt.next_u64(), mt.next_f64());
        mt.fill_u32(&mut vec![0; len]);
        mt.fill_f64(&mut vec![0.0; len]);
        mt.fill_bytes(&mut vec![0; len]);
        let _ = Backend::detected();
        for backend in Backend::available() {
            assert!(backend.is_available());
            mt.fill_u32_with(&mut vec![0; len], backend);
            mt.fill_f64_with(&mut vec![0.0; len], backend);
        }
        mt.advance(steps % 10_000);
        let _ = mt.jumped(jumps);
        let _ = Mt19937::from_seed_sequence(SeedSequence::new(seed as u128));
        let _ = mt.bitgen_state();
        chk!(mt, mt.set_bitgen_state(&st));
        chk!(mt, BitGenerator::random_raw(&mut mt, n));
        chk!(mt, SeedableBitGenerator::spawn(&mut mt, n));
    }
}

#[cfg(feature = "parallel")]
#[test]
fn parallel_fills() {
    let mut mt = Mt19937::new(1);
    for len in [0, 1, 623, 624, 625, 5000] {
        mt.par_fill_u32(&mut vec![0; len]);
        mt.par_fill_f64(&mut vec![0.0; len]);
        mt.par_fill_bytes(&mut vec![0; len]);
    }
}
