//! `choice`, `shuffle`, `permutation` and `permuted`.

use super::*;

pub(crate) fn axis_error(axis: i128, ndim: usize) -> Error {
    Error::new(
        ErrorKind::AxisError,
        format!("axis {axis} is out of bounds for array of dimension {ndim}"),
    )
}

pub(crate) fn normalize_axis(e: Option<&Expr>, ndim: usize, default: i128) -> Result<usize> {
    let axis = match e {
        None => default,
        // normalize_axis_index takes a C int.
        Some(Expr::Int(i)) if i64::try_from(*i).is_err() => {
            return Err(overflow("Python int too large to convert to C long"))
        }
        Some(Expr::Int(i)) if i32::try_from(*i).is_err() => {
            return Err(overflow("Python int too large to convert to C int"))
        }
        Some(Expr::Int(i)) => *i,
        Some(Expr::Bool(b)) => *b as i128,
        Some(Expr::Float(_)) => {
            return Err(Error::type_error("integer argument expected, got float"))
        }
        Some(other) => {
            return Err(Error::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(other)
            )))
        }
    };
    let nd = ndim as i128;
    if axis < -nd || axis >= nd {
        return Err(axis_error(axis, ndim));
    }
    Ok((if axis < 0 { axis + nd } else { axis }) as usize)
}

pub(crate) fn eval_choice<B: BitGenerator>(g: &mut Generator<B>, call: &Call) -> Result<Value> {
    let b = bind(
        call,
        "choice",
        &["a", "size", "replace", "p", "axis", "shuffle"],
        1,
    )?;
    let a = b[0].unwrap_or(&Expr::None);
    let size_e = opt(b[1]);
    let replace = b[2].is_none_or(truthy);
    let shuffle = b[5].is_none_or(truthy);
    // `np.prod(size) != 0`, evaluated (with its errors) only for an empty population.
    let samples_taken = || size_is_zero(size_e).map(|z| !z);
    let (ashape, leaves) = nd_shape(a)?;
    // The axis as NumPy uses it: `a.shape[axis]` (Python tuple indexing, so an axis out of
    // range is an IndexError and a bool indexes like 0/1), then `a.take(idx, axis=axis)`
    // after the draws (which rejects a bool). Unused when `a` is an integer.
    let mut axis = 0usize;
    let mut bool_axis = false;
    // The population stays a Python int: `integers(0, pop_size)` takes 2**63.
    let (pop, arr): (i128, Option<Result<Data>>) = if ashape.is_empty() {
        let pop = match leaves[0] {
            Expr::Int(i) => *i,
            Expr::Bool(v) => *v as i128,
            other => {
                return Err(Error::value(format!(
                    "a must be a sequence or an integer, not <class '{}'>",
                    type_name(other)
                )))
            }
        };
        if pop <= 0 && samples_taken()? {
            return Err(Error::value(
                "a must be a positive integer unless no samples are taken",
            ));
        }
        (pop, None)
    } else {
        let nd = ashape.len() as i128;
        let ax = match b[4] {
            None => 0,
            Some(Expr::Int(i)) if i64::try_from(*i).is_err() => {
                return Err(Error::new(
                    ErrorKind::IndexError,
                    "cannot fit 'int' into an index-sized integer",
                ))
            }
            Some(Expr::Int(i)) => *i,
            Some(Expr::Bool(v)) => {
                bool_axis = true;
                *v as i128
            }
            Some(other) => {
                return Err(Error::type_error(format!(
                    "tuple indices must be integers or slices, not {}",
                    type_name(other)
                )))
            }
        };
        if ax < -nd || ax >= nd {
            return Err(Error::new(
                ErrorKind::IndexError,
                "tuple index out of range",
            ));
        }
        axis = (if ax < 0 { ax + nd } else { ax }) as usize;
        if ashape[axis] == 0 && samples_taken()? {
            return Err(Error::value(
                "a cannot be empty unless no samples are taken",
            ));
        }
        (
            ashape[axis] as i128,
            Some(population_data(&nd_shape(a)?.1)?),
        )
    };
    let p = match opt(b[3]) {
        None => None,
        Some(pe) => {
            // d = len(p), then PyArray_FROM_OTF(p, NPY_DOUBLE).
            // A str has a len; as an array it is 0-d (so not 1-dimensional).
            let (pshape, pleaves) = nd_shape(pe)?;
            if pshape.is_empty() && !matches!(pe, Expr::Str(_)) {
                return Err(Error::type_error(format!(
                    "object of type '{}' has no len()",
                    type_name(pe)
                )));
            }
            let vals = pleaves
                .iter()
                .map(|l| float_leaf(l))
                .collect::<Result<Vec<f64>>>()?;
            if pshape.len() != 1 {
                return Err(Error::value("p must be 1-dimensional"));
            }
            if vals.len() as i128 != pop {
                return Err(Error::value("a and p must have same size"));
            }
            Some(ChoiceP::new(&vals, vals.len())?)
        }
    };
    // size = np.prod(shape, dtype=np.intp), before the shape itself is read.
    let requested = size_e.map(prod_intp).transpose()?;
    if !replace {
        let n = requested.unwrap_or(1);
        if n > pop {
            return Err(Error::value(
                "Cannot take a larger sample than population when replace is False",
            ));
        }
        if n < 0 {
            return Err(Error::value("negative dimensions are not allowed"));
        }
    }
    if let Ok(pop) = i64::try_from(pop) {
        return choice_of(
            g, pop, size_e, replace, p, shuffle, arr, &ashape, axis, bool_axis,
        );
    }
    // Beyond int64 (only an integer `a` without `p` gets here).
    if !replace {
        // `pop_size_i = pop_size` (an int64_t).
        return Err(overflow("Python int too large to convert to C long"));
    }
    // integers(0, pop_size, size=shape, dtype=np.int64)
    let v = integers_typed::<i64, B>(g, &Expr::Int(0), &Expr::Int(pop), size_e, false, false)?;
    Ok(if size_e.is_none() {
        Value::py_scalar(v.data)
    } else {
        v
    })
}

/// `choice` of a population that fits int64: the library's draws, then `a.take(idx)`.
#[allow(clippy::too_many_arguments)]
fn choice_of<B: BitGenerator>(
    g: &mut Generator<B>,
    pop: i64,
    size_e: Option<&Expr>,
    replace: bool,
    p: Option<ChoiceP>,
    shuffle: bool,
    arr: Option<Result<Data>>,
    ashape: &[usize],
    axis: usize,
    bool_axis: bool,
) -> Result<Value> {
    // The first array NumPy allocates is the int64 `idx`. Without replacement and without
    // `p` NumPy draws `np.prod(size)` indices into a flat array first and only then sets
    // `idx.shape = size`: a size that `np.prod` takes but that is no shape (more than 64
    // dimensions, a bool, a float, a nested list) raises after the draws there.
    if replace && p.is_none() {
        // integers(0, pop, size=shape) first asks np.prod(size) == 0 (a string size has
        // no `multiply` loop there).
        size_is_zero(size_e)?;
    }
    let size = match parse_size_as(size_e, Dtype::I64) {
        Err(e) if !replace && p.is_none() && e.kind() != ErrorKind::MemoryError => {
            let n = size_e.map(prod_intp).transpose()?.unwrap_or(1);
            let n = usize::try_from(n).map_err(|_| e.clone())?;
            // The flat `idx` is `np.empty(n)`: the same size limits as any result.
            parse_size_as(Some(&Expr::Int(n as i128)), Dtype::I64)?;
            g.choice_indices(pop, Some(&[n]), replace, p.as_ref(), shuffle)?;
            return Err(e);
        }
        size => size?,
    };
    // Without replacement NumPy shuffles the tail of `arange(pop)` only when the sample
    // is a large share of the population; otherwise Floyd's algorithm allocates just the
    // sample, so the population itself is not bounded by nprand's element cap.
    let cutoff = if shuffle { 50 } else { 20 };
    let n_size: usize = size.as_deref().map_or(1, |s| s.iter().product());
    if !replace && p.is_none() && pop > 10000 && n_size as i64 > pop / cutoff {
        crate::eval::legacy::check_arange(pop as i128)?;
    }
    refuse_population(&arr)?;
    let out = g.choice_indices(pop, size.as_deref(), replace, p.as_ref(), shuffle)?;
    Ok(match arr {
        None if size.is_none() => Value::py_scalar(Data::I64(out.indices)),
        None => Value::array(Data::I64(out.indices), out.shape),
        Some(_) if bool_axis => {
            return Err(Error::type_error("an integer is required for the axis"))
        }
        Some(d) => {
            let d = d?;
            // a.take(idx, axis): a.shape[:axis] + idx.shape + a.shape[axis+1:]; a scalar
            // idx (size None) drops the axis, and a 1-d `a` then gives a NumPy scalar.
            // `take` checks the result's dimensions (after the draws).
            crate::common::alloc::check_take_ndim(ashape.len() - 1 + out.shape.len())?;
            let data = take_along(&d, ashape, axis, &out.indices);
            if size.is_none() && ashape.len() == 1 {
                Value::np_scalar(data)
            } else {
                let mut shape = ashape[..axis].to_vec();
                shape.extend_from_slice(&out.shape);
                shape.extend_from_slice(&ashape[axis + 1..]);
                Value::array(data, shape)
            }
        }
    })
}

pub(crate) fn eval_shuffle<B: BitGenerator>(g: &mut Generator<B>, call: &Call) -> Result<Value> {
    let b = bind(call, "shuffle", &["x", "axis"], 1)?;
    let x = b[0].unwrap_or(&Expr::None);
    // len(x) first, then `axis != 0` (the untyped path takes no axis).
    let len = match x {
        Expr::List(v) | Expr::Tuple(v) => v.len(),
        Expr::Str(s) => s.chars().count(),
        other => {
            return Err(Error::type_error(format!(
                "object of type '{}' has no len()",
                type_name(other)
            )))
        }
    };
    let axis_zero = match b[1] {
        None => true,
        Some(Expr::Int(i)) => *i == 0,
        Some(Expr::Bool(v)) => !*v,
        Some(Expr::Float(v)) => *v == 0.0,
        Some(_) => false,
    };
    if !axis_zero {
        return Err(not_impl(
            "Axis argument is only supported on ndarray objects",
        ));
    }
    match x {
        Expr::List(items) => {
            // A ragged list is shuffled (NumPy draws), then fails as an array.
            let mut rows = items.clone();
            g.shuffle(&mut rows);
            let (data, shape) = literal_array(&Expr::List(rows))?;
            Ok(Value::array(data, shape))
        }
        _ if len >= 2 => {
            // The first j is drawn before the item assignment fails.
            crate::generator::integers::random_interval(&mut g.bg, (len - 1) as u64);
            Err(Error::type_error(format!(
                "'{}' object does not support item assignment",
                type_name(x)
            )))
        }
        Expr::Str(_) => Ok(Value::none()),
        _ => {
            let (data, shape) = literal_array(x)?;
            Ok(Value::array(data, shape))
        }
    }
}

/// `arr` gathered along `axis` in the order `idx` (NumPy's `arr[..., idx, ...]`).
pub(crate) fn take_along(data: &Data, shape: &[usize], axis: usize, idx: &[i64]) -> Data {
    let outer: usize = shape[..axis].iter().product();
    let inner: usize = shape[axis + 1..].iter().product();
    let len = shape[axis];
    let mut flat = Vec::with_capacity(data.len());
    for o in 0..outer {
        for &i in idx {
            let base = (o * len + i as usize) * inner;
            flat.extend(base..base + inner);
        }
    }
    data.gather(&flat)
}

pub(crate) fn eval_permutation<B: BitGenerator>(
    g: &mut Generator<B>,
    call: &Call,
) -> Result<Value> {
    let b = bind(call, "permutation", &["x", "axis"], 1)?;
    let x = b[0].unwrap_or(&Expr::None);
    if let Some(v) = permutation_of_int(x, true, |n| g.permutation(n)) {
        return v;
    }
    if matches!(
        x,
        Expr::Float(_) | Expr::Str(_) | Expr::None | Expr::Name(_)
    ) {
        // np.asarray(x) is 0-d: no axis exists.
        return normalize_axis(b[1], 0, 0).map(|_| unreachable!("0-d has no axis"));
    }
    let (data, shape) = literal_array(x)?;
    // normalize_axis_index(axis, ndim): None is a TypeError here.
    let axis = normalize_axis(b[1], shape.len(), 0)?;
    if shape.len() == 1 {
        let mut idx: Vec<i64> = (0..shape[0] as i64).collect();
        g.shuffle(&mut idx);
        return Ok(Value::array(take_along(&data, &shape, 0, &idx), shape));
    }
    let mut idx: Vec<i64> = (0..shape[axis] as i64).collect();
    g.shuffle(&mut idx);
    Ok(Value::array(take_along(&data, &shape, axis, &idx), shape))
}

pub(crate) fn eval_permuted<B: BitGenerator>(g: &mut Generator<B>, call: &Call) -> Result<Value> {
    let b = bind_kw(call, "permuted", &["x", "axis", "out"], 1, 1)?;
    let x = b[0].unwrap_or(&Expr::None);
    // np.asarray(x), then `type(out) is not np.ndarray` (eval has no arrays).
    let (xshape, _) = nd_shape(x)?;
    if opt(b[2]).is_some() {
        return Err(Error::type_error("out must be a numpy array"));
    }
    // A 0-d x fails in `shuffle`'s len() or in normalize_axis_index, whatever its dtype.
    if xshape.is_empty() {
        return match opt(b[1]) {
            None => Err(Error::type_error("len() of unsized object")),
            Some(e) => normalize_axis(Some(e), 0, 0).map(|_| unreachable!("0-d has no axis")),
        };
    }
    let (data, shape) = literal_array(x)?;
    let axis = match opt(b[1]) {
        None => None,
        Some(e) => Some(normalize_axis(Some(e), shape.len(), 0)? as i64),
    };
    if axis.is_none() && shape.is_empty() {
        return Err(Error::type_error("len() of unsized object"));
    }
    let n = data.len();
    let idx: Vec<usize> = (0..n).collect();
    let perm = g.permuted(&idx, &shape, axis)?;
    Ok(Value::array(data.gather(&perm), shape))
}
