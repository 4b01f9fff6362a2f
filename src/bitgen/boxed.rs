//! A boxed bit generator is a bit generator: `Generator<Box<dyn BitGenerator>>` picks
//! its generator at run time behind one type, every bulk path forwarded (a default
//! method left unforwarded would silently fall back to one call per value).

use super::{BitGenState, BitGenerator};
use crate::error::Result;
use crate::prelude::*;
use crate::seed_sequence::SeedSequence;

/// Forwarding, so that `Generator<Box<dyn BitGenerator>>` works.
///
/// ```
/// use nprand::generator::Generator;
/// use nprand::{BitGenerator, Pcg64};
/// let mut a: Generator<Box<dyn BitGenerator>> = Generator::new(Box::new(Pcg64::new(3)));
/// assert_eq!(a.random(), nprand::generator::default_rng(3).random());
/// ```
impl<T: BitGenerator + ?Sized> BitGenerator for Box<T> {
    #[inline]
    fn next_u64(&mut self) -> u64 {
        (**self).next_u64()
    }
    #[inline]
    fn next_u32(&mut self) -> u32 {
        (**self).next_u32()
    }
    #[inline]
    fn next_double(&mut self) -> f64 {
        (**self).next_double()
    }
    fn next_raw(&mut self) -> u64 {
        (**self).next_raw()
    }
    fn random_raw(&mut self, n: usize) -> Result<Vec<u64>> {
        (**self).random_raw(n)
    }
    fn random_raw_into(&mut self, out: &mut [u64]) {
        (**self).random_raw_into(out)
    }
    fn fill_double(&mut self, out: &mut [f64]) {
        (**self).fill_double(out)
    }
    fn fill_u64(&mut self, out: &mut [u64]) {
        (**self).fill_u64(out)
    }
    fn fill_u32(&mut self, out: &mut [u32]) {
        (**self).fill_u32(out)
    }
    #[inline]
    fn double_from_u64(&self, w: u64) -> f64 {
        (**self).double_from_u64(w)
    }
    fn name(&self) -> &'static str {
        (**self).name()
    }
    fn state(&self) -> BitGenState {
        (**self).state()
    }
    fn set_state(&mut self, state: &BitGenState) -> Result<()> {
        (**self).set_state(state)
    }
    fn seed_seq(&self) -> Option<&SeedSequence> {
        (**self).seed_seq()
    }
}
