//! Invariants of `nprand::numpy` on random lengths and shapes around the summation
//! blocks (8, 128) — the values themselves are checked against NumPy in numpy_ops.rs;
//! these check what must hold whatever NumPy's order: exact cases, consistency between
//! the whole-array and axis forms, and that no input panics.

use nprand::array::NdArray;
use nprand::numpy as np;
use proptest::prelude::*;

/// Lengths around the pairwise blocks, and anything up to 1,100.
fn length() -> impl Strategy<Value = usize> {
    prop_oneof![
        prop::sample::select(vec![
            0usize, 1, 7, 8, 9, 15, 16, 17, 127, 128, 129, 255, 256, 257, 1000, 1025
        ]),
        0usize..1100,
    ]
}

/// Integer-valued floats: every partial sum is exact, so every order gives the same.
fn ints(n: usize) -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec((-1000i32..1000).prop_map(f64::from), n)
}

fn floats(n: usize) -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(-1e6f64..1e6, n)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn exact_sums_do_not_depend_on_order(v in length().prop_flat_map(ints)) {
        let exact: f64 = v.iter().sum();
        prop_assert_eq!(np::sum(&v), exact);
        let mut r = v.clone();
        r.reverse();
        prop_assert_eq!(np::sum(&r), exact);
        // cumsum's last element is the left-to-right running sum.
        if let Some(&last) = np::cumsum(&v).last() {
            prop_assert_eq!(last, exact);
        }
    }

    #[test]
    fn axis_forms_agree_with_the_whole_array_forms(v in length().prop_flat_map(floats)) {
        let n = v.len();
        let row = NdArray::new(vec![1, n], v.clone()).unwrap();
        let col = NdArray::new(vec![n, 1], v.clone()).unwrap();
        // A lane that is the inner loop (a row, or a column of width 1) is summed pairwise.
        prop_assert_eq!(np::sum_axis(&row, 1).unwrap().data[0].to_bits(), np::sum(&v).to_bits());
        prop_assert_eq!(np::sum_axis(&col, 0).unwrap().data[0].to_bits(), np::sum(&v).to_bits());
        prop_assert_eq!(np::mean(&v).to_bits(), (np::sum(&v) / n as f64).to_bits());
        let cs = np::cumsum_axis(&col, 0).unwrap();
        prop_assert_eq!(&cs.data, &np::cumsum(&v));
        prop_assert_eq!(np::var_axis(&row, -1, 1.0).unwrap().data[0].to_bits(), np::var(&v, 1.0).to_bits());
    }

    #[test]
    fn order_statistics_are_consistent(v in (1usize..300).prop_flat_map(floats), q in 0.0f64..=100.0) {
        let s = np::sort(&v);
        let idx = np::argsort(&v);
        let taken = np::take(&v, &idx.iter().map(|&i| i as i64).collect::<Vec<_>>()).unwrap();
        prop_assert_eq!(&s, &taken);
        prop_assert!(s.windows(2).all(|w| w[0] <= w[1]));
        let p = np::percentile(&v, q).unwrap();
        prop_assert!(s[0] <= p && p <= s[s.len() - 1]);
        prop_assert_eq!(np::percentile(&v, 0.0).unwrap(), s[0]);
        prop_assert_eq!(np::percentile(&v, 100.0).unwrap(), s[s.len() - 1]);
        prop_assert_eq!(np::max(&v).unwrap(), s[s.len() - 1]);
        prop_assert_eq!(v[np::argmin(&v).unwrap()], s[0]);
    }

    #[test]
    fn small_integer_products_are_exact(m in 1usize..12, k in 1usize..40, n in 1usize..12, seed in any::<u32>()) {
        let mut rs = nprand::RandomState::new(seed);
        let mut a = vec![0i64; m * k];
        let mut b = vec![0i64; k * n];
        rs.randint_into(&mut a, -50, 50).unwrap();
        rs.randint_into(&mut b, -50, 50).unwrap();
        let af: Vec<f64> = a.iter().map(|&x| x as f64).collect();
        let bf: Vec<f64> = b.iter().map(|&x| x as f64).collect();
        let c = np::matmul(&NdArray::new(vec![m, k], af).unwrap(), &NdArray::new(vec![k, n], bf).unwrap()).unwrap();
        prop_assert_eq!(&c.shape, &vec![m, n]);
        for i in 0..m {
            for j in 0..n {
                let exact: i64 = (0..k).map(|t| a[i * k + t] * b[t * n + j]).sum();
                prop_assert_eq!(c.data[i * n + j], exact as f64);
            }
        }
    }

    #[test]
    fn no_input_panics(shape in prop::collection::vec(0usize..5, 0..4), axis in -5isize..5,
                       q in -10.0f64..110.0, n in -3i64..5, lens in (0usize..6, 0usize..6)) {
        let len: usize = shape.iter().product();
        let data: Vec<f64> = (0..len).map(|i| (i as f64 * 0.37).sin()).collect();
        let a = NdArray { shape: shape.clone(), data: data.clone() };
        let _ = np::sum_axis(&a, axis);
        let _ = np::var_axis(&a, axis, 1.0);
        let _ = np::max_axis(&a, axis);
        let _ = np::argmin_axis(&a, axis);
        let _ = np::cumprod_axis(&a, axis);
        let _ = np::diff_axis(&a, n, axis);
        let _ = np::median_axis(&a, axis);
        let _ = np::quantile::percentile_axis(&a, q, axis);
        let _ = np::sort_axis(&a, axis);
        let _ = np::percentile(&data, q);
        let _ = np::linspace(0.0, q, n);
        let _ = np::arange(0.0, q, n as f64 * 0.5);
        // A shape that does not match the data is an error, not a panic.
        let bad = NdArray { shape: vec![len + 1], data: data.clone() };
        prop_assert!(np::sum_axis(&bad, 0).is_err());
        let x = NdArray { shape: vec![lens.0], data: vec![1.0; lens.0] };
        let y = NdArray { shape: vec![lens.1, 2], data: vec![1.0; lens.1 * 2] };
        let _ = np::dot(&x, &y);
        let _ = np::matmul(&y, &x);
        let _ = np::take(&data, &[n, -n, i64::MIN, i64::MAX]);
    }
}
