//! The result of one `nprand eval` call: typed data, a shape, and what kind of Python
//! object NumPy would have returned.
//!
//! ```
//! use nprand::eval::value::{Data, Kind, Value};
//! // rs.rand(2, 3) -> a (2, 3) float64 ndarray
//! let v = Value::array(Data::F64(vec![0.5; 6]), vec![2, 3]);
//! assert_eq!(v.dtype_name(), "float64");
//! assert_eq!(v.kind, Kind::Array);
//! ```

/// Flat C-order elements, tagged with their NumPy dtype.
///
/// ```
/// use nprand::eval::value::Data;
/// let d = Data::I8(vec![1, -2]);
/// assert_eq!(d.dtype_name(), "int8");
/// assert_eq!(d.len(), 2);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Data {
    /// `bool`
    Bool(Vec<bool>),
    /// `int8`
    I8(Vec<i8>),
    /// `uint8`
    U8(Vec<u8>),
    /// `int16`
    I16(Vec<i16>),
    /// `uint16`
    U16(Vec<u16>),
    /// `int32`
    I32(Vec<i32>),
    /// `uint32`
    U32(Vec<u32>),
    /// `int64`
    I64(Vec<i64>),
    /// `uint64`
    U64(Vec<u64>),
    /// `float64`
    F64(Vec<f64>),
    /// `float32` (`Generator.random(dtype=np.float32)` and friends)
    F32(Vec<f32>),
    /// The payload of a Python `bytes` object (`rs.bytes(n)`).
    Bytes(Vec<u8>),
}

impl Data {
    /// NumPy's dtype name (`"float64"`, `"int8"`, `"bool"` …), or `"bytes"`.
    ///
    /// ```
    /// use nprand::eval::value::Data;
    /// assert_eq!(Data::Bool(vec![]).dtype_name(), "bool");
    /// assert_eq!(Data::U64(vec![]).dtype_name(), "uint64");
    /// assert_eq!(Data::Bytes(vec![]).dtype_name(), "bytes");
    /// ```
    #[must_use]
    pub fn dtype_name(&self) -> &'static str {
        match self {
            Data::Bool(_) => "bool",
            Data::I8(_) => "int8",
            Data::U8(_) => "uint8",
            Data::I16(_) => "int16",
            Data::U16(_) => "uint16",
            Data::I32(_) => "int32",
            Data::U32(_) => "uint32",
            Data::I64(_) => "int64",
            Data::U64(_) => "uint64",
            Data::F64(_) => "float64",
            Data::F32(_) => "float32",
            Data::Bytes(_) => "bytes",
        }
    }

    /// Number of elements (bytes for [`Data::Bytes`]).
    ///
    /// ```
    /// assert_eq!(nprand::eval::value::Data::F64(vec![1.0, 2.0]).len(), 2);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        match self {
            Data::Bool(v) => v.len(),
            Data::I8(v) => v.len(),
            Data::U8(v) | Data::Bytes(v) => v.len(),
            Data::I16(v) => v.len(),
            Data::U16(v) => v.len(),
            Data::I32(v) => v.len(),
            Data::U32(v) => v.len(),
            Data::I64(v) => v.len(),
            Data::U64(v) => v.len(),
            Data::F64(v) => v.len(),
            Data::F32(v) => v.len(),
        }
    }

    /// Whether there are no elements.
    ///
    /// ```
    /// assert!(nprand::eval::value::Data::I64(vec![]).is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The elements as little-endian bytes (bool as 0/1 bytes), as `.npy` files and
    /// NumPy's `tobytes()` on a little-endian machine hold them.
    ///
    /// ```
    /// use nprand::eval::value::Data;
    /// assert_eq!(Data::U16(vec![1, 256]).le_bytes(), vec![1, 0, 0, 1]);
    /// ```
    pub fn le_bytes(&self) -> Vec<u8> {
        fn b<T: Copy, const N: usize>(v: &[T], f: fn(T) -> [u8; N]) -> Vec<u8> {
            v.iter().flat_map(|&x| f(x)).collect()
        }
        match self {
            Data::Bool(v) => v.iter().map(|&x| x as u8).collect(),
            Data::I8(v) => b(v, i8::to_le_bytes),
            Data::U8(v) | Data::Bytes(v) => v.clone(),
            Data::I16(v) => b(v, i16::to_le_bytes),
            Data::U16(v) => b(v, u16::to_le_bytes),
            Data::I32(v) => b(v, i32::to_le_bytes),
            Data::U32(v) => b(v, u32::to_le_bytes),
            Data::I64(v) => b(v, i64::to_le_bytes),
            Data::U64(v) => b(v, u64::to_le_bytes),
            Data::F64(v) => b(v, f64::to_le_bytes),
            Data::F32(v) => b(v, f32::to_le_bytes),
        }
    }

    /// The elements selected by `idx`, in that order, with the same dtype.
    ///
    /// ```
    /// use nprand::eval::value::Data;
    /// assert_eq!(Data::I64(vec![10, 20, 30]).gather(&[2, 0]), Data::I64(vec![30, 10]));
    /// ```
    #[must_use]
    pub fn gather(&self, idx: &[usize]) -> Data {
        fn g<T: Copy>(v: &[T], idx: &[usize]) -> Vec<T> {
            idx.iter().map(|&i| v[i]).collect()
        }
        match self {
            Data::Bool(v) => Data::Bool(g(v, idx)),
            Data::I8(v) => Data::I8(g(v, idx)),
            Data::U8(v) => Data::U8(g(v, idx)),
            Data::I16(v) => Data::I16(g(v, idx)),
            Data::U16(v) => Data::U16(g(v, idx)),
            Data::I32(v) => Data::I32(g(v, idx)),
            Data::U32(v) => Data::U32(g(v, idx)),
            Data::I64(v) => Data::I64(g(v, idx)),
            Data::U64(v) => Data::U64(g(v, idx)),
            Data::F64(v) => Data::F64(g(v, idx)),
            Data::F32(v) => Data::F32(g(v, idx)),
            Data::Bytes(v) => Data::Bytes(g(v, idx)),
        }
    }
}

/// Which Python object NumPy returns.
///
/// ```
/// use nprand::eval::value::Kind;
/// // rs.randint(5) is a Python int, rs.randint(5, dtype='int8') an np.int8.
/// assert_ne!(Kind::PyScalar, Kind::NpScalar);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A Python `float`, `int` or `bool` (shape `[]`, one element).
    PyScalar,
    /// A NumPy scalar such as `np.int64(3)` or `np.True_` (shape `[]`, one element).
    NpScalar,
    /// An `ndarray` (`shape` may be `[]` for a 0-d array).
    Array,
    /// A Python `bytes` object (`data` is [`Data::Bytes`], `shape` is `[len]`).
    Bytes,
}

/// One evaluated call: data, shape and kind.
///
/// A method that returns `None` (`seed`, `shuffle` is printed as its argument instead)
/// is represented by [`Value::none`]: a Python scalar with no element.
///
/// ```
/// use nprand::eval::value::{Data, Kind, Value};
/// let v = Value::py_scalar(Data::F64(vec![0.25]));
/// assert_eq!((v.kind, v.shape.len(), v.dtype_name()), (Kind::PyScalar, 0, "float64"));
/// assert!(Value::none().is_none());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    /// The elements in C order.
    pub data: Data,
    /// NumPy's shape (`[]` for scalars and 0-d arrays).
    pub shape: Vec<usize>,
    /// The Python type NumPy returns.
    pub kind: Kind,
}

impl Value {
    /// NumPy's dtype name of the data: `"float64"`, `"int64"`, `"int8"`, `"bool"`,
    /// `"uint64"` …, `"bytes"` for a bytes object, `"NoneType"` for [`Value::none`].
    /// Python scalars report the dtype NumPy gives them (`float` → `float64`, `int` →
    /// `int64`, `bool` → `bool`).
    ///
    /// ```
    /// use nprand::eval::value::{Data, Value};
    /// assert_eq!(Value::py_scalar(Data::I64(vec![3])).dtype_name(), "int64");
    /// assert_eq!(Value::bytes(vec![1, 2]).dtype_name(), "bytes");
    /// assert_eq!(Value::none().dtype_name(), "NoneType");
    /// ```
    #[must_use]
    pub fn dtype_name(&self) -> &'static str {
        if self.is_none() {
            "NoneType"
        } else {
            self.data.dtype_name()
        }
    }

    /// Python's `None` (what `seed()` returns).
    ///
    /// ```
    /// let v = nprand::eval::value::Value::none();
    /// assert!(v.is_none() && v.data.is_empty());
    /// ```
    #[must_use]
    pub fn none() -> Self {
        Value {
            data: Data::F64(Vec::new()),
            shape: Vec::new(),
            kind: Kind::PyScalar,
        }
    }

    /// Whether this is [`Value::none`].
    ///
    /// ```
    /// use nprand::eval::value::{Data, Value};
    /// assert!(!Value::py_scalar(Data::Bool(vec![true])).is_none());
    /// ```
    #[must_use]
    pub fn is_none(&self) -> bool {
        self.kind == Kind::PyScalar && self.data.is_empty()
    }

    /// A Python scalar holding the single element of `data`.
    ///
    /// ```
    /// use nprand::eval::value::{Data, Kind, Value};
    /// assert_eq!(Value::py_scalar(Data::F64(vec![1.5])).kind, Kind::PyScalar);
    /// ```
    #[must_use]
    pub fn py_scalar(data: Data) -> Self {
        Value {
            data,
            shape: Vec::new(),
            kind: Kind::PyScalar,
        }
    }

    /// A NumPy scalar holding the single element of `data`.
    ///
    /// ```
    /// use nprand::eval::value::{Data, Kind, Value};
    /// assert_eq!(Value::np_scalar(Data::I8(vec![1])).kind, Kind::NpScalar);
    /// ```
    #[must_use]
    pub fn np_scalar(data: Data) -> Self {
        Value {
            data,
            shape: Vec::new(),
            kind: Kind::NpScalar,
        }
    }

    /// An ndarray of `shape` (whose product must equal `data.len()`).
    ///
    /// ```
    /// use nprand::eval::value::{Data, Value};
    /// let v = Value::array(Data::I64(vec![]), vec![2, 0]);
    /// assert_eq!(v.shape, vec![2, 0]);
    /// ```
    #[must_use]
    pub fn array(data: Data, shape: Vec<usize>) -> Self {
        debug_assert_eq!(shape.iter().product::<usize>(), data.len());
        Value {
            data,
            shape,
            kind: Kind::Array,
        }
    }

    /// A Python `bytes` object.
    ///
    /// ```
    /// let v = nprand::eval::value::Value::bytes(vec![0xab, 0xcd]);
    /// assert_eq!(v.shape, vec![2]);
    /// ```
    #[must_use]
    pub fn bytes(b: Vec<u8>) -> Self {
        Value {
            shape: vec![b.len()],
            data: Data::Bytes(b),
            kind: Kind::Bytes,
        }
    }
}
