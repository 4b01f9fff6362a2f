"""``fixtures/mvn/legacy.json``: the typed ``RandomState::multivariate_normal`` API
(tests/multivariate.rs). Written by ``scripts/gen_fixtures.py`` (family ``mvn``).

Each case runs, with real NumPy::

    rs = np.random.RandomState(seed); rs.standard_normal(pre_normals)
    x = rs.multivariate_normal(mean, cov, size=rows, check_valid=check_valid, tol=tol)

and records ``x.ravel()``, the RuntimeWarning's text (or null) and ``get_state()``'s ``pos``,
``has_gauss`` and ``gauss``. Floats are written as the hex of their 64 bits (inputs too), so
the Rust side reads them exactly; ``cov`` is row-major.
"""

from __future__ import annotations

import os
import struct
import warnings

import numpy as np

from fixgen.common import write_json

# (id, seed, pre_normals, mean, cov (row-major), rows, check_valid, tol)
CASES = [
    ("diag_swap", 0, 0, [0.0, 10.0], [1.0, 0.0, 0.0, 4.0], 2, "warn", 1e-08),
    ("corr_2x2", 0, 0, [0.0, 0.0], [1.0, 0.5, 0.5, 2.0], 5, "warn", 1e-08),
    ("corr_2x2_negative", 123, 1, [1.0, -1.0], [6.0, -3.0, -3.0, 3.5], 4, "warn", 1e-08),
    ("psd_3x3", 1, 0, [1.0, 2.0, 3.0], [2.0, 0.3, -0.4, 0.3, 1.5, 0.2, -0.4, 0.2, 1.0], 4, "warn", 1e-08),
    ("psd_4x4", 7, 0, [0.0, 0.0, 0.0, 0.0], [ 4.0, 1.2, -0.6, 0.3, 1.2, 3.0, 0.5, -0.2, -0.6, 0.5, 2.0, 0.7, 0.3, -0.2, 0.7, 1.0, ], 3, "warn", 1e-08),
    ("psd_6x6", 42, 0, [1.0, 2.0, 3.0, 4.0, 5.0, 6.0], [ 8.793, -0.121, -1.163, -3.812, 0.272, 0.958, -0.121, 2.785, -1.866, 2.218, -1.179, -0.304, -1.163, -1.866, 8.53, 1.375, 0.035, -0.182, -3.812, 2.218, 1.375, 5.334, -0.751, -1.573, 0.272, -1.179, 0.035, -0.751, 1.647, 0.35, 0.958, -0.304, -0.182, -1.573, 0.35, 1.103, ], 3, "warn", 1e-08),
    ("diag_repeated", 3, 0, [0.0, 0.0, 0.0], [2.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 2.0], 3, "warn", 1e-08),
    ("identity_3", 4, 0, [5.0, 6.0, 7.0], [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0], 2, "warn", 1e-08),
    ("singular_exact", 5, 0, [0.0, 0.0], [1.0, 1.0, 1.0, 1.0], 3, "warn", 1e-08),
    ("singular_diag", 5, 0, [0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0, 3.0, 0.0, 0.0, 0.0, 1.0], 3, "warn", 1e-08),
    ("nonpsd_warn", 6, 0, [0.0, 0.0], [1.0, 2.0, 2.0, 1.0], 3, "warn", 1e-08),
    ("nonpsd_ignore", 6, 0, [0.0, 0.0], [1.0, 2.0, 2.0, 1.0], 3, "ignore", 1e-08),
    ("nonsym_ignore", 8, 0, [0.0, 0.0], [1.0, 2.0, 3.0, 4.0], 3, "ignore", 1e-08),
    ("negative_1x1_ignore", 9, 0, [1.0], [-2.0], 3, "ignore", 1e-08),
    ("one_by_one", 10, 0, [3.0], [4.0], 1, "warn", 1e-08),
    ("tol_loose", 11, 0, [0.0, 0.0], [1.0, 1.0001, 1.0001, 1.0], 2, "warn", 0.001),
    ("gauss_cache_odd", 12, 1, [0.0, 0.0, 0.0], [1.0, 0.2, 0.0, 0.2, 1.0, 0.1, 0.0, 0.1, 1.0], 3, "warn", 1e-08),
    ("zero_rows", 13, 0, [0.0, 0.0], [1.0, 0.0, 0.0, 1.0], 0, "warn", 1e-08),
    ("huge_scale", 14, 0, [0.0, 0.0], [1e+300, 1e+299, 1e+299, 1e+300], 2, "warn", 1e-08),
    ("tiny_scale", 15, 0, [0.0, 0.0], [1e-300, 0.0, 0.0, 2e-300], 2, "warn", 1e-08),
    ("inf_warn", 16, 0, [0.0, 0.0], [float('inf'), 0.0, 0.0, 1.0], 2, "warn", 1e-08),
]


def bits(x: float) -> str:
    return "0x%016x" % struct.unpack("<Q", struct.pack("<d", float(x)))[0]


def run_case(case) -> dict:
    cid, seed, pre, mean, cov, rows, check_valid, tol = case
    n = len(mean)
    rs = np.random.RandomState(seed)
    rs.standard_normal(pre)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        x = rs.multivariate_normal(mean, np.array(cov).reshape(n, n), size=rows,
                                   check_valid=check_valid, tol=tol)
    runtime = [str(w.message) for w in caught if issubclass(w.category, RuntimeWarning)
               and "positive-semidefinite" in str(w.message)]
    st = rs.get_state(legacy=False)
    return {
        "id": cid, "seed": seed, "pre_normals": pre, "n": n, "rows": rows,
        "mean": [bits(v) for v in mean], "cov": [bits(v) for v in cov],
        "check_valid": check_valid, "tol": bits(tol),
        "expected": [bits(v) for v in x.ravel()],
        "warning": runtime[0] if runtime else None,
        "pos": int(st["state"]["pos"]), "has_gauss": bool(st["has_gauss"]),
        "gauss": bits(st["gauss"]),
    }


def generate(out_dir: str) -> dict:
    cases = [run_case(c) for c in CASES]
    write_json(os.path.join(out_dir, "legacy.json"), {"numpy_version": np.__version__, "cases": cases})
    return {"cases": len(cases)}
