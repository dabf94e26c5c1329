//! The join of the timeline and the topology: which state owns each map unit
//! on a day, what it shows, and which borders exist that day.
//!
//! Units are resolved against the timeline once; a date query then costs one
//! binary search per unit and allocates only the output.

use crate::date::Date;
use crate::timeline::{StateIdx, Timeline, UnitKey, UnitView};
use crate::topology::Topology;

/// A day a map may show: from the timeline's first day to `today` (the
/// viewer's), or an error saying which end it is beyond. The map shows what
/// has happened: a later day would present today's alliances as a fact of
/// that day. The timeline's own queries take any day.
pub fn shown_day(t: &Timeline, date: Date, today: Date) -> Result<Date, String> {
    let first = t.first_date();
    if date > today {
        Err(format!("{date} is after today ({today}): the map shows what has happened"))
    } else if date < first {
        Err(format!("{date} is before the map's first day ({first})"))
    } else {
        Ok(date)
    }
}

/// A topology whose units are all known to a timeline.
pub struct Atlas {
    timeline: Timeline,
    topology: Topology,
    keys: Vec<UnitKey>,
}

impl Atlas {
    /// Joins the two; every unit of the topology must be known to the
    /// timeline (listed in its territories or named like one of its states).
    pub fn new(timeline: Timeline, topology: Topology) -> Result<Atlas, String> {
        let mut keys = Vec::with_capacity(topology.units().len());
        let mut unknown = vec![];
        for unit in topology.units() {
            match timeline.unit_key(&unit.id) {
                Some(k) => keys.push(k),
                None => unknown.push(unit.id.as_str()),
            }
        }
        if !unknown.is_empty() {
            let shown: Vec<&str> = unknown.iter().take(8).copied().collect();
            return Err(format!(
                "the map has {} territor{} that the timeline does not know: {}{} (give each feature the code of a state in the timeline, or add it to the timeline's territories)",
                unknown.len(),
                if unknown.len() == 1 { "y" } else { "ies" },
                shown.join(", "),
                if unknown.len() > shown.len() { ", …" } else { "" }
            ));
        }
        Ok(Atlas { timeline, topology, keys })
    }

    /// The built-in timeline on the built-in map.
    pub fn builtin() -> Atlas {
        Atlas::new(Timeline::builtin(), Topology::builtin()).expect("built-in data are consistent (tested)")
    }

    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    pub fn topology(&self) -> &Topology {
        &self.topology
    }

    /// What each unit shows on `date`, in topology order.
    pub fn views_at(&self, date: Date) -> Vec<UnitView> {
        self.keys.iter().map(|&k| self.timeline.unit_view(k, date)).collect()
    }

    /// Which units show their marker on a day in a scene, given that day's
    /// views. A unit too small to see or click has a marker in the scene; it
    /// keeps it unless its state that day also has a unit drawn at a visible
    /// size: Luxembourg keeps its ring, while Berlin, a unit of its own for
    /// the four-power years, loses it once it is part of Germany (Germany's
    /// shape shows it).
    pub fn markers_shown(views: &[UnitView], scene: &crate::render::Scene) -> Vec<bool> {
        let states = views.iter().map(|v| usize::from(v.state.0) + 1).max().unwrap_or(0);
        let mut has_visible = vec![false; states];
        for (i, v) in views.iter().enumerate() {
            if scene.markers[i].is_none() && !scene.unit_paths[i].is_empty() {
                has_visible[usize::from(v.state.0)] = true;
            }
        }
        views.iter().enumerate().map(|(i, v)| scene.markers[i].is_some() && !has_visible[usize::from(v.state.0)]).collect()
    }

    /// Arcs to stroke on a day, given that day's views: every coast, and each
    /// border between units of different states (a mesh, as topojson's).
    pub fn borders(&self, views: &[UnitView]) -> Vec<usize> {
        self.topology.mesh(|a, b| match b {
            Some(b) => views[a].state != views[b].state,
            None => true,
        })
    }
}

/// The arcs of the map sorted by how their stroke can change over time.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArcKinds {
    /// Coasts and borders whose two sides never belong to one state: always
    /// drawn as borders.
    pub borders: Vec<usize>,
    /// Arcs whose sides always belong to one state: never drawn.
    pub inner: Vec<usize>,
    /// Arcs whose sides are one state on some days and two on others (the
    /// Soviet republics, the two Germanys…): the only strokes a date can change.
    pub contested: Vec<usize>,
    /// The contested arcs grouped by when they are borders: the arcs of one
    /// group are borders on exactly the same days (all the inner-Soviet
    /// arcs of one republic, say), so one path can draw a group and a date
    /// change toggles a few groups instead of many arcs.
    pub groups: Vec<Vec<usize>>,
}

impl Atlas {
    /// Sorts every arc by whether its sides' states ever change relation,
    /// checking the map's first day and every day on which a unit changes owner.
    pub fn arc_kinds(&self) -> ArcKinds {
        let sides = self.topology.arc_sides();
        // Bit 1: the sides were seen as one state; bit 2: as two.
        let mut seen = vec![0u8; sides.len()];
        // Per arc, the days (as indices into `dates`) on which it is a border.
        let mut when: Vec<Vec<u16>> = vec![vec![]; sides.len()];
        let first = self.timeline.first_date();
        let dates = std::iter::once(first).chain(self.timeline.owner_dates().into_iter().filter(|d| *d > first));
        for (i, date) in dates.enumerate() {
            let owners: Vec<StateIdx> = self.keys.iter().map(|&k| self.timeline.owner_of(k, date)).collect();
            for (arc, &(a, b)) in sides.iter().enumerate() {
                let inner = matches!(b, Some(b) if owners[a] == owners[b]);
                seen[arc] |= if inner { 1 } else { 2 };
                if !inner {
                    when[arc].push(i as u16);
                }
            }
        }
        let mut kinds = ArcKinds::default();
        let mut signatures: Vec<&[u16]> = vec![];
        for (arc, bits) in seen.into_iter().enumerate() {
            match bits {
                1 => kinds.inner.push(arc),
                3 => {
                    kinds.contested.push(arc);
                    match signatures.iter().position(|s| *s == when[arc].as_slice()) {
                        Some(g) => kinds.groups[g].push(arc),
                        None => {
                            signatures.push(&when[arc]);
                            kinds.groups.push(vec![arc]);
                        }
                    }
                }
                _ => kinds.borders.push(arc),
            }
        }
        kinds
    }

    /// The outline of one state on a day: its coasts and the arcs between
    /// its units and anyone else's, without its inner arcs.
    pub fn outline(&self, state: StateIdx, views: &[UnitView]) -> Vec<usize> {
        self.topology.mesh(|a, b| {
            let in_a = views[a].state == state;
            match b {
                Some(b) => in_a != (views[b].state == state),
                None => in_a,
            }
        })
    }

    /// Whether a contested arc is a border (its sides are two states) in `views`.
    pub fn is_border(&self, arc: usize, views: &[UnitView]) -> bool {
        match self.topology.arc_sides()[arc] {
            (a, Some(b)) => views[a].state != views[b].state,
            _ => true,
        }
    }
}

/// Indices of the units whose view differs between two days' views.
pub fn changed(before: &[UnitView], after: &[UnitView]) -> Vec<usize> {
    before.iter().zip(after).enumerate().filter(|(_, (a, b))| a != b).map(|(i, _)| i).collect()
}

/// Whether any unit changed owner between two days' views (the mesh changes).
pub fn owners_changed(before: &[UnitView], after: &[UnitView]) -> bool {
    before.iter().zip(after).any(|(a, b)| a.state != b.state)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn a_map_shows_days_from_the_first_to_today() {
        let t = Timeline::builtin();
        let today = day("2026-11-29");
        for ok in ["1949-04-04", "1999-03-12", "2026-11-29"] {
            assert_eq!(shown_day(&t, day(ok), today), Ok(day(ok)));
        }
        assert_eq!(shown_day(&t, day("2100-01-01"), today), Err("2100-01-01 is after today (2026-11-29): the map shows what has happened".into()));
        assert_eq!(shown_day(&t, day("2026-11-30"), today), Err("2026-11-30 is after today (2026-11-29): the map shows what has happened".into()));
        assert_eq!(shown_day(&t, day("1949-04-03"), today), Err("1949-04-03 is before the map's first day (1949-04-04)".into()));
    }

    fn shares_border(atlas: &Atlas, date: &str, a: &str, b: &str) -> bool {
        let views = atlas.views_at(day(date));
        let (ia, ib) = (atlas.topology.unit_index(a).unwrap(), atlas.topology.unit_index(b).unwrap());
        let sides = atlas.topology.arc_sides();
        atlas.borders(&views).iter().any(|&arc| {
            let (x, y) = sides[arc];
            (x == ia && y == Some(ib)) || (x == ib && y == Some(ia))
        })
    }

    #[test]
    fn builtin_units_are_all_known() {
        let atlas = Atlas::builtin();
        assert_eq!(atlas.keys.len(), atlas.topology.units().len());
    }

    #[test]
    fn borders_follow_succession() {
        let atlas = Atlas::builtin();
        assert!(!shares_border(&atlas, "1985-01-01", "RUS", "UKR"), "no Russia-Ukraine border inside the USSR");
        assert!(shares_border(&atlas, "1995-01-01", "RUS", "UKR"));
        assert!(shares_border(&atlas, "1960-01-01", "DEU", "DEU-E"), "the inner-German border in 1960");
        assert!(!shares_border(&atlas, "1991-01-01", "DEU", "DEU-E"));
        assert!(!shares_border(&atlas, "1992-01-01", "CZE", "SVK"));
        assert!(shares_border(&atlas, "1993-01-01", "CZE", "SVK"));
        assert!(shares_border(&atlas, "1995-01-01", "POL", "DEU-E"), "coasts and outer borders stay");
    }

    #[test]
    fn only_arcs_inside_historical_states_are_contested() {
        let atlas = Atlas::builtin();
        let kinds = atlas.arc_kinds();
        let total = kinds.borders.len() + kinds.inner.len() + kinds.contested.len();
        assert_eq!(total, atlas.topology.arc_count());
        let name = |arc: usize| {
            let (a, b) = atlas.topology.arc_sides()[arc];
            let id = |u: usize| atlas.topology.units()[u].id.as_str();
            (id(a), b.map(id))
        };
        let contested: Vec<_> = kinds.contested.iter().map(|&a| name(a)).collect();
        let has = |x: &str, y: &str| contested.iter().any(|&(a, b)| (a == x && b == Some(y)) || (a == y && b == Some(x)));
        assert!(has("RUS", "UKR") && has("DEU", "DEU-E") && has("CZE", "SVK") && has("SRB", "XKX"), "{contested:?}");
        assert!(!has("FRA", "ESP") && !has("POL", "DEU-E"));
        // A date's mesh is the static borders plus the contested arcs that are borders that day.
        for day in ["1960-01-01", "1991-10-01", "2007-01-01"] {
            let views = atlas.views_at(Date::parse(day).unwrap());
            let mut mesh: Vec<usize> = kinds.borders.iter().copied()
                .chain(kinds.contested.iter().copied().filter(|&a| atlas.is_border(a, &views)))
                .collect();
            mesh.sort_unstable();
            assert_eq!(mesh, atlas.borders(&views), "{day}");
        }
    }

    #[test]
    fn berlin_loses_its_marker_in_unified_germany_and_luxembourg_keeps_its() {
        let atlas = Atlas::builtin();
        let view = crate::projection::View::World;
        let (w, h) = view.size();
        let scene = crate::render::Scene::new(atlas.topology(), view, f64::from(w), f64::from(h));
        let unit = |id: &str| atlas.topology().unit_index(id).unwrap();
        let (berlin, lux) = (unit("DEU-BE"), unit("LUX"));
        assert!(scene.markers[berlin].is_some() && scene.markers[lux].is_some(), "both are too small to see in the world view");
        for (day, berlin_shown) in [("1960-01-01", true), ("1990-10-02", true), ("1990-10-03", false), ("2024-01-01", false)] {
            let shown = Atlas::markers_shown(&atlas.views_at(Date::parse(day).unwrap()), &scene);
            assert_eq!(shown[berlin], berlin_shown, "Berlin on {day}");
            assert!(shown[lux], "Luxembourg on {day}");
        }
    }

    #[test]
    fn the_arcs_of_a_group_are_borders_on_the_same_days() {
        let atlas = Atlas::builtin();
        let kinds = atlas.arc_kinds();
        let mut grouped: Vec<usize> = kinds.groups.iter().flatten().copied().collect();
        grouped.sort_unstable();
        assert_eq!(grouped, kinds.contested, "each contested arc is in exactly one group");
        assert!(kinds.groups.len() * 3 < kinds.contested.len(), "{} groups for {} arcs", kinds.groups.len(), kinds.contested.len());
        let mut dates = atlas.timeline.event_dates();
        dates.extend(["1955-01-01", "1991-09-01", "1992-06-01", "2004-01-01"].map(day));
        for date in dates {
            let views = atlas.views_at(date);
            for g in &kinds.groups {
                let first = atlas.is_border(g[0], &views);
                assert!(g.iter().all(|&a| atlas.is_border(a, &views) == first), "{date}: a group is split");
            }
        }
        // Russia-Ukraine and Russia-Belarus part on the same day; Germany's
        // inner border does not follow the Soviet ones.
        let arc = |x: &str, y: &str| {
            let (ix, iy) = (atlas.topology.unit_index(x).unwrap(), atlas.topology.unit_index(y).unwrap());
            atlas.topology.arc_sides().iter().position(|&s| s == (ix, Some(iy)) || s == (iy, Some(ix))).unwrap()
        };
        let group = |a: usize| kinds.groups.iter().position(|g| g.contains(&a)).unwrap();
        assert_ne!(group(arc("RUS", "UKR")), group(arc("DEU", "DEU-E")));
    }

    #[test]
    fn a_states_outline_leaves_out_its_inner_arcs() {
        let atlas = Atlas::builtin();
        let views = atlas.views_at(day("1985-01-01"));
        let sun = atlas.timeline.state("SUN").unwrap();
        let outline = atlas.outline(sun, &views);
        let sides = atlas.topology.arc_sides();
        let (rus, ukr, pol) = ["RUS", "UKR", "POL"].map(|u| atlas.topology.unit_index(u).unwrap()).into();
        let touches = |x: usize, y: usize| outline.iter().any(|&a| sides[a] == (x, Some(y)) || sides[a] == (y, Some(x)));
        assert!(!touches(rus, ukr), "no line between two Soviet republics");
        assert!(touches(ukr, pol), "the Soviet-Polish border is part of the outline");
        assert!(outline.iter().all(|&a| { let (x, y) = sides[a]; views[x].state == sun || y.is_some_and(|y| views[y].state == sun) }));
    }

    #[test]
    fn changed_lists_only_differences() {
        let atlas = Atlas::builtin();
        let (a, b) = (atlas.views_at(day("1999-03-11")), atlas.views_at(day("1999-03-12")));
        let ids: Vec<&str> = changed(&a, &b).into_iter().map(|i| atlas.topology.units()[i].id.as_str()).collect();
        assert_eq!(ids.iter().filter(|i| ["POL", "CZE", "HUN"].contains(i)).count(), 3, "{ids:?}");
        assert!(!owners_changed(&a, &b));
        assert!(owners_changed(&atlas.views_at(day("1990-10-02")), &atlas.views_at(day("1990-10-03"))));
    }

    #[test]
    fn unknown_units_are_named() {
        let topo = Topology::from_geojson(
            r#"{"type":"FeatureCollection","features":[{"type":"Feature","id":"ZZZ","properties":{},
            "geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}}]}"#,
        )
        .unwrap();
        let err = Atlas::new(Timeline::builtin(), topo).err().unwrap();
        assert!(err.contains("ZZZ"), "{err}");
    }
}
