//! The error type: every condition under which NumPy raises becomes an [`Error`].

use std::fmt;
use std::sync::Arc;

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
        /// `OSError` (Python 3's name for `IOError`): an I/O or format problem (state
        /// files, .npy output); the `std::io::Error`, if any, is the error's `source()`.
        IoError => "OSError",
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
    /// The I/O error behind an `OSError` (shared, so `Error` stays `Clone`).
    source: Option<Arc<std::io::Error>>,
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

    /// An `OSError` for an I/O failure: the message is `"{context}: {err}"` and `err`
    /// is kept as the `source()`.
    ///
    /// ```
    /// use std::error::Error as _;
    /// // open('missing.json') raises FileNotFoundError, an OSError
    /// let io = std::fs::read("/nonexistent/missing.json").unwrap_err();
    /// let e = nprand::Error::io("cannot read state file 'missing.json'", io);
    /// assert!(e.to_string().starts_with("OSError: cannot read state file 'missing.json': "));
    /// assert!(e.source().is_some());
    /// ```
    #[must_use]
    pub fn io(context: &str, err: std::io::Error) -> Self {
        Error {
            kind: ErrorKind::IoError,
            message: format!("{context}: {err}"),
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

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

/// `Result` with nprand's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::ErrorKind;

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
    ];

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
