//! `nprand`: NumPy's random numbers, bit for bit, from the command line: the legacy
//! `RandomState` (default), NumPy's `Generator` (`--generator`) and CPython's `random`
//! module (`--python`).
//!
//! ```text
//! nprand eval --seed 12345 'rand(2, 3)' 'randint(0, 10, size=5, dtype="int8")'
//! nprand eval --generator default --seed 42 'random(3)'       # np.random.default_rng(42)
//! nprand eval --python --seed 42 'random()' 'randint(1, 6)'    # random.seed(42)
//! ```

use clap::{ArgGroup, Args, Parser, Subcommand, ValueEnum};
use nprand::eval::format::{to_json, to_text};
use nprand::eval::generator::{eval_generator_call, generator_from_state, make_generator};
use nprand::eval::legacy::{eval_call, make_state, Init};
use nprand::eval::npy::write_npy;
use nprand::eval::parser::{parse_expr, Expr};
use nprand::eval::python::run_python_eval;
use nprand::generator::{AnyGenerator, BitGenKind};
use nprand::python::PyVersion;
use nprand::{BitGenState, BitGenerator, Error, LegacyState, RandomState};
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "nprand",
    version,
    bin_name = "nprand",
    about = "NumPy's random numbers (legacy RandomState, Generator) and CPython's random module, reproduced bit for bit"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Evaluate method calls, in order, on one generator (RandomState by default).
    Eval(EvalArgs),
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Python-like repr, arrays laid out as NumPy prints them, floats in full precision.
    Text,
    /// One line per call: {"dtype": ..., "shape": [...], "data": [...]}.
    Json,
    /// One .npy file per call in --out DIR (000.npy, 001.npy, ...); prints the paths.
    Npy,
}

const EVAL_HELP: &str = "\
CALL is a Python call on a RandomState, e.g. 'rand(2, 3)', 'normal(0, [1, 2], size=(3, 2))',
'randint(0, 10, size=5, dtype=np.uint8)', 'choice([1.5, 2.5], p=[0.3, 0.7])', 'shuffle([1, 2, 3])'
(an 'rs.' or 'np.random.' prefix is allowed). Calls run in order on ONE generator, and each
result is printed (and flushed) as soon as it is computed.

Seeding: exactly one of --seed, --seed-array or --state is required (NumPy would seed from OS
entropy without one; nprand does not, so every run is reproducible). Seeds get NumPy's checks:
--seed -1 fails with 'ValueError: Seed must be between 0 and 2**32 - 1'.

Output: shuffle(x) prints x after the in-place shuffle; seed(...) prints nothing in text
mode, 'null' in json mode, and writes no file in npy mode (file names keep the call's index).
--save-state writes the final state (NumPy's get_state(legacy=False) as JSON) only when every
call succeeded.

Errors: one line on stderr, 'error: <PythonException>: <message>' exactly as NumPy words it,
exit status 1; command-line mistakes are 'error: UsageError: ...' with exit status 2.";

#[derive(Args)]
#[command(
    group(ArgGroup::new("init").args(["seed", "seed_array", "state"])),
    after_help = EVAL_HELP
)]
struct EvalArgs {
    /// Seed as RandomState(N) / np.random.seed(N) (NumPy's range check applies).
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    seed: Option<String>,
    /// Seed as RandomState([N, N, ...]): comma-separated integers, e.g. 1,2,3.
    #[arg(
        long = "seed-array",
        value_name = "N,N,...",
        allow_hyphen_values = true
    )]
    seed_array: Option<String>,
    /// Start from a state file: NumPy's get_state(legacy=False) dict, or the legacy
    /// tuple as a JSON list (what --save-state writes).
    #[arg(long, value_name = "FILE.json")]
    state: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Write text/json output to PATH instead of stdout; with --format npy, the
    /// directory for the .npy files (created if missing).
    #[arg(long, value_name = "PATH")]
    out: Option<PathBuf>,
    /// After the last call, write the generator state to FILE.json (only on success).
    #[arg(long = "save-state", value_name = "FILE.json")]
    save_state: Option<PathBuf>,
    /// Use NumPy's Generator over this bit generator instead of the legacy RandomState:
    /// mt19937, pcg64, pcg64dxsm, philox, sfc64, or default (= np.random.default_rng).
    /// --seed N seeds it through SeedSequence(N); --state takes bit_generator.state JSON.
    #[arg(long, value_name = "KIND")]
    generator: Option<String>,
    /// Use CPython's random module (random.Random(seed)) instead of NumPy. --seed takes
    /// any int, or a quoted str/bytes literal; --state takes getstate() JSON
    /// (scripts/py_state.py). Output: Python repr (text) or json.dumps (json).
    #[arg(long, conflicts_with = "generator")]
    python: bool,
    /// With --python: the CPython version whose semantics to follow (3.11 default, 3.12).
    #[arg(long = "python-version", value_name = "X.Y", requires = "python")]
    python_version: Option<String>,
    /// The calls to evaluate, in order.
    #[arg(value_name = "CALL", required = true)]
    calls: Vec<String>,
}

/// How a run ends badly: a NumPy-style error (exit 1) or a usage error (exit 2).
enum Failure {
    Eval(Error),
    Usage(String),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Eval(e)
    }
}

fn io_err(context: &str, e: io::Error) -> Failure {
    Failure::Eval(Error::io(context, e))
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_failure(e),
    };
    let Command::Eval(args) = cli.command;
    match run_eval(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Eval(e)) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
        Err(Failure::Usage(msg)) => usage(&msg),
    }
}

fn usage(msg: &str) -> ExitCode {
    eprintln!("error: UsageError: {msg}");
    ExitCode::from(2)
}

/// `--help` and `--version` print as usual; every other clap error becomes one line.
fn clap_failure(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind as K;
    match e.kind() {
        K::DisplayHelp | K::DisplayVersion => {
            let _ = e.print();
            ExitCode::SUCCESS
        }
        K::DisplayHelpOnMissingArgumentOrSubcommand => {
            usage("a subcommand is required (try 'nprand --help')")
        }
        _ => {
            let text = e.render().to_string();
            let first = text
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty())
                .unwrap_or("invalid command line");
            let first = first.strip_prefix("error:").unwrap_or(first).trim();
            usage(&format!("{first} (try 'nprand eval --help')"))
        }
    }
}

/// `--seed TEXT`: an integer as typed (values beyond i128 saturate: they fail NumPy's
/// range check all the same), or any other Python literal, seeded by NumPy's
/// `_legacy_seeding` rules (`--seed 1.5` is NumPy's TypeError, `--seed '[1, 2]'` an
/// array seed).
fn parse_seed(s: &str) -> Result<Init, Failure> {
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
        .map_err(|e| Failure::Usage(format!("invalid value '{s}' for '--seed <N>': {e}")))?;
    Ok(Init::Literal(e))
}

/// `--seed-array N,N,...` (or a Python list literal): `RandomState([N, N, ...])`.
fn parse_seed_array(s: &str) -> Result<Init, Failure> {
    let t = s.trim();
    if t.is_empty() || t == "[]" {
        return Ok(Init::Literal(Expr::List(Vec::new())));
    }
    let e = parse_expr(t).map_err(|e| {
        Failure::Usage(format!(
            "invalid value '{s}' for '--seed-array <N,N,...>': {e}"
        ))
    })?;
    Ok(Init::Literal(match e {
        Expr::List(_) | Expr::Tuple(_) => e,
        single => Expr::List(vec![single]),
    }))
}

fn initial_state(args: &EvalArgs) -> Result<RandomState, Failure> {
    let init = if let Some(s) = &args.seed {
        parse_seed(s)?
    } else if let Some(s) = &args.seed_array {
        parse_seed_array(s)?
    } else if let Some(p) = &args.state {
        let text = fs::read_to_string(p)
            .map_err(|e| io_err(&format!("cannot read state file '{}'", p.display()), e))?;
        Init::State(LegacyState::from_json(&text)?)
    } else {
        return Err(Failure::Usage(
            "one of --seed N, --seed-array N,N,... or --state FILE.json is required".into(),
        ));
    };
    Ok(make_state(&init)?)
}

/// The generator the calls run on.
enum Engine {
    Legacy(RandomState),
    Modern(AnyGenerator),
}

impl Engine {
    fn eval(&mut self, call: &str) -> Result<nprand::eval::value::Value, Error> {
        match self {
            Engine::Legacy(rs) => eval_call(rs, call),
            Engine::Modern(g) => eval_generator_call(g, call),
        }
    }

    fn state_json(&self) -> String {
        match self {
            Engine::Legacy(rs) => rs.get_state().to_json(),
            Engine::Modern(g) => g.bit_generator().state().to_json(),
        }
    }
}

fn initial_generator(args: &EvalArgs, kind: &str) -> Result<AnyGenerator, Failure> {
    let kind: BitGenKind = kind
        .parse()
        .map_err(|e: Error| Failure::Usage(format!("--generator: {}", e.message())))?;
    if let Some(p) = &args.state {
        let text = fs::read_to_string(p)
            .map_err(|e| io_err(&format!("cannot read state file '{}'", p.display()), e))?;
        let g = generator_from_state(&BitGenState::from_json(&text)?)?;
        return Ok(g);
    }
    match (&args.seed, &args.seed_array) {
        (Some(s), _) => Ok(make_generator(kind, s)?),
        (None, Some(_)) => Err(Failure::Usage(
            "--seed-array is for RandomState; with --generator give --seed N (SeedSequence entropy)"
                .into(),
        )),
        (None, None) => Err(Failure::Usage(
            "one of --seed N or --state FILE.json is required".into(),
        )),
    }
}

/// `--python`: CPython's random module, printed as Python prints it.
fn run_python(args: &EvalArgs) -> Result<(), Failure> {
    if args.format == Format::Npy {
        return Err(Failure::Usage(
            "--format npy is for NumPy arrays; use text or json with --python".into(),
        ));
    }
    if args.seed_array.is_some() {
        return Err(Failure::Usage(
            "--seed-array is for RandomState; random.seed takes one value: --seed".into(),
        ));
    }
    let version = match args.python_version.as_deref() {
        None | Some("3.11") => None,
        Some("3.12") | Some("3.13") => Some(PyVersion::V3_12),
        Some(v) => {
            return Err(Failure::Usage(format!(
                "--python-version {v}: supported are 3.11 (default), 3.12 and 3.13"
            )))
        }
    };
    let state = match &args.state {
        Some(p) => Some(
            fs::read_to_string(p)
                .map_err(|e| io_err(&format!("cannot read state file '{}'", p.display()), e))?,
        ),
        None => None,
    };
    if args.seed.is_none() && state.is_none() {
        return Err(Failure::Usage(
            "one of --seed N or --state FILE.json is required".into(),
        ));
    }
    let stdout = io::stdout();
    let mut out: Box<dyn Write> = match &args.out {
        Some(path) => {
            Box::new(BufWriter::new(File::create(path).map_err(|e| {
                io_err(&format!("cannot write '{}'", path.display()), e)
            })?))
        }
        None => Box::new(stdout.lock()),
    };
    let result = run_python_eval(
        args.seed.as_deref(),
        state.as_deref(),
        &args.calls,
        args.format == Format::Json,
        version,
        &mut out,
    );
    out.flush().map_err(|e| io_err("cannot write output", e))?;
    let final_state = result?;
    if let Some(path) = &args.save_state {
        fs::write(path, final_state + "\n")
            .map_err(|e| io_err(&format!("cannot write state file '{}'", path.display()), e))?;
    }
    Ok(())
}

fn run_eval(args: EvalArgs) -> Result<(), Failure> {
    if args.python {
        return run_python(&args);
    }
    if args.format == Format::Npy && args.out.is_none() {
        return Err(Failure::Usage(
            "--format npy needs --out DIR for the .npy files".into(),
        ));
    }
    let mut engine = match &args.generator {
        Some(kind) => Engine::Modern(initial_generator(&args, kind)?),
        None => Engine::Legacy(initial_state(&args)?),
    };
    let stdout = io::stdout();
    let mut out: Box<dyn Write> = match (&args.out, args.format) {
        (Some(dir), Format::Npy) => {
            fs::create_dir_all(dir)
                .map_err(|e| io_err(&format!("cannot create directory '{}'", dir.display()), e))?;
            Box::new(stdout.lock())
        }
        (Some(path), _) => {
            Box::new(BufWriter::new(File::create(path).map_err(|e| {
                io_err(&format!("cannot write '{}'", path.display()), e)
            })?))
        }
        (None, _) => Box::new(stdout.lock()),
    };
    let write_err = |e| io_err("cannot write output", e);
    for (i, call) in args.calls.iter().enumerate() {
        let value = match engine.eval(call) {
            Ok(v) => v,
            Err(e) => {
                out.flush().map_err(write_err)?;
                return Err(Failure::Eval(e));
            }
        };
        match args.format {
            Format::Text if value.is_none() => {}
            Format::Text => writeln!(out, "{}", to_text(&value)).map_err(write_err)?,
            Format::Json => writeln!(out, "{}", to_json(&value)).map_err(write_err)?,
            Format::Npy if value.is_none() => {}
            Format::Npy => {
                let dir = args.out.as_deref().unwrap_or(Path::new("."));
                let path = dir.join(format!("{i:03}.npy"));
                save_npy(&path, &value)?;
                writeln!(out, "{}", path.display()).map_err(write_err)?;
            }
        }
        out.flush().map_err(write_err)?;
    }
    if let Some(path) = &args.save_state {
        fs::write(path, engine.state_json() + "\n")
            .map_err(|e| io_err(&format!("cannot write state file '{}'", path.display()), e))?;
    }
    Ok(())
}

fn save_npy(path: &Path, value: &nprand::eval::value::Value) -> Result<(), Failure> {
    let ctx = format!("cannot write '{}'", path.display());
    let file = File::create(path).map_err(|e| io_err(&ctx, e))?;
    let mut w = BufWriter::new(file);
    write_npy(&mut w, value).map_err(|e| io_err(&ctx, e))?;
    w.flush().map_err(|e| io_err(&ctx, e))
}
