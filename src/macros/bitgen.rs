//! Bit generators (`src/bitgen/*`, `src/mt19937/rand.rs`).

/// `rand_core` 0.10's `TryRng` for a bit generator with inherent `next_u32`/`next_u64`
/// (NumPy's `next_uint32`/`next_uint64`): infallible, and bytes as the little-endian
/// `next_u32` words, a partial last word giving its low bytes, as NumPy's
/// `RandomState.bytes` and `Generator.bytes` make them.
macro_rules! impl_try_rng {
    ($t:ident) => {
        impl rand_core::TryRng for $t {
            type Error = core::convert::Infallible;

            #[inline]
            fn try_next_u32(&mut self) -> core::result::Result<u32, Self::Error> {
                Ok($t::next_u32(self))
            }

            /// NumPy's `next_uint64` (for MT19937 the first word is the high half,
            /// so this is not `rand_core::utils::next_u64_via_u32`).
            #[inline]
            fn try_next_u64(&mut self) -> core::result::Result<u64, Self::Error> {
                Ok($t::next_u64(self))
            }

            fn try_fill_bytes(&mut self, dst: &mut [u8]) -> core::result::Result<(), Self::Error> {
                rand_core::utils::fill_bytes_via_next_word(dst, || Ok($t::next_u32(self)))
            }
        }
    };
}

/// Everything NumPy's 64-bit bit generators (`PCG64`, `PCG64DXSM`, `Philox`, `SFC64`)
/// share around their own `next_u64`, seeding and raw state:
///
/// - `PartialEq`/`Eq` on the raw state (the seed sequence is not compared);
/// - the inherent `new`, `state`, `set_state`, `seed_seq`, `next_u32` (NumPy's buffered
///   `next_uint32`), `next_double`, `next_raw` and `random_raw`, each with its NumPy
///   line and a doctest naming the type;
/// - the forwarding `impl BitGenerator` (plus the `extra` trait items, e.g. bulk paths),
///   `impl SeedableBitGenerator`, and `rand_core`'s `TryRng` and `SeedableRng`.
///
/// The type provides the fields `buf: U32Buffer` and `seed_seq: Option<SeedSequence>`
/// and the inherent `from_seed_sequence`, `from_raw_state`, `raw_state` and `next_u64`.
/// Arguments: the type (also its `BitGenState` variant), NumPy's class name, the message of
/// NumPy's `ValueError` for another generator's state (`state::wrong_generator` makes
/// it; the doctest checks the two agree), and another generator for that doctest.
macro_rules! impl_bitgen_u64 {
    ($t:ident, $np:literal, $wrong:literal, $other:ident $(, { $($extra:tt)* })?) => {
        impl PartialEq for $t {
            /// Equal states (the seed sequences are not compared).
            fn eq(&self, other: &Self) -> bool {
                self.raw_state() == other.raw_state()
            }
        }

        impl Eq for $t {}

        impl $t {
            #[doc = concat!("`", $np, "(seed)` for a seed NumPy cannot reject: an integer up to 128 bits, a")]
            /// list of them (`[worker_id, root_seed]`) or a `SeedSequence` (see
            /// [`UnsignedEntropy`](crate::seed_sequence::UnsignedEntropy)).
            ///
            /// ```
            /// use nprand::SeedSequence;
            #[doc = concat!("// np.random.", $np, "(0).random_raw()")]
            #[doc = concat!("let mut bg = nprand::", stringify!($t), "::new(0);")]
            /// let _ = bg.next_u64();
            #[doc = concat!("// np.random.", $np, "([3, 12345]) is ", $np, "(SeedSequence([3, 12345]))")]
            #[doc = concat!("assert_eq!(nprand::", stringify!($t), "::new([3, 12345]), nprand::", stringify!($t), "::new(SeedSequence::new([3, 12345])));")]
            /// ```
            pub fn new(seed: impl Into<$crate::seed_sequence::SeedSequence>) -> Self {
                $t::from_seed_sequence(seed.into())
            }

            #[doc = concat!("`", $np, "(seed)` for any of NumPy's seeds (see [`Seed`](crate::Seed)): an int of any")]
            /// size or sign, a (nested) list, a `SeedSequence`, or OS entropy; NumPy's
            /// errors for the rest.
            ///
            /// ```
            /// use nprand::Seed;
            #[doc = concat!("// np.random.", $np, "(np.int64(5))")]
            #[doc = concat!("assert_eq!(nprand::", stringify!($t), "::try_new(5i64).unwrap(), nprand::", stringify!($t), "::new(5));")]
            #[doc = concat!("// np.random.", $np, "(-1) -> ValueError: expected non-negative integer")]
            #[doc = concat!("assert!(nprand::", stringify!($t), "::try_new(-1).is_err());")]
            #[doc = concat!("// np.random.", $np, "(): OS entropy")]
            #[doc = concat!("# #[cfg(feature = \"getrandom\")]")]
            #[doc = concat!("assert!(nprand::", stringify!($t), "::try_new(Seed::OsEntropy).is_ok());")]
            /// ```
            pub fn try_new(seed: impl Into<$crate::Seed>) -> $crate::error::Result<Self> {
                Ok($t::from_seed_sequence(seed.into().into_seed_sequence()?))
            }

            /// `bg.state`.
            ///
            /// ```
            #[doc = concat!("// np.random.", $np, "(3).state['bit_generator']")]
            #[doc = concat!("assert_eq!(nprand::", stringify!($t), "::new(3).state().bit_generator(), \"", $np, "\");")]
            /// ```
            pub fn state(&self) -> $crate::bitgen::BitGenState {
                $crate::bitgen::BitGenState::$t(self.raw_state())
            }

            #[doc = concat!("`bg.state = state`; another generator's state is NumPy's `ValueError` (`", $wrong, "`).")]
            /// The seed sequence is kept.
            ///
            /// ```
            #[doc = concat!("use nprand::{", stringify!($t), ", ", stringify!($other), "};")]
            #[doc = concat!("// bg = np.random.", $np, "(0); bg.state = np.random.", $np, "(1).state")]
            #[doc = concat!("let mut bg = ", stringify!($t), "::new(0);")]
            #[doc = concat!("bg.set_state(&", stringify!($t), "::new(1).state()).unwrap();")]
            #[doc = concat!("assert_eq!(bg, ", stringify!($t), "::new(1));")]
            #[doc = concat!("let e = bg.set_state(&", stringify!($other), "::new(1).state()).unwrap_err();")]
            #[doc = concat!("assert_eq!(e.message(), \"", $wrong, "\");")]
            /// ```
            pub fn set_state(
                &mut self,
                state: &$crate::bitgen::BitGenState,
            ) -> $crate::error::Result<()> {
                match state {
                    $crate::bitgen::BitGenState::$t(s) => {
                        let seed_seq = self.seed_seq.take();
                        *self = $t::from_raw_state(*s);
                        self.seed_seq = seed_seq;
                        Ok(())
                    }
                    _ => Err($crate::bitgen::state::wrong_generator($np)),
                }
            }

            /// `bg.seed_seq`: the seed sequence the generator was made from (`None` for
            /// one made from a raw state, or for `Philox(key=...)`).
            ///
            /// ```
            #[doc = concat!("// np.random.", $np, "(1).seed_seq")]
            #[doc = concat!("assert!(nprand::", stringify!($t), "::new(1).seed_seq().is_some());")]
            /// ```
            pub fn seed_seq(&self) -> Option<&$crate::seed_sequence::SeedSequence> {
                self.seed_seq.as_ref()
            }

            /// NumPy's `next_uint32`: the low half of a new `next_u64`, then the high half.
            ///
            /// ```
            #[doc = concat!("// bg = np.random.", $np, "(1); bg.ctypes.next_uint32(bg.ctypes.state)")]
            #[doc = concat!("let mut bg = nprand::", stringify!($t), "::new(1);")]
            #[doc = concat!("let w = nprand::", stringify!($t), "::new(1).next_u64();")]
            /// assert_eq!((bg.next_u32(), bg.next_u32()), (w as u32, (w >> 32) as u32));
            /// ```
            #[inline]
            pub fn next_u32(&mut self) -> u32 {
                let mut buf = self.buf;
                let out = buf.next(|| self.next_u64());
                self.buf = buf;
                out
            }

            /// NumPy's `next_double`: `(next_u64 >> 11) * 2^-53`.
            ///
            /// ```
            #[doc = concat!("// np.random.Generator(np.random.", $np, "(1)).random() draws this")]
            #[doc = concat!("let x = nprand::", stringify!($t), "::new(1).next_double();")]
            #[doc = concat!("assert_eq!(x, (nprand::", stringify!($t), "::new(1).next_u64() >> 11) as f64 / 9007199254740992.0);")]
            /// ```
            #[inline]
            pub fn next_double(&mut self) -> f64 {
                $crate::bitgen::u64_to_double(self.next_u64())
            }

            /// `random_raw()`: the same as [`next_u64`](Self::next_u64); the 32-bit
            /// buffer is not touched.
            ///
            /// ```
            #[doc = concat!("// np.random.", $np, "(2).random_raw()")]
            #[doc = concat!("let mut bg = nprand::", stringify!($t), "::new(2);")]
            #[doc = concat!("assert_eq!(bg.next_raw(), nprand::", stringify!($t), "::new(2).next_u64());")]
            /// ```
            #[inline]
            pub fn next_raw(&mut self) -> u64 {
                self.next_u64()
            }

            /// `bg.random_raw(n)`.
            ///
            /// ```
            #[doc = concat!("// np.random.", $np, "(2).random_raw(10)")]
            #[doc = concat!("let v = nprand::", stringify!($t), "::new(2).random_raw(10).unwrap();")]
            #[doc = concat!("assert_eq!(v[0], nprand::", stringify!($t), "::new(2).next_u64());")]
            /// ```
            pub fn random_raw(&mut self, n: usize) -> $crate::error::Result<$crate::prelude::Vec<u64>> {
                let mut out = $crate::common::alloc::filled(&[n], $crate::common::alloc::Dtype::U64, 0)?;
                $crate::bitgen::BitGenerator::random_raw_into(self, &mut out);
                Ok(out)
            }
        }

        impl $crate::bitgen::BitGenerator for $t {
            fn next_u64(&mut self) -> u64 {
                $t::next_u64(self)
            }
            fn next_u32(&mut self) -> u32 {
                $t::next_u32(self)
            }
            fn next_double(&mut self) -> f64 {
                $t::next_double(self)
            }
            fn next_raw(&mut self) -> u64 {
                $t::next_u64(self)
            }
            // `next_raw` is `next_u64` here, so the bulk raw fill serves both.
            fn fill_u64(&mut self, out: &mut [u64]) {
                $crate::bitgen::BitGenerator::random_raw_into(self, out)
            }
            fn fill_u32(&mut self, out: &mut [u32]) {
                let out = match out.split_first_mut() {
                    Some((first, rest)) if self.buf.has_uint32 => {
                        *first = $t::next_u32(self);
                        rest
                    }
                    _ => out,
                };
                let len = out.len();
                // A multiple of twelve: PCG64's AVX2 fill works in rounds of twelve.
                let mut words = [0u64; 240];
                for chunk in out[..len & !1].chunks_mut(2 * words.len()) {
                    let words = &mut words[..chunk.len() / 2];
                    $crate::bitgen::BitGenerator::fill_u64(self, words);
                    for (p, &w) in chunk.chunks_exact_mut(2).zip(words.iter()) {
                        p[0] = w as u32;
                        p[1] = (w >> 32) as u32;
                    }
                }
                // NumPy's `next_uint32` buffers every word's high half and only clears the
                // flag when it hands the half out, so the last one stays in `.state`.
                if len >= 2 {
                    self.buf.uinteger = out[(len & !1) - 1];
                }
                if len & 1 == 1 {
                    out[len - 1] = $t::next_u32(self);
                }
            }
            fn name(&self) -> &'static str {
                $np
            }
            fn state(&self) -> $crate::bitgen::BitGenState {
                $t::state(self)
            }
            fn set_state(
                &mut self,
                state: &$crate::bitgen::BitGenState,
            ) -> $crate::error::Result<()> {
                $t::set_state(self, state)
            }
            fn seed_seq(&self) -> Option<&$crate::seed_sequence::SeedSequence> {
                self.seed_seq.as_ref()
            }
            $($($extra)*)?
        }

        impl $crate::bitgen::SeedableBitGenerator for $t {
            fn from_seed_sequence(seed_seq: $crate::seed_sequence::SeedSequence) -> Self {
                $t::from_seed_sequence(seed_seq)
            }
            fn seed_seq_mut(&mut self) -> Option<&mut $crate::seed_sequence::SeedSequence> {
                self.seed_seq.as_mut()
            }
        }

        impl_try_rng!($t);

        /// `rand_core` seeding is NumPy's integer seeding: `from_seed(bytes)` is
        #[doc = concat!("`", $np, "(int.from_bytes(bytes, 'little'))` and `seed_from_u64(s)` is `", $np, "(s)`")]
        /// (not `rand_core`'s PCG32 expansion of `s`).
        ///
        /// ```
        /// use rand_core::SeedableRng;
        #[doc = concat!("// np.random.", $np, "(42)")]
        #[doc = concat!("assert_eq!(nprand::", stringify!($t), "::seed_from_u64(42), nprand::", stringify!($t), "::new(42));")]
        #[doc = concat!("// np.random.", $np, "(2**64 + 7)")]
        #[doc = concat!("let bytes = ((1u128 << 64) + 7).to_le_bytes();")]
        #[doc = concat!("assert_eq!(nprand::", stringify!($t), "::from_seed(bytes), nprand::", stringify!($t), "::new((1 << 64) + 7));")]
        /// ```
        impl rand_core::SeedableRng for $t {
            /// The little-endian bytes of a `u128` seed, given to `SeedSequence`.
            type Seed = [u8; 16];

            fn from_seed(seed: [u8; 16]) -> Self {
                $t::new(u128::from_le_bytes(seed))
            }

            /// NumPy's seeding with the integer `state` (not rand's PCG32 expansion).
            fn seed_from_u64(state: u64) -> Self {
                $t::new(state as u128)
            }
        }
    };
}

/// The struct, seeding and raw state that NumPy's `PCG64` and `PCG64DXSM` share: a 128-bit
/// LCG state and increment, the 32-bit buffer and the seed sequence, seeded through
/// `pcg64_set_seed` (the default multiplier for both) and stored as one `Pcg64State`.
/// Also `advance` and `jumped`, which differ only in the LCG multiplier `$mult`.
/// The caller's attributes document the struct.
macro_rules! pcg64_struct {
    ($(#[$doc:meta])* $t:ident, $np:literal, $mult:expr) => {
        $(#[$doc])*
        #[must_use = "a generator that is dropped unused draws nothing"]
        #[derive(Clone, Debug)]
        pub struct $t {
            state: u128,
            inc: u128,
            buf: $crate::bitgen::U32Buffer,
            seed_seq: Option<$crate::seed_sequence::SeedSequence>,
        }

        impl $t {
            #[doc = concat!("`", $np, "(seed_seq)`: `state`/`inc` from `seed_seq.generate_state(4, np.uint64)`")]
            /// (words 0-1 and 2-3, high word first), through PCG's `srandom` with the default
            /// 128-bit multiplier (NumPy's `pcg64_set_seed`, the same for `PCG64DXSM`).
            ///
            /// ```
            /// use nprand::{Pcg64, SeedSequence};
            #[doc = concat!("// np.random.", $np, "([1, 2, 3]).state['state']['inc'] == np.random.PCG64([1, 2, 3]).state['state']['inc']")]
            /// let ss = || SeedSequence::from_entropy(vec![1u32, 2, 3]).unwrap();
            #[doc = concat!("let bg = nprand::", stringify!($t), "::from_seed_sequence(ss());")]
            /// assert_eq!(bg.raw_state().inc, Pcg64::from_seed_sequence(ss()).raw_state().inc);
            /// assert_eq!(bg.raw_state().inc & 1, 1);
            /// ```
            pub fn from_seed_sequence(seed_seq: $crate::seed_sequence::SeedSequence) -> Self {
                let mut bg = $t::from_raw_state($crate::bitgen::pcg64::pcg64_set_seed(&seed_seq));
                bg.seed_seq = Some(seed_seq);
                bg
            }

            /// A generator in the given state (no seed sequence).
            ///
            /// ```
            #[doc = concat!("// bg = np.random.", $np, "(); bg.state = np.random.", $np, "(3).state")]
            #[doc = concat!("let a = nprand::", stringify!($t), "::new(3);")]
            #[doc = concat!("assert_eq!(nprand::", stringify!($t), "::from_raw_state(a.raw_state()), a);")]
            /// ```
            pub fn from_raw_state(st: $crate::bitgen::state::Pcg64State) -> Self {
                $t {
                    state: st.state,
                    inc: st.inc,
                    buf: $crate::bitgen::U32Buffer::from_state(st.has_uint32, st.uinteger),
                    seed_seq: None,
                }
            }

            /// The state as plain numbers.
            ///
            /// ```
            #[doc = concat!("// s = np.random.", $np, "(3).state; s['state']['inc'] % 2 == 1 and s['has_uint32'] == 0")]
            #[doc = concat!("let s = nprand::", stringify!($t), "::new(3).raw_state();")]
            /// assert_eq!((s.inc % 2, s.has_uint32), (1, false));
            /// ```
            pub fn raw_state(&self) -> $crate::bitgen::state::Pcg64State {
                $crate::bitgen::state::Pcg64State {
                    state: self.state,
                    inc: self.inc,
                    has_uint32: self.buf.has_uint32,
                    uinteger: self.buf.uinteger,
                }
            }

            /// `bg.advance(delta)`: the state as if `delta` 64-bit outputs were drawn (mod
            /// 2^128; a negative Python delta is `delta as u128`, its two's complement).
            /// The 32-bit buffer is reset.
            ///
            /// ```
            #[doc = concat!("// bg = np.random.", $np, "(4); bg.advance(3)")]
            #[doc = concat!("let mut a = nprand::", stringify!($t), "::new(4);")]
            /// let mut b = a.clone();
            /// a.advance(3);
            /// b.random_raw(3).unwrap();
            /// assert_eq!(a.next_u64(), b.next_u64());
            /// ```
            pub fn advance(&mut self, delta: u128) -> &mut Self {
                self.state =
                    $crate::bitgen::pcg64::advance_lcg_128(self.state, delta, $mult, self.inc);
                self.buf = $crate::bitgen::U32Buffer::default();
                self
            }

            /// `bg.jumped(jumps)`: a copy advanced by
            /// `jumps * 0x9e3779b97f4a7c15f39cc0605cedc835` (mod 2^128; negative jumps wrap
            /// as in NumPy). The copy has no seed sequence (NumPy gives it a fresh
            /// OS-entropy one).
            ///
            /// ```
            #[doc = concat!("// np.random.", $np, "(4).jumped(2)")]
            #[doc = concat!("let bg = nprand::", stringify!($t), "::new(4);")]
            /// assert_eq!(bg.jumped(2), bg.jumped(1).jumped(1));
            /// assert_eq!(bg.jumped(-1).jumped(1), { let mut c = bg.clone(); c.advance(0); c });
            /// ```
            pub fn jumped(&self, jumps: i128) -> $t {
                let mut out = $t::from_raw_state(self.raw_state());
                out.advance($crate::bitgen::pcg64::JUMP_STEP.wrapping_mul(jumps as u128));
                out
            }
        }
    };
}
