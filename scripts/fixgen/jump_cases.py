"""Jump-ahead cases for nprand's MT19937, with NumPy (pinned numpy==2.4.6) as the oracle.

Two kinds of case, both plain dicts (JSON-ready):

* **jumped** — NumPy's ``MT19937.jumped(jumps)``::

      {"id": "jump_seed5_pos624_j1", "init": {"seed": 5} | {"seed_array": [1, 2, 3]},
       "pre_draws": k, "jumps": j}

  optionally with ``"set_pos": p``: after the pre-draws, keep the key and set ``pos = p``
  (this is how ``pos == 0`` is reached, which no sequence of draws produces).

* **advance** — nprand's ``Mt19937::advance(n)`` (skip n 32-bit outputs); NumPy has no such
  method, so the expected state is NumPy's state after drawing the n raw words::

      {"id": "advance_seed7_pre3_n1000000", "init": {...}, "pre_draws": k, "advance": n}

``expected(case)`` returns NumPy's resulting bit-generator state ``{"key": [624 ints], "pos": p}``.

The starting generator is the legacy ``RandomState(seed)`` / ``RandomState(seed_array)``; its state
is copied into a fresh ``np.random.MT19937`` (``bg.state = {...}``) to call ``jumped``.
``pre_draws`` counts raw 32-bit outputs (``random_raw``).  Case order and content are fixed, so the
output is deterministic.

``fixgen.jump`` writes them to ``fixtures/jump/cases.json``.
"""

from __future__ import annotations

import numpy as np


def _seed_array(n: int, salt: int) -> list[int]:
    return [(2654435761 * (i + 1) + 40503 * salt + (i * i) * 97) % 2**32 for i in range(n)]


def _init_id(init: dict) -> str:
    if "seed" in init:
        return f"seed{init['seed']}"
    return f"arr{len(init['seed_array'])}"


def jump_cases() -> list[dict]:
    """NumPy ``MT19937.jumped`` cases: many seeds and positions, jumps 0..3."""
    cases = []

    def add(init, pre, jumps, set_pos=None):
        cid = f"jump_{_init_id(init)}_pre{pre}"
        if set_pos is not None:
            cid += f"_setpos{set_pos}"
        cid += f"_j{jumps}"
        c = {"id": cid, "init": init, "pre_draws": pre, "jumps": jumps}
        if set_pos is not None:
            c["set_pos"] = set_pos
        assert all(x["id"] != cid for x in cases), cid
        cases.append(c)

    # pos after pre_draws k: 0 -> 624 (fresh), k in 1..=624 -> k, 625 -> 1, ...
    for seed in (0, 5, 2**32 - 1):
        for pre in (0, 1, 10, 35, 589, 622, 623, 624, 625, 1000):
            add({"seed": seed}, pre, 1)
    for init in ({"seed": 42}, {"seed_array": [1, 2, 3]}, {"seed_array": _seed_array(624, 7)}):
        for pre in (0, 10, 623):
            for jumps in (0, 2, 3):
                add(init, pre, jumps)
    for set_pos in (0, 10, 622, 623):
        add({"seed": 2024}, 0, 1, set_pos=set_pos)
        add({"seed": 2024}, 3000, 2, set_pos=set_pos)
    add({"seed_array": _seed_array(5, 1)}, 0, 1)
    add({"seed_array": _seed_array(1000, 2)}, 777, 1)
    return cases


def advance_cases() -> list[dict]:
    """``advance(n)`` cases; expected states come from NumPy drawing n raw words."""
    cases = []
    for init, pre, n in [
        ({"seed": 7}, 0, 1),
        ({"seed": 7}, 0, 624),
        ({"seed": 7}, 0, 625),
        ({"seed": 7}, 3, 621),
        ({"seed": 7}, 3, 622),
        ({"seed": 7}, 623, 1),
        ({"seed": 7}, 623, 2),
        ({"seed": 12345}, 0, 624 * 4096),
        ({"seed": 12345}, 0, 624 * 4096 + 1),
        ({"seed": 4}, 0, 624 * 8192),              # nprand's largest direct (twist-by-twist) skip
        ({"seed": 4}, 0, 624 * 8192 + 1),          # nprand's smallest polynomial skip
        ({"seed": 4}, 624, 624 * 8192 + 2),
        ({"seed": 12345}, 100, 624 * 5000 - 100),
        ({"seed": 12345}, 5, 10_000_000),
        ({"seed": 99}, 624, 30_000_001),
        ({"seed_array": [1, 2, 3]}, 17, 50_000_000),
        ({"seed_array": _seed_array(624, 3)}, 0, 2 * 24_999_999 + 1),
    ]:
        cid = f"advance_{_init_id(init)}_pre{pre}_n{n}"
        cases.append({"id": cid, "init": init, "pre_draws": pre, "advance": n})
    return cases


def _start(case: dict) -> np.random.MT19937:
    init = case["init"]
    rs = np.random.RandomState(init["seed"] if "seed" in init else init["seed_array"])
    bg = rs._bit_generator
    if case["pre_draws"]:
        bg.random_raw(case["pre_draws"])
    st = bg.state["state"]
    key, pos = st["key"], int(st["pos"])
    if "set_pos" in case:
        pos = case["set_pos"]
    fresh = np.random.MT19937(0)
    fresh.state = {"bit_generator": "MT19937", "state": {"key": key, "pos": pos}}
    return fresh


def _state(bg: np.random.MT19937) -> dict:
    st = bg.state["state"]
    return {"key": [int(v) for v in st["key"]], "pos": int(st["pos"])}


def start_state(case: dict) -> dict:
    """The state the case starts from (after pre_draws / set_pos), as {"key", "pos"}."""
    return _state(_start(case))


def expected(case: dict) -> dict:
    """NumPy's state after the case: ``{"key": [624 ints], "pos": int}``."""
    bg = _start(case)
    if "jumps" in case:
        return _state(bg.jumped(case["jumps"]))
    left = case["advance"]
    while left:
        step = min(left, 1 << 24)
        bg.random_raw(step)
        left -= step
    return _state(bg)


if __name__ == "__main__":
    print(np.__version__, len(jump_cases()), "jump cases,", len(advance_cases()), "advance cases")
