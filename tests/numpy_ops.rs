//! `nprand::numpy` (and `nprand::numpy::py`) against NumPy 2.4.6 / CPython 3.11:
//! fixtures/numpy_ops/cases.json (scripts/fixgen/numpy_ops.py). Results are compared bit
//! for bit, dtype and shape included; exceptions by type and message.

mod common;

use nprand::array::NdArray;
use nprand::numpy as np;
use serde_json::Value as J;
use std::collections::BTreeMap;

/// A result in the fixture encoding: dtype, shape, tokens.
#[derive(Debug, PartialEq)]
struct Out {
    dtype: String,
    shape: Vec<usize>,
    data: String,
}

fn f64s(v: &[f64]) -> String {
    v.iter()
        .map(|x| format!("{:016x}", x.to_bits()))
        .collect::<Vec<_>>()
        .join(" ")
}

fn f32s(v: &[f32]) -> String {
    v.iter()
        .map(|x| format!("{:08x}", x.to_bits()))
        .collect::<Vec<_>>()
        .join(" ")
}

fn ints(v: &[usize]) -> String {
    v.iter()
        .map(|x| x.to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The element types of the fixtures.
trait El: np::Float {
    const NAME: &'static str;
    fn enc(v: &[Self]) -> String;
    fn parse(tok: &str) -> Self;
}
impl El for f64 {
    const NAME: &'static str = "float64";
    fn enc(v: &[f64]) -> String {
        f64s(v)
    }
    fn parse(tok: &str) -> f64 {
        f64::from_bits(u64::from_str_radix(tok, 16).unwrap())
    }
}
impl El for f32 {
    const NAME: &'static str = "float32";
    fn enc(v: &[f32]) -> String {
        f32s(v)
    }
    fn parse(tok: &str) -> f32 {
        f32::from_bits(u32::from_str_radix(tok, 16).unwrap())
    }
}

fn fl<T: El>(shape: Vec<usize>, v: Vec<T>) -> Out {
    Out {
        dtype: T::NAME.into(),
        shape,
        data: T::enc(&v),
    }
}

fn ix(shape: Vec<usize>, v: Vec<usize>) -> Out {
    Out {
        dtype: "int64".into(),
        shape,
        data: ints(&v),
    }
}

type R = nprand::Result<Out>;

fn nd<T: El>(a: NdArray<T>) -> Out {
    fl(a.shape, a.data)
}

/// One reduction-family call on `x`.
fn reduce_call<T: El>(op: &str, args: &J, x: &NdArray<T>) -> R {
    let axis = args["axis"].as_i64().map(|a| a as isize);
    let d = &x.data;
    let one = |v: T| fl(vec![], vec![v]);
    Ok(match (op, axis) {
        ("sum", None) => one(np::sum(d)),
        ("sum", Some(a)) => nd(np::sum_axis(x, a)?),
        ("mean", None) => one(np::mean(d)),
        ("mean", Some(a)) => nd(np::mean_axis(x, a)?),
        ("var", None) => one(np::var(d, 0.0)),
        ("var", Some(a)) => nd(np::var_axis(x, a, 0.0)?),
        ("var1", None) => one(np::var(d, 1.0)),
        ("var1", Some(a)) => nd(np::var_axis(x, a, 1.0)?),
        ("std", None) => one(np::std(d, 0.0)),
        ("std", Some(a)) => nd(np::std_axis(x, a, 0.0)?),
        ("std1", None) => one(np::std(d, 1.0)),
        ("std1", Some(a)) => nd(np::std_axis(x, a, 1.0)?),
        ("prod", None) => one(np::prod(d)),
        ("prod", Some(a)) => nd(np::prod_axis(x, a)?),
        ("max", None) => one(np::max(d)?),
        ("max", Some(a)) => nd(np::max_axis(x, a)?),
        ("min", None) => one(np::min(d)?),
        ("min", Some(a)) => nd(np::min_axis(x, a)?),
        ("argmax", None) => ix(vec![], vec![np::argmax(d)?]),
        ("argmax", Some(a)) => {
            let r = np::argmax_axis(x, a)?;
            ix(r.shape, r.data)
        }
        ("argmin", None) => ix(vec![], vec![np::argmin(d)?]),
        ("argmin", Some(a)) => {
            let r = np::argmin_axis(x, a)?;
            ix(r.shape, r.data)
        }
        ("cumsum", None) => fl(vec![d.len()], np::cumsum(d)),
        ("cumsum", Some(a)) => nd(np::cumsum_axis(x, a)?),
        ("cumprod", None) => fl(vec![d.len()], np::cumprod(d)),
        ("cumprod", Some(a)) => nd(np::cumprod_axis(x, a)?),
        ("diff", a) => nd(np::diff_axis(x, 1, a.unwrap_or(-1))?),
        ("diff2", a) => nd(np::diff_axis(x, 2, a.unwrap_or(-1))?),
        ("sort", a) => nd(np::sort_axis(x, a.unwrap_or(-1))?),
        ("argsort", a) => {
            let r = np::argsort_axis(x, a.unwrap_or(-1))?;
            ix(r.shape, r.data)
        }
        _ => return Err(nprand::Error::value(format!("f64 only: {op}"))),
    })
}

/// The float64-only calls (quantiles, ranges, take, ufuncs, CPython).
fn f64_call(op: &str, args: &J, x: &NdArray<f64>) -> R {
    let axis = args["axis"].as_i64().map(|a| a as isize);
    let d = &x.data;
    let one = |v: f64| fl(vec![], vec![v]);
    let q = args["q"].as_str().map(|s| s.parse::<f64>().unwrap());
    Ok(match (op, axis) {
        ("median", None) => one(np::median(d)),
        ("median", Some(a)) => nd(np::median_axis(x, a)?),
        ("percentile", None) => one(np::percentile(d, q.unwrap_or(37.5))?),
        ("percentile", Some(a)) => nd(np::quantile::percentile_axis(x, 37.5, a)?),
        ("quantile", None) => one(np::quantile(d, q.unwrap_or(0.9))?),
        ("quantile", Some(a)) => nd(np::quantile_axis(x, 0.9, a)?),
        ("linspace" | "linspace_step", _) => {
            let num = args["num"].as_i64().unwrap();
            let (v, step) =
                np::linspace_opts(d[0], d[1], num, args["endpoint"].as_bool().unwrap())?;
            if op == "linspace" {
                fl(vec![v.len()], v)
            } else {
                one(step)
            }
        }
        ("arange", _) => {
            let v = np::arange(d[0], d[1], d[2])?;
            fl(vec![v.len()], v)
        }
        ("take", _) => {
            let idx: Vec<i64> = args["indices"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_i64().unwrap())
                .collect();
            fl(vec![idx.len()], np::take(d, &idx)?)
        }
        // `numpy::ufunc` calls the platform libm: `std` only.
        #[cfg(feature = "std")]
        _ if op.starts_with("ufunc_") => {
            use np::ufunc;
            let f: fn(f64) -> f64 = match &op[6..] {
                "exp" => ufunc::exp,
                "log" => ufunc::log,
                "expm1" => ufunc::expm1,
                "log1p" => ufunc::log1p,
                "tan" => ufunc::tan,
                "arctan" => ufunc::arctan,
                "tanh" => ufunc::tanh,
                "tanh_baseline" => ufunc::tanh_baseline,
                other => panic!("ufunc {other}"),
            };
            fl(x.shape.clone(), ufunc::map(d, f))
        }
        _ => return python_call(op, d),
    })
}

#[cfg(feature = "python")]
fn python_call(op: &str, d: &[f64]) -> R {
    use np::py;
    let one = |v: f64| fl(vec![], vec![v]);
    let list = |v: Vec<f64>| fl(vec![v.len()], v);
    Ok(match op {
        "fsum" => one(py::fsum(d)?),
        "fmean" => one(py::fmean(d)?),
        "py_mean" => one(py::mean(d)?),
        "quantiles" => list(py::quantiles(d, 4, py::QuantileMethod::Exclusive)?),
        "quantiles10" => list(py::quantiles(d, 10, py::QuantileMethod::Exclusive)?),
        "quantiles_incl" => list(py::quantiles(d, 4, py::QuantileMethod::Inclusive)?),
        _ => panic!("unknown op {op}"),
    })
}

#[cfg(not(feature = "python"))]
fn python_call(op: &str, _: &[f64]) -> R {
    Err(nprand::Error::value(format!("needs python: {op}")))
}

/// `x` of a group: hex tokens or `RandomState(seed).standard_normal(n)`.
fn input<T: El>(g: &J) -> NdArray<T> {
    let shape: Vec<usize> = g["shape"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap() as usize)
        .collect();
    let data: Vec<T> = match &g["x"] {
        J::String(s) => s.split_whitespace().map(T::parse).collect(),
        spec => {
            let mut rs = nprand::RandomState::new(spec["seed"].as_u64().unwrap() as u32);
            let mut v = vec![0.0; spec["n"].as_u64().unwrap() as usize];
            rs.standard_normal_into(&mut v);
            v.into_iter()
                .map(|f| T::parse(&format!("{:016x}", f.to_bits())))
                .collect()
        }
    };
    NdArray { shape, data }
}

/// `dot` groups: shape `[m, k, n]`, operands from `RandomState(seed)`.
fn dot_call(op: &str, g: &J) -> R {
    let s: Vec<usize> = g["shape"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap() as usize)
        .collect();
    let (m, k, n) = (s[0], s[1], s[2]);
    let mut rs = nprand::RandomState::new(g["x"]["seed"].as_u64().unwrap() as u32);
    let mut a = vec![0.0; m * k];
    rs.standard_normal_into(&mut a);
    let kb = if op == "dot" || op == "matmul" {
        g["calls"][0]["args"]["k2"]
            .as_u64()
            .map_or(k, |v| v as usize)
    } else {
        k
    };
    let mut b = vec![0.0; kb * n];
    rs.standard_normal_into(&mut b);
    let a2 = NdArray::new(vec![m, k], a.clone())?;
    let b2 = NdArray::new(vec![kb, n], b.clone())?;
    let r = match op {
        "dot" => np::dot(&a2, &b2)?,
        "matmul" => np::matmul(&a2, &b2)?,
        "dot_vec_left" => np::dot(&NdArray::from_vec(a), &b2)?,
        "matmul_vec_right" => np::matmul(&a2, &NdArray::from_vec(b))?,
        "vdot" => NdArray::scalar(np::vdot(&a, &b)?),
        _ => panic!("{op}"),
    };
    Ok(nd(r))
}

fn expected(c: &J) -> std::result::Result<Out, (String, String)> {
    if let Some(e) = c.get("error") {
        return Err((
            e["type"].as_str().unwrap().into(),
            e["message"].as_str().unwrap().into(),
        ));
    }
    let r = &c["result"];
    Ok(Out {
        dtype: r["dtype"].as_str().unwrap().into(),
        shape: r["shape"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap() as usize)
            .collect(),
        data: r["data"].as_str().unwrap().into(),
    })
}

#[test]
fn numpy_ops_match_numpy_bitwise() {
    let fx = common::load_json("numpy_ops/cases.json");
    assert_eq!(
        fx["blas_arch"], "Haswell",
        "fixtures/numpy_ops must come from OpenBLAS's Haswell kernels (scripts/cpu_pin.py)"
    );
    // op -> (calls, mismatches)
    let mut tally: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    for (family, groups) in fx["groups"].as_object().unwrap() {
        if family == "cpython" && !cfg!(feature = "python") {
            continue;
        }
        for g in groups.as_array().unwrap() {
            let f32_input = g["dtype"] == "float32";
            for c in g["calls"].as_array().unwrap() {
                let op = c["op"].as_str().unwrap();
                if op.starts_with("ufunc_") && !cfg!(feature = "std") {
                    continue;
                }
                let args = &c["args"];
                let got = if family == "dot" {
                    dot_call(op, g)
                } else if f32_input {
                    reduce_call(op, args, &input::<f32>(g))
                } else {
                    let x = input::<f64>(g);
                    match reduce_call(op, args, &x) {
                        Err(e) if e.message().starts_with("f64 only") => f64_call(op, args, &x),
                        r => r,
                    }
                };
                let got = got.map_err(|e| (e.kind().name().to_string(), e.message().to_string()));
                let want = expected(c);
                let t = tally.entry(format!("{family}/{op}")).or_default();
                t.0 += 1;
                if got != want {
                    t.1 += 1;
                    if failures.len() < 30 {
                        failures.push(format!(
                            "{family}/{op} {:?} shape {} args {args}:\n  got  {:.150?}\n  want {:.150?}",
                            g["dtype"], g["shape"], got, want
                        ));
                    }
                }
            }
        }
    }
    for (op, (n, bad)) in &tally {
        eprintln!("{op:28} {n:5} calls, {bad} differ");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
