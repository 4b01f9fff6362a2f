"""``fixtures/jump/cases.json``: ``MT19937.jumped`` and ``advance`` for every case of
``fixgen.jump_cases`` (needs numpy==2.4.6)::

    {"numpy_version": "2.4.6",
     "cases": [{"case": {<the case dict>}, "expected": {"key": [...], "pos": p}}, ...]}

``expected`` is ``jump_cases.expected(case)``; a reader rebuilds the start state from ``init``,
``pre_draws`` raw draws and the optional ``set_pos``.  tests/mt19937_perf.rs reads it.
"""

from __future__ import annotations

import os
import sys

from fixgen.common import NUMPY_VERSION, write_json
from fixgen.jump_cases import advance_cases, expected, jump_cases


def generate(out_dir: str) -> dict:
    cases = sorted(jump_cases() + advance_cases(), key=lambda c: c["id"])
    write_json(os.path.join(out_dir, "cases.json"),
               {"numpy_version": NUMPY_VERSION,
                "cases": [{"case": c, "expected": expected(c)} for c in cases]})
    return {"cases": len(cases)}


if __name__ == "__main__":
    from fixgen.common import family_main
    sys.exit(family_main("jump"))
