//! The `serde` feature: every state type serializes as NumPy's state dict and reads it
//! back. The expected texts are NumPy's own (`json.dumps(bg.state)` in
//! `fixtures/modern/manifest.json`, `json.dumps(rs.get_state(legacy=False))` with the key
//! as a list in `fixtures/legacy/states/`, both written by `scripts/gen_fixtures.py` from
//! NumPy 2.4.6).
#![cfg(all(feature = "serde", feature = "json"))]

use nprand::{BitGenState, LegacyState, Pcg64, Pcg64Dxsm, Philox, RandomState, Sfc64};
use serde_json::Value as J;

mod common;

/// `json.dumps` text without its `", "` / `": "` spacing: serde_json's compact form
/// (the texts hold no strings with those characters).
fn compact(python: &str) -> String {
    python.replace(", ", ",").replace(": ", ":")
}

#[test]
fn bit_generator_states_are_numpys_dicts() {
    let m = common::load_json("modern/manifest.json");
    let mut n = 0;
    for bg in m["bitgens"].as_array().unwrap() {
        for key in ["state_init", "state_after_raw", "state_after_mix"] {
            let Some(text) = bg[key].as_str() else {
                continue;
            };
            let want = BitGenState::from_json(text).unwrap();
            let got: BitGenState = serde_json::from_str(text).unwrap();
            assert_eq!(got, want, "{} {key}", bg["id"]);
            assert_eq!(serde_json::to_string(&got).unwrap(), compact(text));
            n += 1;
        }
    }
    assert!(n >= 30, "only {n} NumPy states");
}

#[test]
fn legacy_states_are_numpys_dicts() {
    let dir = common::fixture_path("legacy/states");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let want = LegacyState::from_json(&text).unwrap();
        let got: LegacyState = serde_json::from_str(&text).unwrap();
        assert_eq!(got, want, "{}", path.display());
        // Python and serde_json may spell a float's exponent differently (1e-07 / 1e-7):
        // compare the parsed JSON.
        let ours: J = serde_json::from_str(&serde_json::to_string(&got).unwrap()).unwrap();
        let numpys: J = serde_json::from_str(&text).unwrap();
        assert_eq!(ours, numpys, "{}", path.display());
        n += 1;
    }
    assert!(n >= 100, "only {n} NumPy states");
}

#[test]
fn raw_states_round_trip_without_the_name() {
    let p = Pcg64Dxsm::new(7).raw_state();
    let text = serde_json::to_string(&p).unwrap();
    assert!(text.starts_with("{\"state\":{\"state\":"), "{text}");
    assert_eq!(
        serde_json::from_str::<nprand::bitgen::state::Pcg64State>(&text).unwrap(),
        p
    );
    let f = Philox::new(7).raw_state();
    let back = serde_json::from_str(&serde_json::to_string(&f).unwrap()).unwrap();
    assert_eq!(f, back);
    let s = Sfc64::new(7).raw_state();
    let back = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
    assert_eq!(s, back);
    // The full `bg.state` dict reads as the raw state too ("bit_generator" is ignored).
    let full = Pcg64::new(3).state().to_json();
    let raw: nprand::bitgen::state::Pcg64State = serde_json::from_str(&full).unwrap();
    assert_eq!(raw, Pcg64::new(3).raw_state());
}

#[test]
fn legacy_state_with_a_cached_gaussian_round_trips() {
    let mut rs = RandomState::new(12345);
    let _ = rs.standard_normal();
    let st = rs.get_state();
    assert!(st.has_gauss);
    let back: LegacyState = serde_json::from_str(&serde_json::to_string(&st).unwrap()).unwrap();
    assert_eq!(back, st);
}

#[test]
fn bad_states_are_refused() {
    let good = RandomState::new(1).get_state().to_json();
    let bad = good.replace("\"pos\": 624", "\"pos\": 625");
    let e = serde_json::from_str::<LegacyState>(&bad).unwrap_err();
    assert!(
        e.to_string()
            .contains("state pos must be between 0 and 624 (got 625)"),
        "{e}"
    );
    let bg = nprand::Mt19937::new(1).bitgen_state().to_json();
    let other = format!(
        "{}, \"has_gauss\": 0, \"gauss\": 0.0}}",
        &bg[..bg.len() - 1]
    )
    .replace("\"MT19937\"", "\"PCG64\"");
    let e = serde_json::from_str::<LegacyState>(&other).unwrap_err();
    assert!(
        e.to_string().contains("state must be for a MT19937 PRNG"),
        "{e}"
    );
    let pcg = Pcg64::new(1).state().to_json();
    assert!(serde_json::from_str::<LegacyState>(&pcg).is_err());

    let philox = Philox::new(1).state().to_json();
    let bad = philox.replace("\"buffer_pos\": 4", "\"buffer_pos\": 5");
    assert!(serde_json::from_str::<BitGenState>(&bad).is_err());
    let bad = philox.replace(
        "\"bit_generator\": \"Philox\"",
        "\"bit_generator\": \"Xoshiro\"",
    );
    assert!(serde_json::from_str::<BitGenState>(&bad).is_err());
    // "bit_generator" must come first (it does in NumPy's dict and in serde's output).
    let moved = r#"{"state": {"state": [1, 2, 3, 4]}, "bit_generator": "SFC64", "has_uint32": 0, "uinteger": 0}"#;
    let e = serde_json::from_str::<BitGenState>(moved).unwrap_err();
    assert!(e.to_string().contains("bit_generator"), "{e}");
    let short = r#"{"bit_generator": "SFC64", "state": {"state": [1, 2, 3]}, "has_uint32": 0, "uinteger": 0}"#;
    assert!(serde_json::from_str::<BitGenState>(short).is_err());
}

#[cfg(feature = "python")]
#[test]
fn python_state_round_trips_in_both_forms() {
    use nprand::python::{PyState, Random};
    let mut r = Random::new(5);
    let _ = r.gauss(0.0, 1.0);
    let st = r.getstate();
    let text = serde_json::to_string(&st).unwrap();
    // The dict nprand eval --python writes.
    assert_eq!(text, compact(&st.to_json()));
    assert_eq!(serde_json::from_str::<PyState>(&text).unwrap(), st);
    // json.dumps(random.getstate()): [version, [624 words + index], gauss_next]
    let v: J = serde_json::from_str(&text).unwrap();
    let tuple = J::Array(vec![
        v["version"].clone(),
        v["internalstate"].clone(),
        v["gauss_next"].clone(),
    ]);
    assert_eq!(serde_json::from_value::<PyState>(tuple).unwrap(), st);
    let bad = text.replace("{\"version\":3", "{\"version\":4");
    assert!(serde_json::from_str::<PyState>(&bad).is_err());
}
