//! One interface over the three front-ends `nprand eval` drives: the legacy
//! [`RandomState`], NumPy's [`Generator`] and CPython's [`Random`]. The command line
//! (and `--batch`) builds one from a [`Setup`] (the seeding flags), then evaluates calls
//! and reads the state through [`FrontEnd`] only.
//!
//! ```
//! use nprand::eval::frontend::{FrontEnd, Setup};
//! // rng = np.random.default_rng(42); rng.random(2)
//! let setup = Setup { generator: Some("default".into()), seed: Some("42".into()), ..Setup::default() };
//! let mut fe = setup.build().ok().unwrap();
//! let v = fe.eval("random(2)").unwrap();
//! assert!(v.json().starts_with(r#"{"dtype": "float64", "shape": [2]"#));
//! assert!(fe.state_json().contains("PCG64"));
//! ```

use super::format::{to_json, to_text, write_json, write_text};
use super::generator::{
    eval_generator_value, jumped_state, make_generator, split_jumped, state_object,
};
use super::legacy::{eval_call, make_state, Init};
use super::parser::{parse_expr, Expr};
use super::py_value::PyValue;
use super::python::{eval_python_call, make_random};
use super::value::{Kind, Value};
use crate::bitgen::{BitGenState, BitGenerator};
use crate::error::{Error, Result};
use crate::generator::{AnyBitGenerator, BitGenKind, Generator};
use crate::python::{PyState, PyVersion, Random};
use crate::{LegacyState, RandomState};
use std::io::{self, Write};
use std::path::PathBuf;
use std::time::Duration;

/// What one call returned: a NumPy value (RandomState, Generator) or a CPython value.
#[derive(Debug, Clone, PartialEq)]
pub enum Evaluated {
    /// A NumPy result (array, NumPy or Python scalar, bytes, `None`).
    Numpy(Value),
    /// A CPython `random` result.
    Python(PyValue),
    /// A NumPy result that is neither an array nor a scalar (`bit_generator.state`, a
    /// dict): its `repr` for the text, numpy and repr formats, its JSON (as
    /// `--save-state` writes it) for the json format; nothing in npy mode.
    Object {
        /// Python's `repr` of the object.
        repr: String,
        /// The object as JSON.
        json: String,
    },
}

impl Evaluated {
    /// The `--format text` line: NumPy's / Python's repr; `None` from a NumPy
    /// front-end prints nothing (`seed(...)`, in-place `shuffle` aside).
    #[must_use]
    pub fn text(&self) -> Option<String> {
        match self {
            Evaluated::Numpy(v) if v.is_none() => None,
            Evaluated::Numpy(v) => Some(to_text(v)),
            Evaluated::Python(v) => Some(v.repr()),
            Evaluated::Object { repr, .. } => Some(repr.clone()),
        }
    }

    /// Writes the `--format text` line and its newline (nothing for a NumPy `None`),
    /// streaming a NumPy array element by element.
    ///
    /// ```
    /// use nprand::eval::frontend::Evaluated;
    /// use nprand::eval::value::{Data, Value};
    /// let mut out = Vec::new();
    /// Evaluated::Numpy(Value::array(Data::I64(vec![1, 2]), vec![2])).write_text(&mut out).unwrap();
    /// Evaluated::Numpy(Value::none()).write_text(&mut out).unwrap();
    /// assert_eq!(out, b"[1 2]\n");
    /// ```
    pub fn write_text(&self, w: &mut dyn Write) -> io::Result<()> {
        match self {
            Evaluated::Numpy(v) if v.is_none() => Ok(()),
            Evaluated::Numpy(v) => {
                write_text(w, v)?;
                w.write_all(b"\n")
            }
            Evaluated::Python(v) => {
                v.write_repr(w)?;
                w.write_all(b"\n")
            }
            Evaluated::Object { repr, .. } => writeln!(w, "{repr}"),
        }
    }

    /// Writes the `--format json` line and its newline, streaming a NumPy array.
    ///
    /// ```
    /// use nprand::eval::frontend::Evaluated;
    /// use nprand::eval::value::Value;
    /// let mut out = Vec::new();
    /// Evaluated::Numpy(Value::none()).write_json(&mut out).unwrap();
    /// assert_eq!(out, b"null\n");
    /// ```
    pub fn write_json(&self, w: &mut dyn Write) -> io::Result<()> {
        match self {
            Evaluated::Numpy(v) => write_json(w, v)?,
            Evaluated::Python(v) => v.write_json(w)?,
            Evaluated::Object { json, .. } => w.write_all(json.as_bytes())?,
        }
        w.write_all(b"\n")
    }

    /// The `--format json` line.
    #[must_use]
    pub fn json(&self) -> String {
        match self {
            Evaluated::Numpy(v) => to_json(v),
            Evaluated::Python(v) => v.to_json(),
            Evaluated::Object { json, .. } => json.clone(),
        }
    }

    /// The Python type of a NumPy result (`py` scalar, `np` scalar, `array`, `bytes`,
    /// `none`, `dict`); `None` for a CPython result.
    #[must_use]
    pub fn numpy_kind(&self) -> Option<&'static str> {
        match self {
            Evaluated::Numpy(v) if v.is_none() => Some("none"),
            Evaluated::Numpy(v) => Some(match v.kind {
                Kind::PyScalar => "py",
                Kind::NpScalar => "np",
                Kind::Array => "array",
                Kind::Bytes => "bytes",
            }),
            Evaluated::Object { .. } => Some("dict"),
            Evaluated::Python(_) => None,
        }
    }
}

/// A generator `nprand eval` can drive: evaluate a call, read and write its state.
pub trait FrontEnd {
    /// Parse and evaluate one call (`"normal(0, 1, size=3)"`), NumPy's or CPython's
    /// exception as the error.
    fn eval(&mut self, call: &str) -> Result<Evaluated>;
    /// The state as JSON, as `--save-state` writes it (NumPy's
    /// `get_state(legacy=False)`, `bit_generator.state`, or CPython's `getstate()`).
    fn state_json(&self) -> String;
    /// Set the state from the JSON [`state_json`](FrontEnd::state_json) writes.
    fn set_state_json(&mut self, json: &str) -> Result<()>;
    /// Whether results are NumPy values (and so may be written as `.npy`).
    fn is_numpy(&self) -> bool {
        true
    }
}

/// How long a call on an all-zero MT19937 state may run before it counts as endless.
const ZERO_STATE_BUDGET: Duration = Duration::from_secs(2);

/// `eval` for a generator whose MT19937 state is all zeros (MT19937's fixed point, only
/// reachable through a hand-made state file): every draw is 0 from then on, so NumPy's
/// rejection loops (the polar gauss, logseries, Poisson, gamma, hypergeometric, …) never
/// end — NumPy hangs. The call runs on a copy in a thread; if it returns within
/// [`ZERO_STATE_BUDGET`] its result and state are taken (NumPy's own zeros, e.g. for
/// `random_sample`), otherwise the answer is a clear error and the state is unchanged.
/// The abandoned thread spins until the process ends (`nprand eval` exits right after the
/// error; `--batch` goes on beside it).
fn eval_on_zero_state<G: Clone + Send + 'static>(
    g: &mut G,
    call: &str,
    f: fn(&mut G, &str) -> Result<Evaluated>,
) -> Result<Evaluated> {
    let mut copy = g.clone();
    let call_owned = call.to_string();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let r = f(&mut copy, &call_owned);
        let _ = tx.send((r, copy));
    });
    match rx.recv_timeout(ZERO_STATE_BUDGET) {
        Ok((r, copy)) => {
            *g = copy;
            r
        }
        Err(_) => Err(Error::value(format!(
            "the MT19937 state is all zeros, on which {call} never returns (NumPy loops \
             forever); nprand stopped it after {} s",
            ZERO_STATE_BUDGET.as_secs()
        ))),
    }
}

fn zero_mt_state(state: &BitGenState) -> bool {
    matches!(state, BitGenState::Mt19937(s)
        if s.key[0] & 0x8000_0000 == 0 && s.key[1..].iter().all(|&w| w == 0))
}

impl FrontEnd for RandomState {
    fn eval(&mut self, call: &str) -> Result<Evaluated> {
        fn run(rs: &mut RandomState, call: &str) -> Result<Evaluated> {
            eval_call(rs, call).map(Evaluated::Numpy)
        }
        if self.bit_generator().is_degenerate() {
            return eval_on_zero_state(self, call, run);
        }
        run(self, call)
    }
    fn state_json(&self) -> String {
        self.get_state().to_json()
    }
    fn set_state_json(&mut self, json: &str) -> Result<()> {
        self.set_state(&LegacyState::from_json(json)?)
    }
}

impl<B: BitGenerator + Clone + Send + 'static> FrontEnd for Generator<B> {
    fn eval(&mut self, call: &str) -> Result<Evaluated> {
        fn run<B: BitGenerator + Clone>(g: &mut Generator<B>, call: &str) -> Result<Evaluated> {
            // `bit_generator.jumped(n).rest`: `rest` on a jumped copy (NumPy's `jumped`
            // returns a new bit generator and leaves this one where it was).
            if let Some((jumped, rest)) = split_jumped(call) {
                let state = jumped_state(&g.bit_generator().state(), &jumped)?;
                let Some(rest) = rest.strip_prefix('.') else {
                    return Err(Error::new(
                        crate::ErrorKind::NotImplementedError,
                        "bit_generator.jumped() returns a bit generator, whose repr is a memory \
                         address: follow it with .state, .random_raw(n), ...",
                    ));
                };
                let mut copy = g.clone();
                copy.bit_generator_mut().set_state(&state)?;
                return run(&mut copy, &format!("bit_generator.{rest}"));
            }
            if let Some(object) = state_object(g, call) {
                let (repr, json) = object?;
                return Ok(Evaluated::Object { repr, json });
            }
            eval_generator_value(g, call).map(|v| Evaluated::Numpy(v.value))
        }
        if zero_mt_state(&self.bit_generator().state()) {
            return eval_on_zero_state(self, call, run);
        }
        run(self, call)
    }
    fn state_json(&self) -> String {
        self.bit_generator().state().to_json()
    }
    fn set_state_json(&mut self, json: &str) -> Result<()> {
        self.bit_generator_mut()
            .set_state(&BitGenState::from_json(json)?)
    }
}

impl FrontEnd for Random {
    fn eval(&mut self, call: &str) -> Result<Evaluated> {
        eval_python_call(self, call).map(Evaluated::Python)
    }
    fn state_json(&self) -> String {
        self.getstate().to_json()
    }
    fn set_state_json(&mut self, json: &str) -> Result<()> {
        self.setstate(&PyState::from_json(json)?)
    }
    fn is_numpy(&self) -> bool {
        false
    }
}

/// Where a starting state comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StateSource {
    /// A file (`--state FILE.json`).
    File(PathBuf),
    /// The JSON text itself (a `--batch` line's `"state"`).
    Json(String),
}

/// The front-end and seeding flags of `nprand eval` (a `--batch` line has the same
/// keys): which front-end, and exactly one of `seed`, `seed_array`, `state`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Setup {
    /// `--generator KIND`: NumPy's Generator over this bit generator.
    pub generator: Option<String>,
    /// `--python`: CPython's `random.Random`.
    pub python: bool,
    /// `--python-version X.Y` (3.11 default, 3.12, 3.13).
    pub python_version: Option<String>,
    /// `--seed TEXT`, as typed.
    pub seed: Option<String>,
    /// `--seed-array N,N,...` (RandomState only).
    pub seed_array: Option<String>,
    /// `--state`.
    pub state: Option<StateSource>,
}

/// Why a front-end could not be built: NumPy's / CPython's exception (exit 1) or a
/// command-line mistake (`UsageError`, exit 2).
#[derive(Debug, Clone, PartialEq)]
pub enum SetupError {
    /// The exception the seeding raises (`RandomState(-1)`: `ValueError`).
    Eval(Error),
    /// A usage error, its message.
    Usage(String),
}

impl From<Error> for SetupError {
    fn from(e: Error) -> Self {
        SetupError::Eval(e)
    }
}

/// The largest state file `--state` reads: a state is 7-13 KB (624 words in decimal),
/// so 1 MiB is ample and a mistaken `--state /dev/zero`-like file cannot exhaust memory.
pub const MAX_STATE_FILE_BYTES: u64 = 1 << 20;

impl StateSource {
    fn read(&self) -> std::result::Result<String, SetupError> {
        match self {
            StateSource::Json(text) => Ok(text.clone()),
            StateSource::File(p) => read_state_file(p).map_err(|e| {
                SetupError::Eval(Error::io(
                    &format!("cannot read state file '{}'", p.display()),
                    e,
                ))
            }),
        }
    }
}

/// A state file's text: only a regular file (a FIFO or a terminal would block `open` or
/// `read` forever), at most [`MAX_STATE_FILE_BYTES`]. A directory is left to the OS,
/// whose error is the one Python's `open(path).read()` raises (`IsADirectoryError`).
fn read_state_file(path: &std::path::Path) -> io::Result<String> {
    use std::io::Read;
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() && !meta.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file",
        ));
    }
    let mut text = String::new();
    std::fs::File::open(path)?
        .take(MAX_STATE_FILE_BYTES + 1)
        .read_to_string(&mut text)?;
    if text.len() as u64 > MAX_STATE_FILE_BYTES {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("larger than {MAX_STATE_FILE_BYTES} bytes"),
        ));
    }
    Ok(text)
}

impl Setup {
    /// The front-end these flags select, seeded as they say.
    pub fn build(&self) -> std::result::Result<Box<dyn FrontEnd>, SetupError> {
        if self.python {
            return Ok(Box::new(self.build_python()?));
        }
        match &self.generator {
            Some(kind) => Ok(Box::new(self.build_generator(kind)?)),
            None => Ok(Box::new(self.build_legacy()?)),
        }
    }

    fn build_legacy(&self) -> std::result::Result<RandomState, SetupError> {
        let init = if let Some(s) = &self.seed {
            match parse_seed(s) {
                Ok(init) => init,
                // A list of ints beyond the parser's i128 (`[3, 2**128 written out]`):
                // NumPy's legacy seeding of the values themselves.
                Err(usage) => match crate::eval::generator::parse_seed(s) {
                    Ok(seed) => return Ok(RandomState::try_new(seed)?),
                    Err(_) => return Err(usage),
                },
            }
        } else if let Some(s) = &self.seed_array {
            parse_seed_array(s)?
        } else if let Some(st) = &self.state {
            Init::State(LegacyState::from_json(&st.read()?)?)
        } else {
            return Err(SetupError::Usage(
                "one of --seed N, --seed-array N,N,... or --state FILE.json is required".into(),
            ));
        };
        Ok(make_state(&init)?)
    }

    fn build_generator(
        &self,
        kind: &str,
    ) -> std::result::Result<Generator<crate::generator::AnyBitGenerator>, SetupError> {
        let kind: BitGenKind = kind
            .parse()
            .map_err(|e: Error| SetupError::Usage(format!("--generator: {}", e.message())))?;
        if let Some(st) = &self.state {
            // The state must be for the bit generator asked for: NumPy's setter checks
            // the name (`state must be for a PCG64 RNG`).
            let mut bg = AnyBitGenerator::new(kind, 0);
            bg.set_state(&BitGenState::from_json(&st.read()?)?)?;
            return Ok(Generator::new(bg));
        }
        match (&self.seed, &self.seed_array) {
            (Some(s), _) => make_generator(kind, s).map_err(|e| match e.kind() {
                // An unreadable --seed is a command-line mistake, as for RandomState.
                crate::ErrorKind::SyntaxError => SetupError::Usage(e.message().to_string()),
                _ => SetupError::Eval(e),
            }),
            (None, Some(_)) => Err(SetupError::Usage(
                "--seed-array is for RandomState; with --generator give --seed '[N, N, ...]' (SeedSequence entropy)"
                    .into(),
            )),
            (None, None) => Err(SetupError::Usage(
                "one of --seed N or --state FILE.json is required".into(),
            )),
        }
    }

    fn build_python(&self) -> std::result::Result<Random, SetupError> {
        if self.seed_array.is_some() {
            return Err(SetupError::Usage(
                "--seed-array is for RandomState; random.seed takes one value: --seed".into(),
            ));
        }
        let version = match self.python_version.as_deref() {
            None | Some("3.11") => None,
            Some("3.12") | Some("3.13") => Some(PyVersion::V3_12),
            Some(v) => {
                return Err(SetupError::Usage(format!(
                    "--python-version {v}: supported are 3.11 (default), 3.12 and 3.13"
                )))
            }
        };
        let state = match &self.state {
            Some(st) => Some(st.read()?),
            None => None,
        };
        let mut r = match (&self.seed, state) {
            (_, Some(st)) => Random::from_state(&PyState::from_json(&st)?)?,
            (Some(s), None) => make_random(s)?,
            (None, None) => {
                return Err(SetupError::Usage(
                    "one of --seed N or --state FILE.json is required".into(),
                ))
            }
        };
        if let Some(v) = version {
            r.set_version(v);
        }
        Ok(r)
    }
}

/// `--seed TEXT`: an integer as typed (values beyond i128 saturate: they fail NumPy's
/// range check all the same), or any other Python literal, seeded by NumPy's
/// `_legacy_seeding` rules (`--seed 1.5` is NumPy's TypeError, `--seed '[1, 2]'` an
/// array seed).
fn parse_seed(s: &str) -> std::result::Result<Init, SetupError> {
    let t = s.trim();
    let digits = t.strip_prefix(['-', '+']).unwrap_or(t);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(Init::Seed(t.parse::<i128>().unwrap_or(
            if t.starts_with('-') {
                i128::MIN
            } else {
                i128::MAX
            },
        )));
    }
    let e = parse_expr(t)
        .map_err(|e| SetupError::Usage(format!("invalid value '{s}' for '--seed <N>': {e}")))?;
    Ok(Init::Literal(e))
}

/// `--seed-array N,N,...` (or a Python list literal): `RandomState([N, N, ...])`.
fn parse_seed_array(s: &str) -> std::result::Result<Init, SetupError> {
    let t = s.trim();
    if t.is_empty() || t == "[]" {
        return Ok(Init::Literal(Expr::List(Vec::new())));
    }
    let e = parse_expr(t).map_err(|e| {
        SetupError::Usage(format!(
            "invalid value '{s}' for '--seed-array <N,N,...>': {e}"
        ))
    })?;
    Ok(Init::Literal(match e {
        Expr::List(_) | Expr::Tuple(_) => e,
        single => Expr::List(vec![single]),
    }))
}
