"""The fixtures of nprand's modern API (SeedSequence and the five bit generators) from real
NumPy (pinned: numpy==2.4.6), written by ``scripts/gen_fixtures.py`` (family ``modern``).

Deterministic: a second run writes byte-identical files (fixed seeds, no timestamps, ``np.save``
for arrays, ``fixgen.common``'s JSON writer for the manifest).

Layout of ``fixtures/modern/``
------------------------------
::

    manifest.json        everything but the long streams (described below)
    <case>_raw.npy       uint64: bg.random_raw(RAW_N) right after construction
    <case>_u32.npy       uint32: U32_N calls of bg.ctypes.next_uint32 (from a fresh generator)
    <case>_dbl.npy       float64: DBL_N calls of bg.ctypes.next_double (from a fresh generator)
    <case>_mix.npy       uint64: the MIX_OPS pattern of calls (from a fresh generator); doubles
                         are stored as their IEEE bit patterns

Encodings in manifest.json
--------------------------
* Integers that may exceed 64 bits are JSON *strings* of decimal digits (possibly with "-").
* An entropy value is ``{"int": "123"}``, ``{"str": "0x10"}``, ``{"float": 1.5}`` or a JSON list
  of entropy values (a Python list, nested lists allowed).
* A seed is ``{"entropy": <entropy>, "spawn_key": ["1", "2"], "pool_size": 4}``: the bit
  generator is built as ``Gen(SeedSequence(entropy, spawn_key=..., pool_size=...))``, which is
  what ``Gen(entropy)`` does when spawn_key is empty and pool_size is 4.
* States are the exact text of ``json.dumps(state)`` with NumPy arrays turned into lists
  (``tolist()``), so a port can compare its own JSON text byte for byte.

Sections: ``seed_sequence`` (generate_state in 32 and 64 bits, pool, spawn children),
``seed_sequence_errors``, ``bitgens`` (streams and states per generator and seed),
``advance``, ``jumped``, ``philox_key`` (``Philox(key=..., counter=...)``), ``bytes``
(``Generator(bg).bytes(n)``), ``state_errors`` (setting another generator's state).
"""

from __future__ import annotations

import os
import sys

import numpy as np
from numpy.random import MT19937, PCG64, PCG64DXSM, SFC64, Generator, Philox, SeedSequence

import parallel_streams  # scripts/ (the Python original of examples/parallel_streams.rs)
from fixgen.common import save_npy, write_json, write_text
from fixgen.generator_call import state_json

RAW_N = 1000
U32_N = 501          # odd: the generator ends with a buffered half
DBL_N = 200
# Interleaved calls: "32" next_uint32, "64" next_uint64, "d" next_double, "r" random_raw().
MIX_OPS = (["32", "64", "32", "32", "d", "r", "32", "d", "64", "32", "r", "r", "32"] * 23)[:299]

GENS = {"MT19937": MT19937, "PCG64": PCG64, "PCG64DXSM": PCG64DXSM, "Philox": Philox,
        "SFC64": SFC64}


# =============================================================================================
# Encoding helpers
# =============================================================================================

def enc_entropy(e):
    if isinstance(e, bool) or isinstance(e, (int, np.integer)):
        return {"int": str(int(e))}
    if isinstance(e, str):
        return {"str": e}
    if isinstance(e, float):
        return {"float": e}
    return [enc_entropy(x) for x in e]


def seed_spec(entropy, spawn_key=(), pool_size=4):
    return {"entropy": enc_entropy(entropy), "spawn_key": [str(k) for k in spawn_key],
            "pool_size": pool_size}


def make_ss(spec):
    def dec(e):
        if isinstance(e, list):
            return [dec(x) for x in e]
        (k, v), = e.items()
        return {"int": int, "str": str, "float": float}[k](v)
    return SeedSequence(dec(spec["entropy"]), spawn_key=tuple(int(k) for k in spec["spawn_key"]),
                        pool_size=spec["pool_size"])


def u64s(a) -> list[str]:
    return [str(int(x)) for x in a]


def c_funcs(bg):
    c = bg.ctypes
    return c, c.state


def take_u32(bg, n):
    c, st = c_funcs(bg)
    return np.array([c.next_uint32(st) for _ in range(n)], dtype=np.uint32)


def take_dbl(bg, n):
    c, st = c_funcs(bg)
    return np.array([c.next_double(st) for _ in range(n)], dtype=np.float64)


def take_mix(bg, ops):
    c, st = c_funcs(bg)
    out = []
    for op in ops:
        if op == "32":
            out.append(c.next_uint32(st))
        elif op == "64":
            out.append(c.next_uint64(st))
        elif op == "d":
            out.append(int(np.float64(c.next_double(st)).view(np.uint64)))
        else:
            out.append(int(bg.random_raw()))
    return np.array(out, dtype=np.uint64)


def error_of(fn):
    try:
        fn()
    except Exception as exc:  # noqa: BLE001 - we record whatever NumPy raises
        return {"type": type(exc).__name__, "message": str(exc)}
    raise AssertionError("expected an error")


# =============================================================================================
# Sections
# =============================================================================================

SS_CASES = [
    # (id, entropy, spawn_key, pool_size)
    ("int_0", 0, (), 4),
    ("int_1", 1, (), 4),
    ("int_12345", 12345, (), 4),
    ("int_2p32", 2**32, (), 4),
    ("int_2p32m1", 2**32 - 1, (), 4),
    ("int_2p64p5", 2**64 + 5, (), 4),
    ("int_2p128p7", 2**128 + 7, (), 4),
    ("int_2p128m1", 2**128 - 1, (), 4),
    ("int_huge", 3**200, (), 4),
    ("list_123", [1, 2, 3], (), 4),
    ("list_empty", [], (), 4),
    ("list_0", [0], (), 4),
    ("list_words_2p64p5", [5, 0, 1], (), 4),
    ("list_big_elems", [2**64 + 5, 7, 2**40], (), 4),
    ("list_long", list(range(1, 20)), (), 4),
    ("nested", [1, [2, 3], [[4], []], 5], (), 4),
    ("nested_big", [[2**70], [0, [2**33]]], (), 4),
    ("strings", ["12345", "0x10", 7, "0xdeadbeefcafe"], (), 4),
    ("spawn_1", 0, (1,), 4),
    ("spawn_12", 12345, (1, 2), 4),
    ("spawn_big_entropy", 2**200 + 1, (3,), 4),
    ("spawn_big_key", 5, (2**40, 0), 4),
    ("spawn_list_entropy", [1, 2], (0,), 4),
    ("pool_5", 12345, (), 5),
    ("pool_8", 2**64 + 5, (), 8),
    ("pool_8_spawn", 7, (4,), 8),
    ("pool_32_long", list(range(40)), (), 32),
]

SS_ERRORS = [
    ("negative", lambda: SeedSequence(-1)),
    ("negative_in_list", lambda: SeedSequence([1, -2])),
    ("negative_big", lambda: SeedSequence(-(2**80))),
    ("float", lambda: SeedSequence(1.5)),
    ("float_in_list", lambda: SeedSequence([1, 2.0])),
    ("str_top", lambda: SeedSequence("5")),
    ("bad_str_in_list", lambda: SeedSequence(["abc"])),
    ("bad_decimal_in_list", lambda: SeedSequence(["12a"])),
    ("bad_hex_in_list", lambda: SeedSequence(["0xzz"])),
    ("pool_3", lambda: SeedSequence(1, pool_size=3)),
    ("negative_spawn_key", lambda: SeedSequence(1, spawn_key=(-1,))),
]
SS_ERROR_INPUTS = {
    "negative": seed_spec(-1),
    "negative_in_list": seed_spec([1, -2]),
    "negative_big": seed_spec(-(2**80)),
    "float": seed_spec(1.5),
    "float_in_list": seed_spec([1, 2.0]),
    "str_top": seed_spec("5"),
    "bad_str_in_list": seed_spec(["abc"]),
    "bad_decimal_in_list": seed_spec(["12a"]),
    "bad_hex_in_list": seed_spec(["0xzz"]),
    "pool_3": seed_spec(1, pool_size=3),
    "negative_spawn_key": seed_spec(1, spawn_key=(-1,)),
}


def gen_seed_sequence():
    out = []
    for cid, entropy, spawn_key, pool_size in SS_CASES:
        spec = seed_spec(entropy, spawn_key, pool_size)
        ss = make_ss(spec)
        assert ss.spawn_key == tuple(spawn_key)
        kids = ss.spawn(3)
        more = ss.spawn(2)
        grandkids = kids[1].spawn(2)
        out.append({
            "id": cid,
            "seed": spec,
            "pool": [int(x) for x in ss.pool],
            "state32": [int(x) for x in ss.generate_state(9)],
            "state64": u64s(ss.generate_state(5, np.uint64)),
            "children": [{"spawn_key": [str(k) for k in k_.spawn_key],
                          "state32": [int(x) for x in k_.generate_state(4)]}
                         for k_ in kids + more + grandkids],
            "n_children_spawned": ss.n_children_spawned,
        })
    errors = []
    for cid, fn in SS_ERRORS:
        errors.append({"id": cid, "seed": SS_ERROR_INPUTS[cid], "error": error_of(fn)})
    return out, errors


BG_SEEDS = [
    ("s0", seed_spec(0)),
    ("s12345", seed_spec(12345)),
    ("sbig", seed_spec(2**100 + 12345)),
    ("slist", seed_spec([1, 2, 3])),
    ("sspawn", seed_spec(5, spawn_key=(1,))),
]


def gen_bitgens(out_dir):
    cases = []
    for name, cls in GENS.items():
        for sid, spec in BG_SEEDS:
            cid = f"{name.lower()}_{sid}"
            fresh = lambda: cls(make_ss(spec))  # noqa: E731
            bg = fresh()
            entry = {"id": cid, "gen": name, "seed": spec, "state_init": state_json(bg.state)}
            save_npy(os.path.join(out_dir, f"{cid}_raw.npy"), bg.random_raw(RAW_N))
            entry["state_after_raw"] = state_json(bg.state)
            keep_states = name != "MT19937"   # 624-word states: keep the file small
            bg = fresh()
            save_npy(os.path.join(out_dir, f"{cid}_u32.npy"), take_u32(bg, U32_N))
            if keep_states:
                entry["state_after_u32"] = state_json(bg.state)
            bg = fresh()
            save_npy(os.path.join(out_dir, f"{cid}_dbl.npy"), take_dbl(bg, DBL_N))
            if keep_states:
                entry["state_after_dbl"] = state_json(bg.state)
            bg = fresh()
            save_npy(os.path.join(out_dir, f"{cid}_mix.npy"), take_mix(bg, MIX_OPS))
            entry["state_after_mix"] = state_json(bg.state)
            # spawn(2) on the bit generator: children's first raw outputs
            bg = fresh()
            entry["spawn_children_raw"] = [u64s(k.random_raw(4)) for k in bg.spawn(2)]
            entry["spawn_children_raw"] += [u64s(k.random_raw(4)) for k in bg.spawn(1)]
            cases.append(entry)
    return cases


ADVANCE_DELTAS = [0, 1, 2, 3, 4, 5, 7, 1000, 2**32 + 1, 2**64 - 1, 2**64, 2**64 + 3, 2**100 + 17,
                  2**128 - 1, 2**128, 2**128 + 9, 2**200 + 2**64 + 1, 2**256 - 1, 2**256 + 5,
                  -1, -3, -(2**64), -(2**130) - 7]
JUMPS = [0, 1, 2, 3, 7, -1, -2, 2**64 + 1]


def gen_advance_jumped():
    adv = []
    jmp = []
    for name in ("PCG64", "PCG64DXSM", "Philox"):
        cls = GENS[name]
        for sid, spec in (BG_SEEDS[1], BG_SEEDS[2]):
            for pre in (0, 3):   # draws before (Philox: buffer part-used; u32: buffered half)
                for delta in ADVANCE_DELTAS:
                    bg = cls(make_ss(spec))
                    bg.random_raw(pre)
                    c, st = c_funcs(bg)
                    c.next_uint32(st)
                    bg.advance(delta)
                    adv.append({"gen": name, "seed": spec, "pre_raw": pre, "pre_u32": 1,
                                "delta": str(delta), "state": state_json(bg.state),
                                "next_raw": u64s(bg.random_raw(6))})
        for sid, spec in BG_SEEDS[:2]:
            for jumps in JUMPS:
                bg = cls(make_ss(spec))
                bg.random_raw(3)
                c, st = c_funcs(bg)
                c.next_uint32(st)
                j = bg.jumped(jumps)
                jmp.append({"gen": name, "seed": spec, "pre_raw": 3, "pre_u32": 1,
                            "jumps": str(jumps), "state": state_json(j.state),
                            "orig_state": state_json(bg.state),
                            "next_raw": u64s(j.random_raw(6))})
    # MT19937 (new-style seeding): jumped fixtures for Mt19937::jumped (other branch).
    for sid, spec in BG_SEEDS[:2]:
        for jumps in (1, 2):
            bg = MT19937(make_ss(spec))
            bg.random_raw(5)
            j = bg.jumped(jumps)
            jmp.append({"gen": "MT19937", "seed": spec, "pre_raw": 5, "pre_u32": 0,
                        "jumps": str(jumps), "state": state_json(j.state),
                        "next_raw": u64s(j.random_raw(6))})
    return adv, jmp


PHILOX_KEYS = [
    # (key, counter, seed-instead-of-key)
    (0, 0, None), (1, 0, None), (2**64 + 3, 0, None), (2**128 - 1, 2**256 - 1, None),
    (12345, 7, None), (12345, 2**64 - 1, None), (987654321987654321, 2**192 + 2**128 - 1, None),
    (None, 5, 12345), (None, 2**130, 0),
]


def gen_philox_key():
    out = []
    for key, counter, seed in PHILOX_KEYS:
        if key is not None:
            bg = Philox(key=key, counter=counter)
        else:
            bg = Philox(seed, counter=counter)
        out.append({"key": None if key is None else str(key), "counter": str(counter),
                    "seed": None if seed is None else seed_spec(seed),
                    "state": state_json(bg.state), "raw": u64s(bg.random_raw(9))})
    return out


def gen_bytes():
    out = []
    for name, cls in GENS.items():
        for n in (0, 1, 4, 7, 13):
            g = Generator(cls(make_ss(seed_spec(42))))
            out.append({"gen": name, "seed": seed_spec(42), "n": n, "hex": g.bytes(n).hex()})
    return out


def gen_state_errors():
    out = []
    for name, cls in GENS.items():
        other = "SFC64" if name != "SFC64" else "PCG64"
        bg = cls(0)

        def set_other():
            bg.state = GENS[other](0).state
        out.append({"gen": name, "other": other, "error": error_of(set_other)})
    # PCG64 vs PCG64DXSM
    bg = PCG64(0)

    def set_dxsm():
        bg.state = PCG64DXSM(0).state
    out.append({"gen": "PCG64", "other": "PCG64DXSM", "error": error_of(set_dxsm)})
    return out


def generate(out_dir: str) -> dict:
    os.makedirs(out_dir, exist_ok=True)
    ss, ss_err = gen_seed_sequence()
    bitgens = gen_bitgens(out_dir)
    adv, jmp = gen_advance_jumped()
    manifest = {
        "numpy_version": np.__version__,
        "raw_n": RAW_N, "u32_n": U32_N, "dbl_n": DBL_N, "mix_ops": MIX_OPS,
        "seed_sequence": ss,
        "seed_sequence_errors": ss_err,
        "bitgens": bitgens,
        "advance": adv,
        "jumped": jmp,
        "philox_key": gen_philox_key(),
        "bytes": gen_bytes(),
        "state_errors": gen_state_errors(),
    }
    write_json(os.path.join(out_dir, "manifest.json"), manifest)
    # examples/parallel_streams.rs's expected output (tests/parallel_streams.rs).
    write_text(os.path.join(out_dir, "parallel_streams.txt"), parallel_streams.run())
    return {"seed_sequence": len(ss), "bitgens": len(bitgens), "advance": len(adv),
            "jumped": len(jmp)}


if __name__ == "__main__":
    from fixgen.common import family_main
    sys.exit(family_main("modern"))
