//! Bulk fills of rejection samplers that read the bit generator ahead in blocks.
//!
//! NumPy's ziggurat draws one `next_uint64` per attempt and accepts ~99% of them at once.
//! Drawing one word, testing it and storing the value, word after word, ties the
//! generator's state update to the test and the store; LLVM then kept the state in
//! memory across iterations and the fill ran at half the generator's speed. Here the words
//! come from [`BitGenerator::fill_u64`] a block at a time (a tight loop the generator
//! can interleave, see `Pcg64::random_raw_into`), and the test runs over the block. The
//! 32-bit Lemire integers of `Generator.integers` read `next_uint32` words the same way
//! ([`BitGenerator::fill_u32`]).
//!
//! The stream is NumPy's word for word: a rejected attempt continues on the words that
//! follow it in the block ([`Tail`]), then on the generator itself. Every output takes at
//! least one word, so a block never holds more words than outputs remain, and no word is
//! drawn that NumPy would not have drawn: the generator ends where NumPy's does.

use crate::bitgen::BitGenerator;

/// Words read ahead per block (at most 3.75 KiB on the stack). A multiple of twelve
/// 64-bit words, and of twenty-four 32-bit ones, so that PCG64's AVX2 fill (twelve
/// words a round) never ends on a partial round; large enough to spread that fill's
/// setup (twelve dependent steps) thin.
const BLOCK: usize = 480;

/// A word the bit generator is read ahead in: NumPy's `next_uint64` (the ziggurat) or
/// `next_uint32` (32-bit Lemire integers), with the bulk fill that serves each.
pub(crate) trait Word: Copy + Default {
    /// `out.len()` calls of the generator's next word.
    fn fill<B: BitGenerator + ?Sized>(bg: &mut B, out: &mut [Self]);
    /// One call.
    fn next<B: BitGenerator + ?Sized>(bg: &mut B) -> Self;
}

impl Word for u64 {
    #[inline(always)]
    fn fill<B: BitGenerator + ?Sized>(bg: &mut B, out: &mut [u64]) {
        bg.fill_u64(out)
    }
    #[inline(always)]
    fn next<B: BitGenerator + ?Sized>(bg: &mut B) -> u64 {
        bg.next_u64()
    }
}

impl Word for u32 {
    #[inline(always)]
    fn fill<B: BitGenerator + ?Sized>(bg: &mut B, out: &mut [u32]) {
        bg.fill_u32(out)
    }
    #[inline(always)]
    fn next<B: BitGenerator + ?Sized>(bg: &mut B) -> u32 {
        bg.next_u32()
    }
}

/// What a ziggurat rejection path draws: NumPy's `next_uint64` and `next_double`.
pub(crate) trait Words {
    fn next_u64(&mut self) -> u64;
    fn next_double(&mut self) -> f64;
}

impl<B: BitGenerator + ?Sized> Words for B {
    #[inline(always)]
    fn next_u64(&mut self) -> u64 {
        BitGenerator::next_u64(self)
    }
    #[inline(always)]
    fn next_double(&mut self) -> f64 {
        BitGenerator::next_double(self)
    }
}

/// The rest of a block after a rejected attempt, then the generator.
pub(crate) struct Tail<'a, B: ?Sized, W> {
    bg: &'a mut B,
    words: &'a [W],
    used: usize,
}

impl<B: BitGenerator + ?Sized, W: Word> Tail<'_, B, W> {
    /// The next word of the stream: the block's rest first, then the generator.
    pub(crate) fn next_word(&mut self) -> W {
        match self.words.get(self.used) {
            Some(&w) => {
                self.used += 1;
                w
            }
            None => W::next(self.bg),
        }
    }
}

impl<B: BitGenerator + ?Sized> Words for Tail<'_, B, u64> {
    fn next_u64(&mut self) -> u64 {
        self.next_word()
    }
    fn next_double(&mut self) -> f64 {
        match self.words.get(self.used) {
            Some(&w) => {
                self.used += 1;
                self.bg.double_from_u64(w)
            }
            None => BitGenerator::next_double(self.bg),
        }
    }
}

/// `out[i] = draw()` for a sampler split into `attempt` (one word: the value, or what
/// the rejection path needs) and `rejected` (the rest of NumPy's loop, on the [`Tail`]).
#[inline(always)]
pub(crate) fn fill<B, W, T, E>(
    bg: &mut B,
    out: &mut [T],
    attempt: impl Fn(W) -> Result<T, E>,
    rejected: impl Fn(&mut Tail<'_, B, W>, E) -> T,
) where
    B: BitGenerator + ?Sized,
    W: Word,
{
    fill_with_run(bg, out, |_, _| 0, attempt, rejected)
}

/// [`fill`] for a sampler that almost never rejects (Lemire's integers: at most one word
/// in 2^32 / range). `quick` gives a word's value and whether it is accepted, with no
/// branch: the rest of a block is mapped word for word into the output at once, and only
/// where it holds a rejected word does [`fill`]'s loop go word by word up to it, where
/// `rejected` gets the rejected word. The branch-free pass vectorises; a test and a
/// taken branch per word limited the loop to about two cycles a value.
#[inline(always)]
pub(crate) fn fill_rarely_rejected<B, W, T>(
    bg: &mut B,
    out: &mut [T],
    quick: impl Fn(W) -> (T, bool),
    rejected: impl Fn(&mut Tail<'_, B, W>, W) -> T,
) where
    B: BitGenerator + ?Sized,
    W: Word,
{
    let all_accepted = |words: &[W], out: &mut [T]| {
        let mut ok = true;
        for (o, &w) in out.iter_mut().zip(words) {
            let (x, accepted) = quick(w);
            *o = x;
            ok &= accepted;
        }
        ok
    };
    let attempt = |w: W| match quick(w) {
        (x, true) => Ok(x),
        (_, false) => Err(w),
    };
    // The whole rest of the block when every word is accepted, else nothing.
    let run = |words: &[W], out: &mut [T]| {
        if all_accepted(words, out) {
            words.len()
        } else {
            0
        }
    };
    fill_with_run(bg, out, run, attempt, rejected)
}

/// [`fill`] with a vector kernel in front of the word-by-word loop: `run(words, out)`
/// writes the values of the leading accepted attempts of `words` and returns how many
/// (all up to the first rejection, or fewer); the loop goes on from there. `out` is at
/// least as long as `words` (every output takes a word).
#[inline(always)]
pub(crate) fn fill_with_run<B, W, T, E>(
    bg: &mut B,
    out: &mut [T],
    run: impl Fn(&[W], &mut [T]) -> usize,
    attempt: impl Fn(W) -> Result<T, E>,
    rejected: impl Fn(&mut Tail<'_, B, W>, E) -> T,
) where
    B: BitGenerator + ?Sized,
    W: Word,
{
    let mut buf = [W::default(); BLOCK];
    let n = out.len();
    let mut i = 0;
    while i < n {
        let k = (n - i).min(buf.len());
        W::fill(bg, &mut buf[..k]);
        let mut j = 0;
        while j < k {
            let r = run(&buf[j..k], &mut out[i..]);
            (i, j) = (i + r, j + r);
            // The accepted run, zipped (no index checks), up to the first rejection.
            // Every output takes at least one word, so `out` has room for the run.
            let mut rejection = None;
            for (t, (o, &w)) in out[i..].iter_mut().zip(&buf[j..k]).enumerate() {
                match attempt(w) {
                    Ok(x) => *o = x,
                    Err(e) => {
                        rejection = Some((t, e));
                        break;
                    }
                }
            }
            let Some((t, e)) = rejection else {
                i += k - j;
                break;
            };
            (i, j) = (i + t, j + t);
            let mut tail = Tail {
                bg: &mut *bg,
                words: &buf[j + 1..k],
                used: 0,
            };
            out[i] = rejected(&mut tail, e);
            j += 1 + tail.used;
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generator::{AnyBitGenerator, BitGenKind};
    use crate::prelude::*;

    /// A sampler's rejection path that draws one to three more words (doubles and
    /// integers), so rejection paths often run past a block's end.
    fn rejected(src: &mut dyn Words, w: u64) -> f64 {
        let mut x = src.next_double();
        for _ in 0..w % 3 {
            x += src.next_u64() as f64;
        }
        x
    }

    #[test]
    fn fill_is_scalar_draws_in_a_row_for_every_generator() {
        for kind in BitGenKind::ALL {
            // Around one and two blocks (BLOCK = 480), and across several.
            for n in [
                0, 1, 2, 255, 256, 257, 479, 480, 481, 959, 960, 961, 1000, 3001,
            ] {
                // A third of the words rejected: every block of the optimistic fill
                // is redone word by word; one word in 2^13 rejected: most are not.
                for (rarely, every) in [(false, 3), (true, 3), (true, 1 << 13)] {
                    let attempt = |w: u64| {
                        if w.is_multiple_of(every) {
                            Err(w)
                        } else {
                            Ok(w as f64)
                        }
                    };
                    let mut a = AnyBitGenerator::new(kind, n as u128);
                    let mut b = a.clone();
                    let mut out = vec![0.0; n];
                    let sampler = |t: &mut Tail<'_, _, u64>, w| -rejected(t, w);
                    if rarely {
                        let quick = |w: u64| (-(w as f64), !w.is_multiple_of(every));
                        fill_rarely_rejected(&mut a, &mut out, quick, sampler);
                    } else {
                        fill(&mut a, &mut out, |w| attempt(w).map(|x| -x), sampler);
                    }
                    for (i, x) in out.iter().enumerate() {
                        let want = match attempt(BitGenerator::next_u64(&mut b)) {
                            Ok(x) => x,
                            Err(w) => rejected(&mut b, w),
                        };
                        assert_eq!(x.to_bits(), (-want).to_bits(), "{kind:?} n={n} i={i}");
                    }
                    assert_eq!(a.state(), b.state(), "{kind:?} n={n} {every}");
                }
            }
        }
    }
}
