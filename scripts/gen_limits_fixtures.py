#!/usr/bin/env python3
"""Fixtures for nprand's size limits (issue #12), from NumPy 2.4.6 / CPython 3.11.

Writes
- fixtures/limits/size_to_string.json: [bytes, _ArrayMemoryError._size_to_string(bytes)]
  pairs (bytes as a string), for the MemoryError message of src/common/alloc.rs;
- fixtures/limits/cases.json: {id: {"call", "type", "message"}} for the library calls
  tests/no_panic.rs replays (each id names one Rust call there).

The calls run under a 4 GB address-space limit, so "Unable to allocate" is what NumPy
raises for the sizes used (all of them far beyond any machine: TiB and EiB).
Run: python3 scripts/gen_limits_fixtures.py
"""
import json
import os
import random
import resource

import numpy as np
from numpy._core._exceptions import _ArrayMemoryError

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "fixtures", "limits")

# id -> Python call; `rs` is RandomState(0), `g` default_rng(0), `g_mt` Generator(MT19937(0)),
# `r` random.Random(0), `ss` SeedSequence(0).
CASES = {
    "rs_rand_2p40_2p40": "rs.rand(2**40, 2**40)",
    "rs_rand_max_max": "rs.rand(2**64 - 1, 2**64 - 1)",
    "rs_rand_2p59": "rs.rand(2**59)",
    "rs_rand_65_dims": "rs.rand(*((1,) * 65))",
    "rs_rand_zero_then_huge": "rs.rand(0, 2**62, 2**62)",
    "rs_randn_2p40_2p40": "rs.randn(2**40, 2**40)",
    "rs_bytes_2p62": "rs.bytes(2**62)",
    "rs_bytes_2p63m1": "rs.bytes(2**63 - 1)",
    "rs_bytes_2p63": "rs.bytes(2**63)",
    "rs_permutation_2p59": "rs.permutation(2**59)",
    "rs_permutation_2p62": "rs.permutation(2**62)",
    "rs_choice_1e18_0_noreplace": "rs.choice(10**18, 0, replace=False)",
    "rs_choice_3_2p59": "rs.choice(3, 2**59)",
    "rs_choice_3_2p59_p": "rs.choice(3, 2**59, p=[0.2, 0.3, 0.5])",
    "rs_choice_3_2p63": "rs.choice(3, 2**63)",
    "rs_mvn_2p59": "rs.multivariate_normal([0, 0], [[1, 0], [0, 1]], size=2**59)",
    "rs_mvn_2p62": "rs.multivariate_normal([0, 0], [[1, 0], [0, 1]], size=2**62)",
    "rs_normal_65_dims": "rs.standard_normal(size=(1,) * 65)",
    "g_bytes_2p62": "g.bytes(2**62)",
    "g_bytes_2p63": "g.bytes(2**63)",
    "g_choice_1_2p32_2p32": "g.choice(1, size=(2**32, 2**32))",
    "g_choice_3_2p59": "g.choice(3, size=2**59)",
    "g_choice_3_2p59_p": "g.choice(3, size=2**59, p=[0.2, 0.3, 0.5])",
    "g_choice_1e18_1e17_noreplace": "g.choice(10**18, 10**17, replace=False)",
    "g_dirichlet_2p59": "g.dirichlet([1, 1], size=2**59)",
    "g_dirichlet_2p62": "g.dirichlet([1, 1], size=2**62)",
    "g_multinomial_2p59": "g.multinomial(10, [0.5, 0.5], size=2**59)",
    "g_mvhg_2p62": "g.multivariate_hypergeometric([1, 1], 1, size=2**62)",
    "g_mvhg_count_2p58": "g.multivariate_hypergeometric([2**58, 2**58], 1, method='count')",
    "g_permutation_2p59": "g.permutation(2**59)",
    "g_spawn_2p31": "g.spawn(2**31)",
    "g_normal_65_dims": "g.standard_normal(size=(1,) * 65)",
    "bg_random_raw_2p62": "g.bit_generator.random_raw(2**62)",
    "bg_random_raw_2p59": "g.bit_generator.random_raw(2**59)",
    "ss_generate_state_2p59": "ss.generate_state(2**59)",
    "ss_generate_state_2p62": "ss.generate_state(2**62)",
    "ss_generate_state_u64_2p62": "ss.generate_state(2**62, np.uint64)",
    "ss_spawn_2p63": "ss.spawn(2**63)",
    "ss_pool_size_2p59": "np.random.SeedSequence(0, pool_size=2**59)",
    "ss_pool_size_2p62": "np.random.SeedSequence(0, pool_size=2**62)",
    "ss_pool_size_2p63": "np.random.SeedSequence(0, pool_size=2**63)",
    "py_randbytes_2p28": "r.randbytes(2**28)",
    "py_choices_2p63": "r.choices([1], k=2**63)",
    "py_choices_cum_2p63": "r.choices([1, 2], cum_weights=[1, 2], k=2**63)",
    "py_sample_range_2p63": "r.sample(range(2**63), 3)",
    "py_sample_counts_2p62": "r.sample([1, 2], counts=[2**62, 2**62], k=5)",
}


def run(call):
    rs = np.random.RandomState(0)
    g = np.random.default_rng(0)
    r = random.Random(0)
    ss = np.random.SeedSequence(0)
    try:
        eval(call, {"np": np}, {"rs": rs, "g": g, "r": r, "ss": ss})
    except Exception as e:  # noqa: BLE001 - the exception is the fixture
        return {"call": call, "type": type(e).__name__, "message": str(e)}
    raise SystemExit(f"{call} did not raise")


def main():
    resource.setrlimit(resource.RLIMIT_AS, (4_000_000_000, 4_000_000_000))
    os.makedirs(OUT, exist_ok=True)
    sizes = [0, 1, 1023, 1024, 1025, 1023 * 1024 + 511, 1023 * 1024 + 512, 999 * 1024 + 511,
             999 * 1024 + 512, 1000 * 1024, 128 << 30, 2**62, 2**63 - 1, 2**63, 2**64 + 5,
             2**70, 8 * 10**18, 3 * 2**40 + 5, 16 << 40, 7 * 10**12 + 1]
    rng = random.Random(12)
    sizes += [rng.randrange(2**rng.randrange(1, 64)) for _ in range(40)]
    pairs = [[str(n), _ArrayMemoryError._size_to_string(n)] for n in sizes]
    with open(os.path.join(OUT, "size_to_string.json"), "w") as f:
        json.dump(pairs, f, indent=0)
        f.write("\n")
    cases = {k: run(v) for k, v in CASES.items()}
    with open(os.path.join(OUT, "cases.json"), "w") as f:
        json.dump(cases, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
