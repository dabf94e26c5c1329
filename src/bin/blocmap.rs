//! The native command line, from the same Rust code as the web map:
//!
//! ```text
//! blocmap render --date 1989-11-09 [--view world|arctic|europe] [--lang en|ar|ru|…] --out map.svg
//! blocmap members --alliance NATO --date 1999-03-12
//! ```
use blocmap::atlas::Atlas;
use blocmap::card::{self, CardText};
use blocmap::projection::View;
use blocmap::lang;
use blocmap::words;
use blocmap::Date;
use std::process::ExitCode;

const USAGE: &str = "usage:
  blocmap render --date YYYY-MM-DD [--view world|arctic|europe] [--lang en|ar|ru|…] --out map.svg
  blocmap members --alliance NATO|CSTO|WARSAW_PACT|SCO --date YYYY-MM-DD";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("blocmap: {e}");
            ExitCode::from(2)
        }
    }
}

/// The value after `--name`, if given.
fn flag<'a>(args: &'a [String], name: &str) -> Result<Option<&'a str>, String> {
    match args.iter().position(|a| a == name) {
        Some(i) => args.get(i + 1).map(|v| Some(v.as_str())).ok_or_else(|| format!("{name} needs a value\n{USAGE}")),
        None => Ok(None),
    }
}

fn run(args: &[String]) -> Result<(), String> {
    let date = || -> Result<Date, String> {
        let text = flag(args, "--date")?.ok_or_else(|| format!("--date is required\n{USAGE}"))?;
        Date::parse(text).map_err(|e| e.to_string())
    };
    match args.first().map(String::as_str) {
        Some("render") => {
            let date = date()?;
            let view = View::parse(flag(args, "--view")?.unwrap_or("world"))?;
            let code = flag(args, "--lang")?.unwrap_or("en");
            let lang = lang::get(code).map_err(|e| format!("--lang: {e}"))?;
            let english = lang::english();
            let out = flag(args, "--out")?.ok_or_else(|| format!("--out is required\n{USAGE}"))?;
            let mut text = CardText::default_for(&lang, &english);
            // The date in words, in the card's language ("9 November 1989", "٩ نوفمبر ١٩٨٩").
            let shown = words::date_words(date, &lang, lang.digits);
            text.date = &shown;
            let svg = card::render(&Atlas::builtin(), view, date, &text);
            std::fs::write(out, svg).map_err(|e| format!("cannot write {out}: {e}"))?;
            eprintln!("blocmap: wrote {out} ({} view, {shown}, {code})", view.as_str());
            Ok(())
        }
        Some("members") => {
            let alliance = flag(args, "--alliance")?.ok_or_else(|| format!("--alliance is required\n{USAGE}"))?;
            let atlas = Atlas::builtin();
            let members = atlas.timeline().members_at(alliance, date()?).map_err(|e| e.to_string())?;
            println!("{}", members.join(" "));
            Ok(())
        }
        _ => Err(USAGE.to_string()),
    }
}
