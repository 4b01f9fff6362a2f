#!/usr/bin/env python3
"""Write src/generator/ziggurat_tables.rs: the ziggurat tables of NumPy's Generator
(normal and exponential, double and float) and the log-factorial table.

Usage::

    python3 scripts/ziggurat_tables.py [--header PATH] [--logfact PATH]   # rewrite the file
    python3 scripts/ziggurat_tables.py --check                            # compare, exit 1 on drift

Decision, and why (run the script to see the numbers again):

* The ziggurat tables are defined by the Marsaglia-Tsang recurrence: with the tail cut-off r,
  the common box area V and the density f, ``x[0] = r``,
  ``x[i] = f^-1(f(x[i-1]) + V / x[i-1])``; then ``k[i] = round(x[i-1] / x[i] * 2^m)``,
  ``w[i] = x[i] / 2^m`` (``w[0] = V / f(r) / 2^m``), ``f[i] = f(x[i])``, over the 256 boxes
  in increasing x (normal: f(x) = exp(-x^2/2), r = 3.6541528853610088, V = 0.0049286732339746519,
  m = 52 for double and 23 for float; exponential: f(x) = exp(-x), r = 7.6971174701310497, m = 53
  and 23).  Recomputing them in IEEE double with glibc's exp/log/sqrt reproduces NumPy's
  float normal tables and the float exponential ``ke`` exactly, but NOT the double tables:
  near the base of the ziggurat the recurrence amplifies last-ulp differences of the libm
  NumPy's tables were generated with, and 17-240 of the 256 entries of each double table differ
  by a few ulps (the exponential tables also used a different, unpublished V).  A table that
  differs in one ulp changes samples, so nprand does **not** compute them: it carries NumPy's
  published figures as data, transcribed from ``numpy/random/src/distributions/
  ziggurat_constants.h`` of NumPy 2.4.6 (BSD-3-Clause, Copyright (c) 2005-2025 NumPy
  Developers).  Each value is the exact number C reads from the header (doubles: the nearest
  double; floats: the nearest float to the decimal text), written back as the shortest literal
  that Rust parses to the same value.  The Generator fixtures check every table in use.
* The log-factorial table (log(k!) for k = 0..125, used by hypergeometric) IS computed here:
  correctly rounded log(k!) (mpmath, 300 bits) equals all 126 entries of NumPy's
  ``logfactorial.c``; when that file is given the script checks the equality.
"""

from __future__ import annotations

import argparse
import math
import os
import re
import struct
import sys
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "src", "generator", "ziggurat_tables.rs")
NPSRC = "/tmp/npsrc/numpy-2.4.6/numpy/random/src/distributions"

TABLES = ["ki_double", "wi_double", "fi_double", "ki_float", "wi_float", "fi_float",
          "ke_double", "we_double", "fe_double", "ke_float", "we_float", "fe_float"]
SCALARS = ["ziggurat_nor_r", "ziggurat_nor_inv_r", "ziggurat_exp_r",
           "ziggurat_nor_r_f", "ziggurat_nor_inv_r_f", "ziggurat_exp_r_f"]


# ---------------------------------------------------------------------------------------------
# Exact C semantics of the header's literals
# ---------------------------------------------------------------------------------------------

def f32_bits_of_decimal(text: str) -> int:
    """The bits of the float nearest to the decimal `text` (round half to even), as a C
    compiler reads a `...f` literal: directly, not through double."""
    q = Fraction(text)
    if q == 0:
        return 0
    sign = 0
    if q < 0:
        sign, q = 1, -q
    e = q.numerator.bit_length() - q.denominator.bit_length()
    if Fraction(2) ** e > q:
        e -= 1
    # now 2^e <= q < 2^(e+1); 24-bit significand
    assert -126 <= e <= 127, text
    scaled = q / Fraction(2) ** (e - 23)
    m = math.floor(scaled)
    rem = scaled - m
    if rem > Fraction(1, 2) or (rem == Fraction(1, 2) and m % 2 == 1):
        m += 1
    if m == 1 << 24:
        m >>= 1
        e += 1
    return (sign << 31) | ((e + 127) << 23) | (m - (1 << 23))


def f32_from_bits(b: int) -> float:
    return struct.unpack("<f", struct.pack("<I", b))[0]


def shortest_f32(b: int) -> str:
    """Shortest decimal that reads back (round to nearest) as the float with bits `b`."""
    x = f32_from_bits(b)
    for digits in range(1, 10):
        s = "%.*e" % (digits - 1, x)
        if f32_bits_of_decimal(s) == b:
            return s
    raise AssertionError(b)


def rust_f64(x: float) -> str:
    s = repr(x)
    return s if ("e" in s or "." in s) else s + ".0"


def parse_header(path: str) -> dict:
    src = open(path).read()
    out = {}
    for name in TABLES:
        m = re.search(r"\b%s\[\]\s*=\s*\{(.*?)\};" % name, src, re.S)
        toks = [t.strip() for t in m.group(1).replace("\n", " ").split(",") if t.strip()]
        assert len(toks) == 256, (name, len(toks))
        if name.startswith("k"):
            out[name] = [int(re.sub(r"(ULL|UL)$", "", t), 16) for t in toks]
        elif name.endswith("double"):
            out[name] = [float(t) for t in toks]          # Python float() rounds correctly
        else:
            out[name] = [f32_bits_of_decimal(t.rstrip("fF")) for t in toks]
    for name in SCALARS:
        m = re.search(r"\b%s\s*=\s*([0-9.eE+-]+)(f?);" % name, src, re.S)
        text = m.group(1)
        out[name] = f32_bits_of_decimal(text) if name.endswith("_f") else float(text)
    return out


# ---------------------------------------------------------------------------------------------
# The construction, in double precision (reported, not used: see the module docstring)
# ---------------------------------------------------------------------------------------------

def construct(pdf, inv, r, v, scale):
    c = 256
    x = [0.0] * c
    x[0] = r
    for i in range(1, c - 1):
        x[i] = inv(pdf(x[i - 1]) + v / x[i - 1])
    x = x[::-1]
    k = [0] + [int(round(x[i - 1] / x[i] * scale)) for i in range(1, c)]
    k[0] = int(round(r * pdf(r) / v * scale))
    w = [xx / scale for xx in x]
    w[0] = v / pdf(r) / scale
    f = [pdf(xx) for xx in x]
    return k, w, f


def f32_bits(x: float) -> int:
    return struct.unpack("<I", struct.pack("<f", x))[0]


def report_construction(h: dict) -> None:
    npdf = lambda x: math.exp(-0.5 * x * x)
    ninv = lambda p: math.sqrt(-2.0 * math.log(p))
    epdf = lambda x: math.exp(-x)
    einv = lambda p: -math.log(p)
    nr, nv = 3.6541528853610087963519472518, 0.0049286732339746519
    er = 7.6971174701310497140446280481
    ev = (er + 1.0) * math.exp(-er)
    print("Recomputing the ziggurat tables in double precision (glibc libm):")
    for kind, pdf, inv, r, v, scales in (("i", npdf, ninv, nr, nv, (52, 23)),
                                          ("e", epdf, einv, er, ev, (53, 23))):
        for bits, prec in zip(scales, ("double", "float")):
            k, w, f = construct(pdf, inv, r, v, 2.0 ** bits)
            for name, mine in (("k", k), ("w", w), ("f", f)):
                ref = h["%s%s_%s" % (name, kind, prec)]
                if name != "k" and prec == "float":
                    mine = [f32_bits(x) for x in mine]
                bad = sum(1 for a, b in zip(mine, ref) if a != b)
                print("  %s%s_%s: %3d of 256 entries differ" % (name, kind, prec, bad))
    print("=> the double tables are not reproducible: NumPy's published values are carried.")


# ---------------------------------------------------------------------------------------------
# log(k!) for k = 0..125
# ---------------------------------------------------------------------------------------------

def logfact_table() -> list:
    import mpmath
    mpmath.mp.prec = 300
    return [float(mpmath.log(mpmath.factorial(k))) for k in range(126)]


def check_logfact(path: str, table: list) -> None:
    src = open(path).read()
    body = re.search(r"logfact\[\]\s*=\s*\{(.*?)\};", src, re.S).group(1)
    ref = [float(t) for t in body.replace("\n", " ").split(",") if t.strip()]
    bad = [k for k in range(126) if ref[k] != table[k]]
    assert not bad, "log(k!) differs from logfactorial.c at %s" % bad
    print("log(k!) (mpmath, correctly rounded) equals NumPy's logfactorial.c: 126/126")


# ---------------------------------------------------------------------------------------------
# Rust output
# ---------------------------------------------------------------------------------------------

def render(h: dict, logfact: list) -> str:
    out = []
    w = out.append
    w("//! Data tables of NumPy's `Generator`, written by `scripts/ziggurat_tables.py` (do not edit).")
    w("//!")
    w("//! The ziggurat tables are NumPy's published figures, transcribed from")
    w("//! `numpy/random/src/distributions/ziggurat_constants.h` of NumPy 2.4.6")
    w("//! (BSD-3-Clause, Copyright (c) 2005-2025, NumPy Developers): recomputing them from")
    w("//! their defining constants does not reproduce the double tables bit for bit (see the")
    w("//! script). Each literal is the shortest one that Rust reads as the value C reads from")
    w("//! the header. `LOGFACT` is computed by the script (correctly rounded log(k!)) and")
    w("//! equals NumPy's `logfactorial.c` table.")
    w("")
    w("#![allow(clippy::unreadable_literal, clippy::excessive_precision, clippy::approx_constant)]")
    w("")

    def table(name, ty, vals, fmt, per_line):
        w("pub(crate) static %s: [%s; %d] = [" % (name.upper(), ty, len(vals)))
        items = [fmt(v) for v in vals]
        for i in range(0, len(items), per_line):
            w("    " + ", ".join(items[i:i + per_line]) + ",")
        w("];")
        w("")

    for name in TABLES:
        if name.startswith("k"):
            ty = "u64" if name.endswith("double") else "u32"
            width = 16 if ty == "u64" else 8
            table(name, ty, h[name], lambda v, wd=width: "0x%0*X" % (wd, v), 4 if ty == "u64" else 6)
        elif name.endswith("double"):
            table(name, "f64", h[name], rust_f64, 3)
        else:
            table(name, "f32", h[name], shortest_f32, 4)
    for name in SCALARS:
        if name.endswith("_f"):
            w("pub(crate) const %s: f32 = %s;" % (name.upper(), shortest_f32(h[name])))
        else:
            w("pub(crate) const %s: f64 = %s;" % (name.upper(), rust_f64(h[name])))
    w("")
    w("/// log(k!) for k = 0..=125 (NumPy's `logfact`).")
    table("logfact", "f64", logfact, rust_f64, 3)
    return "\n".join(out).rstrip("\n") + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--header", default=os.path.join(NPSRC, "ziggurat_constants.h"))
    ap.add_argument("--logfact", default=os.path.join(NPSRC, "logfactorial.c"))
    ap.add_argument("--check", action="store_true", help="compare with the committed file")
    args = ap.parse_args()
    h = parse_header(args.header)
    report_construction(h)
    logfact = logfact_table()
    if os.path.exists(args.logfact):
        check_logfact(args.logfact, logfact)
    text = render(h, logfact)
    if args.check:
        same = os.path.exists(OUT) and open(OUT).read() == text
        print("src/generator/ziggurat_tables.rs is %s" % ("up to date" if same else "STALE"))
        return 0 if same else 1
    with open(OUT, "w") as f:
        f.write(text)
    print("wrote", os.path.relpath(OUT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
