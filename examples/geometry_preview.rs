//! Writes SVG previews of the built-in views: units grey, full mesh, markers.
//! `cargo run --example geometry_preview -- /tmp` → /tmp/world.svg, arctic.svg, europe.svg
use blocmap::projection::View;
use blocmap::render::Scene;
use blocmap::topology::Topology;

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| ".".into());
    let topo = Topology::builtin();
    for view in View::ALL {
        let (w, h) = (1200.0, 800.0);
        let scene = Scene::new(&topo, view, w, h);
        let mut s = format!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}"><rect width="100%" height="100%" fill="#fff"/>"##
        );
        s += &format!(
            r##"<path fill="#cfe3f3" stroke="#999" d="{}"/>"##,
            scene.outline
        );
        let east = ["DEU-E", "DEU-BE", "RUS", "UKR"];
        for (i, d) in scene.unit_paths.iter().enumerate() {
            let fill = if east.contains(&topo.units()[i].id.as_str()) {
                "#d99"
            } else {
                "#ccc"
            };
            s += &format!(r##"<path fill="{fill}" d="{d}"/>"##);
        }
        let all = topo.mesh(|_, _| true);
        s += &format!(
            r##"<path fill="none" stroke="#333" stroke-width="0.5" d="{}"/>"##,
            scene.mesh_path(&all)
        );
        for m in scene.markers.iter().flatten() {
            s += &format!(
                r##"<circle cx="{}" cy="{}" r="{}" fill="none" stroke="red"/>"##,
                m.0, m.1, m.2
            );
        }
        s += "</svg>";
        let total: usize = scene.unit_paths.iter().map(String::len).sum();
        eprintln!(
            "{view}: unit paths {total} bytes, mesh {} bytes, markers {}",
            scene.mesh_path(&all).len(),
            scene.markers.iter().flatten().count()
        );
        std::fs::write(format!("{dir}/{view}.svg"), s).unwrap();
    }
}
