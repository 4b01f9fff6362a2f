#!/usr/bin/env python3
"""Hand a CPython ``random.Random`` over to nprand (Rust) and back, through a JSON state file.

The state file is ``random.getstate()`` as one line of JSON::

    {"version": 3, "internalstate": [624 words..., index], "gauss_next": null}

``internalstate`` holds the 624 MT19937 words and then the index of the next word (624 =
regenerate first); ``gauss_next`` is the cached second value of ``gauss()`` (or null).  Floats are
written with ``repr`` so they round-trip exactly.  nprand writes the same bytes
(``nprand::python::PyState::to_json``) and also reads ``json.dumps(random.getstate())``.

Workflow
--------
1. Stop in Python and save the generator::

       python3 scripts/py_state.py dump --seed 42 --calls "random()" "gauss()" --out a.json

   or, in your own script::

       from py_state import save_state
       save_state(random, "a.json")          # the module itself, or any random.Random

2. Continue in Rust from that point (``nprand eval --python --state a.json ...``, or
   ``nprand::python::run_python_eval(None, Some(&text), ...)``), and save where Rust stopped.

3. Come back to Python::

       from py_state import load_state
       r = load_state("b.json")              # a random.Random that continues the same stream

   or from the command line (prints one line per call, like ``nprand eval --python``)::

       python3 scripts/py_state.py load b.json "random()" "randint(1, 6)"
       python3 scripts/py_state.py load --format json b.json "choices('abc', k=3)"

Calls are evaluated by :func:`eval_call`, the single definition of what a call string means on
the Python side (shared by ``fixgen/python.py`` and ``crosscheck_py.py``).  Standard library only.
"""

from __future__ import annotations

import argparse
import ast
import json
import math
import random
import sys
import warnings

# ---------------------------------------------------------------------------------------------
# State <-> JSON


def state_to_json(r) -> str:
    """One line of JSON for ``r.getstate()`` (``r`` may be the ``random`` module)."""
    version, internal, gauss_next = r.getstate()
    return json.dumps({"version": version, "internalstate": list(internal), "gauss_next": gauss_next})


def json_to_state(text: str):
    """The ``setstate`` tuple for a state JSON (dict form or ``json.dumps(getstate())``)."""
    d = json.loads(text)
    if isinstance(d, dict):
        return (d["version"], tuple(d["internalstate"]), d["gauss_next"])
    version, internal, gauss_next = d
    return (version, tuple(internal), gauss_next)


def save_state(r, path: str) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.write(state_to_json(r) + "\n")


def load_state(path: str) -> random.Random:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    r = random.Random()
    r.setstate(json_to_state(text))
    return r


# ---------------------------------------------------------------------------------------------
# Seeds: the ``--seed`` text of ``nprand eval --python`` <-> a Python seed object


def seed_text(seed) -> str:
    """The ``--seed`` text nprand's ``make_random`` reads for a Python seed object."""
    if isinstance(seed, bool):
        return repr(seed)
    if isinstance(seed, int):
        return str(seed)
    if isinstance(seed, (float, str, bytes, bytearray)):
        return repr(seed)
    raise TypeError(f"unsupported seed {seed!r}")


def seed_from_text(text: str):
    """The Python seed object for a ``--seed`` text (the inverse of :func:`seed_text`)."""
    t = text.strip()
    if t in ("inf", "-inf", "nan"):
        return float(t)
    return eval(t, {"__builtins__": {}}, {"bytearray": bytearray, "inf": math.inf, "nan": math.nan})


# ---------------------------------------------------------------------------------------------
# Calls


_NAMES = {"nan": math.nan, "inf": math.inf, "float": float, "int": int, "math": math}


def parse_call(call: str):
    """``"randint(1, 6)"`` -> ("randint", [1, 6], {}).  A dotted receiver is ignored."""
    node = ast.parse(call.strip(), mode="eval").body
    if not isinstance(node, ast.Call):
        raise ValueError(f"not a call: {call!r}")
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id

    def ev(n):
        return eval(compile(ast.Expression(n), "<call>", "eval"), {"__builtins__": {}}, dict(_NAMES))

    args = [ev(a) for a in node.args]
    kwargs = {k.arg: ev(k.value) for k in node.keywords}
    return name, args, kwargs


def eval_call(r: random.Random, call: str):
    """Run ``call`` on ``r``; return the value, as ``nprand eval --python`` does.

    ``shuffle(x)`` returns the shuffled list (Python itself returns None).  Exceptions propagate.
    """
    name, args, kwargs = parse_call(call)
    method = getattr(r, name)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = method(*args, **kwargs)
    if name == "shuffle" and value is None and args and isinstance(args[0], list):
        return args[0]
    return value


def to_json(value) -> str:
    """``json.dumps(value)``, with bytes as a hex string (json.dumps refuses bytes)."""
    if isinstance(value, (bytes, bytearray)):
        return json.dumps(bytes(value).hex())
    return json.dumps(value)


def outcome(r: random.Random, call: str) -> dict:
    """``{"json": ..., "repr": ...}`` or ``{"error": {"type": ..., "message": ...}}``.

    ``"repr"`` is left out when it is the same text as ``"json"``.
    """
    try:
        value = eval_call(r, call)
        # Printing can raise too (an int of more than 4300 digits): after the draws.
        text = to_json(value)
        rep = repr(value)
    except Exception as e:  # noqa: BLE001 - every Python exception is a result here
        return {"error": {"type": type(e).__name__, "message": str(e)}}
    return {"json": text} if rep == text else {"json": text, "repr": rep}


# ---------------------------------------------------------------------------------------------
# Command line


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump", help="seed a random.Random, run calls, write its state")
    d.add_argument("--seed", required=True, help="int, float, 'str' or b'bytes' (as nprand's --seed)")
    d.add_argument("--calls", nargs="*", default=[])
    d.add_argument("--out", required=True)
    lo = sub.add_parser("load", help="load a state file and run calls on it")
    lo.add_argument("path")
    lo.add_argument("calls", nargs="*")
    lo.add_argument("--format", choices=["text", "json"], default="text")
    lo.add_argument("--save-state")
    a = ap.parse_args(argv)

    if a.cmd == "dump":
        r = random.Random(seed_from_text(a.seed))
        for c in a.calls:
            eval_call(r, c)
        save_state(r, a.out)
        return 0

    r = load_state(a.path)
    for c in a.calls:
        try:
            value = eval_call(r, c)
        except Exception as e:  # noqa: BLE001
            print(f"error: {type(e).__name__}: {e}", file=sys.stderr)
            return 1
        print(to_json(value) if a.format == "json" else repr(value))
    if a.save_state:
        save_state(r, a.save_state)
    return 0


if __name__ == "__main__":
    sys.exit(main())
