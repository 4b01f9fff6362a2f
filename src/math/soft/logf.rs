//! `logf` and `log1pf` as glibc 2.36 computes them on x86-64, for NumPy's float32
//! kernels without `std`.
//!
//! - `logf`: glibc's `__logf_fma` (run on CPUs with FMA and AVX2), a port of ARM
//!   optimized-routines' `math/logf.c` with the table of `math/logf_data.c` (MIT); every
//!   `a * b + c` the `-mfma` build fuses is a `mul_add` (read off the disassembly of
//!   glibc 2.36's `libm.so.6`).
//! - `log1pf`: fdlibm's `s_log1pf.c` (Sun's notice in LICENSE-THIRD-PARTY.md) with the
//!   thresholds of its original float conversion, which glibc keeps (FreeBSD msun later
//!   tightened them: `0x3ed413d0`, `0xbe95f619`, `0x3504f4`, `2**-15`, `2**-24`), all in
//!   float arithmetic; glibc has no FMA copy of it.
//!
//! The tests compare both with the host's functions bit for bit.

// (With `std`, or in tests, which link it, `std`'s inherent methods are used.)
use super::expf::invalidf;
#[cfg(not(any(feature = "std", test)))]
use crate::math::core_float::CoreMulAdd;

/// `LOGF_TABLE_BITS`.
const TABLE_BITS: u32 = 4;
/// `OFF`: the subintervals start here.
const OFF: u32 = 0x3f330000;
/// `invc` of `__logf_data.tab` and `__powf_log2_data.tab` (the same 16 centres `c`).
pub(super) const INVC: [u64; 16] = [
    0x3ff661ec79f8f3be,
    0x3ff571ed4aaf883d,
    0x3ff49539f0f010b0,
    0x3ff3c995b0b80385,
    0x3ff30d190c8864a5,
    0x3ff25e227b0b8ea0,
    0x3ff1bb4a4a1a343f,
    0x3ff12358f08ae5ba,
    0x3ff0953f419900a7,
    0x3ff0000000000000,
    0x3fee608cfd9a47ac,
    0x3feca4b31f026aa0,
    0x3feb2036576afce6,
    0x3fe9c2d163a1aa2d,
    0x3fe886e6037841ed,
    0x3fe767dcf5534862,
];
/// `logc` of `__logf_data.tab`: `log(c)`.
const LOGC: [u64; 16] = [
    0xbfd57bf7808caade,
    0xbfd2bef0a7c06ddb,
    0xbfd01eae7f513a67,
    0xbfcb31d8a68224e9,
    0xbfc6574f0ac07758,
    0xbfc1aa2bc79c8100,
    0xbfba4e76ce8c0e5e,
    0xbfb1973c5a611ccc,
    0xbfa252f438e10c1e,
    0x0000000000000000,
    0x3faaa5aa5df25984,
    0x3fbc5e53aa362eb4,
    0x3fc526e57720db08,
    0x3fcbc2860d224770,
    0x3fd1058bc8a07ee1,
    0x3fd4043057b6ee09,
];
/// `__logf_data.ln2`.
const LN2: f64 = f64::from_bits(0x3fe62e42fefa39ef);
/// `__logf_data.poly` (the first-order coefficient is 1).
const A: [f64; 3] = [
    f64::from_bits(0xbfd00ea348b88334),
    f64::from_bits(0x3fd5575b0be00b6a),
    f64::from_bits(0xbfdffffef20a4123),
];

fma_multiversion! {
    /// glibc's `logf` (x86-64, FMA build).
    pub(crate) fn logf / logf_portable(x: f32) -> f32 {
        let mut ix = x.to_bits();
        // Fix sign of zero with downward rounding when x==1 (glibc's WANT_ROUNDING).
        if ix == 0x3f800000 {
            return 0.0;
        }
        if ix.wrapping_sub(0x00800000) >= 0x7f800000 - 0x00800000 {
            // x < 0x1p-126 or inf or nan.
            if ix.wrapping_mul(2) == 0 {
                // __math_divzerof(1)
                return -1.0 / core::hint::black_box(0.0f32);
            }
            if ix == 0x7f800000 {
                // log(inf) == inf.
                return x;
            }
            if ix & 0x80000000 != 0 || ix.wrapping_mul(2) >= 0xff000000 {
                return invalidf(x);
            }
            // x is subnormal, normalize it.
            ix = (x * f32::from_bits(0x4b000000)).to_bits();
            ix = ix.wrapping_sub(23 << 23);
        }
        // x = 2^k z; where z is in range [OFF,2*OFF] and exact.
        let tmp = ix.wrapping_sub(OFF);
        let i = ((tmp >> (23 - TABLE_BITS)) % (1 << TABLE_BITS)) as usize;
        let k = (tmp as i32) >> 23; // arithmetic shift
        let iz = ix.wrapping_sub(tmp & 0xff800000);
        let invc = f64::from_bits(INVC[i]);
        let logc = f64::from_bits(LOGC[i]);
        let z = f32::from_bits(iz) as f64;
        // log(x) = log1p(z/c-1) + log(c) + k*Ln2
        let r = z.mul_add(invc, -1.0);
        let y0 = (k as f64).mul_add(LN2, logc);
        // Pipelined polynomial evaluation to approximate log1p(r).
        let r2 = r * r;
        let y = A[1].mul_add(r, A[2]);
        let y = A[0].mul_add(r2, y);
        let y = y.mul_add(r2, y0 + r);
        y as f32
    }
}

const LN2_HI: f32 = f32::from_bits(0x3f317180);
const LN2_LO: f32 = f32::from_bits(0x3717f7d1);
const TWO25: f32 = f32::from_bits(0x4c000000);
const LP1: f32 = f32::from_bits(0x3f2aaaab);
const LP2: f32 = f32::from_bits(0x3ecccccd);
const LP3: f32 = f32::from_bits(0x3e924925);
const LP4: f32 = f32::from_bits(0x3e638e29);
const LP5: f32 = f32::from_bits(0x3e3a3325);
const LP6: f32 = f32::from_bits(0x3e1cd04f);
const LP7: f32 = f32::from_bits(0x3e178897);

fma_multiversion! {
    /// fdlibm's `log1pf`.
    pub(crate) fn log1pf / log1pf_portable(x: f32) -> f32 {
        let hx = x.to_bits() as i32;
        let ax = hx & 0x7fffffff;
        let mut k = 1i32;
        let mut f = 0.0f32;
        let mut hu = 0i32;
        let mut c = 0.0f32;
        if hx < 0x3ed413d7 {
            // x < 0.41422
            if ax >= 0x3f800000 {
                // x <= -1.0
                if x == -1.0 {
                    return -TWO25 / core::hint::black_box(0.0f32); // log1p(-1) = -inf
                }
                return invalidf(x); // log1p(x<-1) = NaN
            }
            if ax < 0x31000000 {
                // |x| < 2**-29 (fdlibm's original float thresholds, which glibc keeps;
                // FreeBSD later widened them to 2**-15 and 2**-24)
                if TWO25 + x > 0.0 && ax < 0x24800000 {
                    // |x| < 2**-54
                    return x;
                }
                return x - x * x * 0.5;
            }
            if hx > 0 || hx <= 0xbe95f61fu32 as i32 {
                // -0.2929 < x < 0.41422
                k = 0;
                f = x;
                hu = 1;
            }
        }
        if hx >= 0x7f800000 {
            return x + x;
        }
        if k != 0 {
            let mut u;
            if hx < 0x5a000000 {
                u = 1.0f32 + x;
                hu = u.to_bits() as i32;
                k = (hu >> 23) - 127;
                // correction term
                c = if k > 0 { 1.0 - (u - x) } else { x - (u - 1.0) };
                c /= u;
            } else {
                u = x;
                hu = u.to_bits() as i32;
                k = (hu >> 23) - 127;
                c = 0.0;
            }
            hu &= 0x007fffff;
            if hu < 0x3504f7 {
                // u < sqrt(2)
                u = f32::from_bits((hu | 0x3f800000) as u32); // normalize u
            } else {
                k += 1;
                u = f32::from_bits((hu | 0x3f000000) as u32); // normalize u/2
                hu = (0x00800000 - hu) >> 2;
            }
            f = u - 1.0;
        }
        let hfsq = 0.5 * f * f;
        if hu == 0 {
            // |f| < 2**-20
            if f == 0.0 {
                if k == 0 {
                    return 0.0;
                }
                c += k as f32 * LN2_LO;
                return k as f32 * LN2_HI + c;
            }
            let r = hfsq * (1.0 - 0.666_666_7 * f);
            if k == 0 {
                return f - r;
            }
            return k as f32 * LN2_HI - ((r - (k as f32 * LN2_LO + c)) - f);
        }
        let s = f / (2.0 + f);
        let z = s * s;
        let r = z * (LP1 + z * (LP2 + z * (LP3 + z * (LP4 + z * (LP5 + z * (LP6 + z * LP7))))));
        if k == 0 {
            return f - (hfsq - s * (hfsq + r));
        }
        k as f32 * LN2_HI - ((hfsq - (s * (hfsq + r) + (k as f32 * LN2_LO + c))) - f)
    }
}

#[cfg(all(test, target_os = "linux", target_env = "gnu", target_arch = "x86_64"))]
mod tests {
    extern crate std;
    use super::super::assert_same_f32;
    use super::{log1pf, logf};

    /// Every 61st bit pattern (all exponents, a spread of mantissas; every pattern with
    /// `NPRAND_EXHAUSTIVE`) against glibc.
    #[test]
    fn logf_and_log1pf_equal_glibc() {
        super::super::for_each_f32(61, |x| {
            let want = std::primitive::f32::ln(x);
            assert_same_f32("logf", format_args!("{x:e}"), logf(x), want);
            let want = std::primitive::f32::ln_1p(x);
            assert_same_f32("log1pf", format_args!("{x:e}"), log1pf(x), want);
        });
    }
}
