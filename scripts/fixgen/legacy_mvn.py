"""Fixture cases for ``RandomState.multivariate_normal`` (part of ``fixgen.legacy``).

Each case runs its calls in order on one ``RandomState`` built from ``init`` (the format of
``fixgen.legacy``'s CASES; call strings stay within ``npcall.check_call_grammar``).

How the Rust side must compare these fixtures
---------------------------------------------
* Values: not bitwise. NumPy takes ``sqrt(s)[:, None] * v`` from ``numpy.linalg.svd`` (LAPACK
  ``dgesdd`` on OpenBLAS); nprand ports the same LAPACK code path, but OpenBLAS's optimised
  kernels round differently, and differently per CPU. tests/common/mvn.rs holds the rule:
  relative 1e-10, plus what another kernel may legitimately change for a (near-)singular
  covariance or a repeated eigenvalue (NaN matches NaN).
* The generator state after each call: **exactly** (the draws are rows * n legacy normals).
* Warnings (``check_valid='warn'`` with a non-PSD cov) are not recorded by ``npcall.eval_call``;
  the values of such calls are.

NumPy quirks these cases steer around
-------------------------------------
* ``multivariate_normal`` draws its normals BEFORE the SVD and before validating
  ``check_valid``, so "covariance is not symmetric positive-semidefinite." (check_valid='raise'),
  "check_valid must equal 'warn', 'raise', or 'ignore'" and LinAlgError "SVD did not converge"
  (NaN in cov) advance the generator when size > 0. fixgen.legacy asserts that a failing call
  leaves the generator untouched, so those errors are recorded here with ``size=0``, which draws
  nothing (the SVD and the checks still run). nprand reproduces the advance for size > 0 too
  (see tests/multivariate.rs).
* "SVD did not converge" is ``numpy.linalg.LinAlgError`` (a ValueError subclass).
* Singular covariances whose zero eigenvalues come out of LAPACK as rounding noise (~1e-16,
  e.g. ``B @ B.T`` for a random non-square ``B``) give NumPy output that carries that noise
  (sqrt ~1e-8) and depends on the BLAS kernels; they are left out. The singular cases below
  are exact (``[[1, 1], [1, 1]]``, zero on a diagonal).
"""

from __future__ import annotations

_COV3 = "[[2.0, 0.3, -0.4], [0.3, 1.5, 0.2], [-0.4, 0.2, 1.0]]"
_COV4 = ("[[4.0, 1.2, -0.6, 0.3], [1.2, 3.0, 0.5, -0.2], [-0.6, 0.5, 2.0, 0.7], "
         "[0.3, -0.2, 0.7, 1.0]]")
# Positive-definite 5x5 and 6x6 covariances (eigenvalues 0.38..11.5 and 0.63..3.5).
_COV5 = ("[[9, 2, -3, 1, 0], [2, 6, 1, -2, 1], [-3, 1, 7, 2, -1], [1, -2, 2, 5, 1], "
         "[0, 1, -1, 1, 4]]")
_COV6 = ("[[3.1, 0.4, -0.2, 0.5, 0.0, 0.3], [0.4, 2.2, 0.1, -0.3, 0.6, 0.0], "
         "[-0.2, 0.1, 1.7, 0.2, -0.4, 0.1], [0.5, -0.3, 0.2, 2.5, 0.3, -0.2], "
         "[0.0, 0.6, -0.4, 0.3, 1.9, 0.4], [0.3, 0.0, 0.1, -0.2, 0.4, 1.3]]")


def cases():
    return [
        {"id": "mvn_basic", "init": {"seed": 12345}, "calls": [
            "multivariate_normal([0, 0], [[1, 0.5], [0.5, 2]], size=5)",
            "multivariate_normal([0, 0], [[1, 0.5], [0.5, 2]])",                 # size=None: (2,)
            "multivariate_normal([0, 0], [[1, 0.5], [0.5, 2]], size=(1,)*64)",   # 65 dimensions
            "multivariate_normal([1, -1], [[6, -3], [-3, 3.5]], size=(2, 3))",   # (2, 3, 2)
            "multivariate_normal([3.5], [[4]], size=3)",                         # 1x1
            "multivariate_normal([1, 2, 3], " + _COV3 + ", size=4)",
            "multivariate_normal([0, 0, 0, 0], " + _COV4 + ", size=3)",
            "multivariate_normal([1, 2, 3, 4, 5], " + _COV5 + ", size=2)",
            "multivariate_normal([0, 1, 2, 3, 4, 5], " + _COV6 + ", size=(3, 1))",
            "multivariate_normal([0, 0], [[1, 0.999999], [0.999999, 1]], size=2)",
            "multivariate_normal([0, 0], [[1, 0], [0, 1]], size=())",            # shape (2,)
            "multivariate_normal([0, 0], [[1, 0], [0, 1]], size=0)",             # (0, 2), no draw
        ]},
        # The SVD sorts singular values in descending order: these swap components.
        {"id": "mvn_diagonal", "init": {"seed": 7}, "calls": [
            "multivariate_normal([0, 10], [[1, 0], [0, 4]], size=3)",
            "multivariate_normal([0, 0, 0], [[1, 0, 0], [0, 9, 0], [0, 0, 4]], size=2)",
            "multivariate_normal([0, 0, 0], [[2, 0, 0], [0, 1, 0], [0, 0, 2]], size=2)",
            "multivariate_normal([5, 6, 7], [[1, 0, 0], [0, 1, 0], [0, 0, 1]], size=2)",
            "multivariate_normal([0, 0, 0, 0], [[1, 0, 0, 0], [0, 2, 0, 0], [0, 0, 2, 0], "
            "[0, 0, 0, 1]], size=2)",
        ]},
        # Odd number of normals: the cached gaussian carries over to the next call.
        {"id": "mvn_gauss_cache", "init": {"seed": 99}, "calls": [
            "multivariate_normal([0, 0, 0], " + _COV3 + ", size=1)",
            "standard_normal()",
            "multivariate_normal([0, 0, 0], " + _COV3 + ")",
            "multivariate_normal([0, 0, 0], " + _COV3 + ", size=3)",
        ]},
        {"id": "mvn_singular_and_not_psd", "init": {"seed": 2024}, "calls": [
            "multivariate_normal([0, 0], [[1, 1], [1, 1]], size=3)",             # singular PSD
            "multivariate_normal([0, 0, 0], [[0, 0, 0], [0, 3, 0], [0, 0, 1]], size=2)",
            "multivariate_normal([0, 0], [[1, 2], [2, 1]], size=3)",             # warns
            "multivariate_normal([0, 0], [[1, 2], [2, 1]], size=3, check_valid='ignore')",
            "multivariate_normal([0, 0], [[1, 2], [3, 4]], size=2, check_valid='ignore')",
            "multivariate_normal([1], [[-2]], size=3, check_valid='ignore')",
            "multivariate_normal([0, 0], [[1, 1.0001], [1.0001, 1]], size=2, tol=1e-3)",
            "multivariate_normal([0, 0], [[1e300, 1e299], [1e299, 1e300]], size=2)",
            "multivariate_normal([0, 0], [[1e-300, 0], [0, 2e-300]], size=2)",
        ]},
        {"id": "mvn_errors", "init": {"seed": 5}, "calls": [
            "multivariate_normal([[0, 0]], [[1, 0], [0, 1]])",   # mean must be 1 dimensional
            "multivariate_normal(0, [[1]])",                     # mean must be 1 dimensional
            "multivariate_normal([0, 0], [1, 1])",               # cov must be 2 dimensional ...
            "multivariate_normal([0, 0], [[1, 0, 0], [0, 1, 0]])",
            "multivariate_normal([0], [[1, 0], [0, 1]])",        # mean and cov must have ...
            "multivariate_normal([], [[]], size=2)",             # cov is 1x0: not square
            # Raised after drawing in NumPy: size=0 keeps the generator untouched.
            "multivariate_normal([0, 0], [[1, 2], [2, 1]], size=0, check_valid='raise')",
            "multivariate_normal([0, 0], [[1, 0], [0, 1]], size=0, check_valid='Warn')",
            "multivariate_normal([0, 0], [[nan, 0], [0, 1]], size=0)",   # LinAlgError
            "multivariate_normal([0, 0], [[1, 0], [0, 1]], size=2)",     # still NumPy's stream
        ]},
    ]


if __name__ == "__main__":  # check the cases against NumPy with the fixture pipeline's rules
    import os
    import sys

    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from npcall import check_call_grammar, eval_call, make_rs, state_to_json  # noqa: E402

    n = 0
    for case in cases():
        rs = make_rs(case["init"])
        for call in case["calls"]:
            check_call_grammar(call)
            before = state_to_json(rs)
            res = eval_call(rs, call)
            n += 1
            if "error" in res:
                assert state_to_json(rs) == before, f"{case['id']}: {call} raised after drawing"
                print(f"{case['id']}: {call} -> {res['error']['type']}: {res['error']['message']}")
            else:
                print(f"{case['id']}: {call} -> shape {res['shape']}")
    print(f"{n} calls OK")
