//! The data in `data/*.csv`, embedded at compile time (as `build.rs` writes
//! it: without the `note` column unless the `notes` feature is on).

use super::doc::{CsvFiles, TimelineDoc};
use super::Timeline;

/// The embedded CSV files.
pub const BUILTIN_CSV: CsvFiles<'static> = CsvFiles {
    alliances: include_str!(concat!(env!("OUT_DIR"), "/data/alliances.csv")),
    states: include_str!(concat!(env!("OUT_DIR"), "/data/states.csv")),
    events: include_str!(concat!(env!("OUT_DIR"), "/data/events.csv")),
    territories: include_str!(concat!(env!("OUT_DIR"), "/data/territories.csv")),
};

impl Timeline {
    /// The embedded timeline (`data/*.csv`).
    ///
    /// # Panics
    /// Only if the embedded data is invalid, which the unit tests rule out.
    pub fn builtin() -> Timeline {
        TimelineDoc::from_csv(&BUILTIN_CSV)
            .and_then(Timeline::from_doc)
            .unwrap_or_else(|e| panic!("embedded timeline data is invalid: {e}"))
    }
}
