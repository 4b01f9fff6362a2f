"""The ``Generator`` family: ``fixtures/generator/cases.json`` from real NumPy 2.4.6, every
method on every bit generator.

Layout::

    {"numpy_version": "2.4.6",
     "cases": [
       {"id": "core_pcg64_12345",
        "gen": "pcg64",            # mt19937 | pcg64 | pcg64dxsm | philox | sfc64 | default
        "seed": "12345",           # Generator(Gen(seed)) (default: np.random.default_rng(seed))
        "calls": [
          {"call": "random(3)", "result": R},
          {"call": "uniform(1, 0)", "error": {"type": "ValueError", "message": "high - low < 0"}}],
        "state": "<json.dumps(rng.bit_generator.state) with arrays as lists>"},
       ...]}

``R`` is the one result encoding of ``fixgen.common`` (kind, dtype, shape, exact tokens; a
SHA-256 and head above ``INLINE_MAX`` elements). The calls of a case run in order on one
generator; a call that raises does not stop the case. The same call language is what
``nprand eval --generator ...`` evaluates (``fixgen.generator_call`` runs it on NumPy).
"""

from __future__ import annotations

import os
import sys

from fixgen.common import NUMPY_VERSION, write_json
from fixgen.generator_call import ALL_GENS, run_case


# =============================================================================================
# The cases
# =============================================================================================

INT_DTYPES = ["np.int8", "np.uint8", "np.int16", "np.uint16", "np.int32", "np.uint32",
              "np.int64", "np.uint64", "np.bool_"]
BOUNDS = {"np.int8": (-128, 128), "np.uint8": (0, 256), "np.int16": (-2**15, 2**15),
          "np.uint16": (0, 2**16), "np.int32": (-2**31, 2**31), "np.uint32": (0, 2**32),
          "np.int64": (-2**63, 2**63), "np.uint64": (0, 2**64), "np.bool_": (0, 2)}


def core_calls() -> list:
    """Group 1, run on every bit generator: uniform floats, ziggurat, integers, bytes."""
    c = [
        "random()", "random(5)", "random((2, 3))", "random(dtype=np.float32)",
        "random(7, dtype=np.float32)", "random(size=())", "random(0)",
        "standard_normal()", "standard_normal(9)", "standard_normal(dtype=np.float32)",
        "standard_normal(9, dtype=np.float32)", "standard_normal(100000)",
        "standard_normal(100000, dtype=np.float32)",
        "standard_exponential()", "standard_exponential(9)",
        "standard_exponential(100000)", "standard_exponential(100000, dtype=np.float32)",
        "standard_exponential(5, dtype=np.float32)", "standard_exponential(4, method='inv')",
        "standard_exponential(4, dtype=np.float32, method='inv')",
        "normal()", "normal(10, 2)", "normal(1, 3, size=4)", "normal([0, 10], [[1], [2]])",
        "normal(0, [1, 2, 3], size=(2, 3))", "normal(0, 0, size=2)",
        "exponential()", "exponential(2.5, size=3)", "exponential([1, 10, 100])",
        "uniform()", "uniform(-1, 2, size=3)", "uniform([0, 1], [[2], [3]])", "uniform(5, 5, size=2)",
        "bytes(7)", "bytes(0)", "bytes(12)", "bytes(1)",
        "integers(10)", "integers(0, 10, size=5)", "integers(-5, 5, size=4, endpoint=True)",
        "integers(5, dtype=int)", "integers(2, dtype=bool)", "integers(0, 2**40, size=3)",
        "integers(-2**63, 2**63 - 1, size=3, endpoint=True)", "integers(0, 2**32, size=3, dtype=np.int64)",
        "integers(0, 2**32 - 1, size=3, endpoint=True)",
        "integers(0, 2**63 + 1, size=6, dtype=np.uint64)", "integers(2**31 + 1, size=8, dtype=np.uint32)",
        "integers(129, size=40, dtype=np.uint8)", "integers(32769, size=20, dtype=np.uint16)",
        "integers(5, 5, endpoint=True, size=3)", "integers(7, 8, size=3, dtype=np.uint8)",
    ]
    for dt in INT_DTYPES:
        lo, hi = BOUNDS[dt]
        c.append("integers(%d, %d, size=9, dtype=%s)" % (lo, hi, dt))
        c.append("integers(%d, %d, size=5, dtype=%s, endpoint=True)" % (lo, hi - 1, dt))
        c.append("integers(%d, %d, dtype=%s)" % (lo, hi, dt))
        c.append("integers(%d, %d, size=7, dtype=%s)" % (lo, lo + (hi - lo) // 3 + 1, dt))
        c.append("integers(%d, %d, size=3, dtype=%s)" % (lo, lo + 1, dt))
    c.append("random(3)")
    return c


def int_edge_calls() -> list:
    c = []
    for dt in INT_DTYPES:
        lo, hi = BOUNDS[dt]
        c += ["integers(%d, %d, dtype=%s)" % (lo - 1, hi, dt),
              "integers(%d, %d, dtype=%s)" % (lo, hi + 1, dt),
              "integers(%d, %d, dtype=%s, endpoint=True)" % (lo, hi, dt),
              "integers([%d, %d], [%d, %d], dtype=%s)" % (lo, lo, hi, lo + 1, dt),
              "integers(%d, [%d, %d, %d], size=(2, 3), dtype=%s)" % (lo, lo + 1, hi, lo + 2, dt),
              "integers([%d], %d, size=5, dtype=%s, endpoint=True)" % (lo, hi - 1, dt),
              "integers([%d], [%d], dtype=%s)" % (lo - 1, hi, dt),
              "integers([%d], [%d], dtype=%s)" % (lo, hi + 1, dt)]
    c += [
        "integers(0)", "integers(-1)", "integers(-1, endpoint=True)", "integers(0, endpoint=True)",
        "integers(5, 5)", "integers(5, 4, endpoint=True)", "integers(1.5, 10.7, size=3)",
        "integers(float('nan'))", "integers(10, 5, size=0)", "integers(5, size=(2, 0))",
        "integers(5, size=[True, True, None])", "integers(5, size=(int, 2))",
        "choice([1, 2], ['3', 4])", "permutation(2**63-1)",
        "choice([2**64], p=-1e308)", "choice(['a', 'b'], size=(2, -1))",
        "choice([None, 1], 1.5, replace=False)",
        "choice([2**63], [-1, 2**63])", "choice(5, [-1, 2**63], replace=False)",
        # Ints past i128: NumPy's errors whatever the magnitude.
        "integers(10**40)", "integers(-10**40, 0, dtype=np.int8)", "integers(0, [10**40, 5])",
        "integers(5, size=10**40)", "random(size=(2, -10**40))", "choice(10**40)",
        "permutation(10**40)", "binomial(10**40, 0.5)", "poisson(10**40)", "normal(0, -10**40)",
        "choice(5, p=[10**40, 0, 0, 0, 0])", "multinomial(10**40, [0.5, 0.5])",
        "hypergeometric(10**40, 5, 3)", "integers(2**200, dtype=np.uint64)", "bytes(10**40)",
        "standard_gamma(-10**40)", "zipf(-10**40)", "multivariate_hypergeometric([10**40, 1], 1)",
        "triangular([1, 2**200], 10**40, 65536)", "standard_normal([1, 2**200], 10**40)",
        # the broadcasting multinomial's np.empty(size, dtype=np.int8) comes first
        "multinomial(2**53+1, [[0.5]], 2**53-1)",
        "multinomial([1, 2, 3], [[[0.5, 0.5]]], 1.5)", "multinomial([1, 2, 3], [[[0.5, 0.5]]], True)",
        "integers(5, dtype=np.float64)", "integers(5, dtype='>i4')", "integers(5, dtype='i4')",
        "integers(5, dtype='u1')", "integers(5, dtype='<u2')", "integers(5, dtype=np.intc)",
        "integers([0, 0], [0, 2])", "integers([0, 1], [0, 2], dtype=np.uint8)",
        "integers([1.5, 2.5], [3.7, 9.2])", "integers([0], [2**64], dtype=np.uint64)",
        "integers([0], [2**64 - 1], dtype=np.uint64, endpoint=True)",
        "integers([-3, 0, 3], 10, size=(4, 3), dtype=np.int16)",
        "integers([0, 1], [[2], [3]], dtype=np.bool_)", "integers([[0], [1]], 2, dtype=bool)",
        "integers([0, 1, 2], [3, 4])", "integers([0, 1], 5, size=(3,))",
        "integers(0, [2**40, 2**20, 2**33], dtype=np.uint64)",
        "integers(-2**63, [2**63 - 1, 0], dtype=np.int64, endpoint=True)",
        "integers('', [1, 2], dtype=np.int8)", "integers([0, 0], ['a', 'b'], dtype=np.uint8, endpoint=True)",
        "integers(0, [None, 1], dtype=np.int16, endpoint=True)", "integers([None], [1, 2], dtype=np.bool_)",
        "integers([-1000], [None], dtype=np.uint64)", "integers([-1000], [None], dtype=np.int32)",
        "integers(['1', 2], [3, '4'], size=(3, 2), dtype=np.int64, endpoint=True)",
        "bytes(-1)", "bytes(-5)", "bytes(-9)", "bytes(2.5)",
        "random(dtype=np.int64)", "random(-1)", "random(2.5)", "standard_normal(dtype='f2')",
        "normal(0, -1)", "normal(0, [1, -1])", "normal([0, 1], [1, 2, 3])",
        "normal(0, 1, size=(3,), )", "normal(0, [1, 2], size=3)", "normal(0, float('nan'))",
        "normal('a')", "exponential(-0.0)", "exponential(float('nan'), size=2)",
        "uniform(1, 0)", "uniform(0, float('inf'))", "uniform([0], [float('inf')])",
        "uniform([1], [0])", "uniform([0, 1], [1, 2, 3])",
    ]
    return c


def dist_calls() -> list:
    """Groups 2 and 3: every distribution, scalar/array/broadcast forms, every branch."""
    return [
        # gamma family
        "standard_gamma(0.5)", "standard_gamma(1.0, size=3)", "standard_gamma(3.5, size=5)",
        "standard_gamma(0)", "standard_gamma([0.1, 1, 10, 1e5])", "standard_gamma(2000, size=40)",
        "standard_gamma(0.01, size=60)", "standard_gamma(float('nan'))",
        "standard_gamma(2.5, dtype=np.float32)", "standard_gamma(0.5, size=20, dtype=np.float32)",
        "standard_gamma([0.3, 1, 4], dtype=np.float32)", "standard_gamma(1, size=4, dtype=np.float32)",
        "standard_gamma(1e-50, dtype=np.float32)", "standard_gamma(-1, dtype=np.float32)",
        "standard_gamma(-1)", "standard_gamma([1, -1])",
        "gamma(2, 3)", "gamma([0.5, 2], 2, size=(3, 2))", "gamma(2, -1)", "gamma(0, 2, size=2)",
        "beta(0.5, 0.5, size=10)", "beta(2, 3, size=5)", "beta(0.5, 3)", "beta(1e-200, 1e-200, size=10)",
        "beta(1e-300, 0.5, size=5)", "beta(0.5, 1e-300, size=3)", "beta(0.01, 0.01, size=30)", "beta(0, 1)", "beta([1, 2], [0.5])",
        "chisquare(3, size=4)", "chisquare([0.5, 30])", "chisquare(0)",
        "f(3, 7, size=4)", "f([1, 2], 5)", "f(0, 1)", "f(1, -2)",
        "noncentral_chisquare(3, 2, size=4)", "noncentral_chisquare(0.5, 2, size=6)",
        "noncentral_chisquare(3, 0, size=2)", "noncentral_chisquare(3, float('nan'))",
        "noncentral_chisquare([0.5, 1, 5], [0, 1, 50])", "noncentral_chisquare(0, 1)",
        "noncentral_chisquare(1, -1)",
        "noncentral_f(3, 7, 1.5, size=3)", "noncentral_f(0.5, 2, [0, 3])", "noncentral_f(1, 1, -1)",
        "standard_t(5, size=4)", "standard_t([0.5, 100])", "standard_t(0)",
        "standard_cauchy()", "standard_cauchy(5)",
        # other continuous
        "vonmises(0.5, 4, size=5)", "vonmises(0, 0, size=3)", "vonmises(1, 1e-9, size=2)",
        "vonmises(1, 1e-6, size=3)", "vonmises(-2, 1e7, size=5)", "vonmises(3, 1e-5, size=2)",
        "vonmises(2.9, [0.5, 100, 1e6, 2e6])", "vonmises(0, float('nan'))", "vonmises(0, -1)",
        "pareto(3, size=4)", "pareto([0.5, 10])", "pareto(0)",
        "weibull(1.5, size=4)", "weibull(0, size=2)", "weibull([0.5, 3])", "weibull(-1)",
        "power(2, size=4)", "power([0.5, 5])", "power(0)",
        "laplace(1, 2, size=4)", "laplace([0, 10], 0)", "laplace(0, -1)",
        "gumbel(1, 2, size=4)", "gumbel([0, 1], [[1], [2]])", "gumbel(0, -1)",
        "logistic(1, 2, size=4)", "logistic([0, 1], 3)", "logistic(0, -1)",
        "lognormal(0, 1, size=4)", "lognormal([0, 1], 0.5)", "lognormal(0, -1)",
        "rayleigh(2, size=4)", "rayleigh([1, 3])", "rayleigh(-1)",
        "wald(1, 2, size=4)", "wald([0.5, 3], [1, 10])", "wald(0, 1)", "wald(1, 0)",
        "triangular(0, 1, 3, size=4)", "triangular([0, 1], 2, [3, 4])", "triangular(0, 0, 1, size=3)",
        "triangular(0, 1, 1, size=3)", "triangular(1, 0, 2)", "triangular(0, 3, 2)", "triangular(1, 1, 1)",
        "triangular([1], [0], [2])", "triangular([0, 0], [1, 1], [0, 2])",
        # discrete
        "binomial(10, 0.3, size=5)", "binomial(10, 0.7, size=5)", "binomial(1000, 0.4, size=20)",
        "binomial(1000, 0.6, size=20)", "binomial(100000, 0.5, size=40)", "binomial(0, 0.5, size=2)",
        "binomial(10, 0, size=2)", "binomial(10, 1, size=2)", "binomial(10.5, 0.5)",
        "binomial([10, 100, 1000], [[0.1], [0.9]])", "binomial(2**40, 0.3, size=3)",
        "binomial(70, 0.45, size=30)", "binomial(-1, 0.5)", "binomial(5, 1.5)", "binomial(5, float('nan'))",
        "binomial([5, -1], 0.5)", "binomial(5, [0.5, 2])", "binomial('5', 0.5)", "binomial(2**63, 0.5)",
        "poisson()", "poisson(3.5, size=5)", "poisson(100, size=10)", "poisson(0, size=2)",
        "poisson([0.5, 10, 1e6])", "poisson(1e12, size=3)", "poisson(-1)", "poisson(1e19)",
        "poisson([1e19])", "poisson([float('nan')])", "poisson(float('nan'))",
        "negative_binomial(5, 0.5, size=5)", "negative_binomial(0.5, 0.9, size=5)",
        "negative_binomial([1, 100], [0.1, 0.99])", "negative_binomial(5, 1, size=2)",
        "negative_binomial(float('nan'), 0.5)", "negative_binomial(1e300, 0.001)",
        "negative_binomial(5, 0)", "negative_binomial(0, 0.5)", "negative_binomial([5, 6], [0.5, 0.5, 0.5])",
        "negative_binomial([5, float('nan')], 0.5)",
        "geometric(0.2, size=5)", "geometric(0.5, size=5)", "geometric(1, size=2)", "geometric(1e-10, size=3)",
        "geometric([0.1, 0.9])", "geometric(0)", "geometric(1.5)",
        "zipf(2, size=5)", "zipf(1.5, size=10)", "zipf(1e4, size=2)", "zipf([1.1, 3])", "zipf(1)",
        "logseries(0.9, size=10)", "logseries(0, size=2)", "logseries([0.1, 0.999999])",
        "logseries(1)", "logseries(-0.1)",
        "hypergeometric(100, 200, 50, size=5)", "hypergeometric(5, 10, 3, size=5)",
        "hypergeometric(200, 100, 50, size=5)", "hypergeometric(100, 200, 250, size=5)",
        "hypergeometric(10, 10, 15, size=5)", "hypergeometric(5, 5, 0)", "hypergeometric(0, 5, 3)",
        "hypergeometric(10**6, 10**6, 10**5, size=3)", "hypergeometric(5.5, 5, 3)",
        "hypergeometric([10, 100], [20, 5], [5, 50])", "hypergeometric(5, 5, 11)",
        "hypergeometric(-1, 5, 3)", "hypergeometric(10**9, 5, 3)", "hypergeometric(5, 5, -1)",
        "hypergeometric([5, 5], 5, [11, 3])", "hypergeometric(5, [10**9], 3)",
        # multivariate
        "multinomial(20, [0.2, 0.3, 0.5])", "multinomial(20, [0.2, 0.3, 0.5], size=3)",
        "multinomial(1000, [0.1, 0.2, 0.7], size=(2, 2))", "multinomial(5, [0.5, 0.6])",
        "multinomial(0, [0.5, 0.5])", "multinomial([10, 20], [0.5, 0.5])",
        "multinomial(10, [[0.1, 0.9], [0.5, 0.5]])", "multinomial([[5], [50]], [[0.1, 0.9], [0.5, 0.5]])",
        "multinomial(5.5, [0.5, 0.5])", "multinomial(-1, [0.5])", "multinomial(5, [])",
        "multinomial(5, 0.5)", "multinomial(5, [0.5, 1.5])", "multinomial(5, [0.7, 0.7, 0.1])",
        "multinomial([1, 2], [0.5, 0.5], size=3)",
        "dirichlet([1, 2, 3])", "dirichlet([0.5, 0.5], size=3)", "dirichlet([0.01, 0.05, 0.02], size=4)",
        "dirichlet([0.01, 0, 0.02], size=2)", "dirichlet([0, 0])", "dirichlet([10, 1e-3])",
        "dirichlet([-1, 2])", "dirichlet(5)", "dirichlet([[1, 2]])", "dirichlet([1, 2], size=(2, 2))",
        "dirichlet([0.5, 0.5], size=(1,)*64)", "multinomial(5, [0.5, 0.5], size=(1,)*64)",
        "multinomial([5, 6], [0.5, 0.5], size=(1,)*63+(2,))",
        "multivariate_hypergeometric([3, 3], 2, size=(1,)*64)",
        "multivariate_hypergeometric([10, 5, 3], 6)", "multivariate_hypergeometric([10, 5, 3], 12, size=3)",
        "multivariate_hypergeometric([10, 5, 3], 6, size=2, method='count')",
        "multivariate_hypergeometric([10, 5, 3], 12, size=2, method='count')",
        "multivariate_hypergeometric([100, 200, 300], 250, size=2)",
        "multivariate_hypergeometric([1, 2], 4)", "multivariate_hypergeometric([1, 2], -1)",
        "multivariate_hypergeometric([1, -2], 1)", "multivariate_hypergeometric([1, 2], 1, method='x')",
        "multivariate_hypergeometric([1, 2], 1.5)", "multivariate_hypergeometric([], 0)",
        "multivariate_hypergeometric([10**9, 1], 5)",
        # sequences
        "choice(5)", "choice(5, size=3)", "choice(5, size=())", "choice([1.5, 2.5, 3.5])",
        "choice([1, 2, 3], size=(2, 2))", "choice([[1, 2], [3, 4], [5, 6]])",
        "choice([[1, 2], [3, 4], [5, 6]], size=2)", "choice(10, size=3, replace=False)",
        "choice(10, size=10, replace=False)", "choice(10, size=4, replace=False, shuffle=False)",
        "choice(20000, size=500, replace=False)", "choice(20000, size=50, replace=False)",
        "choice(20000, size=300, replace=False, shuffle=False)", "choice(3, p=[0.1, 0.2, 0.7])",
        "choice(4, size=6, p=[0.1, 0.2, 0.3, 0.4])", "choice(5, size=3, replace=False, p=[0.1, 0.2, 0.3, 0.2, 0.2])",
        "choice(5, size=5, replace=False, p=[0.1, 0.2, 0.3, 0.2, 0.2])",
        "choice([True, False], size=4)", "choice(0)", "choice(0, size=0)", "choice([])",
        "choice(-1)", "choice(5.5)", "choice(3, size=5, replace=False)", "choice(3, p=[0.5, 0.5])",
        "choice(3, p=[0.5, 0.6, 0.1])", "choice(3, p=[-0.5, 1, 0.5])", "choice(3, p=[float('nan'), 0.5, 0.5])",
        "choice(3, p=0.5)", "choice(3, p=[[0.5, 0.5, 0]])", "choice(3, size=3, replace=False, p=[0.5, 0.5, 0])",
        "choice([[1, 2, 3], [4, 5, 6]], size=2, axis=1)", "choice([[1, 2, 3], [4, 5, 6]], axis=-1)",
        "choice([[1, 2, 3], [4, 5, 6]], size=(), axis=1)", "choice([[1.5, 2.5], [3.5, 4.5]], size=(2, 3), axis=1)",
        "choice([[[1, 2], [3, 4]], [[5, 6], [7, 8]], [[9, 0], [1, 2]]], size=3, axis=2)",
        "choice([[1, 2, 3], [4, 5, 6]], size=3, replace=False, p=[0.2, 0.3, 0.5], axis=1)",
        "choice([[1, 2, 3], [4, 5, 6]], size=2, replace=False, axis=-1, shuffle=False)",
        "choice([[1, 2, 3], [4, 5, 6]], size=2, axis=2)", "choice([[1, 2, 3], [4, 5, 6]], size=2, axis=-3)",
        "choice([[1, 2, 3], [4, 5, 6]], size=2, axis=1.5)", "choice([[1, 2, 3], [4, 5, 6]], size=2, axis=None)",
        "choice([[1, 2, 3], [4, 5, 6]], size=2, axis=True)", "choice([[1, 2, 3], [4, 5, 6]], size=2, p=[0.5, 0.5], axis=1)",
        "choice([[], []], size=0, axis=1)", "choice([[], []], size=1, axis=1)", "choice(5, size=3, axis=4)",
        "shuffle([1, 2, 3, 4, 5])", "permutation(10)", "permutation([1.5, 2.5, 3.5])",
        "permutation([[1, 2], [3, 4], [5, 6]])", "permutation([[1, 2, 3], [4, 5, 6]], axis=1)",
        "permutation(0)", "permutation(-3)", "permutation(5.5)",
        "permuted([1, 2, 3, 4, 5, 6])", "permuted([[1, 2, 3], [4, 5, 6]])",
        "permuted([[1, 2, 3], [4, 5, 6]], axis=1)", "permuted([[1, 2, 3], [4, 5, 6]], axis=0)",
        "permuted([[1, 2, 3], [4, 5, 6]], axis=-1)", "permuted([[1, 2], [3, 4]], axis=2)",
        "random(3)",
    ]


def regression_calls() -> list:
    """Calls the evaluator once got wrong (each its own case, so the older cases' final
    states stay as they were)."""
    return [
        # size='' is np.empty('')'s shape (): a 0-d array (#11's size= unification)
        "normal(size='')", "random(size='')",
        # a large population without replacement: Floyd's algorithm, no arange(pop) (#12)
        "choice(2**53 - 1, None, [])", "choice(2**40, size=3, replace=False)",
        "choice(2**40, size=3, replace=False, shuffle=False)",
        # the hostile fuzzer's value-vs-error mismatches (#12, session 6)
        "choice(2**63)", "choice(2**63, (2, 2))", "dirichlet([1, 2], size=True)",
        "multinomial(3, [0.5, 0.5], size=True)", "permutation(2**63)",
        "multivariate_hypergeometric([1, 2], 2, size=[1, 2])",
        # more than 64 dimensions: without replacement NumPy draws before `idx.shape =
        # size` raises, and np.take raises after the draws (session 9's no_panic case)
        "choice(5, size=(1,)*65, replace=False)", "random()",
        "choice(5, size=(1,)*65)", "random()",
        "choice(5, size=(1,)*65, replace=False, p=[0.2, 0.2, 0.2, 0.2, 0.2])", "random()",
        "choice([[[0.5], [1.5]]], size=(1,)*63, axis=1)", "random()",
        "choice([[[0.5], [1.5]]], size=(1,)*63, replace=False, axis=1)", "random()",
        "choice([[[0.5], [1.5]]], size=(1,)*63, replace=False, axis=1, shuffle=False)",
        "random()",
        # the same for any size np.prod takes that is no shape (a bool, a float, a nested
        # list): drawn, then `idx.shape = size` raises (session 11's hostile fuzz)
        "choice([1, 2, 3], True, False)", "random()",
        "choice([1, 2, 3], [[2], [1]], False)", "random()",
        "choice([1, 2, 3], [True], False)", "random()",
        "choice([1, 2, 3], 2.5, False, shuffle=False)", "random()",
        "choice(30000, [[20000]], False)", "random()",
        "choice([1, 2, 3], True, False, p=[0.2, 0.3, 0.5])", "random()",
    ]


SEEDS = [0, 12345, 2**100 + 7]


def cases() -> list:
    out = []
    for gen in ALL_GENS:
        for seed in SEEDS:
            out.append(run_case("core_%s_%s" % (gen, seed), gen, seed, core_calls()))
    for gen in ALL_GENS:
        out.append(run_case("int_edges_%s" % gen, gen, 7, int_edge_calls()))
    for gen in ALL_GENS:
        for seed in (1, 987654321):
            out.append(run_case("dists_%s_%s" % (gen, seed), gen, seed, dist_calls()))
    for gen in ALL_GENS:
        out.append(run_case("regressions_%s" % gen, gen, 3, regression_calls()))
    return out


def generate(out_dir: str) -> dict:
    cs = cases()
    write_json(os.path.join(out_dir, "cases.json"), {"numpy_version": NUMPY_VERSION, "cases": cs})
    return {"cases": len(cs), "calls": sum(len(c["calls"]) for c in cs)}


if __name__ == "__main__":
    from fixgen.common import family_main
    sys.exit(family_main("generator"))
