"""Running one call on NumPy's ``Generator`` the way the fixtures and the cross-check record it.

Used by ``fixgen.generator`` and ``fixgen.mvn_generator`` (the fixtures) and by
``scripts/crosscheck_generator.py``. Results are encoded with ``fixgen.common.encode``.
"""

from __future__ import annotations

import json
import warnings

import numpy as np
from numpy.random import MT19937, PCG64, PCG64DXSM, SFC64, Generator, Philox

from fixgen.common import encode

GENS = {"mt19937": MT19937, "pcg64": PCG64, "pcg64dxsm": PCG64DXSM, "philox": Philox,
        "sfc64": SFC64}
ALL_GENS = ["mt19937", "pcg64", "pcg64dxsm", "philox", "sfc64", "default"]


def make(gen: str, seed: int) -> Generator:
    if gen == "default":
        return np.random.default_rng(seed)
    return Generator(GENS[gen](seed))


def state_json(state) -> str:
    def conv(v):
        if isinstance(v, dict):
            return {k: conv(x) for k, x in v.items()}
        if isinstance(v, np.ndarray):
            return v.tolist()
        if isinstance(v, np.integer):
            return int(v)
        return v
    return json.dumps(conv(state))


def run_call(rng: Generator, call: str, **opts) -> dict:
    """Evaluate `rng.<call>` and return {"result": ...} or {"error": ...} (``opts``: those of
    ``fixgen.common.encode_array``)."""
    env = {"np": np, "numpy": np, "rng": rng}
    shuffled = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if call.startswith("shuffle(") and call.endswith(")"):
                # shuffle returns None; nprand eval prints the shuffled argument instead.
                a, k = eval("(lambda *a, **k: (a, k))(" + call[len("shuffle("):-1] + ")", env)
                shuffled = a[0] if a else None
                v = rng.shuffle(*a, **k)
                if shuffled is not None and not isinstance(shuffled, str):
                    v = np.asarray(shuffled)
            else:
                v = eval("rng." + call, env)
    except Exception as e:  # noqa: BLE001 - every NumPy error is data here
        return {"error": {"type": type(e).__name__, "message": str(e)}}
    return {"result": encode(v, **opts)}


def run_case(case_id: str, gen: str, seed: int, calls: list) -> dict:
    rng = make(gen, seed)
    out = []
    for c in calls:
        r = run_call(rng, c)
        out.append(dict(call=c, **r))
    return {"id": case_id, "gen": gen, "seed": str(seed), "calls": out,
            "state": state_json(rng.bit_generator.state)}
