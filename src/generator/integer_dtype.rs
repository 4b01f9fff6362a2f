//! The dtypes of `Generator.integers` (`bool`, `int8` … `uint64`): NumPy's names and
//! bounds, and the width class that decides how NumPy draws each (buffered bits, bytes
//! or halves of a `next_uint32` word, one `next_uint32`, or 64-bit draws).
//!
//! ```
//! use nprand::generator::IntegerDtype;
//! // np.iinfo(np.int8).min, np.iinfo(np.int8).max
//! assert_eq!((<i8 as IntegerDtype>::MIN, <i8 as IntegerDtype>::MAX), (-128, 127));
//! ```

mod private {
    pub trait Sealed {}
}

/// The width class of an integer dtype (how NumPy draws it).
///
/// ```
/// use nprand::generator::{integers::Width, IntegerDtype};
/// assert_eq!(<i16 as IntegerDtype>::WIDTH, Width::W16);
/// ```
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Width {
    /// bool: one bit per draw.
    Bool,
    /// 8-bit: buffered bytes.
    W8,
    /// 16-bit: buffered halves.
    W16,
    /// 32-bit: one `next_uint32` per draw.
    W32,
    /// 64-bit.
    W64,
}

/// The dtypes of `Generator.integers`: `bool`, `i8`..`i64`, `u8`..`u64`.
///
/// ```
/// use nprand::generator::IntegerDtype;
/// assert_eq!(<u16 as IntegerDtype>::NAME, "uint16");
/// assert_eq!(<bool as IntegerDtype>::MAX, 1);
/// ```
pub trait IntegerDtype: Copy + Default + PartialEq + core::fmt::Debug + private::Sealed {
    /// NumPy's dtype name (`"int8"`, `"bool"` …), as in its error messages.
    const NAME: &'static str;
    /// The smallest value.
    const MIN: i128;
    /// The largest value.
    const MAX: i128;
    /// How NumPy draws values of this width.
    #[doc(hidden)]
    const WIDTH: Width;
    /// The value whose bit pattern is the low bits of `v` (a C cast to this type).
    #[doc(hidden)]
    fn from_bits(v: u64) -> Self;
    /// The value as a (sign-extended) integer.
    #[doc(hidden)]
    fn to_i128(self) -> i128;
}

macro_rules! int_dtype {
    ($t:ty, $name:expr, $w:ident, $u:ty) => {
        impl private::Sealed for $t {}
        impl IntegerDtype for $t {
            const NAME: &'static str = $name;
            const MIN: i128 = <$t>::MIN as i128;
            const MAX: i128 = <$t>::MAX as i128;
            const WIDTH: Width = Width::$w;
            #[inline]
            fn from_bits(v: u64) -> Self {
                v as $u as $t
            }
            #[inline]
            fn to_i128(self) -> i128 {
                self as i128
            }
        }
    };
}
int_dtype!(i8, "int8", W8, u8);
int_dtype!(u8, "uint8", W8, u8);
int_dtype!(i16, "int16", W16, u16);
int_dtype!(u16, "uint16", W16, u16);
int_dtype!(i32, "int32", W32, u32);
int_dtype!(u32, "uint32", W32, u32);
int_dtype!(i64, "int64", W64, u64);
int_dtype!(u64, "uint64", W64, u64);

impl private::Sealed for bool {}
impl IntegerDtype for bool {
    const NAME: &'static str = "bool";
    const MIN: i128 = 0;
    const MAX: i128 = 1;
    const WIDTH: Width = Width::Bool;
    #[inline]
    fn from_bits(v: u64) -> Self {
        v & 1 != 0
    }
    #[inline]
    fn to_i128(self) -> i128 {
        self as i128
    }
}
