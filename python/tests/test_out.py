"""`out=` on the four Generator methods that take it, against NumPy: the values written
into the caller's array (in its memory order), the same object returned, every error
(class and message, in NumPy's order of checks) and the state after each call."""

import numpy as np
import pytest

import nprand
from calls import state_of

BIT_GENERATORS = ["MT19937", "PCG64", "PCG64DXSM", "Philox", "SFC64"]

# (method, positional args, keyword args other than out, a maker of out)
CASES = [
    ("random", (), {}, lambda: np.empty(7)),
    ("random", (), {"dtype": np.float32}, lambda: np.empty((3, 4), np.float32)),
    ("random", (), {}, lambda: np.empty((3, 4), order="F")),
    ("random", ((3, 4),), {}, lambda: np.empty((3, 4))),
    ("random", (12,), {}, lambda: np.empty((3, 4))),                 # size != out.shape
    ("random", (), {"size": 5}, lambda: np.empty(5)),
    ("random", (), {}, lambda: np.empty(())),
    ("random", (), {}, lambda: np.empty(0)),
    ("random", (), {}, lambda: np.empty(8)[::2]),                    # not contiguous
    ("random", (), {}, lambda: np.empty(5, np.float32)),             # wrong dtype
    ("random", (), {"dtype": np.int64}, lambda: np.empty(5)),       # dtype checked first
    ("random", (), {}, lambda: np.empty(5, ">f8")),                  # byte order
    ("random", (), {}, lambda: [0.0, 0.0]),                          # not an array: see note
    ("random", (5,), {"size": 5}, lambda: np.empty(5)),              # size given twice
    ("random", (), {"sise": 5}, lambda: np.empty(3, np.float32)),    # unknown keyword first
    ("standard_gamma", (1.0,), {"shape": 2.0}, lambda: np.empty(3)),
    ("random", (None, np.float64, "OUT"), {}, lambda: np.empty(4)),  # out positional
    ("random", (None, np.float64, "OUT"), {"dtype": np.float32}, lambda: np.empty(4)),
    ("standard_gamma", (3.0, (2, 2), "float32", "OUT"), {}, lambda: np.empty((2, 2), np.float32)),
    ("standard_normal", (), {}, lambda: np.empty(1000)),
    ("standard_normal", (), {"dtype": "float32"}, lambda: np.empty((10, 10), np.float32, order="F")),
    ("standard_exponential", (), {}, lambda: np.empty((20, 30))),
    ("standard_exponential", (), {"method": "inv"}, lambda: np.empty(50)),
    ("standard_exponential", (), {"dtype": np.float32, "method": "inv"}, lambda: np.empty(9, np.float32)),
    ("standard_gamma", (2.5,), {}, lambda: np.empty(300)),
    ("standard_gamma", (0.5,), {"dtype": np.float32}, lambda: np.empty((4, 5), np.float32)),
    ("standard_gamma", ([0.5, 2.0, 9.0],), {}, lambda: np.empty((4, 3))),
    ("standard_gamma", ([0.5, 2.0],), {}, lambda: np.empty((4, 3))),  # broadcast error
    ("standard_gamma", (2.0,), {}, lambda: np.empty((3, 4), order="F")),  # C order required
    ("standard_gamma", (-1.0,), {}, lambda: np.empty(3)),
    ("standard_gamma", (-1.0,), {}, lambda: np.empty(3, np.float32)),  # out checked first
]


def outcome(gen, method, args, kwargs, out):
    # "OUT" in the positional arguments stands for `out` passed by position.
    positional = "OUT" in [a for a in args if isinstance(a, str)]
    args = tuple(out if isinstance(a, str) and a == "OUT" else a for a in args)
    try:
        if positional:
            r = getattr(gen, method)(*args, **kwargs)
        else:
            r = getattr(gen, method)(*args, out=out, **kwargs)
    except Exception as e:  # noqa: BLE001 - the class and message are compared
        return ("raise", type(e).__name__, str(e))
    return ("ok", r is out, np.asarray(out).tobytes(order="A"), np.asarray(out).dtype.str)


@pytest.mark.parametrize("bit_generator", BIT_GENERATORS)
@pytest.mark.parametrize("case", range(len(CASES)))
def test_out_equals_numpy(bit_generator, case):
    method, args, kwargs, make = CASES[case]
    if not isinstance(make(), np.ndarray):
        pytest.skip("NumPy casts a non-array out without checking (undefined behaviour)")
    ours = nprand.Generator(bit_generator, 11)
    ref = np.random.Generator(getattr(np.random, bit_generator)(11))
    for _ in range(2):
        a = outcome(ours, method, args, kwargs, make())
        b = outcome(ref, method, args, kwargs, make())
        assert a == b
        assert state_of(ours.to_numpy()) == state_of(ref)


def test_out_not_an_array_is_a_type_error():
    with pytest.raises(TypeError, match="out must be a numpy.ndarray"):
        nprand.default_rng(0).random(out=[0.0, 0.0])
