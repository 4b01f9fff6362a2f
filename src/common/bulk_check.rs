//! Test helper for both front-ends' broadcast tables: each row's [`Bulk`] form against
//! its per-element kernel.

use crate::array::NdArray;
use crate::error::Result;
use crate::prelude::*;

use super::{Bulk, Num, Output, Receiver, Spec};

/// Parameter sets of the rows with a bulk form on both front-ends (the branches and
/// special cases of each: `weibull(0)` draws nothing, `power(0.3)` has an odd root,
/// `poisson(0)`, `binomial(0, p)`).
const SHARED_CASES: &[(&str, &[f64])] = &[
    ("uniform", &[-1.0, 3.0]),
    ("uniform", &[2.0, 2.0]),
    ("normal", &[0.5, 2.0]),
    ("exponential", &[2.0]),
    ("pareto", &[3.0]),
    ("weibull", &[1.5]),
    ("weibull", &[0.0]),
    ("power", &[0.3]),
    ("lognormal", &[0.0, 1.0]),
    ("gumbel", &[0.5, 2.0]),
    ("laplace", &[0.5, 2.0]),
    ("logistic", &[0.5, 2.0]),
    ("poisson", &[0.0]),
    ("poisson", &[5.0]),
    ("poisson", &[30.0]),
    ("binomial", &[20.0, 0.3]),
    ("binomial", &[1000.0, 0.5]),
    ("binomial", &[0.0, 0.5]),
];

/// Output sizes: empty, tiny, and across `draw`'s parts of 8192 values.
const SIZES: &[usize] = &[0, 1, 3, 1000, 8192, 8195, 20_000];

/// Every row of `specs` with a bulk form, on the scalar path with each parameter set of
/// the shared cases and of `cases` (the front-end's own rows; together they must name
/// every such row) and each output size, from each start:
/// drawn through the bulk form and through the per-element kernel (the same row with
/// `Bulk::None`), the results have the same dtype, shape and bits, and the generators
/// the same state after. Also `size=None` (one value).
pub(crate) fn check_bulk_rows<R, G>(
    specs: impl Iterator<Item = &'static Spec<R>>,
    cases: &[(&str, &[f64])],
    starts: &[G],
    broadcast: impl Fn(&mut G, &Spec<R>, &[NdArray<Num>], Option<&[usize]>) -> Result<Output>,
) where
    R: Receiver + ?Sized + 'static,
    G: Clone + PartialEq,
{
    let mut rows = 0;
    for spec in specs.filter(|s| !matches!(s.bulk, Bulk::None)) {
        rows += 1;
        let mut sets = SHARED_CASES
            .iter()
            .chain(cases)
            .filter(|(name, _)| *name == spec.name)
            .peekable();
        assert!(
            sets.peek().is_some(),
            "no parameters for bulk row {}",
            spec.name
        );
        let plain = Spec {
            bulk: Bulk::None,
            ..*spec
        };
        for (_, values) in sets {
            let params: Vec<NdArray<Num>> =
                values.iter().map(|&v| NdArray::scalar(Num::F(v))).collect();
            for start in starts {
                let sizes = SIZES.iter().map(|n| Some(vec![*n])).chain([None]);
                for size in sizes {
                    let what = format!("{}{values:?} size {size:?}", spec.name);
                    let (mut a, mut b) = (start.clone(), start.clone());
                    let x = broadcast(&mut a, spec, &params, size.as_deref());
                    let y = broadcast(&mut b, &plain, &params, size.as_deref());
                    match (x, y) {
                        (Ok(x), Ok(y)) => assert!(same(&x, &y), "{what}: values"),
                        (Err(x), Err(y)) => assert_eq!(x.to_string(), y.to_string(), "{what}"),
                        _ => panic!("{what}: one path failed"),
                    }
                    assert!(a == b, "{what}: state after");
                }
            }
        }
    }
    assert!(rows > 0, "no bulk rows");
}

/// Same dtype, shape and bits.
fn same(x: &Output, y: &Output) -> bool {
    match (x, y) {
        (Output::F64(x), Output::F64(y)) => {
            x.shape == y.shape
                && x.data.len() == y.data.len()
                && x.data
                    .iter()
                    .zip(&y.data)
                    .all(|(a, b)| a.to_bits() == b.to_bits())
        }
        (Output::I64(x), Output::I64(y)) => x.shape == y.shape && x.data == y.data,
        _ => false,
    }
}
