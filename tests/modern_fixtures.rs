//! Every case in `fixtures/modern/manifest.json` (written by `scripts/gen_fixtures.py`,
//! family `modern`, from real NumPy 2.4.6) replayed and compared exactly:
//! SeedSequence pools, generate_state (32 and 64 bit), spawned children and errors; for
//! each bit generator the raw, next_uint32, next_double and interleaved streams, the
//! state JSON text after each, spawned generators, `advance`, `jumped`,
//! `Philox(key=..., counter=...)`, `Generator(bg).bytes(n)` and the state-setter errors.
#![cfg(feature = "json")]

use nprand::seed_sequence::{Entropy, SeedInt};
use nprand::{
    BitGenState, BitGenerator, Mt19937, Pcg64, Pcg64Dxsm, Philox, SeedSequence,
    SeedableBitGenerator, Sfc64,
};
use serde_json::Value as J;

mod common;

use common::Npy;

fn manifest() -> J {
    common::load_json("modern/manifest.json")
}

fn npy_u64(name: &str) -> Vec<u64> {
    Npy::read(&format!("modern/{name}")).u64s()
}

fn npy_u32(name: &str) -> Vec<u32> {
    Npy::read(&format!("modern/{name}")).u32s()
}

fn npy_f64(name: &str) -> Vec<f64> {
    Npy::read(&format!("modern/{name}")).f64s()
}

// ------------------------------------------------------------------------------------
// Decoding the manifest
// ------------------------------------------------------------------------------------

fn big(v: &J) -> SeedInt {
    v.as_str()
        .expect("big ints are strings")
        .parse()
        .expect("decimal")
}

fn entropy(v: &J) -> Entropy {
    if let Some(items) = v.as_array() {
        return Entropy::Seq(items.iter().map(entropy).collect());
    }
    let (k, x) = v.as_object().unwrap().iter().next().unwrap();
    match k.as_str() {
        "int" => Entropy::Int(big(x)),
        "str" => Entropy::Str(x.as_str().unwrap().to_string()),
        "float" => Entropy::Float(x.as_f64().unwrap()),
        other => panic!("unknown entropy kind {other}"),
    }
}

fn seed_seq(spec: &J) -> nprand::Result<SeedSequence> {
    let keys: Vec<SeedInt> = spec["spawn_key"]
        .as_array()
        .unwrap()
        .iter()
        .map(big)
        .collect();
    SeedSequence::with_options(
        entropy(&spec["entropy"]),
        keys,
        spec["pool_size"].as_u64().unwrap() as usize,
        0,
    )
}

fn u32s(v: &J) -> Vec<u32> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_u64().unwrap() as u32)
        .collect()
}

fn u64s(v: &J) -> Vec<u64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap().parse().unwrap())
        .collect()
}

fn make(gen: &str, ss: SeedSequence) -> Box<dyn BitGenerator> {
    match gen {
        "MT19937" => Box::new(Mt19937::from_seed_sequence(ss)),
        "PCG64" => Box::new(Pcg64::from_seed_sequence(ss)),
        "PCG64DXSM" => Box::new(Pcg64Dxsm::from_seed_sequence(ss)),
        "Philox" => Box::new(Philox::from_seed_sequence(ss)),
        "SFC64" => Box::new(Sfc64::from_seed_sequence(ss)),
        other => panic!("unknown generator {other}"),
    }
}

/// The state JSON must be NumPy's text, and must parse back to the same state.
fn check_state(bg: &dyn BitGenerator, want: &J, what: &str) {
    let want = want.as_str().unwrap();
    let got = bg.state();
    assert_eq!(got.to_json(), want, "{what}: state JSON");
    assert_eq!(BitGenState::from_json(want).unwrap(), got, "{what}: parse");
}

// ------------------------------------------------------------------------------------
// Tests
// ------------------------------------------------------------------------------------

#[test]
fn numpy_version() {
    assert_eq!(manifest()["numpy_version"], "2.4.6");
}

#[test]
fn seed_sequence_cases() {
    let m = manifest();
    let cases = m["seed_sequence"].as_array().unwrap();
    assert!(cases.len() >= 20);
    for c in cases {
        let id = c["id"].as_str().unwrap();
        let mut ss = seed_seq(&c["seed"]).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert_eq!(ss.pool(), &u32s(&c["pool"])[..], "{id}: pool");
        assert_eq!(
            ss.generate_state(9).unwrap(),
            u32s(&c["state32"]),
            "{id}: state32"
        );
        assert_eq!(
            ss.generate_state_u64(5).unwrap(),
            u64s(&c["state64"]),
            "{id}: state64"
        );
        let mut kids = ss.spawn(3).unwrap();
        kids.extend(ss.spawn(2).unwrap());
        let grandkids = kids[1].spawn(2).unwrap();
        kids.extend(grandkids);
        let want = c["children"].as_array().unwrap();
        assert_eq!(kids.len(), want.len());
        for (k, w) in kids.iter().zip(want) {
            let key: Vec<String> = k.spawn_key().iter().map(|x| x.to_string()).collect();
            let wkey: Vec<String> = w["spawn_key"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_str().unwrap().to_string())
                .collect();
            assert_eq!(key, wkey, "{id}: child spawn key");
            assert_eq!(
                k.generate_state(4).unwrap(),
                u32s(&w["state32"]),
                "{id}: child"
            );
        }
        assert_eq!(
            ss.n_children_spawned(),
            c["n_children_spawned"].as_u64().unwrap()
        );
    }
}

#[test]
fn seed_sequence_errors() {
    let m = manifest();
    for c in m["seed_sequence_errors"].as_array().unwrap() {
        let id = c["id"].as_str().unwrap();
        let err = seed_seq(&c["seed"]).expect_err(id);
        assert_eq!(err.kind().name(), c["error"]["type"], "{id}");
        assert_eq!(err.message(), c["error"]["message"], "{id}");
    }
}

#[test]
fn bitgen_streams_and_states() {
    let m = manifest();
    let mix_ops: Vec<&str> = m["mix_ops"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect();
    let (raw_n, u32_n, dbl_n) = (
        m["raw_n"].as_u64().unwrap() as usize,
        m["u32_n"].as_u64().unwrap() as usize,
        m["dbl_n"].as_u64().unwrap() as usize,
    );
    let cases = m["bitgens"].as_array().unwrap();
    assert_eq!(cases.len(), 25);
    for c in cases {
        let id = c["id"].as_str().unwrap();
        let gen = c["gen"].as_str().unwrap();
        let fresh = || make(gen, seed_seq(&c["seed"]).unwrap());

        let mut bg = fresh();
        assert_eq!(bg.name(), gen);
        check_state(&*bg, &c["state_init"], id);
        assert_eq!(
            bg.random_raw(raw_n).unwrap(),
            npy_u64(&format!("{id}_raw.npy")),
            "{id}: raw"
        );
        check_state(&*bg, &c["state_after_raw"], id);

        let mut bg = fresh();
        let got: Vec<u32> = (0..u32_n).map(|_| bg.next_u32()).collect();
        assert_eq!(got, npy_u32(&format!("{id}_u32.npy")), "{id}: u32");
        if let Some(st) = c.get("state_after_u32") {
            check_state(&*bg, st, id);
        }

        let mut bg = fresh();
        let got: Vec<u64> = (0..dbl_n).map(|_| bg.next_double().to_bits()).collect();
        let want: Vec<u64> = npy_f64(&format!("{id}_dbl.npy"))
            .iter()
            .map(|x| x.to_bits())
            .collect();
        assert_eq!(got, want, "{id}: double");
        if let Some(st) = c.get("state_after_dbl") {
            check_state(&*bg, st, id);
        }

        let mut bg = fresh();
        let got: Vec<u64> = mix_ops
            .iter()
            .map(|op| match *op {
                "32" => bg.next_u32() as u64,
                "64" => bg.next_u64(),
                "d" => bg.next_double().to_bits(),
                _ => bg.next_raw(),
            })
            .collect();
        assert_eq!(got, npy_u64(&format!("{id}_mix.npy")), "{id}: mix");
        check_state(&*bg, &c["state_after_mix"], id);

        // Setting a NumPy state: continue the raw stream from there.
        let mut other = make(gen, SeedSequence::new(999));
        let st = BitGenState::from_json(c["state_after_raw"].as_str().unwrap()).unwrap();
        other.set_state(&st).unwrap();
        check_state(&*other, &c["state_after_raw"], id);

        // bg.spawn(2), then bg.spawn(1).
        let want: Vec<Vec<u64>> = c["spawn_children_raw"]
            .as_array()
            .unwrap()
            .iter()
            .map(u64s)
            .collect();
        let got = spawn_raw(gen, seed_seq(&c["seed"]).unwrap());
        assert_eq!(got, want, "{id}: spawn");
    }
}

fn spawn_raw(gen: &str, ss: SeedSequence) -> Vec<Vec<u64>> {
    fn go<G: SeedableBitGenerator>(mut bg: G) -> Vec<Vec<u64>> {
        let mut kids = bg.spawn(2).unwrap();
        kids.extend(bg.spawn(1).unwrap());
        kids.iter_mut().map(|k| k.random_raw(4).unwrap()).collect()
    }
    match gen {
        // Mt19937 does not keep its seed sequence: spawn the sequence itself.
        "MT19937" => {
            let mut ss = ss;
            let mut kids = ss.spawn(2).unwrap();
            kids.extend(ss.spawn(1).unwrap());
            assert!(Mt19937::from_seed_sequence(ss).spawn(1).is_err());
            kids.into_iter()
                .map(|k| BitGenerator::random_raw(&mut Mt19937::from_seed_sequence(k), 4).unwrap())
                .collect()
        }
        "PCG64" => go(Pcg64::from_seed_sequence(ss)),
        "PCG64DXSM" => go(Pcg64Dxsm::from_seed_sequence(ss)),
        "Philox" => go(Philox::from_seed_sequence(ss)),
        "SFC64" => go(Sfc64::from_seed_sequence(ss)),
        other => panic!("{other}"),
    }
}

/// Replays "pre_raw" raw draws and "pre_u32" next_uint32 draws.
fn prepared(c: &J) -> Box<dyn BitGenerator> {
    let gen = c["gen"].as_str().unwrap();
    let mut bg = make(gen, seed_seq(&c["seed"]).unwrap());
    bg.random_raw(c["pre_raw"].as_u64().unwrap() as usize)
        .unwrap();
    for _ in 0..c["pre_u32"].as_u64().unwrap() {
        bg.next_u32();
    }
    bg
}

fn with_state<G: BitGenerator>(mut g: G, from: &dyn BitGenerator) -> G {
    g.set_state(&from.state()).unwrap();
    g
}

#[test]
fn advance() {
    let m = manifest();
    let cases = m["advance"].as_array().unwrap();
    assert!(cases.len() > 200);
    for (i, c) in cases.iter().enumerate() {
        let bg = prepared(c);
        let delta = big(&c["delta"]);
        let mut out: Box<dyn BitGenerator> = match c["gen"].as_str().unwrap() {
            "PCG64" => {
                let mut g = with_state(Pcg64::new(0), &*bg);
                g.advance(delta.wrapping_u128());
                Box::new(g)
            }
            "PCG64DXSM" => {
                let mut g = with_state(Pcg64Dxsm::new(0), &*bg);
                g.advance(delta.wrapping_u128());
                Box::new(g)
            }
            "Philox" => {
                let mut g = with_state(Philox::new(0), &*bg);
                let w = delta.wrapping_u256();
                if w[2] == 0 && w[3] == 0 {
                    // The u128 form must agree with the words form.
                    let mut h = g.clone();
                    h.advance_words(w);
                    g.advance(delta.wrapping_u128());
                    assert_eq!(g, h);
                } else {
                    g.advance_words(w);
                }
                Box::new(g)
            }
            other => panic!("{other}"),
        };
        check_state(&*out, &c["state"], &format!("advance case {i}"));
        assert_eq!(
            out.random_raw(6).unwrap(),
            u64s(&c["next_raw"]),
            "advance case {i}"
        );
    }
}

#[test]
fn jumped() {
    let m = manifest();
    let mut checked = 0;
    for (i, c) in m["jumped"].as_array().unwrap().iter().enumerate() {
        let bg = prepared(c);
        let jumps: i128 = c["jumps"].as_str().unwrap().parse().unwrap();
        let mut out: Box<dyn BitGenerator> = match c["gen"].as_str().unwrap() {
            "PCG64" => Box::new(with_state(Pcg64::new(0), &*bg).jumped(jumps)),
            "PCG64DXSM" => Box::new(with_state(Pcg64Dxsm::new(0), &*bg).jumped(jumps)),
            "Philox" => Box::new(with_state(Philox::new(0), &*bg).jumped(jumps)),
            // NumPy's `range(jumps)`: zero or negative jumps give a plain copy.
            "MT19937" => Box::new(
                with_state(Mt19937::new(0), &*bg).jumped(jumps.clamp(0, u32::MAX as i128) as u32),
            ),
            other => panic!("{other}"),
        };
        if let Some(orig) = c.get("orig_state") {
            check_state(&*bg, orig, &format!("jumped case {i}: original"));
        }
        check_state(&*out, &c["state"], &format!("jumped case {i}"));
        assert_eq!(
            out.random_raw(6).unwrap(),
            u64s(&c["next_raw"]),
            "jumped case {i}"
        );
        checked += 1;
    }
    assert!(checked >= 48 + 4, "{checked} jumped cases");
}

#[test]
fn philox_key_and_counter() {
    let m = manifest();
    for (i, c) in m["philox_key"].as_array().unwrap().iter().enumerate() {
        let counter = big(&c["counter"]).wrapping_u256();
        let mut bg = if c["key"].is_null() {
            Philox::from_seed_sequence_and_counter(seed_seq(&c["seed"]).unwrap(), counter)
        } else {
            let k = big(&c["key"]).to_u128().unwrap();
            let bg = Philox::from_key([k as u64, (k >> 64) as u64], counter);
            assert!(bg.seed_seq().is_none());
            bg
        };
        check_state(&bg, &c["state"], &format!("philox key case {i}"));
        assert_eq!(
            bg.random_raw(9).unwrap(),
            u64s(&c["raw"]),
            "philox key case {i}"
        );
    }
}

#[test]
fn generator_bytes_is_rand_core_fill_bytes() {
    use rand_core::Rng;
    let m = manifest();
    for c in m["bytes"].as_array().unwrap() {
        let ss = seed_seq(&c["seed"]).unwrap();
        let n = c["n"].as_u64().unwrap() as usize;
        let mut buf = vec![0u8; n];
        match c["gen"].as_str().unwrap() {
            "MT19937" => Mt19937::from_seed_sequence(ss).fill_bytes(&mut buf),
            "PCG64" => Pcg64::from_seed_sequence(ss).fill_bytes(&mut buf),
            "PCG64DXSM" => Pcg64Dxsm::from_seed_sequence(ss).fill_bytes(&mut buf),
            "Philox" => Philox::from_seed_sequence(ss).fill_bytes(&mut buf),
            "SFC64" => Sfc64::from_seed_sequence(ss).fill_bytes(&mut buf),
            other => panic!("{other}"),
        }
        let hex: String = buf.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex, c["hex"].as_str().unwrap(), "{c}");
    }
}

#[test]
fn state_setter_errors() {
    let m = manifest();
    for c in m["state_errors"].as_array().unwrap() {
        let mut bg = make(c["gen"].as_str().unwrap(), SeedSequence::new(0));
        let other = make(c["other"].as_str().unwrap(), SeedSequence::new(0));
        let e = bg.set_state(&other.state()).unwrap_err();
        assert_eq!(e.kind().name(), c["error"]["type"], "{c}");
        assert_eq!(e.message(), c["error"]["message"], "{c}");
    }
}

#[test]
fn seedable_rng_is_numpy_seeding() {
    use rand_core::{Rng, SeedableRng};
    let m = manifest();
    // PCG64(12345) etc.: the raw streams of the "s12345" cases.
    for gen in ["pcg64", "pcg64dxsm", "philox", "sfc64"] {
        let want = npy_u64(&format!("{gen}_s12345_raw.npy"));
        let got: Vec<u64> = match gen {
            "pcg64" => {
                let mut g = Pcg64::seed_from_u64(12345);
                (0..10).map(|_| Rng::next_u64(&mut g)).collect()
            }
            "pcg64dxsm" => {
                let mut g = Pcg64Dxsm::from_seed(12345u128.to_le_bytes());
                (0..10).map(|_| Rng::next_u64(&mut g)).collect()
            }
            "philox" => {
                let mut g = Philox::seed_from_u64(12345);
                (0..10).map(|_| Rng::next_u64(&mut g)).collect()
            }
            _ => {
                let mut g = Sfc64::from_seed(12345u128.to_le_bytes());
                (0..10).map(|_| Rng::next_u64(&mut g)).collect()
            }
        };
        assert_eq!(got, want[..10], "{gen}");
    }
    assert!(m["bitgens"].as_array().unwrap().len() == 25);
}
