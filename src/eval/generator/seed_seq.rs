//! `bit_generator.seed_seq` (its repr, attributes and `generate_state`) and
//! `bit_generator.jumped(n).…` (the calls continue on the jumped copy) for `nprand eval`.

use super::*;
use crate::bitgen::{Pcg64, Pcg64Dxsm, Philox};
use crate::eval::parser::Access;
use crate::seed_sequence::Entropy;
use crate::SeedSequence;
use num_traits::ToPrimitive;

/// Whether `access` is on the bit generator's seed sequence (`bit_generator.seed_seq.x`).
pub(super) fn is_seed_seq_access(access: &Access) -> bool {
    let n = access.path.len();
    n >= 3 && access.path[n - 3] == "bit_generator" && access.path[n - 2] == "seed_seq"
}

/// The bit generator's seed sequence, or why there is none to show.
fn seed_seq<B: BitGenerator>(g: &Generator<B>) -> Result<&SeedSequence> {
    g.bit_generator().seed_seq().ok_or_else(|| {
        not_impl(
            "this bit generator keeps no SeedSequence (nprand's MT19937, or one built from a \
             state or by jumped(): NumPy's would hold fresh OS entropy)",
        )
    })
}

/// `bit_generator.seed_seq.NAME(...)`: `generate_state(n_words, dtype=np.uint32)`; the
/// plain attributes print only as a whole call ([`seed_seq_object`]).
pub(super) fn eval_seed_seq<B: BitGenerator>(
    g: &Generator<B>,
    access: &Access,
) -> Result<GenValue> {
    let attr = access.path.last().expect("a path has a name").as_str();
    let known = [
        "generate_state",
        "spawn",
        "entropy",
        "spawn_key",
        "pool_size",
        "n_children_spawned",
        "pool",
        "state",
    ];
    if !known.contains(&attr) {
        return Err(Error::new(
            ErrorKind::AttributeError,
            format!("'numpy.random.bit_generator.SeedSequence' object has no attribute '{attr}'"),
        ));
    }
    let ss = seed_seq(g)?;
    match (attr, &access.call) {
        ("generate_state", Some(call)) => {
            let a = bind(call, "generate_state", &["n_words", "dtype"], 1)?;
            let n = match a[0].expect("required") {
                Expr::Int(i) if *i >= 0 => usize::try_from(*i).unwrap_or(usize::MAX),
                Expr::Int(_) => return Err(Error::value("negative dimensions are not allowed")),
                other => {
                    return Err(Error::type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        type_name(other)
                    )))
                }
            };
            let name = match a[1] {
                None => "uint32".to_string(),
                Some(Expr::Name(n)) => np_attr(n).to_string(),
                Some(Expr::Str(s)) => s.trim_start_matches(['<', '=']).to_string(),
                Some(_) => String::new(),
            };
            let value = match name.as_str() {
                "uint32" | "u4" => Value::array(Data::U32(ss.generate_state(n)?), vec![n]),
                "uint64" | "u8" => Value::array(Data::U64(ss.generate_state_u64(n)?), vec![n]),
                _ => return Err(Error::value("only support uint32 or uint64")),
            };
            Ok(GenValue::from(value))
        }
        ("spawn", Some(_)) => Err(not_impl(
            "seed_seq.spawn returns SeedSequence objects, whose reprs nprand eval does not print",
        )),
        _ => Err(not_impl(format!(
            "bit_generator.seed_seq.{attr} is printed only as a call's whole result"
        ))),
    }
}

/// A Python int as JSON: a number when it fits 64 bits, else its decimal text (JSON
/// numbers beyond 64 bits do not survive most readers).
fn json_int(text: &str) -> serde_json::Value {
    text.parse::<u64>()
        .map(serde_json::Value::from)
        .or_else(|_| text.parse::<i64>().map(serde_json::Value::from))
        .unwrap_or_else(|_| serde_json::Value::String(text.to_string()))
}

/// A seed sequence's entropy as JSON: an int, or a (nested) list of them.
fn entropy_json(e: &Entropy) -> serde_json::Value {
    match e {
        Entropy::Seq(items) => serde_json::Value::Array(items.iter().map(entropy_json).collect()),
        other => json_int(&other.to_string()),
    }
}

fn spawn_key_json(ss: &SeedSequence) -> serde_json::Value {
    ss.spawn_key()
        .iter()
        .map(|k| json_int(&k.to_string()))
        .collect()
}

/// `bit_generator.seed_seq` or `bit_generator.seed_seq.NAME` as a whole call: Python's
/// repr and the JSON value (`None` for other names).
pub(super) fn seed_seq_object<B: BitGenerator>(
    g: &Generator<B>,
    attr: &str,
    whole: bool,
) -> Option<Result<(String, String)>> {
    let ss = match seed_seq(g) {
        Ok(ss) => ss,
        Err(e) => return Some(Err(e)),
    };
    let (repr, json) = match (whole, attr) {
        (true, _) => (
            ss.py_repr(),
            serde_json::json!({
                "entropy": entropy_json(ss.entropy()),
                "spawn_key": spawn_key_json(ss),
                "pool_size": ss.pool_size(),
                "n_children_spawned": ss.n_children_spawned(),
            }),
        ),
        (false, "entropy") => (ss.entropy().to_string(), entropy_json(ss.entropy())),
        (false, "spawn_key") => (ss.spawn_key_repr(), spawn_key_json(ss)),
        (false, "pool_size") => (ss.pool_size().to_string(), ss.pool_size().into()),
        (false, "n_children_spawned") => (
            ss.n_children_spawned().to_string(),
            ss.n_children_spawned().into(),
        ),
        _ => return None,
    };
    Some(Ok((repr, json.to_string())))
}

/// NumPy's `bit_generator.jumped(jumps)`: the state of the jumped copy (the original is
/// unchanged). `jumps` is an int (or bool) literal; MT19937 jumps `range(jumps)` times
/// (none for a negative count), PCG64/PCG64DXSM/Philox advance by `jumps` times their
/// jump step modulo the state size; SFC64 has no `jumped`.
pub(crate) fn jumped_state(state: &BitGenState, call: &Call) -> Result<BitGenState> {
    if let BitGenState::Sfc64(_) = state {
        return Err(Error::new(
            ErrorKind::AttributeError,
            "'numpy.random._sfc64.SFC64' object has no attribute 'jumped'",
        ));
    }
    let a = bind(call, "jumped", &["jumps"], 0)?;
    let jumps: i128 = match a[0] {
        None => 1,
        Some(Expr::Int(i)) => *i,
        // PCG64's and Philox's jumps depend on `jumps` modulo 2**128 only (their
        // advance wraps `jumps * step`); MT19937 refuses it past int64 either way.
        Some(Expr::BigInt(i)) => {
            let v = super::bitgen::wrap_int(i, 128).to_u128().unwrap_or(0) as i128;
            match state {
                BitGenState::Pcg64(_) | BitGenState::Pcg64Dxsm(_) | BitGenState::Philox(_) => v,
                _ if i.sign() == num_bigint::Sign::Minus => i128::MIN,
                _ => i128::MAX,
            }
        }
        Some(Expr::Bool(b)) => *b as i128,
        Some(other) => {
            return Err(not_impl(format!(
                "jumped() with a {} argument (NumPy's handling differs per class)",
                type_name(other)
            )))
        }
    };
    Ok(match state {
        BitGenState::Pcg64(s) => Pcg64::from_raw_state(*s).jumped(jumps).state(),
        BitGenState::Pcg64Dxsm(s) => Pcg64Dxsm::from_raw_state(*s).jumped(jumps).state(),
        BitGenState::Philox(s) => Philox::from_raw_state(*s).jumped(jumps).state(),
        _ => {
            if i64::try_from(jumps).is_err() {
                return Err(Error::new(
                    ErrorKind::OverflowError,
                    "Python int too large to convert to C long",
                ));
            }
            // Each jump is a polynomial product over the whole state: measured 2 ms in
            // NumPy, 0.6 ms here. Beyond 100,000 jumps (a minute here, over three in
            // NumPy) the call is refused rather than left to run for minutes to weeks.
            const MAX_JUMPS: u32 = 100_000;
            let n = u32::try_from(jumps.max(0))
                .ok()
                .filter(|&n| n <= MAX_JUMPS)
                .ok_or_else(|| {
                    not_impl(format!(
                        "MT19937.jumped({jumps}): nprand eval refuses more than {MAX_JUMPS} jumps \
                         (about 2 ms each in NumPy)"
                    ))
                })?;
            let mut mt = crate::Mt19937::new(0);
            BitGenerator::set_state(&mut mt, state)?;
            BitGenerator::state(&mt.jumped(n))
        }
    })
}

/// `bit_generator.jumped(ARGS)` at the start of `call` (optionally after `rng.`): the
/// `jumped(ARGS)` call and the rest of the text after its closing parenthesis.
pub(crate) fn split_jumped(call: &str) -> Option<(Call, &str)> {
    let t = call.trim_start();
    let t = t.strip_prefix("rng.").unwrap_or(t);
    let t = t.strip_prefix("bit_generator.jumped(")?;
    // The matching parenthesis (arguments are literals: skip over strings).
    let (mut depth, mut quote) = (1usize, None::<char>);
    for (i, c) in t.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(c),
            (None, '(' | '[') => depth += 1,
            (None, ')' | ']') => {
                depth -= 1;
                if depth == 0 {
                    let parsed = parse_call(&format!("jumped({})", &t[..i])).ok()?;
                    return Some((parsed, &t[i + 1..]));
                }
            }
            _ => {}
        }
    }
    None
}
