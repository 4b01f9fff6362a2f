"""Call pools shared by the tests: method calls written as Python source, evaluated on
NumPy's / CPython's objects and on nprand's (``eval("rng." + call)``), and read by
nprand's evaluator when Rust draws them (``nprand.draw``)."""

import math
import random

import numpy as np

LEGACY = [
    "random_sample()", "random_sample(3)", "random()", "rand(2, 2)", "randn(3)",
    "standard_normal()", "standard_normal(3)", "normal(1.5, 2.0, 2)", "normal()",
    "randint(100)", "randint(-5, 5, size=4)", "randint(0, 2**40)",
    "randint(0, 200, dtype=np.uint8, size=3)", "randint(0, 2, dtype=bool)",
    "randint(-100, 100, size=3, dtype=np.int8)", "random_integers(5)",
    "uniform(-1, 1, 3)", "uniform()", "exponential(2.0, 2)", "standard_exponential()",
    "gamma(2.5, 1.0, 2)", "gamma(0.5)", "standard_gamma(3.0)", "poisson(3.0, 3)",
    "poisson(50)", "binomial(10, 0.3, 3)", "binomial(100, 0.6)", "choice(10, 3)",
    "choice(10, 3, replace=False)", "choice(5, p=[0.1, 0.2, 0.3, 0.2, 0.2])",
    "choice([1.5, 2.5, 3.5])", "permutation(7)", "permutation([3, 1, 2])", "beta(2, 3)",
    "tomaxint()", "bytes(5)", "standard_t(3)", "geometric(0.3, 2)",
    "hypergeometric(10, 5, 7)", "zipf(2.0)", "lognormal(0, 1)", "chisquare(3, 2)",
    "laplace()", "logistic()", "vonmises(0, 1)", "wald(1, 1)", "weibull(2)", "pareto(3)",
    "power(2)", "rayleigh()", "triangular(0, 1, 2)", "negative_binomial(5, 0.5)",
    "logseries(0.5)", "dirichlet([1, 2, 3])", "multinomial(10, [0.2, 0.8])",
    "multivariate_normal([0, 0], [[1, 0], [0, 1]])", "standard_cauchy(2)", "f(3, 4)",
    "noncentral_chisquare(3, 1)", "noncentral_f(3, 4, 1)", "gumbel()",
    "normal([0, 1, 2], 1)", "poisson([1, 2, 3])",
    # The package's bulk fast path: plain numbers and a size.
    "normal(size=4)", "normal(0, 1, (2, 3))", "normal(loc=2, size=2)", "uniform(size=(2, 2))",
    "poisson(5, size=(3,))", "poisson(50, 3)", "binomial(10, 0.5, 0)", "random_sample(0)",
    "binomial(20, 0.3, 5)", "exponential(size=3)", "standard_gamma(2.5, 3)",
    "gamma(0.5, 2.0, 3)", "standard_normal((2, 2))", "standard_exponential(3)",
    "random_sample((3, 1))",
]

GENERATOR = [
    "random()", "random(3)", "random(2, dtype=np.float32)", "standard_normal(3)",
    "standard_normal()", "standard_normal(dtype=np.float32)", "normal(1, 2, 2)",
    "integers(0, 10, 3)", "integers(0, 5, dtype=np.uint32)", "integers(10, dtype=np.int32)",
    "integers(0, 200, dtype=np.uint8, size=3)", "integers(0, 2, dtype=bool)",
    "integers(-2**40, 2**40)", "integers(0, 10, endpoint=True)", "uniform(0, 1, 2)",
    "exponential(1.5, 2)", "standard_exponential(2, dtype=np.float32)",
    "standard_exponential(method='inv')", "gamma(2.5)", "gamma(0.5, 2, 2)",
    "standard_gamma(0.3)", "poisson(4, 3)", "poisson(100)", "binomial(10, 0.4, 2)",
    "binomial(1000, 0.5)", "choice(10, 3)", "choice(10, 3, replace=False)",
    "choice(5, p=[0.1, 0.2, 0.3, 0.2, 0.2])", "choice([1.5, 2.5])", "permutation(6)",
    "beta(2, 3)", "bytes(5)", "hypergeometric(10, 5, 7)", "zipf(2.0)",
    "multivariate_normal([0, 0], [[1, 0], [0, 1]])", "dirichlet([1, 2])",
    "multinomial(10, [0.2, 0.8])", "logseries(0.5)", "geometric(0.3)", "standard_t(3)",
    "vonmises(0, 1)", "triangular(0, 1, 2)", "laplace()", "negative_binomial(5, 0.5)",
    "lognormal()", "chisquare(2)", "wald(1, 2)", "weibull(1.5)", "pareto(2)", "power(3)",
    "rayleigh(2)", "gumbel()", "logistic()", "standard_cauchy()", "f(2, 3)",
    "noncentral_chisquare(2, 1)", "noncentral_f(2, 3, 1)",
    "multivariate_hypergeometric([3, 4, 5], 6)", "normal([0, 1], [1, 2])",
    # The package's bulk fast path: plain numbers and a size.
    "normal(size=4)", "normal(0, 1, (2, 3))", "uniform(size=(2, 2))", "poisson(5, size=(3,))",
    "poisson(50, 3)", "integers(5, size=3)", "integers(-3, 7, 4)", "integers(0, 2**62, 3)",
    "integers(0, 1000, 5)", "binomial(10, 0.5, 0)", "random(size=0)", "binomial(20, 0.3, 5)",
    "exponential(2, size=3)", "standard_gamma(0.5, 3)", "gamma(2.5, 1.0, 3)",
    "standard_normal((2, 2))", "standard_exponential(3)", "random((3, 1))",
]

PYTHON = [
    "random()", "gauss()", "gauss(1, 2)", "normalvariate()", "randrange(10)",
    "randrange(0, 100, 7)", "randrange(2**80)", "randint(1, 6)", "getrandbits(7)",
    "getrandbits(100)", "uniform(1, 2)", "choice([1, 2, 3])", "sample([1, 2, 3, 4, 5], 3)",
    "sample([1, 2, 3], 2, counts=[2, 1, 3])", "shuffle([1, 2, 3, 4])", "expovariate(2.0)",
    "gammavariate(2, 1)", "gammavariate(0.5, 1)", "betavariate(2, 3)", "lognormvariate(0, 1)",
    "vonmisesvariate(0, 1)", "triangular()", "triangular(0, 10, 3)", "paretovariate(2)",
    "weibullvariate(1, 2)", "randbytes(5)", "choices([1, 2, 3], k=3)",
    "choices([1, 2, 3], [1, 0, 5], k=2)",
]

# Calls NumPy / CPython refuse: the exception class and message must match.
LEGACY_ERRORS = [
    "normal(0, -1)", "randint(0)", "randint(5, 1)", "randint(0, 300, dtype=np.uint8)",
    "choice(0)", "choice(5, 6, replace=False)", "choice(3, p=[0.5, 0.6, 0.1])",
    "uniform(0, np.inf)", "poisson(-1)", "binomial(-1, 0.5)", "binomial(5, 1.5)",
    "gamma(-1)", "exponential(-2)", "hypergeometric(1, 1, 5)", "zipf(0.5)",
    "randint(0, 10, dtype='float')", "beta(0, 1)", "permutation(-1)", "rand(-1)",
    "choice([])", "dirichlet([])", "multinomial(10, [0.5, 0.6])", "logseries(2)",
    "normal(size=-1)", "normal(0, -1, 3)", "poisson(-1, 2)", "binomial(-1, 0.5, 2)",
    "binomial(5, 1.5, 2)", "gamma(-1, 1, 2)", "exponential(-2, 3)", "uniform(0, np.inf, 2)",
    "poisson(1e20, 2)", "standard_gamma(-1, 2)", "normal(0, -1, 0)", "normal(0, 1, (2, -1))",
]
GENERATOR_ERRORS = [
    "normal(0, -1)", "integers(0)", "integers(5, 1)", "integers(0, 300, dtype=np.uint8)",
    "choice(0, 2)", "choice(5, 6, replace=False)", "choice(3, p=[0.5, 0.6, 0.1])",
    "uniform(0, np.inf)", "poisson(-1)", "binomial(-1, 0.5)", "gamma(-1)",
    "exponential(-2)", "integers(0, 10, dtype=np.float64)", "random(dtype=np.int32)",
    "beta(0, 1)", "permutation(-1)", "standard_normal(-1)", "zipf(0.5)",
    "hypergeometric(1, 1, 5)", "multinomial(10, [0.5, 0.6])", "logseries(2)",
    "multivariate_hypergeometric([1, 2], 5)", "normal(0, -1, 3)", "poisson(-1, 2)",
    "binomial(-1, 0.5, 2)", "gamma(-1, 1, 2)", "exponential(-2, 3)", "uniform(0, np.inf, 2)",
    "integers(5, 1, 3)", "integers(0, 0, 2)", "integers(0, 2**64, 2)", "poisson(1e20, 2)",
    "integers(5, 1, 0)", "normal(0, -1, 0)", "standard_gamma(-1, 2)",
]
PYTHON_ERRORS = [
    "randrange(0)", "randrange(5, 1)", "randrange(0, 10, 0)", "randint(5, 1)",
    "choice([])", "sample([1, 2], 3)", "sample([1, 2], -1)", "getrandbits(-1)",
    "expovariate(0)", "gammavariate(-1, 1)", "choices([1, 2], [1], k=1)",
    "randrange(1.5)", "randbytes(-1)", "sample({1, 2}, 1)",
]

NS = {"np": np, "math": math, "random": random}


def run(obj, call):
    """``obj.<call>``, as Python source."""
    return eval("obj." + call, dict(NS), {"obj": obj})


def same(a, b):
    """Bit-for-bit equality of two results, types and dtypes included."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return (type(a) is type(b) and a.dtype == b.dtype and a.shape == b.shape
                and a.tobytes() == b.tobytes())
    if isinstance(a, np.generic) or isinstance(b, np.generic):
        return type(a) is type(b) and a.tobytes() == b.tobytes()
    if isinstance(a, float) and isinstance(b, float):
        return type(a) is type(b) and (a == b or (math.isnan(a) and math.isnan(b))) \
            and math.copysign(1, a) == math.copysign(1, b)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(map(same, a, b))
    return type(a) is type(b) and a == b


def outcome(obj, call):
    """``("ok", value)`` or ``("raise", exception class name, message)``."""
    try:
        return ("ok", run(obj, call))
    except Exception as e:  # noqa: BLE001 -- the exception is what is compared
        return ("raise", type(e).__name__, str(e))


def state_of(obj):
    """A generator's full state, as comparable plain values."""
    if isinstance(obj, np.random.RandomState):
        s = obj.get_state(legacy=False)
        return ("RS", s["state"]["key"].tolist(), s["state"]["pos"], s["has_gauss"], s["gauss"])
    if isinstance(obj, np.random.Generator):
        return plain(obj.bit_generator.state)
    return obj.getstate()


def plain(x):
    if isinstance(x, dict):
        return {k: plain(v) for k, v in x.items()}
    if isinstance(x, np.ndarray):
        return x.tolist()
    return x
