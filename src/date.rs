//! Calendar days: a proleptic Gregorian date stored as days since 1970-01-01.
//!
//! The type knows nothing about alliances or maps. It parses only the strict
//! `YYYY-MM-DD` form (four-digit year), so `1999-02-30`, `yesterday` or
//! `19999-01-01` are errors with a message a graphics editor can act on.

use std::fmt;

/// A calendar day. Ordering is chronological.
#[derive(Copy, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct Date(i32);

/// Why a text is not a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError {
    input: String,
    reason: &'static str,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "'{}' is not a date: {} (expected YYYY-MM-DD, e.g. 1999-03-12)", self.input, self.reason)
    }
}

impl std::error::Error for DateError {}

/// Smallest and largest year accepted (four digits).
pub const MIN_YEAR: i32 = 1;
pub const MAX_YEAR: i32 = 9999;

impl Date {
    /// The date from its day count since 1970-01-01.
    pub const fn from_days(days: i32) -> Date {
        Date(days)
    }

    /// Days since 1970-01-01 (negative before).
    pub const fn days(self) -> i32 {
        self.0
    }

    /// Builds a date, checking the month and the day of the month.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Result<Date, &'static str> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return Err("the year must have four digits (0001-9999)");
        }
        if !(1..=12).contains(&month) {
            return Err("the month must be 01 to 12");
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err("that month has no such day");
        }
        Ok(Date(days_from_civil(year, month, day)))
    }

    /// Parses a strict `YYYY-MM-DD` date.
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let err = |reason| DateError { input: text.chars().take(40).collect(), reason };
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(err("wrong shape"));
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let mut n = 0u32;
            for &c in &b[r] {
                if !c.is_ascii_digit() {
                    return None;
                }
                n = n * 10 + u32::from(c - b'0');
            }
            Some(n)
        };
        let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
            return Err(err("only digits are allowed between the dashes"));
        };
        Date::from_ymd(y as i32, m, d).map_err(err)
    }

    /// Year, month (1-12) and day (1-31).
    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.0)
    }

    pub fn year(self) -> i32 {
        self.ymd().0
    }

    /// The day after.
    pub fn succ(self) -> Date {
        Date(self.0 + 1)
    }

    /// The day before.
    pub fn pred(self) -> Date {
        Date(self.0 - 1)
    }

    /// This date moved by `n` days (negative moves back).
    pub fn add_days(self, n: i32) -> Date {
        Date(self.0.saturating_add(n))
    }

    /// Same day and month `n` years later (29 February becomes 28 February).
    pub fn add_years(self, n: i32) -> Date {
        let (y, m, d) = self.ymd();
        let y = (y + n).clamp(MIN_YEAR, MAX_YEAR);
        let d = d.min(days_in_month(y, m));
        Date(days_from_civil(y, m, d))
    }

    /// Day of the week, 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        (self.0 + 3).rem_euclid(7) as u32
    }
}

/// How exact a date is: the sources give the day, or only its month, or only
/// its year (a day is still stored: the one chosen, see `data/README.md`).
/// Ordered from the most exact: `Day < Month < Year`.
#[derive(Copy, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Default)]
pub enum Precision {
    /// The day is known.
    #[default]
    Day,
    /// Only the month is known.
    Month,
    /// Only the year is known.
    Year,
}

impl Precision {
    /// `day`, `month` or `year`; anything else is `None`.
    pub fn parse(text: &str) -> Option<Precision> {
        match text {
            "day" => Some(Precision::Day),
            "month" => Some(Precision::Month),
            "year" => Some(Precision::Year),
            _ => None,
        }
    }

    /// `day`, `month` or `year`, what [`Precision::parse`] reads.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl std::str::FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Date, DateError> {
        Date::parse(s)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Date::parse(&s).map_err(serde::de::Error::custom)
    }
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

// Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms).
fn days_from_civil(y: i32, m: u32, d: u32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy as i32;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i32) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn epoch_and_known_days() {
        assert_eq!(Date::parse("1970-01-01").unwrap().days(), 0);
        assert_eq!(Date::parse("1969-12-31").unwrap().days(), -1);
        assert_eq!(Date::parse("2000-03-01").unwrap().days(), 11_017);
        assert_eq!(Date::parse("1949-04-04").unwrap().to_string(), "1949-04-04");
        assert_eq!(Date::parse("1999-03-12").unwrap().weekday(), 4); // a Friday
    }

    #[test]
    fn leap_years() {
        assert!(Date::parse("2000-02-29").is_ok());
        assert!(Date::parse("2024-02-29").is_ok());
        assert!(Date::parse("1900-02-29").is_err());
        assert!(Date::parse("2023-02-29").is_err());
    }

    #[test]
    fn rejects_bad_input_with_reason() {
        for bad in ["1999-02-30", "yesterday", "19999-01-01", "1999-13-01", "1999-00-10", "1999-1-1",
            "", "0000-01-01", "1999-01-32", "1999/01/01", "+999-01-01", "1999-01-0a", "１９９９-01-01"] {
            let e = Date::parse(bad).unwrap_err().to_string();
            assert!(e.contains("is not a date"), "{bad}: {e}");
        }
        assert!(Date::parse("1999-02-30").unwrap_err().to_string().contains("no such day"));
        assert!(Date::parse("19999-01-01").unwrap_err().to_string().contains("wrong shape"));
    }

    #[test]
    fn neighbours_and_years() {
        let d = Date::parse("1991-12-31").unwrap();
        assert_eq!(d.succ().to_string(), "1992-01-01");
        assert_eq!(d.succ().pred(), d);
        assert_eq!(Date::parse("2024-02-29").unwrap().add_years(1).to_string(), "2025-02-28");
        assert_eq!(d.add_days(-365).to_string(), "1990-12-31");
    }

    #[test]
    fn precisions_read_and_order() {
        for p in [Precision::Day, Precision::Month, Precision::Year] {
            assert_eq!(Precision::parse(p.as_str()), Some(p));
        }
        assert_eq!(Precision::parse("week"), None);
        assert!(Precision::Day < Precision::Month && Precision::Month < Precision::Year);
    }

    proptest! {
        #[test]
        fn round_trips_through_text(days in -700_000i32..2_900_000) {
            let d = Date::from_days(days);
            let s = d.to_string();
            prop_assert_eq!(Date::parse(&s).unwrap(), d);
            let (y, m, dd) = d.ymd();
            prop_assert_eq!(Date::from_ymd(y, m, dd).unwrap(), d);
        }
    }
}
