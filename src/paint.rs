//! How a unit's standing is painted: one CSS rule per alliance and status,
//! with hatch patterns for statuses that are not plain membership. The DOM
//! and the standalone SVG share these rules, so a date change only has to
//! update a path's `data-*` attributes.
//!
//! - `member`: solid alliance color.
//! - `outside_integrated_command`: solid, with light dots (still a member).
//! - `frozen`: dense horizontal lines over a pale tint (still a member).
//! - `inactive`: pale tint (still a member).
//! - `suspended`: sparse horizontal lines on neutral (not counted).
//! - `signatory`: diagonal hatch on neutral (not counted).
//! - `applicant`: thin opposite diagonal hatch on neutral (not counted).

use crate::timeline::{Alliance, AllianceKind, Status, Timeline, UnitView};

/// The attribute values a unit's path carries on a day.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct UnitAttrs<'a> {
    /// `data-state`: the owning state's code.
    pub state: &'a str,
    /// `data-alliance`: the alliance of formal membership, or "".
    pub alliance: &'a str,
    /// `data-standing`: the alliance of the strongest standing, or "".
    pub standing: &'a str,
    /// `data-status`: the strongest standing's status word, or "none".
    pub status: &'a str,
}

/// The attributes of a unit given its view.
pub fn attrs<'t>(timeline: &'t Timeline, view: &UnitView) -> UnitAttrs<'t> {
    let name = |a: Option<crate::timeline::AllianceIdx>| a.map_or("", |a| timeline.alliances()[a.0 as usize].id.as_str());
    UnitAttrs {
        state: timeline.state_code(view.state),
        alliance: name(view.alliance),
        standing: name(view.standing),
        status: view.status.map_or("none", Status::as_str),
    }
}

/// Pattern id for an alliance's status.
pub fn pattern_id(alliance: &str, status: Status) -> String {
    format!("bm-{}-{}", alliance, status.as_str())
}

/// A pale version of a `#rrggbb` color, mixed with white.
pub fn tint(color: &str, amount: f64) -> String {
    let hex = |i: usize| u8::from_str_radix(color.get(i..i + 2).unwrap_or("88"), 16).unwrap_or(0x88);
    let mix = |c: u8| (f64::from(c) + (255.0 - f64::from(c)) * amount).round() as u8;
    format!("#{:02x}{:02x}{:02x}", mix(hex(1)), mix(hex(3)), mix(hex(5)))
}

/// One `<pattern>`: its id, and its children as (element, attributes).
pub struct Pattern {
    pub id: String,
    /// Tile size in SVG units.
    pub size: u32,
    /// Tile rotation in degrees.
    pub rotate: i32,
    pub background: String,
    pub marks: Vec<(&'static str, Vec<(&'static str, String)>)>,
}

/// The patterns for every alliance that colors the map.
pub fn patterns(alliances: &[Alliance], neutral: &str) -> Vec<Pattern> {
    let mut out = vec![];
    for a in alliances.iter().filter(|a| a.kind == AllianceKind::Alliance) {
        let c = a.color.clone();
        // Widths are text: float formatting would cost the wasm 20 KB.
        let line = |w: &str, color: &str| ("rect", vec![("width", "8".into()), ("height", w.to_string()), ("fill", color.to_string())]);
        for status in Status::ALL {
            let (size, rotate, background, marks) = match status {
                Status::Member => continue,
                Status::OutsideIntegratedCommand => (6, 0, c.clone(), vec![("circle", vec![("cx", "3".into()), ("cy", "3".into()), ("r", "1.1".into()), ("fill", tint(&c, 0.75))])]),
                Status::Frozen => (4, 0, tint(&c, 0.6), vec![line("2", &c)]),
                Status::Inactive => (8, 0, tint(&c, 0.55), vec![]),
                Status::Suspended => (8, 0, neutral.to_string(), vec![line("2", &c)]),
                Status::Signatory => (6, 45, neutral.to_string(), vec![line("3", &c)]),
                Status::Applicant => (6, -45, neutral.to_string(), vec![line("1.5", &c)]),
            };
            out.push(Pattern { id: pattern_id(&a.id, status), size, rotate, background, marks });
        }
    }
    out
}

/// The CSS that paints units by their attributes (class `bm-u`).
pub fn css(alliances: &[Alliance]) -> String {
    let mut s = String::new();
    for a in alliances.iter().filter(|a| a.kind == AllianceKind::Alliance) {
        // Each rule strokes with its fill: adjacent units then meet without
        // the hairline seams of anti-aliasing.
        s.push_str(&format!(".bm-u[data-alliance=\"{id}\"]{{fill:var(--bm-{id},{c});stroke:var(--bm-{id},{c})}}", id = a.id, c = a.color));
        for status in Status::ALL.iter().skip(1) {
            let attr = if status.is_formal_member() { "data-alliance" } else { "data-standing" };
            s.push_str(&format!(
                ".bm-u[{attr}=\"{id}\"][data-status=\"{st}\"]{{fill:url(#{p});stroke:url(#{p})}}",
                id = a.id,
                st = status.as_str(),
                p = pattern_id(&a.id, *status)
            ));
        }
    }
    s
}

/// Patterns as SVG markup (for the standalone SVG).
pub fn patterns_markup(patterns: &[Pattern]) -> String {
    let mut s = String::from("<defs>");
    for p in patterns {
        s.push_str(&format!(
            "<pattern id=\"{}\" width=\"{s}\" height=\"{s}\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate({})\"><rect width=\"{s}\" height=\"{s}\" fill=\"{}\"/>",
            p.id, p.rotate, p.background, s = p.size
        ));
        for (tag, attrs) in &p.marks {
            s.push('<');
            s.push_str(tag);
            for (k, v) in attrs {
                s.push_str(&format!(" {k}=\"{v}\""));
            }
            s.push_str("/>");
        }
        s.push_str("</pattern>");
    }
    s.push_str("</defs>");
    s
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn tints_toward_white() {
        assert_eq!(tint("#000000", 0.5), "#808080");
        assert_eq!(tint("#ffffff", 0.3), "#ffffff");
    }

    #[test]
    fn css_has_a_rule_per_status_of_each_map_alliance() {
        let t = Timeline::builtin();
        let css = css(t.alliances());
        assert!(css.contains(".bm-u[data-alliance=\"NATO\"]{fill:var(--bm-NATO,"));
        assert!(css.contains("[data-standing=\"CSTO\"][data-status=\"suspended\"]{fill:url(#bm-CSTO-suspended);stroke:url(#bm-CSTO-suspended)}"));
        assert!(css.contains("[data-alliance=\"CSTO\"][data-status=\"frozen\"]{fill:url(#bm-CSTO-frozen);stroke:url(#bm-CSTO-frozen)}"));
        assert!(!css.contains("SCO"), "a context layer does not color the map");
        let p = patterns(t.alliances(), "#eee");
        assert_eq!(p.len(), 3 * 6);
    }
}
