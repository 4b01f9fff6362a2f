//! Sequences: `shuffle`, `permutation`, `choice`, built on NumPy's `random_interval`.

use super::RandomState;
use crate::array::NdArray;
use crate::common::{alloc, kahan_sum};
use crate::error::{Error, Result};
use crate::prelude::*;

/// Positions per batch of [`RandomState::shuffle`].
const SHUFFLE_BATCH: usize = 256;
/// Words peeked at most per run of a batch (about 1.4 are needed per position).
const SHUFFLE_WORDS: usize = 2 * SHUFFLE_BATCH + 8;
/// Up to this length, shuffle draws one position at a time (no batch buffers).
const SHUFFLE_SMALL: usize = 64;

/// `cdf = cumsum(p); cdf /= cdf[-1]`, as NumPy's `choice` builds it.
fn normalised_cdf(p: &[f64]) -> Vec<f64> {
    let mut acc = 0.0;
    let mut cdf: Vec<f64> = p
        .iter()
        .map(|&x| {
            acc += x;
            acc
        })
        .collect();
    if let Some(&last) = cdf.last() {
        for c in &mut cdf {
            *c /= last;
        }
    }
    cdf
}

/// `searchsorted(cdf, u, side='right')`: the number of cdf entries `<= u`.
fn search_right(cdf: &[f64], u: f64) -> usize {
    cdf.partition_point(|&c| c <= u)
}

impl RandomState {
    /// NumPy's `random_interval(max)`: a value in `[0, max]` by masked rejection on the
    /// low bits (one word per attempt, two when `max > 2**32 - 1`; no draw for 0).
    #[inline]
    pub(crate) fn random_interval(&mut self, max: u64) -> u64 {
        if max == 0 {
            return 0;
        }
        let mask = super::integers::gen_mask(max);
        if max <= 0xFFFF_FFFF {
            loop {
                let v = self.bitgen.next_u32() as u64 & mask;
                if v <= max {
                    return v;
                }
            }
        }
        loop {
            let v = self.bitgen.next_u64() & mask;
            if v <= max {
                return v;
            }
        }
    }

    /// `rs.shuffle(x)`: in place, along the first axis, exactly as NumPy swaps.
    ///
    /// For a 2-d NumPy array shuffle its rows, e.g. a `&mut [[f64; 3]]` or a slice of
    /// row vectors.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// let mut x = [1, 2, 3, 4, 5];
    /// rs.shuffle(&mut x); // x = [1, 2, 3, 4, 5]; rs.shuffle(x)
    /// let mut s = x;
    /// s.sort();
    /// assert_eq!(s, [1, 2, 3, 4, 5]);
    /// ```
    pub fn shuffle<T>(&mut self, x: &mut [T]) {
        if x.len() <= SHUFFLE_SMALL {
            for i in (1..x.len()).rev() {
                let j = self.random_interval(i as u64) as usize;
                x.swap(i, j);
            }
            return;
        }
        let mut i = x.len() - 1;
        // Positions beyond 2**32 - 1 draw two words per attempt: one at a time.
        while i > 0xFFFF_FFFF {
            let j = self.random_interval(i as u64) as usize;
            x.swap(i, j);
            i -= 1;
        }
        // Then in batches: first the `random_interval` draws of the next SHUFFLE_BATCH
        // positions (branch-free over a run of tempered words from the MT block), then
        // their swaps, whose memory accesses no longer wait on the generator.
        let mut js = [0u32; SHUFFLE_BATCH];
        let mut words = [0u32; SHUFFLE_WORDS];
        while i >= 1 {
            let count = SHUFFLE_BATCH.min(i);
            self.interval_batch(i as u32, &mut js[..count], &mut words);
            for (t, &j) in js[..count].iter().enumerate() {
                x.swap(i - t, j as usize);
            }
            i -= count;
        }
    }

    /// `js[t] = random_interval(top - t)` for every `t`, consuming exactly the words
    /// those calls draw (`top - js.len() + 1 >= 1`; `words` is scratch space).
    #[inline]
    fn interval_batch(&mut self, top: u32, js: &mut [u32], words: &mut [u32; SHUFFLE_WORDS]) {
        debug_assert!(js.len() as u64 <= top as u64);
        let mut k = 0;
        let mut max = top;
        while k < js.len() {
            // About 1.4 words per value on average (at most 2 expected): peek that many,
            // use what is needed.
            let want = 2 * (js.len() - k) + 8;
            let got = self.bitgen.peek_u32(&mut words[..want]);
            let mut used = 0;
            for &w in &words[..got] {
                // gen_mask(max) for 1 <= max <= 2**32 - 1.
                let v = w & (u32::MAX >> max.leading_zeros());
                js[k] = v;
                let ok = v <= max;
                k += ok as usize;
                max -= ok as u32;
                used += 1;
                if k == js.len() {
                    break;
                }
            }
            self.bitgen.consume(used);
        }
    }

    /// `rs.permutation(n)`: `arange(n)` shuffled (empty, with no draws, for n <= 0).
    ///
    /// ```
    /// let p = nprand::RandomState::new(1).permutation(5).unwrap();
    /// let mut s = p.clone();
    /// s.sort();
    /// assert_eq!(s, vec![0, 1, 2, 3, 4]);
    /// ```
    pub fn permutation(&mut self, n: i64) -> Result<Vec<i64>> {
        let mut v = alloc::arange(n)?;
        self.shuffle(&mut v);
        Ok(v)
    }

    /// `rs.shuffle(x)` for an n-d array `x` (C order, rows of `row_len` elements): the
    /// rows (axis 0) are shuffled in place with the draws of the 1-d case (NumPy's
    /// bounce-buffer loop: `random_interval(i)` for `i = n-1 down to 1`). A trailing
    /// partial row is left in place. NumPy's legacy shuffle of an `(n, 0)` array still
    /// draws `n - 1` intervals; here `row_len = 0` draws nothing (the row count is
    /// unknown), so shuffle a slice of `n` empty rows instead.
    ///
    /// ```
    /// // x = np.arange(6).reshape(3, 2); np.random.RandomState(0).shuffle(x)
    /// let mut x: Vec<i64> = (0..6).collect();
    /// nprand::RandomState::new(0).shuffle_rows(&mut x, 2);
    /// let mut order: Vec<i64> = (0..3).collect();
    /// nprand::RandomState::new(0).shuffle(&mut order);
    /// assert_eq!(x, order.iter().flat_map(|&r| [2 * r, 2 * r + 1]).collect::<Vec<_>>());
    /// ```
    pub fn shuffle_rows<T>(&mut self, x: &mut [T], row_len: usize) {
        if row_len == 0 {
            return;
        }
        let n = x.len() / row_len;
        for i in (1..n).rev() {
            let j = self.random_interval(i as u64) as usize;
            if i != j {
                let (head, tail) = x.split_at_mut(i * row_len);
                head[j * row_len..(j + 1) * row_len].swap_with_slice(&mut tail[..row_len]);
            }
        }
    }

    /// `rs.choice(a, size, replace, p)` for an integer population `a`: indices in
    /// `[0, a)`, an array of shape `size` (0-d, one index, for `size=None`).
    ///
    /// Paths as NumPy's: with replacement and no `p` → `randint(0, pop, size)`; with `p`
    /// → `random_sample(size)` looked up in the normalised cumulative `p`; without
    /// replacement and no `p` → a full `permutation(pop)` cut to `size`; without
    /// replacement with `p` → repeated rounds of `rand`, keeping first occurrences.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(5);
    /// // rs.choice(5, 3, replace=False)
    /// let v = rs.choice_index(5, Some(&[3]), false, None).unwrap();
    /// assert_eq!(v.shape, [3]);
    /// // rs.choice(3, p=[0.2, 0.3, 0.6]) -> ValueError
    /// assert_eq!(rs.choice_index(3, None, true, Some(&[0.2, 0.3, 0.6])).unwrap_err().message(),
    ///            "probabilities do not sum to 1");
    /// ```
    pub fn choice_index(
        &mut self,
        pop: i64,
        size: Option<&[usize]>,
        replace: bool,
        p: Option<&[f64]>,
    ) -> Result<NdArray<i64>> {
        let (shape, n) = self.choice_shape(size, replace, p, pop)?;
        let data = self.choice_index_flat(pop, n, replace, p)?;
        Ok(NdArray { shape, data })
    }

    /// [`choice_index`](Self::choice_index) with `size` already a count (the evaluator's
    /// form: it reads `size` from the call itself).
    pub(crate) fn choice_index_flat(
        &mut self,
        pop: i64,
        size: usize,
        replace: bool,
        p: Option<&[f64]>,
    ) -> Result<Vec<i64>> {
        if pop <= 0 && size != 0 {
            return Err(Error::value(
                "a must be greater than 0 unless no samples are taken",
            ));
        }
        self.choice_impl(pop, size, replace, p)
    }

    /// `rs.choice(a, size, replace, p)` for a 1-d array `a` (NumPy's `a` of any other
    /// dimension is an error; pass the row indices to [`choice_index`](Self::choice_index)
    /// and gather): the chosen elements, an array of shape `size` (0-d, one element, for
    /// `size=None`).
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(5);
    /// // rs.choice([10, 20, 30], size=4, p=[0.5, 0.25, 0.25])
    /// let v = rs.choice(&[10, 20, 30], Some(&[4]), true, Some(&[0.5, 0.25, 0.25])).unwrap();
    /// assert!(v.iter().all(|x| [10, 20, 30].contains(x)));
    /// // rs.choice(['a', 'b'], size=(2, 2), replace=True)
    /// assert_eq!(rs.choice(&["a", "b"], Some(&[2, 2]), true, None).unwrap().shape, [2, 2]);
    /// assert!(rs.choice::<i32>(&[], None, true, None).is_err());
    /// ```
    pub fn choice<T: Clone>(
        &mut self,
        a: &[T],
        size: Option<&[usize]>,
        replace: bool,
        p: Option<&[f64]>,
    ) -> Result<NdArray<T>> {
        let nonzero = alloc::takes_samples(size);
        if a.is_empty() && nonzero {
            return Err(Error::value(
                "'a' cannot be empty unless no samples are taken",
            ));
        }
        let (shape, n) = self.choice_shape(size, replace, p, a.len() as i64)?;
        let idx = self.choice_impl(a.len() as i64, n, replace, p)?;
        // `a[idx]`: a second array of `size` items.
        let mut data = alloc::reserve(&shape, alloc::Dtype::I64, n)?;
        data.extend(idx.into_iter().map(|i| a[i as usize].clone()));
        Ok(NdArray { shape, data })
    }

    fn choice_impl(
        &mut self,
        pop: i64,
        size: usize,
        replace: bool,
        p: Option<&[f64]>,
    ) -> Result<Vec<i64>> {
        if let Some(p) = p {
            check_p(p, pop as i128)?;
        }
        match (replace, p) {
            (true, None) => {
                let mut out = alloc::filled(&[size], alloc::Dtype::I64, 0)?;
                self.randint_into(&mut out, 0, pop as i128)?;
                Ok(out)
            }
            (true, Some(p)) => {
                let cdf = normalised_cdf(p);
                let u = self.rand(&[size])?;
                // cdf.searchsorted(uniform_samples): a second array.
                let mut idx = alloc::reserve(&[size], alloc::Dtype::I64, size)?;
                idx.extend(u.iter().map(|&u| search_right(&cdf, u) as i64));
                Ok(idx)
            }
            (false, _) if size as i128 > pop as i128 => Err(Error::value(
                "Cannot take a larger sample than population when 'replace=False'",
            )),
            (false, None) => {
                // NumPy's permutation(pop)[:size], so a population that cannot be
                // allocated is a MemoryError even for size 0.
                let mut perm = self.permutation(pop)?;
                perm.truncate(size);
                Ok(perm)
            }
            (false, Some(p)) => {
                if p.iter().filter(|&&x| x > 0.0).count() < size {
                    return Err(Error::value("Fewer non-zero entries in p than size"));
                }
                let mut p = p.to_vec();
                // found = np.zeros(shape, dtype=np.int64)
                let mut found: Vec<i64> = alloc::reserve(&[size], alloc::Dtype::I64, size)?;
                while found.len() < size {
                    let x = self.rand(&[size - found.len()])?;
                    for &f in &found {
                        p[f as usize] = 0.0;
                    }
                    let cdf = normalised_cdf(&p);
                    // np.unique(..., return_index=True) then sorted: first occurrences,
                    // in draw order, of values not seen in this round.
                    let mut round = vec![false; p.len() + 1];
                    for &u in &x {
                        let k = search_right(&cdf, u);
                        if !round[k] {
                            round[k] = true;
                            found.push(k as i64);
                        }
                    }
                }
                found.truncate(size);
                Ok(found)
            }
        }
    }
}

impl RandomState {
    /// `choice`'s output shape (`()` for `size=None`) and element count (1 for `None`).
    /// Without replacement and without `p`, NumPy shuffles the whole population
    /// (`permutation(pop_size)[:size]`) before `idx.shape = shape` meets more than 64
    /// dimensions, so that error comes after the draws, as here.
    fn choice_shape(
        &mut self,
        size: Option<&[usize]>,
        replace: bool,
        p: Option<&[f64]>,
        pop: i64,
    ) -> Result<(Vec<usize>, usize)> {
        let shape = size.unwrap_or(&[]).to_vec();
        match alloc::check_shape(&shape, alloc::Dtype::I64) {
            Err(e) if !replace && p.is_none() && shape.len() > alloc::MAXDIMS => {
                self.permutation(pop)?;
                Err(e)
            }
            n => Ok((shape, n?)),
        }
    }
}

/// NumPy's checks on `p`, in its order (also the evaluator's, which reads `p` from a
/// literal first).
pub(crate) fn check_p(p: &[f64], pop: i128) -> Result<()> {
    if p.len() as i128 != pop {
        return Err(Error::value("'a' and 'p' must have same size"));
    }
    let sum = kahan_sum(p);
    if sum.is_nan() {
        return Err(Error::value("probabilities contain NaN"));
    }
    if p.iter().any(|&x| x < 0.0) {
        return Err(Error::value("probabilities are not non-negative"));
    }
    // atol = sqrt(finfo(float64).eps)
    if (sum - 1.0).abs() > 1.4901161193847656e-08 {
        return Err(Error::value("probabilities do not sum to 1"));
    }
    Ok(())
}

permutation_methods! {
    impl[] RandomState, rust "nprand::RandomState::new(1)", numpy "np.random.RandomState(1)";
}

#[cfg(test)]
mod tests {
    //! The batched shuffle against NumPy's loop as it was written before, one
    //! `random_interval` at a time: same swaps, same state.

    use super::super::test_util::{assert_same_state, start, starts, SIZES};
    use super::*;
    use proptest::prelude::*;

    fn ref_shuffle<T>(rs: &mut RandomState, x: &mut [T]) {
        for i in (1..x.len()).rev() {
            let j = rs.random_interval(i as u64) as usize;
            x.swap(i, j);
        }
    }

    fn check(s: &RandomState, n: usize) {
        let what = format!("n {n} from pos {}", s.bitgen.pos());
        let mut r = s.clone();
        let mut expect: Vec<i64> = (0..n as i64).collect();
        ref_shuffle(&mut r, &mut expect);
        let mut a = s.clone();
        assert_eq!(a.permutation(n as i64).unwrap(), expect, "{what}");
        assert_same_state(&a, &r, &what);
        // shuffle of something else (not Copy), same swaps
        let mut b = s.clone();
        let mut strings: Vec<String> = (0..n).map(|i| i.to_string()).collect();
        b.shuffle(&mut strings);
        let back: Vec<i64> = strings.iter().map(|x| x.parse().unwrap()).collect();
        assert_eq!(back, expect, "{what}");
        assert_same_state(&b, &r, &what);
    }

    #[test]
    fn shuffle_matches_reference() {
        for s in starts() {
            for &n in SIZES
                .iter()
                .chain(&[4, 5, 64, 65, 66, 255, 256, 257, 258, 513, 1025, 4097])
            {
                check(&s, n);
            }
        }
    }

    #[test]
    fn choice_of_too_many_dims_draws_as_numpy() {
        // Without replacement and p, NumPy's permutation(pop) runs before the shape error
        // (fixtures/legacy case choice_too_many_dims); otherwise nothing is drawn.
        let dims = [1usize; 65];
        let mut rs = RandomState::new(3);
        let mut want = rs.clone();
        let e = rs.choice_index(5, Some(&dims), false, None).unwrap_err();
        assert!(
            e.message().starts_with("maximum supported dimension"),
            "{e}"
        );
        want.permutation(5).unwrap();
        assert!(rs == want);
        let e = rs
            .choice(&[1.5, 2.5], Some(&dims), false, None)
            .unwrap_err();
        assert!(
            e.message().starts_with("maximum supported dimension"),
            "{e}"
        );
        want.permutation(2).unwrap();
        assert!(rs == want);
        for (replace, p) in [(true, None), (false, Some(&[0.5, 0.5][..]))] {
            assert!(rs.choice_index(2, Some(&dims), replace, p).is_err());
            assert!(rs == want);
        }
    }

    #[test]
    fn choice_without_replacement_matches_reference() {
        let mut a = RandomState::new(8);
        let mut r = a.clone();
        let got = a.choice_index(1000, Some(&[10]), false, None).unwrap();
        let mut expect: Vec<i64> = (0..1000).collect();
        ref_shuffle(&mut r, &mut expect);
        assert_eq!(got.data, expect[..10]);
        assert_same_state(&a, &r, "choice");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn shuffle_any_start(seed: u32, skip in 0usize..1300, n in 0usize..3000) {
            check(&start(seed, skip, None), n);
        }
    }
}
