//! The distributions NumPy runs through `cont()`/`disc()` (every row of the spec
//! table), and `rand`, `randn`, `tomaxint`, `bytes`.

use super::*;

/// One parameter converted as `PyArray_FROM_OTF(x, NPY_DOUBLE / NPY_INT64)` does, plus
/// the error the scalar path would raise later (`PyFloat_AsDouble` / `<int64_t>`).
pub(crate) fn convert_param(e: &Expr, int: bool) -> Result<(NdArray<Num>, Option<Error>)> {
    let (shape, leaves) = nd_shape(e)?;
    let data: Vec<Num> = if int {
        leaves
            .iter()
            .map(|l| int_leaf(l).and_then(to_c_long).map(Num::I))
            .collect::<Result<_>>()?
    } else {
        leaves
            .iter()
            .map(|l| float_leaf(l).map(Num::F))
            .collect::<Result<_>>()?
    };
    let scalar_err = match (shape.is_empty(), e) {
        (true, Expr::Str(_)) if int => Some(Error::type_error("an integer is required")),
        (true, Expr::Str(_) | Expr::None) if !int => Some(Error::type_error(format!(
            "must be real number, not {}",
            type_name(e)
        ))),
        _ => None,
    };
    Ok((NdArray { shape, data }, scalar_err))
}

/// Any distribution of [`broadcast::specs`], called as `fname`.
pub(crate) fn eval_dist(
    rs: &mut RandomState,
    spec: &DistSpec,
    fname: &str,
    call: &Call,
) -> Result<Value> {
    let mut names: Vec<&str> = spec.params.iter().map(|p| p.name).collect();
    names.push("size");
    let bound = bind(call, fname, &names, spec.required())?;
    let (out, scalar) = spec_output(spec, &bound, false, |params, size| {
        rs.broadcast(spec, params, size)
    })?;
    Ok(match out {
        Output::F64(a) if scalar => Value::py_scalar(Data::F64(a.data)),
        Output::I64(a) if scalar => Value::py_scalar(Data::I64(a.data)),
        Output::F64(a) => Value::array(Data::F64(a.data), a.shape),
        Output::I64(a) => Value::array(Data::I64(a.data), a.shape),
        Output::F32(_) => unreachable!("RandomState has no float32 kernel"),
    })
}

// ---------------------------------------------------------------------------------
// rand, randn, tomaxint, bytes
// ---------------------------------------------------------------------------------

/// `rand(*dims)` / `randn(*dims)`.
pub(crate) fn eval_rand(rs: &mut RandomState, call: &Call, normal: bool) -> Result<Value> {
    let fname = if normal { "randn" } else { "rand" };
    no_kwargs(call, fname)?;
    if call.args.is_empty() {
        let x = if normal {
            rs.standard_normal()
        } else {
            rs.random_sample()
        };
        return Ok(Value::py_scalar(Data::F64(vec![x])));
    }
    crate::eval::pysem::check_size_len(call.args.len())?;
    let dims = call.args.iter().map(dim_from).collect::<Result<Vec<_>>>()?;
    let shape = check_dims(dims, Dtype::F64)?;
    let data = if normal {
        rs.randn(&shape)?
    } else {
        rs.rand(&shape)?
    };
    Ok(Value::array(Data::F64(data), shape))
}

/// `tomaxint(size=None)`: a Python int, or an int64 array.
pub(crate) fn eval_tomaxint(rs: &mut RandomState, call: &Call) -> Result<Value> {
    let b = bind(call, "tomaxint", &["size"], 0)?;
    match parse_size(b[0], Dtype::I64)? {
        None => Ok(Value::py_scalar(Data::I64(vec![rs.tomaxint()]))),
        Some(shape) => {
            let mut out = vec![0i64; shape.iter().product()];
            rs.tomaxint_into(&mut out);
            Ok(Value::array(Data::I64(out), shape))
        }
    }
}

/// Cython's conversion of an argument typed `np.npy_intp`.
pub(crate) fn c_intp_arg(e: &Expr) -> Result<i64> {
    match e {
        Expr::Int(_) | Expr::Bool(_) | Expr::Float(_) => to_c_long(int_leaf(e)?),
        _ => Err(Error::type_error("an integer is required")),
    }
}

/// `bytes(length)`: `(length - 1) // 4 + 1` words (C division), little-endian, cut
/// to `[:length]` with Python's slice rules.
pub(crate) fn eval_bytes(rs: &mut RandomState, call: &Call) -> Result<Value> {
    let b = bind(call, "bytes", &["length"], 1)?;
    let length = c_intp_arg(b[0].unwrap_or(&Expr::None))?;
    // npy_intp arithmetic: `length - 1` wraps for -2**63.
    let words = (length.wrapping_sub(1) / 4 + 1) as i128;
    let length = length as i128;
    let words = check_dims(vec![words], Dtype::U32)?[0];
    let mut out = Vec::with_capacity(words * 4);
    for _ in 0..words {
        out.extend_from_slice(&rs.bit_generator_mut().next_u32().to_le_bytes());
    }
    let total = out.len() as i128;
    let keep = if length >= 0 {
        length.min(total)
    } else {
        (total + length).max(0)
    };
    out.truncate(keep as usize);
    Ok(Value::bytes(out))
}
