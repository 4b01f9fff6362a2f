//! One distribution call read from text, for both NumPy front-ends: the bound arguments
//! of a [`Spec`] row become NumPy's parameter arrays and output shape, in NumPy's order.
//!
//! `mtrand`'s and `_generator`'s distributions both go through `_common.cont`/`disc`,
//! so the reading is the same for `RandomState` and `Generator`; only the final
//! broadcast draw is the receiver's.

use super::legacy::{check_cap, convert_param, parse_size};
use super::parser::Expr;
use crate::array::{broadcast_shapes, NdArray};
use crate::common::alloc::Dtype;
use crate::common::{self, Num, Output, Receiver, Spec};
use crate::error::{Error, Result};

/// `bound`: the parameters in signature order, then `size`. `from_arrays`: the method
/// reads its scalars from `PyArray_FROM_OTF` arrays rather than `float(x)` (Generator's
/// `negative_binomial`: None is NaN there and a numeric str converts; it converts its
/// two parameters last to first). `draw` is the receiver's
/// broadcast of the (unconverted) parameters to `size`. Returns the output and whether
/// NumPy returns a scalar (every parameter 0-d and no `size`).
pub(crate) fn spec_output<R: Receiver + ?Sized>(
    spec: &Spec<R>,
    bound: &[Option<&Expr>],
    from_arrays: bool,
    draw: impl FnOnce(&[NdArray<Num>], Option<&[usize]>) -> Result<Output>,
) -> Result<(Output, bool)> {
    let n = spec.params.len();
    let mut params: Vec<NdArray<Num>> = vec![NdArray::scalar(Num::F(0.0)); n];
    let mut scalar_errs: Vec<Option<Error>> = vec![None; n];
    // Generator.negative_binomial makes its arrays itself, `p` before `n`.
    let mut conversion_order = spec.order();
    if from_arrays {
        conversion_order.reverse();
    }
    for k in conversion_order {
        let ps = &spec.params[k];
        match bound[k] {
            Some(e) => {
                let (arr, err) = convert_param(e, ps.int())?;
                params[k] = arr;
                scalar_errs[k] = err;
            }
            None => {
                // Only parameters with a default can be absent after binding.
                let d = ps.default.unwrap_or(f64::NAN);
                params[k] = NdArray::scalar(if ps.int() {
                    Num::I(d as i64)
                } else {
                    Num::F(d)
                });
            }
        }
    }
    let is_scalar = params.iter().all(|p| p.ndim() == 0);
    if is_scalar && !from_arrays && scalar_errs.iter().any(Option::is_some) {
        // `cont`/`disc`'s scalar path converts and checks one parameter at a time
        // (`_a = PyFloat_AsDouble(a); check_constraint(_a, …); _b = …`), so a failed
        // check of an earlier parameter wins over a later one that cannot convert.
        for k in spec.order() {
            if let Some(e) = scalar_errs[k].take() {
                return Err(e);
            }
            if spec.prepare.is_none() {
                let ps = &spec.params[k];
                let v = common::convert(&params[k], ps.kind).data[0].f();
                ps.cons.check_scalar(v, ps.name)?;
            }
        }
    }
    // NumPy's checks as `cont`/`disc` make them, on the converted parameters (float32
    // rounding, int64 truncation).
    let converted = || -> Vec<NdArray<Num>> {
        params
            .iter()
            .zip(spec.params)
            .map(|(p, ps)| common::convert(p, ps.kind))
            .collect()
    };
    let size = match parse_size(bound[n], out_dtype(&spec.kernel)) {
        Ok(s) => s,
        Err(e) => {
            common::precheck(spec, &mut converted(), is_scalar)?;
            return Err(e);
        }
    };
    if size.is_none() && !is_scalar {
        let shapes: Vec<&[usize]> = params.iter().map(|p| p.shape.as_slice()).collect();
        if let Ok(shape) = broadcast_shapes(&shapes) {
            check_cap(&shape)?;
        }
    }
    let mut conv = Vec::new();
    if !is_scalar {
        // The constraints, then NumPy's multi-iterator over (out, params...): at most 32
        // dimensions each.
        conv = converted();
        common::precheck(spec, &mut conv, false)?;
        let mut shapes: Vec<&[usize]> = size.iter().map(Vec::as_slice).collect();
        shapes.extend(spec.order().into_iter().map(|k| params[k].shape.as_slice()));
        super::pysem::check_iter_dims(&shapes)?;
    }
    // An empty parameter array is at least 1-d, so the checks above have run.
    let out = if params.iter().any(|p| p.is_empty()) {
        // No draws: the output is necessarily empty, with NumPy's shape.
        let shapes: Vec<&[usize]> = spec
            .order()
            .iter()
            .map(|&k| conv[k].shape.as_slice())
            .collect();
        let shape = common::output_shape(&shapes, size.as_deref())?;
        Output::empty(&spec.kernel, shape)
    } else {
        draw(&params, size.as_deref())?
    };
    Ok((out, is_scalar && size.is_none()))
}

/// The dtype of a kernel's output, as NumPy's `MemoryError` names it.
fn out_dtype<R: Receiver + ?Sized>(kernel: &common::Kernel<R>) -> Dtype {
    match kernel {
        common::Kernel::F32(_) => Dtype::F32,
        common::Kernel::I64(_) | common::Kernel::I64Try(_) => Dtype::I64,
        _ => Dtype::F64,
    }
}
