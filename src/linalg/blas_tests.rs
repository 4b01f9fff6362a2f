//! `rows_times` against NumPy's `np.dot(x, B)` and `x @ B.T` (fixtures/blas, written by
//! scripts/fixgen/blas.py), bitwise. The generator pins OpenBLAS to its Haswell kernels, the
//! ones reproduced, on whatever CPU it runs (scripts/cpu_pin.py), and records the family.

use super::*;
use crate::RandomState;

/// A product's name in the fixture, its one-row kernel and `B[k][j]`.
type Form<'a> = (&'a str, OneRow, &'a dyn Fn(usize, usize) -> f64);

fn fixture() -> serde_json::Value {
    let dir = std::env::var("NPRAND_FIXTURES_DIR")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures").to_string());
    let path = format!("{dir}/blas/cases.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).expect("fixtures/blas/cases.json")
}

fn hex_bits(s: &str) -> Vec<f64> {
    s.split_whitespace()
        .map(|t| f64::from_bits(u64::from_str_radix(t, 16).expect("hex bits")))
        .collect()
}

#[test]
fn products_match_numpy() {
    let doc = fixture();
    assert_eq!(
        doc["blas_arch"], "Haswell",
        "fixtures/blas must come from OpenBLAS's Haswell kernels (scripts/cpu_pin.py)"
    );
    let cases = doc["cases"].as_array().expect("cases");
    assert!(cases.len() >= 172, "{} cases", cases.len());
    let mut failures = Vec::new();
    for c in cases {
        let n = c["n"].as_u64().unwrap() as usize;
        let rows = c["rows"].as_u64().unwrap() as usize;
        let mut rs = RandomState::new(c["seed"].as_u64().unwrap() as u32);
        let mut x = vec![0.0; rows * n];
        rs.standard_normal_into(&mut x);
        let mut b = vec![0.0; n * n];
        rs.standard_normal_into(&mut b);
        let forms: [Form; 2] = [
            ("dot", OneRow::DotC, &|k, j| b[k * n + j]),
            ("matmul_t", OneRow::MatmulT, &|k, j| b[j * n + k]),
        ];
        for (name, one_row, bkj) in forms {
            let want = hex_bits(c[name].as_str().unwrap());
            let got = rows_times(&x, n, one_row, bkj);
            assert_eq!(got.len(), want.len());
            for (idx, (g, w)) in got.iter().zip(&want).enumerate() {
                let (i, j) = (idx / n, idx % n);
                if g.to_bits() != w.to_bits() {
                    failures.push(format!(
                        "{name} n={n} rows={rows} [{i}][{j}]: {g:e} vs {w:e}"
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} differ:\n{}",
        failures.len(),
        failures[..failures.len().min(20)].join("\n")
    );
}
