"""NumPy as it computes on an x86-64 CPU with AVX2 and FMA and no AVX-512, whatever the CPU.

Import this module before NumPy in every script that writes fixtures or compares NumPy's
values with nprand's.

nprand reproduces NumPy 2.4.6 as it runs on x86-64-v3 (AVX2 + FMA: every x86-64 server core
since Haswell and Zen 1): NumPy's own SIMD loops up to its ``X86_V3`` target, and OpenBLAS's
``Haswell`` kernels. On a CPU with AVX-512, NumPy would send float64 ``exp``, ``log``,
``expm1``, ``log1p``, ``tan`` and ``arctan`` to its AVX-512 code, and OpenBLAS would run its
``SkylakeX`` kernels. Both round differently (``src/numpy/ufunc.rs``,
``src/numpy/dot.rs``), and machines of this project's kind come both with and without
AVX-512. Importing this module sets, before NumPy starts:

* ``NPY_DISABLE_CPU_FEATURES="X86_V4 AVX512_ICL AVX512_SPR"``: NumPy's dispatch targets
  above ``X86_V3``;
* ``OPENBLAS_CORETYPE=Haswell``: the kernel family OpenBLAS would pick on such a CPU (Zen
  included).

So a regenerated fixture, or a cross-check, has the same bits on any x86-64 CPU with AVX2
and FMA. Without them the committed fixtures cannot be reproduced at all: ``check()``
refuses. It is called after NumPy's import and says why the pin did not take (``None`` if
it did). Thread counts need no pin: the fixtures' products stay below the sizes that
OpenBLAS splits between threads (262,144 multiply-adds for ``dgemm``, 10,000 terms for
``ddot``).
"""

from __future__ import annotations

import os
import sys

DISABLED = "X86_V4 AVX512_ICL AVX512_SPR"
OPENBLAS_CORE = "Haswell"

if "numpy" in sys.modules and (os.environ.get("NPY_DISABLE_CPU_FEATURES") != DISABLED
                               or os.environ.get("OPENBLAS_CORETYPE") != OPENBLAS_CORE):
    raise RuntimeError("cpu_pin must be imported before numpy (it sets NumPy's and OpenBLAS's "
                       "CPU dispatch, which both read once at start-up)")
os.environ["NPY_DISABLE_CPU_FEATURES"] = DISABLED
os.environ["OPENBLAS_CORETYPE"] = OPENBLAS_CORE


def check() -> str | None:
    """Why NumPy does not run as on an AVX2 CPU here (None if it does): the CPU lacks
    ``X86_V3`` (AVX2, FMA and the rest), an AVX-512 target is still on, or OpenBLAS chose
    another kernel family."""
    from numpy._core._multiarray_umath import __cpu_features__ as features

    if not features.get("X86_V3"):
        return "an x86-64 CPU with AVX2 and FMA (NumPy's X86_V3) is required"
    on = [name for name in DISABLED.split() if features.get(name)]
    if on:
        return "NumPy still dispatches to %s (import cpu_pin before numpy)" % ", ".join(on)
    from threadpoolctl import threadpool_info

    for lib in threadpool_info():
        if lib.get("internal_api") == "openblas" and lib.get("architecture") != OPENBLAS_CORE:
            return "OpenBLAS runs its %s kernels, not %s" % (lib.get("architecture"), OPENBLAS_CORE)
    return None
