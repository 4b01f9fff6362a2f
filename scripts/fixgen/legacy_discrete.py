"""Fixture cases for the discrete legacy distributions (src/legacy/discrete.rs).

Methods: binomial, poisson, negative_binomial, geometric, hypergeometric, logseries, zipf,
multinomial.

Each case runs its calls in order on one ``RandomState`` built from ``init`` (the format of
``fixgen.legacy``'s CASES; call strings stay within ``npcall.check_call_grammar``). Every value,
every error and the state after every case must match bit for bit.

What the cases cover
--------------------
* binomial: legacy inversion (``exp(n*log(q))``, the bound/restart) and BTPE (legacy 13680
  constant), the p > 0.5 complement for both, the dispatch boundary ``n*p == 30``, no zero
  shortcut (``binomial(0, p)``, ``binomial(n, 0)`` and ``binomial(n, 1)`` still draw), n near
  2**62 / 2**63 - 1 (BTPE's int64 ``-k*k`` wraps), float n truncated, the check order (p first).
* poisson: lam == 0 (no draw), multiplication (< 10), PTRS (>= 10), 1e18 and the largest allowed
  lam, ``lam value too large`` / ``lam < 0 or lam is NaN`` and the array form where NaN reports
  "too large".
* negative_binomial: shape < 1 / == 1 / > 1 gammas (the latter shares the gaussian cache with
  standard_normal), p == 1 (0 after the gamma draws), p == 0 (``(long)inf`` = -2**63), n NaN
  (0), n inf.
* geometric: search (p >= 1/3, the C literal boundary) and legacy inversion (``log(1-p)``), tiny p
  giving -2**63.
* hypergeometric: HYP (nsample <= 10), HRUA (> 10), good > bad / m < sample corrections, zero
  good or bad, populations near 2**63 that still return, the sum check first (int64 wrap),
  array checks with ``np.add``/``np.less`` and their ufunc broadcast error.
* logseries: p == 0, small and close-to-1 p; zipf: a near 1, a = 1024.99999 (returns 1);
  multinomial: the shared binomial of numpy 2.4.6 (n == 0 / p == 0 draw nothing), BTPE rows,
  the unchecked last p, size shapes, the error order.
* NumPy's own regression-test inputs (test_randomstate.py) for these methods.

Left out on purpose (NumPy never returns; nprand raises ValueError instead)
---------------------------------------------------------------------------
* ``zipf(a)`` with ``a >= 1025`` (``2**(a-1)`` is inf, every acceptance test is NaN), and
  ``a < 1 + 1e-12`` (tens of billions of attempts per value).
* ``hypergeometric`` with ``nsample > 10`` and ``ngood + nbad >= 2**63 - 2`` when HRUA's
  ``popsize + 2`` wraps to a negative int64 and either ``d9 <= -2`` (all log-densities NaN, e.g.
  ``hypergeometric(2**62, 2**62 - 1, 11)``) or ``d9 == -1`` with ``maxgb - m + 1`` overflowing
  too (e.g. ``hypergeometric(0, 2**63 - 1, 2**63 - 1)``).
* ``geometric(p)`` with p >= 1/3 when the uniform exceeds the limit of the float partial sums
  (about 1e-15 per draw for some p; not reachable from the seeds here).

Also left out: slow in NumPy and in nprand alike (nprand reproduces it)
-----------------------------------------------------------------------
* HRUA with ``nsample`` equal (or very close) to a huge population: only ``Z = 0`` is allowed
  while the proposal width follows ``nsample``, ~1.7*sqrt(popsize) iterations per value,
  billions near 2**62 (e.g. ``hypergeometric(2**62, 2**62 - 4, 2**63 - 4)``).
"""

from __future__ import annotations


def cases():
    return [
        {"id": "disc_binomial", "init": {"seed": 12345}, "calls": [
            "binomial(10, 0.3, size=20)",           # inversion
            "binomial(10, 0.3)",
            "binomial(100, 0.4, size=20)",          # BTPE
            "binomial(100, 0.9, size=10)",          # complement, inversion on q = 0.1
            "binomial(1000, 0.7, size=10)",         # complement, BTPE
            "binomial(60, 0.5, size=5)",            # n*p == 30: inversion
            "binomial(61, 0.5, size=5)",            # just above: BTPE
            "binomial(0, 0.5)",                     # 0, one double drawn anyway
            "binomial(5, 0.0, size=3)",             # 0, draws
            "binomial(5, 1.0, size=3)",             # 5, draws
            "binomial(100.7, 0.5)",                 # n truncated to 100
            "binomial(2**62, 0.5, size=10)",
            "binomial(2**63 - 1, 0.25, size=5)",
            "binomial(2**63 - 1, 1e-18, size=3)",
            "binomial(10**9, 5e-324, size=3)",
        ]},
        {"id": "disc_binomial_errors_broadcast", "init": {"seed": 4}, "calls": [
            "binomial(10, [[0.1], [0.9]], size=(2, 3))",
            "binomial([10, 100, 1000], [[0.1], [0.5], [0.95]])",
            "binomial([0, 5, 60], 0.5, size=(4, 3))",
            "binomial(10, 0.3, size=())",
            "binomial([], 0.5)",
            "binomial(-1, 1.5)",                    # p is checked first
            "binomial(-1, 0.5)",                    # n < 0
            "binomial(10, nan)",
            "binomial(10, -0.0)",                   # -0.0 passes BOUNDED_0_1
            "binomial([10, -20], [0.1, 2])",        # p first on arrays too
            "binomial([10, -20], [0.1, 0.2])",
            "binomial([10, 20], [0.1, nan])",
            "binomial([10, 20, 30], [0.1, 0.2])",   # shape mismatch: arg 0 is p
            "binomial([10, 20], [0.1, 0.2], size=(2, 1))",
            "binomial([10, 20], [0.1, 0.2], size=(3,))",
            "binomial(-1, 0.5, size=0)",            # checks run before the (empty) draw
        ]},
        {"id": "disc_poisson", "init": {"seed": 2718}, "calls": [
            "poisson()",
            "poisson(0.5, size=10)",                # multiplication
            "poisson(9.999999, size=5)",
            "poisson(10, size=10)",                 # PTRS
            "poisson(30)",
            "poisson(1234.5, size=5)",
            "poisson(0)",                           # no draw
            "poisson(0, size=5)",
            "poisson(1e-300, size=3)",
            "poisson(1e18, size=3)",
            "poisson(9.2e18, size=3)",
            "poisson([0, 1, 10, 100, 1e6])",
            "poisson([[1], [50]], size=(2, 4))",
            "poisson(-1)",
            "poisson(nan)",
            "poisson(-0.0)",                        # passes (-0.0 >= 0)
            "poisson(1e19)",                        # lam value too large
            "poisson(inf)",
            "poisson([1, nan])",                    # array: NaN reports "too large"
            "poisson([1, -1])",
            "poisson([1.0, 2.0], size=(3,))",
        ]},
        {"id": "disc_negative_binomial", "init": {"seed": 31415}, "calls": [
            "negative_binomial(1, 0.5, size=10)",   # gamma shape 1: exponential
            "negative_binomial(0.5, 0.5, size=10)", # shape < 1
            "standard_normal()",                    # caches a gaussian...
            "negative_binomial(100, 0.12345)",      # ...shape > 1 consumes it
            "negative_binomial(2.5, 0.01, size=5)", # large Poisson mean: PTRS
            "negative_binomial(5, 1.0, size=3)",    # 0, gamma still drawn
            "negative_binomial(5, 0.0, size=3)",    # -2**63
            "negative_binomial(nan, 0.5, size=3)",  # 0
            "negative_binomial(inf, 0.5)",
            "negative_binomial(1e-300, 0.5, size=3)",
            "negative_binomial([1, 10, 100], [[0.1], [0.9]])",
            "negative_binomial(0, 0.5)",            # n <= 0
            "negative_binomial(-0.0, 0.5)",
            "negative_binomial(1, nan)",
            "negative_binomial(-1, 1.5)",           # n first
            "negative_binomial([1, 2], [0.5, 2])",
            "negative_binomial([1, 2], [0.5, 0.5, 0.5])",
        ]},
        {"id": "disc_geometric_logseries", "init": {"seed": 161803}, "calls": [
            "geometric(0.35, size=20)",             # search
            "geometric(0.333333333333333333333333, size=10)",   # the C literal: search
            "geometric(0.3333333333333333, size=10)",           # the same double
            "geometric(0.33333333333333326, size=10)",          # one ulp below: inversion
            "geometric(0.01, size=10)",             # inversion with log(1-p)
            "geometric(1.0, size=3)",               # 1, one double each
            "geometric(1e-300)",                    # log(1-p) == 0: -2**63
            "geometric(1e-17, size=3)",
            "geometric([0.01, 0.5, 1.0], size=(2, 3))",
            "geometric(0.0)",
            "geometric(1.5)",
            "geometric([0.5, nan])",
            "logseries(0.5, size=20)",
            "logseries(0.0, size=3)",               # 1, one double each
            "logseries(0.99, size=20)",
            "logseries(0.999999, size=10)",
            "logseries(1e-10, size=5)",
            "logseries([0.0, 0.5, 0.99], size=(3, 3))",
            "logseries(1.0)",
            "logseries(-0.1)",
            "logseries([0.5, nan])",
        ]},
        {"id": "disc_zipf", "init": {"seed": 1729}, "calls": [
            "zipf(2, size=20)",
            "zipf(1.23, size=(3, 2))",
            "zipf(1.0001, size=5)",                 # huge values, many rejections
            "zipf(3.5, size=10)",
            "zipf(100, size=5)",
            "zipf(1024.99999)",                     # still returns 1
            "zipf([1.5, 2, 1000], size=(2, 3))",
            "zipf(1.0)",
            "zipf(nan)",
            "zipf([1.5, 1.0])",
            "zipf([0, 0, nan])",
        ]},
        {"id": "disc_hypergeometric", "init": {"seed": 8675309}, "calls": [
            "hypergeometric(10, 5, 7, size=20)",    # HYP, good > bad
            "hypergeometric(5, 10, 7, size=10)",    # HYP, good < bad
            "hypergeometric(15, 15, 15, size=20)",  # HRUA
            "hypergeometric(100, 200, 250, size=10)",   # HRUA, m < sample
            "hypergeometric(200, 100, 250, size=10)",
            "hypergeometric(10**9, 10**9, 10**6, size=5)",
            "hypergeometric(2**61, 2**61, 2**60, size=3)",
            "hypergeometric(2**63 - 1, 0, 2**62, size=2)",  # d9 == -1: still returns
            "hypergeometric(3, 2**63 - 4, 100)",
            "hypergeometric(0, 5, 3, size=4)",      # HYP with 0 good: no draw
            "hypergeometric(0, 15, 12, size=4)",    # HRUA with 0 good: draws
            "hypergeometric(5, 5, 10, size=3)",     # the whole population
            "hypergeometric(10.1, 5.5, 14, size=(3, 2))",
            "hypergeometric([10, 20], [5, 30], [3, 12])",
            "hypergeometric([[10], [20]], [5, 30, 40], 11, size=(2, 3))",
        ]},
        {"id": "disc_hypergeometric_errors", "init": {"seed": 5}, "calls": [
            "hypergeometric(-10, 5, 3)",            # the sum check comes first
            "hypergeometric(5, 5, 11)",
            "hypergeometric(-1, 5, 3)",
            "hypergeometric(5, -1, 3)",
            "hypergeometric(5, 5, 0)",              # nsample < 1
            "hypergeometric(2**62, 2**62, 3)",      # the int64 sum wraps
            "hypergeometric([1, 2], [1, 2, 3], 1)",     # np.add broadcast error
            "hypergeometric([[1], [2]], [1, 2, 3], [1, 2])",    # np.less broadcast error
            "hypergeometric(5, 5, [20, 3])",
            "hypergeometric([2**62, 1], [2**62, 1], 3)",
            "hypergeometric([1, -2], 5, 3)",
            "hypergeometric([1, 2], [5, -1], 3)",
            "hypergeometric([1, 2], 5, [0, 1])",
            "hypergeometric([1, 2], [3, 4], [1, 2], size=(3,))",
            "hypergeometric(5, 5, [1, 2], size=(2, 1))",
            "hypergeometric(5, 5, 3, size=(2, 2))",
        ]},
        {"id": "disc_multinomial", "init": {"seed": 24601}, "calls": [
            "multinomial(20, [0.16666666666666666] * 6)",
            "multinomial(20, [0.16666666666666666] * 6, size=(3, 2))",
            "multinomial(100, [0.2, 0.8, 0.0, 0.0, 0.0], size=3)",  # p == 0: no draws
            "multinomial(0, [0.5, 0.5], size=3)",   # n == 0: no draws
            "multinomial(10**6, [0.1, 0.2, 0.3, 0.4], size=4)",     # BTPE
            "multinomial(2**62, [0.3, 0.3, 0.4])",
            "multinomial(5, [0.7, 0.7], size=2)",   # the last p is never checked
            "multinomial(100.5, [0.2, 0.8])",       # n truncated
            "multinomial(7, [1.0])",
            "multinomial(5, [], size=3)",
            "multinomial(100, [1.1, 0.2])",
            "multinomial(100, [-0.1, 0.9])",
            "multinomial(5, [nan, 0.5])",
            "multinomial(5, [0.6, 0.6, 0.0])",      # sum(pvals[:-1]) > 1.0
            "multinomial(-1, [0.8, 0.2])",
            "multinomial(-1, [1.1, 0.2])",          # pvals first
            "multinomial(5, [0.5, 1.5], size=1.5)",     # pvals before size
            "multinomial(5, [0.6, 0.6, 0.0], size=[1, [2]])",
            "multinomial(-1, [0.5, 0.5], size=2**62)",  # size before n
            "multinomial(-1, [0.5, 0.5], size=(2, -1))",
            "multinomial(5, [0.5, 0.5], size=(1,)*64)",     # 65 dimensions
        ]},
        # NumPy's own tests (test_randomstate.py): TestRandomDist uses seed 1234567890 ...
        {"id": "disc_numpy_randomdist", "init": {"seed": 1234567890}, "calls": [
            "binomial(100.123, 0.456, size=(3, 2))",
            "binomial(100.123, 0.456)",
            "geometric(0.123456789, size=(3, 2))",
            "hypergeometric(10.1, 5.5, 14, size=(3, 2))",
            "hypergeometric(5, 0, 3, size=4)",
            "hypergeometric(15, 0, 12, size=4)",
            "logseries(p=0.923456789, size=(3, 2))",
            "multinomial(20, [0.16666666666666666] * 6, size=(3, 2))",
            "negative_binomial(n=100, p=0.12345, size=(3, 2))",
            "poisson(lam=0.123456789, size=(3, 2))",
            "zipf(a=1.23, size=(3, 2))",
            "negative_binomial(0.5, 0.5)",
        ]},
        # ... TestBroadcast uses seed 123456789 ...
        {"id": "disc_numpy_broadcast", "init": {"seed": 123456789}, "calls": [
            "binomial([1, 1, 1], [0.5])",
            "negative_binomial([1, 1, 1], [0.5])",
            "poisson([1, 1, 1])",
            "zipf([2, 2, 2])",
            "geometric([0.5, 0.5, 0.5])",
            "hypergeometric([1, 1, 1], [2], [2])",
            "hypergeometric([1], [2, 2, 2], [2])",
            "hypergeometric([1], [2], [2, 2, 2])",
            "hypergeometric([1], [2], [4, 4, 4])",
            "logseries([0.5, 0.5, 0.5])",
        ]},
        # ... and the INT_FUNCS table of the hash tests uses seed 1234 (size 50 here).
        {"id": "disc_numpy_int_funcs", "init": {"seed": 1234}, "calls": [
            "binomial(100.0, 0.6, size=50)",
            "geometric(0.5, size=50)",
            "hypergeometric(20, 20, 10, size=50)",
            "logseries(0.5, size=50)",
            "multinomial(20, [0.16666666666666666] * 6, size=8)",
            "negative_binomial(100, 0.5, size=50)",
            "poisson(10.0, size=50)",
            "zipf(2, size=50)",
        ]},
    ]
