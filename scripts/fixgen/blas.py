"""``fixtures/blas/cases.json``: NumPy's small matrix products, rounded by its OpenBLAS.

Each case is an order ``n``, a row count and a seed; the inputs are
``x = RandomState(seed).standard_normal(rows * n)`` (row-major ``rows x n``) followed by
``B = standard_normal(n * n)`` from the same generator (row-major ``n x n``), so a reader
rebuilds them with nprand's ``RandomState``. The outputs are the float64 bits (16 hex digits)
of ``np.dot(x, B)`` and of ``x @ B.T`` (the form ``Generator.multivariate_normal`` uses):
``dgemm`` for two rows or more, ``dgemv`` for one.

``blas_arch`` is the kernel family OpenBLAS ran (threadpoolctl's ``architecture``): always
``Haswell``, the family nprand reproduces (AVX2 CPUs, Zen included), which ``cpu_pin`` (imported
by ``fixgen``) forces on every CPU; ``src/linalg/blas_tests.rs`` checks it and compares
bitwise. Needs numpy==2.4.6 and threadpoolctl.
"""

from __future__ import annotations

import os
import sys

import numpy as np

from fixgen.common import NUMPY_VERSION, write_json

ROWS = (1, 2, 3, 4, 5, 7, 8, 9, 16, 17)


def blas_arch() -> str:
    from threadpoolctl import threadpool_info
    for lib in threadpool_info():
        if lib.get("internal_api") == "openblas":
            return str(lib.get("architecture"))
    return "unknown"


def bits(a) -> str:
    return " ".join("%016x" % v for v in np.ascontiguousarray(a, dtype=np.float64).view(np.uint64).ravel())


def generate(out_dir: str) -> dict:
    cases = []
    seed = 0
    for n in range(1, 26):
        for rows in ROWS:
            if n > 12 and rows not in (1, 2, 3, 9):
                continue
            seed += 1
            rs = np.random.RandomState(seed)
            x = rs.standard_normal(rows * n).reshape(rows, n)
            b = rs.standard_normal(n * n).reshape(n, n)
            cases.append({"n": n, "rows": rows, "seed": seed,
                          "dot": bits(np.dot(x, b)), "matmul_t": bits(x @ b.T)})
    write_json(os.path.join(out_dir, "cases.json"),
               {"numpy_version": NUMPY_VERSION, "blas_arch": blas_arch(), "cases": cases})
    return {"cases": len(cases)}


if __name__ == "__main__":
    from fixgen.common import family_main
    sys.exit(family_main("blas"))
