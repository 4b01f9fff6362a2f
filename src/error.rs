//! The error type: every condition under which NumPy raises becomes an [`Error`].

use std::fmt;

/// Which Python exception NumPy (or CPython) raises for the same condition.
///
/// ```
/// use nprand::{ErrorKind, RandomState};
/// let err = RandomState::new(0).uniform(0.0, f64::INFINITY).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::OverflowError);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// `ValueError`: a parameter outside its valid range.
    ValueError,
    /// `TypeError`: an argument of the wrong type (e.g. an unsupported dtype).
    TypeError,
    /// `IndexError`: e.g. a short state tuple.
    IndexError,
    /// `OverflowError`: a value that does not fit the C type NumPy converts it to.
    OverflowError,
    /// `KeyError`: a state dictionary without a required key.
    KeyError,
    /// `numpy.linalg.LinAlgError` (a `ValueError` subclass): an SVD that did not converge.
    LinAlgError,
    /// `ZeroDivisionError` (CPython's `random` module).
    ZeroDivisionError,
    /// `AttributeError`: an unknown method name in `nprand eval`.
    AttributeError,
    /// `NotImplementedError`: a call that nprand does not (yet) support.
    NotImplementedError,
    /// Not a Python exception: an I/O or format problem (state files, .npy output).
    IoError,
    /// `SyntaxError`: a call that `nprand eval` cannot parse (or an undefined name).
    SyntaxError,
}

impl ErrorKind {
    /// The Python exception's name, e.g. `"ValueError"`.
    ///
    /// ```
    /// assert_eq!(nprand::ErrorKind::TypeError.name(), "TypeError");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::ValueError => "ValueError",
            ErrorKind::TypeError => "TypeError",
            ErrorKind::IndexError => "IndexError",
            ErrorKind::OverflowError => "OverflowError",
            ErrorKind::KeyError => "KeyError",
            ErrorKind::LinAlgError => "LinAlgError",
            ErrorKind::ZeroDivisionError => "ZeroDivisionError",
            ErrorKind::AttributeError => "AttributeError",
            ErrorKind::NotImplementedError => "NotImplementedError",
            ErrorKind::IoError => "IOError",
            ErrorKind::SyntaxError => "SyntaxError",
        }
    }
}

/// An error with NumPy's exception kind and NumPy's message text.
///
/// `Display` prints `Kind: message`, the last line of Python's traceback.
///
/// ```
/// let err = nprand::RandomState::new(0).normal(0.0, -1.0).unwrap_err();
/// assert_eq!(err.to_string(), "ValueError: scale < 0");
/// assert_eq!(err.message(), "scale < 0");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

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
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// NumPy's message, without the exception name.
    ///
    /// ```
    /// assert_eq!(nprand::Error::value("x").message(), "x");
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.message)
    }
}

impl std::error::Error for Error {}

/// `Result` with nprand's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
