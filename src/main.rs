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
use nprand::eval::arrayprint::{numpy_repr, numpy_str};
use nprand::eval::batch::run_batch;
use nprand::eval::frontend::{Evaluated, Setup, SetupError, StateSource};
use nprand::eval::npy::write_npy;
use nprand::eval::value::Value;
use nprand::{Error, ErrorKind};
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
    /// NumPy's print(x): precision 8, arrays above 1,000 elements summarised (...),
    /// rows wrapped at 75 columns, columns aligned (NumPy's default print options).
    Numpy,
    /// NumPy's repr(x): array([...], dtype=..., shape=...) as NumPy 2 shows it.
    Repr,
}

const EVAL_HELP: &str = "\
CALL is a Python call on a RandomState, e.g. 'rand(2, 3)', 'normal(0, [1, 2], size=(3, 2))',
'randint(0, 10, size=5, dtype=np.uint8)', 'choice([1.5, 2.5], p=[0.3, 0.7])', 'shuffle([1, 2, 3])'
(an 'rs.' or 'np.random.' prefix is allowed). Calls run in order on ONE generator, and each
result is printed (and flushed) as soon as it is computed.

Seeding: exactly one of --seed, --seed-array or --state is required (NumPy would seed from OS
entropy without one; nprand does not, so every run is reproducible). --seed takes NumPy's seed
as a Python expression: 12345, 0xdeadbeaf, '2**64 + 1', '[worker_id, root_seed]', '10**40' (ints
of any size, as in Python). Seeds get NumPy's checks:
--seed -1 fails with 'ValueError: Seed must be between 0 and 2**32 - 1' (RandomState) or
'ValueError: expected non-negative integer' (--generator). With --generator, calls also reach
the bit generator as in Python: 'bit_generator.random_raw(1000)', 'bit_generator.state',
'bit_generator.advance(5)'.

Formats: text (the default) prints every element in full round-trip precision; json is
for programs; numpy and repr are what print(x) and repr(x) show in NumPy 2.4 with its
default print options (8 digits, summarised above 1,000 elements, 75 columns).

Output: shuffle(x) prints x after the in-place shuffle; seed(...) prints nothing in text
mode, 'null' in json mode, and writes no file in npy mode (file names keep the call's index).
--save-state writes the final state (NumPy's get_state(legacy=False) as JSON) only when every
call succeeded.

Errors: one line on stderr, 'error: <PythonException>: <message>' exactly as NumPy words it
(a line break inside CPython's message written as \\n), exit status 1; command-line
mistakes are 'error: UsageError: ...' with exit status 2.

Batch (--batch, for programs): each stdin line is one run, the flags as JSON keys, e.g.
  {\"generator\": \"pcg64\", \"seed\": \"42\", \"calls\": [\"random(2)\", \"integers(5)\"]}
  {\"seed_array\": \"1,2,3\", \"calls\": [\"rand(2)\"]}    {\"python\": true, \"state\": {...}, \"calls\": [...]}
(\"seed\" a string or an integer, \"state\" a state object or its JSON text, \"python_version\"
as the flag). Each answer is one line {\"results\": [...], \"state\": \"<state JSON>\"}, a result being
{\"json\": \"<the json line>\", \"text\": \"<the text line>\", \"kind\": \"py|np|array|bytes|none|dict\"} (kind for
NumPy) or {\"error\": {\"type\": \"ValueError\", \"message\": \"...\"}}. An error does not end the run:
later calls continue from the state it left, as in Python. A run that cannot start (bad seed,
bad line) answers {\"error\": {...}} alone.";

#[derive(Args)]
#[command(
    group(ArgGroup::new("init").args(["seed", "seed_array", "state"])),
    after_help = EVAL_HELP
)]
struct EvalArgs {
    /// Seed as RandomState(SEED) / np.random.seed(SEED), or default_rng(SEED) with
    /// --generator: a Python expression (42, 0xdeadbeaf, '2**64 + 1', '[3, 12345]').
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
    /// --seed SEED seeds it through SeedSequence(SEED); --state takes bit_generator.state JSON.
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
    /// Read runs as JSON lines on stdin and answer each with one JSON line (see below);
    /// takes no CALLs and no seeding flags.
    #[arg(long, conflicts_with_all = [
        "seed", "seed_array", "state", "generator", "python", "python_version",
        "format", "out", "save_state", "calls",
    ])]
    batch: bool,
    /// The calls to evaluate, in order.
    #[arg(value_name = "CALL", required_unless_present = "batch")]
    calls: Vec<String>,
}

/// How a run ends badly: a NumPy-style error (exit 1), a usage error (exit 2), or the
/// reader of stdout went away (`nprand eval ... | head`): exit 141, as a shell reports a
/// process SIGPIPE ended, with no message, as `cat` or `seq` behave there.
enum Failure {
    Eval(Error),
    Usage(String),
    BrokenPipe,
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        // The reader leaving is no error worth a message, whichever layer saw it.
        if e.kind() == ErrorKind::BrokenPipeError {
            return Failure::BrokenPipe;
        }
        Failure::Eval(e)
    }
}

impl From<SetupError> for Failure {
    fn from(e: SetupError) -> Self {
        match e {
            SetupError::Eval(e) => Failure::from(e),
            SetupError::Usage(m) => Failure::Usage(m),
        }
    }
}

fn io_err(context: &str, e: io::Error) -> Failure {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return Failure::BrokenPipe;
    }
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
            // One line even for a message with a line break (CPython's seed TypeError).
            eprintln!("error: {}", e.to_string().replace('\n', "\\n"));
            ExitCode::from(1)
        }
        Err(Failure::Usage(msg)) => usage(&msg),
        Err(Failure::BrokenPipe) => ExitCode::from(141),
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

/// Where the results go: stdout or `--out FILE` (with `--format npy`, `--out` is the
/// directory of the files and the paths go to stdout), behind a 64 KiB buffer so that
/// arrays stream element by element at the speed of the disk.
fn open_output(args: &EvalArgs) -> Result<Box<dyn Write>, Failure> {
    if let (Some(dir), Format::Npy) = (&args.out, args.format) {
        fs::create_dir_all(dir)
            .map_err(|e| io_err(&format!("cannot create directory '{}'", dir.display()), e))?;
    }
    let sink: Box<dyn Write> = match (&args.out, args.format) {
        (Some(path), f) if f != Format::Npy => Box::new(
            File::create(path)
                .map_err(|e| io_err(&format!("cannot write '{}'", path.display()), e))?,
        ),
        _ => stdout_sink()?,
    };
    Ok(Box::new(BufWriter::with_capacity(1 << 16, sink)))
}

/// Standard output as a plain file descriptor, so that every write error (a full disk,
/// a read-only descriptor, a closed stdout) is reported: Rust's `Stdout` treats EBADF as
/// a bottomless sink.
#[cfg(unix)]
fn stdout_sink() -> Result<Box<dyn Write>, Failure> {
    use std::os::fd::AsFd;
    if stdout_was_closed() {
        return Err(io_err(
            "cannot write output",
            io::Error::from_raw_os_error(EBADF),
        ));
    }
    let fd = io::stdout()
        .as_fd()
        .try_clone_to_owned()
        .map_err(|e| io_err("cannot write output", e))?;
    Ok(Box::new(File::from(fd)))
}

/// EBADF on Linux (and every other Unix nprand builds on).
#[cfg(unix)]
const EBADF: i32 = 9;

/// Whether nprand was started with fd 1 closed (`nprand eval ... >&-`). Rust's runtime
/// then opens `/dev/null` read-write on fd 1 before `main`, so writes would succeed; a
/// shell's `>/dev/null` opens it write-only, which tells the two apart. Linux only
/// (`/proc`); elsewhere a closed stdout still looks like `/dev/null`.
#[cfg(unix)]
fn stdout_was_closed() -> bool {
    if fs::read_link("/proc/self/fd/1").ok().as_deref() != Some(Path::new("/dev/null")) {
        return false;
    }
    const O_ACCMODE: u32 = 3;
    const O_RDWR: u32 = 2;
    fs::read_to_string("/proc/self/fdinfo/1")
        .ok()
        .and_then(|info| {
            let flags = info.lines().find_map(|l| l.strip_prefix("flags:"))?;
            u32::from_str_radix(flags.trim(), 8).ok()
        })
        .is_some_and(|flags| flags & O_ACCMODE == O_RDWR)
}

#[cfg(not(unix))]
fn stdout_sink() -> Result<Box<dyn Write>, Failure> {
    Ok(Box::new(io::stdout()))
}

/// Parse the flags, build the front-end, evaluate each call and print it, save the
/// state.
fn run_eval(args: EvalArgs) -> Result<(), Failure> {
    if args.batch {
        return run_batch(io::stdin().lock(), BufWriter::new(stdout_sink()?))
            .map_err(|e| io_err("--batch", e));
    }
    if matches!(args.format, Format::Numpy | Format::Repr) && args.python {
        return Err(Failure::Usage(
            "--format numpy/repr are NumPy's array printing; use text or json with --python".into(),
        ));
    }
    if args.format == Format::Npy {
        if args.python {
            return Err(Failure::Usage(
                "--format npy is for NumPy arrays; use text or json with --python".into(),
            ));
        }
        if args.out.is_none() {
            return Err(Failure::Usage(
                "--format npy needs --out DIR for the .npy files".into(),
            ));
        }
    }
    let setup = Setup {
        generator: args.generator.clone(),
        python: args.python,
        python_version: args.python_version.clone(),
        seed: args.seed.clone(),
        seed_array: args.seed_array.clone(),
        state: args.state.clone().map(StateSource::File),
    };
    let mut fe = setup.build()?;
    let mut out = open_output(&args)?;
    let write_err = |e| io_err("cannot write output", e);
    for (i, call) in args.calls.iter().enumerate() {
        let value = match fe.eval(call) {
            Ok(v) => v,
            Err(e) => {
                out.flush().map_err(write_err)?;
                return Err(Failure::Eval(e));
            }
        };
        match args.format {
            Format::Text => value.write_text(&mut out).map_err(write_err)?,
            Format::Json => value.write_json(&mut out).map_err(write_err)?,
            Format::Numpy | Format::Repr => {
                if let Evaluated::Object { repr, .. } = &value {
                    writeln!(out, "{repr}").map_err(write_err)?;
                }
                if let Evaluated::Numpy(v) = &value {
                    if !v.is_none() {
                        let text = match args.format {
                            Format::Numpy => numpy_str(v),
                            _ => numpy_repr(v),
                        };
                        writeln!(out, "{text}").map_err(write_err)?;
                    }
                }
            }
            Format::Npy => {
                if let Evaluated::Numpy(v) = &value {
                    if !v.is_none() {
                        let dir = args.out.as_deref().unwrap_or(Path::new("."));
                        let path = dir.join(format!("{i:03}.npy"));
                        save_npy(&path, v)?;
                        writeln!(out, "{}", path.display()).map_err(write_err)?;
                    }
                }
            }
        }
        out.flush().map_err(write_err)?;
    }
    if let Some(path) = &args.save_state {
        fs::write(path, fe.state_json() + "\n")
            .map_err(|e| io_err(&format!("cannot write state file '{}'", path.display()), e))?;
    }
    Ok(())
}

fn save_npy(path: &Path, value: &Value) -> Result<(), Failure> {
    let ctx = format!("cannot write '{}'", path.display());
    let file = File::create(path).map_err(|e| io_err(&ctx, e))?;
    let mut w = BufWriter::new(file);
    write_npy(&mut w, value).map_err(|e| io_err(&ctx, e))?;
    w.flush().map_err(|e| io_err(&ctx, e))
}
