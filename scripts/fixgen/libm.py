"""``fixtures/libm/cases.txt``: glibc's ``exp``, ``log``, ``log2`` and ``pow`` as x86-64 CPUs
with FMA and AVX2 run them (glibc >= 2.28 picks its ``-mfma`` build there), the bits
``nprand::math`` reproduces on every platform. tests/libm.rs reads it everywhere, so a
platform whose libm differs still checks the ports against glibc.

The oracle is CPython 3.11's ``math`` module, which calls the C library for finite
arguments (inputs for which it raises instead, overflow or domain errors, are left out: the
IEEE special cases have their own tests). Only an x86-64 Linux host with glibc 2.36 and
FMA + AVX2 may write the file; elsewhere ``generate`` refuses.

One line per case, hexadecimal bit patterns (``y`` is 0 for the one-argument functions)::

    <function> <x bits> <y bits> <result bits>

Inputs: fixed-seed ``random.Random`` draws from the ranges nprand's kernels use and from
random bit patterns, ``PER_CATEGORY`` per category.
"""

from __future__ import annotations

import math
import os
import platform
import random
import struct
import sys

from fixgen.common import write_text

PER_CATEGORY = 64
GLIBC = "2.36"


def host_mismatch() -> str | None:
    """Why this machine cannot be the oracle (None if it can)."""
    if platform.system() != "Linux" or platform.machine() != "x86_64":
        return "needs x86-64 Linux (found %s %s)" % (platform.system(), platform.machine())
    lib, ver = platform.libc_ver()
    if lib != "glibc" or ver != GLIBC:
        return "needs glibc %s (found %s %s)" % (GLIBC, lib, ver)
    with open("/proc/cpuinfo") as fp:
        flags = next((ln.split(":", 1)[1].split() for ln in fp if ln.startswith("flags")), [])
    if "fma" not in flags or "avx2" not in flags:
        return "needs a CPU with FMA and AVX2 (glibc runs its SSE2 build otherwise)"
    return None


def bits(x: float) -> int:
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def from_bits(b: int) -> float:
    return struct.unpack("<d", struct.pack("<Q", b & (2**64 - 1)))[0]


def near(rng: random.Random, x: float, span_bits: int) -> float:
    """``x``'s bit pattern moved by a random signed offset below 2**span_bits."""
    return from_bits(bits(x) + rng.randrange(-(1 << span_bits), 1 << span_bits))


def categories(rng: random.Random) -> dict:
    """Function -> list of input generators (each returns (x, y))."""
    def one(g):
        return lambda: (g(), 0.0)
    exp = [
        one(lambda: rng.uniform(-745.0, 709.7)),
        one(lambda: rng.uniform(-1.0, 1.0)),
        one(lambda: rng.uniform(-40.0, 40.0)),
        one(lambda: from_bits(rng.getrandbits(64))),
        one(lambda: near(rng, rng.choice([709.78, -708.39, -745.13, 512.0, -512.0]), 44)),
    ]
    logs = [
        one(lambda: rng.random()),
        one(lambda: 1.0 - rng.random()),
        one(lambda: near(rng, 1.0, 50)),
        one(lambda: from_bits(rng.getrandbits(63))),
        one(lambda: from_bits(rng.getrandbits(52))),
    ]
    pow_ = [
        lambda: (1.0 - rng.random(), 1.0 / (1000.0 * (1.0 - rng.random()))),
        lambda: (1e6 * (1.0 - rng.random()), rng.uniform(-50.0, 50.0)),
        lambda: (from_bits(rng.getrandbits(64)), from_bits(rng.getrandbits(64))),
        lambda: (rng.uniform(-4.0, 4.0), float(rng.randrange(-1100, 1101))),
        lambda: (near(rng, 1.0, 14), math.ldexp(1.0 + rng.random(), rng.randrange(50, 69))),
        lambda: (from_bits(rng.getrandbits(52)), rng.uniform(-1.0, 1.0)),
    ]
    return {"exp": exp, "log": logs, "log2": logs, "pow": pow_}


def call(name: str, x: float, y: float) -> float | None:
    fn = {"exp": math.exp, "log": math.log, "log2": math.log2}.get(name)
    try:
        r = fn(x) if fn else math.pow(x, y)
    except (ValueError, OverflowError):
        return None
    return r if math.isfinite(x) and math.isfinite(y) else None


def generate(out_dir: str) -> dict:
    why = host_mismatch()
    if why:
        raise SystemExit("fixtures/libm: this host is not the oracle: " + why)
    rng = random.Random(20260601)
    lines, counts = [], {}
    for name, gens in categories(rng).items():
        for g in gens:
            kept = 0
            while kept < PER_CATEGORY:
                x, y = g()
                r = call(name, x, y)
                if r is None:
                    continue
                lines.append("%s %016x %016x %016x" % (name, bits(x), bits(y), bits(r)))
                kept += 1
        counts[name] = counts.get(name, 0) + len(gens) * PER_CATEGORY
    write_text(os.path.join(out_dir, "cases.txt"), "\n".join(lines) + "\n")
    return counts


if __name__ == "__main__":
    from fixgen.common import family_main
    sys.exit(family_main("libm"))
