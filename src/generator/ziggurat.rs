//! The ziggurat methods of NumPy's `Generator`: `standard_normal`, `normal`,
//! `standard_exponential` (also `method='inv'`), `exponential`, in float64 and float32.
//!
//! ```
//! use nprand::generator::default_rng;
//! // rng = np.random.default_rng(42); rng.standard_normal(), rng.standard_exponential()
//! let mut rng = default_rng(42);
//! let (z, e) = (rng.standard_normal(), rng.standard_exponential());
//! assert!(z.is_finite() && e >= 0.0);
//! ```
//!
//! The tables (`ki`/`wi`/`fi`, `ke`/`we`/`fe`) are NumPy's published values, carried as
//! data (see `scripts/ziggurat_tables.py` for why they are not recomputed). The kernels
//! below are the free functions the [`broadcast`](super::broadcast) table also uses.

use super::exponential_simd;
use super::next_float;
use super::read_ahead::{self, Words};
use super::ziggurat_tables::*;
use super::Generator;
use crate::bitgen::BitGenerator;
use crate::error::{Error, Result};
use crate::math::np::NpMath;
use crate::prelude::*;

/// NumPy's `random_standard_normal`: one `next_uint64` (8 bits of box index, a sign bit,
/// 52 bits of magnitude) per attempt; ~99.3% of draws accept at once. The tail (box 0) and
/// the wedges draw extra doubles.
///
/// The first attempt is inline and everything after a rejection is a cold call: with the
/// retry loop inline, LLVM kept a fill's slice iterator and the generator's state in
/// memory across iterations (measured here: a rejection-free loop is ~20% faster).
#[inline(always)]
pub(crate) fn standard_normal<B: BitGenerator + ?Sized>(bg: &mut B) -> f64 {
    match normal_attempt(bg.next_u64()) {
        Ok(x) => x,
        Err(e) => standard_normal_rejected(bg, e),
    }
}

/// The first attempt's rejection: what the tail and wedge tests need (box index,
/// magnitude bits, the candidate).
pub(crate) type NormalRejected = (usize, u64, f64);

/// One ziggurat attempt on the word `r`: the value if it lies inside its box.
#[inline(always)]
pub(crate) fn normal_attempt(r: u64) -> core::result::Result<f64, NormalRejected> {
    let idx = (r & 0xff) as usize;
    let r = r >> 8;
    let sign = r & 1;
    let rabs = (r >> 1) & 0x000f_ffff_ffff_ffff;
    // NumPy's `if (sign & 0x1) x = -x;` as a sign-bit flip: the same value (negation
    // only flips the sign bit, also of 0.0), without a branch that mispredicts on half
    // of all draws (it cost ~60% of the time here).
    let x = f64::from_bits((rabs as f64 * WI_DOUBLE[idx]).to_bits() ^ (sign << 63));
    if rabs < KI_DOUBLE[idx] {
        Ok(x)
    } else {
        Err((idx, rabs, x))
    }
}

/// NumPy's test of a rejected attempt (box `idx`, candidate `x`) on the one uniform `u`
/// it draws: the tail's value for box 0, `x` if it lies under the curve in its wedge,
/// else `None` (NumPy then starts a fresh attempt on the next word).
#[inline]
pub(crate) fn exponential_rejection(idx: usize, x: f64, u: f64) -> Option<f64> {
    if idx == 0 {
        Some(ZIGGURAT_EXP_R - (-u).np_log1p())
    } else if (FE_DOUBLE[idx - 1] - FE_DOUBLE[idx]) * u + FE_DOUBLE[idx] < (-x).np_exp() {
        Some(x)
    } else {
        None
    }
}

/// The rest of NumPy's loop after a first attempt fell outside its box.
#[cold]
#[inline(never)]
pub(crate) fn standard_normal_rejected<W: Words + ?Sized>(
    bg: &mut W,
    first: NormalRejected,
) -> f64 {
    let (mut idx, mut rabs, mut x) = first;
    loop {
        if idx == 0 {
            loop {
                let xx = -ZIGGURAT_NOR_INV_R * (-bg.next_double()).np_log1p();
                let yy = -(-bg.next_double()).np_log1p();
                if yy + yy > xx * xx {
                    return if (rabs >> 8) & 1 == 1 {
                        -(ZIGGURAT_NOR_R + xx)
                    } else {
                        ZIGGURAT_NOR_R + xx
                    };
                }
            }
        } else if (FI_DOUBLE[idx - 1] - FI_DOUBLE[idx]) * bg.next_double() + FI_DOUBLE[idx]
            < (-0.5 * x * x).np_exp()
        {
            return x;
        }
        match normal_attempt(bg.next_u64()) {
            Ok(v) => return v,
            Err(e) => (idx, rabs, x) = e,
        }
    }
}

/// NumPy's `random_standard_normal_f`: one `next_uint32` per attempt (8 bits of index, a
/// sign bit, 23 bits of magnitude); the wedge test compares with a double `exp`.
pub(crate) fn standard_normal_f32<B: BitGenerator + ?Sized>(bg: &mut B) -> f32 {
    loop {
        let r = bg.next_u32();
        let idx = (r & 0xff) as usize;
        let sign = (r >> 8) & 1;
        let rabs = (r >> 9) & 0x007f_ffff;
        // The sign as a bit flip, as in `standard_normal`.
        let x = f32::from_bits((rabs as f32 * WI_FLOAT[idx]).to_bits() ^ (sign << 31));
        if rabs < KI_FLOAT[idx] {
            return x;
        }
        if idx == 0 {
            loop {
                let xx = -ZIGGURAT_NOR_INV_R_F * (-next_float(bg)).np_log1p();
                let yy = -(-next_float(bg)).np_log1p();
                if yy + yy > xx * xx {
                    return if (rabs >> 8) & 1 == 1 {
                        -(ZIGGURAT_NOR_R_F + xx)
                    } else {
                        ZIGGURAT_NOR_R_F + xx
                    };
                }
            }
        } else {
            let f = (FI_FLOAT[idx - 1] - FI_FLOAT[idx]) * next_float(bg) + FI_FLOAT[idx];
            let xd = x as f64;
            if (f as f64) < (-0.5 * xd * xd).np_exp() {
                return x;
            }
        }
    }
}

/// NumPy's `random_standard_exponential`: `next_uint64 >> 3` (8 bits of index, 53 of
/// magnitude); a rejected draw starts over. Split like [`standard_normal`]: the first
/// attempt inline, the rest cold.
#[inline(always)]
pub(crate) fn standard_exponential<B: BitGenerator + ?Sized>(bg: &mut B) -> f64 {
    match exponential_attempt(bg.next_u64()) {
        Ok(x) => x,
        Err(e) => standard_exponential_rejected(bg, e),
    }
}

/// One attempt on the word `r`: the value if inside its box, else (box index, candidate).
#[inline(always)]
pub(crate) fn exponential_attempt(r: u64) -> core::result::Result<f64, (usize, f64)> {
    let ri = r >> 3;
    let idx = (ri & 0xff) as usize;
    let ri = ri >> 8;
    let x = ri as f64 * WE_DOUBLE[idx];
    if ri < KE_DOUBLE[idx] {
        Ok(x)
    } else {
        Err((idx, x))
    }
}

/// The rest of NumPy's loop after a first attempt fell outside its box.
#[cold]
#[inline(never)]
pub(crate) fn standard_exponential_rejected<W: Words + ?Sized>(
    bg: &mut W,
    first: (usize, f64),
) -> f64 {
    let (mut idx, mut x) = first;
    loop {
        if let Some(v) = exponential_rejection(idx, x, bg.next_double()) {
            return v;
        }
        match exponential_attempt(bg.next_u64()) {
            Ok(v) => return v,
            Err(e) => (idx, x) = e,
        }
    }
}

/// NumPy's `random_standard_exponential_f`: `next_uint32 >> 1` (8 bits of index, 23 of
/// magnitude), float arithmetic throughout.
pub(crate) fn standard_exponential_f32<B: BitGenerator + ?Sized>(bg: &mut B) -> f32 {
    loop {
        let ri = bg.next_u32() >> 1;
        let idx = (ri & 0xff) as usize;
        let ri = ri >> 8;
        let x = ri as f32 * WE_FLOAT[idx];
        if ri < KE_FLOAT[idx] {
            return x;
        }
        if idx == 0 {
            return ZIGGURAT_EXP_R_F - (-next_float(bg)).np_log1p();
        }
        if (FE_FLOAT[idx - 1] - FE_FLOAT[idx]) * next_float(bg) + FE_FLOAT[idx] < (-x).np_exp() {
            return x;
        }
    }
}

/// `method='inv'`: `-log1p(-U)`.
#[inline]
pub(crate) fn standard_exponential_inv<B: BitGenerator + ?Sized>(bg: &mut B) -> f64 {
    -(-bg.next_double()).np_log1p()
}

/// `method='inv'`, float32: NumPy takes the double `log1p` of the float uniform and rounds
/// the result to float.
#[inline]
pub(crate) fn standard_exponential_inv_f32<B: BitGenerator + ?Sized>(bg: &mut B) -> f32 {
    (-(-(next_float(bg) as f64)).np_log1p()) as f32
}

/// NumPy's `CONS_NON_NEGATIVE` check of a scalar: negative values including -0.0 fail,
/// NaN passes.
pub(crate) fn check_non_negative(v: f64, name: &str) -> Result<()> {
    if !v.is_nan() && v.is_sign_negative() {
        return Err(Error::value(format!("{name} < 0")));
    }
    Ok(())
}

/// `standard_normal(size=out.len())` on any bit generator: the ziggurat over words read
/// ahead in blocks (see `read_ahead`).
pub(crate) fn fill_standard_normal<B: BitGenerator + ?Sized>(bg: &mut B, out: &mut [f64]) {
    read_ahead::fill(bg, out, normal_attempt, |t, e| {
        standard_normal_rejected(t, e)
    });
}

/// `normal(loc, scale, size=out.len())` after its check: `loc + scale * z`.
pub(crate) fn fill_normal<B: BitGenerator + ?Sized>(
    bg: &mut B,
    out: &mut [f64],
    loc: f64,
    scale: f64,
) -> Result<()> {
    read_ahead::fill(
        bg,
        out,
        |w| normal_attempt(w).map(|z| loc + scale * z),
        |t, e| loc + scale * standard_normal_rejected(t, e),
    );
    Ok(())
}

/// `standard_exponential(size=out.len())` on any bit generator: with AVX-512 the block
/// fill of `exponential_simd`, else the first attempts by the AVX2 kernel where the CPU
/// has one, then word by word.
pub(crate) fn fill_standard_exponential<B: BitGenerator + ?Sized>(bg: &mut B, out: &mut [f64]) {
    if exponential_simd::fill_blocks(bg, out, 1.0) {
        return;
    }
    read_ahead::fill_with_run(
        bg,
        out,
        |w, o| exponential_simd::accepted_run(w, o, 1.0),
        exponential_attempt,
        |t, e| standard_exponential_rejected(t, e),
    );
}

/// `exponential(scale, size=out.len())` after its check: `scale * E`.
pub(crate) fn fill_exponential<B: BitGenerator + ?Sized>(
    bg: &mut B,
    out: &mut [f64],
    scale: f64,
) -> Result<()> {
    if exponential_simd::fill_blocks(bg, out, scale) {
        return Ok(());
    }
    read_ahead::fill_with_run(
        bg,
        out,
        |w, o| exponential_simd::accepted_run(w, o, scale),
        |w| exponential_attempt(w).map(|x| scale * x),
        |t, e| scale * standard_exponential_rejected(t, e),
    );
    Ok(())
}

impl<B: BitGenerator> Generator<B> {
    /// `rng.standard_normal()`: NumPy's ziggurat.
    ///
    /// ```
    /// // np.random.default_rng(0).standard_normal()
    /// let z = nprand::generator::default_rng(0).standard_normal();
    /// assert!(z.is_finite());
    /// ```
    #[inline]
    pub fn standard_normal(&mut self) -> f64 {
        standard_normal(&mut self.bg)
    }

    /// `rng.standard_normal(size=out.len())`.
    ///
    /// ```
    /// // np.random.default_rng(0).standard_normal(4)
    /// let mut rng = nprand::generator::default_rng(0);
    /// let mut z = [0.0; 4];
    /// rng.standard_normal_into(&mut z);
    /// assert_eq!(z[0], nprand::generator::default_rng(0).standard_normal());
    /// ```
    pub fn standard_normal_into(&mut self, out: &mut [f64]) {
        fill_standard_normal(&mut self.bg, out);
    }

    /// `rng.standard_normal(dtype=np.float32)`.
    ///
    /// ```
    /// // np.random.default_rng(0).standard_normal(dtype=np.float32)
    /// let z: f32 = nprand::generator::default_rng(0).standard_normal_f32();
    /// assert!(z.is_finite());
    /// ```
    #[inline]
    pub fn standard_normal_f32(&mut self) -> f32 {
        standard_normal_f32(&mut self.bg)
    }

    /// `rng.standard_normal(size=out.len(), dtype=np.float32)`.
    ///
    /// ```
    /// // np.random.default_rng(0).standard_normal(3, dtype=np.float32)
    /// let mut z = [0.0f32; 3];
    /// nprand::generator::default_rng(0).standard_normal_f32_into(&mut z);
    /// assert_eq!(z[0], nprand::generator::default_rng(0).standard_normal_f32());
    /// ```
    pub fn standard_normal_f32_into(&mut self, out: &mut [f32]) {
        for o in out {
            *o = standard_normal_f32(&mut self.bg);
        }
    }

    /// `rng.normal(loc, scale)`: `loc + scale * standard_normal()`; `scale < 0` is
    /// NumPy's `ValueError: scale < 0` (NaN passes).
    ///
    /// ```
    /// // np.random.default_rng(0).normal(10, 2)
    /// let x = nprand::generator::default_rng(0).normal(10.0, 2.0).unwrap();
    /// assert_eq!(x, 10.0 + 2.0 * nprand::generator::default_rng(0).standard_normal());
    /// let e = nprand::generator::default_rng(0).normal(0.0, -1.0).unwrap_err();
    /// assert_eq!(e.to_string(), "ValueError: scale < 0");
    /// ```
    pub fn normal(&mut self, loc: f64, scale: f64) -> Result<f64> {
        check_non_negative(scale, "scale")?;
        Ok(loc + scale * standard_normal(&mut self.bg))
    }

    /// `rng.normal(loc, scale, size=out.len())`.
    ///
    /// ```
    /// // np.random.default_rng(0).normal(1, 3, size=5)
    /// let mut x = [0.0; 5];
    /// nprand::generator::default_rng(0).normal_into(&mut x, 1.0, 3.0).unwrap();
    /// assert_eq!(x[0], nprand::generator::default_rng(0).normal(1.0, 3.0).unwrap());
    /// ```
    pub fn normal_into(&mut self, out: &mut [f64], loc: f64, scale: f64) -> Result<()> {
        check_non_negative(scale, "scale")?;
        fill_normal(&mut self.bg, out, loc, scale)
    }

    /// `rng.standard_exponential()` (`method='zig'`, the default).
    ///
    /// ```
    /// // np.random.default_rng(0).standard_exponential()
    /// assert!(nprand::generator::default_rng(0).standard_exponential() >= 0.0);
    /// ```
    #[inline]
    pub fn standard_exponential(&mut self) -> f64 {
        standard_exponential(&mut self.bg)
    }

    /// `rng.standard_exponential(size=out.len())`.
    ///
    /// ```
    /// // np.random.default_rng(0).standard_exponential(2)
    /// let mut x = [0.0; 2];
    /// nprand::generator::default_rng(0).standard_exponential_into(&mut x);
    /// assert_eq!(x[0], nprand::generator::default_rng(0).standard_exponential());
    /// ```
    pub fn standard_exponential_into(&mut self, out: &mut [f64]) {
        fill_standard_exponential(&mut self.bg, out);
    }

    /// `rng.standard_exponential(dtype=np.float32)`.
    ///
    /// ```
    /// // np.random.default_rng(0).standard_exponential(dtype=np.float32)
    /// assert!(nprand::generator::default_rng(0).standard_exponential_f32() >= 0.0);
    /// ```
    #[inline]
    pub fn standard_exponential_f32(&mut self) -> f32 {
        standard_exponential_f32(&mut self.bg)
    }

    /// `rng.standard_exponential(size=out.len(), dtype=np.float32)`.
    ///
    /// ```
    /// // np.random.default_rng(0).standard_exponential(2, dtype=np.float32)
    /// let mut x = [0.0f32; 2];
    /// nprand::generator::default_rng(0).standard_exponential_f32_into(&mut x);
    /// assert_eq!(x[0], nprand::generator::default_rng(0).standard_exponential_f32());
    /// ```
    pub fn standard_exponential_f32_into(&mut self, out: &mut [f32]) {
        for o in out {
            *o = standard_exponential_f32(&mut self.bg);
        }
    }

    /// `rng.standard_exponential(method='inv')`: `-log1p(-random())`.
    ///
    /// ```
    /// // np.random.default_rng(0).standard_exponential(method='inv')
    /// let x = nprand::generator::default_rng(0).standard_exponential_inv();
    /// assert_eq!(x, -nprand::math::log1p(-nprand::generator::default_rng(0).random()));
    /// ```
    #[inline]
    pub fn standard_exponential_inv(&mut self) -> f64 {
        standard_exponential_inv(&mut self.bg)
    }

    /// `rng.standard_exponential(size=out.len(), method='inv')`.
    ///
    /// ```
    /// // np.random.default_rng(0).standard_exponential(3, method='inv')
    /// let mut x = [0.0; 3];
    /// nprand::generator::default_rng(0).standard_exponential_inv_into(&mut x);
    /// assert!(x.iter().all(|v| *v >= 0.0));
    /// ```
    pub fn standard_exponential_inv_into(&mut self, out: &mut [f64]) {
        for o in out {
            *o = standard_exponential_inv(&mut self.bg);
        }
    }

    /// `rng.standard_exponential(dtype=np.float32, method='inv')`.
    ///
    /// ```
    /// // np.random.default_rng(0).standard_exponential(dtype=np.float32, method='inv')
    /// assert!(nprand::generator::default_rng(0).standard_exponential_inv_f32() >= 0.0);
    /// ```
    #[inline]
    pub fn standard_exponential_inv_f32(&mut self) -> f32 {
        standard_exponential_inv_f32(&mut self.bg)
    }

    /// `rng.standard_exponential(size=out.len(), dtype=np.float32, method='inv')`.
    ///
    /// ```
    /// let mut x = [0.0f32; 3];
    /// nprand::generator::default_rng(0).standard_exponential_inv_f32_into(&mut x);
    /// assert_eq!(x[0], nprand::generator::default_rng(0).standard_exponential_inv_f32());
    /// ```
    pub fn standard_exponential_inv_f32_into(&mut self, out: &mut [f32]) {
        for o in out {
            *o = standard_exponential_inv_f32(&mut self.bg);
        }
    }

    /// `rng.exponential(scale)`: `scale * standard_exponential()`; NumPy's
    /// `ValueError: scale < 0`.
    ///
    /// ```
    /// // np.random.default_rng(0).exponential(2.0)
    /// let x = nprand::generator::default_rng(0).exponential(2.0).unwrap();
    /// assert_eq!(x, 2.0 * nprand::generator::default_rng(0).standard_exponential());
    /// ```
    pub fn exponential(&mut self, scale: f64) -> Result<f64> {
        check_non_negative(scale, "scale")?;
        Ok(scale * standard_exponential(&mut self.bg))
    }

    /// `rng.exponential(scale, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 2];
    /// nprand::generator::default_rng(0).exponential_into(&mut x, 0.5).unwrap();
    /// assert_eq!(x[0], nprand::generator::default_rng(0).exponential(0.5).unwrap());
    /// ```
    pub fn exponential_into(&mut self, out: &mut [f64], scale: f64) -> Result<()> {
        check_non_negative(scale, "scale")?;
        fill_exponential(&mut self.bg, out, scale)
    }
}
