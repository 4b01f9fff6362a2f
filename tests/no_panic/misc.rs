//! Every public function of `global`, `array`, `fmt`, `math`, `error`, `common` and the
//! state types' JSON forms.

use super::*;
use nprand::array::{broadcast_indices, broadcast_shapes, shape_repr, ufunc_broadcast, NdArray};
use nprand::common::{c_long, convert, draw, kahan_sum, output_shape, precheck};
use nprand::common::{Constraint, Num, Output, PKind, Param};
use nprand::generator::{CheckValid, MvhgMethod, MvnMethod};
use nprand::legacy::broadcast;
use nprand::{global, math, BitGenState, Error, ErrorKind, LegacyState, RandomState};
use std::str::FromStr;

fn num() -> impl Strategy<Value = Num> {
    prop_oneof![float().prop_map(Num::F), int().prop_map(Num::I)]
}

fn nd() -> impl Strategy<Value = NdArray<Num>> {
    prop_oneof![
        num().prop_map(NdArray::scalar),
        prop::collection::vec(num(), 0..4).prop_map(NdArray::from_vec),
        (num(), num()).prop_map(|(a, b)| NdArray::new(vec![2, 1], vec![a, b]).unwrap()),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn global_functions(dims in shape(), seed in any::<u32>(), key in prop::collection::vec(any::<u32>(), 0..3),
                        p in [float(), float()], lo in int128(), hi in int128(), n in int(),
                        pos in prop_oneof![Just(0usize), Just(624), Just(625), Just(usize::MAX)]) {
        // One lock for the whole case: other cases run in parallel threads.
        let _serial = GLOBAL.lock().unwrap_or_else(|e| e.into_inner());
        global::seed(seed);
        let _ = global::seed_array(&key);
        let st = global::get_state();
        let mut bad = st.clone();
        bad.pos = pos;
        if global::set_state(&bad).is_err() {
            assert_eq!(global::get_state(), st);
        }
        macro_rules! unchanged {
            ($e:expr) => {{
                let before = global::get_state();
                if $e.is_err() {
                    assert_eq!(global::get_state(), before, "{}", stringify!($e));
                }
            }};
        }
        unchanged!(global::rand(&dims));
        unchanged!(global::randn(&dims));
        let _ = (global::random_sample(), global::standard_normal());
        unchanged!(global::normal(p[0], p[1]));
        unchanged!(global::uniform(p[0], p[1]));
        unchanged!(global::randint(lo, hi));
        global::shuffle(&mut key.clone());
        unchanged!(global::permutation(count(n)));
        let _ = global::with(|rs| rs.randint_dtype::<u8>(lo, hi));
    }

    #[test]
    fn arrays_and_drivers(shapes in prop::collection::vec(shape(), 0..4), dims in shape(),
                          a in nd(), b in nd(), v in floats(), sized in any::<bool>(), scalar in any::<bool>()) {
        let refs: Vec<&[usize]> = shapes.iter().map(Vec::as_slice).collect();
        let _ = shape_repr(&dims);
        let _ = broadcast_shapes(&refs);
        let _ = ufunc_broadcast(&dims, &a.shape);
        if let Ok(out) = broadcast_shapes(&[&dims, &a.shape]) {
            if out.iter().try_fold(1usize, |x, &d| x.checked_mul(d)).is_some_and(|n| n < 1 << 16) {
                let _ = broadcast_indices(&out, &a.shape);
            }
        }
        let _ = NdArray::new(dims.clone(), vec![0u8; 3]);
        let _ = NdArray::new(dims.clone(), Vec::<u8>::new());
        let m = NdArray::from_vec(v.clone()).map(|x| x * 2.0);
        let _ = (m.len(), m.is_empty(), m.ndim());
        let _ = output_shape(&refs, sized.then_some(&dims[..]));
        for kind in [PKind::F64, PKind::F32, PKind::I64] {
            let _ = convert(&a, kind);
        }
        let _ = (c_long(v.first().copied().unwrap_or(f64::NAN)), kahan_sum(&v));
        let mut rs = RandomState::new(0);
        for spec in broadcast::specs() {
            let _ = (spec.order(), spec.required());
            let mut params = vec![a.clone(), b.clone(), a.clone()];
            params.truncate(spec.params.len());
            let _ = precheck(spec, &mut params.clone(), scalar);
            chk!(rs, draw(&mut rs, spec, params.clone(), sized.then_some(&dims[..])));
            chk!(rs, draw(&mut rs, spec, vec![a.clone(); 4], None));
            let _ = Output::empty(&spec.kernel, vec![0, 3]).shape().len();
        }
        for c in constraints() {
            for kind in [PKind::F64, PKind::F32, PKind::I64] {
                let _ = Param::new("x", v.first().copied(), c, kind).int();
            }
            let _ = [Param::f("x", c), Param::fd("x", 1.0, c), Param::i("x", c), Param::f32("x", c)];
            for &x in &v {
                let _ = c.check_scalar(x, "x");
            }
            let _ = c.check_array(&v, "x");
        }
        for x in &a.data {
            let _ = (x.f(), x.i());
        }
    }

    #[test]
    fn math_and_formatting(x in float(), mut xs in floats(), y in float(), text in ".{0,40}") {
        let _ = (math::acos(x), math::exp(x), math::expm1(x), math::log(x), math::log1p(x), math::log2(x), math::pow(x, y));
        math::exp_slice(&mut xs);
        math::log_slice(&mut xs);
        let _ = (nprand::fmt::py_float_repr(x), nprand::fmt::json_float(x), nprand::fmt::py_str_repr(&text));
        #[cfg(feature = "eval")]
        {
            let mut r = nprand::fmt::FloatRepr::new();
            let _ = (r.repr(x).len(), r.json(y).len());
        }
        let e = Error::new(ErrorKind::ValueError, text.clone());
        let _ = (e.kind().name(), e.message(), Error::value(&text), Error::type_error(&text));
        let _ = Error::io(&text, std::io::Error::other("x"));
        let _ = LegacyState::from_json(&text);
        let _ = BitGenState::from_json(&text);
        let _ = nprand::python::PyState::from_json(&text);
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) {
            let _ = LegacyState::from_value(&v);
        }
        let st = RandomState::new(1).get_state();
        let _ = LegacyState::from_json(&st.to_json().replace("624", &text));
        for s in ["svd", "eigh", "cholesky", "warn", "raise", "ignore", "marginals", "count", &text] {
            let _ = MvnMethod::from_str(s).map(MvnMethod::as_str);
            let _ = CheckValid::from_str(s).map(CheckValid::as_str);
            let _ = MvhgMethod::from_str(s).map(MvhgMethod::as_str);
        }
    }
}

/// The global `RandomState` is shared by every thread of this test binary.
static GLOBAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Every constraint variant the front-ends use (through their tables).
fn constraints() -> Vec<Constraint> {
    let mut out: Vec<Constraint> = broadcast::specs()
        .flat_map(|s| s.params.iter().map(|p| p.cons))
        .collect();
    out.extend(nprand::generator::broadcast::specs().flat_map(|s| s.params.iter().map(|p| p.cons)));
    out.dedup();
    out
}
