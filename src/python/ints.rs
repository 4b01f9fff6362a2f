//! Integer methods: `getrandbits`, `randbelow`, `randrange`, `randint` (the sequence
//! methods built on them are in `sequences.rs`).

use super::{PyVersion, Random};
use crate::error::{Error, ErrorKind, Result};
use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive};

impl Random {
    /// `random.getrandbits(k)` for k <= 32, as a `u32` (the top k bits of one word;
    /// k == 0 returns 0 without drawing).
    ///
    /// # Panics
    /// If k > 32.
    ///
    /// ```
    /// use nprand::python::Random;
    /// // random.seed(3); random.getrandbits(8)
    /// let x = Random::new(3).getrandbits_u32(8);
    /// assert!(x < 256);
    /// assert_eq!(x, Random::new(3).getrandbits(8).unwrap().to_string().parse::<u32>().unwrap());
    /// ```
    #[inline]
    pub fn getrandbits_u32(&mut self, k: u32) -> u32 {
        assert!(k <= 32, "getrandbits_u32 takes k <= 32");
        if k == 0 {
            return 0;
        }
        self.mt.next_u32() >> (32 - k)
    }

    /// `random.getrandbits(k)` for k <= 64, as a `u64` (least significant word first).
    ///
    /// # Panics
    /// If k > 64.
    ///
    /// ```
    /// use nprand::python::Random;
    /// // random.seed(3); random.getrandbits(40)
    /// let x = Random::new(3).getrandbits_u64(40);
    /// assert!(x < 1 << 40);
    /// assert_eq!(x.to_string(), Random::new(3).getrandbits(40).unwrap().to_string());
    /// ```
    #[inline]
    pub fn getrandbits_u64(&mut self, k: u32) -> u64 {
        assert!(k <= 64, "getrandbits_u64 takes k <= 64");
        if k <= 32 {
            return self.getrandbits_u32(k) as u64;
        }
        let lo = self.mt.next_u32() as u64;
        let hi = (self.mt.next_u32() >> (64 - k)) as u64;
        lo | (hi << 32)
    }

    /// `random.getrandbits(k)` for k <= 128, as a `u128`.
    ///
    /// # Panics
    /// If k > 128.
    ///
    /// ```
    /// use nprand::python::Random;
    /// // random.seed(3); random.getrandbits(100)
    /// let x = Random::new(3).getrandbits_u128(100);
    /// assert!(x < 1 << 100);
    /// assert_eq!(x.to_string(), Random::new(3).getrandbits(100).unwrap().to_string());
    /// ```
    pub fn getrandbits_u128(&mut self, k: u32) -> u128 {
        assert!(k <= 128, "getrandbits_u128 takes k <= 128");
        if k <= 32 {
            return self.getrandbits_u32(k) as u128;
        }
        let mut out = 0u128;
        let mut left = k;
        let mut shift = 0;
        while left > 0 {
            let mut w = self.mt.next_u32();
            if left < 32 {
                w >>= 32 - left;
            }
            out |= (w as u128) << shift;
            shift += 32;
            left = left.saturating_sub(32);
        }
        out
    }

    /// `random.getrandbits(k)` for any k: `ceil(k/32)` words, least significant first,
    /// the last one keeping its top `k % 32` bits.
    ///
    /// k < 0 is `ValueError: number of bits must be non-negative`; k >= 2**31 is
    /// CPython 3.11's `OverflowError` (k is a C int there).
    ///
    /// ```
    /// use nprand::python::Random;
    /// // random.seed(1); random.getrandbits(1000).bit_length() <= 1000
    /// let x = Random::new(1).getrandbits(1000).unwrap();
    /// assert!(x.bits() <= 1000);
    /// // random.getrandbits(-1) -> ValueError
    /// assert_eq!(Random::new(1).getrandbits(-1).unwrap_err().message(),
    ///            "number of bits must be non-negative");
    /// ```
    pub fn getrandbits(&mut self, k: i64) -> Result<BigUint> {
        if k < 0 {
            return Err(Error::value("number of bits must be non-negative"));
        }
        if k > i32::MAX as i64 {
            return Err(Error::new(
                ErrorKind::OverflowError,
                "Python int too large to convert to C int",
            ));
        }
        let k = k as u64;
        if k <= 32 {
            return Ok(BigUint::from(self.getrandbits_u32(k as u32)));
        }
        let words = (k - 1) / 32 + 1;
        let mut digits = Vec::with_capacity(words as usize);
        let mut left = k;
        for _ in 0..words {
            let mut w = self.mt.next_u32();
            if left < 32 {
                w >>= 32 - left;
            }
            digits.push(w);
            left = left.saturating_sub(32);
        }
        Ok(BigUint::new(digits))
    }

    /// CPython's `_randbelow(n)` for n > 0 and n < 2**64: `k = n.bit_length()`, draw
    /// `getrandbits(k)` until it is below n. (A power of two uses one bit more than
    /// needed, and `n == 1` still draws.)
    ///
    /// # Panics
    /// If n == 0.
    ///
    /// ```
    /// use nprand::python::Random;
    /// // random.seed(0); random._randbelow(10)
    /// let x = Random::new(0).randbelow(10);
    /// assert!(x < 10);
    /// assert_eq!(x as i64, Random::new(0).randrange_stop(10).unwrap());
    /// ```
    pub fn randbelow(&mut self, n: u64) -> u64 {
        assert!(n > 0, "randbelow(0)");
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.getrandbits_u64(k);
            if r < n {
                return r;
            }
        }
    }

    /// `_randbelow(n)` for any n > 0.
    ///
    /// # Panics
    /// If n == 0.
    ///
    /// ```
    /// use nprand::python::Random;
    /// use num_bigint::BigUint;
    /// // random.seed(0); random._randbelow(2**100)
    /// let n = BigUint::from(1u8) << 100usize;
    /// assert!(Random::new(0).randbelow_big(&n) < n);
    /// ```
    pub fn randbelow_big(&mut self, n: &BigUint) -> BigUint {
        if let Some(small) = n.to_u64() {
            return BigUint::from(self.randbelow(small));
        }
        let k = n.bits() as i64;
        loop {
            let r = self.getrandbits(k).expect("bit length fits");
            if &r < n {
                return r;
            }
        }
    }

    /// `random.randrange(start, stop, step)` on Python ints of any size; `stop = None`
    /// is `randrange(start)`. `step = None` means the default step (1), which is the
    /// only step allowed without a stop.
    ///
    /// Errors are CPython's: `ValueError` for an empty range or a zero step,
    /// `TypeError: Missing a non-None stop argument`.
    ///
    /// ```
    /// use nprand::python::Random;
    /// use num_bigint::BigInt;
    /// // random.seed(1); random.randrange(-2**70, 2**70, 3)
    /// let (a, b) = (-(BigInt::from(1) << 70usize), BigInt::from(1) << 70usize);
    /// let x = Random::new(1).randrange_big(&a, Some(&b), Some(&BigInt::from(3))).unwrap();
    /// assert!(a <= x && x < b && ((&x - &a) % 3u8) == BigInt::from(0));
    /// // random.randrange(10, 0, -2) in {10, 8, 6, 4, 2}
    /// let y = Random::new(1).randrange_big(&10.into(), Some(&0.into()), Some(&(-2).into())).unwrap();
    /// assert!(y > BigInt::from(0) && y <= BigInt::from(10));
    /// ```
    pub fn randrange_big(
        &mut self,
        start: &BigInt,
        stop: Option<&BigInt>,
        step: Option<&BigInt>,
    ) -> Result<BigInt> {
        let v312 = self.version == PyVersion::V3_12;
        let Some(stop) = stop else {
            if step.is_some_and(|s| !s.is_one()) {
                return Err(Error::type_error("Missing a non-None stop argument"));
            }
            if start.is_positive() {
                return Ok(BigInt::from(self.randbelow_big(start.magnitude())));
            }
            return Err(Error::value("empty range for randrange()"));
        };
        let width = stop - start;
        let one = BigInt::one();
        let step = step.unwrap_or(&one);
        if step.is_one() {
            if width.is_positive() {
                return Ok(start + BigInt::from(self.randbelow_big(width.magnitude())));
            }
            return Err(Error::value(if v312 {
                format!("empty range in randrange({start}, {stop})")
            } else {
                format!("empty range for randrange() ({start}, {stop}, {width})")
            }));
        }
        let n = match step.sign() {
            Sign::Plus => (&width + step - 1i32).div_floor(step),
            Sign::Minus => (&width + step + 1i32).div_floor(step),
            Sign::NoSign => return Err(Error::value("zero step for randrange()")),
        };
        if !n.is_positive() {
            return Err(Error::value(if v312 {
                format!("empty range in randrange({start}, {stop}, {step})")
            } else {
                "empty range for randrange()".to_string()
            }));
        }
        Ok(start + step * BigInt::from(self.randbelow_big(n.magnitude())))
    }

    /// `random.randrange(start, stop, step)` on `i64`.
    ///
    /// ```
    /// use nprand::python::Random;
    /// // random.seed(5); random.randrange(0, 100, 7)
    /// let x = Random::new(5).randrange(0, 100, 7).unwrap();
    /// assert!(x % 7 == 0 && (0..100).contains(&x));
    /// // random.randrange(5, 5) -> ValueError: empty range for randrange() (5, 5, 0)
    /// assert_eq!(Random::new(5).randrange(5, 5, 1).unwrap_err().message(),
    ///            "empty range for randrange() (5, 5, 0)");
    /// ```
    pub fn randrange(&mut self, start: i64, stop: i64, step: i64) -> Result<i64> {
        // Non-empty ranges in machine integers (the same draws as the big-int path: one
        // `_randbelow(n)`); empty ranges and a zero step take that path for its errors.
        let (start, width, step) = (start as i128, stop as i128 - start as i128, step as i128);
        let n = match step {
            1 => width,
            s if s > 0 => Integer::div_floor(&(width + s - 1), &s),
            s if s < 0 => Integer::div_floor(&(width + s + 1), &s),
            _ => 0,
        };
        if n > 0 {
            // n <= 2^64 - 1: |width| < 2^64 and |step| >= 1 (n = 2^64 needs width 2^64).
            let k = self.randbelow(n as u64) as i128;
            return Ok((start + step * k) as i64);
        }
        let (start, stop, step) = (start as i64, stop, step as i64);
        let r = self.randrange_big(
            &BigInt::from(start),
            Some(&BigInt::from(stop)),
            Some(&BigInt::from(step)),
        )?;
        Ok(r.to_i64().expect("a result in range(start, stop) fits i64"))
    }

    /// `random.randrange(stop)`.
    ///
    /// ```
    /// use nprand::python::Random;
    /// // random.seed(5); random.randrange(10)
    /// assert!((0..10).contains(&Random::new(5).randrange_stop(10).unwrap()));
    /// // random.randrange(0) -> ValueError: empty range for randrange()
    /// assert!(Random::new(5).randrange_stop(0).is_err());
    /// ```
    pub fn randrange_stop(&mut self, stop: i64) -> Result<i64> {
        if stop > 0 {
            return Ok(self.randbelow(stop as u64) as i64);
        }
        let r = self.randrange_big(&BigInt::from(stop), None, None)?;
        Ok(r.to_i64().expect("a result in range(stop) fits i64"))
    }

    /// `random.randint(a, b)` = `randrange(a, b + 1)`.
    ///
    /// ```
    /// use nprand::python::Random;
    /// // random.seed(42); random.randint(1, 6)
    /// assert!((1..=6).contains(&Random::new(42).randint(1, 6).unwrap()));
    /// // random.randint(5, 4) -> ValueError: empty range for randrange() (5, 5, 0)
    /// assert_eq!(Random::new(42).randint(5, 4).unwrap_err().message(),
    ///            "empty range for randrange() (5, 5, 0)");
    /// ```
    pub fn randint(&mut self, a: i64, b: i64) -> Result<i64> {
        // randrange(a, b + 1) in machine integers when the width fits a u64.
        let width = b as i128 - a as i128 + 1;
        if width > 0 && width <= u64::MAX as i128 {
            return Ok((a as i128 + self.randbelow(width as u64) as i128) as i64);
        }
        let r = self.randint_big(&BigInt::from(a), &BigInt::from(b))?;
        Ok(r.to_i64().expect("a result in [a, b] fits i64"))
    }

    /// `random.randint(a, b)` on Python ints of any size.
    ///
    /// ```
    /// use nprand::python::Random;
    /// use num_bigint::BigInt;
    /// // random.seed(42); random.randint(0, 2**100)
    /// let b = BigInt::from(1) << 100usize;
    /// assert!(Random::new(42).randint_big(&BigInt::from(0), &b).unwrap() <= b);
    /// ```
    pub fn randint_big(&mut self, a: &BigInt, b: &BigInt) -> Result<BigInt> {
        self.randrange_big(a, Some(&(b + 1)), None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The machine-integer paths of `randrange`/`randrange_stop`/`randint` give the
    /// big-int path's values, errors and generator states.
    #[test]
    fn machine_integer_paths_are_the_big_int_path() {
        let m = i64::MAX;
        let n = i64::MIN;
        let cases: &[(i64, i64, i64)] = &[
            (0, 10, 1),
            (0, 100, 7),
            (10, 0, -2),
            (-5, 5, 3),
            (5, 5, 1),
            (5, 4, 1),
            (0, 10, 0),
            (0, 10, -1),
            (n, m, 1),
            (n, m, 2),
            (m, n, -1),
            (m, n, -3),
            (n, m, m),
            (n, m, n),
            (-1, 0, 1),
            (0, 1, 1 << 40),
        ];
        let big = |v: i64| BigInt::from(v);
        for (seed, &(a, b, s)) in cases.iter().enumerate() {
            for _ in 0..3 {
                let mut fast = Random::new(seed as u64);
                let mut slow = fast.clone();
                for _ in 0..50 {
                    let want = slow
                        .randrange_big(&big(a), Some(&big(b)), Some(&big(s)))
                        .map(|r| r.to_i64().unwrap());
                    assert_eq!(fast.randrange(a, b, s), want, "{a} {b} {s}");
                    let want = slow.randrange_big(&big(b), None, None);
                    let got = fast.randrange_stop(b);
                    assert_eq!(got, want.map(|r| r.to_i64().unwrap()), "stop {b}");
                    let want = slow.randint_big(&big(a), &big(b));
                    let got = fast.randint(a, b);
                    assert_eq!(got, want.map(|r| r.to_i64().unwrap()), "randint {a} {b}");
                }
                assert_eq!(fast.mt().key(), slow.mt().key());
                assert_eq!(fast.mt().pos(), slow.mt().pos());
            }
        }
    }
}
