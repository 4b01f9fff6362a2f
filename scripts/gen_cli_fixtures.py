#!/usr/bin/env python3
"""Fixture of `nprand eval --state FILE`'s edge cases (issue #12), from real NumPy 2.4.6 /
CPython 3.11: state files as Python's ``json.dumps`` writes them (``NaN``/``Infinity`` for a
non-finite cached gaussian), a state for another bit generator, ``has_gauss`` beyond a C int.

Each case is a front-end (``legacy`` RandomState, ``generator:KIND`` for
``Generator(KIND())`` whose ``bit_generator.state`` is set, ``python`` random.Random), the
state file's text, and calls. The fixture records the exception the state raises, or each
call's ``repr`` and the state afterwards as ``--save-state`` writes it (``json.dumps``).
``tests/cli.rs`` runs every case through the binary.

    python3 scripts/gen_cli_fixtures.py          # write fixtures/cli/state_cases.json
    python3 scripts/gen_cli_fixtures.py --check  # exit 1 if it is not up to date
"""

from __future__ import annotations

import json
import os
import random
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixgen.common import file_main  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "fixtures", "cli", "state_cases.json")
KINDS = {"mt19937": np.random.MT19937, "pcg64": np.random.PCG64,
         "pcg64dxsm": np.random.PCG64DXSM, "philox": np.random.Philox,
         "sfc64": np.random.SFC64, "default": np.random.PCG64}


def plain(v):
    """A state with its arrays as lists (what ``json.dumps`` can write)."""
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    return v.tolist() if isinstance(v, np.ndarray) else v


def legacy_state(seed: int, **extra) -> dict:
    st = np.random.RandomState(seed).get_state(legacy=False)
    st["state"]["key"] = st["state"]["key"].tolist()
    st.update(extra)
    return st


def legacy_json(rs: np.random.RandomState) -> str:
    st = rs.get_state(legacy=False)
    st["state"]["key"] = st["state"]["key"].tolist()
    return json.dumps(st)


def py_state(seed: int, gauss_next) -> dict:
    st = random.Random(seed).getstate()
    return {"version": st[0], "internalstate": list(st[1]), "gauss_next": gauss_next}


def py_json(r: random.Random) -> str:
    st = r.getstate()
    return json.dumps({"version": st[0], "internalstate": list(st[1]), "gauss_next": st[2]})


def cases():
    mt = legacy_state(0)
    for kind in ["pcg64", "pcg64dxsm", "philox", "sfc64", "default"]:
        yield "generator:" + kind, mt, ["random()"]
    yield "generator:pcg64", ["MT19937", mt["state"]["key"], 624, 0, 0.0], ["random()"]
    yield "generator:mt19937", np.random.PCG64(1).state, ["random()"]
    yield "generator:philox", plain(np.random.SFC64(1).state), ["random()"]
    for g in [float("nan"), float("inf"), float("-inf")]:
        yield "legacy", legacy_state(0, has_gauss=1, gauss=g), ["rand()"]
        yield "legacy", legacy_state(0, has_gauss=1, gauss=g), ["standard_normal()", "normal(2, 3)"]
    for h in [2**31, 2**32, -2**31 - 1, 2**63, 2**64, 10**30]:
        yield "legacy", legacy_state(0, has_gauss=h, gauss=0.5), ["rand()"]
    for g in [float("nan"), float("inf"), float("-inf")]:
        yield "python", py_state(0, g), ["random()"]
        yield "python", py_state(0, g), ["gauss(0, 1)", "gauss(0, 1)"]


def run(front: str, state, calls):
    try:
        if front == "legacy":
            obj = np.random.RandomState(0)
            obj.set_state(state)
            dump = lambda: legacy_json(obj)
        elif front == "python":
            obj = random.Random(0)
            obj.setstate((state["version"], tuple(state["internalstate"]), state["gauss_next"]))
            dump = lambda: py_json(obj)
        else:
            bg = KINDS[front.split(":")[1]]()
            bg.state = state
            obj = np.random.Generator(bg)
            dump = lambda: json.dumps(plain(bg.state))
    except Exception as e:  # the state's own error ends the run
        return {"error": {"type": type(e).__name__, "message": str(e)}}
    results = [repr(eval("obj." + c, {"obj": obj})) for c in calls]
    return {"results": results, "state_after": dump()}


def build() -> str:
    rows = []
    for front, state, calls in cases():
        rows.append(json.dumps({"front": front, "state": json.dumps(state), "calls": calls,
                                **run(front, state, calls)}))
    return '{"oracle": "NumPy %s, CPython %d.%d", "cases": [\n  %s\n]}\n' % (
        np.__version__, sys.version_info[0], sys.version_info[1], ",\n  ".join(rows))


def main() -> int:
    return file_main(OUT, build)


if __name__ == "__main__":
    sys.exit(main())
