"""Shared call evaluator for nprand's Python tooling (fixtures, state hand-off, cross-checks).

A *call* is a string written as in Python without the receiver, for example::

    rand(10, 10)
    randint(0, 10, size=(2, 3), dtype='int8')
    choice([1, 2, 3], size=5, p=[0.2, 0.3, 0.5])
    shuffle([1, 2, 3, 4])
    np.random.standard_normal(size=3)     # a dotted receiver is ignored

Several calls run in order on ONE ``np.random.RandomState``.  This module is the single place that
decides what a call means on the NumPy side, so the fixture generator, ``np_state.py`` and
``crosscheck.py`` agree with each other.

Public API
----------
``make_rs(init, base_dir=None)``
    Build a RandomState from an *init* dict:
    ``{"seed": int}`` -> ``RandomState(seed)`` (init_genrand),
    ``{"seed_array": [ints]}`` -> ``RandomState(list)`` (init_by_array),
    (an integer that does not fit 64 bits may be written as a string of decimal digits, e.g.
    ``{"seed": "18446744073709551616"}``, because JSON readers such as serde_json cannot hold it),
    ``{"state": {...state json...}}`` -> ``set_state`` from the JSON dict (see ``state_to_json``),
    ``{"state_file": "states/x.json"}`` -> the same, read from a file; a relative path is taken
    relative to ``base_dir`` (default: the repository's ``fixtures/legacy/`` directory).
    Invalid seeds raise NumPy's own exception.

``eval_call(rs, call_str)``
    Parse and run one call; return a normalised result dict::

        {"kind": "pyscalar" | "npscalar" | "array" | "bytes",
         "dtype": "float64" | "int64" | "int8" | ... | "bool" | "bytes",
         "shape": [...],            # [] for scalars, [len] for bytes
         "array": np.ndarray}       # the value; bytes -> uint8 array

    or, when NumPy raises, ``{"error": {"type": "ValueError", "message": "low >= high"}}``.
    A malformed call string (not a call, unknown/forbidden method, unevaluable argument) is a bug
    in the caller and raises ``CallError`` instead.

``state_to_json(rs)`` / ``json_to_state(d)``
    Convert between a RandomState's state and the JSON-able dict shared with the Rust side::

        {"bit_generator": "MT19937", "state": {"key": [624 ints], "pos": int},
         "has_gauss": 0 | 1, "gauss": float}

``dump_json(obj, fp)`` / ``dumps_json(obj)``
    The one JSON writer used for every file we produce: ``indent=None``,
    ``separators=(", ", ": ")``, floats via ``repr`` (exact round trip), a final newline.

``result_to_nprand_json(result)``
    The ``{"dtype", "shape", "data"}`` object that ``nprand eval --format json`` prints for a
    result (``bytes`` -> hex string), handy for printing and for emulating nprand in self-tests.

``check_call_grammar(call_str)``
    Raise ``CallError`` unless the call only uses the small expression subset that the Rust
    parser is expected to understand (see below).  The fixture generator enforces it.

Call grammar used by the fixtures
---------------------------------
Arguments are evaluated with Python's ``eval`` in the namespace
``{'np': np, 'numpy': np, 'nan': nan, 'inf': inf}`` (plus builtins such as ``int``/``bool``), so any
Python expression works here.  The fixtures restrict themselves to: int / float / str / True /
False / None literals, unary ``-``/``+``, binary ``+ - * **`` on numbers (``2**64 - 1``), list and
tuple displays (nested lists = n-d arrays), the names ``nan inf int float bool``, attributes
``np.<name>`` / ``numpy.<name>`` (``np.int8``, ``np.inf``, ``np.nan``, ``np.uint64``, ...), and
``float(<literal>)`` (``float('nan')``). NumPy scalar constructors (``np.int64(5)``) are not part
of ``nprand eval``'s grammar.
Keyword arguments are allowed; ``*args``/``**kwargs`` are not.
"""

from __future__ import annotations

import ast
import json
import os
import warnings
from math import inf, nan

import numpy as np

__all__ = [
    "CallError",
    "FIXTURES_DIR",
    "EVAL_NAMESPACE",
    "METHOD_ALIASES",
    "INPLACE_METHODS",
    "make_rs",
    "parse_call",
    "eval_call",
    "normalise_result",
    "state_to_json",
    "json_to_state",
    "dump_json",
    "dumps_json",
    "result_to_nprand_json",
    "check_call_grammar",
]

#: Repository root and fixtures directory (this file lives in <repo>/scripts/).
REPO_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The RandomState fixtures (state_file paths in its manifest are relative to this folder).
FIXTURES_DIR = os.path.join(REPO_DIR, "fixtures", "legacy")

#: The namespace argument expressions are evaluated in.
EVAL_NAMESPACE = {"np": np, "numpy": np, "nan": nan, "inf": inf}

#: Module-level NumPy aliases that RandomState itself does not have (``RandomState().ranf`` is an
#: AttributeError, ``np.random.ranf`` is ``random_sample``).
METHOD_ALIASES = {"ranf": "random_sample", "sample": "random_sample"}

#: Methods that modify their first argument in place and return None.  The argument is converted
#: with ``np.array(arg)`` first and the result is that array afterwards.
INPLACE_METHODS = {"shuffle"}

#: RandomState attributes that are not random-generation methods and may not be used as calls.
FORBIDDEN_METHODS = {"seed", "get_state", "set_state", "__getstate__", "__setstate__",
                     "__reduce__"}


class CallError(ValueError):
    """A call string that cannot be evaluated (a bug in the call, not a NumPy exception)."""


# ---------------------------------------------------------------------------------------------
# JSON helpers
# ---------------------------------------------------------------------------------------------

def dumps_json(obj) -> str:
    """Serialise ``obj`` the way every nprand JSON file is written (one line + newline).

    ``json`` writes floats with ``float.__repr__`` (shortest round-trip form) and NaN/Infinity as
    bare ``NaN``/``Infinity`` (which ``json.loads`` and serde_json-with-care read back).
    """
    return json.dumps(obj, indent=None, separators=(", ", ": ")) + "\n"


def dump_json(obj, fp) -> None:
    """Write ``dumps_json(obj)`` to the open text file ``fp``."""
    fp.write(dumps_json(obj))


# ---------------------------------------------------------------------------------------------
# State conversion
# ---------------------------------------------------------------------------------------------

def state_to_json(rs: np.random.RandomState) -> dict:
    """The JSON-able state of ``rs`` (from ``get_state(legacy=False)``)."""
    st = rs.get_state(legacy=False)
    return {
        "bit_generator": str(st["bit_generator"]),
        "state": {
            "key": [int(k) for k in st["state"]["key"]],
            "pos": int(st["state"]["pos"]),
        },
        "has_gauss": int(st["has_gauss"]),
        "gauss": float(st["gauss"]),
    }


def json_to_state(d: dict) -> dict:
    """The dict to pass to ``RandomState.set_state`` for a state JSON dict ``d``."""
    return {
        "bit_generator": d.get("bit_generator", "MT19937"),
        "state": {
            "key": np.asarray(d["state"]["key"], dtype=np.uint32),
            "pos": int(d["state"]["pos"]),
        },
        "has_gauss": int(d.get("has_gauss", 0)),
        "gauss": float(d.get("gauss", 0.0)),
    }


def _big_int(v):
    """Seeds that do not fit 64 bits are stored in JSON as strings of decimal digits."""
    if isinstance(v, str) and v.lstrip("-").isdigit():
        return int(v)
    return v


def make_rs(init: dict, base_dir: str | None = None) -> np.random.RandomState:
    """Build a RandomState from an init dict (see the module docstring).

    NumPy's own exceptions (e.g. ``ValueError: Seed must be between 0 and 2**32 - 1``) propagate.
    """
    if not isinstance(init, dict) or len(init) != 1:
        raise CallError(f"init must be a dict with exactly one key, got {init!r}")
    (kind, value), = init.items()
    if kind == "seed":
        return np.random.RandomState(_big_int(value))
    if kind == "seed_array":
        if not isinstance(value, list):
            raise CallError(f"seed_array must be a list, got {value!r}")
        return np.random.RandomState([_big_int(v) for v in value])
    if kind in ("state", "state_file"):
        if kind == "state_file":
            path = value if base_dir is None and os.path.isabs(value) else \
                os.path.join(base_dir if base_dir is not None else FIXTURES_DIR, value)
            with open(path, "r", encoding="utf-8") as fp:
                value = json.load(fp)
        rs = np.random.RandomState(0)  # any seed: set_state overwrites key, pos and the gauss cache
        rs.set_state(json_to_state(value))
        return rs
    raise CallError(f"unknown init kind {kind!r} (expected seed, seed_array, state or state_file)")


# ---------------------------------------------------------------------------------------------
# Parsing and evaluating calls
# ---------------------------------------------------------------------------------------------

def _func_name(func: ast.expr) -> str:
    """Last name of the called expression: ``rand`` for ``rand`` and ``np.random.rand``."""
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    raise CallError(f"cannot take a method name from {ast.dump(func)}")


def _eval_node(node: ast.expr, call_str: str):
    code = compile(ast.Expression(body=node), "<call argument>", "eval")
    try:
        # A fresh dict each time: eval() inserts __builtins__ into the globals it is given.
        return eval(code, dict(EVAL_NAMESPACE))  # noqa: S307 - calls are trusted test input
    except Exception as exc:  # an argument we cannot even build is a bug in the call string
        raise CallError(f"cannot evaluate argument {ast.unparse(node)!r} of {call_str!r}: "
                        f"{type(exc).__name__}: {exc}") from exc


def parse_call(call_str: str):
    """Parse ``call_str`` into ``(method, args, kwargs)``.

    ``method`` is the RandomState method to call (aliases such as ``ranf`` already resolved);
    ``args``/``kwargs`` are the evaluated argument values.
    """
    try:
        tree = ast.parse(call_str.strip(), mode="eval")
    except SyntaxError as exc:
        raise CallError(f"syntax error in call {call_str!r}: {exc.msg}") from exc
    call = tree.body
    if not isinstance(call, ast.Call):
        raise CallError(f"not a call: {call_str!r}")
    name = _func_name(call.func)
    method = METHOD_ALIASES.get(name, name)
    if method.startswith("_") or method in FORBIDDEN_METHODS:
        raise CallError(f"{name!r} is not a random-generation method")
    if not callable(getattr(np.random.RandomState, method, None)):
        raise CallError(f"RandomState has no method {name!r}")
    args = []
    for a in call.args:
        if isinstance(a, ast.Starred):
            raise CallError(f"*args are not supported: {call_str!r}")
        args.append(_eval_node(a, call_str))
    kwargs = {}
    for kw in call.keywords:
        if kw.arg is None:
            raise CallError(f"**kwargs are not supported: {call_str!r}")
        kwargs[kw.arg] = _eval_node(kw.value, call_str)
    return method, args, kwargs


def normalise_result(value) -> dict:
    """Normalise a RandomState method's return value (see ``eval_call``)."""
    # NumPy scalars first: np.float64 is a subclass of Python float (np.bool_/np.int64 are not).
    if isinstance(value, np.generic):
        arr = np.asarray(value)
        return {"kind": "npscalar", "dtype": arr.dtype.name, "shape": [], "array": arr}
    # bool must come before int: bool is a subclass of int.
    if isinstance(value, bool):
        return {"kind": "pyscalar", "dtype": "bool", "shape": [],
                "array": np.asarray(value, dtype=np.bool_)}
    if isinstance(value, int):
        return {"kind": "pyscalar", "dtype": "int64", "shape": [],
                "array": np.asarray(value, dtype=np.int64)}
    if isinstance(value, float):
        return {"kind": "pyscalar", "dtype": "float64", "shape": [],
                "array": np.asarray(value, dtype=np.float64)}
    if isinstance(value, bytes):
        arr = np.frombuffer(value, dtype=np.uint8).copy()
        return {"kind": "bytes", "dtype": "bytes", "shape": [len(value)], "array": arr}
    if isinstance(value, np.ndarray):
        arr = np.array(value, order="C", copy=True)  # (ascontiguousarray would make 0-d arrays 1-d)
        return {"kind": "array", "dtype": arr.dtype.name, "shape": list(arr.shape), "array": arr}
    raise CallError(f"cannot normalise a result of type {type(value).__name__}")


def eval_call(rs: np.random.RandomState, call_str: str) -> dict:
    """Run one call on ``rs`` and return its normalised result or ``{"error": {...}}``."""
    method, args, kwargs = parse_call(call_str)
    func = getattr(rs, method)
    with warnings.catch_warnings():
        # random_integers always warns (DeprecationWarning); shuffle warns on non-sequences, etc.
        warnings.simplefilter("ignore")
        try:
            if method in INPLACE_METHODS:
                if not args:
                    raise TypeError(f"{method}() missing 1 required positional argument: 'x'")
                # A list literal becomes the array the CLI shows afterwards; anything else is
                # passed as is, so NumPy raises its own error (shuffle(5): "object of type
                # 'int' has no len()").
                target = args[0]
                if isinstance(target, (list, tuple)):
                    target = np.array(target)
                func(target, *args[1:], **kwargs)
                value = target
            else:
                value = func(*args, **kwargs)
        except Exception as exc:  # NumPy raised: that is a result, not a bug
            return {"error": {"type": type(exc).__name__, "message": str(exc)}}
    return normalise_result(value)


def result_to_nprand_json(result: dict) -> dict:
    """The object ``nprand eval --format json`` prints for a normalised (non-error) result."""
    if result["kind"] == "bytes":
        return {"dtype": "bytes", "shape": list(result["shape"]),
                "data": result["array"].tobytes().hex()}
    return {"dtype": result["dtype"], "shape": list(result["shape"]),
            "data": result["array"].ravel(order="C").tolist()}


# ---------------------------------------------------------------------------------------------
# The call grammar the fixtures restrict themselves to
# ---------------------------------------------------------------------------------------------

_GRAMMAR_NAMES = {"nan", "inf", "int", "float", "bool"}


def _check_expr(node: ast.expr, call_str: str) -> None:
    def bad(what):
        raise CallError(f"{what} is outside the fixture call grammar: {call_str!r}")

    if isinstance(node, ast.Constant):
        if not isinstance(node.value, (int, float, str, bool, type(None))):
            bad(f"constant {node.value!r}")
    elif isinstance(node, ast.UnaryOp):
        if not isinstance(node.op, (ast.USub, ast.UAdd)):
            bad("unary operator")
        _check_expr(node.operand, call_str)
    elif isinstance(node, ast.BinOp):
        if not isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.Pow)):
            bad("binary operator")
        _check_expr(node.left, call_str)
        _check_expr(node.right, call_str)
    elif isinstance(node, (ast.List, ast.Tuple)):
        for elt in node.elts:
            _check_expr(elt, call_str)
    elif isinstance(node, ast.Name):
        if node.id not in _GRAMMAR_NAMES:
            bad(f"name {node.id!r}")
    elif isinstance(node, ast.Attribute):
        if not (isinstance(node.value, ast.Name) and node.value.id in ("np", "numpy")):
            bad("attribute")
    elif isinstance(node, ast.Call):
        # float('nan') / float('inf') / float(<number>): the one nested call nprand's parser
        # folds. NumPy scalar constructors (np.int64(5)) are outside nprand eval's grammar.
        if not (isinstance(node.func, ast.Name) and node.func.id == "float"
                and len(node.args) == 1 and not node.keywords):
            bad("call")
        _check_expr(node.args[0], call_str)
    else:
        bad(type(node).__name__)


def check_call_grammar(call_str: str) -> None:
    """Raise ``CallError`` unless ``call_str`` stays within the documented call grammar."""
    tree = ast.parse(call_str, mode="eval")
    call = tree.body
    if not isinstance(call, ast.Call) or not isinstance(call.func, ast.Name):
        raise CallError(f"fixture calls must be plain method calls: {call_str!r}")
    for a in call.args:
        _check_expr(a, call_str)
    for kw in call.keywords:
        if kw.arg is None:
            raise CallError(f"**kwargs are outside the fixture call grammar: {call_str!r}")
        _check_expr(kw.value, call_str)


if __name__ == "__main__":  # a tiny demonstration
    _rs = make_rs({"seed": 12345})
    for _c in ["rand(2, 2)", "randint(0, 10, size=3, dtype='uint8')", "bytes(5)", "normal(0, -1)"]:
        _r = eval_call(_rs, _c)
        print(_c, "->", _r if "error" in _r else result_to_nprand_json(_r))
