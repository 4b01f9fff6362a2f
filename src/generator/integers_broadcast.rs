//! `integers` with array-valued bounds: NumPy's `_bounded_integers` broadcast path
//! (`np.asarray` of the bounds, the casting and range checks over the broadcast, then
//! one bounded draw per element in C order). The checks are shared with `randint`
//! ([`crate::common::int_bounds`]); the draw is Lemire's.

use super::super::Generator;
use super::{draw, Bounded, IntegerDtype, Width};
use crate::array::NdArray;
use crate::bitgen::BitGenerator;
use crate::common::alloc::Dtype;
use crate::common::int_bounds::BoundsType;
pub(crate) use crate::common::int_bounds::BroadcastBounds;
use crate::common::IntBound;
use crate::error::Result;

/// The checks' view of dtype `T`.
pub(crate) fn bounds_type<T: IntegerDtype>() -> BoundsType {
    BoundsType {
        name: T::NAME,
        min: T::MIN,
        max: T::MAX,
        wide: T::WIDTH == Width::W64,
    }
}

impl<B: BitGenerator> Generator<B> {
    /// `rng.integers(low, high, size, dtype=T, endpoint)` with array bounds: NumPy's
    /// `_rand_{dtype}_broadcast`, with its checks in its order and its messages, and one
    /// 32-bit buffer for the whole call. `low_is_bool`/`high_is_bool` say the bound arrays
    /// are boolean (NumPy then skips the range checks). The output has shape `size`, or the
    /// broadcast shape of the bounds.
    ///
    /// ```
    /// use nprand::array::NdArray;
    /// use nprand::common::IntBound;
    /// use nprand::generator::default_rng;
    /// // np.random.default_rng(1).integers([0, 10], [5, 20], dtype=np.int16)
    /// let low = NdArray::from_vec(vec![IntBound::Int(0), IntBound::Int(10)]);
    /// let high = NdArray::from_vec(vec![IntBound::Int(5), IntBound::Int(20)]);
    /// let out = default_rng(1)
    ///     .integers_broadcast::<i16>(&low, &high, None, false, (false, false))
    ///     .unwrap();
    /// assert_eq!(out.shape, vec![2]);
    /// assert!((0..5).contains(&out.data[0]) && (10..20).contains(&out.data[1]));
    /// ```
    pub fn integers_broadcast<T: IntegerDtype>(
        &mut self,
        low: &NdArray<IntBound>,
        high: &NdArray<IntBound>,
        size: Option<&[usize]>,
        endpoint: bool,
        is_bool: (bool, bool),
    ) -> Result<NdArray<T>> {
        let bounds = BroadcastBounds::new(&bounds_type::<T>(), low, high, endpoint, is_bool)?;
        self.integers_from_bounds(&bounds, size)
    }

    /// The draws of [`integers_broadcast`](Self::integers_broadcast) once the bounds are
    /// checked (NumPy allocates the output, and checks `size`, in between).
    pub(crate) fn integers_from_bounds<T: IntegerDtype>(
        &mut self,
        bounds: &BroadcastBounds,
        size: Option<&[usize]>,
    ) -> Result<NdArray<T>> {
        let dtype = Dtype::new(T::NAME, core::mem::size_of::<T>());
        let mut b = Bounded::new(&mut self.bg);
        bounds.draw_each(size, dtype, "integers", |l, rng| {
            draw::<T, B>(&mut b, l, rng)
        })
    }
}
