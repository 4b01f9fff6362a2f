//! Bounded integers: `randint`, `random_integers`, `tomaxint`, and the masked-rejection
//! engine NumPy's legacy layer uses for them (`_bounded_integers.pyx.in`, `use_masked=True`).

use super::RandomState;
use crate::common::alloc;
use crate::common::int_bounds::{BoundsType, BroadcastBounds};
use crate::common::IntoBounds;
use crate::distr::bits::spread_bits;
use crate::error::{Error, Result};
use crate::prelude::*;

mod sealed {
    pub trait Sealed {}
}

/// The integer dtypes `randint` supports (NumPy's `dtype=`): `bool`, `i8`, `u8`, `i16`,
/// `u16`, `i32`, `u32`, `i64`, `u64`.
///
/// ```
/// use nprand::RandintDtype;
/// assert_eq!(<u8 as RandintDtype>::NAME, "uint8");
/// assert_eq!(<bool as RandintDtype>::NAME, "bool");
/// ```
pub trait RandintDtype: Copy + sealed::Sealed + 'static {
    /// NumPy's name of the dtype (`"int8"`, `"bool"` …), as used in its error messages.
    const NAME: &'static str;
    /// Smallest value of the type.
    const LB: i128;
    /// Largest value of the type.
    const UB: i128;
    /// Bits per draw: 1 (bool), 8, 16, 32 or 64. Decides buffering and word usage.
    const BITS: u32;
    /// The value whose two's-complement bits (mod 2^BITS) are `v`.
    fn from_bits(v: u64) -> Self;
}

macro_rules! int_dtype {
    ($t:ty, $name:literal, $bits:literal) => {
        impl sealed::Sealed for $t {}
        impl RandintDtype for $t {
            const NAME: &'static str = $name;
            const LB: i128 = <$t>::MIN as i128;
            const UB: i128 = <$t>::MAX as i128;
            const BITS: u32 = $bits;
            #[inline]
            fn from_bits(v: u64) -> Self {
                v as $t
            }
        }
    };
}
int_dtype!(i8, "int8", 8);
int_dtype!(u8, "uint8", 8);
int_dtype!(i16, "int16", 16);
int_dtype!(u16, "uint16", 16);
int_dtype!(i32, "int32", 32);
int_dtype!(u32, "uint32", 32);
int_dtype!(i64, "int64", 64);
int_dtype!(u64, "uint64", 64);

impl sealed::Sealed for bool {}
impl RandintDtype for bool {
    const NAME: &'static str = "bool";
    const LB: i128 = 0;
    const UB: i128 = 1;
    const BITS: u32 = 1;
    #[inline]
    fn from_bits(v: u64) -> Self {
        v & 1 != 0
    }
}

/// The word buffer NumPy keeps for 8/16-bit and bool draws. It lives for one call only:
/// a size-n call shares one buffer, n scalar calls each start a fresh one.
#[derive(Default)]
pub(crate) struct BitBuffer {
    remaining: u32,
    buf: u32,
}

/// `w >> s` for `s` in 0..32 (0 for the single slot of an unbuffered word).
#[inline(always)]
fn shift(w: u32, s: u32) -> u32 {
    w >> (s & 31)
}

/// Smallest all-ones mask covering `max`.
#[inline]
pub(crate) fn gen_mask(max: u64) -> u64 {
    if max == 0 {
        0
    } else {
        u64::MAX >> max.leading_zeros()
    }
}

impl RandomState {
    /// A value in the closed interval `[off, off + rng]` (mod 2^BITS) drawn the way
    /// NumPy's `random_buffered_bounded_*` / `random_bounded_uint64` do.
    #[inline]
    pub(crate) fn bounded_masked(
        &mut self,
        bits: u32,
        off: u64,
        rng: u64,
        buf: &mut BitBuffer,
    ) -> u64 {
        if rng == 0 {
            return off;
        }
        let mask = gen_mask(rng);
        let v = match bits {
            1 => {
                // bool: one bit per draw, LSB first, masked flag and rng ignored.
                return self.buffered(1, buf) & 1;
            }
            8 | 16 => loop {
                let v = self.buffered(bits, buf) & mask;
                if v <= rng {
                    break v;
                }
            },
            _ if rng <= 0xFFFF_FFFF => {
                if rng == 0xFFFF_FFFF {
                    self.bitgen.next_u32() as u64
                } else {
                    loop {
                        let v = self.bitgen.next_u32() as u64 & mask;
                        if v <= rng {
                            break v;
                        }
                    }
                }
            }
            _ => {
                if rng == u64::MAX {
                    self.bitgen.next_u64()
                } else {
                    loop {
                        let v = self.bitgen.next_u64() & mask;
                        if v <= rng {
                            break v;
                        }
                    }
                }
            }
        };
        off.wrapping_add(v)
    }

    /// `buffered_uint8/16/bool`: a fresh word when the buffer is empty, else shift it.
    #[inline]
    fn buffered(&mut self, bits: u32, buf: &mut BitBuffer) -> u64 {
        if buf.remaining == 0 {
            buf.buf = self.bitgen.next_u32();
            buf.remaining = 32 / bits - 1;
        } else {
            buf.buf >>= bits;
            buf.remaining -= 1;
        }
        buf.buf as u64
    }

    /// `rs.randint(low, high)`: one int64 value in `[low, high)` (NumPy's default dtype,
    /// so no type annotation is needed; [`randint_dtype`](Self::randint_dtype) takes
    /// NumPy's `dtype=`).
    ///
    /// For NumPy's one-argument form `randint(n)` pass `(0, n)`. Bounds are checked as
    /// NumPy checks them (`high <= 0` when low is 0, otherwise `low >= high`).
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(12345);
    /// // rs.randint(0, 10)
    /// let a = rs.randint(0, 10).unwrap();
    /// assert!((0..10).contains(&a));
    /// assert_eq!(rs.randint(5, 5).unwrap_err().message(), "low >= high");
    /// ```
    pub fn randint(&mut self, low: i128, high: i128) -> Result<i64> {
        self.randint_dtype::<i64>(low, high)
    }

    /// `rs.randint(low, high, dtype=T)` with `size=None`: one value in `[low, high)`.
    ///
    /// Bounds are checked as NumPy checks them (`low is out of bounds for int8`, `high is
    /// out of bounds for int8`, `high <= 0` when low is 0, otherwise `low >= high`).
    /// 8/16-bit and bool scalar calls each use a whole 32-bit word, as in NumPy.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(12345);
    /// // rs.randint(-128, 128, dtype='int8')
    /// let b: i8 = rs.randint_dtype(-128, 128).unwrap();
    /// assert_eq!(rs.randint_dtype::<u8>(0, 257).unwrap_err().to_string(),
    ///            "ValueError: high is out of bounds for uint8");
    /// # let _ = b;
    /// ```
    pub fn randint_dtype<T: RandintDtype>(&mut self, low: i128, high: i128) -> Result<T> {
        let mut out = [T::from_bits(0)];
        self.randint_into(&mut out, low, high)?;
        Ok(out[0])
    }

    /// `rs.randint(low, high, size)` (int64): an array of shape `size` (0-d, one value,
    /// for `None`). `low` and `high` are scalars or arrays ([`IntoBounds`]: ints, floats,
    /// slices, nested arrays, `i128`/`u64` beyond int64); as in NumPy, two scalars take
    /// the scalar path (floats truncated by `int()`), anything else the broadcast path
    /// with NumPy's checks over the whole arrays, and the result has shape `size` or the
    /// bounds' broadcast shape.
    ///
    /// ```
    /// // np.random.RandomState(1).randint(0, 10, size=(2, 2))
    /// let k = nprand::RandomState::new(1).randint_array(0, 10, Some(&[2, 2])).unwrap();
    /// assert_eq!(k.shape, [2, 2]);
    /// assert_eq!(k[0], nprand::RandomState::new(1).randint(0, 10).unwrap());
    /// // np.random.RandomState(1).randint([0, 5], [[10], [200]])
    /// let b = nprand::RandomState::new(1).randint_array([0, 5], [[10], [200]], None).unwrap();
    /// assert_eq!(b.shape, [2, 2]);
    /// ```
    pub fn randint_array(
        &mut self,
        low: impl IntoBounds,
        high: impl IntoBounds,
        size: Option<&[usize]>,
    ) -> Result<crate::array::NdArray<i64>> {
        let (low, high) = (low.into_bounds(), high.into_bounds());
        let dtype = alloc::Dtype::I64;
        // NumPy returns `np.empty(size)` before it looks at the bounds.
        if let Some(s) = size.filter(|s| s.contains(&0)) {
            alloc::check_shape(s, dtype)?;
            return crate::array::NdArray::new(s.to_vec(), Vec::new());
        }
        if low.shape.is_empty() && high.shape.is_empty() {
            let (l, h) = (low.data[0].to_int()?, high.data[0].to_int()?);
            let shape = size.unwrap_or(&[]).to_vec();
            let mut data = alloc::filled(&shape, dtype, 0)?;
            self.randint_into(&mut data, l, h)?;
            return Ok(crate::array::NdArray { shape, data });
        }
        let t = BoundsType {
            name: "int64",
            min: i64::MIN as i128,
            max: i64::MAX as i128,
            wide: true,
        };
        let bounds = BroadcastBounds::new(&t, &low, &high, false, (false, false))?;
        let mut buf = BitBuffer::default();
        bounds.draw_each(size, dtype, "randint", |off, rng| {
            self.bounded_masked(64, off, rng, &mut buf) as i64
        })
    }

    /// `rs.randint(low, high, size=out.len(), dtype=T)`, filling `out` in C order.
    ///
    /// One call shares the 8/16-bit/bool word buffer across all elements, so this
    /// differs from `out.len()` scalar calls exactly as NumPy's array call does. An
    /// empty `out` returns before the bounds are checked, as NumPy does for `size=0`.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// let mut v = [0u8; 8];
    /// rs.randint_into(&mut v, 0, 256).unwrap(); // rs.randint(0, 256, size=8, dtype='uint8')
    /// assert_eq!(rs.bit_generator().pos(), 2); // 4 bytes per word
    /// ```
    pub fn randint_into<T: RandintDtype>(
        &mut self,
        out: &mut [T],
        low: i128,
        high: i128,
    ) -> Result<()> {
        if out.is_empty() {
            return Ok(());
        }
        let (off, rng) = randint_bounds::<T>(low, high)?;
        self.bounded_fill(out, off, rng);
        Ok(())
    }

    /// `out[i] = bounded_masked(T::BITS, off, rng)` for every element with one shared
    /// word buffer (NumPy's array fill), in bulk: the tempered words are taken from the
    /// MT block a run at a time and the rejection runs branch-free over them. A run
    /// never holds more candidates than values still wanted, so exactly the words the
    /// one-at-a-time loop draws are consumed.
    fn bounded_fill<T: RandintDtype>(&mut self, out: &mut [T], off: u64, rng: u64) {
        if rng == 0 {
            out.fill(T::from_bits(off));
            return;
        }
        let mask = gen_mask(rng);
        let bulk = out.len() > super::normal::SMALL;
        match T::BITS {
            _ if !bulk || (T::BITS == 64 && rng > 0xFFFF_FFFF) => {
                let mut buf = BitBuffer::default();
                for o in out.iter_mut() {
                    *o = T::from_bits(self.bounded_masked(T::BITS, off, rng, &mut buf));
                }
            }
            // bool: one bit per value, LSB first, never rejected (off is 0 here).
            1 => self.bits_fill(out, 1, 1, 1, 0),
            8 | 16 => self.bits_fill(out, T::BITS, mask as u32, rng as u32, off),
            // 32-bit, and 64-bit ranges that fit in one word
            _ => self.bits_fill(out, 32, mask as u32, rng as u32, off),
        }
    }

    /// The bulk engine (more than a few values) for values drawn from `bits`-wide slots
    /// of 32-bit words (LSB first; 32 means one unbuffered word per draw): slot value
    /// `v = slot & mask`, accepted when `v <= rng`, output `off + v`. The word buffer
    /// starts empty and its unused slots are dropped at the end, as NumPy's per-call
    /// buffer.
    #[inline(always)]
    fn bits_fill<T: RandintDtype>(
        &mut self,
        out: &mut [T],
        bits: u32,
        mask: u32,
        rng: u32,
        off: u64,
    ) {
        let per = (32 / bits) as usize;
        let mut words = [0u32; crate::mt19937::N];
        let mut k = 0;
        if mask == rng {
            // Every slot is accepted: exactly ceil(len / per) words, no rejection.
            while k < out.len() {
                let want = (out.len() - k).div_ceil(per);
                let got = self
                    .bitgen
                    .peek_u32(&mut words[..want.min(crate::mt19937::N)]);
                let end = (k + got * per).min(out.len());
                // Whole words with a fixed count of slots (the compiler unrolls and
                // vectorises these), then the slots of a last, partly used word.
                let seg = &mut out[k..end];
                let whole = seg.len() / per;
                let (head, rest) = seg.split_at_mut(whole * per);
                if bits == 1 {
                    // bool (`off` is 0): the bits spread to bytes a block at a time.
                    spread_bits(&words[..whole], head, |b| T::from_bits(b as u64));
                } else {
                    for (chunk, &w) in head.chunks_exact_mut(per).zip(&words[..whole]) {
                        for (s, o) in chunk.iter_mut().enumerate() {
                            let v = shift(w, s as u32 * bits) & mask;
                            *o = T::from_bits(off.wrapping_add(v as u64));
                        }
                    }
                }
                if !rest.is_empty() {
                    let w = words[got - 1];
                    for (s, o) in rest.iter_mut().enumerate() {
                        let v = shift(w, s as u32 * bits) & mask;
                        *o = T::from_bits(off.wrapping_add(v as u64));
                    }
                }
                self.bitgen.consume(got);
                k = end;
            }
            return;
        }
        // Whole words while each of their slots can still be used without overfilling.
        while out.len() - k >= per {
            let want = (out.len() - k) / per;
            let got = self
                .bitgen
                .peek_u32(&mut words[..want.min(crate::mt19937::N)]);
            for &w in &words[..got] {
                for s in 0..per as u32 {
                    let v = shift(w, s * bits) & mask;
                    // k < out.len(): at most `per` values per word, `got * per` slots
                    // were free.
                    out[k] = T::from_bits(off.wrapping_add(v as u64));
                    k += (v <= rng) as usize;
                }
            }
            self.bitgen.consume(got);
        }
        // Fewer than `per` values left: one word at a time, slot by slot.
        while k < out.len() {
            let w = self.bitgen.next_u32();
            for s in 0..per as u32 {
                let v = shift(w, s * bits) & mask;
                if v <= rng {
                    out[k] = T::from_bits(off.wrapping_add(v as u64));
                    k += 1;
                    if k == out.len() {
                        break;
                    }
                }
            }
        }
    }

    /// `rs.randint(low_array, high_array, dtype=T)`: the broadcast path. `low` and `high`
    /// hold one (already broadcast) bound per output element, in C order; they are
    /// checked as whole arrays first, as NumPy does (`high <= 0` only when every low
    /// is 0).
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// let mut v = [0i64; 2];
    /// // rs.randint([0, 5], 10)
    /// rs.randint_broadcast_into(&mut v, &[0, 5], &[10, 10]).unwrap();
    /// assert!(v[1] >= 5 && v[1] < 10);
    /// ```
    pub fn randint_broadcast_into<T: RandintDtype>(
        &mut self,
        out: &mut [T],
        low: &[i128],
        high: &[i128],
    ) -> Result<()> {
        if out.is_empty() {
            return Ok(());
        }
        if low.len() != out.len() || high.len() != out.len() {
            return Err(Error::value(
                "randint_broadcast_into: low and high must have one value per output element",
            ));
        }
        if low.iter().any(|&l| l < T::LB) {
            return Err(Error::value(format!(
                "low is out of bounds for {}",
                T::NAME
            )));
        }
        if high.iter().any(|&h| h.saturating_sub(1) > T::UB) {
            return Err(Error::value(format!(
                "high is out of bounds for {}",
                T::NAME
            )));
        }
        if low.iter().zip(high).any(|(&l, &h)| l >= h) {
            return Err(bounds_error(low.iter().all(|&l| l == 0)));
        }
        let mut buf = BitBuffer::default();
        for ((o, &l), &h) in out.iter_mut().zip(low).zip(high) {
            let off = l as u64;
            let rng = (h - 1 - l) as u64;
            *o = T::from_bits(self.bounded_masked(T::BITS, off, rng, &mut buf));
        }
        Ok(())
    }

    /// The draw of NumPy's array path after its checks: `off = low` and
    /// `rng = high - 1 - low` cast to the dtype's unsigned width (the bool path uses a
    /// byte), wrapping as C's casts do. `nprand eval` runs NumPy's checks on the arrays
    /// as given (floats included) and then calls this with the truncated bounds.
    #[cfg(feature = "eval")]
    pub(crate) fn randint_broadcast_wrapping<T: RandintDtype>(
        &mut self,
        out: &mut [T],
        low: &[i128],
        high: &[i128],
    ) {
        let width_mask = match T::BITS {
            1 | 8 => 0xFF,
            16 => 0xFFFF,
            32 => 0xFFFF_FFFF,
            _ => u64::MAX,
        };
        let mut buf = BitBuffer::default();
        for ((o, &l), &h) in out.iter_mut().zip(low).zip(high) {
            let off = l as u64 & width_mask;
            let rng = h.wrapping_sub(1).wrapping_sub(l) as u64 & width_mask;
            *o = T::from_bits(self.bounded_masked(T::BITS, off, rng, &mut buf));
        }
    }

    /// `rs.random_integers(low, high)`: deprecated in NumPy; `randint(low, high + 1)`
    /// as int64. For NumPy's `random_integers(n)` pass `(1, n)`.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(1);
    /// let v = rs.random_integers(1, 6).unwrap(); // a die roll
    /// assert!((1..=6).contains(&v));
    /// ```
    pub fn random_integers(&mut self, low: i128, high: i128) -> Result<i64> {
        // high + 1 past i128 is out of bounds for int64 as the saturated value is.
        self.randint(low, high.saturating_add(1))
    }

    /// `rs.random_integers(low, high, size=out.len())`.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(1);
    /// let mut v = [0i64; 4];
    /// rs.random_integers_into(&mut v, 1, 6).unwrap();
    /// assert!(v.iter().all(|x| (1..=6).contains(x)));
    /// ```
    pub fn random_integers_into(&mut self, out: &mut [i64], low: i128, high: i128) -> Result<()> {
        self.randint_into(out, low, high.saturating_add(1))
    }

    /// `rs.tomaxint()`: a non-negative int64, `next_uint64 >> 1`.
    ///
    /// ```
    /// assert!(nprand::RandomState::new(0).tomaxint() >= 0);
    /// ```
    #[inline]
    pub fn tomaxint(&mut self) -> i64 {
        (self.bitgen.next_u64() >> 1) as i64
    }

    /// `rs.tomaxint(size=out.len())`.
    ///
    /// ```
    /// let mut v = [0i64; 3];
    /// nprand::RandomState::new(0).tomaxint_into(&mut v);
    /// assert!(v.iter().all(|&x| x >= 0));
    /// ```
    pub fn tomaxint_into(&mut self, out: &mut [i64]) {
        for o in out {
            *o = self.tomaxint();
        }
    }
}

/// NumPy's scalar-path checks for `randint(low, high)` on dtype T; returns (off, rng).
fn randint_bounds<T: RandintDtype>(low: i128, high: i128) -> Result<(u64, u64)> {
    // NumPy subtracts 1 from a Python int; below i128 the result only has to stay
    // below every `low`, which the saturated value does.
    let high = high.saturating_sub(1);
    if low < T::LB {
        return Err(Error::value(format!(
            "low is out of bounds for {}",
            T::NAME
        )));
    }
    if high > T::UB {
        return Err(Error::value(format!(
            "high is out of bounds for {}",
            T::NAME
        )));
    }
    if low > high {
        return Err(bounds_error(low == 0));
    }
    Ok((low as u64, (high - low) as u64))
}

/// `format_bounds_error`: NumPy special-cases low == 0 (the one-argument form).
/// NumPy's message for an empty interval (`randint` is never closed).
fn bounds_error(low_is_zero: bool) -> Error {
    crate::common::int_bounds::bounds_error(false, low_is_zero)
}

#[cfg(test)]
#[path = "integers_tests.rs"]
mod tests;
