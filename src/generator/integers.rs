//! `Generator.integers` (Lemire's method, NumPy's `use_masked=False`) for every integer
//! dtype and bool, and `Generator.bytes`.
//!
//! ```
//! use nprand::generator::default_rng;
//! // rng = np.random.default_rng(7)
//! let mut rng = default_rng(7);
//! // rng.integers(0, 256, dtype=np.uint8), rng.integers(-5, 5, endpoint=True)
//! let b: u8 = rng.integers_dtype(0, 256, false).unwrap();
//! let k = rng.integers(-5, 5, true).unwrap();
//! assert!((-5..=5).contains(&k));
//! # let _ = b;
//! ```
//!
//! What NumPy does, and nprand with it:
//! - The interval is closed internally: `[low, high - 1]` (or `[low, high]` with
//!   `endpoint=True`) becomes an offset `off = low` and a range `rng = high - low` in the
//!   unsigned type of the dtype's width, and the result is `off + v` modulo 2^bits.
//! - `rng == 0` draws nothing. A full range (`rng` = the unsigned maximum) takes the raw
//!   draw. Otherwise Lemire's multiply-and-reject: `m = draw * (rng + 1)` in the doubled
//!   width, reject while the low half is below `(MAX - rng) % (rng + 1)`, return the high
//!   half.
//! - 64-bit dtypes with `rng < 2^32` use the 32-bit method on `next_uint32` (which the
//!   64-bit bit generators serve as the two halves of one 64-bit output, low half first).
//! - 16-bit, 8-bit and bool draws take 16, 8 or 1 bit(s) at a time from a 32-bit word,
//!   lowest bits first; the buffer lives for one call (one `_into` fill, or one broadcast
//!   call), so a scalar `integers(…, dtype=uint8)` consumes a whole word.

use super::Generator;
use crate::bitgen::BitGenerator;
use crate::distr::bits::spread_bits;
use crate::error::{Error, Result};
use crate::prelude::*;

// `integers` with array bounds (NumPy's `_bounded_integers` broadcast path).
#[path = "integers_broadcast.rs"]
mod broadcast;
#[doc(inline)]
pub use crate::common::IntBound;
#[cfg(feature = "eval")]
pub(crate) use broadcast::{bounds_type, BroadcastBounds};

// The dtypes and how NumPy draws each width.
#[path = "integer_dtype.rs"]
mod dtype;
pub use dtype::{IntegerDtype, Width};

/// The draws of one NumPy call: the bit generator and the 32-bit buffer shared by the
/// 8/16-bit and bool draws of that call.
pub(crate) struct Bounded<'a, B: BitGenerator + ?Sized> {
    bg: &'a mut B,
    bcnt: u32,
    buf: u32,
}

impl<'a, B: BitGenerator + ?Sized> Bounded<'a, B> {
    pub(crate) fn new(bg: &'a mut B) -> Self {
        Bounded {
            bg,
            bcnt: 0,
            buf: 0,
        }
    }

    #[inline]
    fn buffered_u16(&mut self) -> u16 {
        if self.bcnt == 0 {
            self.buf = self.bg.next_u32();
            self.bcnt = 1;
        } else {
            self.buf >>= 16;
            self.bcnt -= 1;
        }
        self.buf as u16
    }

    #[inline]
    fn buffered_u8(&mut self) -> u8 {
        if self.bcnt == 0 {
            self.buf = self.bg.next_u32();
            self.bcnt = 3;
        } else {
            self.buf >>= 8;
            self.bcnt -= 1;
        }
        self.buf as u8
    }

    /// NumPy's `buffered_bounded_bool`.
    #[inline]
    pub(crate) fn bool(&mut self, off: bool, rng: bool) -> bool {
        if !rng {
            return off;
        }
        if self.bcnt == 0 {
            self.buf = self.bg.next_u32();
            self.bcnt = 31;
        } else {
            self.buf >>= 1;
            self.bcnt -= 1;
        }
        self.buf & 1 != 0
    }

    /// NumPy's `random_buffered_bounded_uint8` (Lemire).
    #[inline]
    pub(crate) fn u8(&mut self, off: u8, rng: u8) -> u8 {
        if rng == 0 {
            return off;
        }
        if rng == u8::MAX {
            return off.wrapping_add(self.buffered_u8());
        }
        let excl = rng as u16 + 1;
        let mut m = self.buffered_u8() as u16 * excl;
        let mut leftover = m & 0xff;
        if leftover < excl {
            let threshold = (u8::MAX as u16 - rng as u16) % excl;
            while leftover < threshold {
                m = self.buffered_u8() as u16 * excl;
                leftover = m & 0xff;
            }
        }
        off.wrapping_add((m >> 8) as u8)
    }

    /// NumPy's `random_buffered_bounded_uint16` (Lemire).
    #[inline]
    pub(crate) fn u16(&mut self, off: u16, rng: u16) -> u16 {
        if rng == 0 {
            return off;
        }
        if rng == u16::MAX {
            return off.wrapping_add(self.buffered_u16());
        }
        let excl = rng as u32 + 1;
        let mut m = self.buffered_u16() as u32 * excl;
        let mut leftover = m & 0xffff;
        if leftover < excl {
            let threshold = (u16::MAX as u32 - rng as u32) % excl;
            while leftover < threshold {
                m = self.buffered_u16() as u32 * excl;
                leftover = m & 0xffff;
            }
        }
        off.wrapping_add((m >> 16) as u16)
    }

    /// NumPy's 32-bit Lemire (`buffered_bounded_lemire_uint32`, which buffers nothing).
    #[inline]
    fn lemire32(&mut self, rng: u32) -> u32 {
        let excl = rng as u64 + 1;
        let mut m = self.bg.next_u32() as u64 * excl;
        let mut leftover = m as u32;
        if (leftover as u64) < excl {
            let threshold = ((u32::MAX - rng) as u64 % excl) as u32;
            while leftover < threshold {
                m = self.bg.next_u32() as u64 * excl;
                leftover = m as u32;
            }
        }
        (m >> 32) as u32
    }

    /// NumPy's `random_buffered_bounded_uint32`.
    #[inline]
    pub(crate) fn u32(&mut self, off: u32, rng: u32) -> u32 {
        if rng == 0 {
            return off;
        }
        if rng == u32::MAX {
            return off.wrapping_add(self.bg.next_u32());
        }
        off.wrapping_add(self.lemire32(rng))
    }

    /// NumPy's `random_bounded_uint64` (Lemire): 32-bit draws when `rng < 2^32`.
    #[inline]
    pub(crate) fn u64(&mut self, off: u64, rng: u64) -> u64 {
        if rng == 0 {
            return off;
        }
        if rng <= 0xffff_ffff {
            if rng == 0xffff_ffff {
                return off.wrapping_add(self.bg.next_u32() as u64);
            }
            return off.wrapping_add(self.lemire32(rng as u32) as u64);
        }
        if rng == u64::MAX {
            return off.wrapping_add(self.bg.next_u64());
        }
        let excl = rng as u128 + 1;
        let mut m = self.bg.next_u64() as u128 * excl;
        let mut leftover = m as u64;
        if (leftover as u128) < excl {
            let threshold = ((u64::MAX - rng) as u128 % excl) as u64;
            while leftover < threshold {
                m = self.bg.next_u64() as u128 * excl;
                leftover = m as u64;
            }
        }
        off.wrapping_add((m >> 64) as u64)
    }
}

/// NumPy's `random_bounded_uint64(state, 0, max, 0, use_masked=0)`: a Lemire draw in
/// `[0, max]` (choice and the integer shuffles of `choice` use it).
#[inline]
pub(crate) fn bounded_u64<B: BitGenerator + ?Sized>(bg: &mut B, max: u64) -> u64 {
    Bounded::new(bg).u64(0, max)
}

/// NumPy's `random_interval(max)`: masked rejection on `next_uint32` (or `next_uint64`
/// when `max > 2^32 - 1`), inclusive; `max == 0` draws nothing. Used by `shuffle`,
/// `permutation`, `permuted` and the hypergeometric counting method.
#[inline]
pub(crate) fn random_interval<B: BitGenerator + ?Sized>(bg: &mut B, max: u64) -> u64 {
    if max == 0 {
        return 0;
    }
    let mut mask = max;
    mask |= mask >> 1;
    mask |= mask >> 2;
    mask |= mask >> 4;
    mask |= mask >> 8;
    mask |= mask >> 16;
    mask |= mask >> 32;
    if max <= 0xffff_ffff {
        loop {
            let v = bg.next_u32() as u64 & mask;
            if v <= max {
                return v;
            }
        }
    }
    loop {
        let v = bg.next_u64() & mask;
        if v <= max {
            return v;
        }
    }
}

/// One closed-interval draw `[off, off + rng]` of `T`'s width through `b`.
#[inline]
pub(crate) fn draw<T: IntegerDtype, B: BitGenerator + ?Sized>(
    b: &mut Bounded<'_, B>,
    off: u64,
    rng: u64,
) -> T {
    T::from_bits(match T::WIDTH {
        Width::Bool => b.bool(off & 1 != 0, rng & 1 != 0) as u64,
        Width::W8 => b.u8(off as u8, rng as u8) as u64,
        Width::W16 => b.u16(off as u16, rng as u16) as u64,
        Width::W32 => b.u32(off as u32, rng as u32) as u64,
        Width::W64 => b.u64(off, rng),
    })
}

/// `out[i] = off + lemire32(rng)` ([`Bounded::u32`] and [`Bounded::u64`] for `0 < rng <
/// 2^32 - 1`), the `next_uint32` words read ahead a block at a time
/// ([`read_ahead::fill`](super::read_ahead::fill)): the generator, buffered half
/// included, ends where NumPy's does.
fn fill_lemire32<T: IntegerDtype, B: BitGenerator + ?Sized>(
    bg: &mut B,
    out: &mut [T],
    off: u64,
    rng: u32,
) {
    let excl = rng as u64 + 1;
    // NumPy computes it only for a leftover below `excl`; it is below `excl` itself, so
    // testing it first is the same test.
    let threshold = ((u32::MAX - rng) as u64 % excl) as u32;
    // `excl < 2^32`: a 32 x 32 -> 64-bit product, which SIMD units have.
    let excl32 = excl as u32;
    let product = move |w: u32| w as u64 * excl32 as u64;
    let value = |m: u64| T::from_bits(off.wrapping_add(m >> 32));
    let quick = |w: u32| {
        let m = product(w);
        (value(m), m as u32 >= threshold)
    };
    super::read_ahead::fill_rarely_rejected(bg, out, quick, |t, _rejected| loop {
        let m = product(t.next_word());
        if (m as u32) >= threshold {
            return value(m);
        }
    });
}

/// `out[i] = off + slot i` for the `bits`-wide slots of consecutive `next_u32` words,
/// low slot first: the values of [`Bounded`]'s buffered full-range draws (8 and 16 bits
/// with `rng` all ones, bool with `rng == 1`, where `off` is 0), one word per
/// `32 / bits` values and one more for a partial last group.
#[inline(always)]
fn fill_slots<T: IntegerDtype, B: BitGenerator + ?Sized>(
    bg: &mut B,
    out: &mut [T],
    bits: u32,
    off: u64,
) {
    let per = (32 / bits) as usize;
    let mask = (1u64 << bits) - 1;
    let (head, rest) = out.split_at_mut(out.len() / per * per);
    if bits == 1 {
        // bool (`off` is 0): the bits spread to bytes, eight words at a time.
        let mut words = [0u32; 8];
        for block in head.chunks_mut(32 * words.len()) {
            let ws = &mut words[..block.len() / 32];
            for w in ws.iter_mut() {
                *w = bg.next_u32();
            }
            spread_bits(ws, block, |b| T::from_bits(b as u64));
        }
    } else {
        // A fixed slot count per word: the compiler unrolls the inner loop.
        for chunk in head.chunks_exact_mut(per) {
            let w = bg.next_u32() as u64;
            for (s, o) in chunk.iter_mut().enumerate() {
                *o = T::from_bits(off.wrapping_add((w >> (s as u32 * bits)) & mask));
            }
        }
    }
    if !rest.is_empty() {
        let w = bg.next_u32() as u64;
        for (s, o) in rest.iter_mut().enumerate() {
            *o = T::from_bits(off.wrapping_add((w >> (s as u32 * bits)) & mask));
        }
    }
}

pub(crate) use crate::common::int_bounds::bounds_error;

/// The scalar path's checks; returns `(off, rng)` of the closed interval.
pub(crate) fn scalar_interval<T: IntegerDtype>(
    low: i128,
    high: i128,
    endpoint: bool,
) -> Result<(u64, u64)> {
    // high - 1 below i128 only has to stay below every `low`, as the saturated value does.
    let high = if endpoint {
        high
    } else {
        high.saturating_sub(1)
    };
    if low < T::MIN {
        return Err(Error::value(format!(
            "low is out of bounds for {}",
            T::NAME
        )));
    }
    if high > T::MAX {
        return Err(Error::value(format!(
            "high is out of bounds for {}",
            T::NAME
        )));
    }
    if low > high {
        return Err(bounds_error(endpoint, low == 0));
    }
    Ok((low as u64, (high - low) as u64))
}

impl<B: BitGenerator> Generator<B> {
    /// `rng.integers(low, high, endpoint=endpoint)`: one int64 value (NumPy's default
    /// dtype, so no type annotation is needed; [`integers_dtype`](Self::integers_dtype)
    /// takes NumPy's `dtype=`). NumPy's `integers(high)` is `integers(0, high, …)`.
    ///
    /// ```
    /// use nprand::generator::default_rng;
    /// // np.random.default_rng(3).integers(0, 10)
    /// let k = default_rng(3).integers(0, 10, false).unwrap();
    /// assert!((0..10).contains(&k));
    /// assert_eq!(default_rng(3).integers(5, 5, false).unwrap_err().message(), "low >= high");
    /// ```
    pub fn integers(&mut self, low: i128, high: i128, endpoint: bool) -> Result<i64> {
        self.integers_dtype::<i64>(low, high, endpoint)
    }

    /// `rng.integers(low, high, dtype=T, endpoint=endpoint)`: one value in `[low, high)`
    /// (`[low, high]` with `endpoint`), with NumPy's checks (`low is out of bounds for
    /// int8`, `high <= 0`, `low >= high` …).
    ///
    /// ```
    /// use nprand::generator::default_rng;
    /// // rng.integers(0, 2, dtype=bool), rng.integers(-128, 127, dtype=np.int8, endpoint=True)
    /// let b: bool = default_rng(3).integers_dtype(0, 2, false).unwrap();
    /// let s: i8 = default_rng(3).integers_dtype(-128, 127, true).unwrap();
    /// # let _ = (b, s);
    /// let e = default_rng(3).integers_dtype::<u8>(0, 257, false).unwrap_err();
    /// assert_eq!(e.message(), "high is out of bounds for uint8");
    /// ```
    pub fn integers_dtype<T: IntegerDtype>(
        &mut self,
        low: i128,
        high: i128,
        endpoint: bool,
    ) -> Result<T> {
        let (off, rng) = scalar_interval::<T>(low, high, endpoint)?;
        Ok(draw::<T, B>(&mut Bounded::new(&mut self.bg), off, rng))
    }

    /// `rng.integers(low, high, size, endpoint=endpoint)` (int64): an array of shape
    /// `size` (0-d, one value, for `None`). `low` and `high` are scalars or arrays
    /// ([`IntoBounds`](crate::common::IntoBounds): ints, floats, slices, nested arrays,
    /// `i128`/`u64` beyond int64); as in NumPy, two scalars take the scalar path (floats
    /// truncated by `int()`), anything else the broadcast path with NumPy's checks, and
    /// the result has shape `size` or the bounds' broadcast shape.
    ///
    /// ```
    /// // np.random.default_rng(3).integers(0, 10, size=(2, 2))
    /// let k = nprand::default_rng(3).integers_array(0, 10, Some(&[2, 2]), false).unwrap();
    /// assert_eq!(k.shape, [2, 2]);
    /// assert!(k.iter().all(|v| (0..10).contains(v)));
    /// // np.random.default_rng(3).integers([0, 5], [[10], [200]])
    /// let b = nprand::default_rng(3).integers_array([0, 5], [[10], [200]], None, false).unwrap();
    /// assert_eq!(b.shape, [2, 2]);
    /// ```
    pub fn integers_array(
        &mut self,
        low: impl crate::common::IntoBounds,
        high: impl crate::common::IntoBounds,
        size: Option<&[usize]>,
        endpoint: bool,
    ) -> Result<crate::array::NdArray<i64>> {
        use crate::common::alloc::{check_shape, filled, Dtype};
        let (low, high) = (low.into_bounds(), high.into_bounds());
        // NumPy returns `np.empty(size)` before it looks at the bounds.
        if let Some(s) = size.filter(|s| s.contains(&0)) {
            check_shape(s, Dtype::I64)?;
            return crate::array::NdArray::new(s.to_vec(), Vec::new());
        }
        if low.shape.is_empty() && high.shape.is_empty() {
            let (l, h) = (low.data[0].to_int()?, high.data[0].to_int()?);
            let shape = size.unwrap_or(&[]).to_vec();
            let mut data = filled(&shape, Dtype::I64, 0)?;
            self.integers_into(&mut data, l, h, endpoint)?;
            return Ok(crate::array::NdArray { shape, data });
        }
        self.integers_broadcast::<i64>(&low, &high, size, endpoint, (false, false))
    }

    /// [`integers_array`](Self::integers_array) as an `ndarray::ArrayD` (feature `ndarray`).
    ///
    /// ```
    /// // np.random.default_rng(3).integers(0, 10, size=(2, 2))
    /// let k = nprand::default_rng(3).integers_nd(0, 10, Some(&[2, 2]), false).unwrap();
    /// assert_eq!(k.shape(), &[2, 2]);
    /// ```
    #[cfg(feature = "ndarray")]
    pub fn integers_nd(
        &mut self,
        low: impl crate::common::IntoBounds,
        high: impl crate::common::IntoBounds,
        size: Option<&[usize]>,
        endpoint: bool,
    ) -> Result<ndarray::ArrayD<i64>> {
        self.integers_array(low, high, size, endpoint)
            .map(Into::into)
    }

    /// `rng.integers(low, high, size=out.len(), dtype=T, endpoint=endpoint)`: one call, so
    /// the 8/16-bit and bool draws share their 32-bit words. As in NumPy an empty `out`
    /// returns before any check.
    ///
    /// ```
    /// use nprand::generator::default_rng;
    /// // np.random.default_rng(3).integers(0, 256, size=8, dtype=np.uint8): two words
    /// let mut rng = default_rng(3);
    /// let mut x = [0u8; 8];
    /// rng.integers_into(&mut x, 0, 256, false).unwrap();
    /// let mut words = default_rng(3);
    /// let w = [words.bit_generator_mut().next_u32(), words.bit_generator_mut().next_u32()];
    /// assert_eq!(&x[..4], &w[0].to_le_bytes());
    /// assert_eq!(rng, words);
    /// ```
    pub fn integers_into<T: IntegerDtype>(
        &mut self,
        out: &mut [T],
        low: i128,
        high: i128,
        endpoint: bool,
    ) -> Result<()> {
        if out.is_empty() {
            return Ok(());
        }
        let (off, rng) = scalar_interval::<T>(low, high, endpoint)?;
        // Full ranges of the buffered widths take every slot of each `next_uint32`
        // (NumPy's buffers, low bits first, the buffer dropped at the end of the call):
        // whole words at a time here, the same values and words.
        match T::WIDTH {
            Width::Bool if rng & 1 == 1 => fill_slots(&mut self.bg, out, 1, off),
            Width::W8 if rng as u8 == u8::MAX => fill_slots(&mut self.bg, out, 8, off),
            Width::W16 if rng as u16 == u16::MAX => fill_slots(&mut self.bg, out, 16, off),
            Width::W32 | Width::W64 if rng != 0 && rng < u32::MAX as u64 => {
                fill_lemire32(&mut self.bg, out, off, rng as u32)
            }
            _ => {
                let mut b = Bounded::new(&mut self.bg);
                for o in out {
                    *o = draw::<T, B>(&mut b, off, rng);
                }
            }
        }
        Ok(())
    }

    /// `rng.bytes(length)`: `(length - 1) // 4 + 1` raw `next_uint32` words (C division,
    /// so `bytes(0)` still consumes one), little-endian, cut to `length`.
    ///
    /// ```
    /// use nprand::{BitGenerator, Pcg64};
    /// // np.random.default_rng(0).bytes(6)
    /// let b = nprand::generator::default_rng(0).bytes(6).unwrap();
    /// let mut bg = Pcg64::new(0);
    /// let w = [BitGenerator::next_u32(&mut bg), BitGenerator::next_u32(&mut bg)];
    /// assert_eq!(&b[..4], &w[0].to_le_bytes());
    /// assert_eq!(&b[4..], &w[1].to_le_bytes()[..2]);
    /// ```
    pub fn bytes(&mut self, length: usize) -> Result<Vec<u8>> {
        let mut out = crate::common::alloc::bytes_words(length)?;
        for w in out.chunks_exact_mut(4) {
            w.copy_from_slice(&self.bg.next_u32().to_le_bytes());
        }
        out.truncate(length);
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Generator, Pcg64, Philox};

    /// The value-by-value path (`draw` with one buffer per call), as NumPy's loop.
    fn reference<T: IntegerDtype, B: BitGenerator>(
        bg: &mut B,
        n: usize,
        low: i128,
        high: i128,
    ) -> Vec<T> {
        let (off, rng) = scalar_interval::<T>(low, high, false).unwrap();
        let mut b = Bounded::new(bg);
        (0..n).map(|_| draw::<T, B>(&mut b, off, rng)).collect()
    }

    fn check<T: IntegerDtype + PartialEq + core::fmt::Debug>(low: i128, high: i128) {
        for n in (0..70).chain([1000, 1001, 1003]) {
            // a half-used 32-bit buffer in the bit generator before the call
            for pre in [false, true] {
                let mut g = Generator::new(Pcg64::new(n as u128));
                if pre {
                    g.bg.next_u32();
                }
                let mut bg = g.bg.clone();
                let want = reference::<T, _>(&mut bg, n, low, high);
                let mut got = vec![T::from_bits(0); n];
                g.integers_into(&mut got, low, high, false).unwrap();
                assert_eq!(got, want, "{} n {n}", T::NAME);
                assert_eq!(g.bg, bg);
            }
        }
        let mut g = Generator::new(Philox::new(3));
        let mut bg = g.bg.clone();
        let mut got = vec![T::from_bits(0); 77];
        g.integers_into(&mut got, low, high, false).unwrap();
        assert_eq!(got, reference::<T, _>(&mut bg, 77, low, high));
    }

    /// The whole-word fills of the full 8- and 16-bit ranges and of bool are the
    /// buffered value-by-value draws, words and state included.
    #[test]
    fn full_range_slot_fills_are_the_buffered_draws() {
        check::<u8>(0, 256);
        check::<i8>(-128, 128);
        check::<u16>(0, 65536);
        check::<i16>(-32768, 32768);
        check::<bool>(0, 2);
        // not full ranges: the Lemire path, unchanged
        check::<u8>(0, 255);
        check::<bool>(1, 2);
    }
}
