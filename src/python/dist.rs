//! Real-valued distributions (and `binomialvariate`), as in CPython's `random.py`.

use super::pymath;
use super::Random;
use crate::error::{Error, ErrorKind, Result};
use crate::math::np::{NpMath, NpMathF64};

/// `4 * exp(-0.5) / sqrt(2.0)`
const NV_MAGICCONST: f64 = 1.715_527_769_921_413_5;
/// `log(4.0)`
const LOG4: f64 = 1.386_294_361_119_890_6;
/// `1.0 + log(4.5)`
const SG_MAGICCONST: f64 = 2.504_077_396_776_274;
const TWOPI: f64 = std::f64::consts::TAU;
const E: f64 = std::f64::consts::E;
const PI: f64 = std::f64::consts::PI;

/// Rejection loops that CPython would run forever (NaN or infinite parameters) stop
/// after this many rounds with an error instead.
const MAX_ROUNDS: u64 = 10_000_000;

fn endless(what: &str) -> Error {
    Error::new(
        ErrorKind::NotImplementedError,
        format!(
            "{what}: CPython never returns for these parameters (its rejection loop does not end)"
        ),
    )
}

impl Random {
    /// `random.uniform(a, b)` = `a + (b - a) * random()`.
    ///
    /// ```
    /// use nprand::python::Random;
    /// // random.seed(0); random.uniform(2.0, 5.0)
    /// let x = Random::new(0).uniform(2.0, 5.0);
    /// assert!((2.0..=5.0).contains(&x));
    /// ```
    pub fn uniform(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.random()
    }

    /// `random.triangular(low, high, mode)` (`mode = None` is the midpoint). The uniform
    /// is drawn first; `low == high` returns `low`.
    ///
    /// ```
    /// use nprand::python::Random;
    /// // random.seed(0); random.triangular(0.0, 10.0, 2.0)
    /// let x = Random::new(0).triangular(0.0, 10.0, Some(2.0));
    /// assert!((0.0..=10.0).contains(&x));
    /// // random.triangular(3, 3) == 3
    /// assert_eq!(Random::new(0).triangular(3.0, 3.0, None), 3.0);
    /// ```
    pub fn triangular(&mut self, low: f64, high: f64, mode: Option<f64>) -> f64 {
        self.triangular_checked(low, high, mode).unwrap_or(low)
    }

    /// `triangular`, with `None` when `(mode - low) / (high - low)` divides by zero
    /// (CPython then returns `low` as given, e.g. an int).
    pub(crate) fn triangular_checked(
        &mut self,
        low: f64,
        high: f64,
        mode: Option<f64>,
    ) -> Option<f64> {
        let mut u = self.random();
        let mut c = match mode {
            None => 0.5,
            Some(m) => {
                if high - low == 0.0 {
                    return None;
                }
                (m - low) / (high - low)
            }
        };
        let (mut low, mut high) = (low, high);
        if u > c {
            u = 1.0 - u;
            c = 1.0 - c;
            std::mem::swap(&mut low, &mut high);
        }
        Some(low + (high - low) * (u * c).sqrt())
    }

    /// `random.normalvariate(mu, sigma)`: Kinderman–Monahan; does not touch the gauss
    /// cache.
    ///
    /// ```
    /// use nprand::python::Random;
    /// // random.seed(0); random.normalvariate(0.0, 1.0)
    /// assert!(Random::new(0).normalvariate(0.0, 1.0).is_finite());
    /// ```
    pub fn normalvariate(&mut self, mu: f64, sigma: f64) -> f64 {
        loop {
            let u1 = self.random();
            let u2 = 1.0 - self.random();
            let z = NV_MAGICCONST * (u1 - 0.5) / u2;
            let zz = z * z / 4.0;
            if zz <= -u2.np_log() {
                return mu + z * sigma;
            }
        }
    }

    /// `random.gauss(mu, sigma)`: Box–Muller; returns the cosine value and caches the
    /// unscaled sine value for the next call (cleared by `seed`, kept in `getstate`).
    ///
    /// ```
    /// use nprand::python::Random;
    /// // random.seed(0); random.gauss(); random.gauss()  -- the second one draws nothing
    /// let mut r = Random::new(0);
    /// r.gauss(0.0, 1.0);
    /// let pos = r.getstate().pos;
    /// r.gauss(5.0, 2.0);
    /// assert_eq!(r.getstate().pos, pos);
    /// ```
    pub fn gauss(&mut self, mu: f64, sigma: f64) -> f64 {
        let z = match self.gauss_next.take() {
            Some(z) => z,
            None => {
                let x2pi = self.random() * TWOPI;
                let g2rad = (-2.0 * (1.0 - self.random()).np_log()).sqrt();
                self.gauss_next = Some(x2pi.np_sin() * g2rad);
                x2pi.np_cos() * g2rad
            }
        };
        mu + z * sigma
    }

    /// `random.lognormvariate(mu, sigma)` = `exp(normalvariate(mu, sigma))`;
    /// `OverflowError: math range error` when the exponential overflows.
    ///
    /// ```
    /// use nprand::python::Random;
    /// // random.seed(0); random.lognormvariate(0.0, 1.0)
    /// assert!(Random::new(0).lognormvariate(0.0, 1.0).unwrap() > 0.0);
    /// // random.lognormvariate(1000.0, 1.0) -> OverflowError: math range error
    /// assert!(Random::new(0).lognormvariate(1000.0, 1.0).is_err());
    /// ```
    pub fn lognormvariate(&mut self, mu: f64, sigma: f64) -> Result<f64> {
        pymath::exp(self.normalvariate(mu, sigma))
    }

    /// `random.expovariate(lambd)` = `-log(1 - random()) / lambd`.
    ///
    /// ```
    /// use nprand::python::Random;
    /// // random.seed(0); random.expovariate(2.0)
    /// assert!(Random::new(0).expovariate(2.0).unwrap() >= 0.0);
    /// // random.expovariate(0) -> ZeroDivisionError: float division by zero
    /// assert_eq!(Random::new(0).expovariate(0.0).unwrap_err().to_string(),
    ///            "ZeroDivisionError: float division by zero");
    /// ```
    pub fn expovariate(&mut self, lambd: f64) -> Result<f64> {
        let u = self.random();
        pymath::div(-(1.0 - u).np_log(), lambd)
    }

    /// `random.vonmisesvariate(mu, kappa)`: Best–Fisher; the final `% TWOPI` is
    /// Python's float modulo (always non-negative here).
    ///
    /// ```
    /// use nprand::python::Random;
    /// // random.seed(0); random.vonmisesvariate(-1.0, 4.0)
    /// let t = Random::new(0).vonmisesvariate(-1.0, 4.0).unwrap();
    /// assert!((0.0..std::f64::consts::TAU).contains(&t));
    /// ```
    pub fn vonmisesvariate(&mut self, mu: f64, kappa: f64) -> Result<f64> {
        if kappa <= 1e-6 {
            return Ok(TWOPI * self.random());
        }
        let (acos_f, plus) = self.vonmises_turn(kappa)?;
        if plus {
            pymath::rem(mu + acos_f, TWOPI)
        } else {
            pymath::rem(mu - acos_f, TWOPI)
        }
    }

    /// The draws of `vonmisesvariate` for `kappa > 1e-6` up to the last line: `acos(f)`
    /// and whether CPython then computes `mu + acos(f)` (`u3 > 0.5`) or `mu - acos(f)`.
    /// The evaluator needs the branch itself for a `mu` that is no number (which
    /// operator's `TypeError` CPython raises).
    pub(crate) fn vonmises_turn(&mut self, kappa: f64) -> Result<(f64, bool)> {
        let s = 0.5 / kappa;
        let r = s + (1.0 + s * s).sqrt();
        let mut rounds = 0u64;
        let z = loop {
            let u1 = self.random();
            let z = (PI * u1).np_cos();
            let d = z / (r + z);
            let u2 = self.random();
            if u2 < 1.0 - d * d || u2 <= (1.0 - d) * pymath::exp(d)? {
                break z;
            }
            rounds += 1;
            if rounds >= MAX_ROUNDS {
                return Err(endless("vonmisesvariate"));
            }
        };
        let q = 1.0 / r;
        let f = (q + z) / (1.0 + q * z);
        let u3 = self.random();
        Ok((pymath::acos(f)?, u3 > 0.5))
    }

    /// `random.gammavariate(alpha, beta)`: Cheng's method for alpha > 1, an exponential
    /// for alpha == 1, Ahrens–Dieter GS for alpha < 1.
    ///
    /// ```
    /// use nprand::python::Random;
    /// // random.seed(0); [random.gammavariate(a, 2.0) for a in (0.5, 1.0, 3.0)]
    /// let mut r = Random::new(0);
    /// for a in [0.5, 1.0, 3.0] {
    ///     assert!(r.gammavariate(a, 2.0).unwrap() >= 0.0);
    /// }
    /// // random.gammavariate(0, 1) -> ValueError
    /// assert_eq!(r.gammavariate(0.0, 1.0).unwrap_err().message(),
    ///            "gammavariate: alpha and beta must be > 0.0");
    /// ```
    pub fn gammavariate(&mut self, alpha: f64, beta: f64) -> Result<f64> {
        if alpha <= 0.0 || beta <= 0.0 {
            return Err(Error::value("gammavariate: alpha and beta must be > 0.0"));
        }
        let mut rounds = 0u64;
        if alpha > 1.0 {
            let ainv = pymath::sqrt(2.0 * alpha - 1.0)?;
            let bbb = alpha - LOG4;
            let ccc = alpha + ainv;
            loop {
                rounds += 1;
                if rounds >= MAX_ROUNDS {
                    return Err(endless("gammavariate"));
                }
                let u1 = self.random();
                if !(1e-7 < u1 && u1 < 0.9999999) {
                    continue;
                }
                let u2 = 1.0 - self.random();
                let v = pymath::log(u1 / (1.0 - u1))? / ainv;
                let x = alpha * pymath::exp(v)?;
                let z = u1 * u1 * u2;
                let r = bbb + ccc * v - x;
                if r + SG_MAGICCONST - 4.5 * z >= 0.0 || r >= pymath::log(z)? {
                    return Ok(x * beta);
                }
            }
        } else if alpha == 1.0 {
            Ok(-(1.0 - self.random()).np_log() * beta)
        } else {
            loop {
                rounds += 1;
                if rounds >= MAX_ROUNDS {
                    return Err(endless("gammavariate"));
                }
                let u = self.random();
                let b = (E + alpha) / E;
                let p = b * u;
                let x = if p <= 1.0 {
                    pymath::pow(p, 1.0 / alpha)?
                } else {
                    -pymath::log((b - p) / alpha)?
                };
                let u1 = self.random();
                if p > 1.0 {
                    if u1 <= pymath::pow(x, alpha - 1.0)? {
                        return Ok(x * beta);
                    }
                } else if u1 <= pymath::exp(-x)? {
                    return Ok(x * beta);
                }
            }
        }
    }

    /// `random.betavariate(alpha, beta)`: `y = gammavariate(alpha, 1)`; if y is 0,
    /// return 0.0 without the second gamma, else `y / (y + gammavariate(beta, 1))`.
    ///
    /// ```
    /// use nprand::python::Random;
    /// // random.seed(0); random.betavariate(2.0, 3.0)
    /// let x = Random::new(0).betavariate(2.0, 3.0).unwrap();
    /// assert!((0.0..=1.0).contains(&x));
    /// ```
    pub fn betavariate(&mut self, alpha: f64, beta: f64) -> Result<f64> {
        let y = self.gammavariate(alpha, 1.0)?;
        if y != 0.0 {
            let g = self.gammavariate(beta, 1.0)?;
            return pymath::div(y, y + g);
        }
        Ok(0.0)
    }

    /// `random.paretovariate(alpha)` = `(1 - random()) ** (-1 / alpha)`.
    ///
    /// ```
    /// use nprand::python::Random;
    /// // random.seed(0); random.paretovariate(3.0)
    /// assert!(Random::new(0).paretovariate(3.0).unwrap() >= 1.0);
    /// // random.paretovariate(0) -> ZeroDivisionError
    /// assert!(Random::new(0).paretovariate(0.0).is_err());
    /// ```
    pub fn paretovariate(&mut self, alpha: f64) -> Result<f64> {
        let u = 1.0 - self.random();
        pymath::pow(u, pymath::div(-1.0, alpha)?)
    }

    /// `random.weibullvariate(alpha, beta)` = `alpha * (-log(1 - random())) ** (1 / beta)`.
    ///
    /// ```
    /// use nprand::python::Random;
    /// // random.seed(0); random.weibullvariate(1.0, 2.0)
    /// assert!(Random::new(0).weibullvariate(1.0, 2.0).unwrap() >= 0.0);
    /// ```
    pub fn weibullvariate(&mut self, alpha: f64, beta: f64) -> Result<f64> {
        let u = 1.0 - self.random();
        Ok(alpha * pymath::pow(-u.np_log(), pymath::div(1.0, beta)?)?)
    }

    /// `random.binomialvariate(n, p)` (new in Python 3.12): geometric skipping for
    /// `n * p < 10`, else Hörmann's BTRS with CPython's own `lgamma`.
    ///
    /// ```
    /// use nprand::python::Random;
    /// // random.seed(0); random.binomialvariate(100, 0.3)   (Python 3.12+)
    /// let k = Random::new(0).binomialvariate(100, 0.3).unwrap();
    /// assert!((0..=100).contains(&k));
    /// // random.binomialvariate(5, 1.5) -> ValueError
    /// assert_eq!(Random::new(0).binomialvariate(5, 1.5).unwrap_err().message(),
    ///            "p must be in the range 0.0 <= p <= 1.0");
    /// ```
    pub fn binomialvariate(&mut self, n: i64, p: f64) -> Result<i64> {
        if n < 0 {
            return Err(Error::value("n must be non-negative"));
        }
        if p <= 0.0 || p >= 1.0 {
            if p == 0.0 {
                return Ok(0);
            }
            if p == 1.0 {
                return Ok(n);
            }
            return Err(Error::value("p must be in the range 0.0 <= p <= 1.0"));
        }
        if n == 1 {
            return Ok((self.random() < p) as i64);
        }
        if p > 0.5 {
            return Ok(n - self.binomialvariate(n, 1.0 - p)?);
        }
        let nf = n as f64;
        if nf * p < 10.0 {
            let mut x: i64 = 0;
            let mut y: i128 = 0;
            let c = pymath::log2(1.0 - p)?;
            if c == 0.0 {
                return Ok(x);
            }
            loop {
                y += pymath::floor(pymath::log2(self.random())? / c)? + 1;
                if y > n as i128 {
                    return Ok(x);
                }
                x += 1;
            }
        }
        // n*p >= 10 (or NaN) and p <= 0.5
        let spq = pymath::sqrt(nf * p * (1.0 - p))?;
        let b = 1.15 + 2.53 * spq;
        let a = -0.0873 + 0.0248 * b + 0.01 * p;
        let c = nf * p + 0.5;
        let vr = 0.92 - 4.2 / b;
        let mut setup: Option<(f64, f64, i128, f64)> = None;
        loop {
            let mut u = self.random();
            u -= 0.5;
            let us = 0.5 - u.abs();
            let k = pymath::floor((pymath::div(2.0 * a, us)? + b) * u + c)?;
            if k < 0 || k > n as i128 {
                continue;
            }
            let mut v = self.random();
            if us >= 0.07 && v <= vr {
                return Ok(k as i64);
            }
            let (alpha, lpq, m, h) = match setup {
                Some(s) => s,
                None => {
                    let alpha = (2.83 + 5.1 / b) * spq;
                    let lpq = pymath::log(p / (1.0 - p))?;
                    let m = pymath::floor(((n as i128 + 1) as f64) * p)?;
                    let h = pymath::lgamma((m + 1) as f64)?
                        + pymath::lgamma((n as i128 - m + 1) as f64)?;
                    let s = (alpha, lpq, m, h);
                    setup = Some(s);
                    s
                }
            };
            v *= alpha / (pymath::div(a, us * us)? + b);
            let rhs =
                h - pymath::lgamma((k + 1) as f64)? - pymath::lgamma((n as i128 - k + 1) as f64)?
                    + (k - m) as f64 * lpq;
            if pymath::log(v)? <= rhs {
                return Ok(k as i64);
            }
        }
    }
}
