//! Property tests: no input panics, errors point into the input, printed
//! expressions and calls parse back to themselves, int arithmetic as Python's.

use super::fold::named_constant;
use super::lexer::*;
use super::*;
use proptest::prelude::*;

fn render(e: &Expr) -> String {
    let join = |v: &[Expr]| v.iter().map(render).collect::<Vec<_>>().join(", ");
    match e {
        Expr::Int(i) => i.to_string(),
        Expr::BigInt(i) => i.to_string(),
        Expr::Float(f) => format!("{f:?}"),
        Expr::Str(s) => str_repr(s),
        Expr::Bool(true) => "True".to_string(),
        Expr::Bool(false) => "False".to_string(),
        Expr::None => "None".to_string(),
        Expr::Tuple(v) if v.len() == 1 => format!("({},)", render(&v[0])),
        Expr::Tuple(v) => format!("({})", join(v)),
        Expr::List(v) => format!("[{}]", join(v)),
        Expr::Name(n) => n.clone(),
    }
}

fn identifier() -> impl Strategy<Value = String> {
    "[a-zA-Z_][a-zA-Z0-9_]{0,7}".prop_filter("keyword", |s| !is_keyword(s))
}

fn dotted_name() -> impl Strategy<Value = String> {
    prop::collection::vec(identifier(), 1..4)
        .prop_map(|parts| parts.join("."))
        .prop_filter("constant", |n| named_constant(n).is_none())
}

fn expr() -> impl Strategy<Value = Expr> {
    let leaf = prop_oneof![
        any::<i128>().prop_map(Expr::Int),
        (-1000i128..1000).prop_map(Expr::Int),
        any::<f64>()
            .prop_filter("NaN", |f| !f.is_nan())
            .prop_map(Expr::Float),
        (-1e6f64..1e6).prop_map(Expr::Float),
        any::<String>().prop_map(Expr::Str),
        "[a-z0-9 '\"\\\\]{0,8}".prop_map(Expr::Str),
        any::<bool>().prop_map(Expr::Bool),
        Just(Expr::None),
        dotted_name().prop_map(Expr::Name),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Expr::Tuple),
            prop::collection::vec(inner, 0..6).prop_map(Expr::List),
        ]
    })
}

fn call_strategy() -> impl Strategy<Value = (String, Call)> {
    (
        prop::sample::select(vec!["", "rs.", "np.random.", "numpy.random.", "random."]),
        identifier(),
        prop::collection::vec(expr(), 0..4),
        prop::collection::btree_map(identifier(), expr(), 0..4),
        any::<bool>(),
    )
        .prop_map(|(receiver, method, args, kwargs, trailing_comma)| {
            let mut parts: Vec<String> = args.iter().map(render).collect();
            parts.extend(kwargs.iter().map(|(k, v)| format!("{k}={}", render(v))));
            let comma = if trailing_comma && !parts.is_empty() {
                ","
            } else {
                ""
            };
            let src = format!("{receiver}{method}({}{comma})", parts.join(", "));
            let call = Call {
                method,
                args,
                kwargs: kwargs.into_iter().collect(),
            };
            (src, call)
        })
}

const GRAMMAR_CHARS: &str = "[()\\[\\],=.'\"0123456789eE+\\-*/%_ abcxyzjo\\\\]{0,60}";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn never_panics_on_arbitrary_input(s in ".*") {
        let _ = parse_call(&s);
        let _ = parse_expr(&s);
    }

    #[test]
    fn never_panics_on_grammar_soup(s in GRAMMAR_CHARS) {
        let _ = parse_call(&s);
        let _ = parse_expr(&s);
        let _ = parse_call(&format!("f({s})"));
    }

    #[test]
    fn never_panics_on_deep_soup(s in "[-+(\\[]{0,400}[0-9]{1,3}[*)\\]]{0,400}") {
        let _ = parse_call(&format!("f({s})"));
        let _ = parse_expr(&s);
    }

    #[test]
    fn errors_point_into_the_input(s in GRAMMAR_CHARS) {
        if let Err(e) = parse_call(&s) {
            prop_assert!(e.offset <= s.chars().count());
            prop_assert!(!e.message.is_empty());
        }
    }

    #[test]
    fn expressions_round_trip(e in expr()) {
        let src = render(&e);
        let parsed = parse_expr(&src);
        prop_assert_eq!(parsed.as_ref().ok(), Some(&e), "source: {} -> {:?}", src, parsed);
    }

    #[test]
    fn calls_round_trip((src, c) in call_strategy()) {
        let parsed = parse_call(&src);
        prop_assert_eq!(parsed.as_ref().ok(), Some(&c), "source: {} -> {:?}", src, parsed);
    }

    #[test]
    fn int_floor_division_and_modulo(a in any::<i64>(), b in any::<i64>().prop_filter("zero", |b| *b != 0)) {
        let (a, b) = (i128::from(a), i128::from(b));
        let q = ex_int(&format!("{a} // {b}"));
        let r = ex_int(&format!("{a} % {b}"));
        prop_assert_eq!(q * b + r, a);
        prop_assert!(r == 0 || (r < 0) == (b < 0));
        prop_assert!(r.abs() < b.abs());
    }

    #[test]
    fn small_int_true_division_is_float_division(a in -(1i64 << 53)..(1i64 << 53), b in -(1i64 << 53)..(1i64 << 53)) {
        prop_assume!(b != 0);
        let got = parse_expr(&format!("{a} / {b}")).unwrap();
        prop_assert_eq!(got, Expr::Float(a as f64 / b as f64));
    }

    #[test]
    fn float_literals_match_str_parse(f in any::<f64>().prop_filter("finite", |f| f.is_finite() && *f >= 0.0)) {
        for src in [format!("{f:?}"), format!("{f:e}")] {
            let got = parse_expr(&src).unwrap();
            let want: f64 = src.parse().unwrap();
            match got {
                Expr::Float(g) => prop_assert_eq!(g.to_bits(), want.to_bits()),
                Expr::Int(i) => prop_assert_eq!(i as f64, want),
                other => prop_assert!(false, "{:?}", other),
            }
        }
    }
}

fn ex_int(src: &str) -> i128 {
    match parse_expr(src) {
        Ok(Expr::Int(i)) => i,
        other => panic!("{src}: {other:?}"),
    }
}
