//! Partial ISO 8601 calendar dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) and the
//! periods they cover.
//!
//! A partial date is not a point: `2013` covers every day of 2013. Comparisons
//! therefore work on the first and last day a date covers (FORMAT.md, "Dates").

use std::fmt;

/// A calendar date with optional month and day, years 1000–9999.
///
/// Ordering (`Ord`) is by first covered day, then by precision (coarser first),
/// which is the order a timeline shows.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct PartialDate {
    year: u16,
    /// 1–12, or 0 when the date is a whole year.
    month: u8,
    /// 1–31, or 0 when the date is a whole month or year.
    day: u8,
}

/// Why a string is not a valid partial date.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DateError {
    /// Not of the shape `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Shape,
    /// Year outside 1000–9999.
    Year,
    /// Month outside 1–12.
    Month,
    /// Day outside the month.
    Day,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DateError::Shape => "expected `YYYY`, `YYYY-MM` or `YYYY-MM-DD`",
            DateError::Year => "the year must be between 1000 and 9999",
            DateError::Month => "the month must be between 01 and 12",
            DateError::Day => "that day does not exist in that month",
        })
    }
}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Result<PartialDate, DateError> {
        let bytes = text.as_bytes();
        let digits = |range: std::ops::Range<usize>| -> Option<u16> {
            let part = bytes.get(range)?;
            part.iter().try_fold(0u16, |acc, &b| {
                b.is_ascii_digit().then(|| acc * 10 + u16::from(b - b'0'))
            })
        };
        let dash = |i: usize| bytes.get(i) == Some(&b'-');
        let (year, month, day) = match bytes.len() {
            4 => (digits(0..4), Some(0), Some(0)),
            7 if dash(4) => (digits(0..4), digits(5..7), Some(0)),
            10 if dash(4) && dash(7) => (digits(0..4), digits(5..7), digits(8..10)),
            _ => return Err(DateError::Shape),
        };
        let (Some(year), Some(month), Some(day)) = (year, month, day) else {
            return Err(DateError::Shape);
        };
        if !(1000..=9999).contains(&year) {
            return Err(DateError::Year);
        }
        let has_month = bytes.len() >= 7;
        if has_month && !(1..=12).contains(&month) {
            return Err(DateError::Month);
        }
        let (month, day) = (month as u8, day as u8);
        if bytes.len() == 10 && (day == 0 || day > days_in_month(year, month)) {
            return Err(DateError::Day);
        }
        Ok(PartialDate { year, month, day })
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month (1–12), if the date has one.
    pub fn month(self) -> Option<u8> {
        (self.month != 0).then_some(self.month)
    }

    /// The day of the month, if the date has one.
    pub fn day(self) -> Option<u8> {
        (self.day != 0).then_some(self.day)
    }

    /// The first day this date covers, as days since 0000-03-01 (a proleptic
    /// Gregorian day number; only differences and order matter).
    pub fn first_day(self) -> i32 {
        let (month, day) = self.first_month_day();
        day_number(self.year, month, day)
    }

    /// The last day this date covers.
    pub fn last_day(self) -> i32 {
        let (month, day) = self.last_month_day();
        day_number(self.year, month, day)
    }

    /// The first day this date covers, as `YYYY-MM-DD` (`2013-08` → `2013-08-01`).
    pub fn first_iso_day(self) -> String {
        let (month, day) = self.first_month_day();
        format!("{:04}-{month:02}-{day:02}", self.year)
    }

    /// The last day this date covers, as `YYYY-MM-DD` (`2013-02` → `2013-02-28`).
    pub fn last_iso_day(self) -> String {
        let (month, day) = self.last_month_day();
        format!("{:04}-{month:02}-{day:02}", self.year)
    }

    /// Month and day of the first day this date covers.
    fn first_month_day(self) -> (u8, u8) {
        (self.month.max(1), self.day.max(1))
    }

    /// Month and day of the last day this date covers.
    fn last_month_day(self) -> (u8, u8) {
        let month = if self.month == 0 { 12 } else { self.month };
        let day = if self.day == 0 {
            days_in_month(self.year, month)
        } else {
            self.day
        };
        (month, day)
    }

    /// How precise the date is: 0 year, 1 month, 2 day.
    pub fn precision(self) -> u8 {
        u8::from(self.month != 0) + u8::from(self.day != 0)
    }
}

/// Days since a fixed epoch for a valid calendar date (Howard Hinnant's
/// `days_from_civil`, shifted so that all years 1000–9999 are positive).
fn day_number(year: u16, month: u8, day: u8) -> i32 {
    let (y, m, d) = (i32::from(year), i32::from(month), i32::from(day));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.first_day()
            .cmp(&other.first_day())
            .then(self.precision().cmp(&other.precision()))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if self.month != 0 {
            write!(f, "-{:02}", self.month)?;
        }
        if self.day != 0 {
            write!(f, "-{:02}", self.day)?;
        }
        Ok(())
    }
}

/// When a relationship holds: not stated, a one-off event, or a period.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default, PartialOrd, Ord)]
pub enum When {
    /// No date given.
    #[default]
    Undated,
    /// A one-off event (`date`): in force from that date on.
    On(PartialDate),
    /// A period (`start`/`end`); a missing `end` means ongoing, a missing
    /// `start` means "since some time before `end`".
    Period {
        /// First date of the period, if known.
        start: Option<PartialDate>,
        /// Last date of the period; `None` means ongoing.
        end: Option<PartialDate>,
    },
}

impl When {
    /// The first day covered, if the relationship is dated at its start.
    pub fn first_day(self) -> Option<i32> {
        match self {
            When::Undated => None,
            When::On(d) => Some(d.first_day()),
            When::Period { start, .. } => start.map(PartialDate::first_day),
        }
    }

    /// The last day covered; `None` for ongoing or undated.
    pub fn last_day(self) -> Option<i32> {
        match self {
            When::Undated | When::On(_) => None,
            When::Period { end, .. } => end.map(PartialDate::last_day),
        }
    }

    /// The date to sort by on a timeline: the event date or the start.
    pub fn sort_key(self) -> Option<PartialDate> {
        match self {
            When::Undated => None,
            When::On(d) => Some(d),
            When::Period { start, end } => start.or(end),
        }
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            When::Undated => Ok(()),
            When::On(d) => write!(f, "{d}"),
            When::Period {
                start: Some(s),
                end: Some(e),
            } => write!(f, "{s} – {e}"),
            When::Period {
                start: Some(s),
                end: None,
            } => write!(f, "{s} –"),
            When::Period {
                start: None,
                end: Some(e),
            } => write!(f, "– {e}"),
            When::Period {
                start: None,
                end: None,
            } => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision() {
        assert_eq!(PartialDate::parse("2013").unwrap().to_string(), "2013");
        assert_eq!(
            PartialDate::parse("2013-08").unwrap().to_string(),
            "2013-08"
        );
        assert_eq!(
            PartialDate::parse("2024-02-29").unwrap().to_string(),
            "2024-02-29"
        );
    }

    #[test]
    fn rejects_bad_dates() {
        assert_eq!(PartialDate::parse("2013-13"), Err(DateError::Month));
        assert_eq!(PartialDate::parse("2023-02-29"), Err(DateError::Day));
        assert_eq!(PartialDate::parse("0999"), Err(DateError::Year));
        assert_eq!(PartialDate::parse("13-08-2013"), Err(DateError::Shape));
        assert_eq!(PartialDate::parse("２０１３"), Err(DateError::Shape));
        assert_eq!(PartialDate::parse("2013-8"), Err(DateError::Shape));
    }

    #[test]
    fn partial_dates_cover_their_period() {
        let year = PartialDate::parse("2014").unwrap();
        let may = PartialDate::parse("2014-05").unwrap();
        let day = PartialDate::parse("2014-05-10").unwrap();
        assert!(year.first_day() <= day.first_day() && day.last_day() <= year.last_day());
        // FORMAT.md: `start 2014-05-10`, `end 2014-05` is fine.
        assert!(may.last_day() >= day.first_day());
        assert_eq!(
            PartialDate::parse("2014-12").unwrap().last_day(),
            PartialDate::parse("2014-12-31").unwrap().first_day()
        );
        assert_eq!(
            PartialDate::parse("2015-01-01").unwrap().first_day() - year.last_day(),
            1
        );
    }

    #[test]
    fn iso_days_are_the_first_and_last_day_covered() {
        let iso = |s: &str| {
            let d = PartialDate::parse(s).unwrap();
            (d.first_iso_day(), d.last_iso_day())
        };
        assert_eq!(iso("2013"), ("2013-01-01".into(), "2013-12-31".into()));
        assert_eq!(iso("2013-02"), ("2013-02-01".into(), "2013-02-28".into()));
        assert_eq!(iso("2012-02"), ("2012-02-01".into(), "2012-02-29".into()));
        assert_eq!(
            iso("2013-08-07"),
            ("2013-08-07".into(), "2013-08-07".into())
        );
    }
}
