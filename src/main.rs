//! `nprand`: NumPy's legacy `RandomState`, bit for bit, from the command line.
//!
//! ```text
//! nprand eval --seed 12345 'rand(2, 3)' 'randint(0, 10, size=5, dtype="int8")'
//! ```

use clap::{ArgGroup, Args, Parser, Subcommand, ValueEnum};
use nprand::cli::eval::{eval_call, make_state, Init};
use nprand::cli::format::{to_json, to_text};
use nprand::cli::npy::write_npy;
use nprand::{Error, ErrorKind, LegacyState, RandomState};
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "nprand",
    version,
    about = "NumPy's legacy numpy.random.RandomState (MT19937), reproduced bit for bit"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Evaluate RandomState method calls, in order, on one generator.
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
    Failure::Eval(Error::new(ErrorKind::IoError, format!("{context}: {e}")))
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

/// An integer seed as typed; values beyond i128 saturate (they fail NumPy's range
/// check all the same).
fn parse_seed_int(s: &str, flag: &str) -> Result<i128, Failure> {
    let t = s.trim();
    let digits = t.strip_prefix(['-', '+']).unwrap_or(t);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Failure::Usage(format!(
            "invalid value '{s}' for '{flag}': expected an integer"
        )));
    }
    Ok(t.parse::<i128>().unwrap_or(if t.starts_with('-') {
        i128::MIN
    } else {
        i128::MAX
    }))
}

fn parse_seed_array(s: &str) -> Result<Vec<i128>, Failure> {
    let t = s.trim();
    let t = t
        .strip_prefix('[')
        .and_then(|x| x.strip_suffix(']'))
        .unwrap_or(t)
        .trim();
    if t.is_empty() {
        return Ok(Vec::new());
    }
    t.split(',')
        .map(|x| parse_seed_int(x, "--seed-array <N,N,...>"))
        .collect()
}

fn initial_state(args: &EvalArgs) -> Result<RandomState, Failure> {
    let init = if let Some(s) = &args.seed {
        Init::Seed(parse_seed_int(s, "--seed <N>")?)
    } else if let Some(s) = &args.seed_array {
        Init::SeedArray(parse_seed_array(s)?)
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

fn run_eval(args: EvalArgs) -> Result<(), Failure> {
    if args.format == Format::Npy && args.out.is_none() {
        return Err(Failure::Usage(
            "--format npy needs --out DIR for the .npy files".into(),
        ));
    }
    let mut rs = initial_state(&args)?;
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
        let value = match eval_call(&mut rs, call) {
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
        fs::write(path, rs.get_state().to_json() + "\n")
            .map_err(|e| io_err(&format!("cannot write state file '{}'", path.display()), e))?;
    }
    Ok(())
}

fn save_npy(path: &Path, value: &nprand::cli::value::Value) -> Result<(), Failure> {
    let ctx = format!("cannot write '{}'", path.display());
    let file = File::create(path).map_err(|e| io_err(&ctx, e))?;
    let mut w = BufWriter::new(file);
    write_npy(&mut w, value).map_err(|e| io_err(&ctx, e))?;
    w.flush().map_err(|e| io_err(&ctx, e))
}
