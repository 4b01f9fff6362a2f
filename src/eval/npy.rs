//! `.npy` files as `np.save` writes them and `np.load` reads them (format 1.0,
//! little-endian, C order).
//!
//! ```
//! use nprand::eval::npy::{read_npy, write_npy};
//! use nprand::eval::value::{Data, Value};
//! let v = Value::array(Data::I16(vec![1, -2, 3, -4, 5, -6]), vec![2, 3]);
//! let mut buf = Vec::new();
//! write_npy(&mut buf, &v).unwrap();
//! assert_eq!(&buf[..6], b"\x93NUMPY");
//! assert_eq!(read_npy(&buf).unwrap(), (v.data, vec![2, 3]));
//! ```

use super::value::{Data, Value};
use crate::array::shape_repr;
use crate::error::{Error, Result};
use byteorder::{BigEndian, ByteOrder, LittleEndian, WriteBytesExt};
use std::io::{self, Write};

const MAGIC: &[u8; 6] = b"\x93NUMPY";
/// numpy.lib.format.ARRAY_ALIGN
const ARRAY_ALIGN: usize = 64;
/// numpy.lib.format.GROWTH_AXIS_MAX_DIGITS
const GROWTH_AXIS_MAX_DIGITS: usize = 21;

/// NumPy's `descr` string of `d` as `np.save` writes it (bytes are saved as `|u1`).
///
/// ```
/// use nprand::eval::{npy::descr, value::Data};
/// assert_eq!(descr(&Data::F64(vec![])), "<f8");
/// assert_eq!(descr(&Data::Bool(vec![])), "|b1");
/// assert_eq!(descr(&Data::Bytes(vec![])), "|u1");
/// ```
#[must_use]
pub fn descr(d: &Data) -> &'static str {
    match d {
        Data::Bool(_) => "|b1",
        Data::I8(_) => "|i1",
        Data::U8(_) | Data::Bytes(_) => "|u1",
        Data::I16(_) => "<i2",
        Data::U16(_) => "<u2",
        Data::I32(_) => "<i4",
        Data::U32(_) => "<u4",
        Data::I64(_) => "<i8",
        Data::U64(_) => "<u8",
        Data::F64(_) => "<f8",
        Data::F32(_) => "<f4",
    }
}

/// Write `v` as `np.save(f, np.asarray(v))` does, byte for byte: format 1.0, header
/// padded to 64 bytes (with NumPy's spare room for a growing first axis), C order,
/// little-endian. Scalars become 0-d arrays (shape `()`), bytes a `uint8` array.
/// `None` cannot be saved (`InvalidInput`).
///
/// ```
/// use nprand::eval::{npy::write_npy, value::{Data, Value}};
/// let mut buf = Vec::new();
/// write_npy(&mut buf, &Value::py_scalar(Data::F64(vec![0.5]))).unwrap();
/// assert_eq!(buf.len(), 128 + 8);
/// let header = String::from_utf8_lossy(&buf[10..128]);
/// assert!(header.starts_with("{'descr': '<f8', 'fortran_order': False, 'shape': (), }"));
/// ```
pub fn write_npy(w: &mut impl Write, v: &Value) -> io::Result<()> {
    if v.is_none() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "None cannot be saved as .npy",
        ));
    }
    let mut header = format!(
        "{{'descr': '{}', 'fortran_order': False, 'shape': {}, }}",
        descr(&v.data),
        shape_repr(&v.shape)
    );
    if let Some(first) = v.shape.first() {
        let digits = first.to_string().len();
        header.push_str(&" ".repeat(GROWTH_AXIS_MAX_DIGITS.saturating_sub(digits)));
    }
    let hlen = header.len() + 1;
    let pad = ARRAY_ALIGN - (MAGIC.len() + 2 + 2 + hlen) % ARRAY_ALIGN;
    let total = hlen + pad;
    if total > u16::MAX as usize {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "header too long for .npy format 1.0",
        ));
    }
    let mut out = Vec::with_capacity(MAGIC.len() + 4 + total);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&[1, 0]);
    out.write_u16::<LittleEndian>(total as u16)?;
    out.extend_from_slice(header.as_bytes());
    out.extend(std::iter::repeat_n(b' ', pad));
    out.push(b'\n');
    w.write_all(&out)?;
    // Element by element into the caller's (buffered) writer: no copy of the array.
    match &v.data {
        Data::Bool(d) => d.iter().try_for_each(|&b| w.write_u8(b as u8))?,
        Data::I8(d) => d.iter().try_for_each(|&x| w.write_i8(x))?,
        Data::U8(d) | Data::Bytes(d) => w.write_all(d)?,
        Data::I16(d) => d.iter().try_for_each(|&x| w.write_i16::<LittleEndian>(x))?,
        Data::U16(d) => d.iter().try_for_each(|&x| w.write_u16::<LittleEndian>(x))?,
        Data::I32(d) => d.iter().try_for_each(|&x| w.write_i32::<LittleEndian>(x))?,
        Data::U32(d) => d.iter().try_for_each(|&x| w.write_u32::<LittleEndian>(x))?,
        Data::I64(d) => d.iter().try_for_each(|&x| w.write_i64::<LittleEndian>(x))?,
        Data::U64(d) => d.iter().try_for_each(|&x| w.write_u64::<LittleEndian>(x))?,
        Data::F64(d) => d.iter().try_for_each(|&x| w.write_f64::<LittleEndian>(x))?,
        Data::F32(d) => d.iter().try_for_each(|&x| w.write_f32::<LittleEndian>(x))?,
    }
    Ok(())
}

fn bad(msg: impl Into<String>) -> Error {
    // np.load raises ValueError for a file that is not a valid .npy.
    Error::value(msg)
}

/// Read a `.npy` file as `np.save` writes it: versions 1.0–3.0, dtypes `<f8 <i8 <u8
/// <i4 <u4 <i2 <u2 |i1 |u1 |b1` (big-endian `>` variants are byte-swapped, and
/// `fortran_order: True` is reordered to C order). Returns the data and the shape.
///
/// ```
/// use nprand::eval::{npy::{read_npy, write_npy}, value::{Data, Value}};
/// let mut buf = Vec::new();
/// write_npy(&mut buf, &Value::bytes(vec![1, 2, 3])).unwrap();
/// assert_eq!(read_npy(&buf).unwrap(), (Data::U8(vec![1, 2, 3]), vec![3]));
/// assert!(read_npy(b"not an npy file").is_err());
/// ```
pub fn read_npy(bytes: &[u8]) -> Result<(Data, Vec<usize>)> {
    if bytes.len() < 10 || &bytes[..6] != MAGIC {
        return Err(bad("not a .npy file (bad magic string)"));
    }
    let (major, minor) = (bytes[6], bytes[7]);
    let (hlen, start): (usize, usize) = match major {
        1 => (LittleEndian::read_u16(&bytes[8..10]) as usize, 10),
        2 | 3 if bytes.len() >= 12 => (LittleEndian::read_u32(&bytes[8..12]) as usize, 12),
        _ => {
            return Err(bad(format!(
                "unsupported .npy format version {major}.{minor}"
            )))
        }
    };
    let end = start
        .checked_add(hlen)
        .filter(|&e| e <= bytes.len())
        .ok_or_else(|| bad(".npy header is truncated"))?;
    let header = std::str::from_utf8(&bytes[start..end])
        .map_err(|_| bad(".npy header is not valid text"))?;
    let descr = dict_value(header, "descr")?;
    let descr = descr
        .trim()
        .strip_prefix('\'')
        .and_then(|s| s.strip_suffix('\''))
        .ok_or_else(|| bad(format!("unsupported .npy descr {descr}")))?;
    let fortran = match dict_value(header, "fortran_order")?.trim() {
        "False" => false,
        "True" => true,
        other => return Err(bad(format!("bad fortran_order {other}"))),
    };
    let shape = parse_shape(&dict_value(header, "shape")?)?;
    let n = shape
        .iter()
        .try_fold(1usize, |a, &d| a.checked_mul(d))
        .ok_or_else(|| bad(".npy shape is too large"))?;
    let body = &bytes[end..];
    let (order, code) = descr.split_at(1);
    let big = match order {
        "<" | "|" | "=" => false,
        ">" => true,
        _ => return Err(bad(format!("unsupported .npy descr '{descr}'"))),
    };
    let size: usize = match code {
        "b1" | "i1" | "u1" => 1,
        "i2" | "u2" => 2,
        "i4" | "u4" | "f4" => 4,
        "i8" | "u8" | "f8" => 8,
        _ => return Err(bad(format!("unsupported .npy dtype '{descr}'"))),
    };
    let nbytes = n
        .checked_mul(size)
        .ok_or_else(|| bad(".npy shape is too large"))?;
    if body.len() < nbytes {
        return Err(bad(format!(
            ".npy data is truncated: {} bytes for shape {}, {} present",
            nbytes,
            shape_repr(&shape),
            body.len()
        )));
    }
    let body = &body[..nbytes];
    macro_rules! words {
        ($read:ident, $variant:ident) => {{
            let v = body
                .chunks_exact(size)
                .map(|c| {
                    if big {
                        BigEndian::$read(c)
                    } else {
                        LittleEndian::$read(c)
                    }
                })
                .collect();
            Data::$variant(v)
        }};
    }
    let data = match code {
        "b1" => Data::Bool(body.iter().map(|&b| b != 0).collect()),
        "i1" => Data::I8(body.iter().map(|&b| b as i8).collect()),
        "u1" => Data::U8(body.to_vec()),
        "i2" => words!(read_i16, I16),
        "u2" => words!(read_u16, U16),
        "i4" => words!(read_i32, I32),
        "u4" => words!(read_u32, U32),
        "i8" => words!(read_i64, I64),
        "u8" => words!(read_u64, U64),
        "f4" => words!(read_f32, F32),
        _ => words!(read_f64, F64),
    };
    let data = if fortran && shape.len() > 1 {
        data.gather(&fortran_to_c(&shape))
    } else {
        data
    };
    Ok((data, shape))
}

/// For each C-order position, the index of that element in Fortran-order data.
fn fortran_to_c(shape: &[usize]) -> Vec<usize> {
    let n: usize = shape.iter().product();
    let mut fstride = vec![1usize; shape.len()];
    for k in 1..shape.len() {
        fstride[k] = fstride[k - 1] * shape[k - 1];
    }
    let mut idx = vec![0usize; shape.len()];
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        out.push(idx.iter().zip(&fstride).map(|(i, s)| i * s).sum());
        for k in (0..shape.len()).rev() {
            idx[k] += 1;
            if idx[k] < shape[k] {
                break;
            }
            idx[k] = 0;
        }
    }
    out
}

/// The text of the value of `'key':` in a header dict literal (up to the next
/// top-level comma or closing brace).
fn dict_value(header: &str, key: &str) -> Result<String> {
    let pat_a = format!("'{key}'");
    let pat_b = format!("\"{key}\"");
    let pos = header
        .find(&pat_a)
        .map(|p| p + pat_a.len())
        .or_else(|| header.find(&pat_b).map(|p| p + pat_b.len()))
        .ok_or_else(|| bad(format!(".npy header has no '{key}'")))?;
    let rest = header[pos..].trim_start();
    let rest = rest
        .strip_prefix(':')
        .ok_or_else(|| bad(format!(".npy header: malformed '{key}'")))?;
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    for (i, c) in rest.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(c),
            (None, '(' | '[') => depth += 1,
            (None, ')' | ']') => depth -= 1,
            (None, ',' | '}') if depth == 0 => return Ok(rest[..i].to_string()),
            _ => {}
        }
    }
    Err(bad(format!(".npy header: malformed '{key}'")))
}

fn parse_shape(s: &str) -> Result<Vec<usize>> {
    let inner = s
        .trim()
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .ok_or_else(|| bad(format!("bad .npy shape {s}")))?;
    inner
        .split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| {
            t.trim_end_matches('L')
                .parse::<usize>()
                .map_err(|_| bad(format!("bad .npy shape {s}")))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_matches_numpy_bytes() {
        // np.save of np.zeros((2, 3)): header length 118, total 176 bytes.
        let mut buf = Vec::new();
        write_npy(&mut buf, &Value::array(Data::F64(vec![0.0; 6]), vec![2, 3])).unwrap();
        assert_eq!(buf.len(), 176);
        assert_eq!(&buf[6..10], &[1, 0, 118, 0]);
        assert!(buf[10..128]
            .starts_with(b"{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }"));
        assert_eq!(buf[127], b'\n');
    }

    #[test]
    fn fortran_and_big_endian() {
        let hdr = "{'descr': '>i2', 'fortran_order': True, 'shape': (2, 3), }";
        let mut buf = Vec::new();
        buf.extend_from_slice(MAGIC);
        buf.extend_from_slice(&[1, 0]);
        buf.extend_from_slice(&(hdr.len() as u16 + 1).to_le_bytes());
        buf.extend_from_slice(hdr.as_bytes());
        buf.push(b'\n');
        // Fortran order of [[0, 1, 2], [3, 4, 5]] is 0 3 1 4 2 5.
        for x in [0i16, 3, 1, 4, 2, 5] {
            buf.extend_from_slice(&x.to_be_bytes());
        }
        let (d, s) = read_npy(&buf).unwrap();
        assert_eq!(s, vec![2, 3]);
        assert_eq!(d, Data::I16(vec![0, 1, 2, 3, 4, 5]));
    }
}
