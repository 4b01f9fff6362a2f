//! Constant folding: Python's arithmetic on the parsed literals (`+ - * / // % **`
//! on ints and floats, `i128` ints with Python's floor division and modulo signs,
//! correctly rounded int true division), named constants and `float(str)`.

use super::grammar::Group;
use super::lexer::abbreviate;
use super::*;
use crate::eval::pysem;
use crate::math::np::NpMath;
use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Mod,
    Pow,
}

impl BinOp {
    pub(super) fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
        }
    }
}

/// A number being folded: a Python int (any size, capped at [`MAX_INT_BITS`]) or a
/// float.
#[derive(Debug, Clone)]
pub(super) enum Num {
    Int(BigInt),
    Float(f64),
}

impl Num {
    pub(super) fn of(e: &Expr) -> Option<Num> {
        match e {
            Expr::Int(i) => Some(Num::Int(BigInt::from(*i))),
            Expr::BigInt(i) => Some(Num::Int(i.clone())),
            Expr::Bool(b) => Some(Num::Int(BigInt::from(u8::from(*b)))),
            Expr::Float(f) => Some(Num::Float(*f)),
            _ => None,
        }
    }

    /// Python's `float(x)`.
    pub(super) fn to_f64(&self) -> Result<f64, String> {
        match self {
            Num::Int(i) => int_to_f64(i),
            Num::Float(f) => Ok(*f),
        }
    }

    pub(super) fn into_expr(self) -> Expr {
        match self {
            Num::Int(i) => Expr::int(i),
            Num::Float(f) => Expr::Float(f),
        }
    }
}

/// The largest int the fold builds, in bits: Python has no bound, but `3**10**10` would
/// take minutes and gigabytes, and an int past about 14,000 bits cannot be printed
/// anyway (CPython's 4300-digit limit).
pub(crate) const MAX_INT_BITS: u64 = 1 << 20;

pub(super) const TOO_LARGE: &str = "integer too large (nprand eval folds ints of up to 2**20 bits)";
pub(super) const DIV_ZERO: &str = "division by zero";

pub(super) use crate::eval::pysem::type_name;

/// Python's sequence repetition and concatenation (`[1/6] * 6`, `[0.5] + [0.5]`), capped
/// so that a pasted call cannot ask for an absurd literal.
pub(super) fn fold_sequence(op: BinOp, lhs: &Expr, rhs: &Expr) -> Option<Result<Expr, String>> {
    pub(super) const MAX_ITEMS: i128 = 1 << 20;
    let repeat = |items: &Vec<Expr>, n: i128, list: bool| {
        let n = n.max(0);
        if (items.len() as i128).saturating_mul(n) > MAX_ITEMS {
            return Err(format!("sequence repetition longer than {MAX_ITEMS} items"));
        }
        let out: Vec<Expr> = (0..n).flat_map(|_| items.iter().cloned()).collect();
        Ok(if list {
            Expr::List(out)
        } else {
            Expr::Tuple(out)
        })
    };
    let count = |e: &Expr| match e {
        Expr::Int(i) => Some(*i),
        // Beyond i128 the repetition is refused (or empty) all the same.
        Expr::BigInt(i) if i.is_negative() => Some(0),
        Expr::BigInt(_) => Some(i128::MAX),
        Expr::Bool(b) => Some(*b as i128),
        _ => None,
    };
    match (op, lhs, rhs) {
        (BinOp::Mul, Expr::List(v), n) | (BinOp::Mul, n, Expr::List(v)) => {
            Some(repeat(v, count(n)?, true))
        }
        (BinOp::Mul, Expr::Tuple(v), n) | (BinOp::Mul, n, Expr::Tuple(v)) => {
            Some(repeat(v, count(n)?, false))
        }
        (BinOp::Add, Expr::List(a), Expr::List(b)) => {
            Some(Ok(Expr::List(a.iter().chain(b).cloned().collect())))
        }
        (BinOp::Add, Expr::Tuple(a), Expr::Tuple(b)) => {
            Some(Ok(Expr::Tuple(a.iter().chain(b).cloned().collect())))
        }
        _ => None,
    }
}

pub(super) fn fold_binop(op: BinOp, lhs: &Expr, rhs: &Expr) -> Result<Expr, String> {
    if let Some(r) = fold_sequence(op, lhs, rhs) {
        return r;
    }
    match (Num::of(lhs), Num::of(rhs)) {
        (Some(a), Some(b)) => num_binop(op, a, b).map(Num::into_expr),
        _ => Err(match (lhs, rhs) {
            (Expr::Name(n), _) | (_, Expr::Name(n)) => {
                format!("arithmetic on the name '{n}' is not supported")
            }
            _ => format!(
                "unsupported operand types for {}: '{}' and '{}' (only numbers can be combined)",
                op.symbol(),
                type_name(lhs),
                type_name(rhs)
            ),
        }),
    }
}

pub(super) fn fold_unary(negate: bool, v: &Expr) -> Result<Expr, String> {
    match Num::of(v) {
        Some(Num::Int(i)) if negate => Ok(Expr::int(-i)),
        Some(Num::Float(f)) if negate => Ok(Expr::Float(-f)),
        Some(n) => Ok(n.into_expr()),
        None => Err(match v {
            Expr::Name(n) => format!("arithmetic on the name '{n}' is not supported"),
            _ => format!(
                "bad operand type for unary {}: '{}'",
                if negate { "-" } else { "+" },
                type_name(v)
            ),
        }),
    }
}

/// Python's semantics for `a op b` on ints (bools included) and floats.
pub(super) fn num_binop(op: BinOp, a: Num, b: Num) -> Result<Num, String> {
    if let (Num::Int(x), Num::Int(y)) = (&a, &b) {
        return int_binop(op, x, y);
    }
    let (x, y) = (a.to_f64()?, b.to_f64()?);
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::Div if y == 0.0 => return Err(DIV_ZERO.into()),
        BinOp::Div => x / y,
        BinOp::FloorDiv | BinOp::Mod if y == 0.0 => return Err(DIV_ZERO.into()),
        BinOp::FloorDiv => float_div_mod(x, y).0,
        BinOp::Mod => float_div_mod(x, y).1,
        BinOp::Pow => float_pow(x, y)?,
    };
    Ok(Num::Float(r))
}

/// Python's int arithmetic, on ints of up to [`MAX_INT_BITS`] bits.
pub(super) fn int_binop(op: BinOp, x: &BigInt, y: &BigInt) -> Result<Num, String> {
    let too_large = || TOO_LARGE.to_string();
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        // The product has at least bits(x) + bits(y) - 1 bits: refused before it is built.
        BinOp::Mul if !x.is_zero() && !y.is_zero() && x.bits() + y.bits() - 1 > MAX_INT_BITS => {
            return Err(too_large())
        }
        BinOp::Mul => x * y,
        BinOp::Div if y.is_zero() => return Err(DIV_ZERO.into()),
        BinOp::Div => return int_true_div(x, y).map(Num::Float),
        BinOp::FloorDiv | BinOp::Mod if y.is_zero() => return Err(DIV_ZERO.into()),
        BinOp::FloorDiv => x.div_floor(y),
        BinOp::Mod => x.mod_floor(y),
        // CPython hands a negative exponent to float's `**`, converting both ints.
        BinOp::Pow if y.is_negative() => {
            if x.is_zero() {
                return Err(format!(
                    "{DIV_ZERO}: 0 cannot be raised to a negative power"
                ));
            }
            return float_pow(int_to_f64(x)?, int_to_f64(y)?).map(Num::Float);
        }
        BinOp::Pow if x.is_zero() => BigInt::from(u8::from(y.is_zero())),
        BinOp::Pow if x.magnitude() == &BigUint::from(1u8) => {
            if x.is_negative() && y.is_odd() {
                x.clone()
            } else {
                BigInt::from(1u8)
            }
        }
        BinOp::Pow => {
            // |x| >= 2, so x**y has at least (bits(x) - 1) * y + 1 bits.
            let e = y
                .to_u64()
                .filter(|&e| (x.bits() - 1).saturating_mul(e) < MAX_INT_BITS)
                .ok_or_else(too_large)?;
            x.pow(e as u32)
        }
    };
    if r.bits() > MAX_INT_BITS {
        return Err(too_large());
    }
    Ok(Num::Int(r))
}

/// Python's `float(int)`, with CPython's `OverflowError` words.
pub(super) fn int_to_f64(i: &BigInt) -> Result<f64, String> {
    pysem::int_to_f64(i).ok_or_else(|| pysem::INT_TO_FLOAT.to_string())
}

/// Python's `int / int` (`y` is not zero), with CPython's `OverflowError` words.
pub(super) fn int_true_div(x: &BigInt, y: &BigInt) -> Result<f64, String> {
    pysem::int_true_div(x, y).ok_or_else(|| pysem::INT_DIV_TOO_LARGE.to_string())
}

/// CPython's `_float_div_mod`: floor division and modulo for floats. The
/// divisor must not be zero.
pub(super) fn float_div_mod(vx: f64, wx: f64) -> (f64, f64) {
    let mut rem = vx % wx; // C fmod
    let mut div = (vx - rem) / wx;
    if rem != 0.0 {
        if (wx < 0.0) != (rem < 0.0) {
            rem += wx;
            div -= 1.0;
        }
    } else {
        rem = 0.0_f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0_f64.copysign(vx / wx)
    };
    (floordiv, rem)
}

pub(super) fn is_odd_integer(x: f64) -> bool {
    x.abs() % 2.0 == 1.0
}

/// CPython's `float_pow`: the special cases are settled here, the rest is
/// left to the platform `pow`, and overflow is an error.
pub(super) fn float_pow(iv: f64, iw: f64) -> Result<f64, String> {
    if iw == 0.0 {
        return Ok(1.0);
    }
    if iv.is_nan() {
        return Ok(iv);
    }
    if iw.is_nan() {
        return Ok(if iv == 1.0 { 1.0 } else { iw });
    }
    if iw.is_infinite() {
        let a = iv.abs();
        return Ok(if a == 1.0 {
            1.0
        } else if (iw > 0.0) == (a > 1.0) {
            iw.abs()
        } else {
            0.0
        });
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        return Ok(if iw > 0.0 {
            if odd {
                iv
            } else {
                iv.abs()
            }
        } else if odd {
            0.0_f64.copysign(iv)
        } else {
            0.0
        });
    }
    if iv == 0.0 {
        if iw < 0.0 {
            return Err(format!(
                "{DIV_ZERO}: 0.0 cannot be raised to a negative power"
            ));
        }
        return Ok(if is_odd_integer(iw) { iv } else { 0.0 });
    }
    let mut base = iv;
    let mut negate = false;
    if iv < 0.0 {
        if iw != iw.floor() {
            return Err(
                "a negative number raised to a fractional power is complex, \
                 which is not supported"
                    .into(),
            );
        }
        base = -iv;
        negate = is_odd_integer(iw);
    }
    if base == 1.0 {
        return Ok(if negate { -1.0 } else { 1.0 });
    }
    let r = base.np_pow(iw);
    if r.is_infinite() {
        return Err("numerical result out of range (float overflow)".into());
    }
    Ok(if negate { -r } else { r })
}

/// Float constants available by name.
pub(super) fn named_constant(name: &str) -> Option<f64> {
    let (module, attr) = match name.rsplit_once('.') {
        Some((m, a)) => (m, a),
        None => ("", name),
    };
    let numpy = module == "np" || module == "numpy";
    let value = match (module, attr) {
        ("", "nan") | ("math", "nan") => f64::NAN,
        ("", "inf") | ("math", "inf") => f64::INFINITY,
        ("math", "pi") => std::f64::consts::PI,
        ("math", "e") => std::f64::consts::E,
        ("math", "tau") => std::f64::consts::TAU,
        (_, "nan" | "NaN" | "NAN") if numpy => f64::NAN,
        (_, "inf" | "Inf" | "Infinity" | "PINF" | "infty") if numpy => f64::INFINITY,
        (_, "NINF") if numpy => f64::NEG_INFINITY,
        (_, "pi") if numpy => std::f64::consts::PI,
        (_, "e") if numpy => std::f64::consts::E,
        (_, "euler_gamma") if numpy => 0.577_215_664_901_532_9,
        _ => return None,
    };
    Some(value)
}

/// Python's `float(str)`: surrounding whitespace, an optional sign, then
/// `inf`/`infinity`/`nan` (any case) or a decimal literal with `_` allowed
/// between digits.
pub(super) fn float_from_str(s: &str) -> Option<f64> {
    let t = s.trim();
    let (negative, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let magnitude = if lower == "inf" || lower == "infinity" {
        f64::INFINITY
    } else if lower == "nan" {
        f64::NAN
    } else {
        // digitpart? ('.' digitpart?)? (e sign? digitpart)?, with a digit in
        // the mantissa; underscores only between two digits.
        let b = body.as_bytes();
        let mut clean = String::with_capacity(b.len());
        let mut i = 0;
        let mut mantissa_digits = 0;
        let digit_part = |i: &mut usize, clean: &mut String| -> usize {
            let mut n = 0;
            while *i < b.len() {
                if b[*i].is_ascii_digit() {
                    clean.push(char::from(b[*i]));
                    n += 1;
                    *i += 1;
                } else if b[*i] == b'_'
                    && n > 0
                    && b.get(*i + 1).is_some_and(|c| c.is_ascii_digit())
                {
                    *i += 1;
                } else {
                    break;
                }
            }
            n
        };
        mantissa_digits += digit_part(&mut i, &mut clean);
        if b.get(i) == Some(&b'.') {
            clean.push('.');
            i += 1;
            mantissa_digits += digit_part(&mut i, &mut clean);
        }
        if mantissa_digits == 0 {
            return None;
        }
        if matches!(b.get(i), Some(b'e' | b'E')) {
            clean.push('e');
            i += 1;
            if let Some(&s @ (b'+' | b'-')) = b.get(i) {
                clean.push(char::from(s));
                i += 1;
            }
            if digit_part(&mut i, &mut clean) == 0 {
                return None;
            }
        }
        if i != b.len() {
            return None;
        }
        clean.parse::<f64>().ok()?
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// The value of `float(...)` from its parsed arguments.
pub(super) fn float_of_args(g: &Group) -> Result<Expr, ParseError> {
    let err = |m: String| Err(ParseError::new(g.offset, m));
    if !g.kwargs.is_empty() {
        return err("float() takes no keyword arguments".into());
    }
    let value = match g.items.as_slice() {
        [] => 0.0,
        [Expr::Str(s)] => match float_from_str(s) {
            Some(f) => f,
            None => {
                return err(format!(
                    "could not convert string to float: {}",
                    abbreviate(&str_repr(s))
                ))
            }
        },
        [other] => match Num::of(other) {
            Some(n) => match n.to_f64() {
                Ok(f) => f,
                Err(e) => return err(e),
            },
            None => {
                return err(format!(
                    "float() argument must be a string or a real number, not '{}'",
                    type_name(other)
                ))
            }
        },
        items => {
            return err(format!(
                "float() takes at most 1 argument ({} given)",
                items.len()
            ))
        }
    };
    Ok(Expr::Float(value))
}
