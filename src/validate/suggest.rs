//! What a curator probably meant by a value the format refuses: a date
//! written the way people write dates (`17/03/2018`, `March 16, 2018`), an
//! amount written as text (`"$100M"`). Each guess is offered only where it
//! is unambiguous; the diagnostics show it as the value to write instead.

use crate::model::PartialDate;

/// A guess at the ISO date meant by a date the format refuses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateGuess {
    /// Only one date can be meant: write this.
    Rewrite(String),
    /// Day and month can be read either way round (`03/04/2018`).
    Ambiguous {
        /// The date read day first (`2018-04-03`).
        day_first: String,
        /// The date read month first (`2018-03-04`).
        month_first: String,
    },
}

/// The month names and their usual abbreviations, in English.
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month `word` names (`March`, `mar`, `Mar.`, `Sept`), 1–12.
fn month_of(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    let i = MONTHS
        .iter()
        .position(|m| *m == w || (w.len() == 3 && m.starts_with(&w)))
        .or_else(|| (w == "sept").then_some(8))?;
    Some(i as u8 + 1)
}

/// `digits` as a number, when it is 1 to `max_len` ASCII digits.
fn number(digits: &str, max_len: usize) -> Option<u16> {
    if digits.is_empty() || digits.len() > max_len || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// A day of the month as written in prose: `16`, `16th`, `1st`.
fn day_of(word: &str) -> Option<u16> {
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| word.to_lowercase().strip_suffix(s).map(str::to_owned))
        .unwrap_or_else(|| word.to_owned());
    number(&digits, 2)
}

/// The ISO form of a year, month and day (or a year and month), if it is
/// a date the format accepts.
fn iso(year: u16, month: u16, day: Option<u16>) -> Option<String> {
    let text = match day {
        None => format!("{year:04}-{month:02}"),
        Some(d) => format!("{year:04}-{month:02}-{d:02}"),
    };
    PartialDate::parse(&text).is_ok().then_some(text)
}

/// The ISO date meant by `text`, a date the format refuses, when it is
/// written in a common other way: with the wrong separators or without
/// leading zeros (`2018/3/16`), day or month first (`17/03/2018`,
/// `16.03.2018`, `3-17-2018`), with the month's name (`March 16, 2018`,
/// `16 Mar 2018`, `March 2018`), with a time (`2018-03-16T09:00:00Z`),
/// compact (`20180316`) or with spaces around. `None` when no date can be
/// read; [`DateGuess::Ambiguous`] when day and month could be swapped.
pub fn guess_date(text: &str) -> Option<DateGuess> {
    let t = text.trim();
    if t != text && PartialDate::parse(t).is_ok() {
        return Some(DateGuess::Rewrite(t.to_owned()));
    }
    // A timestamp: the date before the time.
    if let Some(date) = t.get(..10)
        && t[10..].starts_with(['T', 't', ' '])
        && PartialDate::parse(date).is_ok()
    {
        return Some(DateGuess::Rewrite(date.to_owned()));
    }
    if t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()) {
        let n = |r: std::ops::Range<usize>| number(&t[r], 4);
        return iso(n(0..4)?, n(4..6)?, Some(n(6..8)?)).map(DateGuess::Rewrite);
    }
    if let Some(sep) = t.chars().find(|c| matches!(c, '-' | '/' | '.')) {
        let parts: Vec<&str> = t.split(sep).collect();
        if parts.iter().all(|p| number(p, 4).is_some()) {
            return numeric(&parts);
        }
    }
    words(t).map(DateGuess::Rewrite)
}

/// A date of 2 or 3 numbers (already known to be 1–4 digits each).
fn numeric(parts: &[&str]) -> Option<DateGuess> {
    let n = |i: usize, len: usize| number(parts[i], len);
    let year_at = |i: usize| (parts[i].len() == 4).then(|| n(i, 4)).flatten();
    match parts.len() {
        // Year first is always year, month, day: no one writes Y-D-M.
        3 if year_at(0).is_some() => {
            iso(year_at(0)?, n(1, 2)?, Some(n(2, 2)?)).map(DateGuess::Rewrite)
        }
        3 if year_at(2).is_some() => {
            let (year, a, b) = (year_at(2)?, n(0, 2)?, n(1, 2)?);
            let day_first = iso(year, b, Some(a));
            let month_first = iso(year, a, Some(b));
            match (day_first, month_first) {
                (Some(d), Some(m)) if d == m => Some(DateGuess::Rewrite(d)),
                (Some(d), Some(m)) => Some(DateGuess::Ambiguous {
                    day_first: d,
                    month_first: m,
                }),
                (Some(one), None) | (None, Some(one)) => Some(DateGuess::Rewrite(one)),
                (None, None) => None,
            }
        }
        2 if year_at(0).is_some() => iso(year_at(0)?, n(1, 2)?, None).map(DateGuess::Rewrite),
        2 if year_at(1).is_some() => iso(year_at(1)?, n(0, 2)?, None).map(DateGuess::Rewrite),
        _ => None,
    }
}

/// A date with the month's name: `March 16, 2018`, `16 March 2018`,
/// `Mar. 16 2018`, `16th of March 2018`, `16-Mar-2018`, `March 2018`.
fn words(t: &str) -> Option<String> {
    let tokens: Vec<&str> = t
        .split([' ', ',', '-', '/'])
        .filter(|w| !w.is_empty() && !w.eq_ignore_ascii_case("of"))
        .collect();
    let year = |w: &str| (w.len() == 4).then(|| number(w, 4)).flatten();
    match tokens[..] {
        [m, d, y] if month_of(m).is_some() => iso(year(y)?, month_of(m)?.into(), Some(day_of(d)?)),
        [d, m, y] => iso(year(y)?, month_of(m)?.into(), Some(day_of(d)?)),
        [m, y] => iso(year(y)?, month_of(m)?.into(), None),
        _ => None,
    }
}

/// `2018-04-03` in words, `3 April 2018`, for a hint that must not itself
/// be read two ways.
pub fn spelled(iso: &str) -> String {
    let Ok(d) = PartialDate::parse(iso) else {
        return iso.to_owned();
    };
    let month = |m: u8| {
        let name = MONTHS[usize::from(m) - 1];
        format!("{}{}", name[..1].to_uppercase(), &name[1..])
    };
    match (d.month(), d.day()) {
        (Some(m), Some(day)) => format!("{day} {} {}", month(m), d.year()),
        (Some(m), None) => format!("{} {}", month(m), d.year()),
        _ => d.year().to_string(),
    }
}

/// An amount read from text: the number as exact JSON, and the ISO 4217
/// currency when the text names one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AmountGuess {
    /// The value as a JSON number, digits exact (`100000000`, `1.5`).
    pub value: String,
    /// The currency, if the text names one (`$` → `USD`).
    pub currency: Option<String>,
}

impl AmountGuess {
    /// The object to write instead: `{ "value": 100000000, "currency": "USD" }`
    /// (`"…"` for a currency the text does not name).
    pub fn json(&self) -> String {
        let currency = self.currency.as_deref().unwrap_or("…");
        format!(
            "{{ \"value\": {}, \"currency\": \"{currency}\" }}",
            self.value
        )
    }
}

/// Currency signs and words, with the code each stands for; a sign that
/// starts another (`$`, `us$`) comes after it. `$` alone is taken as US
/// dollars, as in the sources casegraph's users cite; `¥` (yen or yuan) is
/// left out.
const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("us$", "USD"),
    ("ca$", "CAD"),
    ("c$", "CAD"),
    ("au$", "AUD"),
    ("a$", "AUD"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("₹", "INR"),
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("pounds", "GBP"),
    ("pound", "GBP"),
    ("sterling", "GBP"),
];

/// Codes recognised in any case (`usd 5`); any other three capital
/// letters are taken as the code they spell (`CHF 3.25`).
const KNOWN_CODES: [&str; 9] = [
    "USD", "EUR", "GBP", "CAD", "AUD", "CHF", "JPY", "CNY", "INR",
];

/// Multipliers written after a number, with their power of ten.
const SCALES: &[(&str, u32)] = &[
    ("thousand", 3),
    ("k", 3),
    ("million", 6),
    ("mln", 6),
    ("mn", 6),
    ("m", 6),
    ("billion", 9),
    ("bn", 9),
    ("b", 9),
    ("trillion", 12),
    ("tn", 12),
];

/// A currency at the start (`start`) or the end of `t`, and the rest.
fn take_currency(t: &str, start: bool) -> Option<(String, &str)> {
    // Slices by byte length only where `get` finds a character boundary.
    let split = |n: usize| -> Option<(&str, &str)> {
        if start {
            Some((t.get(..n)?, t.get(n..)?))
        } else {
            let i = t.len().checked_sub(n)?;
            Some((t.get(i..)?, t.get(..i)?))
        }
    };
    if let Some((code, rest)) = split(3)
        && code.bytes().all(|b| b.is_ascii_alphabetic())
        && (if start {
            rest.chars().next()
        } else {
            rest.chars().last()
        })
        .is_none_or(|c| !c.is_alphabetic())
    {
        let upper = code.to_ascii_uppercase();
        let is_scale = SCALES.iter().any(|(s, _)| s.eq_ignore_ascii_case(code));
        if KNOWN_CODES.contains(&upper.as_str()) || (code == upper && !is_scale) {
            return Some((upper, rest.trim()));
        }
    }
    CURRENCY_WORDS.iter().find_map(|&(word, code)| {
        let (w, rest) = split(word.len())?;
        w.eq_ignore_ascii_case(word)
            .then(|| (code.to_owned(), rest.trim()))
    })
}

/// The amount meant by `text`: `$100M`, `€1.2 billion`, `5 million EUR`,
/// `GBP 500,000`, `$5bn`, `USD 1,250.50`. The number may have `,` between
/// groups of three digits and `.` before decimals; the multiplier is `k`,
/// `thousand`, `m`, `mn`, `mln`, `million`, `b`, `bn`, `billion`, `tn` or
/// `trillion`. `None` when it is not an amount written that way (a
/// currency is optional; a negative amount is not guessed at).
pub fn guess_amount(text: &str) -> Option<AmountGuess> {
    let mut t = text.trim();
    let mut currency = None;
    for start in [true, false] {
        if currency.is_none()
            && let Some((c, rest)) = take_currency(t, start)
        {
            currency = Some(c);
            t = rest;
        }
    }
    let digits_end = t
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(t.len());
    let (num, scale_word) = (&t[..digits_end], t[digits_end..].trim());
    let scale = if scale_word.is_empty() {
        0
    } else {
        SCALES
            .iter()
            .find(|(s, _)| s.eq_ignore_ascii_case(scale_word))?
            .1
    };
    Some(AmountGuess {
        value: scaled(num, scale)?,
        currency,
    })
}

/// `num` (digits, `,` between groups of three, at most one `.`) times
/// 10^`scale`, as exact JSON number text.
fn scaled(num: &str, scale: u32) -> Option<String> {
    let (int, frac) = num.split_once('.').unwrap_or((num, ""));
    let groups: Vec<&str> = int.split(',').collect();
    let grouped_ok = groups.len() == 1
        || (!groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3));
    if !grouped_ok || frac.contains([',', '.']) || (int.is_empty() && frac.is_empty()) {
        return None;
    }
    let int: String = groups.concat();
    if !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Move the decimal point `scale` places right.
    let mut digits = format!("{int}{frac}");
    let point = int.len() + scale as usize;
    if digits.len() < point {
        digits.push_str(&"0".repeat(point - digits.len()));
    }
    let (whole, fraction) = digits.split_at(point);
    let whole = match whole.trim_start_matches('0') {
        "" => "0",
        w => w,
    };
    let fraction = fraction.trim_end_matches('0');
    Some(if fraction.is_empty() {
        whole.to_owned()
    } else {
        format!("{whole}.{fraction}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn rewrite(s: &str) -> Option<String> {
        match guess_date(s)? {
            DateGuess::Rewrite(d) => Some(d),
            DateGuess::Ambiguous { .. } => None,
        }
    }

    #[test]
    fn common_date_spellings_are_rewritten() {
        for (written, meant) in [
            ("17/03/2018", "2018-03-17"),
            ("2018-3-16", "2018-03-16"),
            ("2018/03/16", "2018-03-16"),
            ("2018.3.6", "2018-03-06"),
            ("16.03.2018", "2018-03-16"),
            ("3/17/2018", "2018-03-17"),
            ("03/03/2018", "2018-03-03"),
            ("March 16, 2018", "2018-03-16"),
            ("16 March 2018", "2018-03-16"),
            ("16th of March, 2018", "2018-03-16"),
            ("Mar. 16 2018", "2018-03-16"),
            ("16-Mar-2018", "2018-03-16"),
            ("Dec/2019", "2019-12"),
            ("sept 1 2018", "2018-09-01"),
            ("March 2018", "2018-03"),
            ("3/2018", "2018-03"),
            ("2018/3", "2018-03"),
            (" 2018-03-16 ", "2018-03-16"),
            ("2018-03-16T09:30:00Z", "2018-03-16"),
            ("20180316", "2018-03-16"),
        ] {
            assert_eq!(rewrite(written).as_deref(), Some(meant), "{written}");
        }
    }

    #[test]
    fn ambiguous_and_impossible_dates_get_no_rewrite() {
        assert_eq!(
            guess_date("03/04/2018"),
            Some(DateGuess::Ambiguous {
                day_first: "2018-04-03".into(),
                month_first: "2018-03-04".into(),
            })
        );
        for s in [
            "2013-13",
            "31/02/2018",
            "18/03/18",
            "yesterday",
            "32 March 2018",
            "2018-16-03",
            "",
            "13/13/2018",
        ] {
            assert_eq!(guess_date(s), None, "{s}");
        }
        assert_eq!(spelled("2018-04-03"), "3 April 2018");
    }

    #[test]
    fn amounts_written_as_text_are_read_exactly() {
        for (written, value, currency) in [
            ("$100M", "100000000", Some("USD")),
            ("€1.2 billion", "1200000000", Some("EUR")),
            ("5 million EUR", "5000000", Some("EUR")),
            ("GBP 500,000", "500000", Some("GBP")),
            ("$5bn", "5000000000", Some("USD")),
            ("US$ 725 mln", "725000000", Some("USD")),
            ("USD 1,250.50", "1250.5", Some("USD")),
            ("£0.5m", "500000", Some("GBP")),
            ("1.5", "1.5", None),
            ("12k", "12000", None),
            ("CHF 3.25", "3.25", Some("CHF")),
            ("100 dollars", "100", Some("USD")),
            ("5 MLN", "5000000", None),
        ] {
            let got = guess_amount(written).unwrap_or_else(|| panic!("{written}"));
            assert_eq!(got.value, value, "{written}");
            assert_eq!(got.currency.as_deref(), currency, "{written}");
        }
        assert_eq!(
            guess_amount("$100M").map(|a| a.json()).as_deref(),
            Some(r#"{ "value": 100000000, "currency": "USD" }"#)
        );
        for s in [
            "-$5",
            "about $5M",
            "$1,00",
            "five million",
            "$",
            "1.2.3",
            "1,2 Mio",
            "\u{212a}5",
        ] {
            assert_eq!(guess_amount(s), None, "{s}");
        }
    }

    proptest! {
        /// Any date written day first with a day above 12 (so it cannot be
        /// a month), or month first likewise, reads back as that date.
        #[test]
        fn dates_written_day_or_month_first_read_back(
            year in 1000u16..=9999, month in 1u16..=12, day in 13u16..=31, sep in "[-/.]",
        ) {
            let meant = iso(year, month, Some(day));
            prop_assume!(meant.is_some());
            prop_assert_eq!(rewrite(&format!("{day:02}{sep}{month:02}{sep}{year}")), meant.clone());
            prop_assert_eq!(rewrite(&format!("{month}{sep}{day}{sep}{year}")), meant.clone());
            let name = MONTHS[usize::from(month) - 1];
            prop_assert_eq!(rewrite(&format!("{name} {day}, {year}")), meant.clone());
            prop_assert_eq!(rewrite(&format!("{day} {name} {year}")), meant);
        }

        /// Every rewrite is a date the format accepts, whatever the text.
        #[test]
        fn every_rewrite_is_valid(s in "[0-9./ -]{0,12}|[A-Za-z]{3,9} [0-9]{1,2},? [0-9]{4}") {
            if let Some(DateGuess::Rewrite(d)) = guess_date(&s) {
                prop_assert!(PartialDate::parse(&d).is_ok(), "{s} → {d}");
            }
        }

        /// A whole number with thousands separators and a multiplier reads
        /// back as the number times the multiplier.
        #[test]
        fn grouped_numbers_read_back(n in 0u64..1_000_000_000, scale in 0usize..4) {
            let grouped = n.to_string().as_bytes().rchunks(3).rev()
                .map(|c| std::str::from_utf8(c).unwrap()).collect::<Vec<_>>().join(",");
            let (word, zeros) = [("", 0), ("k", 3), (" million", 6), ("bn", 9)][scale];
            let got = guess_amount(&format!("${grouped}{word}")).unwrap();
            let expected = if n == 0 { "0".to_owned() } else { format!("{n}{}", "0".repeat(zeros)) };
            prop_assert_eq!(got.value, expected);
        }
    }
}
