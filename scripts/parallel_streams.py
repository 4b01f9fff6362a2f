#!/usr/bin/env python3
"""NumPy's side of ``examples/parallel_streams.rs``: the same three recipes for parallel
streams (NumPy user guide, "Parallel Random Number Generation"), printing the same lines.

    python3 scripts/parallel_streams.py                 # print
    python3 scripts/parallel_streams.py --out FILE      # write (gen_fixtures.py does this)

Each stream draws 100,000 standard normals (the first and last are printed, by ``repr``)
and then three integers in [0, 1000).
"""

from __future__ import annotations

import argparse
import sys

from numpy.random import MT19937, PCG64, Generator, SeedSequence, default_rng


def work(rng: Generator) -> str:
    x = rng.standard_normal(100_000)
    k = rng.integers(0, 1000, 3).tolist()
    return f"{float(x[0])!r} {float(x[-1])!r} {k}"


def run() -> str:
    out = []
    for i, s in enumerate(SeedSequence(12345).spawn(4)):
        out.append(f"SeedSequence.spawn {i}: {work(default_rng(s))}")
    for i, rng in enumerate(default_rng(2024).spawn(3)):
        out.append(f"Generator.spawn {i}: {work(rng)}")
    for name, bg in (("PCG64", PCG64(1234)), ("MT19937", MT19937(1234))):
        rngs = []
        for _ in range(3):
            rngs.append(Generator(bg))
            bg = bg.jumped()
        for i, rng in enumerate(rngs):
            out.append(f"{name}.jumped {i}: {work(rng)}")
    return "".join(line + "\n" for line in out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", help="write the text to this file instead of stdout")
    args = ap.parse_args()
    text = run()
    if args.out:
        with open(args.out, "w", newline="\n") as fp:
            fp.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
