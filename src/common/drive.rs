//! NumPy's `cont`/`disc` drivers (`_common.pyx`), once for both front-ends: the checks in
//! NumPy's order, the output shape with NumPy's broadcast errors, and the fill in C order.

use crate::array::{
    broadcast_indices, broadcast_shapes, shape_repr, ufunc_broadcast, BroadcastWalk, NdArray,
};
use crate::error::{Error, Result};
use crate::prelude::*;

use super::alloc::{check_shape, reserve, Dtype};
use super::{Bulk, Kernel, Num, Output, PKind, Receiver, Spec};

/// `TypeError` unless `n` parameters are the spec's number.
fn check_arity<R: Receiver + ?Sized>(spec: &Spec<R>, n: usize) -> Result<()> {
    if n != spec.params.len() {
        return Err(Error::type_error(format!(
            "{}() takes {} parameters ({} given)",
            spec.name,
            spec.params.len(),
            n
        )));
    }
    Ok(())
}

/// The checks NumPy runs before allocating the output: `prepare`, then each parameter's
/// constraint in internal order (scalar or array messages).
///
/// ```
/// use nprand::array::NdArray;
/// use nprand::common::{precheck, Num};
/// use nprand::generator::broadcast::find;
/// let mut p = vec![NdArray::scalar(Num::F(-1.0))];
/// let e = precheck(find("pareto").unwrap(), &mut p, true).unwrap_err();
/// assert_eq!(e.message(), "a <= 0");
/// ```
pub fn precheck<R: Receiver + ?Sized>(
    spec: &Spec<R>,
    params: &mut [NdArray<Num>],
    is_scalar: bool,
) -> Result<()> {
    check_arity(spec, params.len())?;
    // The scalar checks read element 0; a caller's `is_scalar` on empty parameters gets
    // the array checks.
    let is_scalar = is_scalar && params.iter().all(|p| p.data.len() == 1);
    if let Some(p) = spec.prepare {
        p(params, is_scalar)?;
    }
    for k in spec.order() {
        let ps = &spec.params[k];
        let vals: Vec<f64> = params[k].data.iter().map(|n| n.f()).collect();
        if is_scalar {
            ps.cons.check_scalar(vals[0], ps.name)?;
        } else {
            ps.cons.check_array(&vals, ps.name)?;
        }
    }
    Ok(())
}

/// NumPy's output shape: `size`, or the broadcast of the parameters; with NumPy's
/// broadcast errors (`shape mismatch: …` with the argument numbers of its multi-iterator,
/// `Output size … is not compatible with broadcast dimensions of inputs …`).
///
/// ```
/// use nprand::common::output_shape;
/// assert_eq!(output_shape(&[&[2, 1], &[3]], None).unwrap(), vec![2, 3]);
/// assert_eq!(output_shape(&[&[3]], Some(&[1])).unwrap_err().message(),
///            "Output size (1,) is not compatible with broadcast dimensions of inputs (3,).");
/// ```
pub fn output_shape(shapes: &[&[usize]], size: Option<&[usize]>) -> Result<Vec<usize>> {
    let shape = match size {
        Some(s) => s.to_vec(),
        None => broadcast_shapes(shapes)?,
    };
    let mut with_out: Vec<&[usize]> = vec![&shape];
    with_out.extend(shapes);
    let it = broadcast_shapes(&with_out)?;
    if it != shape {
        return Err(Error::value(format!(
            "Output size {} is not compatible with broadcast dimensions of inputs {}.",
            shape_repr(&shape),
            shape_repr(&it)
        )));
    }
    Ok(shape)
}

/// Apply a parameter's conversion (float32 rounding, int64 truncation), as `Generator`'s
/// `PyArray_FROM_OTF` does.
///
/// ```
/// use nprand::array::NdArray;
/// use nprand::common::{convert, Num, PKind};
/// let c = convert(&NdArray::scalar(Num::F(2.7)), PKind::I64);
/// assert_eq!(c.data, [Num::I(2)]);
/// ```
pub fn convert(p: &NdArray<Num>, kind: PKind) -> NdArray<Num> {
    NdArray {
        shape: p.shape.clone(),
        data: p
            .data
            .iter()
            .map(|&n| match kind {
                PKind::F64 => Num::F(n.f()),
                PKind::F32 => Num::F(n.f() as f32 as f64),
                PKind::I64 => Num::I(n.i()),
            })
            .collect(),
    }
}

/// Elementwise `f(a, b)` over the ufunc broadcast of two arrays, with the ufunc's error
/// (`operands could not be broadcast together with shapes (2,) (3,) `).
pub(crate) fn ufunc2(
    a: &NdArray<Num>,
    b: &NdArray<Num>,
    f: impl Fn(Num, Num) -> Num,
) -> Result<NdArray<Num>> {
    let shape = ufunc_broadcast(&a.shape, &b.shape)?;
    let ai = broadcast_indices(&shape, &a.shape);
    let bi = broadcast_indices(&shape, &b.shape);
    let data = ai
        .iter()
        .zip(&bi)
        .map(|(&i, &j)| f(a.data[i], b.data[j]))
        .collect();
    Ok(NdArray { shape, data })
}

/// `np.any(op(a, b))` with a binary ufunc's broadcasting and its error.
pub(crate) fn any2(a: &NdArray<Num>, b: &NdArray<Num>, op: fn(f64, f64) -> bool) -> Result<bool> {
    let r = ufunc2(a, b, |x, y| Num::I(op(x.f(), y.f()) as i64))?;
    Ok(r.data.iter().any(|v| v.i() != 0))
}

/// Values per call of a [`Bulk`] fill in [`draw`]: each part is cleared and filled while
/// it is in cache (the bulk forms draw exactly what one call over the whole would).
const BULK_PART: usize = 8192;

/// The scalar path's `n` values from `spec.bulk`, in parts of [`BULK_PART`].
fn fill_bulk<R: Receiver + ?Sized, T: Copy + Default>(
    rcv: &mut R::Target<'_>,
    f: R::Fill<T>,
    args: &[Num],
    shape: &[usize],
    dtype: Dtype,
    n: usize,
) -> Result<Vec<T>> {
    let mut data = reserve(shape, dtype, n)?;
    while data.len() < n {
        let start = data.len();
        data.resize(n.min(start + BULK_PART), T::default());
        R::fill(f, rcv, &mut data[start..], args)?;
    }
    Ok(data)
}

/// NumPy's `cont`/`disc` on any receiver: the arity check, `prepare` and the constraints
/// (none of them draws), the output of shape `size` or the broadcast shape, filled in C
/// order: on the scalar path (every parameter 0-d) by the row's [`Bulk`] form where it
/// has one (the same values), else one kernel call per element. Every parameter 0-d and
/// `size == None` gives a 0-d result (NumPy returns a Python scalar). `params` are
/// already converted (see [`convert`]).
///
/// ```
/// use nprand::array::NdArray;
/// use nprand::common::{draw, Num, Output};
/// use nprand::legacy::broadcast::find;
/// let mut rs = nprand::RandomState::new(0);
/// let lam = NdArray::from_vec(vec![Num::F(1.0), Num::F(100.0)]);
/// let out = draw(&mut rs, find("exponential").unwrap(), vec![lam], Some(&[3, 2])).unwrap();
/// assert_eq!(out.shape(), &[3, 2]);
/// ```
pub fn draw<R: Receiver + ?Sized>(
    rcv: &mut R::Target<'_>,
    spec: &Spec<R>,
    mut params: Vec<NdArray<Num>>,
    size: Option<&[usize]>,
) -> Result<Output> {
    check_arity(spec, params.len())?;
    let is_scalar = params.iter().all(|p| p.ndim() == 0);
    precheck(spec, &mut params, is_scalar)?;
    let dtype = match spec.kernel {
        Kernel::F64(_) => Dtype::F64,
        Kernel::F32(_) => Dtype::F32,
        Kernel::I64(_) | Kernel::I64Try(_) => Dtype::I64,
    };
    // NumPy's `np.empty(size)` comes before its broadcast checks.
    if let Some(size) = size {
        check_shape(size, dtype)?;
    }
    let out_shape = if is_scalar {
        size.map(<[usize]>::to_vec).unwrap_or_default()
    } else {
        let order = spec.order();
        let shapes: Vec<&[usize]> = order.iter().map(|&k| params[k].shape.as_slice()).collect();
        output_shape(&shapes, size)?
    };
    let n = check_shape(&out_shape, dtype)?;
    if is_scalar {
        let args: Vec<Num> = params
            .iter()
            .filter_map(|p| p.data.first().copied())
            .collect();
        match (spec.kernel, spec.bulk) {
            (Kernel::F64(_), Bulk::F64(f)) => {
                let data = fill_bulk::<R, f64>(rcv, f, &args, &out_shape, dtype, n)?;
                return Ok(Output::F64(NdArray {
                    shape: out_shape,
                    data,
                }));
            }
            (Kernel::I64(_), Bulk::I64(f)) => {
                let data = fill_bulk::<R, i64>(rcv, f, &args, &out_shape, dtype, n)?;
                return Ok(Output::I64(NdArray {
                    shape: out_shape,
                    data,
                }));
            }
            _ => {}
        }
    }
    let mut walks: Vec<BroadcastWalk> = if is_scalar {
        Vec::new()
    } else {
        params
            .iter()
            .map(|p| BroadcastWalk::new(&out_shape, &p.shape))
            .collect()
    };
    // An empty parameter array means nothing is drawn; the placeholder is unused.
    let mut args: Vec<Num> = params
        .iter()
        .map(|p| p.data.first().copied().unwrap_or(Num::F(0.0)))
        .collect();
    macro_rules! fill {
        // `fill!(f, ?)` propagates the kernel's error, stopping at the first one (NumPy
        // would still be looping there).
        ($f:expr $(, $q:tt)?) => {{
            let mut data = reserve(&out_shape, dtype, n)?;
            for _ in 0..n {
                for (a, (p, w)) in args.iter_mut().zip(params.iter().zip(&mut walks)) {
                    *a = p.data[w.next_index()];
                }
                data.push(R::call($f, &mut *rcv, &args)$($q)?);
            }
            NdArray {
                shape: out_shape,
                data,
            }
        }};
    }
    Ok(match spec.kernel {
        Kernel::F64(f) => Output::F64(fill!(f)),
        Kernel::F32(f) => Output::F32(fill!(f)),
        Kernel::I64(f) => Output::I64(fill!(f)),
        Kernel::I64Try(f) => Output::I64(fill!(f, ?)),
    })
}
