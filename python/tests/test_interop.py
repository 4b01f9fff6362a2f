"""Python draws, then Rust draws on the same object, then Python draws again: the three
parts must equal NumPy (or CPython) drawing all three, values and final state included,
for RandomState, Generator over each of the five bit generators, and random.Random."""

import random

import numpy as np
import pytest

import nprand
from calls import GENERATOR, LEGACY, PYTHON, run, same, state_of

SEEDS = range(40)
BIT_GENERATORS = ["MT19937", "PCG64", "PCG64DXSM", "Philox", "SFC64"]


def sequence(pool, seed):
    """Three parts of 0 to 6 calls each, drawn from `pool` with a seed of their own."""
    pick = random.Random(1000 + seed)
    return [[pick.choice(pool) for _ in range(pick.randint(0, 6))] for _ in range(3)]


def check_interleaved(make, pool, seed, rust_draw):
    """`make()` builds a fresh generator; parts 1 and 3 run in Python, part 2 in Rust."""
    first, middle, last = sequence(pool, seed)
    ref, obj = make(), make()
    expected = [run(ref, c) for c in first + middle + last]
    got = [run(obj, c) for c in first]
    got += rust_draw(obj, middle)
    got += [run(obj, c) for c in last]
    for call, g, e in zip(first + middle + last, got, expected):
        if call.startswith("shuffle"):  # CPython's shuffle returns None, the evaluator the list
            continue
        assert same(g, e), (seed, call, g, e)
    assert state_of(obj) == state_of(ref)


@pytest.mark.parametrize("seed", SEEDS)
def test_random_state(seed):
    check_interleaved(lambda: np.random.RandomState(seed), LEGACY, seed, nprand.draw)


@pytest.mark.parametrize("bit_generator", BIT_GENERATORS)
@pytest.mark.parametrize("seed", SEEDS)
def test_generator(bit_generator, seed):
    cls = getattr(np.random, bit_generator)
    check_interleaved(lambda: np.random.Generator(cls(seed)), GENERATOR, seed, nprand.draw)


@pytest.mark.parametrize("seed", SEEDS)
def test_random(seed):
    check_interleaved(lambda: random.Random(seed), PYTHON, seed, nprand.draw_random)


@pytest.mark.parametrize("bit_generator", BIT_GENERATORS)
def test_buffered_half_word_crosses(bit_generator):
    """An odd number of 32-bit draws leaves `has_uint32` set on either side."""
    cls = getattr(np.random, bit_generator)
    ref, obj = np.random.Generator(cls(9)), np.random.Generator(cls(9))
    e = [ref.integers(0, 7, dtype=np.uint32) for _ in range(3)]
    got = [obj.integers(0, 7, dtype=np.uint32)]
    got += nprand.draw(obj, ["integers(0, 7, dtype=np.uint32)"])
    got += [obj.integers(0, 7, dtype=np.uint32)]
    assert all(same(a, b) for a, b in zip(got, e))
    assert state_of(obj) == state_of(ref)


def test_cached_gaussian_crosses():
    """One standard_normal in Python leaves the polar method's second value cached."""
    ref, obj = np.random.RandomState(3), np.random.RandomState(3)
    e = [ref.standard_normal() for _ in range(4)]
    got = [obj.standard_normal()] + nprand.draw(obj, ["standard_normal()"] * 2)
    got.append(obj.standard_normal())
    assert got == e and state_of(obj) == state_of(ref)
    r, q = random.Random(3), random.Random(3)
    e = [q.gauss() for _ in range(3)]
    got = [r.gauss()] + nprand.draw_random(r, ["gauss()"]) + [r.gauss()]
    assert got == e and r.getstate() == q.getstate()


@pytest.mark.parametrize("bit_generator", BIT_GENERATORS)
def test_bit_generator_itself(bit_generator):
    """A bare bit generator can be passed too."""
    cls = getattr(np.random, bit_generator)
    bg, ref = cls(4), np.random.Generator(cls(4))
    assert same(nprand.draw(bg, ["random(3)"])[0], ref.random(3))
    assert state_of(np.random.Generator(bg)) == state_of(ref)


@pytest.mark.parametrize("make", [lambda: np.random.RandomState(11), lambda: np.random.default_rng(11)])
def test_example_queue(make):
    """The README's example: the Rust loop equals the Python loop, state included."""
    def queue_waits(rng, n, arrival_rate, service_rate):
        out, w = np.empty(n), 0.0
        for i in range(n):
            s = rng.exponential(1 / service_rate)
            a = rng.exponential(1 / arrival_rate)
            out[i] = w
            w = max(0.0, w + s - a)
        return out

    ref, obj = make(), make()
    expected = queue_waits(ref, 500, 0.9, 1.0)
    got = nprand.queue_waits(obj, 500, 0.9, 1.0)
    assert same(got, expected) and state_of(obj) == state_of(ref)
    assert same(obj.random(), ref.random())


def test_error_still_writes_state_back():
    ref, obj = np.random.default_rng(5), np.random.default_rng(5)
    ref.standard_normal(3)
    with pytest.raises(ValueError, match="failed on purpose"):
        nprand.fail_after(obj, 3)
    assert state_of(obj) == state_of(ref)


def test_errors_keep_numpy_types():
    obj = np.random.RandomState(0)
    with pytest.raises(ValueError, match="scale < 0"):
        nprand.draw(obj, ["normal(0, -1)"])


class ThirdParty(np.random.PCG64):
    pass


class Overriding(random.Random):
    def random(self):
        return 0.5


@pytest.mark.parametrize("obj", [
    np.random.Generator(ThirdParty(1)), ThirdParty(1), np.random.RandomState(np.random.PCG64(1)),
    object(), 5,
])
def test_unsupported_numpy_objects_are_type_errors(obj):
    with pytest.raises(TypeError, match="nprand"):
        nprand.draw(obj, ["random()"])


@pytest.mark.parametrize("obj", [random.SystemRandom(), Overriding(1), np.random.default_rng()])
def test_unsupported_random_objects_are_type_errors(obj):
    with pytest.raises(TypeError, match="nprand"):
        nprand.draw_random(obj, ["random()"])
