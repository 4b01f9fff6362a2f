#!/usr/bin/env python3
"""Regenerate every nprand fixture from its oracle (numpy==2.4.6 and CPython 3.11; see
requirements.txt), or check that ``fixtures/`` is what they produce.

Usage::

    python3 scripts/gen_fixtures.py                    # rewrite every family folder of fixtures/
    python3 scripts/gen_fixtures.py --check            # regenerate into temp dirs, compare, exit 1 on drift
    python3 scripts/gen_fixtures.py --family legacy    # only some families (repeatable)
    python3 scripts/gen_fixtures.py --out DIR          # write (or check) DIR/<family>/ instead

The families, their modules and their tests are listed in ``fixtures/README.md`` and in
``scripts/fixgen/__init__.py`` (``FAMILIES``, an explicit list). Output is deterministic: fixed
seeds, no timestamps, one JSON writer (``fixgen.common``); a second run leaves no diff.
"""

from __future__ import annotations

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from fixgen import FAMILIES  # noqa: E402
from fixgen.common import FIXTURES_DIR, pin_mismatch, write_or_check_family  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="regenerate into a temporary directory and compare; write nothing")
    ap.add_argument("--out", default=FIXTURES_DIR, help="fixtures root (default: fixtures/)")
    ap.add_argument("--family", action="append", choices=list(FAMILIES),
                    help="only this family (repeatable; default: all)")
    ap.add_argument("--legacy-only", action="store_true", help="same as --family legacy")
    args = ap.parse_args(argv)
    families = args.family or (["legacy"] if args.legacy_only else list(FAMILIES))

    why = pin_mismatch()
    if why:
        print(f"fixtures must be generated with the pinned oracles: {why}", file=sys.stderr)
        return 2
    failed = 0
    for name in families:
        failed += write_or_check_family(os.path.join(args.out, name), FAMILIES[name], args.check)
    if failed:
        print(f"{failed} famil{'y' if failed == 1 else 'ies'} out of date", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
