//! The crate's error type: building and loading can fail, matching never does.

use std::path::PathBuf;

/// An error from building a gazetteer or loading one from a file. Its message names the file and line.
#[derive(Debug, thiserror::Error)]
#[error("{kind}")]
pub struct Error {
    kind: ErrorKind,
}

/// What went wrong.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file could not be read.
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A line of a TSV or JSON-lines file is malformed.
    #[error("{origin}:{line}: {message}")]
    Parse {
        /// The file (or the name given to in-memory input).
        origin: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// Two entities share an id.
    #[error("{origin}: duplicate entity id {id:?}")]
    DuplicateId {
        /// The id.
        id: String,
        /// Where the second one came from (`file:line`, or "code").
        origin: String,
    },
    /// An entity has an empty id or name, or a name that normalises to nothing.
    #[error("{origin}: entity {id:?} has a name that is empty or normalises to nothing ({name:?})")]
    EmptyName {
        /// The entity's id.
        id: String,
        /// Where it came from.
        origin: String,
        /// Which name.
        name: String,
    },
    /// The automaton could not be built (too many patterns for the engine).
    #[error("cannot build the gazetteer automaton: {0}")]
    Build(String),
    /// Bytes given to [`crate::Gazetteer::from_bytes`] are not a compiled gazetteer this version reads:
    /// another format version, truncated, corrupted or inconsistent.
    #[error("cannot load the compiled gazetteer: {0}")]
    Compiled(String),
    /// Bytes given to [`crate::tagger::Tagger::from_bytes`] are not a tagger model this version reads.
    #[error("cannot load the tagger model: {0}")]
    Model(String),
}

impl Error {
    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    pub(crate) fn new(kind: ErrorKind) -> Error {
        Error { kind }
    }

    /// Reads the file at `path` to a string; an I/O error names the file.
    pub(crate) fn read_file(path: &std::path::Path) -> Result<String, Error> {
        std::fs::read_to_string(path).map_err(|source| {
            Error::new(ErrorKind::Io {
                path: path.to_path_buf(),
                source,
            })
        })
    }

    pub(crate) fn parse(origin: &str, line: usize, message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Parse {
            origin: origin.to_string(),
            line,
            message: message.into(),
        })
    }
}
