//! The TypeScript types of the JS API's objects, written into the package's
//! `.d.ts`; the exports name them with `unchecked_param_type` and
//! `unchecked_return_type`. Each interface is the serde struct the export
//! returns (`widget.rs`, `reader.rs`, `api.rs`, `timeline_api.rs`): change
//! one and the other together (tests/types/api.ts checks the package with
//! `tsc --strict`). Costs the wasm nothing: wasm-bindgen takes the section out.
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** `latn`: 0-9; `arab`: Eastern Arabic ٠-٩. */
export type Digits = 'latn' | 'arab';
/** The map's projections. */
export type ViewName = 'world' | 'arctic' | 'europe';
/** `alliance` colours the map; `context` (e.g. the SCO) never does. */
export type AllianceKind = 'alliance' | 'context';
/** A state's standing in an alliance. */
export type StatusName = 'member' | 'signatory' | 'applicant' | 'frozen' | 'suspended' | 'inactive' | 'outside_integrated_command';

/** The options of `new BlocMap(element, options)`; any other key throws. */
export interface BlocMapOptions {
  /** The day shown, `YYYY-MM-DD`; default today (the browser's date, UTC). */
  date?: string;
  /** Default `world`. */
  view?: ViewName;
  /** Your own territories: a GeoJSON FeatureCollection as JSON text. */
  geojson?: string;
  /** Your own timeline document as JSON text (`data/timeline.schema.json`). */
  timelineJson?: string;
}

/** An entry of `map.legend(lang)`. */
export interface LegendEntry {
  id: string;
  name: string;
  color: string;
  kind: AllianceKind;
  /** Formal members on the shown day. */
  count: number;
  /**
   * Whether the alliance exists on the shown day: from its first event (a
   * signature) until its dissolution, if any (false for the Warsaw Pact from
   * 1991-07-01 on and for the CST before 1992-05-15), so a page can dim it.
   */
  active: boolean;
}

/** An entry of `map.statusStyles(alliance)`. */
export interface StatusStyle {
  status: StatusName;
  /** A CSS paint: `var(--bm-NATO,#1f5fbf)` or `url(#pattern)`. */
  fill: string;
}

/** An entry of `map.compare(other, lang, digits)`. */
export interface AllianceDiff {
  alliance: string;
  name: string;
  /** Members in words (`16 members`) on the earlier day. */
  before: string;
  after: string;
  /** State names. */
  joined: string[];
  left: string[];
}

/** An entry of `map.marks(lang, digits)`: one per event day. */
export interface Mark {
  date: string;
  /** As in `dayNumber`. */
  day: number;
  words: string;
  year: string;
  caption: string;
  major: boolean;
  /** 3 (keep first) to 0: which label to keep when two would overlap. */
  rank: 0 | 1 | 2 | 3;
}

/** A standing in `map.details(…)`. */
export interface UnitStanding {
  alliance: string;
  name: string;
  kind: AllianceKind;
  status: StatusName;
  since: string;
  sinceWords: string;
  sources: string[];
}

/** An event in `map.details(…)`. */
export interface UnitHistoryEntry {
  date: string;
  words: string;
  alliance: string;
  /** The event kind: `joined`, `withdrew`, … */
  kind: string;
  caption: string;
  sources: string[];
}

/** What `map.details(unit, lang, digits)` tells of a territory unit on the shown day. */
export interface UnitDetails {
  unit: string;
  /** The owning state's code. */
  state: string;
  name: string;
  dateWords: string;
  standings: UnitStanding[];
  /** The owning state's events up to the shown day, oldest first. */
  history: UnitHistoryEntry[];
}

/** A row of `map.members(lang, digits)`. */
export interface MemberRow {
  alliance: string;
  allianceName: string;
  state: string;
  name: string;
  status: StatusName;
  since: string;
  sinceWords: string;
  sources: string[];
}

/** An entry of `languages()`. */
export interface LanguageInfo {
  code: string;
  /** The language's name in itself. */
  name: string;
  dir: 'ltr' | 'rtl';
  digits: Digits;
  listSeparator: string;
  /** False for a pack this build does not embed: give it to `addLanguage` first. */
  loaded: boolean;
}

/** An entry of `Timeline.alliances()`. */
export interface AllianceInfo {
  id: string;
  nameEn: string;
  nameAr: string;
  /** The data's name by language code. */
  names: Record<string, string>;
  color: string;
  kind: AllianceKind;
  /** The day the alliance took today's names (the CST became the CSTO on 2002-10-07), or null. */
  renamed: string | null;
  /** The data's names before `renamed`, by language code (empty if never renamed). */
  formerNames: Record<string, string>;
}

/** An entry of `Timeline.statusAt(state, date)`. */
export interface Standing {
  alliance: string;
  status: StatusName;
  /** A formal member's continuous membership began (else its status did). */
  since: string;
  /** The current status began; `note` and `source` are of that event. */
  standingSince: string;
  note: string;
  source: string;
}

/** An entry of `Timeline.changesBetween(from, to)` and `Timeline.history(state)`. */
export interface TimelineEvent {
  date: string;
  alliance: string;
  /** Null for an alliance's own events (founded, dissolved). */
  state: string | null;
  /** `joined`, `withdrew`, `suspended`, … */
  kind: string;
  precision: 'day' | 'month' | 'year';
  note: string;
  source: string;
  captionEn: string;
  captionAr: string;
  /** The data's caption by language code. */
  captions: Record<string, string>;
}
"#;

/// `PageStrings`: the keys of `data/lang/en.json`'s `page`, written by build.rs
/// (every language has them all: a key a pack lacks is English's).
#[wasm_bindgen(typescript_custom_section)]
const PAGE_STRINGS: &str = include_str!(concat!(env!("OUT_DIR"), "/page_strings.d.ts"));
