//! fdlibm's word access: the high 32 bits of a double, which its code tests and edits.

/// High 32 bits of `x` as a signed word (fdlibm's `GET_HIGH_WORD`).
#[inline]
pub(super) fn high_word(x: f64) -> i32 {
    (x.to_bits() >> 32) as u32 as i32
}

/// `x` with its high 32 bits replaced by `hi` (fdlibm's `SET_HIGH_WORD`).
#[inline]
pub(super) fn with_high_word(x: f64, hi: i32) -> f64 {
    f64::from_bits((u64::from(hi as u32) << 32) | (x.to_bits() & 0xffff_ffff))
}

/// A double whose high word is `hi` and low word zero (fdlibm's `INSERT_WORDS(d, hi, 0)`).
#[inline]
pub(super) fn from_high_word(hi: i32) -> f64 {
    f64::from_bits(u64::from(hi as u32) << 32)
}
