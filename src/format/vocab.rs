//! The format's closed word lists, each with what the rest of casegraph
//! attaches to its words: statuses with their credibility weights and
//! lines, source kinds, entity kinds with their shape and colours.

use super::palette as p;
use std::fmt;

/// How well established a claim is, strongest first.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub enum Status {
    /// Admitted by the parties or an official record.
    Confirmed,
    /// Credible reporting (the default).
    Reported,
    /// Asserted in litigation or by one party.
    Alleged,
    /// Asserted, and denied by a party with standing.
    Denied,
}

impl Status {
    /// All statuses, strongest first.
    pub const ALL: [Status; 4] = [
        Status::Confirmed,
        Status::Reported,
        Status::Alleged,
        Status::Denied,
    ];

    /// The word used in the data format.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Confirmed => "confirmed",
            Status::Reported => "reported",
            Status::Alleged => "alleged",
            Status::Denied => "denied",
        }
    }

    /// Parses the data format's word.
    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// The weight of a claim of this status in a credibility-weighted path
    /// search (`path --credible`): lower is stronger. Each step down halves
    /// the trust, so one denied hop weighs as much as eight confirmed ones.
    pub fn weight(self) -> u64 {
        match self {
            Status::Confirmed => 1,
            Status::Reported => 2,
            Status::Alleged => 4,
            Status::Denied => 8,
        }
    }

    /// How a claim of this status is drawn.
    pub fn line(self) -> &'static StatusLine {
        &STATUS_LINES[self as usize]
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a dispute adds to a claim's [`Status::weight`].
pub const DISPUTED_WEIGHT: u64 = 2;

/// How one status is drawn. The four differ in dash pattern *and* weight or
/// colour, so no single cue has to carry the difference.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StatusLine {
    /// The status.
    pub status: Status,
    /// The legend's wording.
    pub legend: &'static str,
    /// Graphviz edge style (`solid`, `dashed`, `dotted`).
    pub style: &'static str,
    /// Line colour.
    pub color: &'static str,
    /// Line width in points.
    pub penwidth: f32,
    /// Whether the line is a heavy one (the legend samples it 2 points wide).
    pub heavy: bool,
}

/// Line style per status, in [`Status::ALL`] order.
pub const STATUS_LINES: [StatusLine; 4] = [
    StatusLine {
        status: Status::Confirmed,
        legend: "confirmed",
        style: "solid",
        color: p::INK,
        penwidth: 2.2,
        heavy: true,
    },
    StatusLine {
        status: Status::Reported,
        legend: "reported",
        style: "solid",
        color: p::REPORTED_LINE,
        penwidth: 1.3,
        heavy: false,
    },
    StatusLine {
        status: Status::Alleged,
        legend: "alleged",
        style: "dashed",
        color: p::ALLEGED_LINE,
        penwidth: 1.5,
        heavy: false,
    },
    StatusLine {
        status: Status::Denied,
        legend: "denied",
        style: "dotted",
        color: p::ALARM,
        penwidth: 2.2,
        heavy: true,
    },
];

/// What kind of document a source is.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub enum SourceKind {
    /// A news article.
    News,
    /// A filing in a court case.
    CourtFiling,
    /// A regulator's decision.
    RegulatorDecision,
    /// A press release.
    PressRelease,
    /// A statement by a party.
    Statement,
    /// A report.
    Report,
    /// A book.
    Book,
    /// Anything else (the default).
    Other,
}

impl SourceKind {
    /// All kinds, in the order of FORMAT.md.
    pub const ALL: [SourceKind; 8] = [
        SourceKind::News,
        SourceKind::CourtFiling,
        SourceKind::RegulatorDecision,
        SourceKind::PressRelease,
        SourceKind::Statement,
        SourceKind::Report,
        SourceKind::Book,
        SourceKind::Other,
    ];

    /// The word used in the data format.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::News => "news",
            SourceKind::CourtFiling => "court_filing",
            SourceKind::RegulatorDecision => "regulator_decision",
            SourceKind::PressRelease => "press_release",
            SourceKind::Statement => "statement",
            SourceKind::Report => "report",
            SourceKind::Book => "book",
            SourceKind::Other => "other",
        }
    }

    /// Parses the data format's word.
    pub fn parse(s: &str) -> Option<SourceKind> {
        SourceKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The kind a curator most likely meant by a word that is not one: the
    /// kind itself written another way (`Press Release`), or a synonym of
    /// [`SOURCE_KIND_SYNONYMS`] (`newspaper` → `news`).
    pub fn synonym(word: &str) -> Option<SourceKind> {
        look_up(word, |w| {
            SourceKind::parse(w).or_else(|| in_table(SOURCE_KIND_SYNONYMS, w))
        })
    }
}

/// Words curators write for a source kind, and the kind each most likely
/// means: what `unknown-source-kind` suggests before the closest spelling.
/// Keys are lowercase with `_` between words (see [`vocab_word`]).
pub const SOURCE_KIND_SYNONYMS: &[(&str, SourceKind)] = &[
    ("newspaper", SourceKind::News),
    ("article", SourceKind::News),
    ("news_article", SourceKind::News),
    ("magazine", SourceKind::News),
    ("journalism", SourceKind::News),
    ("wire", SourceKind::News),
    ("blog", SourceKind::News),
    ("blog_post", SourceKind::News),
    ("press", SourceKind::PressRelease),
    ("release", SourceKind::PressRelease),
    ("announcement", SourceKind::PressRelease),
    ("court", SourceKind::CourtFiling),
    ("filing", SourceKind::CourtFiling),
    ("lawsuit", SourceKind::CourtFiling),
    ("complaint", SourceKind::CourtFiling),
    ("judgment", SourceKind::CourtFiling),
    ("ruling", SourceKind::CourtFiling),
    ("court_document", SourceKind::CourtFiling),
    ("legal", SourceKind::CourtFiling),
    ("government", SourceKind::RegulatorDecision),
    ("regulator", SourceKind::RegulatorDecision),
    ("regulatory", SourceKind::RegulatorDecision),
    ("decision", SourceKind::RegulatorDecision),
    ("order", SourceKind::RegulatorDecision),
    ("social", SourceKind::Statement),
    ("social_media", SourceKind::Statement),
    ("tweet", SourceKind::Statement),
    ("post", SourceKind::Statement),
    ("interview", SourceKind::Statement),
    ("testimony", SourceKind::Statement),
    ("speech", SourceKind::Statement),
    ("letter", SourceKind::Statement),
    ("study", SourceKind::Report),
    ("paper", SourceKind::Report),
    ("white_paper", SourceKind::Report),
    ("research", SourceKind::Report),
    ("audit", SourceKind::Report),
    ("ebook", SourceKind::Book),
    ("memoir", SourceKind::Book),
    ("video", SourceKind::Other),
    ("podcast", SourceKind::Other),
    ("website", SourceKind::Other),
    ("web", SourceKind::Other),
];

/// Words curators write for an entity kind, and the kind FORMAT.md names
/// for it: what `unknown-kind` suggests before the closest spelling.
/// Keys are lowercase with `_` between words (see [`vocab_word`]).
pub const ENTITY_KIND_SYNONYMS: &[(&str, &str)] = &[
    ("company", "organization"),
    ("corporation", "organization"),
    ("corp", "organization"),
    ("business", "organization"),
    ("firm", "organization"),
    ("org", "organization"),
    ("organisation", "organization"),
    ("ngo", "organization"),
    ("nonprofit", "organization"),
    ("charity", "organization"),
    ("foundation", "organization"),
    ("party", "organization"),
    ("agency", "government"),
    ("regulator", "government"),
    ("ministry", "government"),
    ("department", "government"),
    ("authority", "government"),
    ("state", "government"),
    ("country", "government"),
    ("public_body", "government"),
    ("court", "government"),
    ("case", "court_case"),
    ("lawsuit", "court_case"),
    ("litigation", "court_case"),
    ("trial", "court_case"),
    ("app", "product"),
    ("service", "product"),
    ("platform", "product"),
    ("software", "product"),
    ("incident", "event"),
    ("meeting", "event"),
    ("hearing", "event"),
    ("report", "document"),
    ("filing", "document"),
    ("memo", "document"),
    ("email", "document"),
    ("individual", "person"),
    ("people", "person"),
    ("human", "person"),
];

/// `word` as the synonym tables spell their keys: trimmed, lowercase, with
/// `_` for the spaces and hyphens between words (`Court Filing` →
/// `court_filing`).
pub fn vocab_word(word: &str) -> String {
    word.trim()
        .chars()
        .map(|c| match c {
            ' ' | '-' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// What `find` finds for `word` written as [`vocab_word`] spells it, or
/// for its singular (`filings` → `filing`, `agencies` → `agency`).
fn look_up<T>(word: &str, find: impl Fn(&str) -> Option<T>) -> Option<T> {
    let w = vocab_word(word);
    find(&w)
        .or_else(|| w.strip_suffix('s').and_then(&find))
        .or_else(|| find(&format!("{}y", w.strip_suffix("ies")?)))
}

/// The value of `key` in a synonym table.
fn in_table<T: Copy>(table: &[(&str, T)], key: &str) -> Option<T> {
    table.iter().find(|(k, _)| *k == key).map(|&(_, v)| v)
}

/// An entity kind FORMAT.md names, and how it is drawn and coloured.
/// Kind is shown twice, by shape *and* by fill colour, so a diagram still
/// reads in greyscale print and for colour-blind readers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntityKind {
    /// The kind word (`person`, `court_case`, …).
    pub kind: &'static str,
    /// The legend's wording.
    pub legend: &'static str,
    /// Graphviz shape.
    pub shape: &'static str,
    /// Extra Graphviz style words besides `filled`.
    pub style: &'static str,
    /// Fill: a light tint of [`EntityKind::color`].
    pub fill: &'static str,
    /// The kind's colour: the diagram's border, the exports' node colour.
    pub color: &'static str,
}

/// Every kind FORMAT.md names, in its (and the legend's) order; `other`
/// last. Any other kind is allowed in the data and drawn as `other`.
pub const ENTITY_KINDS: [EntityKind; 8] = [
    EntityKind {
        kind: "person",
        legend: "person",
        shape: "ellipse",
        style: "",
        fill: p::ORANGE_TINT,
        color: p::ORANGE,
    },
    EntityKind {
        kind: "organization",
        legend: "organization",
        shape: "box",
        style: "rounded",
        fill: p::BLUE_TINT,
        color: p::BLUE,
    },
    EntityKind {
        kind: "government",
        legend: "government body",
        shape: "house",
        style: "",
        fill: p::GREEN_TINT,
        color: p::GREEN,
    },
    EntityKind {
        kind: "court_case",
        legend: "court case",
        shape: "octagon",
        style: "",
        fill: p::PURPLE_TINT,
        color: p::PURPLE,
    },
    EntityKind {
        kind: "product",
        legend: "product",
        shape: "box3d",
        style: "",
        fill: p::SKY_TINT,
        color: p::SKY,
    },
    EntityKind {
        kind: "event",
        legend: "event",
        shape: "hexagon",
        style: "",
        fill: p::OLIVE_TINT,
        color: p::OLIVE,
    },
    EntityKind {
        kind: "document",
        legend: "document",
        shape: "note",
        style: "",
        fill: p::GREY_TINT,
        color: p::GREY,
    },
    EntityKind {
        kind: "other",
        legend: "other",
        shape: "ellipse",
        style: "dashed",
        fill: p::WHITE,
        color: p::GREY,
    },
];

impl EntityKind {
    /// The kind of `word`, or `other` for a word FORMAT.md does not name.
    pub fn of(word: &str) -> &'static EntityKind {
        ENTITY_KINDS
            .iter()
            .find(|k| k.kind == word)
            .unwrap_or(&ENTITY_KINDS[ENTITY_KINDS.len() - 1])
    }

    /// Whether FORMAT.md names `word` as a kind.
    pub fn is_known(word: &str) -> bool {
        ENTITY_KINDS.iter().any(|k| k.kind == word)
    }

    /// The kind a curator most likely meant by a word FORMAT.md does not
    /// name: a kind written another way (`Court Case`), or a synonym of
    /// [`ENTITY_KIND_SYNONYMS`] (`company` → `organization`).
    pub fn synonym(word: &str) -> Option<&'static EntityKind> {
        let kind = |w: &str| ENTITY_KINDS.iter().find(|k| k.kind == w);
        look_up(word, |w| {
            kind(w).or_else(|| in_table(ENTITY_KIND_SYNONYMS, w).and_then(kind))
        })
    }
}

/// Directions a diagram can be laid out in (a view's `rankdir`).
pub const RANKDIRS: [&str; 4] = ["LR", "RL", "TB", "BT"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_has_its_line_and_a_distinct_one() {
        for (i, s) in Status::ALL.iter().enumerate() {
            assert_eq!(s.line().status, *s);
            assert_eq!(Status::parse(s.as_str()), Some(*s));
            for t in &Status::ALL[i + 1..] {
                assert!(s.weight() < t.weight(), "weights fall with the status");
                let (a, b) = (s.line(), t.line());
                assert_ne!((a.style, a.color), (b.style, b.color));
            }
        }
    }

    #[test]
    fn every_kind_has_a_distinct_shape_and_fill() {
        for (i, a) in ENTITY_KINDS.iter().enumerate() {
            assert!(super::super::palette::rgb(a.color).is_some());
            for b in &ENTITY_KINDS[i + 1..] {
                assert_ne!((a.shape, a.style), (b.shape, b.style));
                assert_ne!(a.fill, b.fill);
            }
        }
        assert_eq!(EntityKind::of("spaceship").kind, "other");
        assert!(EntityKind::is_known("court_case"));
        assert!(!EntityKind::is_known("company"));
    }

    #[test]
    fn source_kinds_round_trip() {
        for k in SourceKind::ALL {
            assert_eq!(SourceKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(SourceKind::parse("newspaper"), None);
        assert_eq!(SourceKind::synonym("newspaper"), Some(SourceKind::News));
        assert_eq!(
            SourceKind::synonym("Court Filings"),
            Some(SourceKind::CourtFiling)
        );
        assert_eq!(SourceKind::synonym("Tweet"), Some(SourceKind::Statement));
        assert_eq!(SourceKind::synonym("spaceship"), None);
    }

    /// Every synonym key is written the way [`vocab_word`] spells a word
    /// (or it could never be found), is not itself a kind, and names a
    /// kind of the format.
    #[test]
    fn synonym_tables_are_well_formed() {
        for (word, kind) in SOURCE_KIND_SYNONYMS {
            assert_eq!(vocab_word(word), *word);
            assert_eq!(SourceKind::parse(word), None, "{word}");
            assert_eq!(SourceKind::synonym(word), Some(*kind), "{word}");
        }
        for (word, kind) in ENTITY_KIND_SYNONYMS {
            assert_eq!(vocab_word(word), *word);
            assert!(!EntityKind::is_known(word), "{word}");
            assert_eq!(
                EntityKind::synonym(word).map(|k| k.kind),
                Some(*kind),
                "{word}"
            );
        }
        assert_eq!(
            EntityKind::synonym("Company").map(|k| k.kind),
            Some("organization")
        );
        assert_eq!(
            EntityKind::synonym("Court-Case").map(|k| k.kind),
            Some("court_case")
        );
        // A deliberate kind of one's own has no synonym.
        assert_eq!(EntityKind::synonym("vessel"), None);
    }
}
