//! The parser's tests: structure, literals, folding against CPython (the fixture
//! `fixtures/parser/cases.json`), errors and their offsets, nesting limits.

use super::fold::*;
use super::*;

fn call(src: &str) -> Call {
    parse_call(src).unwrap_or_else(|e| panic!("{src:?}: {e}"))
}

fn ex(src: &str) -> Expr {
    parse_expr(src).unwrap_or_else(|e| panic!("{src:?}: {e}"))
}

fn err(src: &str) -> ParseError {
    match parse_expr(src) {
        Ok(v) => panic!("{src:?} parsed as {v:?}"),
        Err(e) => e,
    }
}

fn call_err(src: &str) -> ParseError {
    match parse_call(src) {
        Ok(v) => panic!("{src:?} parsed as {v:?}"),
        Err(e) => e,
    }
}

/// Asserts that parsing `src` fails with a message containing `needle`.
fn assert_err(src: &str, needle: &str) {
    let e = err(src);
    assert!(
        e.message.contains(needle),
        "{src:?}: expected an error containing {needle:?}, got {e}"
    );
}

fn assert_call_err(src: &str, needle: &str) {
    let e = call_err(src);
    assert!(
        e.message.contains(needle),
        "{src:?}: expected an error containing {needle:?}, got {e}"
    );
}

fn int(i: i128) -> Expr {
    Expr::Int(i)
}

fn float(f: f64) -> Expr {
    Expr::Float(f)
}

fn string(s: &str) -> Expr {
    Expr::Str(s.to_string())
}

fn name(s: &str) -> Expr {
    Expr::Name(s.to_string())
}

fn kw(k: &str, v: Expr) -> (String, Expr) {
    (k.to_string(), v)
}

/// Structural equality that compares floats bit for bit (so `-0.0`
/// differs from `0.0`, and NaN equals NaN).
fn same(a: &Expr, b: &Expr) -> bool {
    match (a, b) {
        (Expr::Float(x), Expr::Float(y)) => {
            x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan())
        }
        (Expr::Tuple(x), Expr::Tuple(y)) | (Expr::List(x), Expr::List(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q))
        }
        _ => a == b,
    }
}

#[test]
fn arithmetic_matches_python() {
    // (expression, CPython's `repr(eval(expression))`), from scripts/fixgen/parser.py.
    let text = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/parser/cases.json"
    ));
    let doc: serde_json::Value = serde_json::from_str(text).expect("fixtures/parser/cases.json");
    let cases = doc["cases"].as_array().expect("cases");
    assert!(cases.len() >= 683, "{} cases", cases.len());
    let mut failures = Vec::new();
    for case in cases {
        let src = case["expr"].as_str().expect("expr");
        if let Some(kind) = case["error"].as_str() {
            // CPython raised: the fold refuses it in CPython's words.
            let message = case["message"].as_str().expect("message");
            match parse_expr(src) {
                Err(e) if e.message == message => {}
                got => failures.push(format!(
                    "{src}: got {got:?}, Python raises {kind}: {message}"
                )),
            }
            continue;
        }
        let expected = case["repr"].as_str().expect("repr");
        let want = ex(expected);
        match parse_expr(src) {
            Ok(got) if same(&got, &want) => {}
            got => failures.push(format!("{src}: got {got:?}, Python gives {expected}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn brief_examples() {
    let c = call("rand(3, 2)");
    assert_eq!(c.method, "rand");
    assert_eq!(c.args, vec![int(3), int(2)]);
    assert!(c.kwargs.is_empty());

    let c = call("randint(0, 10, size=(2, 3), dtype='int8')");
    assert_eq!(c.method, "randint");
    assert_eq!(c.args, vec![int(0), int(10)]);
    assert_eq!(
        c.kwargs,
        vec![
            kw("size", Expr::Tuple(vec![int(2), int(3)])),
            kw("dtype", string("int8")),
        ]
    );

    let c = call("choice([1, 2, 3], size=5, p=[0.2, 0.3, 0.5])");
    assert_eq!(c.method, "choice");
    assert_eq!(c.args, vec![Expr::List(vec![int(1), int(2), int(3)])]);
    assert_eq!(
        c.kwargs,
        vec![
            kw("size", int(5)),
            kw("p", Expr::List(vec![float(0.2), float(0.3), float(0.5)])),
        ]
    );

    let c = call("shuffle([1, 2, 3, 4])");
    assert_eq!(c.method, "shuffle");
    assert_eq!(
        c.args,
        vec![Expr::List(vec![int(1), int(2), int(3), int(4)])]
    );

    let c = call("randint(-2**63, 2**64, dtype=np.uint64)");
    assert_eq!(
        c.args,
        vec![int(-9223372036854775808), int(18446744073709551616)]
    );
    assert_eq!(c.kwargs, vec![kw("dtype", name("np.uint64"))]);

    let c = call("normal([0, 1, 2], 1)");
    assert_eq!(c.method, "normal");
    assert_eq!(
        c.args,
        vec![Expr::List(vec![int(0), int(1), int(2)]), int(1)]
    );

    let c = call("binomial(10, [[0.1], [0.9]], size=(2, 3))");
    assert_eq!(
        c.args,
        vec![
            int(10),
            Expr::List(vec![
                Expr::List(vec![float(0.1)]),
                Expr::List(vec![float(0.9)])
            ]),
        ]
    );
    assert_eq!(
        c.kwargs,
        vec![kw("size", Expr::Tuple(vec![int(2), int(3)]))]
    );

    let c = call("uniform(-np.inf, 0)");
    assert_eq!(c.args, vec![float(f64::NEG_INFINITY), int(0)]);

    let c = call("randint(0, 10, dtype=int)");
    assert_eq!(c.kwargs, vec![kw("dtype", name("int"))]);
}

#[test]
fn receivers_are_stripped() {
    for src in [
        "rand(3)",
        "rs.rand(3)",
        "np.random.rand(3)",
        "random.rand(3)",
        "numpy.random.rand(3)",
        "  \t rand ( 3 ) \n ",
        "np . random . rand(3)",
        "rand(\n  3,\n)",
        "rand(3)  # a comment",
    ] {
        let c = call(src);
        assert_eq!(c.method, "rand", "{src:?}");
        assert_eq!(c.args, vec![int(3)], "{src:?}");
        assert!(c.kwargs.is_empty(), "{src:?}");
    }
    assert_eq!(call("random_sample()").method, "random_sample");
    assert_eq!(call("_private()").method, "_private");
}

#[test]
fn call_structure_errors() {
    assert_call_err("", "empty call");
    assert_call_err("   \n\t", "empty call");
    assert_call_err("rand", "expected '(' after the method name 'rand'");
    assert_call_err("rand(", "expected an expression but found end of input");
    assert_call_err("rand(3", "expected ',' or ')' but found end of input");
    assert_call_err("rand(3))", "end of input after the closing ')'");
    assert_call_err("rand(3) x", "end of input after the closing ')'");
    assert_call_err("rand(3)(4)", "end of input after the closing ')'");
    assert_call_err("np.random.RandomState(5).rand(3)", "end of input");
    assert_call_err("rand(3); rand(2)", "only one call");
    assert_call_err("(3)", "expected a method name");
    assert_call_err("3", "expected a method name");
    assert_call_err("'rand'(3)", "expected a method name");
    assert_call_err("True(3)", "keyword 'True'");
    assert_call_err("np.(3)", "expected a name after '.'");
    assert_call_err("rand.", "expected a name after '.'");
    assert_call_err("rand[3]", "expected '('");
    assert_call_err("rand(3 2)", "expected ',' or ')' but found number 2");
    assert_call_err("rand(,)", "expected an expression but found ','");
    assert_call_err("rand(3,,)", "expected an expression but found ','");
    assert_call_err("rand(x=)", "expected an expression but found ')'");
    assert_call_err("rand(=3)", "expected an expression but found '='");
    assert_call_err("rand(1=2)", "plain identifier");
    assert_call_err("rand(np.x=2)", "plain identifier");
    assert_call_err("rand(*a)", "unpacking");
    assert_call_err("rand(**a)", "unpacking");
    assert_call_err("rand(True=1)", "keyword 'True' cannot be used");
    assert_call_err("rand(lambda=1)", "keyword 'lambda' cannot be used");
    assert_call_err("rand(x == 1)", "comparison");
}

#[test]
fn arguments() {
    let c = call("f()");
    assert!(c.args.is_empty() && c.kwargs.is_empty());
    assert_eq!(call("f(1,)").args, vec![int(1)]);
    assert_eq!(call("f(1, 2, )").args, vec![int(1), int(2)]);
    let c = call("f(1, a=2, b=3,)");
    assert_eq!(c.args, vec![int(1)]);
    assert_eq!(c.kwargs, vec![kw("a", int(2)), kw("b", int(3))]);
    let c = call("f(b=1, a=2)");
    assert_eq!(
        c.kwargs,
        vec![kw("b", int(1)), kw("a", int(2))],
        "source order kept"
    );
    let c = call("f(size = None)");
    assert_eq!(c.kwargs, vec![kw("size", Expr::None)]);

    let e = call_err("f(size=3, 2)");
    assert_eq!(e.message, "positional argument follows keyword argument");
    assert_eq!(e.offset, 10);
    let e = call_err("f(size=3, size=4)");
    assert_eq!(e.message, "keyword argument repeated: size");
    assert_eq!(e.offset, 10);
}

#[test]
fn integers() {
    assert_eq!(ex("0"), int(0));
    assert_eq!(ex("00"), int(0));
    assert_eq!(ex("0_0"), int(0));
    assert_eq!(ex("42"), int(42));
    assert_eq!(ex("1_000_000"), int(1_000_000));
    assert_eq!(ex("0xff"), int(255));
    assert_eq!(ex("0XfF"), int(255));
    assert_eq!(ex("0x_dead_BEEF"), int(0xdead_beef));
    assert_eq!(ex("0o17"), int(15));
    assert_eq!(ex("0O_7_7"), int(63));
    assert_eq!(ex("0b101"), int(5));
    assert_eq!(ex("0B_1_0"), int(2));
    assert_eq!(ex("18446744073709551616"), int(1 << 64));
    assert_eq!(
        ex("170141183460469231731687303715884105727"),
        int(i128::MAX)
    );
    assert_eq!(ex("0x7fffffffffffffffffffffffffffffff"), int(i128::MAX));
    assert_eq!(
        ex("-170141183460469231731687303715884105728"),
        int(i128::MIN)
    );
    assert_eq!(ex("-0x80000000000000000000000000000000"), int(i128::MIN));
    assert_eq!(
        ex("[-170141183460469231731687303715884105728]"),
        Expr::List(vec![int(i128::MIN)])
    );
    assert_eq!(
        ex("-170141183460469231731687303715884105728 + 1"),
        int(i128::MIN + 1)
    );
    assert_eq!(
        ex("-170141183460469231731687303715884105727 - 1"),
        int(i128::MIN)
    );

    // Past i128, ints are BigInt: Python's ints have no bound.
    let two_127 = num_bigint::BigInt::from(1u8) << 127u32;
    assert_eq!(
        ex("170141183460469231731687303715884105728"),
        Expr::BigInt(two_127.clone())
    );
    assert_eq!(
        ex("0x80000000000000000000000000000000"),
        Expr::BigInt(two_127.clone())
    );
    assert_eq!(
        ex("-(-170141183460469231731687303715884105728)"),
        Expr::BigInt(two_127.clone())
    );
    assert_eq!(
        ex("--170141183460469231731687303715884105728"),
        Expr::BigInt(two_127)
    );
    assert_eq!(
        ex("-170141183460469231731687303715884105728 ** 1"),
        int(i128::MIN)
    );
    assert_eq!(ex("2**128 - 2**128"), int(0), "one form per value");
    let e = ex("[1, 99999999999999999999999999999999999999999999999999999]");
    assert!(
        matches!(&e, Expr::List(v) if matches!(v[1], Expr::BigInt(_))),
        "{e:?}"
    );
    // CPython 3.11 refuses decimal literals past 4300 digits (hexadecimal has no limit).
    let long = "1".repeat(4301);
    let e = err(&format!("[1, {long}]"));
    assert_eq!(e.offset, 4);
    assert!(
        e.message.starts_with(
            "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits"
        ),
        "{e}"
    );
    assert!(matches!(ex(&"1".repeat(4300)), Expr::BigInt(_)));
    assert!(matches!(
        ex(&format!("0x{}", "f".repeat(5000))),
        Expr::BigInt(_)
    ));
    // The fold's cap: 2**20 bits.
    let hex_digits = (MAX_INT_BITS / 4) as usize;
    assert!(matches!(
        ex(&format!("0x{}", "f".repeat(hex_digits))),
        Expr::BigInt(_)
    ));
    assert_err(
        &format!("0x1{}", "0".repeat(hex_digits)),
        "integer literal too large",
    );

    assert_err("01", "leading zeros");
    assert_err("0_1", "leading zeros");
    assert_err("1__0", "invalid decimal literal");
    assert_err("1_", "invalid decimal literal");
    assert_err("1a", "invalid decimal literal");
    assert_err("1_a", "invalid decimal literal");
    assert_err("0x", "invalid hexadecimal literal");
    assert_err("0x_", "invalid hexadecimal literal");
    assert_err("0xg", "invalid hexadecimal literal");
    assert_err("0x1__2", "invalid hexadecimal literal");
    assert_err("0b102", "invalid digit '2' in binary literal");
    assert_err("0o8", "invalid digit '8' in octal literal");
    assert_err("1j", "complex numbers are not supported");
    assert_err("1.5J", "complex numbers are not supported");
}

#[test]
fn overflow_and_division_errors() {
    for (src, needle) in [
        ("3**10**10", "integer too large"),
        ("2**1048576", "integer too large"),
        ("2**1048575 * 2", "integer too large"),
        ("2**1048575 + 2**1048575", "integer too large"),
        ("(-2)**1048577", "integer too large"),
        ("[0] * 10**40", "sequence repetition longer than"),
        ("1 / 0", "division by zero"),
        ("1 // 0", "division by zero"),
        ("1 % 0", "division by zero"),
        ("1.0 / 0", "division by zero"),
        ("1 / 0.0", "division by zero"),
        ("1 / -0.0", "division by zero"),
        ("1.0 // 0.0", "division by zero"),
        ("1 % 0.0", "division by zero"),
        ("1 / False", "division by zero"),
        ("0 ** -1", "division by zero"),
        ("0.0 ** -1", "division by zero"),
        ("0 ** -0.5", "division by zero"),
        ("(-8) ** 0.5", "complex"),
        ("(-8.0) ** (1/3)", "complex"),
        ("10.0 ** 400", "out of range"),
        ("2.0 ** 1024", "out of range"),
        ("(-2.0) ** 1025", "out of range"),
    ] {
        assert_err(src, needle);
    }
    // The cap, exactly, and identities that must not build huge ints.
    assert!(matches!(ex("2**1048575"), Expr::BigInt(b) if b.bits() == MAX_INT_BITS));
    assert!(
        matches!(ex("-2**1048575 - (2**1048575 - 1)"), Expr::BigInt(b) if b.bits() == MAX_INT_BITS)
    );
    assert_eq!(ex("1 ** (2**100)"), int(1));
    assert_eq!(ex("(-1) ** (2**100 + 1)"), int(-1));
    assert_eq!(ex("(-1) ** (10**400)"), int(1));
    assert_eq!(ex("0 ** (2**100)"), int(0));
    assert_eq!(ex("[0] * -10**40"), Expr::List(vec![]));
    assert_eq!(ex("2 ** 126"), int(1 << 126));
    assert_eq!(ex("(-2) ** 127"), int(i128::MIN));
    let e = err("[1, 2 / 0]");
    assert_eq!(e.offset, 6, "the error points at the operator");
}

#[test]
fn floats_parse_exactly() {
    for src in [
        "0.1",
        "1.",
        ".5",
        "1e-3",
        "1E+300",
        "1e400",
        "1e-400",
        "5e-324",
        "2.5e-324",
        "2.4703282292062328e-324",
        "01.5",
        "09.5",
        "0e0",
        "00.0",
        "09e1",
        "1.7976931348623157e308",
        "1.7976931348623158e308",
        "2.2250738585072011e-308",
        "123456789012345678901234567890.123456789",
        "0.30000000000000004",
        "9007199254740993.0",
        "9007199254740993",
        "3.14159265358979323846264338327950288",
    ] {
        let expected: f64 = src.parse().unwrap();
        match ex(src) {
            Expr::Float(f) => assert_eq!(f.to_bits(), expected.to_bits(), "{src}"),
            Expr::Int(i) => assert_eq!(i as f64, expected, "{src}"),
            other => panic!("{src}: {other:?}"),
        }
    }
    assert_eq!(ex("1_000.000_1"), float(1000.0001));
    assert_eq!(ex("1e1_0"), float(1e10));
    assert_eq!(ex("1.e5"), float(1e5));
    assert_eq!(ex("-0.0"), float(-0.0));
    assert!(same(&ex("-0.0"), &float(-0.0)));
    assert!(!same(&ex("-0.0"), &float(0.0)));
    assert_eq!(ex("0.1"), float(f64::from_bits(0x3FB9_9999_9999_999A)));
    assert_err("1e", "invalid decimal literal");
    assert_err("1e+", "invalid decimal literal");
    assert_err("1e_5", "invalid decimal literal");
    assert_err("1._5", "invalid decimal literal");
    assert_err("1_.5", "invalid decimal literal");
    assert_err("1.5_", "invalid decimal literal");
    assert_err("1.real", "invalid decimal literal");
    assert_err("1.5.5", "expected end of input but found number .5");
    assert_err(".", "expected an expression but found '.'");
}

#[test]
fn strings() {
    assert_eq!(ex("'int8'"), string("int8"));
    assert_eq!(ex("\"int8\""), string("int8"));
    assert_eq!(ex("''"), string(""));
    assert_eq!(ex("\"it's\""), string("it's"));
    assert_eq!(ex("'say \"hi\"'"), string("say \"hi\""));
    assert_eq!(
        ex(r#"'\n\t\\\'\"\x41\u00e9\U0001F600\r\a\b\f\v\0\101\7'"#),
        string("\n\t\\'\"A\u{e9}\u{1F600}\r\x07\x08\x0c\x0b\0A\x07")
    );
    assert_eq!(ex(r"'\q\d'"), string("\\q\\d"), "unknown escapes are kept");
    assert_eq!(ex("'a\\\nb'"), string("ab"), "backslash-newline continues");
    assert_eq!(ex("'héllo ✓'"), string("héllo ✓"));
    assert_eq!(ex(r"r'\n\''"), string("\\n\\'"));
    assert_eq!(ex(r#"R"a\b""#), string("a\\b"));
    assert_eq!(ex("u'x'"), string("x"));
    assert_eq!(ex("'''a'b\"c\nd'''"), string("a'b\"c\nd"));
    assert_eq!(ex("\"\"\"x\"\"\""), string("x"));
    assert_eq!(ex("'a' \"b\" 'c'"), string("abc"));
    assert_eq!(ex("('a'\n 'b')"), string("ab"));

    let e = err("'abc");
    assert_eq!(
        (e.message.as_str(), e.offset),
        ("unterminated string literal", 0)
    );
    assert_err("'abc\ndef'", "unterminated string literal");
    assert_err("'abc\\", "unterminated string literal");
    assert_err("'''abc''", "unterminated string literal");
    assert_err("r'abc\\'", "unterminated string literal");
    assert_err(r"'\x4'", "truncated \\xXX escape");
    assert_err(r"'\u12'", "truncated \\uXXXX escape");
    assert_err(r"'\U0000004'", "truncated \\UXXXXXXXX escape");
    assert_err(r"'\U00110000'", "illegal Unicode character");
    assert_err(r"'\ud800'", "surrogate");
    assert_err(r"'\N{DASH}'", "\\N{...}");
    assert_err("b'abc'", "byte strings are not supported");
    assert_err("rb'abc'", "byte strings are not supported");
    assert_err("f'{x}'", "f-strings are not supported");
    assert_err("x'abc'", "expected end of input but found string 'abc'");
}

#[test]
fn containers() {
    assert_eq!(ex("(1)"), int(1));
    assert_eq!(ex("((((1))))"), int(1));
    assert_eq!(ex("(1,)"), Expr::Tuple(vec![int(1)]));
    assert_eq!(ex("()"), Expr::Tuple(vec![]));
    assert_eq!(ex("(1, 2)"), Expr::Tuple(vec![int(1), int(2)]));
    assert_eq!(ex("(1, 2,)"), Expr::Tuple(vec![int(1), int(2)]));
    assert_eq!(ex("((),)"), Expr::Tuple(vec![Expr::Tuple(vec![])]));
    assert_eq!(ex("[]"), Expr::List(vec![]));
    assert_eq!(ex("[1,]"), Expr::List(vec![int(1)]));
    assert_eq!(
        ex("[1, 2, [3, 4]]"),
        Expr::List(vec![int(1), int(2), Expr::List(vec![int(3), int(4)])])
    );
    assert_eq!(
        ex("[(1, 'a'), [True, None], np.int8]"),
        Expr::List(vec![
            Expr::Tuple(vec![int(1), string("a")]),
            Expr::List(vec![Expr::Bool(true), Expr::None]),
            name("np.int8"),
        ])
    );
    assert_eq!(ex("1, 2"), Expr::Tuple(vec![int(1), int(2)]));
    assert_eq!(ex("1,"), Expr::Tuple(vec![int(1)]));
    assert_err("(,)", "expected an expression but found ','");
    assert_err("[,]", "expected an expression but found ','");
    assert_err("(1 2)", "expected ',' or ')'");
    assert_err("[1 2]", "expected ',' or ']'");
    assert_err("[1, 2", "expected ',' or ']' but found end of input");
    assert_err("(1, 2", "expected ',' or ')' but found end of input");
    assert_err("[1, 2)", "expected ',' or ']' but found ')'");
    assert_err("1,,", "expected an expression but found ','");
    assert_err("[1][0]", "indexing");
    assert_err("(1)(2)", "only names can be called");
    assert_err("'abc'.upper", "attribute access is only supported on names");
    assert_err("{1: 2}", "dict and set literals");
    assert_err(
        "[x for x in y]",
        "expected ',' or ']' but found keyword 'for'",
    );
}

#[test]
fn names_and_constants() {
    assert_eq!(ex("True"), Expr::Bool(true));
    assert_eq!(ex("False"), Expr::Bool(false));
    assert_eq!(ex("None"), Expr::None);
    for n in [
        "int",
        "bool",
        "float",
        "np.int8",
        "numpy.uint64",
        "np.float64",
        "a.b.c_d1",
        "_x",
        "true",
        "none",
    ] {
        assert_eq!(ex(n), name(n));
    }
    assert_eq!(ex("np . int8"), name("np.int8"));
    for (src, value) in [
        ("np.inf", f64::INFINITY),
        ("numpy.inf", f64::INFINITY),
        ("inf", f64::INFINITY),
        ("math.inf", f64::INFINITY),
        ("np.Inf", f64::INFINITY),
        ("np.PINF", f64::INFINITY),
        ("np.NINF", f64::NEG_INFINITY),
        ("-np.inf", f64::NEG_INFINITY),
        ("-inf", f64::NEG_INFINITY),
        ("np.pi", std::f64::consts::PI),
        ("numpy.pi", std::f64::consts::PI),
        ("math.pi", std::f64::consts::PI),
        ("np.e", std::f64::consts::E),
        ("2 * np.pi", 2.0 * std::f64::consts::PI),
        ("np.euler_gamma", 0.5772156649015329),
    ] {
        assert_eq!(ex(src), float(value), "{src}");
    }
    for src in [
        "np.nan",
        "numpy.nan",
        "nan",
        "np.NaN",
        "-np.nan",
        "np.nan + 1",
        "math.nan",
    ] {
        assert!(matches!(ex(src), Expr::Float(x) if x.is_nan()), "{src}");
    }
    assert_eq!(
        ex("e"),
        name("e"),
        "only the np./numpy./math. spellings of e and pi"
    );
    assert_eq!(ex("pi"), name("pi"));
    assert_eq!(ex("x.nan"), name("x.nan"));

    assert_err(
        "np.int8 * 2",
        "arithmetic on the name 'np.int8' is not supported",
    );
    assert_err("-int", "arithmetic on the name 'int'");
    assert_err("np.", "expected a name after '.' but found end of input");
    assert_err(
        "np.None",
        "expected a name after '.' but found keyword 'None'",
    );
    assert_err("np.1", "expected end of input but found number .1");
    assert_err("not 1", "the keyword 'not' is not supported here");
    assert_err("lambda: 1", "the keyword 'lambda' is not supported here");
    assert_err("np.int8[3]", "indexing");
    assert_err("é", "unexpected character 'é'");
}

#[test]
fn operators() {
    assert_eq!(ex("True + True"), int(2));
    assert_eq!(ex("-True"), int(-1));
    assert_eq!(ex("+True"), int(1));
    assert_eq!(ex("True / 2"), float(0.5));
    assert_eq!(ex("+1.5"), float(1.5));
    assert_eq!(ex("4 / 2"), float(2.0));
    assert_eq!(ex("2 ** -1"), float(0.5));
    assert_eq!(ex("2 ** 2"), int(4));
    for (src, needle) in [
        (
            "'a' + 'b'",
            "unsupported operand types for +: 'str' and 'str'",
        ),
        (
            "[1] * 2.0",
            "unsupported operand types for *: 'list' and 'float'",
        ),
        (
            "(1,) + [2]",
            "unsupported operand types for +: 'tuple' and 'list'",
        ),
        ("None + 1", "'NoneType' and 'int'"),
        ("1 % 'x'", "'int' and 'str'"),
        ("'%d' % 3", "unsupported operand types for %"),
        ("-'a'", "bad operand type for unary -: 'str'"),
        ("+[1]", "bad operand type for unary +: 'list'"),
        ("2 ** None", "unsupported operand types for **"),
        ("1 << 2", "bitwise operators are not supported"),
        ("1 & 2", "bitwise operators are not supported"),
        ("~1", "bitwise operators are not supported"),
        ("1 < 2", "comparison operators are not supported"),
        ("1 != 2", "comparison operators are not supported"),
        ("a @ b", "matrix multiplication"),
        (
            "1 if 2 else 3",
            "expected end of input but found keyword 'if'",
        ),
        ("1 +", "expected an expression but found end of input"),
        ("* 2", "expected an expression but found '*'"),
        ("2 ** ** 2", "expected an expression but found '**'"),
        ("1 / / 2", "expected an expression but found '/'"),
        ("x[1:2]", "indexing"),
        ("$", "unexpected character '$'"),
        ("\u{7}", "unexpected character '\\u{7}'"),
    ] {
        assert_err(src, needle);
    }
}

#[test]
fn sequence_repetition_and_concatenation() {
    assert_eq!(
        ex("[0.5] * 2"),
        Expr::List(vec![Expr::Float(0.5), Expr::Float(0.5)])
    );
    assert_eq!(ex("2 * [1]"), Expr::List(vec![Expr::Int(1), Expr::Int(1)]));
    assert_eq!(ex("[1] * -1"), Expr::List(vec![]));
    assert_eq!(
        ex("(1,) * 2"),
        Expr::Tuple(vec![Expr::Int(1), Expr::Int(1)])
    );
    assert_eq!(
        ex("[1] + [2]"),
        Expr::List(vec![Expr::Int(1), Expr::Int(2)])
    );
    assert!(parse_expr("[1] * 10**9").is_err());
}
#[test]
fn float_calls() {
    for (src, value) in [
        ("float('inf')", f64::INFINITY),
        ("float('-inf')", f64::NEG_INFINITY),
        ("float('+inf')", f64::INFINITY),
        ("float('infinity')", f64::INFINITY),
        ("float('-Infinity')", f64::NEG_INFINITY),
        ("float('INF')", f64::INFINITY),
        ("float(' 1.5\\n')", 1.5),
        ("float('1_000.5')", 1000.5),
        ("float('-.5e-3')", -0.0005),
        ("float('5.')", 5.0),
        ("float('1e1_0')", 1e10),
        ("float('0.1')", 0.1),
        ("float(3)", 3.0),
        ("float(2**64 + 1)", 18446744073709551616.0),
        ("float(2.5)", 2.5),
        ("float(True)", 1.0),
        ("float()", 0.0),
        ("-float('inf')", f64::NEG_INFINITY),
    ] {
        assert_eq!(ex(src), float(value), "{src}");
    }
    for src in [
        "float('nan')",
        "float('NaN')",
        "float('-nan')",
        "float(' +nan ')",
    ] {
        assert!(matches!(ex(src), Expr::Float(x) if x.is_nan()), "{src}");
    }
    let c = call("uniform(float('-inf'), high=float('1e3'))");
    assert_eq!(c.args, vec![float(f64::NEG_INFINITY)]);
    assert_eq!(c.kwargs, vec![kw("high", float(1000.0))]);

    for (src, needle) in [
        ("float('abc')", "could not convert string to float: 'abc'"),
        ("float('')", "could not convert string to float: ''"),
        ("float('1__0')", "could not convert string to float"),
        ("float('_1')", "could not convert string to float"),
        ("float('1_')", "could not convert string to float"),
        ("float('1._5')", "could not convert string to float"),
        ("float('.')", "could not convert string to float"),
        ("float('1e')", "could not convert string to float"),
        ("float('0x10')", "could not convert string to float"),
        ("float('--1')", "could not convert string to float"),
        ("float('in f')", "could not convert string to float"),
        (
            "float([1])",
            "float() argument must be a string or a real number, not 'list'",
        ),
        ("float(None)", "not 'NoneType'"),
        ("float(x=1)", "float() takes no keyword arguments"),
        ("float(1, 2)", "float() takes at most 1 argument (2 given)"),
        ("float('1')(2)", "only names can be called"),
    ] {
        assert_err(src, needle);
    }
    let e = err("normal(0, 1)");
    assert_eq!(e.message, "nested calls are not supported: normal(...)");
    let e = call_err("normal(np.zeros(3), 1)");
    assert_eq!(e.message, "nested calls are not supported: np.zeros(...)");
    assert_eq!(e.offset, 7);
    assert_call_err("f(int('3'))", "nested calls are not supported: int(...)");
    assert_call_err(
        "f(np.float64(3))",
        "nested calls are not supported: np.float64(...)",
    );
    assert_call_err("f(np.pi(3))", "nested calls are not supported: np.pi(...)");
}

#[test]
fn error_display_and_offsets() {
    let e = call_err("rand(3, @)");
    assert_eq!(e.offset, 8);
    assert_eq!(
        e.to_string(),
        "syntax error at column 9: the matrix multiplication operator '@' is not supported"
    );
    // Offsets count characters, not bytes.
    let e = call_err("f('é✓', $)");
    assert_eq!(e.offset, 8);
    let e = call_err("");
    assert_eq!(e.to_string(), "syntax error at column 1: empty call");
    let e = err("  ");
    assert_eq!(e.message, "empty expression");
    let e: Box<dyn std::error::Error> = Box::new(call_err("f("));
    assert!(e.to_string().starts_with("syntax error at column 3: "));
    // Messages stay on one line, even for odd input.
    for src in [
        "f('\u{2028}'(",
        "f(1 '''a\nb''')",
        "f(1 '\u{2028}')",
        "f(1 \"\t\")",
        "f(float('a\\nb'))",
    ] {
        let e = call_err(src);
        assert!(!e.to_string().contains(['\n', '\r', '\u{2028}']), "{e}");
    }
    // A lexical error later in the input does not mask an earlier syntax error.
    let e = call_err("rand(3 3, 'unterminated");
    assert_eq!(e.message, "expected ',' or ')' but found number 3");
}

#[test]
fn nesting_depth_is_capped() {
    let ok = format!("{}1{}", "(".repeat(MAX_DEPTH), ")".repeat(MAX_DEPTH));
    assert_eq!(ex(&ok), int(1));
    let ok = format!("{}1{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    assert!(parse_expr(&ok).is_ok());
    let ok = format!("f({}1{})", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    assert!(parse_call(&ok).is_ok());
    assert_eq!(ex(&format!("{}1", "-".repeat(MAX_DEPTH))), int(1));
    assert_eq!(ex(&format!("{}1", "1 ** ".repeat(MAX_DEPTH))), int(1));

    for src in [
        format!(
            "{}1{}",
            "(".repeat(MAX_DEPTH + 1),
            ")".repeat(MAX_DEPTH + 1)
        ),
        format!(
            "{}1{}",
            "[".repeat(MAX_DEPTH + 1),
            "]".repeat(MAX_DEPTH + 1)
        ),
        "(".repeat(100_000),
        "[".repeat(100_000),
        "-".repeat(100_000) + "1",
        "+-".repeat(100_000) + "1",
        "2**".repeat(100_000) + "1",
        "float(".repeat(100_000),
        "[(-".repeat(100_000),
    ] {
        let e = err(&src);
        assert_eq!(e.message, "expression nested too deeply", "{}", &src[..20]);
        let e = call_err(&format!("f({src})"));
        assert_eq!(e.message, "expression nested too deeply");
    }
    // Long flat inputs are fine.
    let flat = format!("[{}]", "1, ".repeat(100_000));
    assert!(matches!(ex(&flat), Expr::List(v) if v.len() == 100_000));
    assert_eq!(ex(&format!("{}1", "1 + ".repeat(100_000))), int(100_001));
}

#[test]
fn machine_stack_use_does_not_grow_with_nesting() {
    // The parser keeps its own stack, so even maximally nested inputs
    // parse on a small thread stack (also in unoptimised builds).
    let d = MAX_DEPTH;
    let inputs = vec![
        format!("f({}1{})", "(".repeat(d), ")".repeat(d)),
        format!("f({}1{})", "[".repeat(d), "]".repeat(d)),
        format!("f({}1)", "-".repeat(d)),
        format!("f({}1)", "2**".repeat(d)),
        format!("f({}1{})", "float(".repeat(d), ")".repeat(d)),
        format!("f({}1{})", "(-".repeat(d / 2), ")".repeat(d / 2)),
        format!("f({}", "float(".repeat(100_000)),
        format!("f({}", "[(-2**".repeat(100_000)),
    ];
    std::thread::Builder::new()
        .stack_size(128 * 1024)
        .spawn(move || {
            for s in &inputs {
                let _ = parse_call(s);
            }
        })
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn quote_str_round_trips() {
    for s in [
        "",
        "a'b\"c",
        "\\",
        "\n\r\t\0\x7f\u{85}\u{a0}\u{2028}",
        "é✓😀",
        "\u{feff}",
    ] {
        assert_eq!(ex(&str_repr(s)), string(s), "{s:?}");
    }
}
