//! Crate-private macros: boilerplate written once and invoked in one line per type, as
//! `rand_pcg`'s `impl_state_stream` and `rand_xoshiro`'s `common.rs` do.
//!
//! Declared first in `lib.rs` (`#[macro_use]`), so every module can invoke them.
//! Each section below belongs to one layer; keep them separate.

// ---------------------------------------------------------------------------------------
// String options (`method='svd'`, `check_valid='warn'`, ...)
// ---------------------------------------------------------------------------------------

/// `as_str`, `FromStr` and `Display` for an enum of NumPy string options: parsing takes
/// exactly NumPy's spellings (case-sensitive, as NumPy compares) and anything else is
/// `ValueError(message)`; `as_str` (documented by the caller's attributes) and `Display`
/// give the spelling back.
macro_rules! numpy_str_enum {
    ($(#[$doc:meta])* $ty:ident, $message:expr, { $($var:ident => $s:literal),+ $(,)? }) => {
        impl $ty {
            $(#[$doc])*
            pub fn as_str(self) -> &'static str {
                match self {
                    $($ty::$var => $s),+
                }
            }
        }

        impl std::str::FromStr for $ty {
            type Err = crate::error::Error;

            fn from_str(s: &str) -> crate::error::Result<Self> {
                match s {
                    $($s => Ok($ty::$var),)+
                    _ => Err(crate::error::Error::value($message)),
                }
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

// ---------------------------------------------------------------------------------------
// Bit generators (`src/bitgen/*`, `src/mt19937/rand.rs`)
// ---------------------------------------------------------------------------------------

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
            pub fn random_raw(&mut self, n: usize) -> $crate::error::Result<Vec<u64>> {
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

// ---------------------------------------------------------------------------------------
// Front-end methods (NumPy's `_generator.pyx` / `mtrand.pyx` over `_common.pyx`)
// ---------------------------------------------------------------------------------------

/// One declaration per NumPy method, yielding its three forms: the typed scalar method,
/// its `_into` form (`size=out.len()`) and its row in the front-end's broadcast table
/// (`const $table: &[Spec<$recv>]`), all with the same constraints in NumPy's order.
///
/// ```text
/// numpy_methods! {
///     impl[] RandomState, kernels on RandomState, table SPECS;
///     /// docs of pareto
///     fn pareto;
///     /// docs of pareto_into
///     fn pareto_into;
///     (a: Positive) -> f64 => RandomState::legacy_pareto;
/// }
/// ```
/// A parameter is `name: Constraint` (a `crate::common::Constraint` variant), with
/// `= default` for NumPy's default (the table's; Rust has no defaults). The result is
/// `f64`, `i64` or `try_i64` (a kernel returning `Result<i64>`). The kernel is called as
/// `kernel(target, params…)` with the front-end's [`KernelTarget`]; an optional
/// `, bulk path` fills the `_into` form instead (`path(self, out, params…)` returning
/// `Result<()>`, after the checks).
///
/// [`KernelTarget`]: crate::common::KernelTarget
macro_rules! numpy_methods {
    (
        impl[$($g:tt)*] $ty:ty, kernels on $recv:ty, table $table:ident;
        $(
            $(#[$m1:meta])* fn $name:ident;
            $(#[$m2:meta])* fn $into:ident;
            ($($p:ident: $c:ident $(= $d:literal)?),*) -> $out:ident
                => $kernel:path $(, bulk $bulk:path)?;
        )*
    ) => {
        impl<$($g)*> $ty {
            $(
                $(#[$m1])*
                pub fn $name(&mut self, $($p: f64),*) -> $crate::error::Result<numpy_methods!(@ty $out)> {
                    $($crate::common::Constraint::$c.check_scalar($p, stringify!($p))?;)*
                    let target = $crate::common::KernelTarget::target(self);
                    numpy_methods!(@ok $out $kernel(target, $($p),*))
                }

                $(#[$m2])*
                pub fn $into(
                    &mut self,
                    out: &mut [numpy_methods!(@ty $out)],
                    $($p: f64),*
                ) -> $crate::error::Result<()> {
                    $($crate::common::Constraint::$c.check_scalar($p, stringify!($p))?;)*
                    numpy_methods!(@into self, out, $out, $kernel, ($($p),*) $($bulk)?)
                }
            )*
        }

        pub(crate) const $table: &[$crate::common::Spec<$recv>] = &[$(
            $crate::common::Spec {
                name: stringify!($name),
                params: &[$($crate::common::Param::new(
                    stringify!($p),
                    numpy_methods!(@default $($d)?),
                    $crate::common::Constraint::$c,
                    $crate::common::PKind::F64,
                )),*],
                internal_order: &[],
                prepare: None,
                kernel: numpy_methods!(@kernel $out $recv, |target, args: &[$crate::common::Num]| {
                    let &[$($p),*] = args else { unreachable!("arity checked by draw") };
                    $kernel(target, $($p.f()),*)
                }),
            }
        ),*];
    };
    (@ty f64) => { f64 };
    (@ty i64) => { i64 };
    (@ty try_i64) => { i64 };
    (@ok try_i64 $e:expr) => { $e };
    (@ok $out:ident $e:expr) => { Ok($e) };
    (@kernel f64 $r:ty, $f:expr) => { $crate::common::Kernel::<$r>::F64($f) };
    (@kernel i64 $r:ty, $f:expr) => { $crate::common::Kernel::<$r>::I64($f) };
    (@kernel try_i64 $r:ty, $f:expr) => { $crate::common::Kernel::<$r>::I64Try($f) };
    (@default) => { None };
    (@default $d:literal) => { Some($d) };
    (@into $s:ident, $o:ident, $out:ident, $kernel:path, ($($p:ident),*) $bulk:path) => {
        $bulk($s, $o, $($p),*)
    };
    (@into $s:ident, $o:ident, try_i64, $kernel:path, ($($p:ident),*)) => {{
        let target = $crate::common::KernelTarget::target($s);
        for x in $o.iter_mut() {
            *x = $kernel(&mut *target, $($p),*)?;
        }
        Ok(())
    }};
    (@into $s:ident, $o:ident, $out:ident, $kernel:path, ($($p:ident),*)) => {{
        let target = $crate::common::KernelTarget::target($s);
        for x in $o.iter_mut() {
            *x = $kernel(&mut *target, $($p),*);
        }
        Ok(())
    }};
}

/// The typed broadcasting forms of a front-end's distributions, from one list per layer
/// (the rows both layers share come from [`shared_array_methods!`]):
/// for each row `name, name_array, name_nd (param = example, ...) -> T;` the method
/// `name_array(param: impl IntoParam, ..., size: Option<&[usize]>) -> Result<NdArray<T>>`
/// (NumPy's call with array parameters, through the front-end's `broadcast` and its
/// table row `name`) and, with feature `ndarray`, `name_nd` returning an `ArrayD<T>`.
/// The examples feed the doctests, which check the shape and that the first element is
/// the scalar method's value (`plain` after the type: the scalar method returns the
/// value, not a `Result`). Rows `name, name_array, name_nd => name_into -> T;` are the
/// size-only methods without a table row, filled by their `_into` form.
///
/// It also writes a test that every row of the front-end's broadcast table (`specs`) has
/// its form (`except` names the rows written by hand).
///
/// ```text
/// array_methods! {
///     impl[] RandomState, find crate::legacy::broadcast::find,
///         specs crate::legacy::broadcast::specs, except [],
///         rust "nprand::RandomState::new(0)", numpy "np.random.RandomState(0)";
///     normal, normal_array, normal_nd (loc = 0.0, scale = 2.0) -> f64;
/// }
/// ```
macro_rules! array_methods {
    (
        impl[$($g:tt)*] $ty:ty, find $find:path, specs $specs:path, except [$($except:literal),*],
        rust $new:literal, numpy $np:literal;
        $($rows:tt)*
    ) => {
        impl<$($g)*> $ty {
            array_methods!(@rows $find, $new, $np; $($rows)*);
        }

        #[cfg(test)]
        mod array_methods_tests {
            #[test]
            fn every_table_row_has_an_array_form() {
                let forms: &[&str] = array_methods!(@names []; $($rows)*);
                for spec in $specs() {
                    assert!(
                        forms.contains(&spec.name) || [$($except),*].contains(&spec.name),
                        "{} has no _array form",
                        spec.name
                    );
                }
            }
        }
    };
    (@names [$($acc:expr),*];) => { &[$($acc),*] };
    (@names [$($acc:expr),*]; $name:ident, $arr:ident, $nd:ident $p:tt -> $t:ident $($plain:ident)?; $($rest:tt)*) => {
        array_methods!(@names [$($acc,)* stringify!($name)]; $($rest)*)
    };
    (@names [$($acc:expr),*]; $name:ident, $arr:ident, $nd:ident => $into:ident -> $t:ident; $($rest:tt)*) => {
        array_methods!(@names [$($acc,)* stringify!($name)]; $($rest)*)
    };
    (@rows $find:path, $new:literal, $np:literal;) => {};
    (@rows $find:path, $new:literal, $np:literal;
        $name:ident, $arr:ident, $nd:ident ($($p:ident = $ex:expr),*) -> $t:ident $($plain:ident)?;
        $($rest:tt)*
    ) => {
        #[doc = concat!("`", stringify!($name), "(", $(stringify!($p), ", ",)* "size=None)` with array parameters, as NumPy broadcasts them.")]
        ///
        /// Each parameter is anything [`IntoParam`](crate::IntoParam) takes: a scalar, a
        /// slice, a `Vec`, a fixed array (nested for 2-d), an
        /// [`NdArray`](crate::array::NdArray), or with feature `ndarray` any `ndarray`
        /// array or view. The result has shape `size`, or else the broadcast shape of the
        /// parameters (0-d when all are scalars); values, draws and errors are NumPy's.
        ///
        /// ```
        #[doc = concat!("// ", $np, ".", stringify!($name), "(", $(stringify!($ex), ", ",)* "size=(2, 3))")]
        #[doc = concat!("let a = ", $new, ".", stringify!($arr), "(", $(stringify!($ex), ", ",)* "Some(&[2, 3])).unwrap();")]
        /// assert_eq!(a.shape, [2, 3]);
        /// // drawn in C order, the first element is the scalar method's value
        #[doc = concat!("let x = ", $new, ".", stringify!($name), "(", $(stringify!($ex), ", ",)* ")", array_methods!(@unwrap $($plain)?), ";")]
        /// assert_eq!(a[0], x);
        /// ```
        pub fn $arr(
            &mut self,
            $($p: impl $crate::common::IntoParam,)*
            size: Option<&[usize]>,
        ) -> $crate::error::Result<$crate::array::NdArray<$t>> {
            let spec = $find(stringify!($name))
                .expect(concat!(stringify!($name), " has a row in the broadcast table"));
            let params = [$($crate::common::IntoParam::into_param($p)),*];
            let out = self.broadcast(spec, &params, size)?;
            Ok(<$t as $crate::common::FromOutput>::from_output(out))
        }

        #[cfg(feature = "ndarray")]
        #[doc = concat!("[`", stringify!($arr), "`](Self::", stringify!($arr), ") as an `ndarray::ArrayD` (feature `ndarray`).")]
        ///
        /// ```
        #[doc = concat!("// ", $np, ".", stringify!($name), "(", $(stringify!($ex), ", ",)* "size=(2, 3))")]
        #[doc = concat!("let a = ", $new, ".", stringify!($nd), "(", $(stringify!($ex), ", ",)* "Some(&[2, 3])).unwrap();")]
        /// assert_eq!(a.shape(), &[2, 3]);
        /// ```
        pub fn $nd(
            &mut self,
            $($p: impl $crate::common::IntoParam,)*
            size: Option<&[usize]>,
        ) -> $crate::error::Result<ndarray::ArrayD<$t>> {
            self.$arr($($p,)* size).map(Into::into)
        }

        array_methods!(@rows $find, $new, $np; $($rest)*);
    };
    (@rows $find:path, $new:literal, $np:literal;
        $name:ident, $arr:ident, $nd:ident => $into:ident -> $t:ident;
        $($rest:tt)*
    ) => {
        #[doc = concat!("`", stringify!($name), "(size=None)`: `size` values (one, 0-d, for `None`).")]
        ///
        /// ```
        #[doc = concat!("// ", $np, ".", stringify!($name), "(size=(2, 3))")]
        #[doc = concat!("let a = ", $new, ".", stringify!($arr), "(Some(&[2, 3])).unwrap();")]
        /// assert_eq!(a.shape, [2, 3]);
        #[doc = concat!("assert_eq!(a[0], ", $new, ".", stringify!($name), "());")]
        /// ```
        pub fn $arr(
            &mut self,
            size: Option<&[usize]>,
        ) -> $crate::error::Result<$crate::array::NdArray<$t>> {
            let shape = size.unwrap_or(&[]).to_vec();
            let mut data = $crate::common::alloc::filled(
                &shape,
                array_methods!(@dtype $t),
                Default::default(),
            )?;
            self.$into(&mut data);
            Ok($crate::array::NdArray { shape, data })
        }

        #[cfg(feature = "ndarray")]
        #[doc = concat!("[`", stringify!($arr), "`](Self::", stringify!($arr), ") as an `ndarray::ArrayD` (feature `ndarray`).")]
        ///
        /// ```
        #[doc = concat!("// ", $np, ".", stringify!($name), "(size=(2, 3))")]
        #[doc = concat!("let a = ", $new, ".", stringify!($nd), "(Some(&[2, 3])).unwrap();")]
        /// assert_eq!(a.shape(), &[2, 3]);
        /// ```
        pub fn $nd(&mut self, size: Option<&[usize]>) -> $crate::error::Result<ndarray::ArrayD<$t>> {
            self.$arr(size).map(Into::into)
        }

        array_methods!(@rows $find, $new, $np; $($rest)*);
    };
    (@unwrap) => { ".unwrap()" };
    (@unwrap plain) => { "" };
    (@dtype f64) => { $crate::common::alloc::Dtype::F64 };
    (@dtype i64) => { $crate::common::alloc::Dtype::I64 };
}

/// [`array_methods!`] with the rows both front-ends share (NumPy's names and parameter
/// order, the doctests' example values) after the caller's header and own rows.
macro_rules! shared_array_methods {
    ($($head:tt)*) => {
        array_methods! {
            $($head)*
            standard_normal, standard_normal_array, standard_normal_nd
                => standard_normal_into -> f64;
            standard_exponential, standard_exponential_array, standard_exponential_nd
                => standard_exponential_into -> f64;
            standard_cauchy, standard_cauchy_array, standard_cauchy_nd
                => standard_cauchy_into -> f64;
            uniform, uniform_array, uniform_nd (low = 0.0, high = 2.0) -> f64;
            normal, normal_array, normal_nd (loc = 0.0, scale = 2.0) -> f64;
            exponential, exponential_array, exponential_nd (scale = 2.0) -> f64;
            standard_gamma, standard_gamma_array, standard_gamma_nd (shape = 2.5) -> f64;
            gamma, gamma_array, gamma_nd (shape = 2.5, scale = 2.0) -> f64;
            beta, beta_array, beta_nd (a = 0.5, b = 0.5) -> f64;
            chisquare, chisquare_array, chisquare_nd (df = 3.0) -> f64;
            f, f_array, f_nd (dfnum = 3.0, dfden = 4.0) -> f64;
            noncentral_chisquare, noncentral_chisquare_array, noncentral_chisquare_nd
                (df = 3.0, nonc = 1.0) -> f64;
            noncentral_f, noncentral_f_array, noncentral_f_nd
                (dfnum = 3.0, dfden = 4.0, nonc = 1.0) -> f64;
            standard_t, standard_t_array, standard_t_nd (df = 3.0) -> f64;
            vonmises, vonmises_array, vonmises_nd (mu = 0.0, kappa = 1.0) -> f64;
            pareto, pareto_array, pareto_nd (a = 3.0) -> f64;
            weibull, weibull_array, weibull_nd (a = 3.0) -> f64;
            power, power_array, power_nd (a = 3.0) -> f64;
            laplace, laplace_array, laplace_nd (loc = 0.0, scale = 1.0) -> f64;
            gumbel, gumbel_array, gumbel_nd (loc = 0.0, scale = 1.0) -> f64;
            logistic, logistic_array, logistic_nd (loc = 0.0, scale = 1.0) -> f64;
            lognormal, lognormal_array, lognormal_nd (mean = 0.0, sigma = 1.0) -> f64;
            rayleigh, rayleigh_array, rayleigh_nd (scale = 1.0) -> f64;
            wald, wald_array, wald_nd (mean = 1.0, scale = 1.0) -> f64;
            triangular, triangular_array, triangular_nd
                (left = 0.0, mode = 0.5, right = 1.0) -> f64;
            binomial, binomial_array, binomial_nd (n = 10, p = 0.5) -> i64;
            negative_binomial, negative_binomial_array, negative_binomial_nd
                (n = 10.0, p = 0.5) -> i64;
            poisson, poisson_array, poisson_nd (lam = 30.0) -> i64;
            geometric, geometric_array, geometric_nd (p = 0.2) -> i64;
            hypergeometric, hypergeometric_array, hypergeometric_nd
                (ngood = 10, nbad = 5, nsample = 3) -> i64;
            logseries, logseries_array, logseries_nd (p = 0.5) -> i64;
            zipf, zipf_array, zipf_nd (a = 2.0) -> i64;
        }
    };
}

/// `permutation(x)` of an array on a front-end with `shuffle` and `shuffle_rows`: NumPy
/// copies a 1-d `x` and shuffles it, and shuffles `arange(len(x))` then gathers for an n-d
/// one, which draws as shuffling its rows.
macro_rules! permutation_methods {
    (impl[$($g:tt)*] $ty:ty, rust $new:literal, numpy $np:literal $(;)?) => {
        impl<$($g)*> $ty {
            /// `permutation(x)` for a 1-d array `x`: a shuffled copy.
            ///
            /// ```
            #[doc = concat!("// ", $np, ".permutation([1.5, 2.5, 3.5])")]
            #[doc = concat!("let p = ", $new, ".permutation_of(&[1.5, 2.5, 3.5]);")]
            /// let mut x = [1.5, 2.5, 3.5];
            #[doc = concat!($new, ".shuffle(&mut x);")]
            /// assert_eq!(p, x);
            /// ```
            pub fn permutation_of<T: Clone>(&mut self, x: &[T]) -> Vec<T> {
                let mut v = x.to_vec();
                self.shuffle(&mut v);
                v
            }

            /// `permutation(x)` for an n-d array `x` (C order, rows of `row_len` elements
            /// along axis 0): a copy with its rows shuffled, as
            /// [`shuffle_rows`](Self::shuffle_rows) shuffles them.
            ///
            /// ```
            #[doc = concat!("// ", $np, ".permutation(np.arange(6).reshape(3, 2))")]
            #[doc = concat!("let p = ", $new, ".permutation_rows(&[0, 1, 2, 3, 4, 5], 2);")]
            #[doc = concat!("let order = ", $new, ".permutation(3).unwrap();")]
            /// assert_eq!(p[0], 2 * order[0]);
            /// ```
            pub fn permutation_rows<T: Clone>(&mut self, x: &[T], row_len: usize) -> Vec<T> {
                let mut v = x.to_vec();
                self.shuffle_rows(&mut v, row_len);
                v
            }
        }
    };
}

/// `ErrorKind`: the variants with their Python exception names, declared once; yields
/// the enum, `ErrorKind::ALL` (every kind, for the tests) and `name()`.
macro_rules! error_kinds {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $($(#[$vmeta:meta])* $variant:ident => $py:literal,)*
        }
    ) => {
        $(#[$meta])*
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl $name {
            /// Every kind, in declaration order.
            #[allow(dead_code)]
            pub(crate) const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The Python exception's name, e.g. `"ValueError"`.
            ///
            /// ```
            /// assert_eq!(nprand::ErrorKind::TypeError.name(), "TypeError");
            /// ```
            pub fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $py,)*
                }
            }
        }
    };
}

/// `nprand::global`'s functions: each forwards to the same `RandomState` method on the
/// process-wide generator, with the caller's doc (the NumPy line) and a generated doctest
/// that checks the global call against `RandomState(12345)` making the same call.
///
/// An entry is `/// doc fn name<T: Bound>(params) -> Ret [= [method::<T>]]; kind (args);`
/// where `kind` is `value` (compare the results of `name(args)`), `fill` (a leading
/// `out: &mut [T]`, filled and compared as `name(&mut out, args)`) or `none` (the doc
/// carries its own example). Without `= [...]` the method has the function's name.
macro_rules! global_functions {
    ($(
        $(#[$doc:meta])*
        fn $name:ident $(<$g:ident $(: $b:path)?>)? ($($p:ident: $t:ty),* $(,)?) -> $ret:ty
            $(= [$($m:tt)+])?; $kind:ident ($($ex:expr),* $(,)?);
    )*) => {$(
        global_functions!(@method [$($($m)+)?] $name;
            $kind [$(#[$doc])*] $name [$(<$g $(: $b)?>)?] ($($p: $t),*) -> $ret; ($($ex),*));
    )*};
    // The method defaults to the function's name.
    (@method [] $name:ident; $($rest:tt)*) => {
        global_functions!(@one [$name] $($rest)*);
    };
    (@method [$($m:tt)+] $name:ident; $($rest:tt)*) => {
        global_functions!(@one [$($m)+] $($rest)*);
    };
    (@one [$($m:tt)+] value [$($attr:tt)*] $name:ident [$($gen:tt)*]
        ($($p:ident: $t:ty),*) -> $ret:ty; ($($ex:expr),*)) => {
        $($attr)*
        ///
        /// ```
        #[doc = concat!("// np.random.seed(12345); np.random.", stringify!($name), "(...) draws what")]
        /// // np.random.RandomState(12345) draws for the same call.
        /// nprand::global::seed(12345);
        #[doc = concat!("let got = nprand::global::", stringify!($name), "(", stringify!($($ex),*), ");")]
        #[doc = concat!("let want = nprand::RandomState::new(12345).", stringify!($($m)+), "(", stringify!($($ex),*), ");")]
        /// assert_eq!(got, want);
        /// ```
        pub fn $name $($gen)* ($($p: $t),*) -> $ret {
            with(|rs| rs.$($m)+($($p),*))
        }
    };
    (@one [$($m:tt)+] fill [$($attr:tt)*] $name:ident [$($gen:tt)*]
        ($($p:ident: $t:ty),*) -> $ret:ty; ($($ex:expr),*)) => {
        $($attr)*
        ///
        /// ```
        #[doc = concat!("// np.random.seed(12345); np.random.", stringify!($name), "(..., size=3) fills what")]
        /// // np.random.RandomState(12345) draws for the same call.
        /// let (mut got, mut want) = (vec![Default::default(); 3], vec![Default::default(); 3]);
        /// nprand::global::seed(12345);
        #[doc = concat!("let r = nprand::global::", stringify!($name), "(&mut got, ", stringify!($($ex),*), ");")]
        #[doc = concat!("let mut rs = nprand::RandomState::new(12345);")]
        #[doc = concat!("assert_eq!(r, rs.", stringify!($($m)+), "(&mut want, ", stringify!($($ex),*), "));")]
        /// assert_eq!(got, want);
        /// ```
        pub fn $name $($gen)* ($($p: $t),*) -> $ret {
            with(|rs| rs.$($m)+($($p),*))
        }
    };
    (@one [$($m:tt)+] none [$($attr:tt)*] $name:ident [$($gen:tt)*]
        ($($p:ident: $t:ty),*) -> $ret:ty; ()) => {
        $($attr)*
        pub fn $name $($gen)* ($($p: $t),*) -> $ret {
            with(|rs| rs.$($m)+($($p),*))
        }
    };
}

/// `nprand::global`'s distributions: one row gives the scalar function and its `_into`
/// form (NumPy's `size=`), both through [`global_functions!`]:
/// `/// extra doc  name, name_into (params) -> T = "numpy params"; (doctest args);`
/// makes `name(params) -> Result<T>` and `name_into(out: &mut [T], params) -> Result<()>`.
macro_rules! global_distributions {
    ($(
        $(#[$doc:meta])*
        $name:ident, $into:ident ($($p:ident: $t:ty),*) -> $elem:ty = $np:literal;
            ($($ex:expr),*);
    )*) => {$(
        global_functions! {
            #[doc = concat!("`np.random.", stringify!($name), "(", $np, ")`.")]
            $(#[$doc])*
            fn $name($($p: $t),*) -> Result<$elem>; value ($($ex),*);
            #[doc = concat!("`np.random.", stringify!($name), "(", $np, ", size=out.len())`: fills `out`.")]
            fn $into(out: &mut [$elem], $($p: $t),*) -> Result<()>; fill ($($ex),*);
        }
    )*};
}
