//! The crate's one error type: opaque [`Error`] with a [`kind`](Error::kind).

use std::fmt;
use std::path::Path;

/// Why reading a CoNLL or gold JSON lines file failed.
///
/// Opaque on purpose (the representation can change without breaking users); match on
/// [`Error::kind`]. The message names the file and, where there is one, the 1-based line.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct Error {
    inner: Inner,
}

/// The broad class of an [`Error`], for callers that react differently to each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file could not be opened or read.
    Io,
    /// A CoNLL line is not `token TAG` with an IOB2 tag of a known kind.
    Conll,
    /// A gold line is not valid JSON of the expected shape.
    Json,
    /// A gold span is out of bounds, empty, reversed or does not select its stated text.
    Span,
}

#[derive(Debug, thiserror::Error)]
enum Inner {
    #[error("cannot read {file}: {source}")]
    Io {
        file: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{file}:{line}: {message}")]
    Conll {
        file: String,
        line: usize,
        message: String,
    },
    #[error("{file}:{line}: invalid gold json: {source}")]
    Json {
        file: String,
        line: usize,
        #[source]
        source: serde_json::Error,
    },
    #[error("{file}:{line}: {message}")]
    Span {
        file: String,
        line: usize,
        message: String,
    },
}

impl Error {
    /// What went wrong, as a stable enum.
    pub fn kind(&self) -> ErrorKind {
        match self.inner {
            Inner::Io { .. } => ErrorKind::Io,
            Inner::Conll { .. } => ErrorKind::Conll,
            Inner::Json { .. } => ErrorKind::Json,
            Inner::Span { .. } => ErrorKind::Span,
        }
    }

    /// The file (or source name) the error is about.
    pub fn file(&self) -> &str {
        match &self.inner {
            Inner::Io { file, .. }
            | Inner::Conll { file, .. }
            | Inner::Json { file, .. }
            | Inner::Span { file, .. } => file,
        }
    }

    /// The 1-based line the error is about, when it is about one line.
    pub fn line(&self) -> Option<usize> {
        match &self.inner {
            Inner::Io { .. } => None,
            Inner::Conll { line, .. } | Inner::Json { line, .. } | Inner::Span { line, .. } => {
                Some(*line)
            }
        }
    }

    pub(crate) fn io(path: &Path, source: std::io::Error) -> Error {
        Error {
            inner: Inner::Io {
                file: path.display().to_string(),
                source,
            },
        }
    }

    pub(crate) fn conll(file: &str, line: usize, message: impl fmt::Display) -> Error {
        Error {
            inner: Inner::Conll {
                file: file.to_owned(),
                line,
                message: message.to_string(),
            },
        }
    }

    pub(crate) fn json(file: &str, line: usize, source: serde_json::Error) -> Error {
        Error {
            inner: Inner::Json {
                file: file.to_owned(),
                line,
                source,
            },
        }
    }

    pub(crate) fn span(file: &str, line: usize, message: impl fmt::Display) -> Error {
        Error {
            inner: Inner::Span {
                file: file.to_owned(),
                line,
                message: message.to_string(),
            },
        }
    }
}
