//! What the no-panic proptests cover, for a reader: every public inherent method of every
//! public type (`METHODS`) and every public free function (`FUNCTIONS`) outside
//! `nprand::eval`. Two checks keep the lists honest:
//!
//! - `src_methods_are_listed`: a `pub fn` of a listed type found in `src/` (inside
//!   `impl Type` or a `numpy_methods!` block for it) must be in `METHODS`, so a new
//!   method fails here until a proptest calls it;
//! - `listed_names_are_called`: each listed name occurs as a call (`name(`, `name::<`,
//!   `Type::name)`, or `name,`/`name;` in the tests' method-list macros) in the other
//!   files of this test.
//!
//! Methods written by macros (`impl_bitgen_u64!`, `pcg64_struct!`, `nd`'s `shaped!`) are
//! listed from `cargo +nightly rustdoc -- --output-format json`; the `src/` scan sees the
//! hand-written ones.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Every public type's public inherent methods, by type name (the rustdoc JSON of
/// `--features "python ndarray json parallel"`, `AnyGenerator`'s under `Generator`).
pub const METHODS: &[(&str, &[&str])] = &[
    (
        "AnyBitGenerator",
        &["from_seed_sequence", "kind", "new", "try_new"],
    ),
    ("Backend", &["available", "detected", "is_available"]),
    ("BitGenKind", &["numpy_name"]),
    ("BitGenState", &["bit_generator", "from_json", "to_json"]),
    ("CheckValid", &["as_str"]),
    ("ChoiceP", &["new", "values"]),
    ("Constraint", &["check_array", "check_scalar"]),
    ("Entropy", &["to_words"]),
    (
        "Error",
        &["io", "kind", "message", "new", "type_error", "value"],
    ),
    ("ErrorKind", &["is_os_error", "name"]),
    ("FloatRepr", &["json", "new", "repr"]),
    (
        "Generator",
        &[
            "beta",
            "beta_into",
            "binomial",
            "binomial_into",
            "bit_generator",
            "bit_generator_mut",
            "broadcast",
            "bytes",
            "chisquare",
            "chisquare_into",
            "choice",
            "choice_axis",
            "choice_index",
            "dirichlet",
            "exponential",
            "exponential_into",
            "f",
            "f_into",
            "from_kind",
            "from_kind_seed_sequence",
            "from_seed_sequence",
            "gamma",
            "gamma_into",
            "geometric",
            "geometric_into",
            "gumbel",
            "gumbel_into",
            "hypergeometric",
            "hypergeometric_into",
            "integers",
            "integers_array",
            "integers_broadcast",
            "integers_dtype",
            "integers_into",
            "integers_nd",
            "into_bit_generator",
            "laplace",
            "laplace_into",
            "logistic",
            "logistic_into",
            "lognormal",
            "lognormal_into",
            "logseries",
            "logseries_into",
            "multinomial",
            "multinomial_array",
            "multivariate_hypergeometric",
            "multivariate_normal",
            "multivariate_normal_raw",
            "multivariate_normal_str",
            "negative_binomial",
            "negative_binomial_into",
            "new",
            "noncentral_chisquare",
            "noncentral_chisquare_into",
            "noncentral_f",
            "noncentral_f_into",
            "normal",
            "normal_into",
            "pareto",
            "pareto_into",
            "permutation",
            "permuted",
            "poisson",
            "poisson_into",
            "power",
            "power_into",
            "random",
            "random_f32",
            "random_f32_into",
            "random_into",
            "rayleigh",
            "rayleigh_into",
            "shuffle",
            "shuffle_rows",
            "spawn",
            "standard_cauchy",
            "standard_cauchy_into",
            "standard_exponential",
            "standard_exponential_f32",
            "standard_exponential_f32_into",
            "standard_exponential_into",
            "standard_exponential_inv",
            "standard_exponential_inv_f32",
            "standard_exponential_inv_f32_into",
            "standard_exponential_inv_into",
            "standard_gamma",
            "standard_gamma_f32",
            "standard_gamma_f32_array",
            "standard_gamma_f32_into",
            "standard_gamma_into",
            "standard_normal",
            "standard_normal_f32",
            "standard_normal_f32_into",
            "standard_normal_into",
            "standard_t",
            "standard_t_into",
            "triangular",
            "triangular_into",
            "uniform",
            "uniform_into",
            "vonmises",
            "vonmises_into",
            "wald",
            "wald_into",
            "weibull",
            "weibull_into",
            "zipf",
            "zipf_into",
        ],
    ),
    ("LegacyState", &["from_json", "from_value", "to_json"]),
    (
        "Mt19937",
        &[
            "advance",
            "bitgen_state",
            "fill_bytes",
            "fill_f64",
            "fill_f64_with",
            "fill_u32",
            "fill_u32_with",
            "from_key",
            "from_seed_sequence",
            "from_state",
            "is_degenerate",
            "jumped",
            "key",
            "new",
            "next_f64",
            "next_u32",
            "next_u64",
            "par_fill_bytes",
            "par_fill_f64",
            "par_fill_u32",
            "pos",
            "set_bitgen_state",
            "set_state",
        ],
    ),
    ("MvhgMethod", &["as_str"]),
    ("MvnMethod", &["as_str"]),
    (
        "NdArray",
        &[
            "from_vec",
            "into_ndarray",
            "is_empty",
            "len",
            "map",
            "ndim",
            "new",
            "scalar",
            "take",
        ],
    ),
    ("Num", &["f", "i"]),
    ("Output", &["empty", "shape"]),
    ("Param", &["f", "f32", "fd", "i", "int", "new"]),
    (
        "Pcg64",
        &[
            "advance",
            "from_raw_state",
            "from_seed_sequence",
            "jumped",
            "new",
            "next_double",
            "next_raw",
            "next_u32",
            "next_u64",
            "random_raw",
            "random_raw_into",
            "raw_state",
            "seed_seq",
            "set_state",
            "state",
        ],
    ),
    (
        "Pcg64Dxsm",
        &[
            "advance",
            "from_raw_state",
            "from_seed_sequence",
            "jumped",
            "new",
            "next_double",
            "next_raw",
            "next_u32",
            "next_u64",
            "random_raw",
            "raw_state",
            "seed_seq",
            "set_state",
            "state",
        ],
    ),
    (
        "Philox",
        &[
            "advance",
            "advance_words",
            "from_key",
            "from_raw_state",
            "from_seed_sequence",
            "from_seed_sequence_and_counter",
            "jumped",
            "new",
            "next_double",
            "next_raw",
            "next_u32",
            "next_u64",
            "random_raw",
            "random_raw_into",
            "raw_state",
            "seed_seq",
            "set_state",
            "state",
        ],
    ),
    ("PyState", &["from_json", "to_json", "validate"]),
    (
        "Random",
        &[
            "betavariate",
            "binomialvariate",
            "choice",
            "choices",
            "expovariate",
            "from_state",
            "gammavariate",
            "gauss",
            "getrandbits",
            "getrandbits_u128",
            "getrandbits_u32",
            "getrandbits_u64",
            "getstate",
            "lognormvariate",
            "mt",
            "new",
            "normalvariate",
            "paretovariate",
            "randbelow",
            "randbelow_big",
            "randbytes",
            "randint",
            "randint_big",
            "random",
            "randrange",
            "randrange_big",
            "randrange_stop",
            "sample",
            "sample_counts",
            "sample_indices",
            "sample_indices_big",
            "seed",
            "set_version",
            "setstate",
            "shuffle",
            "triangular",
            "uniform",
            "version",
            "vonmisesvariate",
            "weibullvariate",
        ],
    ),
    (
        "RandomState",
        &[
            "beta",
            "beta_array",
            "beta_into",
            "binomial",
            "binomial_array",
            "binomial_into",
            "bit_generator",
            "bit_generator_mut",
            "broadcast",
            "bytes",
            "chisquare",
            "chisquare_array",
            "chisquare_into",
            "choice",
            "choice_index",
            "dirichlet",
            "dirichlet_into",
            "exponential",
            "exponential_array",
            "exponential_into",
            "f",
            "f_array",
            "f_into",
            "from_bit_generator",
            "from_key",
            "from_key_ints",
            "from_seed_int",
            "gamma",
            "gamma_array",
            "gamma_into",
            "geometric",
            "geometric_array",
            "geometric_into",
            "get_state",
            "gumbel",
            "gumbel_array",
            "gumbel_into",
            "hypergeometric",
            "hypergeometric_array",
            "hypergeometric_into",
            "laplace",
            "laplace_array",
            "laplace_into",
            "logistic",
            "logistic_array",
            "logistic_into",
            "lognormal",
            "lognormal_array",
            "lognormal_into",
            "logseries",
            "logseries_array",
            "logseries_into",
            "multinomial",
            "multinomial_into",
            "multivariate_normal",
            "multivariate_normal_raw",
            "multivariate_normal_str",
            "negative_binomial",
            "negative_binomial_array",
            "negative_binomial_into",
            "new",
            "noncentral_chisquare",
            "noncentral_chisquare_array",
            "noncentral_chisquare_into",
            "noncentral_f",
            "noncentral_f_array",
            "noncentral_f_into",
            "normal",
            "normal_array",
            "normal_into",
            "pareto",
            "pareto_array",
            "pareto_into",
            "permutation",
            "permutation_of",
            "poisson",
            "poisson_array",
            "poisson_into",
            "power",
            "power_array",
            "power_into",
            "rand",
            "rand_array",
            "rand_nd",
            "randint",
            "randint_array",
            "randint_broadcast_into",
            "randint_dtype",
            "randint_into",
            "randint_nd",
            "randn",
            "randn_array",
            "randn_nd",
            "random",
            "random_integers",
            "random_integers_into",
            "random_sample",
            "random_sample_array",
            "random_sample_into",
            "ranf",
            "rayleigh",
            "rayleigh_array",
            "rayleigh_into",
            "sample",
            "seed",
            "seed_array",
            "set_state",
            "shuffle",
            "shuffle_rows",
            "standard_cauchy",
            "standard_cauchy_array",
            "standard_cauchy_into",
            "standard_exponential",
            "standard_exponential_array",
            "standard_exponential_into",
            "standard_gamma",
            "standard_gamma_array",
            "standard_gamma_into",
            "standard_normal",
            "standard_normal_array",
            "standard_normal_into",
            "standard_t",
            "standard_t_array",
            "standard_t_into",
            "tomaxint",
            "tomaxint_into",
            "triangular",
            "triangular_array",
            "triangular_into",
            "try_new",
            "try_seed",
            "uniform",
            "uniform_array",
            "uniform_into",
            "vonmises",
            "vonmises_array",
            "vonmises_into",
            "wald",
            "wald_array",
            "wald_into",
            "weibull",
            "weibull_array",
            "weibull_into",
            "zipf",
            "zipf_array",
            "zipf_into",
        ],
    ),
    ("Seed", &["into_seed_sequence", "key"]),
    (
        "SeedInt",
        &[
            "from_words",
            "is_negative",
            "parse_radix",
            "to_u128",
            "words",
            "wrapping_u128",
            "wrapping_u256",
        ],
    ),
    (
        "SeedSequence",
        &[
            "entropy",
            "from_decimal",
            "from_entropy",
            "from_os_entropy",
            "from_words",
            "generate_state",
            "generate_state_u64",
            "n_children_spawned",
            "new",
            "pool",
            "pool_size",
            "py_repr",
            "spawn",
            "spawn_key",
            "spawn_key_repr",
            "spawn_key_u64",
            "with_options",
        ],
    ),
    (
        "Sfc64",
        &[
            "from_raw_state",
            "from_seed_sequence",
            "new",
            "next_double",
            "next_raw",
            "next_u32",
            "next_u64",
            "random_raw",
            "raw_state",
            "seed_seq",
            "set_state",
            "state",
        ],
    ),
    ("Spec", &["order", "required"]),
];

/// Every public free function outside `nprand::eval`.
pub const FUNCTIONS: &[&str] = &[
    // array
    "broadcast_indices",
    "broadcast_shapes",
    "shape_repr",
    "ufunc_broadcast",
    // common
    "convert",
    "draw",
    "output_shape",
    "precheck",
    "c_long",
    "kahan_sum",
    // fmt
    "json_float",
    "py_float_repr",
    "py_str_repr",
    // generator, legacy::broadcast, generator::broadcast
    "default_rng",
    "find",
    "specs",
    // global
    "get_state",
    "normal",
    "permutation",
    "rand",
    "randint",
    "randn",
    "random_sample",
    "seed",
    "seed_array",
    "set_state",
    "shuffle",
    "standard_normal",
    "uniform",
    "with",
    // math
    "acos",
    "exp",
    "exp_slice",
    "expm1",
    "log",
    "log1p",
    "log2",
    "log_slice",
    "pow",
    // python
    "lgamma",
    "py_hash_float",
    "py_json_float",
    "py_repr_float",
];

/// `(type, method)` for each hand-written `pub fn` of a listed type in `src/`: in an
/// `impl [<..>] Type[<..>] {` block (not a trait impl), at the block's indentation, or
/// a `fn name;` line of a `numpy_methods! { impl[..] Type, ...` block.
fn src_methods() -> BTreeSet<(String, String)> {
    let listed: BTreeSet<&str> = METHODS.iter().map(|(t, _)| *t).collect();
    let mut out = BTreeSet::new();
    let mut files = Vec::new();
    collect_rs(Path::new("src"), &mut files);
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let mut current: Option<String> = None;
        for line in text.lines() {
            let trimmed = line.trim_start();
            let top = !line.starts_with(' ') && !line.is_empty();
            if top || line.starts_with("    impl[") {
                current = impl_type(trimmed);
                continue;
            }
            let Some(ty) = current.as_deref() else {
                continue;
            };
            if !listed.contains(ty) {
                continue;
            }
            let name = if let Some(rest) = line.strip_prefix("    pub fn ") {
                rest
            } else if let Some(rest) = line.strip_prefix("    pub const fn ") {
                rest
            } else if let Some(rest) = line
                .strip_prefix("    fn ")
                .filter(|r| r.trim_end().ends_with(';'))
            {
                rest
            } else {
                continue;
            };
            let name: String = name
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            out.insert((ty.to_string(), name));
        }
    }
    out
}

/// The type of an `impl` line (`impl<B: X> Generator<B> {` is `Generator`), or `None`
/// for a trait impl or another item; `numpy_methods!`'s `impl[..] Type, ...` too.
fn impl_type(line: &str) -> Option<String> {
    let rest = line.strip_prefix("impl")?;
    let rest = if let Some(r) = rest.strip_prefix('<').or_else(|| rest.strip_prefix('[')) {
        let mut depth = 1;
        let end = r
            .char_indices()
            .find(|&(_, c)| {
                depth += match c {
                    '<' | '[' => 1,
                    '>' | ']' => -1,
                    _ => 0,
                };
                depth == 0
            })?
            .0;
        &r[end + 1..]
    } else {
        rest
    };
    if rest.contains(" for ") {
        return None;
    }
    let ty: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
        .collect();
    let ty = ty.rsplit("::").next()?.to_string();
    Some(if ty == "AnyGenerator" {
        "Generator".into()
    } else {
        ty
    })
}

fn collect_rs(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.ends_with("eval") {
            continue;
        }
        if p.is_dir() {
            collect_rs(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn src_methods_are_listed() {
    let listed: BTreeMap<&str, BTreeSet<&str>> = METHODS
        .iter()
        .map(|(t, m)| (*t, m.iter().copied().collect()))
        .collect();
    let found = src_methods();
    assert!(
        found.len() > 300,
        "the src/ scan found only {} methods",
        found.len()
    );
    let missing: Vec<_> = found
        .iter()
        .filter(|(t, m)| !listed[t.as_str()].contains(m.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "public methods no no-panic proptest covers: {missing:?}"
    );
}

#[test]
fn listed_names_are_called() {
    let mut files = Vec::new();
    collect_rs(Path::new("tests/no_panic"), &mut files);
    let text: String = files
        .iter()
        .filter(|f| !f.ends_with("coverage.rs"))
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect();
    let called = |name: &str| {
        text.match_indices(name).any(|(i, _)| {
            let before = text[..i].chars().next_back().unwrap_or(' ');
            let after = &text[i + name.len()..];
            !(before.is_alphanumeric() || before == '_')
                && ["(", "::<", ",", ";", ")"]
                    .iter()
                    .any(|t| after.starts_with(t))
        })
    };
    let names = METHODS.iter().flat_map(|(_, m)| m.iter()).chain(FUNCTIONS);
    let uncalled: BTreeSet<_> = names.filter(|n| !called(n)).collect();
    assert!(uncalled.is_empty(), "listed but never called: {uncalled:?}");
    let total: usize = METHODS.iter().map(|(_, m)| m.len()).sum::<usize>() + FUNCTIONS.len();
    assert!(total > 450, "{total}");
}
