//! The shapes of hand-curated and scraped data that `synth` can add to a
//! dataset (issue #14): relationships without an `id`, with `label`s and
//! `properties`; entities and sources with their optional fields; escaped
//! characters and non-ASCII text in strings; several citations; parallel
//! relationships whose default ids get a `.2` suffix.
//!
//! Everything here draws from its own random stream ([`Extras`]), never
//! from the generator's main one, so the graph, the ids and every field the
//! explicit-ids shape writes are the same in every shape, and
//! [`Shape::EXPLICIT_IDS`] gives byte for byte what the generator wrote
//! before it had shapes (the figures and snapshots made from it stay valid).

use super::Rng;
use super::vocab::WORDS;
use std::io::{self, Write};

/// How much of each shape to write. Shares are percentages of the records
/// the shape applies to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Shape {
    /// Relationships written without an `id`, so the default
    /// `{from}.{type}.{to}` applies.
    pub no_id: u64,
    /// Relationships with a `label`.
    pub labels: u64,
    /// Relationships with `properties`: 1–3 keys of numbers, booleans,
    /// strings and lists of strings.
    pub rel_properties: u64,
    /// Entities that get, where the explicit-ids shape leaves them out, a
    /// description, aliases, a URL, a start/end and properties (each on about
    /// half of them).
    pub entity_extras: u64,
    /// Sources with an `author`, an `archived_url` and/or `notes`.
    pub source_extras: u64,
    /// Quoted strings (names, titles, quotes, labels, notes) holding one
    /// escape: `\"`, `\\`, `\n` or `\u00e9`.
    pub escapes: u64,
    /// Names and aliases with non-ASCII letters (accents, or a name in
    /// another script).
    pub non_ascii: u64,
    /// Up to this many citations (with locators, some without a quote) on
    /// top of the 1–2 every relationship has, on 30 % of relationships.
    pub extra_citations: u64,
    /// Relationships, written last, that repeat an earlier one's ends and
    /// type on another date and have no id: default ids with `.2` suffixes.
    pub repeats: u64,
}

impl Shape {
    /// The shape of real data: the generator's default.
    pub(crate) const DEFAULT: Shape = Shape {
        no_id: 75,
        labels: 20,
        rel_properties: 30,
        entity_extras: 30,
        source_extras: 50,
        escapes: 2,
        non_ascii: 10,
        extra_citations: 2,
        repeats: 1,
    };

    /// Every relationship with an explicit id and none of the extras: the
    /// generator's output before shapes, byte for byte.
    pub(crate) const EXPLICIT_IDS: Shape = Shape {
        no_id: 0,
        labels: 0,
        rel_properties: 0,
        entity_extras: 0,
        source_extras: 0,
        escapes: 0,
        non_ascii: 0,
        extra_citations: 0,
        repeats: 0,
    };

    /// The shape `--shape NAME` names.
    pub(crate) fn named(name: &str) -> Option<Shape> {
        match name {
            "default" => Some(Shape::DEFAULT),
            "explicit-ids" => Some(Shape::EXPLICIT_IDS),
            _ => None,
        }
    }

    /// The field a `--FLAG` sets, and the largest value it takes; `None`
    /// when `flag` is not a shape flag.
    pub(crate) fn field(&mut self, flag: &str) -> Option<(&mut u64, u64)> {
        Some(match flag {
            "--no-id-share" => (&mut self.no_id, 100),
            "--label-share" => (&mut self.labels, 100),
            "--rel-properties-share" => (&mut self.rel_properties, 100),
            "--entity-extras-share" => (&mut self.entity_extras, 100),
            "--source-extras-share" => (&mut self.source_extras, 100),
            "--escape-share" => (&mut self.escapes, 100),
            "--non-ascii-share" => (&mut self.non_ascii, 100),
            "--extra-citations" => (&mut self.extra_citations, 20),
            // At most half: each repeat needs an original of its own.
            "--repeat-share" => (&mut self.repeats, 50),
            _ => return None,
        })
    }
}

/// The shape flags, for the usage text.
pub(crate) const SHAPE_USAGE: &str = "shape (after --shape, each flag overrides it; shares are %):
  --shape default|explicit-ids   default: the shapes of real data; explicit-ids: every
                                 relationship has an id, no extras (the output before shapes)
  --no-id-share P          relationships without an id (default 75)
  --label-share P          relationships with a label (20)
  --rel-properties-share P relationships with properties, 1-3 keys (30)
  --entity-extras-share P  entities with more description/aliases/url/start-end/properties (30)
  --source-extras-share P  sources with author/archived_url/notes (50)
  --escape-share P         quoted strings with an escape \\\" \\\\ \\n \\u00e9 (2)
  --non-ascii-share P      names with non-ASCII letters (10)
  --extra-citations N      up to N more citations on 30 % of relationships (2)
  --repeat-share P         id-less repeats of earlier relationships, other dates (1, max 50)";

/// The four escapes a JSON string of real data holds, as written.
const ESCAPES: [&str; 4] = ["\\\"", "\\\\", "\\n", "\\u00e9"];

/// Names in other scripts, appended to some names the way registries print
/// a local name beside the Latin one.
const SCRIPTS: [&str; 6] = [
    "株式会社",
    "ООО Восток",
    "Ελληνική Εταιρεία",
    "شركة الخليج",
    "주식회사",
    "Ştiinţă şi Tehnică",
];

const ROLES: [&str; 6] = [
    "director", "chair", "adviser", "trustee", "agent", "nominee",
];
const TAGS: [&str; 6] = [
    "offshore",
    "lobbying",
    "procurement",
    "media",
    "tax",
    "energy",
];
const COUNTRIES: [&str; 8] = ["GB", "US", "DE", "FR", "PA", "CY", "CH", "LU"];

/// What a property's value is made of.
#[derive(Clone, Copy)]
enum Value {
    /// An integer below the bound.
    Int(u64),
    /// A number with two decimals below the bound.
    Float(u64),
    Bool,
    /// One of these strings.
    Pick(&'static [&'static str]),
    /// A list of 1–3 of these strings.
    List(&'static [&'static str]),
    /// A few words, through [`Extras::text`] (so sometimes escaped).
    Words,
}

const REL_PROPERTIES: [(&str, Value); 7] = [
    ("role", Value::Pick(&ROLES)),
    ("verified", Value::Bool),
    ("share_pct", Value::Float(100)),
    ("amount_usd", Value::Int(10_000_000)),
    ("tags", Value::List(&TAGS)),
    ("confidence", Value::Float(1)),
    ("note", Value::Words),
];

const ENTITY_PROPERTIES: [(&str, Value); 6] = [
    ("country", Value::Pick(&COUNTRIES)),
    ("employees", Value::Int(100_000)),
    ("listed", Value::Bool),
    ("revenue_musd", Value::Float(50_000)),
    ("sectors", Value::List(&TAGS)),
    ("registry_note", Value::Words),
];

/// The shape and the random stream its extras draw from.
pub(crate) struct Extras {
    /// Separate from the generator's stream (see the module comment).
    pub rng: Rng,
    pub shape: Shape,
}

impl Extras {
    /// The extras stream for `seed`.
    pub(crate) fn new(seed: u64, shape: Shape) -> Extras {
        Extras {
            rng: Rng(seed ^ 0x5348_4150_4553_2314),
            shape,
        }
    }

    /// True with probability `percent` / 100.
    pub(crate) fn chance(&mut self, percent: u64) -> bool {
        self.rng.chance(percent)
    }

    /// Writes `s` as a JSON string literal, escaping what JSON requires;
    /// `shape.escapes` % of them also get one escape from [`ESCAPES`],
    /// after a space (or at the end), as text pasted from documents has.
    pub(crate) fn text(&mut self, w: &mut impl Write, s: &str) -> io::Result<()> {
        let mut out = String::with_capacity(s.len() + 8);
        out.push('"');
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                c if c < ' ' => out.push_str(&format!("\\u{:04x}", c as u32)),
                c => out.push(c),
            }
        }
        if self.rng.chance(self.shape.escapes) {
            let spaces: Vec<usize> = out.match_indices(' ').map(|(i, _)| i + 1).collect();
            let at = if spaces.is_empty() {
                out.len()
            } else {
                spaces[self.rng.below(spaces.len() as u64) as usize]
            };
            out.insert_str(at, self.rng.pick(&ESCAPES));
        }
        out.push('"');
        w.write_all(out.as_bytes())
    }

    /// `name`, or for `shape.non_ascii` % of names the same with accented
    /// letters or with a name in another script beside it.
    pub(crate) fn name(&mut self, name: String) -> String {
        if !self.rng.chance(self.shape.non_ascii) {
            return name;
        }
        if self.rng.chance(25) {
            return format!("{name} ({})", self.rng.pick(&SCRIPTS));
        }
        let mut first = true;
        name.chars()
            .map(|c| {
                let accented = match c {
                    'a' => 'á',
                    'e' => 'é',
                    'i' => 'í',
                    'o' => 'ö',
                    'u' => 'ü',
                    'n' => 'ñ',
                    'c' => 'ç',
                    _ => return c,
                };
                // The first letter that has an accent always gets it, so
                // every name picked here is non-ASCII.
                if std::mem::take(&mut first) || self.rng.chance(30) {
                    accented
                } else {
                    c
                }
            })
            .collect()
    }

    /// `n` words of the generator's vocabulary.
    pub(crate) fn words(&mut self, n: u64) -> String {
        let words: Vec<&str> = (0..n).map(|_| self.rng.pick(&WORDS)).collect();
        words.join(" ")
    }

    /// A relationship label as curators write them: the type in words with
    /// a qualifier (a period with an en dash, a channel, a source).
    pub(crate) fn label(&mut self, rel_type: &str) -> String {
        let words = rel_type.replace('_', " ");
        match self.rng.below(4) {
            0 => {
                let from = 1980 + self.rng.below(40);
                format!("{words} ({from}–{})", from + 1 + self.rng.below(8))
            }
            1 => format!("{words} via {}", self.words(2)),
            2 => format!("{words}, per {}", self.words(1)),
            _ => words,
        }
    }

    /// Writes `, "properties": {…}` with 1–3 keys of relationship properties.
    pub(crate) fn rel_properties(&mut self, w: &mut impl Write) -> io::Result<()> {
        self.properties(w, &REL_PROPERTIES)
    }

    /// Writes `, "properties": {…}` with 1–3 keys of entity properties.
    pub(crate) fn entity_properties(&mut self, w: &mut impl Write) -> io::Result<()> {
        self.properties(w, &ENTITY_PROPERTIES)
    }

    /// 1–3 consecutive keys of `keys` (so never one twice), from a random one.
    fn properties(&mut self, w: &mut impl Write, keys: &[(&str, Value)]) -> io::Result<()> {
        let count = 1 + self.rng.below(3) as usize;
        let first = self.rng.below(keys.len() as u64) as usize;
        w.write_all(b", \"properties\": {")?;
        for k in 0..count {
            let (key, value) = keys[(first + k) % keys.len()];
            if k > 0 {
                w.write_all(b", ")?;
            }
            write!(w, "\"{key}\": ")?;
            match value {
                Value::Int(max) => write!(w, "{}", self.rng.below(max))?,
                Value::Float(max) => {
                    write!(w, "{}.{:02}", self.rng.below(max), 1 + self.rng.below(99))?;
                }
                Value::Bool => w.write_all(if self.rng.chance(50) {
                    b"true"
                } else {
                    b"false"
                })?,
                Value::Pick(items) => write!(w, "\"{}\"", self.rng.pick(items))?,
                Value::List(items) => {
                    w.write_all(b"[")?;
                    for i in 0..=self.rng.below(3) {
                        if i > 0 {
                            w.write_all(b", ")?;
                        }
                        write!(w, "\"{}\"", self.rng.pick(items))?;
                    }
                    w.write_all(b"]")?;
                }
                Value::Words => {
                    let n = 3 + self.rng.below(6);
                    let text = self.words(n);
                    self.text(w, &text)?;
                }
            }
        }
        w.write_all(b"}")
    }

    /// A citation locator beyond the generator's `p. N, ¶ N`.
    pub(crate) fn locator(&mut self) -> String {
        let n = 1 + self.rng.below(400);
        match self.rng.below(5) {
            0 => format!("p. {n}"),
            1 => format!("¶ {n}"),
            2 => format!("section {}.{}", 1 + n % 12, 1 + self.rng.below(9)),
            3 => format!("exhibit {n}"),
            _ => format!("at 00:{:02}:{:02}", n % 60, self.rng.below(60)),
        }
    }
}
