//! The data a reader downloads besides the map: every event as CSV (date,
//! alliance, state, event, precision, a caption per known language — empty
//! where neither the data nor the pack has one —, note, sources).
//!
//! `BlocMap.eventsCsv()` gives it from the map's own timeline; `cargo xtask
//! build` writes the built-in one beside the demo site (`events.csv`), whose
//! wasm carries no notes.
use crate::lang;
use crate::timeline::Timeline;
use crate::words;

/// The events of `t` as CSV, one line per event, in the timeline's order.
pub fn events_csv(t: &Timeline) -> String {
    let langs = lang::all();
    let mut out = String::from("date,alliance,state,event,precision");
    for l in &langs {
        out.push_str(",caption_");
        out.push_str(&l.code);
    }
    out.push_str(",note,source\n");
    for e in t.events() {
        let mut row = vec![e.date.to_string(), e.alliance.clone(), e.state.clone().unwrap_or_default(), e.kind.clone(), e.precision.clone()];
        row.extend(langs.iter().map(|l| words::caption_in(e, l).unwrap_or("").to_string()));
        row.extend([e.note.clone(), e.source.clone()]);
        out.push_str(&row.iter().map(|f| field(f)).collect::<Vec<_>>().join(","));
        out.push('\n');
    }
    out
}

/// A CSV field, quoted when it holds a comma, a quote or a line end.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::{CsvFiles, TimelineDoc};

    #[test]
    fn the_csv_reads_back_with_every_event_and_its_captions() {
        let t = Timeline::builtin();
        let csv = events_csv(&t);
        let header = csv.lines().next().unwrap();
        assert!(header.starts_with("date,alliance,state,event,precision,caption_ar,caption_en,") && header.ends_with(",note,source"), "{header}");
        // The crate's own strict reader takes it back as an events file
        // (its columns in another order, the captions as language columns).
        let files = CsvFiles { events: &csv, ..crate::timeline::BUILTIN_CSV };
        let doc = TimelineDoc::from_csv(&files).unwrap();
        assert_eq!(doc.events.len(), t.events().len());
        let nato = &doc.events[0];
        assert_eq!((nato.alliance.as_str(), nato.event.as_str(), nato.date.to_string().as_str()), ("NATO", "signed", "1949-04-04"));
        assert!(nato.source.contains("nato.int"));
        assert_eq!(nato.texts.get("caption_ar").map(String::as_str), Some("توقيع معاهدة شمال الأطلسي في واشنطن"));
        assert_eq!(!nato.note.is_empty(), cfg!(feature = "notes"));
    }

    #[test]
    fn fields_with_commas_quotes_or_line_ends_are_quoted() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"no\""), "\"say \"\"no\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
    }
}
