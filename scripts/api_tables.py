"""Print the README's NumPy -> Rust signature tables (markdown), one per front-end.

The left column is NumPy's (or CPython's) own signature, read from the installed
NumPy 2.4.6 / CPython 3.11 (``__doc__`` first line of the Cython methods,
``inspect.signature`` for ``random.Random``); the right column lists the Rust methods
of the same name and their derived forms (``_into``, ``_array``, ``_dtype``, ``_f32``,
...) with their signatures as written in ``src/`` (``pub fn`` lines, whitespace folded).
Regenerate after an API change:

    python3 scripts/api_tables.py > docs/api.md          # all three tables
    python3 scripts/api_tables.py generator              # one of legacy|generator|python
"""

from __future__ import annotations

import inspect
import pathlib
import random
import re
import sys

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent
DIRS = {
    "legacy": ["src/legacy", "src/nd.rs", "src/legacy.rs"],
    "generator": ["src/generator"],
    "python": ["src/python"],
}
# Derived names of a method `m` that belong in its row.
SUFFIXES = ["", "_into", "_array", "_nd", "_dtype", "_f32", "_f32_into", "_f32_array",
            "_index", "_axis", "_of", "_rows", "_raw", "_stop", "_big", "_counts",
            "_indices", "_u32", "_u64", "_u128", "_inv", "_inv_into", "_broadcast",
            "_broadcast_into", "_typed"]

PUB_FN = re.compile(r"pub fn ([a-z_0-9]+)(<[^>]*>)?\((.*?)\)\s*(->\s*[^{;]*?)?\s*(\{|where|;)",
                    re.S)


def rust_sigs(layer: str) -> dict[str, str]:
    """`name -> 'name(params) -> ret'` for the public methods in the layer's sources
    (the first definition of a name wins; macro-written forms appear as written)."""
    out: dict[str, str] = {}
    files: list[pathlib.Path] = []
    for d in DIRS[layer]:
        p = ROOT / d
        files += sorted(p.rglob("*.rs")) if p.is_dir() else ([p] if p.exists() else [])
    if layer != "python":
        files.append(ROOT / "src/macros/methods.rs")  # the rows shared by both NumPy layers
    for f in files:
        if f.name.endswith("_tests.rs") or f.name == "tests.rs":
            continue
        text = f.read_text()
        macro_sigs(text, out)
        for m in PUB_FN.finditer(text):
            name, gen, params, ret = m.group(1), m.group(2) or "", m.group(3), m.group(4) or ""
            params = re.sub(r"\s+", " ", params).strip().rstrip(",")
            params = re.sub(r"^&(mut )?self,? ?", "", params)
            ret = re.sub(r"\s+", " ", ret).strip()
            sig = f"{name}{gen}({params}) {ret}".strip()
            sig = re.sub(r"(\$?crate|crate)::(\w+::)*", "", sig).replace("ndarray::ArrayD", "ArrayD")
            out.setdefault(name, sig)
    return out


# `fn NAME; … fn NAME_into; (p: Constraint [= d], …) -> OUT => kernel;` (numpy_methods!)
MACRO_PAIR = re.compile(r"fn ([a-z_0-9]+);\s*(?:(?:///|#\[)[^\n]*\n\s*)*fn ([a-z_0-9]+);"
                        r"\s*\(([^)]*)\)\s*->\s*(\w+)")
# `NAME, NAME_array, NAME_nd (p = x, …) -> OUT;` or `… => NAME_into -> OUT;` (array_methods!)
MACRO_ROW = re.compile(r"([a-z_0-9]+), ([a-z_0-9]+_array), ([a-z_0-9]+_nd)\s*"
                       r"(?:\(([^)]*)\)|=> [a-z_0-9]+)\s*->\s*(\w+)")


def macro_sigs(text: str, out: dict[str, str]) -> None:
    """The signatures the crate-private macros write (src/macros/), from their rows."""
    for m in MACRO_PAIR.finditer(text):
        name, into, params, ty = m.groups()
        ty = {"try_i64": "i64"}.get(ty, ty)  # a fallible kernel, same output type
        ps = [q.split(":")[0].strip() for q in params.split(",") if q.strip()]
        args = ", ".join(f"{q}: f64" for q in ps)
        out.setdefault(name, f"{name}({args}) -> Result<{ty}>")
        out.setdefault(into, f"{into}(out: &mut [{ty}]{', ' if args else ''}{args}) -> Result<()>")
    for m in MACRO_ROW.finditer(text):
        name, arr, nd, params, ty = m.groups()
        ps = [q.split("=")[0].strip() for q in (params or "").split(",") if q.strip()]
        args = "".join(f"{q}: impl IntoParam, " for q in ps)
        out.setdefault(arr, f"{arr}({args}size: Option<&[usize]>) -> Result<NdArray<{ty}>>")
        out.setdefault(nd, f"{nd}({args}size: Option<&[usize]>) -> Result<ArrayD<{ty}>>")


def numpy_sig(obj, name: str) -> str:
    lines = (getattr(obj, name).__doc__ or "").strip().split("\n")
    sig = lines[0].strip()
    # A long signature continues on the next lines until its parentheses close.
    for more in lines[1:]:
        if sig.count("(") <= sig.count(")"):
            break
        sig += " " + more.strip()
    return sig if sig.startswith(name + "(") else name + "(...)"


def methods(layer: str):
    if layer == "python":
        cls = random.Random
        names = [n for n in dir(cls) if not n.startswith("_") and callable(getattr(cls, n))]
        return [(n, n + str(inspect.signature(getattr(cls, n))).replace("(self, ", "(")
                 .replace("(self)", "()")) for n in names]
    cls = np.random.RandomState if layer == "legacy" else np.random.Generator
    names = [n for n in dir(cls) if not n.startswith("_")]
    return [(n, numpy_sig(cls, n)) for n in names]


HEADER = """# NumPy → Rust signatures

Generated by `python3 scripts/api_tables.py > docs/api.md` from NumPy {np}'s and CPython
{py}'s own signatures and the `pub fn` lines of `src/` (do not edit by hand).

How to read a row: the NumPy method's scalar call (`size=None`, scalar parameters) is the
Rust method of the same name, returning `Result<T>` where NumPy can raise; `name_into(&mut
out, …)` is `size=out.len()` into a caller's slice; `name_array(…, size)` takes array
parameters (anything `IntoParam` takes: scalars, slices, `Vec`s, nested fixed arrays,
`NdArray`s, `ndarray` views) and returns an `NdArray` of NumPy's shape; `name_nd` is the
same as an `ndarray::ArrayD` (feature `ndarray`). `_dtype::<T>` and `_f32` are NumPy's
`dtype=` argument; `_index`/`_axis`/`_of`/`_rows` are `choice`/`permutation`/`shuffle` on
indices, along an axis, of a slice, of the rows of a 2-d array. `Result`, `NdArray`,
`ArrayD`, `IntoParam`, `IntoBounds`, `Matrix`, `MvnOptions` are nprand's (or ndarray's)
types of those names.
"""


def table(layer: str) -> None:
    sigs = rust_sigs(layer)
    head = {"legacy": "`RandomState`", "generator": "`Generator`",
            "python": "`random.Random` (CPython 3.11)"}[layer]
    print(f"| {head} | Rust |")
    print("|---|---|")
    for name, np_sig in methods(layer):
        forms = [sigs[name + s] for s in SUFFIXES if name + s in sigs]
        forms += [sigs["try_" + name]] if "try_" + name in sigs else []
        rust = "<br>".join(f"`{f}`" for f in forms) if forms else "—"
        print(f"| `{np_sig}` | {rust} |")


def main() -> int:
    layers = sys.argv[1:] or ["legacy", "generator", "python"]
    if not sys.argv[1:]:
        print(HEADER.format(np=np.__version__, py=".".join(map(str, sys.version_info[:2]))))
    titles = {"legacy": "## `RandomState` (and `np.random.*`, see `nprand::global`)",
              "generator": "## `Generator`",
              "python": "## CPython's `random.Random` (`nprand::python::Random`)"}
    for layer in layers:
        if not sys.argv[1:]:
            print(titles[layer] + "\n")
        table(layer)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
