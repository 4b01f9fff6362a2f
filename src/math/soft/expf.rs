//! `expf` and `powf` as glibc 2.36 computes them on x86-64 CPUs with FMA and AVX2
//! (`__expf_fma`, `__powf_fma`): ports of ARM optimized-routines' `math/expf.c`,
//! `math/powf.c` and the tables of `math/exp2f_data.c` and `math/powf_log2_data.c` (MIT),
//! for NumPy's float32 kernels without `std`.
//!
//! glibc builds these with `TOINT_INTRINSICS` off (rounding by adding a shift constant)
//! and, in its `-mfma` copies, fuses every `a * b + c` of the C into one FMA; each such
//! place is a `mul_add` here and every product left unfused a plain `*` (read off the
//! disassembly of glibc 2.36's `libm.so.6`). The tests compare the results with the host's
//! `expf`/`powf` bit for bit.

// (With `std`, or in tests, which link it, `std`'s inherent methods are used.)
use super::logf::INVC;
#[cfg(not(any(feature = "std", test)))]
use crate::math::core_float::CoreMulAdd;

/// `EXP2F_TABLE_BITS`.
const EXP2F_TABLE_BITS: u32 = 5;
const N: u64 = 1 << EXP2F_TABLE_BITS;

/// `__exp2f_data.tab`: `tab[i] = uint(2^(i/N)) - (i << 52-BITS)`.
const TAB: [u64; 32] = [
    0x3ff0000000000000,
    0x3fefd9b0d3158574,
    0x3fefb5586cf9890f,
    0x3fef9301d0125b51,
    0x3fef72b83c7d517b,
    0x3fef54873168b9aa,
    0x3fef387a6e756238,
    0x3fef1e9df51fdee1,
    0x3fef06fe0a31b715,
    0x3feef1a7373aa9cb,
    0x3feedea64c123422,
    0x3feece086061892d,
    0x3feebfdad5362a27,
    0x3feeb42b569d4f82,
    0x3feeab07dd485429,
    0x3feea47eb03a5585,
    0x3feea09e667f3bcd,
    0x3fee9f75e8ec5f74,
    0x3feea11473eb0187,
    0x3feea589994cce13,
    0x3feeace5422aa0db,
    0x3feeb737b0cdc5e5,
    0x3feec49182a3f090,
    0x3feed503b23e255d,
    0x3feee89f995ad3ad,
    0x3feeff76f2fb5e47,
    0x3fef199bdd85529c,
    0x3fef3720dcef9069,
    0x3fef5818dcfba487,
    0x3fef7c97337b9b5f,
    0x3fefa4afa2a490da,
    0x3fefd0765b6e4540,
];
/// `shift_scaled = 0x1.8p+52 / N`.
const SHIFT_SCALED: f64 = f64::from_bits(0x4338000000000000) / N as f64;
/// `poly` (for `powf`'s `exp2_inline`).
const POLY: [f64; 3] = [
    f64::from_bits(0x3fac6af84b912394),
    f64::from_bits(0x3fcebfce50fac4f3),
    f64::from_bits(0x3fe62e42ff0c52d6),
];
/// `shift = 0x1.8p+52`.
const SHIFT: f64 = f64::from_bits(0x4338000000000000);
/// `invln2_scaled = 0x1.71547652b82fep+0 * N`.
const INVLN2_SCALED: f64 = f64::from_bits(0x3ff71547652b82fe) * N as f64;
/// `poly_scaled = poly / N^3, / N^2, / N`.
const POLY_SCALED: [f64; 3] = [
    f64::from_bits(0x3fac6af84b912394) / (N * N * N) as f64,
    f64::from_bits(0x3fcebfce50fac4f3) / (N * N) as f64,
    f64::from_bits(0x3fe62e42ff0c52d6) / N as f64,
];

/// `top12(x)`: the sign, exponent and top mantissa bits of a float.
#[inline]
fn top12(x: f32) -> u32 {
    x.to_bits() >> 20
}

/// glibc's `__math_oflowf(sign)`: `±0x1p97f * 0x1p97f` (infinity).
#[inline]
fn oflowf(neg: bool) -> f32 {
    let y = f32::from_bits(0x70000000);
    core::hint::black_box(if neg { -y } else { y }) * y
}

/// glibc's `__math_uflowf(sign)`: `±0x1p-95f * 0x1p-95f` (zero).
#[inline]
fn uflowf(neg: bool) -> f32 {
    let y = f32::from_bits(0x10000000);
    core::hint::black_box(if neg { -y } else { y }) * y
}

/// glibc's `__math_may_uflowf(sign)`: `±0x1.4p-75f * 0x1.4p-75f` (the smallest subnormal).
#[inline]
fn may_uflowf(neg: bool) -> f32 {
    let y = f32::from_bits(0x1a200000);
    core::hint::black_box(if neg { -y } else { y }) * y
}

/// glibc's `__math_invalidf(x)`: `(x - x) / (x - x)`, x86's default NaN (or `x` quieted).
#[allow(clippy::eq_op)] // the NaN is the point
pub(super) fn invalidf(x: f32) -> f32 {
    let d = x - x;
    d / d
}

fma_multiversion! {
    /// glibc's `expf` (x86-64, FMA build).
    pub(crate) fn expf / expf_portable(x: f32) -> f32 {
        let xd = x as f64;
        let abstop = top12(x) & 0x7ff;
        if abstop >= top12(88.0) {
            // |x| >= 88 or x is NaN.
            if x.to_bits() == f32::NEG_INFINITY.to_bits() {
                return 0.0;
            }
            if abstop >= top12(f32::INFINITY) {
                return x + x;
            }
            if x > f32::from_bits(0x42b17217) {
                // x > log(0x1p128) ~= 88.72
                return oflowf(false);
            }
            if x < f32::from_bits(0xc2cff1b4) {
                // x < log(0x1p-150) ~= -103.97
                return uflowf(false);
            }
            if x < f32::from_bits(0xc2ce8ecf) {
                // x < log(0x1p-149) ~= -103.28
                return may_uflowf(false);
            }
        }
        // x*N/Ln2 = k + r with r in [-1/2, 1/2] and int k; `z + SHIFT` and `z - kd` are
        // fused with the product z = InvLn2N * xd.
        let kd = INVLN2_SCALED.mul_add(xd, SHIFT);
        let ki = kd.to_bits();
        let kd = kd - SHIFT;
        let r = INVLN2_SCALED.mul_add(xd, -kd);
        // exp(x) = 2^(k/N) * 2^(r/N) ~= s * (C0*r^3 + C1*r^2 + C2*r + 1)
        scaled_poly(ki, r, &POLY_SCALED)
    }
}

/// `s * (C0*r^3 + C1*r^2 + C2*r + 1)` rounded to float, `s = 2^(k/N)` from the table and
/// the shifted integer `ski = k + sign_bias` (a multiple of `N` moved into the sign bit):
/// the tail `expf` and `powf`'s `exp2_inline` share.
#[inline(always)]
fn scaled_poly(ski: u64, r: f64, c: &[f64; 3]) -> f32 {
    let t = TAB[(ski % N) as usize].wrapping_add(ski << (52 - EXP2F_TABLE_BITS));
    let s = f64::from_bits(t);
    let z = c[0].mul_add(r, c[1]);
    let r2 = r * r;
    let y = c[2].mul_add(r, 1.0);
    let y = z.mul_add(r2, y);
    (y * s) as f32
}

/// `POWF_LOG2_TABLE_BITS`.
const LOG2_TABLE_BITS: u32 = 4;
/// `OFF`: the subintervals of `log2_inline` start here.
const OFF: u32 = 0x3f330000;
/// `logc` of `__powf_log2_data.tab` (`POWF_SCALE` = 1 without `TOINT_INTRINSICS`):
/// `log2(c)`; the `invc` column is `logf`'s ([`INVC`]).
const LOG2C: [u64; 16] = [
    0xbfdefec65b963019,
    0xbfdb0b6832d4fca4,
    0xbfd7418b0a1fb77b,
    0xbfd39de91a6dcf7b,
    0xbfd01d9bf3f2b631,
    0xbfc97c1d1b3b7af0,
    0xbfc2f9e393af3c9f,
    0xbfb960cbbf788d5c,
    0xbfaa6f9db6475fce,
    0x0000000000000000,
    0x3fb338ca9f24f53d,
    0x3fc476a9543891ba,
    0x3fce840b4ac4e4d2,
    0x3fd40645f0c6651c,
    0x3fd88e9c2c1b9ff8,
    0x3fdce0a44eb17bcc,
];
/// `__powf_log2_data.poly`.
const LOG2_POLY: [f64; 5] = [
    f64::from_bits(0x3fd27616c9496e0b),
    f64::from_bits(0xbfd71969a075c67a),
    f64::from_bits(0x3fdec70a6ca7badd),
    f64::from_bits(0xbfe7154748bef6c8),
    f64::from_bits(0x3ff71547652ab82b),
];
/// `SIGN_BIAS = 1 << (EXP2F_TABLE_BITS + 11)`.
const SIGN_BIAS: u64 = 1 << (EXP2F_TABLE_BITS + 11);

/// `log2(x)` for a positive normal float's bits, in double precision.
#[inline(always)]
fn log2_inline(ix: u32) -> f64 {
    let tmp = ix.wrapping_sub(OFF);
    let i = ((tmp >> (23 - LOG2_TABLE_BITS)) % (1 << LOG2_TABLE_BITS)) as usize;
    let top = tmp & 0xff800000;
    let iz = ix.wrapping_sub(top);
    let k = (top as i32) >> 23;
    let invc = f64::from_bits(INVC[i]);
    let logc = f64::from_bits(LOG2C[i]);
    let z = f32::from_bits(iz) as f64;
    // log2(x) = log1p(z/c-1)/ln2 + log2(c) + k
    let r = z.mul_add(invc, -1.0);
    let y0 = logc + k as f64;
    // Pipelined polynomial evaluation to approximate log1p(r)/ln2.
    let r2 = r * r;
    let y = LOG2_POLY[0].mul_add(r, LOG2_POLY[1]);
    let p = LOG2_POLY[2].mul_add(r, LOG2_POLY[3]);
    let r4 = r2 * r2;
    let q = LOG2_POLY[4].mul_add(r, y0);
    let q = p.mul_add(r2, q);
    y.mul_add(r4, q)
}

/// `2^xd` rounded to float, with the sign of `sign_bias`.
#[inline(always)]
fn exp2_inline(xd: f64, sign_bias: u64) -> f32 {
    let kd = xd + SHIFT_SCALED;
    let ki = kd.to_bits();
    let kd = kd - SHIFT_SCALED; // k/N
    let r = xd - kd;
    // exp2(x) = 2^(k/N) * 2^r ~= s * (C0*r^3 + C1*r^2 + C2*r + 1); SIGN_BIAS is a
    // multiple of N, so the table index is k's.
    scaled_poly(ki.wrapping_add(sign_bias), r, &POLY)
}

/// 0 if `iy` is not an integer, 1 if an odd one, 2 if an even one.
#[inline]
fn checkint(iy: u32) -> u32 {
    let e = (iy >> 23 & 0xff) as i32;
    if e < 0x7f {
        return 0;
    }
    if e > 0x7f + 23 {
        return 2;
    }
    if iy & ((1 << (0x7f + 23 - e)) - 1) != 0 {
        return 0;
    }
    if iy & (1 << (0x7f + 23 - e)) != 0 {
        return 1;
    }
    2
}

/// Whether `2 * i - 1 >= 2 * 0x7f800000 - 1`: zero, infinity or NaN.
#[inline]
fn zeroinfnan(i: u32) -> bool {
    (2u32.wrapping_mul(i)).wrapping_sub(1) >= 2u32.wrapping_mul(0x7f800000) - 1
}

/// Whether `x` is a signaling NaN.
#[inline]
fn issignalingf(x: f32) -> bool {
    ((x.to_bits() ^ 0x00400000) & 0x7fffffff) > 0x7fc00000
}

fma_multiversion! {
    /// glibc's `powf` (x86-64, FMA build).
    pub(crate) fn powf / powf_portable(x: f32, y: f32) -> f32 {
        let mut sign_bias = 0u64;
        let mut ix = x.to_bits();
        let iy = y.to_bits();
        if ix.wrapping_sub(0x00800000) >= 0x7f800000 - 0x00800000 || zeroinfnan(iy) {
            // Either (x < 0x1p-126 or inf or nan) or (y is 0 or inf or nan).
            if zeroinfnan(iy) {
                if 2u32.wrapping_mul(iy) == 0 {
                    return if issignalingf(x) { x + y } else { 1.0 };
                }
                if ix == 0x3f800000 {
                    return if issignalingf(y) { x + y } else { 1.0 };
                }
                if 2u32.wrapping_mul(ix) > 2u32.wrapping_mul(0x7f800000)
                    || 2u32.wrapping_mul(iy) > 2u32.wrapping_mul(0x7f800000)
                {
                    return x + y;
                }
                if 2u32.wrapping_mul(ix) == 2 * 0x3f800000 {
                    return 1.0;
                }
                if (2u32.wrapping_mul(ix) < 2 * 0x3f800000) == (iy & 0x80000000 == 0) {
                    return 0.0; // |x|<1 && y==inf or |x|>1 && y==-inf.
                }
                return y * y;
            }
            if zeroinfnan(ix) {
                let mut x2 = x * x;
                let mut neg = false;
                if ix & 0x80000000 != 0 && checkint(iy) == 1 {
                    x2 = -x2;
                    neg = true;
                }
                // glibc's WANT_ERRNO: __math_divzerof(sign_bias).
                if 2u32.wrapping_mul(ix) == 0 && iy & 0x80000000 != 0 {
                    let one = if neg { -1.0f32 } else { 1.0 };
                    return one / core::hint::black_box(0.0f32);
                }
                return if iy & 0x80000000 != 0 {
                    core::hint::black_box(1.0 / x2)
                } else {
                    x2
                };
            }
            // x and y are non-zero finite.
            if ix & 0x80000000 != 0 {
                // Finite x < 0.
                let yint = checkint(iy);
                if yint == 0 {
                    return invalidf(x);
                }
                if yint == 1 {
                    sign_bias = SIGN_BIAS;
                }
                ix &= 0x7fffffff;
            }
            if ix < 0x00800000 {
                // Normalize subnormal x so exponent becomes negative.
                ix = (x * f32::from_bits(0x4b000000)).to_bits();
                ix &= 0x7fffffff;
                ix = ix.wrapping_sub(23 << 23);
            }
        }
        let logx = log2_inline(ix);
        let ylogx = y as f64 * logx; // Note: cannot overflow, y is single prec.
        if (ylogx.to_bits() >> 47 & 0xffff) >= 126.0f64.to_bits() >> 47 {
            // |y*log(x)| >= 126.
            let neg = sign_bias != 0;
            if ylogx > f64::from_bits(0x405fffffffd1d571) {
                return oflowf(neg);
            }
            if ylogx > f64::from_bits(0x405fffffffa3aae2) {
                // Round-to-nearest: the largest finite float ("1 + 0x1p-25 != 1" fails).
                return if neg {
                    -f32::from_bits(0x7f7fffff)
                } else {
                    f32::from_bits(0x7f7fffff)
                };
            }
            if ylogx <= -150.0 {
                return uflowf(neg);
            }
            if ylogx < -149.0 {
                return may_uflowf(neg);
            }
        }
        exp2_inline(ylogx, sign_bias)
    }
}

#[cfg(all(test, target_os = "linux", target_env = "gnu", target_arch = "x86_64"))]
mod tests {
    extern crate std;
    use super::super::assert_same_f32;
    use super::{expf, powf};

    /// Every 97th bit pattern (every one with `NPRAND_EXHAUSTIVE`) against the host's.
    #[test]
    fn expf_equals_glibc() {
        super::super::for_each_f32(97, |x| {
            let want = std::primitive::f32::exp(x);
            assert_same_f32("expf", format_args!("{x:e}"), expf(x), want);
        });
    }

    #[test]
    fn powf_equals_glibc() {
        let mut s = 0x9e37_79b9u32;
        let mut next = || {
            s ^= s << 13;
            s ^= s >> 17;
            s ^= s << 5;
            s
        };
        for i in 0..2_000_000 {
            let (x, y) = match i % 4 {
                // NumPy's gamma: u^(1/shape), u in (0, 1).
                0 => (
                    (next() >> 8) as f32 / (1u32 << 24) as f32,
                    1.0 / ((next() >> 8) as f32 / (1u32 << 20) as f32),
                ),
                1 => (
                    f32::from_bits(next() & 0x7fffffff),
                    (next() >> 8) as f32 / 1e5 - 80.0,
                ),
                _ => (f32::from_bits(next()), f32::from_bits(next())),
            };
            let want = std::primitive::f32::powf(x, y);
            assert_same_f32("powf", format_args!("{x:e}, {y:e}"), powf(x, y), want);
        }
        for &(x, y) in &[
            (0.0f32, -1.0f32),
            (-0.0, -3.0),
            (-0.0, 3.0),
            (-2.0, 3.0),
            (-2.0, 0.5),
            (1.0, f32::NAN),
            (f32::NAN, 0.0),
            (2.0, 128.0),
            (2.0, -150.0),
            (2.0, -149.5),
            (-2.0, 127.99999),
            (1e-40, 0.5),
            (f32::INFINITY, -1.0),
            (0.5, f32::INFINITY),
        ] {
            let want = std::primitive::f32::powf(x, y);
            assert_same_f32("powf", format_args!("{x:e}, {y:e}"), powf(x, y), want);
        }
    }
}
