//! BlocMap: a time-slider map of military alliances.
//!
//! Data flows one way: sources in `data/` → compact embedded form → query by
//! date → DOM updates. Layers that know less sit lower:
//!
//! - [`date`]: calendar days; knows nothing else.
//! - [`timeline`]: alliances, states, events and succession; knows dates.
//! - [`topology`]: territory units as shared-border arcs; knows shapes, no dates.
//! - [`projection`]: map projections (raw math) and the machinery around them.
//! - [`render`]: projected SVG paths of a view (no DOM, no dates).
//! - [`atlas`]: joins the timeline and the topology: who owns each unit on a
//!   day, which borders exist, which arcs a succession can change.
//! - [`paint`]: how each standing is painted (CSS rules, hatch patterns).
//! - [`lang`]: language packs (`data/lang/*.json`): plural rules, months,
//!   grammar, page strings, names; the registry of languages.
//! - [`words`]: dates, numerals, summaries and captions in any pack's language.
//! - [`export`]: the events as CSV, for a download.
//! - [`card`]: a standalone SVG of a day (the CLI, snapshots, `exportSvg`).
//! - [`sort`]: the crate's one (stable) sort, for a smaller wasm.
//! - `web` (wasm32 only): binds the atlas to the DOM and exports the JS API.

pub mod atlas;
pub mod card;
pub mod date;
pub mod export;
pub mod lang;
pub mod paint;
pub mod projection;
pub mod render;
pub mod sort;
pub mod timeline;
pub mod topology;
pub mod words;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use date::Date;
