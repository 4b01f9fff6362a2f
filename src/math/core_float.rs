//! The `f64`/`f32` methods the kernels use that live in `std`, not `core`, for the
//! `no_std` build: exact versions with the same results as `std`'s.
//!
//! With the `std` feature this trait is not imported anywhere: a kernel's `x.sqrt()` is
//! `std`'s own method (inherent methods win over trait methods), so the default build
//! runs exactly the code it ran before. Without `std` the same call resolves here.
//!
//! Every operation here is exact or correctly rounded, as IEEE 754 (and so `std`)
//! defines it, so the results are the same bits: `floor`, `ceil`, `trunc` and
//! `round_ties_even` by clearing fraction bits; `sqrt` by an integer square root of the
//! scaled significand (the bit-by-bit method of fdlibm's `e_sqrt.c`, done with
//! `u128::isqrt`); `mul_add` is musl's correctly rounded `fma` ([`super::soft::fma`]).
//! The tests compare each with `std` on the host.

use super::soft;

/// `std`'s float methods, for `core` floats (see the module docs).
pub(crate) trait CoreFloat: Sized {
    /// Largest integer `<= self`.
    fn floor(self) -> Self;
    /// Smallest integer `>= self`.
    fn ceil(self) -> Self;
    /// The integer part (towards zero).
    fn trunc(self) -> Self;
    /// The nearest integer, ties to even.
    fn round_ties_even(self) -> Self;
    /// The correctly rounded square root (NaN below zero, `-0.0` for `-0.0`).
    fn sqrt(self) -> Self;
}

/// `f64::mul_add` (only the `f64` kernels fuse).
// With `std` only the glibc tests call it.
#[cfg_attr(feature = "std", allow(dead_code))]
pub(crate) trait CoreMulAdd {
    /// `self * a + b` with one rounding.
    fn mul_add(self, a: Self, b: Self) -> Self;
}

impl CoreMulAdd for f64 {
    #[inline]
    fn mul_add(self, a: f64, b: f64) -> f64 {
        soft::fma(self, a, b)
    }
}

/// The bit layout of an IEEE binary format, so one body serves `f64` and `f32`.
macro_rules! core_float_impl {
    ($f:ty, $bits:ty, $wide:ty, $mant:expr, $bias:expr) => {
        impl CoreFloat for $f {
            #[inline]
            fn trunc(self) -> $f {
                let bits = self.to_bits();
                let exp =
                    ((bits >> $mant) & ((1 << (<$bits>::BITS - 1 - $mant)) - 1)) as i32 - $bias;
                if exp >= $mant {
                    // Already an integer (or inf/NaN).
                    self
                } else if exp < 0 {
                    // |self| < 1: a zero of its sign.
                    <$f>::from_bits(bits & (1 << (<$bits>::BITS - 1)))
                } else {
                    <$f>::from_bits(bits & !(((1 as $bits) << ($mant - exp)) - 1))
                }
            }

            #[inline]
            fn floor(self) -> $f {
                let t = self.trunc();
                // t - 1 is exact: |t| < 2^mant whenever t != self.
                if self < 0.0 && t != self {
                    t - 1.0
                } else {
                    t
                }
            }

            #[inline]
            fn ceil(self) -> $f {
                let t = self.trunc();
                if self > 0.0 && t != self {
                    t + 1.0
                } else {
                    t
                }
            }

            #[inline]
            fn round_ties_even(self) -> $f {
                let t = self.trunc();
                if t == self || self.is_nan() {
                    return self;
                }
                // Here |self| < 2^mant, so the difference is exact and t fits an integer.
                let frac = (self - t).abs();
                let step = if self < 0.0 { -1.0 } else { 1.0 };
                if frac > 0.5 || (frac == 0.5 && (t as i64) & 1 == 1) {
                    t + step
                } else {
                    t
                }
            }

            fn sqrt(self) -> $f {
                if self.is_nan() || self == 0.0 || self == <$f>::INFINITY {
                    return self;
                }
                if self < 0.0 {
                    return <$f>::NAN;
                }
                // self = m * 2^e with m an integer in [2^mant, 2^(mant+1)).
                let bits = self.to_bits();
                let field = (bits >> $mant) as i32;
                let frac = bits & (((1 as $bits) << $mant) - 1);
                let (mut m, mut e) = if field == 0 {
                    // Subnormal: shift the leading bit up to the implicit position.
                    let shift = frac.leading_zeros() as i32 - (<$bits>::BITS as i32 - 1 - $mant);
                    (frac << shift, 1 - $bias - $mant - shift)
                } else {
                    (frac | ((1 as $bits) << $mant), field - $bias - $mant)
                };
                // sqrt(m 2^e) = sqrt(m 2^mant) 2^((e - mant) / 2): make e - mant even, so
                // m lies in [2^mant, 2^(mant+2)) and sqrt(m 2^mant) in [2^mant, 2^(mant+1)).
                if (e - $mant) % 2 != 0 {
                    m <<= 1;
                    e -= 1;
                }
                let big = (m as $wide) << $mant;
                let q = big.isqrt();
                // Round to nearest: up iff sqrt(big) >= q + 1/2, i.e. big > q^2 + q (the
                // square root of an integer is never exactly a half-integer).
                let q = if big - q * q > q { q + 1 } else { q };
                // q <= 2^(mant+1) is exact in the format, and so is the power-of-two
                // scaling: the square root of any positive float is a normal float.
                let p = (e - $mant) / 2;
                let scale = <$f>::from_bits((((p + $bias) as $bits) << $mant) as $bits);
                q as $f * scale
            }
        }
    };
}

core_float_impl!(f64, u64, u128, 52, 1023);
core_float_impl!(f32, u32, u64, 23, 127);

#[cfg(test)]
mod tests {
    use super::CoreFloat;
    extern crate std;

    /// Inputs around every kind of boundary, plus a spread of random bit patterns.
    fn samples() -> std::vec::Vec<f64> {
        let mut v = std::vec![
            0.0,
            -0.0,
            0.5,
            -0.5,
            1.5,
            -1.5,
            2.5,
            -2.5,
            0.49999999999999994,
            4503599627370495.5,
            4503599627370496.0,
            -4503599627370495.5,
            1e300,
            -1e-300,
            5e-324,
            -5e-324,
            f64::MIN_POSITIVE,
            f64::MAX,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            3.0,
            -7.0,
        ];
        let mut x = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..200_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            v.push(f64::from_bits(x));
            // Also values of moderate size, where rounding is interesting.
            v.push(f64::from_bits(x) % 1e6);
        }
        v
    }

    /// Each `CoreFloat` method against `std`'s on `x`, bit for bit (NaNs: both NaN).
    macro_rules! assert_methods_equal_std {
        ($t:ident, $x:expr) => {{
            let x: $t = $x;
            let eq = |a: $t, b: $t| a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan());
            let pairs: [(&str, fn($t) -> $t, fn($t) -> $t); 5] = [
                ("floor", CoreFloat::floor, std::primitive::$t::floor),
                ("ceil", CoreFloat::ceil, std::primitive::$t::ceil),
                ("trunc", CoreFloat::trunc, std::primitive::$t::trunc),
                (
                    "round_ties_even",
                    CoreFloat::round_ties_even,
                    std::primitive::$t::round_ties_even,
                ),
                ("sqrt", CoreFloat::sqrt, std::primitive::$t::sqrt),
            ];
            for (name, ours, theirs) in pairs {
                assert!(eq(ours(x), theirs(x)), "{name} {x:e}");
            }
        }};
    }

    #[test]
    fn rounding_and_sqrt_equal_std_f64() {
        for &x in &samples() {
            assert_methods_equal_std!(f64, x);
        }
    }

    #[test]
    fn rounding_and_sqrt_equal_std_f32() {
        for &x in &samples() {
            assert_methods_equal_std!(f32, x as f32);
        }
        // Every f32 in a band around 1 (where the parity adjustment switches).
        for b in 0x3e80_0000u32..0x3e90_0000 {
            let x = f32::from_bits(b);
            assert_eq!(
                CoreFloat::sqrt(x).to_bits(),
                std::primitive::f32::sqrt(x).to_bits()
            );
        }
    }

    // Against glibc's `fma` (correctly rounded): musl's (the std `mul_add` of the musl and
    // wasm targets) returns +0.0 for a product that underflows to -0.0 plus +0.0, which
    // the port here fixes (`super::soft::fma`'s tests).
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    #[test]
    fn mul_add_equals_std() {
        use super::CoreMulAdd;
        let s = samples();
        for w in s.windows(3) {
            let (a, b, c) = (w[0], w[1], w[2]);
            let got = CoreMulAdd::mul_add(a, b, c);
            let want = std::primitive::f64::mul_add(a, b, c);
            assert!(
                got.to_bits() == want.to_bits() || (got.is_nan() && want.is_nan()),
                "fma({a:e}, {b:e}, {c:e}) = {got:e}, std {want:e}"
            );
            // Cancellation: c close to -a*b.
            let c = -(a * b);
            let got = CoreMulAdd::mul_add(a, b, c);
            let want = std::primitive::f64::mul_add(a, b, c);
            assert!(
                got.to_bits() == want.to_bits() || (got.is_nan() && want.is_nan()),
                "fma({a:e}, {b:e}, {c:e}) = {got:e}, std {want:e}"
            );
        }
    }
}
