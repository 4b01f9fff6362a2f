#!/usr/bin/env python3
"""Hand a NumPy ``RandomState`` over to nprand (Rust) and back, through a JSON state file.

The state file is the JSON form of ``RandomState.get_state(legacy=False)``, one line::

    {"bit_generator": "MT19937", "state": {"key": [624 ints], "pos": 624}, "has_gauss": 0, "gauss": 0.0}

``key`` holds the 624 MT19937 words, ``pos`` the index of the next word (624 = regenerate first),
``has_gauss``/``gauss`` the cached second normal of the polar method.  Floats are written with
Python's ``repr`` so they round-trip exactly; nprand reads and writes the same format.

Workflow
--------
1. Stop in Python and save the generator::

       python3 scripts/np_state.py dump --seed 12345 --calls "rand(3)" "standard_normal(3)" --out a.json

   or, in your own script::

       from np_state import save_state
       save_state(rs, "a.json")

2. Continue in Rust from exactly that point, and save where Rust stopped::

       nprand eval --state a.json "randn(2)" "randint(0, 10, size=5)" --save-state b.json

3. Come back to Python::

       from np_state import load_state
       rs = load_state("b.json")        # a RandomState that continues the same stream

   or check from the command line (prints the results of the calls on the loaded state)::

       python3 scripts/np_state.py load b.json "rand(2)"
       python3 scripts/np_state.py load b.json --format json "rand(2)"   # nprand's JSON lines

``--format json`` prints exactly what ``nprand eval --format json`` prints (one JSON object per
call on stdout, ``error: <Type>: <message>`` on stderr and exit status 1 when a call raises), so
the outputs of the two programs can be compared with ``diff``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy as np  # noqa: E402

from npcall import dumps_json, eval_call, make_rs, result_to_nprand_json, state_to_json  # noqa: E402


def save_state(rs: np.random.RandomState, path: str) -> None:
    """Write the state of ``rs`` to ``path`` as nprand's JSON state file."""
    with open(path, "w", encoding="utf-8") as fp:
        fp.write(dumps_json(state_to_json(rs)))


def load_state(path: str) -> np.random.RandomState:
    """A fresh RandomState set to the state stored in ``path`` (absolute or relative to the cwd)."""
    return make_rs({"state_file": os.path.abspath(path)})


def _format_text(call: str, result: dict) -> str:
    if "error" in result:
        return f"{call} -> {result['error']['type']}: {result['error']['message']}"
    if result["kind"] == "bytes":
        return f"{call} -> {result['array'].tobytes()!r}"
    arr = result["array"]
    shown = repr(arr.item()) if arr.ndim == 0 else np.array2string(arr, precision=17,
                                                                    threshold=1000)
    return f"{call} -> {result['kind']} {result['dtype']}{tuple(result['shape'])}: {shown}"


def run_calls(rs: np.random.RandomState, calls: list[str], fmt: str = "text") -> int:
    """Run ``calls`` on ``rs``, print the results; return 1 if a call raised (and stop there)."""
    for call in calls:
        res = eval_call(rs, call)
        if fmt == "json":
            if "error" in res:
                sys.stdout.flush()
                print(f"error: {res['error']['type']}: {res['error']['message']}", file=sys.stderr)
                return 1
            sys.stdout.write(json.dumps(result_to_nprand_json(res)) + "\n")
        else:
            print(_format_text(call, res))
            if "error" in res:
                return 1
    return 0


def _init_from_args(args) -> dict:
    if args.seed_array is not None:
        return {"seed_array": [int(v) for v in args.seed_array.replace(",", " ").split()]}
    return {"seed": args.seed}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="See the module docstring for the workflow.")
    sub = parser.add_subparsers(dest="cmd", required=True)

    p_dump = sub.add_parser("dump", help="seed a RandomState, run calls, write its state JSON")
    g = p_dump.add_mutually_exclusive_group(required=True)
    g.add_argument("--seed", type=int, help="RandomState(seed)")
    g.add_argument("--seed-array", metavar="INTS",
                   help="RandomState([..]): comma- or space-separated integers")
    p_dump.add_argument("--calls", nargs="*", default=[], metavar="CALL",
                        help="calls to run before dumping, e.g. \"rand(3)\"")
    p_dump.add_argument("--out", required=True, help="output state file (JSON)")
    p_dump.add_argument("--quiet", action="store_true", help="do not print the call results")

    p_load = sub.add_parser("load", help="load a state JSON, run calls, print the results")
    p_load.add_argument("file", help="state file written by `dump`, save_state or nprand")
    p_load.add_argument("calls", nargs="*", metavar="CALL")
    p_load.add_argument("--format", choices=("text", "json"), default="text",
                        help="json = the same lines as `nprand eval --format json`")
    p_load.add_argument("--save-state", metavar="OUT", help="write the state after the calls")

    # Calls may come before or after the options of `load`: argparse gives the calls that follow
    # an option back as "unknown" arguments, in order.
    args, extra = parser.parse_known_args(argv)
    if extra:
        if args.cmd != "load" or any(e.startswith("-") for e in extra):
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
        args.calls = list(args.calls) + extra
    if args.cmd == "dump":
        rs = make_rs(_init_from_args(args))
        status = 0
        if args.calls:
            if args.quiet:
                with open(os.devnull, "w") as devnull:
                    old, sys.stdout = sys.stdout, devnull
                    try:
                        status = run_calls(rs, args.calls)
                    finally:
                        sys.stdout = old
            else:
                status = run_calls(rs, args.calls)
        save_state(rs, args.out)
        return status
    rs = load_state(args.file)
    status = run_calls(rs, args.calls, args.format)
    if args.save_state:
        save_state(rs, args.save_state)
    return status


if __name__ == "__main__":
    sys.exit(main())
