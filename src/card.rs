//! A standalone SVG document of the map on a day — title, date, legend with
//! member counts of the alliances that exist that day and a source line — for static fallbacks, social-media cards
//! and the widget's SVG export. Pure: no DOM. All text from data is escaped.

use crate::atlas::Atlas;
use crate::date::Date;
use crate::paint;
use crate::projection::View;
use crate::render::Scene;
use crate::lang::Language;
use crate::timeline::AllianceKind;
use crate::words::{alliance_name_at, numerals, Digits};
use std::fmt::Write;

const HEADER: f64 = 56.0;
const FOOTER: f64 = 100.0;

/// Words of the card in one language.
pub struct CardText<'a> {
    /// The language: its code, direction and names of the alliances.
    pub lang: &'a Language,
    /// Digits of the counts in the legend.
    pub digits: Digits,
    pub title: &'a str,
    pub date: &'a str,
    pub source: &'a str,
}

impl<'a> CardText<'a> {
    /// The pack's card title and source line (English's where the pack has
    /// none) and its digits; `date` must be set by the caller.
    pub fn default_for(lang: &'a Language, english: &'a Language) -> CardText<'a> {
        let pick = |own: &'a Option<String>, en: &'a Option<String>| own.as_deref().or(en.as_deref()).unwrap_or("");
        CardText {
            lang,
            digits: lang.digits,
            title: pick(&lang.card_title, &english.card_title),
            date: "",
            source: pick(&lang.card_source, &english.card_source),
        }
    }
}

/// Escapes text for XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => s.push_str("&amp;"),
            '<' => s.push_str("&lt;"),
            '>' => s.push_str("&gt;"),
            '"' => s.push_str("&quot;"),
            '\'' => s.push_str("&#39;"),
            c => s.push(c),
        }
    }
    s
}

/// The whole SVG document of `atlas` on `date` in `view`.
pub fn render(atlas: &Atlas, view: View, date: Date, text: &CardText) -> String {
    let (map_w, map_h) = view.size();
    let (map_w, map_h) = (f64::from(map_w), f64::from(map_h));
    let scene = Scene::new(atlas.topology(), view, map_w, map_h);
    let views = atlas.views_at(date);
    let timeline = atlas.timeline();
    let rtl = text.lang.rtl;
    let (w, h) = (map_w, map_h + HEADER + FOOTER);
    let mut s = String::with_capacity(400_000);
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" lang=\"{}\" font-family=\"system-ui, 'Noto Sans', 'Noto Naskh Arabic', 'DejaVu Sans', Arial, sans-serif\">",
        escape(&text.lang.code)
    );
    let _ = write!(s, "<title>{} — {}</title>", escape(text.title), escape(text.date));
    s.push_str(&paint::patterns_markup(&paint::patterns(timeline.alliances(), "#e4e4e0")));
    let _ = write!(
        s,
        "<style>.bm-u{{fill:#e4e4e0;stroke:#e4e4e0;stroke-width:.5;stroke-linejoin:round}}.bm-borders{{fill:none;stroke:#fff;stroke-width:.6;stroke-linejoin:round}}{}.bm-u.bm-marker{{stroke:#fff;stroke-width:.6}}</style>",
        paint::css(timeline.alliances())
    );
    let _ = write!(s, "<rect width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>");
    // Right-to-left text starts at its right end: `start` with direction rtl.
    let (x0, anchor) = if rtl { (w - 16.0, "start\" direction=\"rtl") } else { (16.0, "start") };
    let _ = write!(
        s,
        "<text x=\"{x0}\" y=\"36\" font-size=\"24\" font-weight=\"700\" text-anchor=\"{anchor}\" fill=\"#1b1b1b\">{}{} {}</text>",
        escape(text.title),
        // A middle dot beside Arabic digits reads as a zero (٠): Arabic takes a comma.
        if rtl { "،" } else { " ·" },
        escape(text.date)
    );
    let _ = write!(
        s,
        "<clipPath id=\"bm-card-clip\"><rect width=\"{map_w}\" height=\"{map_h}\"/></clipPath><g transform=\"translate(0 {HEADER})\" clip-path=\"url(#bm-card-clip)\">"
    );
    if !scene.outline.is_empty() {
        let _ = write!(s, "<path d=\"{}\" fill=\"#f4f7fa\"/>", scene.outline);
    }
    s.push_str("<g class=\"bm-units\">");
    for (i, unit) in atlas.topology().units().iter().enumerate() {
        if scene.unit_paths[i].is_empty() {
            continue;
        }
        unit_element(&mut s, "path", "bm-u", &format!("d=\"{}\"", scene.unit_paths[i]), &unit.id, &paint::attrs(timeline, &views[i]));
    }
    s.push_str("</g>");
    let _ = write!(s, "<path class=\"bm-borders\" d=\"{}\"/>", scene.mesh_path(&atlas.borders(&views)));
    let shown = Atlas::markers_shown(&views, &scene);
    for (i, unit) in atlas.topology().units().iter().enumerate() {
        if let (Some((cx, cy, r)), true) = (scene.markers[i], shown[i]) {
            let a = paint::attrs(timeline, &views[i]);
            if a.status != "none" {
                unit_element(&mut s, "circle", "bm-u bm-marker", &format!("cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"{r:.1}\""), &unit.id, &a);
            }
        }
    }
    s.push_str("</g>");
    // Legend: one entry per map alliance that exists that day (none for
    // the Warsaw Pact after its dissolution), with its member count.
    let mut y = HEADER + map_h + 22.0;
    let mut x = if rtl { w - 16.0 } else { 16.0 };
    for a in timeline.alliances().iter().filter(|a| a.kind == AllianceKind::Alliance && timeline.is_active(&a.id, date)) {
        let count = timeline.members_at(&a.id, date).map(|m| m.len()).unwrap_or(0);
        // The name of the day: the Collective Security Treaty before 2002-10-07.
        let name = alliance_name_at(a, date, text.lang);
        let label = numerals(&format!("{name} ({count})"), text.digits);
        let width = 28.0 + label.chars().count() as f64 * 7.2;
        let room = if rtl { x - 16.0 } else { w - 16.0 - x };
        if width > room && x != x0 {
            x = x0;
            y += 20.0;
        }
        let (sx, tx) = if rtl { (x - 14.0, x - 20.0) } else { (x, x + 20.0) };
        let _ = write!(
            s,
            "<rect x=\"{sx:.1}\" y=\"{:.1}\" width=\"14\" height=\"14\" rx=\"2\" fill=\"{}\"/><text x=\"{tx:.1}\" y=\"{y:.1}\" font-size=\"13\" text-anchor=\"{anchor}\" fill=\"#1b1b1b\">{}</text>",
            y - 11.0,
            escape(&a.color),
            escape(&label)
        );
        x += if rtl { -width } else { width };
    }
    let _ = write!(
        s,
        "<text x=\"{x0}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"{anchor}\" fill=\"#5a5a5a\">{}</text></svg>",
        h - 10.0,
        escape(text.source)
    );
    s
}

fn unit_element(s: &mut String, tag: &str, class: &str, geometry: &str, id: &str, a: &paint::UnitAttrs) {
    let _ = write!(
        s,
        "<{tag} class=\"{class}\" {geometry} data-unit=\"{}\" data-state=\"{}\" data-alliance=\"{}\" data-standing=\"{}\" data-status=\"{}\"/>",
        escape(id),
        escape(a.state),
        escape(a.alliance),
        escape(a.standing),
        a.status
    );
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn card(date: &str, view: View, lang: &str) -> String {
        let atlas = Atlas::builtin();
        let (lang, en) = (crate::lang::get(lang).unwrap(), crate::lang::english());
        let mut text = CardText::default_for(&lang, &en);
        text.date = date;
        render(&atlas, view, Date::parse(date).unwrap(), &text)
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(escape("a<b & \"c\"'"), "a&lt;b &amp; &quot;c&quot;&#39;");
    }

    #[test]
    fn card_has_units_legend_and_title() {
        let s = card("1989-11-09", View::Europe, "en");
        assert!(s.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(s.contains("data-unit=\"DEU-E\" data-state=\"DDR\" data-alliance=\"WARSAW_PACT\""));
        assert!(s.contains("data-unit=\"POL\" data-state=\"POL\" data-alliance=\"WARSAW_PACT\""));
        assert!(s.contains("NATO, the Warsaw Pact and the CSTO · 1989-11-09"));
        assert!(s.contains("(16)"), "NATO had 16 members in 1989");
        assert!(s.ends_with("</svg>"));
    }

    #[test]
    fn the_legend_names_each_alliance_as_it_was_named_that_day() {
        let s = card("1995-01-01", View::World, "en");
        assert!(s.contains(">Collective Security Treaty (CST) (9)<"), "the CST before its 2002 Charter");
        assert!(!s.contains("(CSTO)"));
        let s = card("2010-01-01", View::World, "en");
        assert!(s.contains(">Collective Security Treaty Organization (CSTO) (7)<"));
        let s = card("1995-01-01", View::World, "ru");
        assert!(s.contains(">Договор о коллективной безопасности (ДКБ) (9)<"));
    }

    #[test]
    fn the_legend_leaves_out_alliances_that_do_not_exist_that_day() {
        let s = card("1966-07-01", View::Europe, "en");
        assert!(s.contains(">North Atlantic Treaty Organization (NATO) (15)<") && s.contains(">Warsaw Pact (Warsaw Treaty Organization) (8)<"));
        assert!(!s.contains(">Collective Security"), "the CST was signed in 1992");
        let s = card("1999-03-12", View::Europe, "en");
        assert!(s.contains(">Collective Security Treaty (CST) (9)<"));
        assert!(!s.contains(">Warsaw Pact ("), "dissolved in 1991");
        assert!(card("1991-06-30", View::Europe, "en").contains(">Warsaw Pact (Warsaw Treaty Organization) (6)<"));
        assert!(!card("1991-07-01", View::Europe, "en").contains(">Warsaw Pact ("), "dissolved that day");
    }

    #[test]
    fn arabic_card_is_right_to_left() {
        let s = card("2024-03-07", View::World, "ar");
        assert!(s.contains("direction=\"rtl\""));
        assert!(s.contains("text-anchor=\"start\" direction=\"rtl\""));
        assert!(s.contains("حلف"));
    }

    #[test]
    fn russian_card_names_the_alliances_from_the_pack() {
        let s = card("1989-11-09", View::Europe, "ru");
        assert!(s.contains("lang=\"ru\""));
        assert!(s.contains(">Организация Североатлантического договора (НАТО) (16)<"));
        assert!(!s.contains("direction=\"rtl\""));
    }
}
