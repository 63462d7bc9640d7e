//! The composer's error type: a kind to match on and the full explained
//! message to show.

use std::fmt;

/// What went wrong, for callers that want to react to the kind of failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// An input is not a valid component or its WIT cannot be recovered.
    BadComponent,
    /// Something asked for an export that the instance does not have.
    MissingExport,
    /// An import is satisfied by an export of a different type.
    TypeMismatch,
    /// Several components provide the same import equally well.
    AmbiguousProvider,
    /// Components depend on each other in a loop.
    Cycle,
    /// A plug that nothing in the composition imports (unless unused plugs are allowed).
    UnusedPlug,
    /// A composition script failed to parse or evaluate.
    Script,
    /// Something else about the composition is wrong (bad arguments, clashing names).
    Invalid,
    /// The composed component failed validation; this is a composer bug.
    Internal,
}

/// A composition failure. `Display` gives the complete message, including
/// the explanation of every import considered so far.
#[derive(Debug, Clone)]
pub struct ComposeError {
    kind: ErrorKind,
    message: String,
}

impl ComposeError {
    /// Creates an error of `kind` with the full `message`.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        ComposeError {
            kind,
            message: message.into(),
        }
    }

    /// An input component could not be read.
    pub fn bad_component(label: &str, reason: impl fmt::Display) -> Self {
        Self::new(
            ErrorKind::BadComponent,
            format!("cannot read component `{label}`: {reason}"),
        )
    }

    /// What kind of failure this is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The full message (same as `Display`).
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Appends an explanation report below the message.
    pub(crate) fn with_explanation(mut self, explanation: &str) -> Self {
        if !explanation.is_empty() {
            self.message.push_str("\n\n");
            self.message.push_str(explanation.trim_end());
        }
        self
    }
}

impl fmt::Display for ComposeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ComposeError {}
