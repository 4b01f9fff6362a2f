"""What every fixture family shares: the oracle pins, the one JSON writer, the one encoding of a
call's result, and writing a family folder (or, with ``--check``, comparing with it).

Nothing here imports NumPy at import time, so the CPython family (and its 3.12 worker) runs on a
bare interpreter.

The result encoding (``encode_array``), used by every call -> result manifest
(``legacy/manifest.json``, ``generator/cases.json``; ``python/manifest.json`` keeps the same
call entries with CPython's ``json``/``repr`` text as the value)::

    {"call": "<text>", "result": {"kind": K, "dtype": D, "shape": [...], "data": "<tokens>"}}
    {"call": "<text>", "error": {"type": "ValueError", "message": "..."}}

* ``K``: ``py`` (NumPy returned a Python float/int/bool), ``np`` (a NumPy scalar), ``array``
  (an ndarray; ``size=()`` gives a 0-d array, shape ``[]``), ``bytes`` (``bytes(n)``),
  ``none`` (``None``, no data).
* ``D``: NumPy's dtype name (``float64``, ``float32``, ``int8`` ... ``uint64``, ``bool``;
  ``bytes`` for bytes).
* ``data``: the values in C order as one string of space-separated tokens: floats as Python's
  ``repr`` of the value widened to float64 (shortest round-trip digits, so exact), NaN as
  ``0x`` + the hex of its bits in the dtype's width (``repr`` would lose sign and payload),
  integers in decimal, bools ``0``/``1``, bytes as one hex token.
* Above ``INLINE_MAX`` elements: ``"sha256"`` of the C-order little-endian bytes in the dtype
  (bool one byte 0/1) plus ``"head"``: the first 4 tokens. Only Generator's
  ``standard_normal(100000)``-style calls are that large; storing them would cost ~40 MB.
"""

from __future__ import annotations

import argparse
import filecmp
import hashlib
import json
import os
import shutil
import struct
import sys
import tempfile

NUMPY_VERSION = "2.4.6"
PYTHON_VERSION = (3, 11)
INLINE_MAX = 4096

SCRIPTS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPO_DIR = os.path.dirname(SCRIPTS_DIR)
FIXTURES_DIR = os.path.join(REPO_DIR, "fixtures")
if SCRIPTS_DIR not in sys.path:  # npcall, py_state, experiment, parallel_streams
    sys.path.insert(0, SCRIPTS_DIR)


# =============================================================================================
# The oracle pins
# =============================================================================================

def pin_mismatch(numpy: bool = True) -> str | None:
    """Why this interpreter cannot write fixtures (None if it can): CPython 3.11 and, when
    ``numpy``, numpy==2.4.6 running as on an AVX2 CPU (``cpu_pin``)."""
    if sys.version_info[:2] != PYTHON_VERSION:
        return "CPython %d.%d is required (found %s)" % (PYTHON_VERSION + (sys.version.split()[0],))
    if numpy:
        import numpy as np
        if np.__version__ != NUMPY_VERSION:
            return "numpy %s is required (found %s)" % (NUMPY_VERSION, np.__version__)
        import cpu_pin
        return cpu_pin.check()
    return None


def oracle() -> dict:
    """The versions a manifest records as its oracle."""
    import numpy as np
    return {"numpy": np.__version__, "python": "%d.%d" % sys.version_info[:2]}


# =============================================================================================
# The one JSON writer
# =============================================================================================

def dumps_line(obj) -> str:
    """``obj`` on one line (floats as ``repr``, NaN/Infinity bare), no newline."""
    return json.dumps(obj, indent=None, separators=(", ", ": "), ensure_ascii=True)


def dumps_json(obj, depth: int = 0) -> str:
    """JSON with one line per entry down to entries nested 4 levels deep (a case, a call) and
    anything short inline; deterministic (dict order as built, no timestamps)."""
    inline = dumps_line(obj)
    if depth >= 4 or len(inline) <= 100 or not isinstance(obj, (dict, list)) or not obj:
        return inline
    pad = " " * (depth + 1)
    if isinstance(obj, dict):
        items = [f"{dumps_line(k)}: {dumps_json(v, depth + 1)}" for k, v in obj.items()]
        return "{" + (",\n" + pad).join(items) + "}"
    items = [dumps_json(v, depth + 1) for v in obj]
    return "[\n" + pad + (",\n" + pad).join(items) + "]"


def write_text(path: str, text: str) -> None:
    assert text.endswith("\n")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as fp:
        fp.write(text)


def write_json(path: str, obj) -> None:
    write_text(path, dumps_json(obj) + "\n")


def save_npy(path: str, arr) -> None:
    """``np.save`` in C order, little-endian."""
    import numpy as np
    arr = np.array(arr, order="C", copy=True)
    if arr.dtype.byteorder == ">":
        arr = arr.astype(arr.dtype.newbyteorder("<"))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    np.save(path, arr, allow_pickle=False)


# =============================================================================================
# The one result encoding
# =============================================================================================

def _tok(x, dtype: str, nan_bits: bool = True) -> str:
    if dtype in ("float64", "float32"):
        f = float(x)
        if f != f and nan_bits:
            if dtype == "float64":
                return "0x%016x" % struct.unpack("<Q", struct.pack("<d", f))[0]
            import numpy as np
            return "0x%08x" % int(np.float32(x).view(np.uint32))
        return repr(f)
    if dtype == "bool":
        return "1" if bool(x) else "0"
    return str(int(x))


def encode_array(kind: str, arr, dtype: str, inline_max: int = INLINE_MAX,
                 nan_bits: bool = True) -> dict:
    """The result object of a NumPy value given as an array of its elements (see the module
    doc); ``dtype`` ``bytes`` means ``arr`` is the uint8 array of a ``bytes`` value.

    ``inline_max`` and ``nan_bits`` exist for ``crosscheck_generator.py``, whose Rust side
    (``examples/geneval.rs``) hashes above 64 elements and writes NaN as ``nan``."""
    import numpy as np
    a = np.asarray(arr)
    out = {"kind": kind, "dtype": dtype, "shape": list(a.shape)}
    if dtype == "bytes":
        out["data"] = a.astype(np.uint8).tobytes().hex()
        return out
    flat = a.ravel()
    if flat.size <= inline_max:
        out["data"] = " ".join(_tok(x, dtype, nan_bits) for x in flat)
    else:
        if not nan_bits and dtype in ("float64", "float32"):
            # The inline tokens write every NaN as "nan"; hash them alike, or a NaN's sign
            # (which JSON cannot carry from nprand's side) would differ in the hash alone.
            flat = np.where(np.isnan(flat), np.array(np.nan, dtype=dtype), flat)
        le = np.ascontiguousarray(flat, dtype=np.dtype(dtype).newbyteorder("<"))
        out["sha256"] = hashlib.sha256(le.tobytes()).hexdigest()
        out["head"] = " ".join(_tok(x, dtype, nan_bits) for x in flat[:4])
    return out


def encode(v, **opts) -> dict:
    """A Python/NumPy value as returned by a NumPy method, as a result object (``opts``: those
    of ``encode_array``)."""
    import numpy as np
    if isinstance(v, bytes):
        return encode_array("bytes", np.frombuffer(v, dtype=np.uint8), "bytes")
    if isinstance(v, np.generic):  # first: np.float64 subclasses float
        return encode_array("np", np.asarray(v), v.dtype.name, **opts)
    if isinstance(v, bool):
        return encode_array("py", np.asarray(v), "bool", **opts)
    if isinstance(v, int):
        return encode_array("py", np.asarray(v, dtype=np.int64), "int64", **opts)
    if isinstance(v, float):
        return encode_array("py", np.asarray(v), "float64", **opts)
    if isinstance(v, np.ndarray):
        return encode_array("array", v, v.dtype.name, **opts)
    if v is None:
        return {"kind": "none", "dtype": "NoneType", "shape": []}
    raise TypeError("unexpected result type %r" % type(v))


# =============================================================================================
# Writing a family folder, or checking it
# =============================================================================================

def listing(d: str) -> set:
    return {os.path.relpath(os.path.join(r, n), d) for r, _, ns in os.walk(d) for n in ns}


def compare_dirs(a: str, b: str) -> list:
    """Relative paths that differ between two trees (missing, extra or changed)."""
    la, lb = listing(a), listing(b) if os.path.isdir(b) else set()
    diff = sorted(la ^ lb)
    for rel in sorted(la & lb):
        if not filecmp.cmp(os.path.join(a, rel), os.path.join(b, rel), shallow=False):
            diff.append(rel)
    return diff


def write_or_check_family(folder: str, generate, check: bool) -> int:
    """Run ``generate(tmp_dir)`` and either compare the result with ``folder`` (``check``: exit
    status 1 if anything differs, nothing written) or replace ``folder``'s contents with it."""
    with tempfile.TemporaryDirectory() as tmp:
        stats = generate(tmp)
        rel = os.path.relpath(folder)
        if check:
            diff = compare_dirs(tmp, folder)
            if diff:
                print(f"{rel}: {len(diff)} file(s) differ from a fresh generation:")
                for d in diff[:30]:
                    print("   ", d)
                return 1
            print(f"{rel} is up to date ({stats})")
            return 0
        if os.path.isdir(folder):
            shutil.rmtree(folder)
        shutil.copytree(tmp, folder)
        n = listing(folder)
        size = sum(os.path.getsize(os.path.join(folder, r)) for r in n)
        print(f"wrote {rel}: {stats}; {len(n)} files, {size / 1e6:.2f} MB")
        return 0


def family_main(name: str, argv=None) -> int:
    """``python3 -m fixgen.<family> [--check] [--out DIR]``: the ``main`` of one family."""
    from fixgen import FAMILIES
    ap = argparse.ArgumentParser(description=f"Write fixtures/{name}/ (or --check it).")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--out", default=os.path.join(FIXTURES_DIR, name))
    args = ap.parse_args(argv)
    why = pin_mismatch(numpy=name != "python")
    if why:
        print(why, file=sys.stderr)
        return 2
    return write_or_check_family(args.out, FAMILIES[name], args.check)
