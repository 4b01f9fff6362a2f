//! NumPy's `print(x)` and `repr(x)` of a result with the default print options
//! (`numpy/_core/arrayprint.py`: precision 8, `floatmode='maxprec'`, `suppress=False`,
//! threshold 1000, edgeitems 3, linewidth 75, `legacy=False`): `--format numpy` and
//! `--format repr`.
//!
//! Arrays of more than 1,000 elements are summarised (`...`) to their first and last
//! three items along every axis longer than six, rows wrap at 75 columns, and columns
//! align: floats pad after the number (`0.5       `), integers and bools before.
//!
//! ```
//! use nprand::eval::arrayprint::{numpy_repr, numpy_str};
//! use nprand::eval::value::{Data, Value};
//! let v = Value::array(Data::F64(vec![0.5, 0.123456789, -2.0]), vec![3]);
//! assert_eq!(numpy_str(&v), "[ 0.5         0.12345679 -2.        ]");
//! assert_eq!(numpy_repr(&v), "array([ 0.5       ,  0.12345679, -2.        ])");
//! ```

use super::format::{bytes_repr, to_text};
use super::value::{Data, Kind, Value};
use crate::array::shape_repr;
use crate::fmt::shortest_digits;

/// print(np.get_printoptions()): threshold, edgeitems, linewidth, precision.
const THRESHOLD: usize = 1000;
const EDGEITEMS: usize = 3;
const LINEWIDTH: usize = 75;
const PRECISION: usize = 8;

/// `str(x)`, what `print(x)` shows (empty for `None`, which `nprand eval` never prints).
///
/// ```
/// use nprand::eval::{arrayprint::numpy_str, value::{Data, Value}};
/// assert_eq!(numpy_str(&Value::np_scalar(Data::I8(vec![-3]))), "-3");
/// assert_eq!(numpy_str(&Value::array(Data::Bool(vec![true, false]), vec![2])), "[ True False]");
/// ```
#[must_use]
pub fn numpy_str(v: &Value) -> String {
    match (v.kind, &v.data) {
        _ if v.is_none() => String::new(),
        (Kind::Bytes, Data::Bytes(b)) => bytes_repr(b),
        (Kind::Array, _) if !v.shape.is_empty() => array2string(v, " ", "", ""),
        // A scalar or a 0-d array prints as its element (NumPy's scalar `str`).
        (_, d) => scalar_str(d),
    }
}

/// `repr(x)`: `array([...])` with `shape=` above the threshold and `dtype=` when not
/// float64, int64 or bool; scalars as `nprand eval`'s text (`np.int8(3)`, `0.5`).
///
/// ```
/// use nprand::eval::{arrayprint::numpy_repr, value::{Data, Value}};
/// assert_eq!(numpy_repr(&Value::array(Data::I8(vec![1, -2]), vec![2])), "array([ 1, -2], dtype=int8)");
/// assert_eq!(numpy_repr(&Value::array(Data::F64(vec![]), vec![2, 0])), "array([], shape=(2, 0), dtype=float64)");
/// ```
#[must_use]
pub fn numpy_repr(v: &Value) -> String {
    match (v.kind, &v.data) {
        // np.float32(0.1): the float32's own shortest digits.
        (Kind::NpScalar, Data::F32(_)) => return format!("np.float32({})", scalar_str(&v.data)),
        (Kind::Array, _) => {}
        _ => return to_text(v),
    }
    let prefix = "array(";
    let body = if v.shape.is_empty() {
        // A 0-d array: its one element through the array formatter (no bool padding).
        match &v.data {
            Data::Bool(b) => if b[0] { "True" } else { "False" }.into(),
            d => Formatter::new(d, &[0]).format(d, 0),
        }
    } else {
        array2string(v, ", ", prefix, ")")
    };
    let size = v.data.len();
    let mut extras = Vec::new();
    if size == 0 && v.shape != [0] || size > THRESHOLD {
        extras.push(format!("shape={}", shape_repr(&v.shape)));
    }
    let implied = matches!(v.data, Data::F64(_) | Data::I64(_) | Data::Bool(_));
    if !implied || size == 0 {
        extras.push(format!("dtype={}", v.data.dtype_name()));
    }
    if extras.is_empty() {
        return format!("{prefix}{body})");
    }
    let arr = format!("{prefix}{body},");
    let extra = extras.join(", ") + ")";
    let last_line = arr.len() - arr.rfind('\n').map_or(0, |i| i + 1);
    let spacer = if last_line + extra.len() + 1 > LINEWIDTH {
        format!("\n{}", " ".repeat(prefix.len()))
    } else {
        " ".into()
    };
    arr + &spacer + &extra
}

/// NumPy's scalar `str`: Python's `repr` for float64 (the same digits and layout), the
/// float32's own shortest digits, `True`/`False`, integers in decimal.
fn scalar_str(d: &Data) -> String {
    match d {
        Data::F32(v) => {
            let x = v[0];
            if !x.is_finite() {
                return crate::fmt::py_float_repr(x.into());
            }
            let mut b = zmij::Buffer::new();
            let (digits, nd, e) = shortest_digits(b.format_finite(x).as_bytes());
            py_layout(x.is_sign_negative(), &digits[..nd], e)
        }
        Data::Bool(v) => if v[0] { "True" } else { "False" }.into(),
        d => to_text(&Value::py_scalar(d.clone())),
    }
}

/// Python's layout of `d1.d2... x 10^e` (fixed for -4 <= e < 16).
fn py_layout(negative: bool, digits: &[u8], e: i32) -> String {
    let d = std::str::from_utf8(digits).unwrap_or("0");
    let sign = if negative { "-" } else { "" };
    if d.is_empty() {
        return format!("{sign}0.0");
    }
    let nd = d.len() as i32;
    if (-4..16).contains(&e) {
        let point = e + 1;
        if point <= 0 {
            format!("{sign}0.{}{d}", "0".repeat((-point) as usize))
        } else if point >= nd {
            format!("{sign}{d}{}.0", "0".repeat((point - nd) as usize))
        } else {
            format!("{sign}{}.{}", &d[..point as usize], &d[point as usize..])
        }
    } else {
        let m = if nd == 1 {
            d.to_string()
        } else {
            format!("{}.{}", &d[..1], &d[1..])
        };
        format!("{sign}{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
    }
}

/// The indices shown along an axis of length `n`: all, or the first and last
/// `EDGEITEMS` when summarising (`_leading_trailing`).
fn shown(n: usize, summarise: bool) -> Vec<usize> {
    if summarise && n > 2 * EDGEITEMS {
        (0..EDGEITEMS).chain(n - EDGEITEMS..n).collect()
    } else {
        (0..n).collect()
    }
}

/// `_array2string` + `_formatArray` for an array of at least one dimension.
fn array2string(v: &Value, separator: &str, prefix: &str, suffix: &str) -> String {
    if v.data.is_empty() {
        return "[]".into();
    }
    let summarise = v.data.len() > THRESHOLD;
    let axes: Vec<Vec<usize>> = v.shape.iter().map(|&n| shown(n, summarise)).collect();
    let mut strides = vec![1usize; v.shape.len()];
    for k in (0..v.shape.len().saturating_sub(1)).rev() {
        strides[k] = strides[k + 1] * v.shape[k + 1];
    }
    // The flat indices of the shown elements, in C order: the formatter's data.
    let mut flat = vec![0usize];
    for (idx, &stride) in axes.iter().zip(&strides) {
        flat = flat
            .iter()
            .flat_map(|&base| idx.iter().map(move |&i| base + i * stride))
            .collect();
    }
    let fmt = Formatter::new(&v.data, &flat);
    let p = Printer {
        fmt: &fmt,
        data: &v.data,
        shape: &v.shape,
        strides: &strides,
        separator,
        summary: summarise,
    };
    let next_line_prefix = " ".repeat(1 + prefix.len());
    p.recurse(&mut Vec::new(), &next_line_prefix, LINEWIDTH - suffix.len())
}

struct Printer<'a> {
    fmt: &'a Formatter,
    data: &'a Data,
    shape: &'a [usize],
    strides: &'a [usize],
    separator: &'a str,
    summary: bool,
}

impl Printer<'_> {
    fn recurse(&self, index: &mut Vec<usize>, hanging: &str, width: usize) -> String {
        let axis = index.len();
        let axes_left = self.shape.len() - axis;
        if axes_left == 0 {
            let flat: usize = index.iter().zip(self.strides).map(|(i, s)| i * s).sum();
            return self.fmt.format(self.data, flat);
        }
        let next_hanging = format!("{hanging} ");
        let next_width = width - 1;
        let n = self.shape[axis];
        let show_summary = self.summary && 2 * EDGEITEMS < n;
        let (leading, trailing) = if show_summary {
            (EDGEITEMS, EDGEITEMS)
        } else {
            (0, n)
        };
        let item = |i: usize, idx: &mut Vec<usize>| {
            idx.push(i);
            let s = self.recurse(idx, &next_hanging, next_width);
            idx.pop();
            s
        };
        let mut s = String::new();
        if axes_left == 1 {
            let sep_r = self.separator.trim_end();
            let elem_width = width - sep_r.len().max(1);
            let mut line = hanging.to_string();
            for i in 0..leading {
                let word = item(i, index);
                extend_line(&mut s, &mut line, &word, elem_width, hanging);
                line.push_str(self.separator);
            }
            if show_summary {
                extend_line(&mut s, &mut line, "...", elem_width, hanging);
                line.push_str(self.separator);
            }
            for i in (2..=trailing).rev() {
                let word = item(n - i, index);
                extend_line(&mut s, &mut line, &word, elem_width, hanging);
                line.push_str(self.separator);
            }
            let word = item(n - 1, index);
            extend_line(&mut s, &mut line, &word, elem_width, hanging);
            s.push_str(&line);
        } else {
            let line_sep = format!(
                "{}{}",
                self.separator.trim_end(),
                "\n".repeat(axes_left - 1)
            );
            for i in 0..leading {
                let nested = item(i, index);
                s.push_str(&format!("{hanging}{nested}{line_sep}"));
            }
            if show_summary {
                s.push_str(&format!("{hanging}...{line_sep}"));
            }
            for i in (2..=trailing).rev() {
                let nested = item(n - i, index);
                s.push_str(&format!("{hanging}{nested}{line_sep}"));
            }
            let nested = item(n - 1, index);
            s.push_str(&format!("{hanging}{nested}"));
        }
        format!("[{}]", &s[hanging.len()..])
    }
}

/// `_extendLine`: wrap before `word` if it would pass `width` (unless the line holds
/// only the indent). Words here are single-line.
fn extend_line(s: &mut String, line: &mut String, word: &str, width: usize, indent: &str) {
    let needs_wrap = line.len() + word.len() > width && line.len() > indent.len();
    if needs_wrap {
        s.push_str(line.trim_end());
        s.push('\n');
        *line = indent.to_string();
    }
    line.push_str(word);
}

/// The per-array element formatter NumPy builds from the shown data.
enum Formatter {
    Bool,
    Int(usize),
    Float(FloatFormat),
}

impl Formatter {
    fn new(d: &Data, shown: &[usize]) -> Formatter {
        fn ints<T: Copy + Into<i128>>(v: &[T], shown: &[usize]) -> Formatter {
            let width = shown
                .iter()
                .map(|&i| v[i].into().to_string().len())
                .max()
                .unwrap_or(0);
            Formatter::Int(width)
        }
        match d {
            Data::Bool(_) => Formatter::Bool,
            Data::I8(v) => ints(v, shown),
            Data::U8(v) | Data::Bytes(v) => ints(v, shown),
            Data::I16(v) => ints(v, shown),
            Data::U16(v) => ints(v, shown),
            Data::I32(v) => ints(v, shown),
            Data::U32(v) => ints(v, shown),
            Data::I64(v) => ints(v, shown),
            Data::U64(v) => ints(v, shown),
            Data::F64(v) => {
                Formatter::Float(FloatFormat::new(shown.iter().map(|&i| Fl::F64(v[i]))))
            }
            Data::F32(v) => {
                Formatter::Float(FloatFormat::new(shown.iter().map(|&i| Fl::F32(v[i]))))
            }
        }
    }

    fn format(&self, d: &Data, i: usize) -> String {
        let int = |x: i128, w: usize| format!("{x:>w$}");
        match (self, d) {
            (Formatter::Bool, Data::Bool(v)) => if v[i] { " True" } else { "False" }.into(),
            (Formatter::Int(w), Data::I8(v)) => int(v[i].into(), *w),
            (Formatter::Int(w), Data::U8(v) | Data::Bytes(v)) => int(v[i].into(), *w),
            (Formatter::Int(w), Data::I16(v)) => int(v[i].into(), *w),
            (Formatter::Int(w), Data::U16(v)) => int(v[i].into(), *w),
            (Formatter::Int(w), Data::I32(v)) => int(v[i].into(), *w),
            (Formatter::Int(w), Data::U32(v)) => int(v[i].into(), *w),
            (Formatter::Int(w), Data::I64(v)) => int(v[i].into(), *w),
            (Formatter::Int(w), Data::U64(v)) => int(v[i].into(), *w),
            (Formatter::Float(f), Data::F64(v)) => f.format(Fl::F64(v[i])),
            (Formatter::Float(f), Data::F32(v)) => f.format(Fl::F32(v[i])),
            _ => String::new(),
        }
    }
}

/// A float of either width: Dragon4's uniqueness is that of the type.
#[derive(Clone, Copy)]
enum Fl {
    F64(f64),
    F32(f32),
}

impl Fl {
    fn value(self) -> f64 {
        match self {
            Fl::F64(x) => x,
            Fl::F32(x) => x.into(),
        }
    }

    /// The shortest unique digits of |x| (finite): `(digits, e10)`, x = d1.d2.. x 10^e10.
    fn shortest(self) -> (String, i32) {
        let mut b = zmij::Buffer::new();
        let text = match self {
            Fl::F64(x) => b.format_finite(x.abs()),
            Fl::F32(x) => b.format_finite(x.abs()),
        };
        let (d, n, e) = shortest_digits(text.as_bytes());
        (String::from_utf8_lossy(&d[..n]).into_owned(), e)
    }

    /// |x| correctly rounded to `p` digits after the point (`sci`: after the first
    /// significant digit), ties to even as Dragon4 breaks them: `(digits, e10)`.
    fn rounded(self, p: usize, sci: bool) -> (String, i32) {
        // Rust prints the exact binary value correctly rounded; an exact tie is fixed
        // to even below.
        let text = match (self, sci) {
            (Fl::F64(x), true) => format!("{:.p$e}", x.abs()),
            (Fl::F32(x), true) => format!("{:.p$e}", x.abs()),
            (Fl::F64(x), false) => format!("{:.p$}", x.abs()),
            (Fl::F32(x), false) => format!("{:.p$}", x.abs()),
        };
        let exact = match self {
            Fl::F64(x) => format!("{:.1100e}", x.abs()),
            Fl::F32(x) => format!("{:.200e}", x.abs()),
        };
        let (d, n, e) = shortest_digits(text.as_bytes());
        let digits = String::from_utf8_lossy(&d[..n]).into_owned();
        // Tie: the exact value has exactly one digit past the cut, a 5.
        let (xd, xn, xe) = shortest_digits(exact.as_bytes());
        let keep = if sci { p as i32 + 1 } else { xe + 1 + p as i32 };
        if keep >= 0 && xn as i32 == keep + 1 && xd[xn - 1] == b'5' {
            // Round half to even on the truncated digits.
            let mut t: Vec<u8> = xd[..keep as usize].to_vec();
            let odd = t.last().is_some_and(|c| (c - b'0') % 2 == 1);
            let mut e10 = xe;
            if odd {
                let mut i = t.len();
                loop {
                    if i == 0 {
                        t.insert(0, b'1');
                        e10 += 1;
                        break;
                    }
                    i -= 1;
                    if t[i] == b'9' {
                        t[i] = b'0';
                    } else {
                        t[i] += 1;
                        break;
                    }
                }
            }
            while t.last() == Some(&b'0') {
                t.pop();
            }
            return (String::from_utf8_lossy(&t).into_owned(), e10);
        }
        (digits, e)
    }

    /// Dragon4 with `unique=True`, `precision=p`: the shortest digits if they fit in
    /// `p` fraction digits, else the value rounded to `p`.
    fn digits(self, p: usize, sci: bool) -> (String, i32) {
        let (d, e) = self.shortest();
        let frac = if sci {
            d.len() as i32 - 1
        } else {
            d.len() as i32 - 1 - e
        };
        if frac <= p as i32 {
            (d, e)
        } else {
            self.rounded(p, sci)
        }
    }

    /// `dragon4_positional(x, precision=p, unique=True, trim='.')`: (int part with
    /// sign, fraction digits).
    fn positional(self, p: usize) -> (String, String) {
        let neg = self.value().is_sign_negative();
        let (d, e) = self.digits(p, false);
        let sign = if neg { "-" } else { "" };
        if d.is_empty() {
            return (format!("{sign}0"), String::new());
        }
        if e < 0 {
            let z = "0".repeat((-e - 1) as usize);
            return (format!("{sign}0"), format!("{z}{d}"));
        }
        let point = e as usize + 1;
        if point >= d.len() {
            (
                format!("{sign}{d}{}", "0".repeat(point - d.len())),
                String::new(),
            )
        } else {
            (format!("{sign}{}", &d[..point]), d[point..].to_string())
        }
    }

    /// `dragon4_scientific(x, precision=p, unique=True, trim='.')`: (int digit with
    /// sign, fraction digits, exponent as "+05").
    ///
    /// With `min_digits` (`min_digits=p`, the second pass): exactly `p` fraction digits
    /// of the value, correctly rounded, past what uniqueness needs.
    fn scientific(self, p: usize, min_digits: bool) -> (String, String, String) {
        let neg = self.value().is_sign_negative();
        let (d, e) = if min_digits && self.value() != 0.0 {
            self.rounded(p, true)
        } else {
            self.digits(p, true)
        };
        let sign = if neg { "-" } else { "" };
        let (first, rest) = if d.is_empty() {
            ("0", "")
        } else {
            d.split_at(1)
        };
        let e = if d.is_empty() { 0 } else { e };
        let exp = format!("{}{:02}", if e < 0 { '-' } else { '+' }, e.abs());
        (format!("{sign}{first}"), rest.to_string(), exp)
    }
}

/// `FloatingFormat` with `floatmode='maxprec'`, `sign='-'`, `suppress_small=False`.
struct FloatFormat {
    exp_format: bool,
    precision: usize,
    pad_left: usize,
    pad_right: usize,
    exp_size: usize,
}

impl FloatFormat {
    fn new(data: impl Iterator<Item = Fl>) -> FloatFormat {
        let all: Vec<Fl> = data.collect();
        let finite: Vec<Fl> = all
            .iter()
            .copied()
            .filter(|x| x.value().is_finite())
            .collect();
        let nonzero: Vec<f64> = finite
            .iter()
            .map(|x| x.value().abs())
            .filter(|&a| a != 0.0)
            .collect();
        let mut exp_format = false;
        if !nonzero.is_empty() {
            let max = nonzero.iter().copied().fold(f64::MIN, f64::max);
            let min = nonzero.iter().copied().fold(f64::MAX, f64::min);
            // NumPy compares in the array's dtype (max/min of float32 in float32).
            let ratio = match all[0] {
                Fl::F32(_) => f64::from(max as f32 / min as f32),
                Fl::F64(_) => max / min,
            };
            // ... and 1e-4 becomes float32(1e-4) there (NEP 50).
            let tiny = match all[0] {
                Fl::F32(_) => f64::from(0.0001f32),
                Fl::F64(_) => 0.0001,
            };
            exp_format = max >= 1e8 || min < tiny || ratio > 1000.0;
        }
        let mut f = FloatFormat {
            exp_format,
            precision: PRECISION,
            pad_left: 0,
            pad_right: 0,
            exp_size: 0,
        };
        if finite.is_empty() {
            f.exp_format = false;
        } else if exp_format {
            let parts: Vec<_> = finite
                .iter()
                .map(|x| x.scientific(PRECISION, false))
                .collect();
            f.exp_size = parts.iter().map(|p| p.2.len()).max().unwrap_or(1) - 1;
            f.precision = parts.iter().map(|p| p.1.len()).max().unwrap_or(0);
            f.pad_left = parts.iter().map(|p| p.0.len()).max().unwrap_or(0);
            f.pad_right = f.exp_size + 2 + f.precision;
        } else {
            let parts: Vec<_> = finite.iter().map(|x| x.positional(PRECISION)).collect();
            f.pad_left = parts.iter().map(|p| p.0.len()).max().unwrap_or(0);
            f.pad_right = parts.iter().map(|p| p.1.len()).max().unwrap_or(0);
        }
        if finite.len() != all.len() {
            let neginf = all.iter().any(|x| x.value() == f64::NEG_INFINITY) as usize;
            let offset = f.pad_right + 1;
            f.pad_left = f
                .pad_left
                .max((3usize).saturating_sub(offset))
                .max((3 + neginf).saturating_sub(offset));
        }
        f
    }

    fn format(&self, x: Fl) -> String {
        let v = x.value();
        let width = self.pad_left + self.pad_right + 1;
        if !v.is_finite() {
            let s = if v.is_nan() {
                "nan"
            } else if v > 0.0 {
                "inf"
            } else {
                "-inf"
            };
            return format!("{s:>width$}");
        }
        if self.exp_format {
            // trim='k', min_digits=precision: the fraction to `precision` digits;
            // exponent digits padded to exp_size.
            let (int, frac, exp) = x.scientific(self.precision, true);
            let (esign, edigits) = exp.split_at(1);
            format!(
                "{int:>pl$}.{frac:0<prec$}e{esign}{edigits:0>es$}",
                pl = self.pad_left,
                prec = self.precision,
                es = self.exp_size
            )
        } else {
            let (int, frac) = x.positional(PRECISION);
            format!(
                "{int:>pl$}.{frac:<pr$}",
                pl = self.pad_left,
                pr = self.pad_right
            )
        }
    }
}
