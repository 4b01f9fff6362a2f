//! `Generator.hypergeometric` (NumPy's counting method for small samples, HRUA with a
//! log-factorial table otherwise) and `multivariate_hypergeometric` (`count` and
//! `marginals`): the modern algorithms, which differ from `legacy/hypergeometric.rs`'s
//! frozen copy.

use super::broadcast::{GCons, GKernel, GenSpec};
use super::discrete::logfactorial;
use super::integers::random_interval;
use super::Generator;
use crate::array::NdArray;
use crate::bitgen::BitGenerator;
use crate::common::{alloc, c_long, ufunc2, Num, Param};
use crate::error::{Error, Result};
use crate::math::np::NpMath;
use crate::prelude::*;

fn hypergeometric_sample<B: BitGenerator + ?Sized>(
    bg: &mut B,
    good: i64,
    bad: i64,
    sample: i64,
) -> i64 {
    let total = good + bad;
    let computed = if sample > total / 2 {
        total - sample
    } else {
        sample
    };
    let mut computed_sample = computed;
    let mut remaining_total = total;
    let mut remaining_good = good;
    while computed_sample > 0 && remaining_good > 0 && remaining_total > remaining_good {
        remaining_total -= 1;
        if (random_interval(bg, remaining_total as u64) as i64) < remaining_good {
            remaining_good -= 1;
        }
        computed_sample -= 1;
    }
    if remaining_total == remaining_good {
        remaining_good -= computed_sample;
    }
    if sample > total / 2 {
        remaining_good
    } else {
        good - remaining_good
    }
}

fn hypergeometric_hrua<B: BitGenerator + ?Sized>(
    bg: &mut B,
    good: i64,
    bad: i64,
    sample: i64,
) -> i64 {
    const D1: f64 = 1.7155277699214135;
    const D2: f64 = 0.8989161620588988;
    let popsize = good + bad;
    let computed_sample = sample.min(popsize - sample);
    let mingoodbad = good.min(bad);
    let maxgoodbad = good.max(bad);
    let p = mingoodbad as f64 / popsize as f64;
    let q = maxgoodbad as f64 / popsize as f64;
    let mu = computed_sample as f64 * p;
    let a = mu + 0.5;
    let var =
        (popsize - computed_sample) as f64 * computed_sample as f64 * p * q / (popsize - 1) as f64;
    let c = (var + 0.5).sqrt();
    let h = D1 * c + D2;
    let m = c_long(
        ((computed_sample + 1) as f64 * (mingoodbad + 1) as f64 / (popsize + 2) as f64).floor(),
    );
    let g = logfactorial(m)
        + logfactorial(mingoodbad - m)
        + logfactorial(computed_sample - m)
        + logfactorial(maxgoodbad - computed_sample + m);
    let lim = (computed_sample.min(mingoodbad) + 1) as f64;
    let cap = (a + 16.0 * c).floor();
    let b = if lim < cap { lim } else { cap };
    let mut k;
    loop {
        let u = bg.next_double();
        let v = bg.next_double();
        let x = a + h * (v - 0.5) / u;
        if x < 0.0 || x >= b {
            continue;
        }
        k = c_long(x.floor());
        let gp = logfactorial(k)
            + logfactorial(mingoodbad - k)
            + logfactorial(computed_sample - k)
            + logfactorial(maxgoodbad - computed_sample + k);
        let t = g - gp;
        if u * (4.0 - u) - 3.0 <= t {
            break;
        }
        if u * (u - t) >= 1.0 {
            continue;
        }
        if 2.0 * u.np_log() <= t {
            break;
        }
    }
    if good > bad {
        k = computed_sample - k;
    }
    if computed_sample < sample {
        k = good - k;
    }
    k
}

/// `random_hypergeometric`: HRUA when `10 <= sample <= good + bad - 10`, else the
/// counting method (one `random_interval` per item drawn).
pub(crate) fn hypergeometric<B: BitGenerator + ?Sized>(
    bg: &mut B,
    good: i64,
    bad: i64,
    sample: i64,
) -> i64 {
    if sample >= 10 && sample <= good + bad - 10 {
        hypergeometric_hrua(bg, good, bad, sample)
    } else {
        hypergeometric_sample(bg, good, bad, sample)
    }
}

/// `ValueError("both ngood and nbad must be less than 1000000000")`, then
/// `ngood + nbad < nsample`, then the non-negativity of each.
fn hyper_check(ngood: i64, nbad: i64, nsample: i64) -> Result<()> {
    if ngood as f64 >= 1e9 || nbad as f64 >= 1e9 {
        return Err(Error::value(
            "both ngood and nbad must be less than 1000000000",
        ));
    }
    if ngood.wrapping_add(nbad) < nsample {
        return Err(Error::value("ngood + nbad < nsample"));
    }
    for (v, name) in [(ngood, "ngood"), (nbad, "nbad"), (nsample, "nsample")] {
        GCons::NonNegative.check_scalar(v as f64, name)?;
    }
    Ok(())
}

/// How `multivariate_hypergeometric` draws.
///
/// ```
/// use nprand::generator::MvhgMethod;
/// assert_eq!("count".parse::<MvhgMethod>().unwrap(), MvhgMethod::Count);
/// assert_eq!("x".parse::<MvhgMethod>().unwrap_err().message(),
///            "method must be \"count\" or \"marginals\".");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MvhgMethod {
    /// `'marginals'` (NumPy's default): one hypergeometric draw per color.
    #[default]
    Marginals,
    /// `'count'`: a partial Fisher–Yates shuffle of all the items.
    Count,
}

numpy_str_enum! {
    /// The string NumPy takes for this value.
    ///
    /// ```
    /// assert_eq!(nprand::generator::MvhgMethod::Count.as_str(), "count");
    /// ```
    MvhgMethod,
    "method must be \"count\" or \"marginals\".",
    { Marginals => "marginals", Count => "count" }
}

impl<B: BitGenerator> Generator<B> {
    /// `rng.hypergeometric(ngood, nbad, nsample)`: NumPy's new algorithm (counting for
    /// small samples, HRUA with a log-factorial table otherwise); `nsample = 0` is allowed,
    /// `ngood` and `nbad` must be below 10^9.
    ///
    /// ```
    /// // np.random.default_rng(0).hypergeometric(100, 200, 50)
    /// let k = nprand::generator::default_rng(0).hypergeometric(100, 200, 50).unwrap();
    /// assert!((0..=50).contains(&k));
    /// let e = nprand::generator::default_rng(0).hypergeometric(5, 5, 11).unwrap_err();
    /// assert_eq!(e.message(), "ngood + nbad < nsample");
    /// ```
    pub fn hypergeometric(&mut self, ngood: i64, nbad: i64, nsample: i64) -> Result<i64> {
        hyper_check(ngood, nbad, nsample)?;
        Ok(hypergeometric(&mut self.bg, ngood, nbad, nsample))
    }

    /// `rng.hypergeometric(ngood, nbad, nsample, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0i64; 2];
    /// nprand::generator::default_rng(0).hypergeometric_into(&mut x, 10, 20, 5).unwrap();
    /// assert_eq!(x[0], nprand::generator::default_rng(0).hypergeometric(10, 20, 5).unwrap());
    /// ```
    pub fn hypergeometric_into(
        &mut self,
        out: &mut [i64],
        ngood: i64,
        nbad: i64,
        nsample: i64,
    ) -> Result<()> {
        hyper_check(ngood, nbad, nsample)?;
        for o in out {
            *o = hypergeometric(&mut self.bg, ngood, nbad, nsample);
        }
        Ok(())
    }

    /// `rng.multivariate_hypergeometric(colors, nsample, size, method=method)`: an array
    /// of shape `size + (len(colors),)` (`(k,)` for `size=None`), with NumPy's checks and
    /// messages (all of them before `size` is read).
    ///
    /// ```
    /// use nprand::generator::MvhgMethod;
    /// // np.random.default_rng(0).multivariate_hypergeometric([10, 5, 3], 6, size=2)
    /// let mut rng = nprand::generator::default_rng(0);
    /// let x = rng.multivariate_hypergeometric(&[10, 5, 3], 6, Some(&[2]), MvhgMethod::Marginals).unwrap();
    /// assert_eq!(x.shape, [2, 3]);
    /// assert_eq!(x[..3].iter().sum::<i64>(), 6);
    /// let e = rng.multivariate_hypergeometric(&[1, 2], 4, None, MvhgMethod::Count).unwrap_err();
    /// assert_eq!(e.message(), "nsample > sum(colors)");
    /// ```
    pub fn multivariate_hypergeometric(
        &mut self,
        colors: &[i64],
        nsample: i64,
        size: Option<&[usize]>,
        method: MvhgMethod,
    ) -> Result<NdArray<i64>> {
        if nsample < 0 {
            return Err(Error::value("nsample must be nonnegative."));
        }
        if colors.iter().any(|&c| c < 0) {
            return Err(Error::value(
                "colors must be a one-dimensional sequence of nonnegative integers not exceeding 9223372036854775807.",
            ));
        }
        let mut total: i64 = 0;
        for &c in colors {
            total = total.checked_add(c).ok_or_else(|| {
                Error::value(
                    "sum(colors) must not exceed the maximum value of a 64 bit signed integer (9223372036854775807)",
                )
            })?;
        }
        if method == MvhgMethod::Marginals && total >= 1_000_000_000 {
            return Err(Error::value(
                "When method is \"marginals\", sum(colors) must be less than 1000000000.",
            ));
        }
        let max_index = i64::MAX / 8;
        if method == MvhgMethod::Count && total > max_index {
            return Err(Error::value(format!(
                "When method is 'count', sum(colors) must not exceed {max_index}"
            )));
        }
        if nsample > total {
            return Err(Error::value("nsample > sum(colors)"));
        }
        let k = colors.len();
        let mut nd = alloc::zeros_rows(size, k, alloc::Dtype::I64)?;
        if k == 0 || total == 0 || nsample == 0 || nd.is_empty() {
            return Ok(nd);
        }
        let out = &mut nd.data;
        let more_than_half = nsample > total / 2;
        let ns = if more_than_half {
            total - nsample
        } else {
            nsample
        };
        match method {
            MvhgMethod::Count => {
                // NumPy's C mallocs `total` size_t's (after the output, before any draw)
                // and raises this MemoryError where malloc fails; nprand's rule is the
                // same with `try_reserve_exact` of `total` 8-byte words (usize on 64-bit).
                let len = usize::try_from(total).unwrap_or(usize::MAX);
                let mut choices: Vec<usize> = alloc::try_vec(len, || {
                    Error::new(
                        crate::ErrorKind::MemoryError,
                        format!(
                            "Insufficient memory for multivariate_hypergeometric with \
                             method='count' and sum(colors)={total}"
                        ),
                    )
                })?;
                for (i, &c) in colors.iter().enumerate() {
                    choices.extend(core::iter::repeat_n(i, c as usize));
                }
                for row in out.chunks_exact_mut(k) {
                    for j in 0..ns as usize {
                        let kk = j + random_interval(&mut self.bg, (total as u64) - j as u64 - 1)
                            as usize;
                        choices.swap(j, kk);
                    }
                    for &c in &choices[..ns as usize] {
                        row[c] += 1;
                    }
                    if more_than_half {
                        for (r, &c) in row.iter_mut().zip(colors) {
                            *r = c - *r;
                        }
                    }
                }
            }
            MvhgMethod::Marginals => {
                for row in out.chunks_exact_mut(k) {
                    let mut num_to_sample = ns;
                    let mut remaining = total;
                    let mut j = 0;
                    while num_to_sample > 0 && j + 1 < k {
                        remaining -= colors[j];
                        let r = hypergeometric(&mut self.bg, colors[j], remaining, num_to_sample);
                        row[j] = r;
                        num_to_sample -= r;
                        j += 1;
                    }
                    if num_to_sample > 0 {
                        row[k - 1] = num_to_sample;
                    }
                    if more_than_half {
                        for (r, &c) in row.iter_mut().zip(colors) {
                            *r = c - *r;
                        }
                    }
                }
            }
        }
        Ok(nd)
    }
}

/// hypergeometric: the 10^9 limit and `ngood + nbad < nsample` before the constraints.
fn prepare_hypergeometric(p: &mut [NdArray<Num>], scalar: bool) -> Result<()> {
    if scalar {
        let (g, b, s) = (p[0].data[0].i(), p[1].data[0].i(), p[2].data[0].i());
        if g as f64 >= 1e9 || b as f64 >= 1e9 {
            return Err(Error::value(
                "both ngood and nbad must be less than 1000000000",
            ));
        }
        if g.wrapping_add(b) < s {
            return Err(Error::value("ngood + nbad < nsample"));
        }
        return Ok(());
    }
    let big = |a: &NdArray<Num>| a.data.iter().any(|x| x.i() as f64 >= 1e9);
    if big(&p[0]) || big(&p[1]) {
        return Err(Error::value(
            "both ngood and nbad must be less than 1000000000",
        ));
    }
    let sum = ufunc2(&p[0], &p[1], |g, b| Num::I(g.i().wrapping_add(b.i())))?;
    let less = ufunc2(&sum, &p[2], |t, s| Num::I((t.i() < s.i()) as i64))?;
    if less.data.iter().any(|x| x.i() != 0) {
        return Err(Error::value("ngood + nbad < nsample"));
    }
    Ok(())
}

pub(crate) const SPECS: &[GenSpec] = &[GenSpec {
    name: "hypergeometric",
    params: &[
        Param::i("ngood", GCons::NonNegative),
        Param::i("nbad", GCons::NonNegative),
        Param::i("nsample", GCons::NonNegative),
    ],
    internal_order: &[],
    prepare: Some(prepare_hypergeometric),
    kernel: GKernel::I64(|bg, p: &[Num]| hypergeometric(bg, p[0].i(), p[1].i(), p[2].i())),
    bulk: super::broadcast::GBulk::None,
}];
