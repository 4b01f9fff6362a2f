//! Unit tests of the RandomState evaluator: binding messages, result kinds and dtypes.

use super::*;
use crate::eval::value::Kind;

fn ev(rs: &mut RandomState, s: &str) -> Result<Value> {
    eval_call(rs, s)
}

fn err(s: &str) -> String {
    ev(&mut RandomState::new(0), s).unwrap_err().to_string()
}

#[test]
fn binding_messages() {
    assert_eq!(
        err("normal(1, 2, 3, 4)"),
        "TypeError: normal() takes at most 3 positional arguments (4 given)"
    );
    assert_eq!(
        err("normal(x=1)"),
        "TypeError: normal() got an unexpected keyword argument 'x'"
    );
    assert_eq!(
        err("normal(1, loc=2)"),
        "TypeError: normal() got multiple values for keyword argument 'loc'"
    );
    assert_eq!(
        err("bytes()"),
        "TypeError: bytes() takes exactly 1 positional argument (0 given)"
    );
    assert_eq!(
        err("randint(high=5)"),
        "TypeError: randint() takes at least 1 positional argument (0 given)"
    );
    assert_eq!(
        err("rand(size=3)"),
        "TypeError: rand() got an unexpected keyword argument 'size'"
    );
}

#[test]
fn size_messages() {
    assert_eq!(
        err("normal(size=-1)"),
        "ValueError: negative dimensions are not allowed"
    );
    assert_eq!(
        err("normal(size=2.5)"),
        "TypeError: expected a sequence of integers or a single integer, got '2.5'"
    );
    assert_eq!(
        err("normal(size=(2, 2.0))"),
        "TypeError: 'float' object cannot be interpreted as an integer"
    );
    assert_eq!(
        err("rand(2.5)"),
        "TypeError: 'float' object cannot be interpreted as an integer"
    );
    // Parameters are checked before size.
    assert_eq!(err("normal(0, -1, size=-1)"), "ValueError: scale < 0");
    assert_eq!(
        err("normal(size=(3, 2**62))"),
        "ValueError: array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size."
    );
}

#[test]
fn kinds_and_dtypes() {
    let mut rs = RandomState::new(0);
    let k = |rs: &mut RandomState, s: &str| {
        let v = ev(rs, s).unwrap();
        (v.kind, v.dtype_name(), v.shape)
    };
    assert_eq!(k(&mut rs, "randint(5)"), (Kind::PyScalar, "int64", vec![]));
    assert_eq!(
        k(&mut rs, "randint(2, dtype=bool)"),
        (Kind::PyScalar, "bool", vec![])
    );
    assert_eq!(
        k(&mut rs, "randint(2, dtype=np.bool_)"),
        (Kind::NpScalar, "bool", vec![])
    );
    assert_eq!(
        k(&mut rs, "randint(5, dtype='i8')"),
        (Kind::NpScalar, "int64", vec![])
    );
    assert_eq!(
        k(&mut rs, "randint(5, size=())"),
        (Kind::Array, "int64", vec![])
    );
    assert_eq!(k(&mut rs, "randint([5])"), (Kind::Array, "int64", vec![1]));
    assert_eq!(
        k(&mut rs, "random_integers(5)"),
        (Kind::NpScalar, "int64", vec![])
    );
    assert_eq!(k(&mut rs, "choice(5)"), (Kind::PyScalar, "int64", vec![]));
    assert_eq!(
        k(&mut rs, "choice([1.5, 2])"),
        (Kind::NpScalar, "float64", vec![])
    );
    assert_eq!(
        k(&mut rs, "choice([True, False], size=())"),
        (Kind::Array, "bool", vec![])
    );
    assert_eq!(k(&mut rs, "tomaxint()"), (Kind::PyScalar, "int64", vec![]));
    assert_eq!(
        k(&mut rs, "normal(0, [1, 2])"),
        (Kind::Array, "float64", vec![2])
    );
    assert_eq!(k(&mut rs, "bytes(5)"), (Kind::Bytes, "bytes", vec![5]));
    assert_eq!(
        k(&mut rs, "permutation([[1, 2], [3, 4.5]])"),
        (Kind::Array, "float64", vec![2, 2])
    );
    assert!(ev(&mut rs, "seed(3)").unwrap().is_none());
}

#[test]
fn randint_messages() {
    assert_eq!(
        err("randint(5, dtype=bool)"),
        "ValueError: high is out of bounds for bool"
    );
    assert_eq!(
        err("randint(5, dtype='float64')"),
        "TypeError: Unsupported dtype dtype('float64') for randint"
    );
    assert_eq!(
        err("randint(5, dtype='foo')"),
        "TypeError: data type 'foo' not understood"
    );
    assert_eq!(
        err("randint(5, dtype=5)"),
        "TypeError: Cannot interpret '5' as a data type"
    );
    assert_eq!(
        err("randint(nan)"),
        "ValueError: cannot convert float NaN to integer"
    );
    assert_eq!(
        err("randint(-inf, 5)"),
        "OverflowError: cannot convert float infinity to integer"
    );
    assert_eq!(err("randint(10, 5, size=2.5)"), "ValueError: low >= high");
    assert_eq!(err("randint([0, 0], [0, 5])"), "ValueError: high <= 0");
    assert_eq!(
        err("randint([1, 2], [3, 4, 5])"),
        "ValueError: operands could not be broadcast together with shapes (2,) (3,) "
    );
    assert_eq!(
        err("randint([], [[10, 7]])"),
        "ValueError: operands could not be broadcast together with shapes (0,) (1,2) "
    );
    // An int64 array casts safely: no element check, and nothing to compare.
    let mut rs = RandomState::new(0);
    assert_eq!(ev(&mut rs, "randint([], -2**63)").unwrap().shape, vec![0]);
    assert_eq!(
        err("randint([0, -1], [-1, 2**64], dtype=np.uint64)"),
        "ValueError: low is out of bounds for uint64"
    );
    assert_eq!(
        err("randint(0, [-1, 2**64], dtype=np.uint64)"),
        "ValueError: high <= 0"
    );
    assert_eq!(
        err("randint(5, [[-2**63, 2**63]])"),
        "ValueError: low >= high"
    );
    assert_eq!(
        err("randint([1, 2], 5, size=3)"),
        "ValueError: shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (2,) and arg 2 with shape (3,)."
    );
    let mut rs = RandomState::new(0);
    let v = ev(&mut rs, "randint(10, 5, size=(2, 0))").unwrap();
    assert_eq!(v.shape, vec![2, 0]);
}

#[test]
fn randint_matches_library_stream() {
    let mut rs = RandomState::new(3);
    let v = ev(&mut rs, "randint(-3, 300, size=7, dtype=np.int16)").unwrap();
    let mut lib = RandomState::new(3);
    let mut w = [0i16; 7];
    lib.randint_into(&mut w, -3, 300).unwrap();
    assert_eq!(v.data, Data::I16(w.to_vec()));
    assert_eq!(rs, lib);
}

#[test]
fn numpy_quirks() {
    // size='' is an empty sequence: a 0-d array.
    let v = ev(&mut RandomState::new(0), "random_sample('')").unwrap();
    assert_eq!((v.kind, v.shape.len()), (Kind::Array, 0));
    assert_eq!(
        err("tomaxint(np.bool_)"),
        "TypeError: expected a sequence of integers or a single integer, got '<class 'numpy.bool'>'"
    );
    assert_eq!(
        err("randint([], ['u8'])"),
        "ValueError: invalid literal for int() with base 10: np.str_('u8')"
    );
    assert_eq!(
        err("choice(2**64, size=2.5)"),
        "ValueError: high is out of bounds for int64"
    );
    // choice(2**63) is randint(0, 2**63): valid.
    let v = ev(&mut RandomState::new(0), "choice(2**63)").unwrap();
    let want: i64 = RandomState::new(0).randint(0, 1 << 63).unwrap();
    assert_eq!(v.data, Data::I64(vec![want]));
    // Float bounds of small types are compared before truncation: [5.2, 5.9)
    // passes and wraps to the full uint8 range with offset 5.
    let v = ev(
        &mut RandomState::new(4),
        "randint([5.2], [5.9], dtype='u1')",
    )
    .unwrap();
    let mut w = [0u8; 1];
    RandomState::new(4).randint_into(&mut w, 0, 256).unwrap();
    assert_eq!(v.data, Data::U8(vec![w[0].wrapping_add(5)]));
    assert_eq!(
        err("randint(2**64, [], dtype='u2')"),
        "OverflowError: Python int too large to convert to C long"
    );
    assert!(err("randint([], 5, size=1)").starts_with("NotImplementedError: "));
}

#[test]
fn shuffle_tuple_consumes_one_draw() {
    let mut rs = RandomState::new(0);
    assert_eq!(
        ev(&mut rs, "shuffle((1, 2, 3))").unwrap_err().to_string(),
        "TypeError: 'tuple' object does not support item assignment"
    );
    assert_eq!(rs.bit_generator().pos(), 1);
}

/// A stand-in for a disc() distribution with an int64 parameter (binomial's `n`).
static FAKE: DistSpec = DistSpec {
    name: "fake",
    params: &[
        crate::legacy::broadcast::ParamSpec::i("n", crate::legacy::broadcast::Cons::NonNegative),
        crate::legacy::broadcast::ParamSpec::f("p", crate::legacy::broadcast::Cons::Bounded01),
    ],
    internal_order: &[1, 0],
    prepare: None,
    kernel: crate::legacy::broadcast::Kernel::I64(|_, p| p[0].i()),
    bulk: crate::legacy::broadcast::Bulk::None,
};

fn fake(s: &str) -> Result<Value> {
    let call = parse_call(s).unwrap();
    eval_dist(&mut RandomState::new(0), &FAKE, "binomial", &call)
}

#[test]
fn int_parameters_convert_like_numpy() {
    let v = fake("f(10.7, 0.5)").unwrap();
    assert_eq!((v.kind, v.data), (Kind::PyScalar, Data::I64(vec![10])));
    let v = fake("f([10.7, True], 0.5)").unwrap();
    assert_eq!((v.kind, v.data), (Kind::Array, Data::I64(vec![10, 1])));
    let v = fake("f(['5'], 0.5)").unwrap();
    assert_eq!(v.data, Data::I64(vec![5]));
    let e = |s: &str| fake(s).unwrap_err().to_string();
    assert_eq!(
        e("f(nan, 0.5)"),
        "ValueError: cannot convert float NaN to integer"
    );
    assert_eq!(
        e("f([inf], 0.5)"),
        "OverflowError: cannot convert float infinity to integer"
    );
    assert_eq!(
        e("f(2**63, 0.5)"),
        "OverflowError: Python int too large to convert to C long"
    );
    assert_eq!(
        e("f(1e30, 0.5)"),
        "OverflowError: Python int too large to convert to C long"
    );
    assert_eq!(e("f('5', 0.5)"), "TypeError: an integer is required");
    assert_eq!(
        e("f('a', 0.5)"),
        "ValueError: invalid literal for int() with base 10: 'a'"
    );
    assert_eq!(
        e("f(None, 0.5)"),
        "TypeError: int() argument must be a string, a bytes-like object or a real number, not 'NoneType'"
    );
    // p is converted and checked first (internal order).
    assert_eq!(e("f(-1, 2)"), "ValueError: p < 0, p > 1 or p is NaN");
    assert_eq!(e("f(-1, 0.5)"), "ValueError: n < 0");
    assert_eq!(
        e("f(5)"),
        "TypeError: binomial() takes at least 2 positional arguments (1 given)"
    );
    assert_eq!(fake("f([], 0.5)").unwrap().shape, vec![0]);
}

#[test]
fn seed_checks() {
    assert_eq!(
        err("seed(-1)"),
        "ValueError: Seed must be between 0 and 2**32 - 1"
    );
    assert_eq!(err("seed([])"), "ValueError: Seed must be non-empty");
    assert_eq!(err("seed([[1, 2]])"), "ValueError: Seed array must be 1-d");
    assert_eq!(
        err("seed(1.0)"),
        "TypeError: Cannot cast scalar from dtype('float64') to dtype('int64') according to the rule 'safe'"
    );
    assert_eq!(
        err("seed([2**64])"),
        "TypeError: Cannot cast array data from dtype('O') to dtype('int64') according to the rule 'safe'"
    );
    let mut rs = RandomState::new(0);
    ev(&mut rs, "seed([1, 2])").unwrap();
    assert_eq!(rs, RandomState::from_key(&[1, 2]).unwrap());
}

#[test]
fn ints_past_i128_are_refused_where_numpy_would_draw_with_them() {
    // NumPy converts 10**40 to the double 1e40 here; nprand refuses before any draw.
    let mut rs = RandomState::new(3);
    let before = rs.clone();
    for call in [
        "uniform(0, 10**40)",
        "normal(2**200, 1, size=3)",
        "random_sample()",
    ] {
        let e = ev(&mut rs, call);
        if call == "random_sample()" {
            // The refusals left the generator where it was.
            assert_eq!(e.unwrap(), ev(&mut before.clone(), call).unwrap());
        } else {
            assert_eq!(e.unwrap_err().kind(), crate::ErrorKind::NotImplementedError);
            assert!(rs == before, "{call} moved the generator");
        }
    }
}
