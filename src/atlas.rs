//! The join of the timeline and the topology: which state owns each map unit
//! on a day, what it shows, and which borders exist that day.
//!
//! Units are resolved against the timeline once; a date query then costs one
//! binary search per unit and allocates only the output.

use crate::date::Date;
use crate::timeline::{Timeline, UnitKey, UnitView};
use crate::topology::Topology;

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

    /// Arcs to stroke on a day, given that day's views: every coast, and each
    /// border between units of different states (a mesh, as topojson's).
    pub fn borders(&self, views: &[UnitView]) -> Vec<usize> {
        self.topology.mesh(|a, b| match b {
            Some(b) => views[a].state != views[b].state,
            None => true,
        })
    }

    /// Arcs between units of the same state that day: the internal borders a
    /// map may draw faintly (the Soviet republics, say).
    pub fn inner_borders(&self, views: &[UnitView]) -> Vec<usize> {
        self.topology.mesh(|a, b| matches!(b, Some(b) if views[a].state == views[b].state))
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
