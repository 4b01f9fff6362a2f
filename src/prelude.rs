//! The `alloc` names std's prelude would bring, so every module reads the same with and
//! without the `std` feature (`use crate::prelude::*;`).

#[allow(unused_imports)]
pub(crate) use alloc::{
    borrow::ToOwned,
    boxed::Box,
    format,
    string::{String, ToString},
    vec,
    vec::Vec,
};

// Without `std`, `x.sqrt()`, `x.floor()`, `x.mul_add(..)` and the like resolve to these
// exact equals of `std`'s methods (with `std` the inherent methods are used).
#[cfg(not(feature = "std"))]
#[allow(unused_imports)]
pub(crate) use crate::math::core_float::{CoreFloat, CoreMulAdd};
