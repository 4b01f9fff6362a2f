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
libm        libm                                    glibc 2.36 x86-64 FMA ``exp``/``log``/
                                                    ``log2``/``pow`` (via CPython ``math``)
==========  ======================================  =========================================
"""

from __future__ import annotations


def _legacy(out):
    from fixgen import legacy
    return legacy.generate(out)


def _generator(out):
    from fixgen import generator
    return generator.generate(out)


def _mvn(out):
    from fixgen import mvn_generator, mvn_legacy
    return {"legacy": mvn_legacy.generate(out), "generator": mvn_generator.generate(out)}


def _jump(out):
    from fixgen import jump
    return jump.generate(out)


def _modern(out):
    from fixgen import modern
    return modern.generate(out)


def _python(out):
    from fixgen import python
    return python.generate(out)


def _blas(out):
    from fixgen import blas
    return blas.generate(out)


def _eval(out):
    from fixgen import eval as eval_cases
    return eval_cases.generate(out)


def _parser(out):
    from fixgen import parser
    return parser.generate(out)


def _cli(out):
    from fixgen import cli
    return cli.generate(out)


def _print(out):
    from fixgen import arrayprint
    return arrayprint.generate(out)


def _limits(out):
    from fixgen import limits
    return limits.generate(out)


def _libm(out):
    from fixgen import libm
    return libm.generate(out)


FAMILIES = {
    "legacy": _legacy,
    "generator": _generator,
    "mvn": _mvn,
    "jump": _jump,
    "modern": _modern,
    "python": _python,
    "libm": _libm,
    "blas": _blas,
    "eval": _eval,
    "parser": _parser,
    "cli": _cli,
    "print": _print,
    "limits": _limits,
}
