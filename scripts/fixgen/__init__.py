"""nprand's fixture generators, one module per family of ``fixtures/``.

``FAMILIES`` is the explicit list (no glob): folder name -> ``generate(out_dir) -> stats``,
which writes that folder's files into ``out_dir``. ``scripts/gen_fixtures.py`` runs them all (or
``--check``s them); ``python3 -m fixgen.<module> [--check]`` (from ``scripts/``) runs one.

==========  ======================================  =========================================
folder      module                                  oracle
==========  ======================================  =========================================
legacy      legacy (+ legacy_continuous,            NumPy 2.4.6 ``RandomState``
            legacy_discrete, legacy_mvn cases)
generator   generator (+ generator_call)            NumPy 2.4.6 ``Generator``
mvn         mvn_legacy, mvn_generator               NumPy 2.4.6 ``multivariate_normal`` (LAPACK)
jump        jump (+ jump_cases)                     NumPy 2.4.6 ``MT19937.jumped``/``advance``
modern      modern                                  NumPy 2.4.6 SeedSequence, bit generators
python      python                                  CPython 3.11 (and 3.12) ``random``
blas        blas                                    NumPy 2.4.6 ``np.dot``/``@`` (OpenBLAS 0.3.31)
eval        eval                                    NumPy 2.4.6 / CPython 3.11 evaluator errors
parser      parser                                  CPython 3.11 ``repr(eval(expr))``
cli         cli                                     NumPy 2.4.6 / CPython 3.11 state files
print       arrayprint                              NumPy 2.4.6 ``str``/``repr`` of arrays
limits      limits                                  NumPy 2.4.6 / CPython 3.11 size limits
api         api                                     NumPy 2.4.6 ``RandomState``/``Generator``
                                                    (the library's NumPy-shaped calls)
seeding     seeding                                 NumPy 2.4.6 seeding forms; NumPy's own
                                                    ``*-testset-*.csv`` raw words
numpy_ops   numpy_ops                               NumPy 2.4.6 sums, quantiles, dot, ufuncs;
                                                    CPython 3.11 ``math.fsum``/``statistics``
libm        libm                                    glibc 2.36 x86-64 FMA ``exp``/``log``/
                                                    ``log2``/``pow`` (via CPython ``math``)
==========  ======================================  =========================================
"""

from __future__ import annotations

import importlib

# NumPy as on an AVX2 CPU whatever this one is: set before any family imports NumPy.
import cpu_pin  # noqa: F401


def _module(name: str):
    """The family whose module ``fixgen.<name>`` has ``generate(out_dir)``; imported only
    when the family runs (each needs its oracle)."""
    return lambda out: importlib.import_module("fixgen." + name).generate(out)


def _mvn(out):
    from fixgen import mvn_generator, mvn_legacy
    return {"legacy": mvn_legacy.generate(out), "generator": mvn_generator.generate(out)}


FAMILIES = {
    "legacy": _module("legacy"),
    "generator": _module("generator"),
    "mvn": _mvn,
    "jump": _module("jump"),
    "modern": _module("modern"),
    "python": _module("python"),
    "libm": _module("libm"),
    "blas": _module("blas"),
    "numpy_ops": _module("numpy_ops"),
    "eval": _module("eval"),
    "parser": _module("parser"),
    "cli": _module("cli"),
    "print": _module("arrayprint"),
    "limits": _module("limits"),
    "api": _module("api"),
    "seeding": _module("seeding"),
}
