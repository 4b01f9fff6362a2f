#!/usr/bin/env python3
"""Cross-check nprand's CPython ``random`` port against real CPython on random cases.

Random seeds (ints of any size and sign, str, bytes, floats) and random calls of every method
(with random parameters, including invalid ones) run in CPython 3.11 and through nprand, and every
result (value text, or exception type and message) and the final state must be identical.
``binomialvariate`` and the 3.12 error texts are checked against a real CPython 3.12 worker.

Two ways to run nprand (``--nprand PATH``, default ``target/release/nprand``)::

      cargo build --release
      python3 scripts/crosscheck_py.py --cases 600 --calls 10

* ``nprand eval --batch`` (default): one process for all cases, one JSON line per case
  (``{"python": true, "python_version": ..., "seed": ..., "calls": [...]}``), every call
  compared (an error does not end a case) and the final state;

* ``--cli``: one ``nprand eval --python --seed S --format json CALL...`` process per case; the
  CLI stops at the first call that raises, so a case is compared up to and including that error
  (``error: Type: message`` on stderr).

Exit status 0 when everything matches.  Standard library only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from fixgen import python as gen  # noqa: E402
import py_state  # noqa: E402


def default_nprand() -> str:
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(HERE, "..", "target"))
    return os.path.join(target, "release", "nprand")


def python_cases(n_cases: int, n_calls: int, seed: int, hostile: float = 0.0):
    rng = random.Random(seed)
    jobs = []
    for s, calls in gen.fuzz_cases(n_cases, n_calls, rng, hostile):
        jobs.append({"seed": py_state.seed_text(s), "version": "3.11", "calls": calls})
    # 3.12: binomialvariate and 3.12 behaviour, from a real CPython 3.12.
    n312 = max(1, n_cases // 10)
    jobs312 = [(str(rng.randrange(-2**70, 2**70)),
                [rng.choice([gen.random_binomial_call(rng), gen.random_call(rng)]) for _ in range(n_calls)])
               for _ in range(n312)]
    expected = []
    for job in jobs:
        case = gen.run_case(py_state.seed_from_text(job["seed"]), job["calls"])
        expected.append(case)
    for (seed_txt, calls), case in zip(jobs312, gen.run_in_312(jobs312)):
        jobs.append({"seed": seed_txt, "version": "3.12", "calls": calls})
        expected.append(case)
    return jobs, expected


def batch_result(r: dict) -> dict:
    """A ``--batch`` result in ``py_state.outcome()``'s form: json, repr (when it differs)."""
    if "error" in r:
        return r
    out = {"json": r["json"]}
    if r["text"] != r["json"]:
        out["repr"] = r["text"]
    return out


def run_batch(path: str, jobs) -> list:
    payload = "".join(json.dumps({"python": True, "python_version": j["version"], "seed": j["seed"],
                                  "calls": j["calls"]}) + "\n" for j in jobs)
    res = subprocess.run([path, "eval", "--batch"], input=payload, capture_output=True, text=True)
    if res.returncode != 0:
        sys.exit(f"nprand eval --batch failed: {res.stderr}")
    got = [json.loads(line) for line in res.stdout.splitlines()]
    for job, g in zip(jobs, got):
        if "results" not in g:
            sys.exit(f"seed {job['seed']}: nprand could not start: {g}")
        g["results"] = [batch_result(r) for r in g["results"]]
    return got


def compare_batch(jobs, expected, got) -> tuple[int, list]:
    n, bad = 0, []
    for job, want, have in zip(jobs, expected, got):
        wants = [gen.outcome(e) for e in want["calls"]]
        for call, w, h in zip(job["calls"], wants, have["results"]):
            n += 1
            if w != h:
                bad.append(f"seed {job['seed']} ({job['version']}): {call}: CPython {w} != nprand {h}")
        sha = hashlib.sha256(have["state"].encode()).hexdigest()
        if sha != want["state_sha256"]:
            bad.append(f"seed {job['seed']} ({job['version']}): final state differs")
    return n, bad


def compare_cli(nprand: str, jobs, expected) -> tuple[int, list]:
    n, bad = 0, []
    for job, want in zip(jobs, expected):
        cmd = [nprand, "eval", "--python", "--seed", job["seed"], "--format", "json"]
        if job["version"] != "3.11":
            cmd += ["--python-version", job["version"]]
        res = subprocess.run(cmd + job["calls"], capture_output=True, text=True)
        lines = res.stdout.splitlines()
        for i, (call, w) in enumerate(zip(job["calls"], map(gen.outcome, want["calls"]))):
            n += 1
            if "error" in w:
                # The CLI writes a line break inside a message as \n, to keep one line.
                message = w['error']['message'].replace("\n", "\\n")
                text = f"error: {w['error']['type']}: {message}"
                if text not in res.stderr or res.returncode == 0:
                    bad.append(f"seed {job['seed']}: {call}: CPython {text!r}, nprand stderr {res.stderr!r}")
                break
            if i >= len(lines) or lines[i] != w["json"]:
                bad.append(f"seed {job['seed']}: {call}: CPython {w['json']} != nprand "
                           f"{lines[i] if i < len(lines) else res.stderr!r}")
                break
    return n, bad


def main() -> int:
    assert sys.version_info[:2] == (3, 11), "run with CPython 3.11"
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=int, default=600)
    ap.add_argument("--calls", type=int, default=10, help="calls per case")
    ap.add_argument("--seed", type=int, default=1, help="seed of the case generator")
    ap.add_argument("--nprand", default=None, help="path of the nprand binary (default: target/release/nprand)")
    ap.add_argument("--hostile", type=float, default=0.0,
                    help="share of calls with edge values of every kind (0..1)")
    ap.add_argument("--cli", action="store_true", help="one CLI process per case instead of --batch")
    a = ap.parse_args()

    jobs, expected = python_cases(a.cases, a.calls, a.seed, a.hostile)
    nprand = a.nprand or default_nprand()
    if a.cli:
        n, bad = compare_cli(nprand, jobs, expected)
    else:
        n, bad = compare_batch(jobs, expected, run_batch(nprand, jobs))
    n_err = sum(1 for c in expected for e in c["calls"] if "error" in e)
    for b in bad[:40]:
        print(b)
    print(f"crosscheck_py: {len(jobs)} cases, {n} calls compared ({n_err} CPython exceptions), "
          f"{len(bad)} mismatches")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
