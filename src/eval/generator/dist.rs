//! Results as Python sees them, the `random`/`standard_*` fills, every distribution
//! of the spec table (`cont()`/`disc()`), `integers` and `bytes`.

use super::*;

/// A float32 array (`Data::F32`).
pub(crate) fn f32_array(v: Vec<f32>, shape: Vec<usize>) -> GenValue {
    GenValue {
        value: Value::array(Data::F32(v), shape),
        float32: true,
    }
}

pub(crate) fn output_value(out: Output, scalar: bool) -> GenValue {
    match out {
        Output::F64(a) if scalar => Value::py_scalar(Data::F64(a.data)).into(),
        Output::F32(a) if scalar => {
            Value::py_scalar(Data::F64(a.data.into_iter().map(f64::from).collect())).into()
        }
        Output::I64(a) if scalar => Value::py_scalar(Data::I64(a.data)).into(),
        Output::F64(a) => Value::array(Data::F64(a.data), a.shape).into(),
        Output::F32(a) => f32_array(a.data, a.shape),
        Output::I64(a) => Value::array(Data::I64(a.data), a.shape).into(),
    }
}

// ---------------------------------------------------------------------------------
// random / standard_normal / standard_exponential / standard_gamma
// ---------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fill {
    Random,
    Normal,
    Exponential,
}

pub(crate) fn eval_fill<B: BitGenerator>(
    g: &mut Generator<B>,
    call: &Call,
    which: Fill,
) -> Result<GenValue> {
    let (fname, names): (&str, &[&str]) = match which {
        Fill::Random => ("random", &["size", "dtype", "out"]),
        Fill::Normal => ("standard_normal", &["size", "dtype", "out"]),
        Fill::Exponential => ("standard_exponential", &["size", "dtype", "method", "out"]),
    };
    let b = bind(call, fname, names, 0)?;
    let f32 = float_dtype(b[1], fname)?;
    let inv = which == Fill::Exponential
        && b[2].is_some_and(|m| !matches!(m, Expr::Str(s) if s == "zig"));
    no_out(b[names.len() - 1], false)?;
    // np.empty(size, dtype): a float32 result's MemoryError names float32 and its bytes.
    let size = parse_size_as(b[0], if f32 { Dtype::F32 } else { Dtype::F64 })?;
    let n: usize = size.as_ref().map_or(1, |s| s.iter().product());
    if f32 {
        let mut v = vec![0f32; n];
        match which {
            Fill::Random => g.random_f32_into(&mut v),
            Fill::Normal => g.standard_normal_f32_into(&mut v),
            Fill::Exponential if inv => g.standard_exponential_inv_f32_into(&mut v),
            Fill::Exponential => g.standard_exponential_f32_into(&mut v),
        }
        return Ok(match size {
            None => Value::py_scalar(Data::F64(vec![v[0] as f64])).into(),
            Some(s) => f32_array(v, s),
        });
    }
    let mut v = vec![0f64; n];
    match which {
        Fill::Random => g.random_into(&mut v),
        Fill::Normal => g.standard_normal_into(&mut v),
        Fill::Exponential if inv => g.standard_exponential_inv_into(&mut v),
        Fill::Exponential => g.standard_exponential_into(&mut v),
    }
    Ok(match size {
        None => Value::py_scalar(Data::F64(v)).into(),
        Some(s) => Value::array(Data::F64(v), s).into(),
    })
}

pub(crate) fn eval_standard_gamma<B: BitGenerator>(
    g: &mut Generator<B>,
    call: &Call,
) -> Result<GenValue> {
    let b = bind(
        call,
        "standard_gamma",
        &["shape", "size", "dtype", "out"],
        1,
    )?;
    let f32 = float_dtype(b[2], "standard_gamma")?;
    no_out(b[3], true)?;
    let name = if f32 {
        "standard_gamma_f32"
    } else {
        "standard_gamma"
    };
    let spec = find(name).expect("standard_gamma specs exist");
    dist_from_bound(g, spec, &b[..2])
}

// ---------------------------------------------------------------------------------
// Distributions through cont()/disc()
// ---------------------------------------------------------------------------------

pub(crate) fn eval_dist<B: BitGenerator>(
    g: &mut Generator<B>,
    spec: &GenSpec,
    fname: &str,
    call: &Call,
) -> Result<GenValue> {
    let mut names: Vec<&str> = spec.params.iter().map(|p| p.name).collect();
    names.push("size");
    let bound = bind(call, fname, &names, spec.required())?;
    dist_from_bound(g, spec, &bound)
}

/// `bound`: the parameters in signature order, then `size`.
pub(crate) fn dist_from_bound<B: BitGenerator>(
    g: &mut Generator<B>,
    spec: &GenSpec,
    bound: &[Option<&Expr>],
) -> Result<GenValue> {
    let from_arrays = spec.name == "negative_binomial";
    let (out, scalar) = spec_output(spec, bound, from_arrays, |params, size| {
        g.broadcast(spec, params, size)
    })?;
    Ok(output_value(out, scalar))
}

// ---------------------------------------------------------------------------------
// integers, bytes
// ---------------------------------------------------------------------------------

/// A leaf of an `integers` bound that `int()` refuses. `np.asarray` takes it (a str
/// or object array), so the error comes only when the bound is converted: after the
/// other bound's array is made and, on the scalar path, after `low` converts.
pub(crate) enum BadLeaf {
    /// A string that is not an integer literal.
    Str(String),
    /// `None` or a type object (its type name).
    Obj(&'static str),
}

impl BadLeaf {
    /// `int(x)`'s error; the broadcast path converts NumPy scalars (`np.str_('a')`).
    fn error(&self, broadcast: bool) -> Error {
        match self {
            BadLeaf::Str(s) => {
                let r = str_repr(s);
                Error::value(format!(
                    "invalid literal for int() with base 10: {}",
                    if broadcast {
                        format!("np.str_({r})")
                    } else {
                        r
                    }
                ))
            }
            BadLeaf::Obj(t) => Error::type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{t}'"
            )),
        }
    }
}

/// `np.asarray(bound)` for `integers`: ints stay exact (int64, uint64 or object arrays),
/// a float array (also what mixing int64 and uint64 values gives) holds floats; the flag
/// says the array is boolean, and the first leaf `int()` will refuse is returned apart.
pub(crate) fn bound_array(e: &Expr) -> Result<(NdArray<IntBound>, bool, Option<BadLeaf>)> {
    let (shape, leaves) = nd_shape(e)?;
    let all_bool = !leaves.is_empty() && leaves.iter().all(|l| matches!(l, Expr::Bool(_)));
    let as_float = infer(&leaves) == Inferred::F64 && !shape.is_empty();
    let mut bad = None;
    let data = leaves
        .iter()
        .map(|l| match l {
            Expr::Int(i) if as_float => Ok(IntBound::Float(*i as f64)),
            Expr::Int(i) => Ok(IntBound::Int(*i)),
            Expr::Bool(b) if as_float => Ok(IntBound::Float(*b as u8 as f64)),
            Expr::Bool(b) => Ok(IntBound::Int(*b as i128)),
            Expr::Float(x) => Ok(IntBound::Float(*x)),
            Expr::Str(s) if pysem::parse_int(s).is_none() => {
                bad.get_or_insert(BadLeaf::Str(s.clone()));
                Ok(IntBound::Int(0))
            }
            Expr::None | Expr::Name(_) => {
                bad.get_or_insert(BadLeaf::Obj(type_name(l)));
                Ok(IntBound::Int(0))
            }
            other => Err(not_impl(format!(
                "integers() with a bound of type {}",
                type_name(other)
            ))),
        })
        .collect::<Result<Vec<_>>>()?;
    Ok((NdArray { shape, data }, all_bool, bad))
}

pub(crate) fn int_scalar_value<T: IntegerDtype>(v: T, py: bool) -> Value {
    let data = int_data(vec![v]);
    if py {
        Value::py_scalar(data)
    } else {
        Value::np_scalar(data)
    }
}

pub(crate) fn int_data<T: IntegerDtype>(v: Vec<T>) -> Data {
    match T::NAME {
        "bool" => Data::Bool(v.iter().map(|x| x.to_i128() != 0).collect()),
        "int8" => Data::I8(v.iter().map(|x| x.to_i128() as i8).collect()),
        "uint8" => Data::U8(v.iter().map(|x| x.to_i128() as u8).collect()),
        "int16" => Data::I16(v.iter().map(|x| x.to_i128() as i16).collect()),
        "uint16" => Data::U16(v.iter().map(|x| x.to_i128() as u16).collect()),
        "int32" => Data::I32(v.iter().map(|x| x.to_i128() as i32).collect()),
        "uint32" => Data::U32(v.iter().map(|x| x.to_i128() as u32).collect()),
        "int64" => Data::I64(v.iter().map(|x| x.to_i128() as i64).collect()),
        _ => Data::U64(v.iter().map(|x| x.to_i128() as u64).collect()),
    }
}

pub(crate) fn integers_typed<T: IntegerDtype, B: BitGenerator>(
    g: &mut Generator<B>,
    low: &Expr,
    high: &Expr,
    size: Option<&Expr>,
    endpoint: bool,
    py: bool,
) -> Result<Value> {
    if size_is_zero(size)? {
        let shape = parse_size_as(size, int_dtype::<T>())?.unwrap_or_default();
        return Ok(Value::array(int_data::<T>(vec![]), shape));
    }
    let (lshape, lleaves) = crate::eval::legacy::nd_shape(low)?;
    let (hshape, hleaves) = crate::eval::legacy::nd_shape(high)?;
    let number = |l: &&Expr| matches!(l, Expr::Int(_) | Expr::Bool(_) | Expr::Float(_));
    let scalars = lshape.is_empty() && hshape.is_empty();
    let numbers = lleaves.iter().all(number) && hleaves.iter().all(number);
    let (lo, lo_bool, lo_bad, hi, hi_bool, hi_bad) = if !scalars && !numbers {
        // Array bounds with elements that are no numbers: NumPy's checks of the
        // elements (the same `_rand_{dtype}_broadcast` as `randint`), in its order.
        // They pass only for 64-bit dtypes whose strings `int()` reads ('3'): then the
        // numbers they read are the bounds.
        let t = crate::generator::integers::bounds_type::<T>();
        let (lows, highs) = crate::eval::legacy::bound_leaves(&t, &lleaves, &hleaves, endpoint)?;
        let arr = |shape, data| NdArray { shape, data };
        let all_bool = |l: &[&Expr]| !l.is_empty() && l.iter().all(|e| matches!(e, Expr::Bool(_)));
        (
            arr(lshape, lows),
            all_bool(&lleaves),
            None,
            arr(hshape, highs),
            all_bool(&hleaves),
            None,
        )
    } else {
        let (lo, lo_bool, lo_bad) = bound_array(low)?;
        let (hi, hi_bool, hi_bad) = bound_array(high)?;
        (lo, lo_bool, lo_bad, hi, hi_bool, hi_bad)
    };
    let broadcast = lo.ndim() != 0 || hi.ndim() != 0;
    if !broadcast {
        // `low = int(low_arr); high = int(high_arr)`, in that order.
        if let Some(bad) = lo_bad {
            return Err(bad.error(false));
        }
        let l = int_bound_to_int(lo.data[0])?;
        if let Some(bad) = hi_bad {
            return Err(bad.error(false));
        }
        let h = int_bound_to_int(hi.data[0])?;
        let (off, rng) = crate::generator::integers::scalar_interval::<T>(l, h, endpoint)?;
        let size = parse_size_as(size, int_dtype::<T>())?;
        let n: usize = size.as_ref().map_or(1, |s| s.iter().product());
        let mut b = crate::generator::integers::Bounded::new(&mut g.bg);
        let v: Vec<T> = (0..n)
            .map(|_| crate::generator::integers::draw::<T, B>(&mut b, off, rng))
            .collect();
        return Ok(match size {
            None => int_scalar_value(v[0], py),
            Some(s) => Value::array(int_data(v), s),
        });
    }
    if let Some(bad) = lo_bad {
        return Err(bad.error(true));
    }
    if let Some(bad) = hi_bad {
        // `low` converts first: its NaN or infinity is reported before `high`'s leaf.
        for b in &lo.data {
            if let IntBound::Float(x) = b {
                float_to_int(*x)?;
            }
        }
        return Err(bad.error(true));
    }
    let bounds = crate::generator::integers::BroadcastBounds::new(
        &crate::generator::integers::bounds_type::<T>(),
        &lo,
        &hi,
        endpoint,
        (lo_bool, hi_bool),
    )?;
    let size = parse_size_as(size, int_dtype::<T>())?;
    let out: &[usize] = size.as_deref().unwrap_or(&[]);
    crate::eval::pysem::check_iter_dims(&[&lo.shape, &hi.shape, out])?;
    if size.is_none() {
        if let Ok(s) = broadcast_shapes(&[&lo.shape, &hi.shape]) {
            check_cap(&s)?;
        }
    }
    let out = g.integers_from_bounds::<T>(&bounds, size.as_deref())?;
    Ok(Value::array(int_data(out.data), out.shape))
}

/// The alloc dtype of an `integers` result of type `T`.
fn int_dtype<T: IntegerDtype>() -> Dtype {
    Dtype::new(T::NAME, std::mem::size_of::<T>())
}

pub(crate) fn int_bound_to_int(b: IntBound) -> Result<i128> {
    match b {
        IntBound::Int(i) => Ok(i),
        IntBound::Float(x) => float_to_int(x),
    }
}

pub(crate) fn eval_integers<B: BitGenerator>(g: &mut Generator<B>, call: &Call) -> Result<Value> {
    let b = bind(
        call,
        "integers",
        &["low", "high", "size", "dtype", "endpoint"],
        1,
    )?;
    let low = b[0].unwrap_or(&Expr::None);
    let zero = Expr::Int(0);
    let (low, high) = match opt(b[1]) {
        None => (&zero, low),
        Some(h) => (low, h),
    };
    let (ty, py) = resolve_int_dtype(b[3])?;
    let endpoint = b[4].is_some_and(truthy);
    let size = b[2];
    match ty {
        IntTy::Bool => integers_typed::<bool, B>(g, low, high, size, endpoint, py),
        IntTy::I8 => integers_typed::<i8, B>(g, low, high, size, endpoint, py),
        IntTy::U8 => integers_typed::<u8, B>(g, low, high, size, endpoint, py),
        IntTy::I16 => integers_typed::<i16, B>(g, low, high, size, endpoint, py),
        IntTy::U16 => integers_typed::<u16, B>(g, low, high, size, endpoint, py),
        IntTy::I32 => integers_typed::<i32, B>(g, low, high, size, endpoint, py),
        IntTy::U32 => integers_typed::<u32, B>(g, low, high, size, endpoint, py),
        IntTy::I64 => integers_typed::<i64, B>(g, low, high, size, endpoint, py),
        IntTy::U64 => integers_typed::<u64, B>(g, low, high, size, endpoint, py),
    }
}

pub(crate) fn eval_bytes<B: BitGenerator>(g: &mut Generator<B>, call: &Call) -> Result<Value> {
    let b = bind(call, "bytes", &["length"], 1)?;
    let length = c_intp_arg(b[0].unwrap_or(&Expr::None))?;
    // `(length - 1) // 4 + 1` in Py_ssize_t (C division; `length - 1` wraps for -2**63),
    // then `integers(…, size=n_uint32, dtype=np.uint32)` allocates.
    let words = (length.wrapping_sub(1) / 4 + 1) as i128;
    let words = check_dims(vec![words], Dtype::U32)?[0];
    let mut out = Vec::with_capacity(words as usize * 4);
    for _ in 0..words {
        out.extend_from_slice(&g.bg.next_u32().to_le_bytes());
    }
    // Python's bytes[:length]
    let keep = if length >= 0 {
        (length as usize).min(out.len())
    } else {
        out.len().saturating_sub(length.unsigned_abs() as usize)
    };
    out.truncate(keep);
    Ok(Value::bytes(out))
}
