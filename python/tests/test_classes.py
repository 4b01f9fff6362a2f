"""nprand's RandomState, Generator and Random classes against NumPy's and CPython's:
every call of the pools, in sequence on one object, gives the same value (type, dtype,
bits) or the same exception (class and message), and the states stay equal."""

import random

import numpy as np
import pytest

import nprand
from calls import (GENERATOR, GENERATOR_ERRORS, LEGACY, LEGACY_ERRORS, PYTHON, PYTHON_ERRORS,
                   outcome, same, state_of)

BIT_GENERATORS = ["MT19937", "PCG64", "PCG64DXSM", "Philox", "SFC64"]


def check_same(ours, ref, calls, state):
    for call in calls:
        a, b = outcome(ours, call), outcome(ref, call)
        if a[0] == "ok" and b[0] == "ok":
            assert same(a[1], b[1]), (call, a[1], b[1])
        else:
            assert a == b, call
        assert state(ours) == state(ref), call


def rs_state(x):
    return state_of(x.to_numpy() if isinstance(x, nprand.RandomState) else x)


def gen_state(x):
    return state_of(x.to_numpy() if isinstance(x, nprand.Generator) else x)


def py_state(x):
    return x.getstate()


@pytest.mark.parametrize("seed", [0, 1, 12345, 2**32 - 1, [1, 2, 3]])
def test_random_state_methods(seed):
    check_same(nprand.RandomState(seed), np.random.RandomState(seed), LEGACY + LEGACY_ERRORS,
               rs_state)


@pytest.mark.parametrize("bit_generator", BIT_GENERATORS)
@pytest.mark.parametrize("seed", [0, 7, 2**100, [5, 6]])
def test_generator_methods(bit_generator, seed):
    ours = nprand.Generator(bit_generator, seed)
    ref = np.random.Generator(getattr(np.random, bit_generator)(seed))
    check_same(ours, ref, GENERATOR + GENERATOR_ERRORS, gen_state)


@pytest.mark.parametrize("seed", [0, 1, -5, 2**80, 1.5, "text", b"bytes"])
def test_random_methods(seed):
    check_same(nprand.Random(seed), random.Random(seed), PYTHON + PYTHON_ERRORS, py_state)


def test_default_rng():
    check_same(nprand.default_rng(42), np.random.default_rng(42), GENERATOR[:20], gen_state)
    ss = np.random.SeedSequence(3)
    check_same(nprand.default_rng(ss), np.random.default_rng(ss), GENERATOR[:5], gen_state)


def test_seeding_errors():
    for seed in [-1, 1.5, "x", [[1, 2]], []]:
        a = outcome(nprand, f"RandomState({seed!r})")
        b = outcome(np.random, f"RandomState({seed!r})")
        assert a[0] == b[0] == "raise" and a[1] == b[1], (seed, a, b)
    for seed in [-1, 1.5]:
        a, b = outcome(nprand, f"default_rng({seed!r})"), outcome(np.random, f"default_rng({seed!r})")
        assert a == b


@pytest.mark.parametrize("shape", [(10,), (5, 3), (0,), (1,)])
def test_shuffle_in_place(shape):
    ours, ref = nprand.RandomState(1), np.random.RandomState(1)
    x = np.arange(int(np.prod(shape))).reshape(shape)
    y = x.copy()
    ours.shuffle(x)
    ref.shuffle(y)
    assert (x == y).all()
    lst, lst2 = list("abcdefgh"), list("abcdefgh")
    ours.shuffle(lst)
    ref.shuffle(lst2)
    assert lst == lst2
    g, h = nprand.default_rng(2), np.random.default_rng(2)
    g.shuffle(x)
    h.shuffle(y)
    assert (x == y).all()
    if len(shape) == 2:
        g.shuffle(x, axis=1)
        h.shuffle(y, axis=1)
        assert (x == y).all()
    r, q = nprand.Random(3), random.Random(3)
    objs, objs2 = [object() for _ in range(6)], None
    objs2 = list(objs)
    r.shuffle(objs)
    q.shuffle(objs2)
    assert objs == objs2
    assert rs_state(ours) == rs_state(ref) and gen_state(g) == gen_state(h)
    assert r.getstate() == q.getstate()

ARRAYS = [
    lambda: np.arange(40, dtype=np.float64),
    lambda: np.arange(40, dtype=np.float32).reshape(8, 5),
    lambda: np.arange(60, dtype=np.int8).reshape(3, 4, 5),
    lambda: np.arange(30, dtype=np.uint16)[::3],          # strided: the general path
    lambda: np.asfortranarray(np.arange(24).reshape(6, 4)),
    lambda: np.arange(20) % 3 == 0,
    lambda: np.zeros((4, 0)),                                # empty rows still draw
    lambda: np.ma.masked_array(np.arange(8), mask=np.arange(8) % 2 == 0),
    lambda: np.arange(12, dtype=np.complex128).reshape(4, 3),
    lambda: np.array(list("abcdef"), dtype=object),
]


@pytest.mark.parametrize("make", ARRAYS)
@pytest.mark.parametrize("which", ["legacy", "generator"])
def test_shuffle_arrays_of_every_layout(make, which):
    # The in-place fast path (plain C-contiguous numeric arrays) and the general path
    # (everything else) both equal NumPy's shuffle, values, mask and state.
    if which == "legacy":
        ours, ref, state = nprand.RandomState(5), np.random.RandomState(5), rs_state
    else:
        ours, ref, state = nprand.default_rng(5), np.random.default_rng(5), gen_state
    x, y = make(), make()
    for _ in range(3):
        ours.shuffle(x)
        ref.shuffle(y)
    assert x.dtype == y.dtype and x.shape == y.shape
    assert (np.asarray(x) == np.asarray(y)).all()
    if np.ma.isMaskedArray(y):
        assert (np.ma.getmaskarray(x) == np.ma.getmaskarray(y)).all()
    assert state(ours) == state(ref)


@pytest.mark.parametrize("which", ["legacy", "generator"])
def test_shuffle_read_only_array_raises_as_numpy(which):
    ours = nprand.RandomState(5) if which == "legacy" else nprand.default_rng(5)
    ref = np.random.RandomState(5) if which == "legacy" else np.random.default_rng(5)
    x, y = np.arange(10), np.arange(10)
    x.flags.writeable = False
    y.flags.writeable = False
    with pytest.raises(Exception) as theirs:
        ref.shuffle(y)
    with pytest.raises(type(theirs.value)) as mine:
        ours.shuffle(x)
    assert str(mine.value) == str(theirs.value)



def test_state_round_trips():
    ours, ref = nprand.RandomState(5), np.random.RandomState(5)
    ours.standard_normal()
    ref.standard_normal()
    t = ref.get_state()
    a, b = ours.get_state(), t
    assert a[0] == b[0] and (a[1] == b[1]).all() and a[2:] == b[2:]
    ours.set_state(np.random.RandomState(9).get_state())
    assert ours.random_sample() == np.random.RandomState(9).random_sample()
    ours.set_state(np.random.RandomState(8).get_state(legacy=False))
    assert ours.random_sample() == np.random.RandomState(8).random_sample()
    for bg in BIT_GENERATORS:
        g = nprand.Generator(bg, 1)
        n = np.random.Generator(getattr(np.random, bg)(2))
        n.integers(0, 5, dtype=np.uint32)
        g.state = n.bit_generator.state
        assert same(g.integers(0, 5, dtype=np.uint32, size=3), n.integers(0, 5, dtype=np.uint32, size=3))
        assert g.bit_generator_name == bg
    r = nprand.Random(1)
    r.setstate(random.Random(2).getstate())
    assert r.random() == random.Random(2).random()
    r.seed(4)
    assert r.getstate() == random.Random(4).getstate()


def test_python_objects_in_sequences():
    r, q = nprand.Random(8), random.Random(8)
    pop = [object(), "a", (1, 2), None, 3.5]
    assert r.choice(pop) is q.choice(pop)
    assert r.sample(pop, 3) == q.sample(pop, 3)
    assert r.choices(pop, k=4) == q.choices(pop, k=4)
    assert r.sample(range(10**12), 3) == q.sample(range(10**12), 3)
