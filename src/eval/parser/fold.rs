//! Constant folding: Python's arithmetic on the parsed literals (`+ - * / // % **`
//! on ints and floats, `i128` ints with Python's floor division and modulo signs,
//! correctly rounded int true division), named constants and `float(str)`.

use super::grammar::Group;
use super::lexer::abbreviate;
use super::*;
use crate::math::np::NpMath;

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

#[derive(Debug, Clone, Copy)]
pub(super) enum Num {
    Int(i128),
    Float(f64),
}

impl Num {
    pub(super) fn of(e: &Expr) -> Option<Num> {
        match *e {
            Expr::Int(i) => Some(Num::Int(i)),
            Expr::Bool(b) => Some(Num::Int(i128::from(b))),
            Expr::Float(f) => Some(Num::Float(f)),
            _ => None,
        }
    }

    pub(super) fn to_f64(self) -> f64 {
        match self {
            // `as` rounds to nearest, ties to even: exactly Python's float(int).
            Num::Int(i) => i as f64,
            Num::Float(f) => f,
        }
    }

    pub(super) fn into_expr(self) -> Expr {
        match self {
            Num::Int(i) => Expr::Int(i),
            Num::Float(f) => Expr::Float(f),
        }
    }
}

pub(super) const TOO_LARGE: &str = "integer too large";
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
        Some(Num::Int(i)) if negate => i.checked_neg().map(Expr::Int).ok_or(TOO_LARGE.into()),
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
    if let (Num::Int(x), Num::Int(y)) = (a, b) {
        return int_binop(op, x, y);
    }
    let (x, y) = (a.to_f64(), b.to_f64());
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

pub(super) fn int_binop(op: BinOp, x: i128, y: i128) -> Result<Num, String> {
    let too_large = || TOO_LARGE.to_string();
    let r = match op {
        BinOp::Add => x.checked_add(y).ok_or_else(too_large)?,
        BinOp::Sub => x.checked_sub(y).ok_or_else(too_large)?,
        BinOp::Mul => x.checked_mul(y).ok_or_else(too_large)?,
        BinOp::Div if y == 0 => return Err(DIV_ZERO.into()),
        BinOp::Div => return Ok(Num::Float(int_true_div(x, y))),
        BinOp::FloorDiv if y == 0 => return Err(DIV_ZERO.into()),
        BinOp::FloorDiv => {
            let q = x.checked_div(y).ok_or_else(too_large)?;
            if x % y != 0 && ((x < 0) != (y < 0)) {
                q - 1
            } else {
                q
            }
        }
        BinOp::Mod if y == 0 => return Err(DIV_ZERO.into()),
        BinOp::Mod if y == -1 => 0,
        BinOp::Mod => {
            let r = x % y;
            if r != 0 && ((r < 0) != (y < 0)) {
                r + y
            } else {
                r
            }
        }
        BinOp::Pow if y < 0 => {
            if x == 0 {
                return Err(format!(
                    "{DIV_ZERO}: 0 cannot be raised to a negative power"
                ));
            }
            return float_pow(x as f64, y as f64).map(Num::Float);
        }
        BinOp::Pow => match x {
            0 => i128::from(y == 0),
            1 => 1,
            -1 => {
                if y % 2 == 0 {
                    1
                } else {
                    -1
                }
            }
            _ => u32::try_from(y)
                .ok()
                .and_then(|e| x.checked_pow(e))
                .ok_or_else(too_large)?,
        },
    };
    Ok(Num::Int(r))
}

/// `x / y` for ints, correctly rounded like Python's `int.__truediv__`
/// (converting both operands to float first would round twice).
pub(super) fn int_true_div(x: i128, y: i128) -> f64 {
    pub(super) const EXACT: u128 = 1 << 53;
    let negative = (x < 0) != (y < 0);
    let (a, b) = (x.unsigned_abs(), y.unsigned_abs());
    let magnitude = if a <= EXACT && b <= EXACT {
        // Both operands are exact doubles: one IEEE division, one rounding.
        a as f64 / b as f64
    } else {
        // Long division until the quotient has at least 55 significant bits,
        // keeping a sticky bit for the remainder, then round once. Since
        // b <= 2**127, the remainder can be doubled without overflow.
        let (mut q, mut r) = (a / b, a % b);
        let mut exp: i32 = 0;
        while r != 0 && 128 - q.leading_zeros() < 55 {
            r <<= 1;
            q <<= 1;
            exp -= 1;
            if r >= b {
                r -= b;
                q |= 1;
            }
        }
        round_scaled(q, r != 0, exp)
    };
    if negative {
        -magnitude
    } else {
        magnitude
    }
}

/// Rounds `(m + sticky * epsilon) * 2**exp` to the nearest double, ties to
/// even. Requires the result to be a normal double and, when `sticky` is
/// set, `m` to have more than 53 significant bits.
pub(super) fn round_scaled(m: u128, sticky: bool, exp: i32) -> f64 {
    let bits = 128 - m.leading_zeros();
    let (mut m, mut exp) = (m, exp);
    if bits > 53 {
        let shift = bits - 53;
        let low = m & ((1u128 << shift) - 1);
        let half = 1u128 << (shift - 1);
        m >>= shift;
        exp += shift as i32;
        if low > half || (low == half && (sticky || m & 1 == 1)) {
            m += 1;
        }
    }
    // m <= 2**53 is exact, and so is scaling by a power of two.
    (m as f64) * f64::from_bits(((exp + 1023) as u64) << 52)
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
            Some(n) => n.to_f64(),
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
