//! The one error type of the timeline: a sentence naming the place to fix.

use std::fmt;

/// Why a timeline document or a query was rejected.
///
/// The message names the place an editor has to look at, e.g.
/// `timeline event 14: unknown state code 'XYZ'` or
/// `territories row 3: unit 'DEU-E' overlaps row 2 (...)`.
/// Rows and events are numbered from 1 in document order, which is the
/// data row of the CSV file (line number minus one, the header being line 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimelineError {
    message: String,
}

impl TimelineError {
    /// An error with this message.
    pub(crate) fn new(message: impl Into<String>) -> TimelineError {
        TimelineError {
            message: message.into(),
        }
    }

    /// The message (same text as `Display`).
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for TimelineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for TimelineError {}
