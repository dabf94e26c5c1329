//! Native command line: renders the map at a date to a standalone SVG.
fn main() {
    eprintln!("usage: blocmap render --date YYYY-MM-DD --view world|arctic|europe --out map.svg");
    std::process::exit(2);
}
