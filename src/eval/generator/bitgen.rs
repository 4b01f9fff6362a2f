//! `rng.bit_generator.NAME(...)`: the calls NumPy's bit generator classes answer
//! (`random_raw`, `advance`) and the `state` dict, reached as in Python through the
//! `bit_generator` attribute (`seed_seq` and `jumped(n).…` in `seed_seq.rs`). Members
//! that return an object whose repr names a memory address (`jumped()` itself, `spawn`,
//! `lock`) are not printed; a name no class has is NumPy's `AttributeError`.

use super::seed_seq::{eval_seed_seq, is_seed_seq_access, seed_seq_object};
use super::*;
use crate::bitgen::{Pcg64, Pcg64Dxsm, Philox};
use crate::common::alloc;
use crate::eval::parser::{parse_access, Access};
use num_bigint::{BigInt, BigUint};
use num_integer::Integer;

/// Whether `access` is on the bit generator (`bit_generator.x`, `rng.bit_generator.x`).
pub(super) fn is_bit_generator_access(access: &Access) -> bool {
    let n = access.path.len();
    (n >= 2 && access.path[n - 2] == "bit_generator") || is_seed_seq_access(access)
}

/// NumPy's qualified class name, as its `AttributeError` shows it.
fn class_name(name: &str) -> &'static str {
    match name {
        "PCG64" => "numpy.random._pcg64.PCG64",
        "PCG64DXSM" => "numpy.random._pcg64.PCG64DXSM",
        "Philox" => "numpy.random._philox.Philox",
        "SFC64" => "numpy.random._sfc64.SFC64",
        _ => "numpy.random._mt19937.MT19937",
    }
}

fn no_attribute(bg_name: &str, attr: &str) -> Error {
    Error::new(
        ErrorKind::AttributeError,
        format!("'{}' object has no attribute '{attr}'", class_name(bg_name)),
    )
}

/// Evaluate `bit_generator.NAME` or `bit_generator.NAME(...)` on `g`'s bit generator.
pub(super) fn eval_bit_generator<B: BitGenerator>(
    g: &mut Generator<B>,
    access: &Access,
) -> Result<GenValue> {
    let attr = access.path.last().expect("a path has a name").as_str();
    // An int beyond i128 (advance reads any int; see saturate_big_ints).
    if let Some(saturated) = access
        .call
        .as_ref()
        .filter(|_| attr != "advance")
        .and_then(saturate_big_ints)
    {
        let saturated = saturated?;
        let before = g.bit_generator().state();
        let replaced = Access {
            path: access.path.clone(),
            call: Some(saturated.call.clone()),
        };
        eval_bit_generator(g, &replaced).map_err(|e| saturated.error(e))?;
        g.bit_generator_mut().set_state(&before)?;
        return Err(big_int_refusal());
    }
    if is_seed_seq_access(access) {
        return eval_seed_seq(g, access);
    }
    let bg_name = g.bit_generator().name();
    let has = |a: &str| match a {
        "random_raw" | "spawn" | "state" | "seed_seq" | "lock" | "capsule" | "cffi" | "ctypes" => {
            true
        }
        "jumped" => bg_name != "SFC64",
        "advance" => matches!(bg_name, "PCG64" | "PCG64DXSM" | "Philox"),
        _ => false,
    };
    if !has(attr) {
        return Err(no_attribute(bg_name, attr));
    }
    match (attr, &access.call) {
        ("random_raw", Some(call)) => random_raw(g.bit_generator_mut(), call).map(GenValue::from),
        ("advance", Some(call)) => advance(g.bit_generator_mut(), call).map(GenValue::from),
        ("state", None) => Err(not_impl(
            "bit_generator.state is a dict: nprand eval prints it only as a call's whole result",
        )),
        ("state" | "seed_seq" | "lock" | "capsule" | "cffi" | "ctypes", Some(_)) => {
            // A property called: NumPy's TypeError for calling what it returns.
            Err(not_impl(format!(
                "bit_generator.{attr}(...) is not supported by nprand eval"
            )))
        }
        (_, None) => Err(not_impl(format!(
            "bit_generator.{attr} is a Python object, which nprand eval cannot print"
        ))),
        (_, Some(_)) => Err(not_impl(format!(
            "bit_generator.{attr}(...) returns a Python object, which nprand eval cannot print"
        ))),
    }
}

/// `random_raw(size=None, output=True)`: a Python int, or a uint64 array of `size`;
/// `None` (and the words still drawn) with `output=False`.
fn random_raw<B: BitGenerator>(bg: &mut B, call: &Call) -> Result<Value> {
    let a = bind(call, "random_raw", &["size", "output"], 0)?;
    let output = a[1].is_none_or(truthy);
    let Some(shape) = parse_size(a[0])? else {
        let w = bg.next_raw();
        return Ok(if output {
            Value::py_scalar(Data::U64(vec![w]))
        } else {
            Value::none()
        });
    };
    let n = alloc::check_shape(&shape, alloc::Dtype::U64)?;
    let words = bg.random_raw(n)?;
    Ok(if output {
        Value::array(Data::U64(words), shape)
    } else {
        Value::none()
    })
}

/// NumPy's `wrap_int(val, bits)`, `val & (2**bits - 1)`: the int modulo 2**bits, two's
/// complement for a negative one, for ints of any size.
pub(super) fn wrap_int(val: &BigInt, bits: u32) -> BigUint {
    val.mod_floor(&(BigInt::from(1u8) << bits)).into_parts().1
}

/// `advance(delta)` (PCG64, PCG64DXSM, Philox): in place, `delta` as NumPy's `wrap_int`
/// takes it, modulo 2**128 for PCG64's state and 2**256 for Philox's counter (so `-1`
/// steps back). NumPy returns the bit generator itself, whose repr names a memory
/// address; nprand prints nothing, as for other in-place calls.
fn advance<B: BitGenerator>(bg: &mut B, call: &Call) -> Result<Value> {
    let a = bind(call, "advance", &["delta"], 1)?;
    let delta = match a[0].expect("required") {
        Expr::Int(i) => BigInt::from(*i),
        Expr::BigInt(i) => i.clone(),
        Expr::Bool(b) => BigInt::from(u8::from(*b)),
        other => {
            return Err(Error::type_error(format!(
                "unsupported operand type(s) for &: '{}' and 'int'",
                type_name(other)
            )))
        }
    };
    let mut words = [0u64; 4];
    for (w, d) in words.iter_mut().zip(wrap_int(&delta, 256).to_u64_digits()) {
        *w = d;
    }
    let delta = u128::from(words[0]) | u128::from(words[1]) << 64;
    let state = match bg.state() {
        BitGenState::Pcg64(s) => Pcg64::from_raw_state(s).advance(delta).state(),
        BitGenState::Pcg64Dxsm(s) => Pcg64Dxsm::from_raw_state(s).advance(delta).state(),
        BitGenState::Philox(s) => Philox::from_raw_state(s).advance_words(words).state(),
        _ => unreachable!("advance is looked up for PCG64, PCG64DXSM and Philox only"),
    };
    bg.set_state(&state)?;
    Ok(Value::none())
}

/// `bit_generator.state`, `bit_generator.seed_seq` or one of the seed sequence's
/// attributes as a whole call: Python's `repr` (the state dict with arrays as NumPy's
/// `repr` lays them out) and the JSON (for the state, what `--save-state` writes), or
/// `None` when `call` is something else.
pub(crate) fn state_object<B: BitGenerator>(
    g: &Generator<B>,
    call: &str,
) -> Option<Result<(String, String)>> {
    let access = parse_access(call).ok()?;
    if !is_bit_generator_access(&access) || access.call.is_some() {
        return None;
    }
    let attr = access.path.last()?.as_str();
    if is_seed_seq_access(&access) {
        return seed_seq_object(g, attr, false);
    }
    match attr {
        "state" => {
            let state = g.bit_generator().state();
            Some(Ok((state_repr(&state), state.to_json())))
        }
        "seed_seq" => seed_seq_object(g, attr, true),
        _ => None,
    }
}

/// Python's `repr(bit_generator.state)`.
fn state_repr(state: &BitGenState) -> String {
    use crate::eval::arrayprint::numpy_repr;
    let arr = |d: Data, n: usize| numpy_repr(&Value::array(d, vec![n]));
    let tail = |has: bool, u: u32| format!("'has_uint32': {}, 'uinteger': {u}}}", has as u8);
    let name = state.bit_generator();
    match state {
        BitGenState::Pcg64(s) | BitGenState::Pcg64Dxsm(s) => format!(
            "{{'bit_generator': '{name}', 'state': {{'state': {}, 'inc': {}}}, {}",
            s.state,
            s.inc,
            tail(s.has_uint32, s.uinteger)
        ),
        BitGenState::Philox(s) => format!(
            "{{'bit_generator': 'Philox', 'state': {{'counter': {}, 'key': {}}}, 'buffer': {}, \
             'buffer_pos': {}, {}",
            arr(Data::U64(s.counter.to_vec()), 4),
            arr(Data::U64(s.key.to_vec()), 2),
            arr(Data::U64(s.buffer.to_vec()), 4),
            s.buffer_pos,
            tail(s.has_uint32, s.uinteger)
        ),
        BitGenState::Sfc64(s) => format!(
            "{{'bit_generator': 'SFC64', 'state': {{'state': {}}}, {}",
            arr(Data::U64(s.state.to_vec()), 4),
            tail(s.has_uint32, s.uinteger)
        ),
        BitGenState::Mt19937(s) => format!(
            "{{'bit_generator': 'MT19937', 'state': {{'key': {}, 'pos': {}}}}}",
            arr(Data::U32(s.key.to_vec()), s.key.len()),
            s.pos
        ),
    }
}
