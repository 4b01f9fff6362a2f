//! The error type: every condition under which NumPy raises becomes an [`Error`].

use crate::prelude::*;
use core::fmt;
#[cfg(feature = "std")]
use std::sync::Arc;

/// The I/O error behind an `OSError` (shared, so `Error` stays `Clone`). Without `std`
/// there is no I/O, so no `Error` has one.
#[cfg(feature = "std")]
type IoSource = Arc<std::io::Error>;
#[cfg(not(feature = "std"))]
type IoSource = core::convert::Infallible;

error_kinds! {
    /// Which Python exception NumPy (or CPython) raises for the same condition.
    ///
    /// ```
    /// use nprand::{ErrorKind, RandomState};
    /// let err = RandomState::new(0).uniform(0.0, f64::INFINITY).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::OverflowError);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[non_exhaustive]
    pub enum ErrorKind {
        /// `ValueError`: a parameter outside its valid range.
        ValueError => "ValueError",
        /// `TypeError`: an argument of the wrong type (e.g. an unsupported dtype).
        TypeError => "TypeError",
        /// `IndexError`: e.g. a short state tuple.
        IndexError => "IndexError",
        /// `OverflowError`: a value that does not fit the C type NumPy converts it to.
        OverflowError => "OverflowError",
        /// `KeyError`: a state dictionary without a required key.
        KeyError => "KeyError",
        /// `numpy.linalg.LinAlgError` (a `ValueError` subclass): an SVD that did not converge.
        LinAlgError => "LinAlgError",
        /// `ZeroDivisionError` (CPython's `random` module).
        ZeroDivisionError => "ZeroDivisionError",
        /// `AttributeError`: an unknown method name in `nprand eval`.
        AttributeError => "AttributeError",
        /// `NotImplementedError`: a call that nprand does not (yet) support.
        NotImplementedError => "NotImplementedError",
        /// `OSError` (Python 3's name for `IOError`): an I/O failure (state files,
        /// output) that none of the subclasses below names; the `std::io::Error` is the
        /// error's `source()`.
        IoError => "OSError",
        /// `FileNotFoundError` (an `OSError`, errno `ENOENT`).
        FileNotFoundError => "FileNotFoundError",
        /// `PermissionError` (an `OSError`, errno `EACCES`/`EPERM`).
        PermissionError => "PermissionError",
        /// `FileExistsError` (an `OSError`, errno `EEXIST`).
        FileExistsError => "FileExistsError",
        /// `IsADirectoryError` (an `OSError`, errno `EISDIR`).
        IsADirectoryError => "IsADirectoryError",
        /// `NotADirectoryError` (an `OSError`, errno `ENOTDIR`).
        NotADirectoryError => "NotADirectoryError",
        /// `BrokenPipeError` (an `OSError`, errno `EPIPE`).
        BrokenPipeError => "BrokenPipeError",
        /// `InterruptedError` (an `OSError`, errno `EINTR`).
        InterruptedError => "InterruptedError",
        /// `TimeoutError` (an `OSError`, errno `ETIMEDOUT`).
        TimeoutError => "TimeoutError",
        /// `BlockingIOError` (an `OSError`, errno `EAGAIN`).
        BlockingIOError => "BlockingIOError",
        /// `SyntaxError`: a call that `nprand eval` cannot parse (or an undefined name).
        SyntaxError => "SyntaxError",
        /// `MemoryError`: a result that cannot be allocated (NumPy's `Unable to allocate …`;
        /// CPython's has no message).
        MemoryError => "MemoryError",
        /// `numpy.exceptions.AxisError` (a `ValueError` and `IndexError` subclass): an
        /// `axis` outside the array's dimensions.
        AxisError => "AxisError",
        /// `RuntimeError`: e.g. NumPy's "only supports up to 32 dimensions" for a nested
        /// sequence argument.
        RuntimeError => "RuntimeError",
        /// NumPy's `UFuncTypeError` (a `TypeError` subclass): a ufunc with no loop for the
        /// operands' dtypes, e.g. `np.prod(size)` of a string `size`.
        UFuncTypeError => "UFuncTypeError",
        /// CPython's `statistics.StatisticsError` (a `ValueError` subclass): e.g. the
        /// mean of no data.
        StatisticsError => "StatisticsError",
    }
}

impl ErrorKind {
    /// Whether Python's `except OSError` catches this kind: `OSError` itself or one of
    /// the subclasses CPython raises for an errno (`FileNotFoundError`, ...).
    ///
    /// ```
    /// use nprand::ErrorKind;
    /// assert!(ErrorKind::FileNotFoundError.is_os_error());
    /// assert!(ErrorKind::IoError.is_os_error());
    /// assert!(!ErrorKind::ValueError.is_os_error());
    /// ```
    #[must_use]
    pub fn is_os_error(self) -> bool {
        matches!(
            self,
            ErrorKind::IoError
                | ErrorKind::FileNotFoundError
                | ErrorKind::PermissionError
                | ErrorKind::FileExistsError
                | ErrorKind::IsADirectoryError
                | ErrorKind::NotADirectoryError
                | ErrorKind::BrokenPipeError
                | ErrorKind::InterruptedError
                | ErrorKind::TimeoutError
                | ErrorKind::BlockingIOError
        )
    }

    /// The `OSError` subclass CPython raises for an I/O failure of this kind (CPython
    /// picks it by errno; Rust's `io::ErrorKind` is decoded from the same errno).
    #[cfg(feature = "std")]
    fn of_io(kind: std::io::ErrorKind) -> ErrorKind {
        use std::io::ErrorKind as K;
        match kind {
            K::NotFound => ErrorKind::FileNotFoundError,
            K::PermissionDenied => ErrorKind::PermissionError,
            K::AlreadyExists => ErrorKind::FileExistsError,
            K::IsADirectory => ErrorKind::IsADirectoryError,
            K::NotADirectory => ErrorKind::NotADirectoryError,
            K::BrokenPipe => ErrorKind::BrokenPipeError,
            K::Interrupted => ErrorKind::InterruptedError,
            K::TimedOut => ErrorKind::TimeoutError,
            K::WouldBlock => ErrorKind::BlockingIOError,
            _ => ErrorKind::IoError,
        }
    }
}

/// An error with NumPy's exception kind and NumPy's message text.
///
/// `Display` prints `Kind: message`, the last line of Python's traceback (just `Kind`
/// for an empty message, as Python prints `raise MemoryError()`).
///
/// ```
/// let err = nprand::RandomState::new(0).normal(0.0, -1.0).unwrap_err();
/// assert_eq!(err.to_string(), "ValueError: scale < 0");
/// assert_eq!(err.message(), "scale < 0");
/// ```
#[derive(Debug, Clone)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    /// The I/O error behind an `OSError`.
    source: Option<IoSource>,
}

impl PartialEq for Error {
    /// The same exception and message (the `source()` is not compared).
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind && self.message == other.message
    }
}

impl Eq for Error {}

impl Error {
    /// An error of `kind` with `message`.
    ///
    /// ```
    /// let e = nprand::Error::new(nprand::ErrorKind::ValueError, "low >= high");
    /// assert_eq!(e.message(), "low >= high");
    /// ```
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
            source: None,
        }
    }

    /// An `OSError` for an I/O failure, of the subclass CPython raises for the same
    /// errno (`FileNotFoundError`, `PermissionError`, ...; see
    /// [`ErrorKind::is_os_error`]). The message is `"{context}: [Errno N] {strerror}"`
    /// (CPython's spelling of an OS error; `"{context}: {err}"` for an error without an
    /// errno) and `err` is kept as the `source()`.
    ///
    /// ```
    /// use std::error::Error as _;
    /// use nprand::ErrorKind;
    /// // open('/nonexistent/missing.json')
    /// // FileNotFoundError: [Errno 2] No such file or directory: '/nonexistent/missing.json'
    /// let io = std::fs::read("/nonexistent/missing.json").unwrap_err();
    /// let e = nprand::Error::io("cannot read state file '/nonexistent/missing.json'", io);
    /// assert_eq!(e.kind(), ErrorKind::FileNotFoundError);
    /// # #[cfg(target_os = "linux")]
    /// assert_eq!(
    ///     e.to_string(),
    ///     "FileNotFoundError: cannot read state file '/nonexistent/missing.json': \
    ///      [Errno 2] No such file or directory"
    /// );
    /// assert!(e.kind().is_os_error());
    /// assert!(e.source().is_some());
    /// ```
    #[cfg(feature = "std")]
    #[must_use]
    pub fn io(context: &str, err: std::io::Error) -> Self {
        let detail = match err.raw_os_error() {
            Some(code) => {
                // Rust spells it "{strerror} (os error N)", CPython "[Errno N] {strerror}".
                let text = err.to_string();
                let suffix = format!(" (os error {code})");
                let strerror = text.strip_suffix(&suffix).unwrap_or(&text);
                format!("[Errno {code}] {strerror}")
            }
            None => err.to_string(),
        };
        Error {
            kind: ErrorKind::of_io(err.kind()),
            message: format!("{context}: {detail}"),
            source: Some(Arc::new(err)),
        }
    }

    /// A `ValueError` with `message`.
    ///
    /// ```
    /// assert_eq!(nprand::Error::value("p < 0").kind(), nprand::ErrorKind::ValueError);
    /// ```
    pub fn value(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::ValueError, message)
    }

    /// A `TypeError` with `message`.
    ///
    /// ```
    /// assert_eq!(nprand::Error::type_error("bad").kind(), nprand::ErrorKind::TypeError);
    /// ```
    pub fn type_error(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::TypeError, message)
    }

    /// The Python exception kind.
    ///
    /// ```
    /// assert_eq!(nprand::Error::value("x").kind(), nprand::ErrorKind::ValueError);
    /// ```
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// NumPy's message, without the exception name.
    ///
    /// ```
    /// assert_eq!(nprand::Error::value("x").message(), "x");
    /// ```
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.message.is_empty() {
            return f.write_str(self.kind.name());
        }
        write!(f, "{}: {}", self.kind.name(), self.message)
    }
}

impl core::error::Error for Error {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        #[cfg(feature = "std")]
        let source = self.source.as_deref();
        #[cfg(not(feature = "std"))]
        let source = self.source.as_ref();
        source.map(|e| e as &(dyn core::error::Error + 'static))
    }
}

/// `Result` with nprand's [`Error`].
pub type Result<T> = core::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::ErrorKind;
    use crate::prelude::*;

    /// Every class name of a `BaseException` subclass among CPython 3.11's builtins (by
    /// `__name__`, so aliases such as `IOError` give `OSError`), plus NumPy's
    /// `LinAlgError` and `AxisError`. Generated, not typed:
    /// python3 -c 'import builtins, numpy.linalg, numpy.exceptions, textwrap; n = sorted({v.__name__ for v
    ///   in vars(builtins).values() if isinstance(v, type) and issubclass(v, BaseException)})
    ///   + [numpy.linalg.LinAlgError.__name__, numpy.exceptions.AxisError.__name__]; print(textwrap.fill(", ".join(chr(34) + x
    ///   + chr(34) for x in n), 84))'
    const PYTHON_EXCEPTIONS: &[&str] = &[
        "ArithmeticError",
        "AssertionError",
        "AttributeError",
        "BaseException",
        "BaseExceptionGroup",
        "BlockingIOError",
        "BrokenPipeError",
        "BufferError",
        "BytesWarning",
        "ChildProcessError",
        "ConnectionAbortedError",
        "ConnectionError",
        "ConnectionRefusedError",
        "ConnectionResetError",
        "DeprecationWarning",
        "EOFError",
        "EncodingWarning",
        "Exception",
        "ExceptionGroup",
        "FileExistsError",
        "FileNotFoundError",
        "FloatingPointError",
        "FutureWarning",
        "GeneratorExit",
        "ImportError",
        "ImportWarning",
        "IndentationError",
        "IndexError",
        "InterruptedError",
        "IsADirectoryError",
        "KeyError",
        "KeyboardInterrupt",
        "LookupError",
        "MemoryError",
        "ModuleNotFoundError",
        "NameError",
        "NotADirectoryError",
        "NotImplementedError",
        "OSError",
        "OverflowError",
        "PendingDeprecationWarning",
        "PermissionError",
        "ProcessLookupError",
        "RecursionError",
        "ReferenceError",
        "ResourceWarning",
        "RuntimeError",
        "RuntimeWarning",
        "StopAsyncIteration",
        "StopIteration",
        "SyntaxError",
        "SyntaxWarning",
        "SystemError",
        "SystemExit",
        "TabError",
        "TimeoutError",
        "TypeError",
        "UnboundLocalError",
        "UnicodeDecodeError",
        "UnicodeEncodeError",
        "UnicodeError",
        "UnicodeTranslateError",
        "UnicodeWarning",
        "UserWarning",
        "ValueError",
        "Warning",
        "ZeroDivisionError",
        "LinAlgError",
        "AxisError",
        // NumPy's own TypeError subclass (`numpy._core._exceptions`).
        "UFuncTypeError",
        // CPython's `statistics.StatisticsError` (a ValueError subclass).
        "StatisticsError",
    ];

    /// CPython's `OSError(errno, os.strerror(errno))`: the subclass it picks and its
    /// text, for the errnos nprand's I/O can meet (Linux numbering). Generated, not typed:
    /// python3 -c 'import os; [print(n, type(e).__name__, e) for n in (1, 2, 4, 5, 9, 11,
    ///   13, 17, 20, 21, 28, 32, 110) for e in [OSError(n, os.strerror(n))]]'
    #[cfg(all(feature = "std", target_os = "linux"))]
    const CPYTHON_OS_ERRORS: &[(i32, &str, &str)] = &[
        (1, "PermissionError", "[Errno 1] Operation not permitted"),
        (
            2,
            "FileNotFoundError",
            "[Errno 2] No such file or directory",
        ),
        (4, "InterruptedError", "[Errno 4] Interrupted system call"),
        (5, "OSError", "[Errno 5] Input/output error"),
        (9, "OSError", "[Errno 9] Bad file descriptor"),
        (
            11,
            "BlockingIOError",
            "[Errno 11] Resource temporarily unavailable",
        ),
        (13, "PermissionError", "[Errno 13] Permission denied"),
        (17, "FileExistsError", "[Errno 17] File exists"),
        (20, "NotADirectoryError", "[Errno 20] Not a directory"),
        (21, "IsADirectoryError", "[Errno 21] Is a directory"),
        (28, "OSError", "[Errno 28] No space left on device"),
        (32, "BrokenPipeError", "[Errno 32] Broken pipe"),
        (110, "TimeoutError", "[Errno 110] Connection timed out"),
    ];

    #[cfg(all(feature = "std", target_os = "linux"))]
    #[test]
    fn io_errors_take_cpythons_class_and_text() {
        use core::error::Error as _;
        for &(errno, class, text) in CPYTHON_OS_ERRORS {
            let e = super::Error::io("ctx", std::io::Error::from_raw_os_error(errno));
            // The texts are glibc's strerror (CPython's there); musl words some differently.
            if cfg!(target_env = "gnu") {
                assert_eq!(
                    e.to_string(),
                    format!("{class}: ctx: {text}"),
                    "errno {errno}"
                );
            }
            assert!(e
                .to_string()
                .starts_with(&format!("{class}: ctx: [Errno {errno}] ")));
            assert!(e.kind().is_os_error());
            let src = e
                .source()
                .unwrap()
                .downcast_ref::<std::io::Error>()
                .unwrap();
            assert_eq!(src.raw_os_error(), Some(errno));
        }
    }

    fn all_kinds() -> Vec<ErrorKind> {
        ErrorKind::ALL.to_vec()
    }

    #[test]
    fn every_kind_is_a_python_3_exception() {
        for kind in all_kinds() {
            assert!(
                PYTHON_EXCEPTIONS.contains(&kind.name()),
                "{kind:?} displays as {}, not a Python 3 exception",
                kind.name()
            );
        }
        assert_eq!(ErrorKind::IoError.name(), "OSError");
    }
}
