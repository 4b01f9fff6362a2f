"""Fixture cases for the continuous legacy distributions (part of ``fixgen.legacy``).

Methods: standard_gamma, gamma, chisquare, f, beta, noncentral_chisquare, noncentral_f,
standard_t, dirichlet (src/legacy/gamma.rs) and standard_cauchy, pareto, weibull, power,
lognormal, rayleigh, wald, vonmises, laplace, gumbel, logistic, triangular
(src/legacy/continuous.rs).

Each case runs its calls in order on one ``RandomState`` built from ``init`` (the format of
``fixgen.legacy``'s CASES; call strings stay within ``npcall.check_call_grammar``). Every value
and the state after every case must match bit for bit.

What the cases cover
--------------------
* Every branch: standard_gamma shape < 1 / == 1 / == 0 (no draw) / > 1 (gaussian, shares the
  cache with standard_normal); beta's Johnk (a <= 1 and b <= 1; tiny a, b reach the log-space
  fallback or 0/0 = NaN) vs the gamma ratio; noncentral_chisquare nonc == 0 / df > 1 / df <= 1
  (Poisson mixture: multiplication for nonc/2 < 10, PTRS for >= 10, the NaN guard after the
  draws, and nonc = inf where C's ``2 * LONG_MIN`` wraps to 0); vonmises kappa NaN (no draw),
  < 1e-8 (mu ignored), < 1e-5, general, and the fmod wrap; weibull(0) without a draw.
* NaN / inf / 1e-300 / 1e300 parameters, scalar and ``size=`` calls, broadcasting, and the
  error messages (constraint texts, triangular's checks and its ufunc broadcast error).

Left out on purpose
-------------------
* ``vonmises`` with kappa >= ~1e16 (or inf): NumPy's legacy loop never terminates there
  (the setup rounds to s == 1 or NaN); nprand returns a ValueError instead.
"""

from __future__ import annotations


def cases():
    return [
        {"id": "cont_standard_gamma", "init": {"seed": 12345}, "calls": [
            "standard_gamma(0.5)",                  # shape < 1
            "standard_gamma(0.5, size=20)",
            "standard_gamma(1)",                    # exponential
            "standard_gamma(0)",                    # 0.0, no draw
            "standard_gamma(2.5, size=10)",         # Marsaglia-Tsang, leaves a cached gaussian
            "standard_gamma(2.5)",
            "standard_gamma(1e-300, size=3)",
            "standard_gamma(1e300)",
            "standard_gamma(inf)",
            "standard_gamma(nan)",
            "standard_gamma([0.5, 1, 2.5, 0])",
            "standard_gamma(-1)",                   # shape < 0
            "standard_gamma(-0.0)",                 # -0.0 is rejected too
            "standard_gamma([1, -1])",
        ]},
        {"id": "cont_gamma_cache", "init": {"seed": 7}, "calls": [
            "standard_normal()",                    # caches a gaussian...
            "gamma(2.5, 2.0)",                      # ...which gamma(shape > 1) consumes
            "gamma(0.5, 2.0, size=20)",
            "gamma(0, 5, size=2)",
            "gamma([0.5, 1, 2.5], 2.0, size=(2, 3))",
            "gamma([[0.5], [4.0]], [1.0, 2.0, 3.0])",
            "gamma(2.0, nan)",
            "gamma(1, -2)",                         # scale < 0
            "gamma(-1, 2)",                         # shape < 0
            "gamma([1, 2], [1, 2, 3])",             # broadcast error
            "gamma([1, 2], 1.0, size=(3,))",
        ]},
        {"id": "cont_chisquare_f_t", "init": {"seed": 42}, "calls": [
            "chisquare(2, 4)",
            "chisquare(0.5, size=5)",
            "chisquare(5e-324)",                    # df/2 == 0: no draw
            "chisquare([1, 10, 100])",
            "chisquare(0)",                         # df <= 0
            "chisquare(nan)",
            "f(5, 10)",
            "f(1, 48, size=6)",
            "f([1, 2], [[3], [4]])",
            "f(0, 1)",                              # dfnum <= 0
            "f(1, -1)",                             # dfden <= 0
            "standard_t(10, size=10)",
            "standard_t(0.5, size=5)",
            "standard_t(inf)",
            "standard_t(1e-300, size=2)",
            "standard_t(0)",
        ]},
        {"id": "cont_beta", "init": {"seed": 2024}, "calls": [
            "beta(0.5, 0.5)",
            "beta(0.5, 0.5, size=20)",              # Johnk
            "beta(2, 5, size=10)",                  # two gammas
            "beta(0.5, 3, size=5)",                 # mixed: gammas
            "beta(1e-3, 1e-3, size=20)",            # Johnk, powers underflow -> log-space fallback
            "beta(1e-300, 1e-300, size=3)",         # 0/0 -> NaN
            "beta(nan, 0.5)",
            "beta(inf, 1)",
            "beta([0.5, 2], [[0.5], [3]], size=(2, 2))",
            "beta(0, 1)",                           # a <= 0
            "beta(1, -1)",                          # b <= 0
        ]},
        {"id": "cont_noncentral_chisquare", "init": {"seed": 99999}, "calls": [
            "noncentral_chisquare(3, 20, size=10)",
            "noncentral_chisquare(3, 0, size=3)",   # nonc == 0: chisquare
            "noncentral_chisquare(0.5, 2, size=10)",   # df <= 1, Poisson multiplication
            "noncentral_chisquare(1, 50, size=10)",    # df <= 1, Poisson PTRS
            "noncentral_chisquare(0.5, 1e7, size=3)",
            "noncentral_chisquare(0.5, nan, size=3)",  # NaN after the draws
            "noncentral_chisquare(0.5, inf, size=2)",  # C's 2*LONG_MIN wraps to 0
            "noncentral_chisquare(0.5, 1e300)",
            "noncentral_chisquare(1e-300, 1)",
            "noncentral_chisquare([0.5, 3], [[0], [1], [30]])",
            "noncentral_chisquare(0, 1)",           # df <= 0
            "noncentral_chisquare(1, -1)",          # nonc < 0
        ]},
        {"id": "cont_noncentral_f", "init": {"seed": 3}, "calls": [
            "noncentral_f(3, 20, 3)",
            "noncentral_f(3, 20, 3, size=10)",
            "noncentral_f(0.5, 20, 1.5, size=5)",
            "noncentral_f(0.5, 20, 25, size=5)",
            "noncentral_f(1, 1, nan)",
            "noncentral_f([1, 5], 10, [[0], [2]])",
            "noncentral_f(0, 1, 1)",
            "noncentral_f(1, 0, 1)",
            "noncentral_f(1, 1, -1)",
        ]},
        {"id": "cont_dirichlet", "init": {"seed": 54321}, "calls": [
            "dirichlet([10, 5, 3])",
            "dirichlet([10, 5, 3], size=4)",
            "dirichlet([0.5, 0.5], size=(2, 3))",
            "dirichlet([0.01, 0.02, 0.05], size=5)",   # shape < 1 gammas
            "dirichlet([1e-300, 1e-300])",             # 0/0 -> NaN
            "dirichlet([1, nan, 2])",                  # NaN passes
            "dirichlet([], size=3)",
            "dirichlet([2.5, 1], size=0)",
            "dirichlet([1, 0])",                       # alpha <= 0
            "dirichlet([0.5, 0.5], size=(1,)*63)",     # 64 dimensions
            "dirichlet([0.5, 0.5], size=(1,)*64)",     # 65: size + (k,) counts
            "dirichlet([0.5, nan], size=(1,)*65)",
            "dirichlet([0.5, 0.5], size=(1.5,)+(1,)*64)",  # the count before the entries
        ]},
        {"id": "cont_cauchy_pareto_weibull_power", "init": {"seed": 0}, "calls": [
            "standard_cauchy()",
            "standard_cauchy(10)",
            "pareto(3, 5)",
            "pareto(1e-300, 2)",                    # exp overflow: inf
            "pareto([0.5, 3, nan])",
            "pareto(0)",                            # a <= 0
            "weibull(5, size=5)",
            "weibull(0, size=3)",                   # 0.0, no draw
            "weibull(1e-300)",
            "weibull([0, 1, 2], size=(2, 3))",
            "weibull(-1)",                          # a < 0
            "power(5, 5)",
            "power(0.5, size=3)",
            "power([nan, 1])",
            "power(0)",                             # a <= 0
        ]},
        {"id": "cont_lognormal_rayleigh_wald", "init": {"seed": 123}, "calls": [
            "lognormal()",
            "lognormal(3, 1, size=5)",
            "lognormal(1000)",                      # inf
            "lognormal([0, 1], [[1], [0.5]])",
            "lognormal(0, -1)",                     # sigma < 0
            "rayleigh()",
            "rayleigh(3, size=5)",
            "rayleigh([1, 2, inf])",
            "rayleigh(-1)",
            "wald(3, 2)",
            "wald(3, 2, size=10)",
            "wald(1e-300, 1e300, size=2)",
            "wald(1e300, 1e-300, size=2)",
            "wald([1, 2], [[0.5], [3]])",
            "wald(0, 1)",                           # mean <= 0
            "wald(1, 0)",                           # scale <= 0
        ]},
        {"id": "cont_vonmises", "init": {"seed": 1000}, "calls": [
            "vonmises(0.5, 4)",
            "vonmises(0, 4, size=10)",
            "vonmises(3, 1e-9, size=5)",            # kappa < 1e-8: mu ignored
            "vonmises(0, 0, size=2)",
            "vonmises(1, 5e-6, size=3)",            # kappa < 1e-5
            "vonmises(3.0, 1e3, size=5)",           # result + mu wraps through fmod
            "vonmises(-3.0, 100, size=5)",
            "vonmises(0, 1e15, size=2)",
            "vonmises(0, nan, size=2)",             # NaN, no draw
            "vonmises(inf, 1)",
            "vonmises([0, 1, 2], [[0.5], [50]])",
            "vonmises(0, -1)",                      # kappa < 0
            "vonmises([0], [1, -1])",
        ]},
        {"id": "cont_laplace_gumbel_logistic", "init": {"seed": 65536}, "calls": [
            "laplace()",
            "laplace(1, 2, size=10)",
            "laplace([0, 10], [[1], [inf]])",
            "laplace(0, -1)",
            "gumbel()",
            "gumbel(0.5, 0.1, size=10)",
            "gumbel([0, 1], 2, size=(3, 2))",
            "gumbel(0, -1)",
            "logistic()",
            "logistic(10, 1, size=10)",
            "logistic([1, 2], [0.5, 1])",
            "logistic(0, -1)",
        ]},
        {"id": "cont_triangular", "init": {"seed": 31337}, "calls": [
            "triangular(-3, 0, 8)",
            "triangular(-3, 0, 8, size=10)",
            "triangular(0, 0, 1, size=3)",          # mode == left
            "triangular(0, 1, 1, size=3)",          # mode == right
            "triangular(nan, 0, 1)",                # NaN passes every check
            "triangular(-inf, 0, inf, size=2)",
            "triangular([0, 1], [2, 3], [[4], [5]])",
            "triangular(0, [0.2, 0.8], 1, size=(3, 2))",
            "triangular(1, 0, 8)",                  # left > mode
            "triangular(0, 9, 8)",                  # mode > right
            "triangular(1, 1, 1)",                  # left == right
            "triangular([0, 2], [1], [3])",         # left > mode (array)
            "triangular([0], [1, 4], [3])",         # mode > right (array)
            "triangular([1, 2], [3, 4, 5], 6)",     # operands could not be broadcast together
            "triangular([1, 2], 3, [6, 7, 8])",     # the same error, from np.equal(left, right)
            "triangular([0, 1], 2, 3, size=(3,))",  # cont's broadcast error
        ]},
    ]
