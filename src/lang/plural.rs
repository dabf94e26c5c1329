//! CLDR plural rules for integers: `n % 100 = 3..10`, `n = 1 and n != 11`,
//! `n % 10 = 2..4 and n % 100 != 12..14`, `n = 0 or n % 100 = 2..19`.
//!
//! Operands: `n` and `i` are the number; `v`, `w`, `f`, `t`, `c`, `e` are 0
//! (integers have no visible fraction), so CLDR's own rules can be pasted as
//! they are. Anything from `@` on (CLDR's samples) is ignored.

/// The plural categories, in CLDR's order. `other` needs no rule.
pub const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

#[derive(Clone, Debug, PartialEq)]
struct Relation {
    /// `n % modulo` (0: no modulo).
    modulo: u64,
    /// `=` (true) or `!=` (false).
    equal: bool,
    /// Inclusive ranges; a single value is `a..a`.
    ranges: Vec<(u64, u64)>,
    /// Whether the operand is one of the fraction operands (always 0).
    zero: bool,
}

/// A parsed rule: `or` of `and`s of relations.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule(Vec<Vec<Relation>>);

impl Rule {
    /// Parses a rule such as `n % 10 = 1 and n % 100 != 11`.
    pub fn parse(text: &str) -> Result<Rule, String> {
        let text = text.split('@').next().unwrap_or("").trim();
        if text.is_empty() {
            return Err("empty rule".into());
        }
        let mut or = vec![];
        for conj in text.split(" or ") {
            let mut and = vec![];
            for rel in conj.split(" and ") {
                and.push(relation(rel.trim()).map_err(|e| format!("'{}': {e}", rel.trim()))?);
            }
            or.push(and);
        }
        Ok(Rule(or))
    }

    /// Whether `n` matches.
    pub fn matches(&self, n: u64) -> bool {
        self.0.iter().any(|and| {
            and.iter().all(|r| {
                let x = if r.zero { 0 } else if r.modulo > 0 { n % r.modulo } else { n };
                r.ranges.iter().any(|&(a, b)| a <= x && x <= b) == r.equal
            })
        })
    }
}

fn number(s: &str) -> Result<u64, String> {
    let s = s.trim();
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("'{s}' is not a whole number"));
    }
    s.parse().map_err(|_| format!("'{s}' is too large"))
}

fn relation(text: &str) -> Result<Relation, String> {
    let (lhs, rhs, equal) = if let Some((l, r)) = text.split_once("!=") {
        (l, r, false)
    } else if let Some((l, r)) = text.split_once('=') {
        (l, r, true)
    } else {
        return Err("expected '=' or '!='".into());
    };
    let (operand, modulo) = match lhs.split_once('%') {
        Some((o, m)) => (o.trim(), number(m)?),
        None => (lhs.trim(), 0),
    };
    if modulo == 0 && lhs.contains('%') {
        return Err("% 0 is undefined".into());
    }
    let zero = match operand {
        "n" | "i" => false,
        "v" | "w" | "f" | "t" | "c" | "e" => true,
        o => return Err(format!("unknown operand '{o}' (n, i, v, w, f, t, c, e)")),
    };
    let mut ranges = vec![];
    for item in rhs.split(',') {
        let range = match item.split_once("..") {
            Some((a, b)) => (number(a)?, number(b)?),
            None => {
                let v = number(item)?;
                (v, v)
            }
        };
        if range.0 > range.1 {
            return Err(format!("range {}..{} is empty", range.0, range.1));
        }
        ranges.push(range);
    }
    Ok(Relation { modulo, equal, ranges, zero })
}

/// Rules per category; the first that matches wins, else `other`.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Plural(Vec<(&'static str, Rule)>);

impl Plural {
    /// Rules from `(category, rule text)` pairs; `other` may not have a rule.
    pub fn new<'a>(rules: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Plural, String> {
        let mut given = vec![];
        for (cat, text) in rules {
            let Some(&c) = CATEGORIES[..5].iter().find(|&&c| c == cat) else {
                return Err(format!("unknown plural category '{cat}' (zero, one, two, few, many; other needs no rule)"));
            };
            given.push((c, Rule::parse(text).map_err(|e| format!("plural rule '{cat}': {e}"))?));
        }
        // CLDR's order, so that a pack's key order does not matter (picked,
        // not sorted: a sort of a new type costs the wasm kilobytes).
        let out = CATEGORIES.iter().filter_map(|c| given.iter().position(|(g, _)| g == c).map(|i| given[i].clone())).collect();
        Ok(Plural(out))
    }

    /// The category of `n`.
    pub fn category(&self, n: u64) -> &'static str {
        self.0.iter().find(|(_, r)| r.matches(n)).map_or("other", |(c, _)| c)
    }

    /// The categories that have rules, plus `other`.
    pub fn categories(&self) -> Vec<&'static str> {
        let mut v: Vec<&'static str> = self.0.iter().map(|(c, _)| *c).collect();
        v.push("other");
        v
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    const NUMBERS: [u64; 12] = [0, 1, 2, 3, 5, 11, 21, 22, 25, 100, 101, 111];

    fn cats(p: &Plural) -> Vec<&'static str> {
        NUMBERS.iter().map(|&n| p.category(n)).collect()
    }

    #[test]
    fn english() {
        let p = Plural::new([("one", "n = 1")]).unwrap();
        assert_eq!(
            cats(&p),
            ["other", "one", "other", "other", "other", "other", "other", "other", "other", "other", "other", "other"]
        );
    }

    #[test]
    fn arabic() {
        let p = Plural::new([
            ("zero", "n = 0"),
            ("one", "n = 1"),
            ("two", "n = 2"),
            ("few", "n % 100 = 3..10"),
            ("many", "n % 100 = 11..99"),
        ])
        .unwrap();
        assert_eq!(cats(&p), ["zero", "one", "two", "few", "few", "many", "many", "many", "many", "other", "other", "many"]);
        assert_eq!(p.category(103), "few");
    }

    #[test]
    fn russian_as_cldr_writes_it() {
        // Verbatim from CLDR, samples and fraction operands included; the key order is shuffled.
        let p = Plural::new([
            ("many", "v = 0 and i % 10 = 0 or v = 0 and i % 10 = 5..9 or v = 0 and i % 100 = 11..14 @integer 0, 5~19, 100"),
            ("one", "v = 0 and i % 10 = 1 and i % 100 != 11 @integer 1, 21, 31"),
            ("few", "v = 0 and i % 10 = 2..4 and i % 100 != 12..14 @integer 2~4, 22~24"),
        ])
        .unwrap();
        assert_eq!(cats(&p), ["many", "one", "few", "few", "many", "many", "one", "few", "many", "many", "one", "many"]);
        assert_eq!(p.categories(), ["one", "few", "many", "other"]);
    }

    #[test]
    fn lists_and_or() {
        let r = Rule::parse("n = 0,2,5..7 or n % 10 = 9").unwrap();
        let hits: Vec<u64> = (0..20).filter(|&n| r.matches(n)).collect();
        assert_eq!(hits, [0, 2, 5, 6, 7, 9, 19]);
    }

    #[test]
    fn bad_rules_are_errors() {
        let e = |c: &str, r: &str| Plural::new([(c, r)]).unwrap_err();
        assert_eq!(e("one", "n == 1"), "plural rule 'one': 'n == 1': '= 1' is not a whole number");
        assert_eq!(e("one", "x = 1"), "plural rule 'one': 'x = 1': unknown operand 'x' (n, i, v, w, f, t, c, e)");
        assert_eq!(e("one", "n % 0 = 1"), "plural rule 'one': 'n % 0 = 1': % 0 is undefined");
        assert_eq!(e("one", "n = 5..2"), "plural rule 'one': 'n = 5..2': range 5..2 is empty");
        assert_eq!(e("one", "n > 1"), "plural rule 'one': 'n > 1': expected '=' or '!='");
        assert_eq!(e("one", ""), "plural rule 'one': empty rule");
        assert_eq!(e("several", "n = 1"), "unknown plural category 'several' (zero, one, two, few, many; other needs no rule)");
        assert_eq!(e("other", "n = 1"), "unknown plural category 'other' (zero, one, two, few, many; other needs no rule)");
    }
}
