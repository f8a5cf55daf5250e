//! Finding entities by id, name or alias: case- and accent-insensitive, best
//! match first.

use crate::model::{EntityIx, Model};
use unicode_normalization::UnicodeNormalization;

/// Folds text for matching: decomposed, accents dropped, lowercase.
pub fn fold(s: &str) -> String {
    s.nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// How well an entity matched, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchKind {
    /// The whole id, name or alias.
    Exact,
    /// The start of an id, name or alias (or of one of its words).
    Prefix,
    /// Somewhere inside.
    Substring,
    /// Close in spelling.
    Fuzzy,
}

/// Which field matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchField {
    /// The id.
    Id,
    /// The display name.
    Name,
    /// One of the aliases.
    Alias,
}

/// One search result.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// The entity.
    pub entity: EntityIx,
    /// How it matched.
    pub kind: MatchKind,
    /// Which field matched.
    pub field: MatchField,
    /// The text that matched (the id, the name or the alias).
    pub matched: String,
}

fn classify(query: &str, candidate: &str) -> Option<MatchKind> {
    if candidate == query {
        Some(MatchKind::Exact)
    } else if candidate.starts_with(query)
        || candidate
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| !w.is_empty() && w.starts_with(query))
    {
        Some(MatchKind::Prefix)
    } else if candidate.contains(query) {
        Some(MatchKind::Substring)
    } else {
        let close = |w: &str| {
            let limit = if query.chars().count() >= 8 { 2 } else { 1 };
            strsim::damerau_levenshtein(query, w) <= limit
        };
        (query.chars().count() >= 4
            && (close(candidate) || candidate.split(|c: char| !c.is_alphanumeric()).any(close)))
        .then_some(MatchKind::Fuzzy)
    }
}

/// Entities whose id, name or alias match `query`, best first: exact, prefix,
/// substring, then fuzzy; ties by field (id, name, alias), then by id.
pub fn search(model: &Model, query: &str) -> Vec<Hit> {
    let q = fold(query.trim());
    if q.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<Hit> = model
        .entities()
        .filter_map(|e| {
            let fields = std::iter::once((MatchField::Id, e.id()))
                .chain(std::iter::once((MatchField::Name, e.name())))
                .chain(e.aliases().map(|a| (MatchField::Alias, a)));
            fields
                .filter_map(|(field, text)| {
                    classify(&q, &fold(text)).map(|kind| (kind, field, text))
                })
                .min_by_key(|(kind, field, _)| (*kind, *field))
                .map(|(kind, field, text)| Hit {
                    entity: e.ix(),
                    kind,
                    field,
                    matched: text.to_owned(),
                })
        })
        .collect();
    hits.sort_by(|a, b| {
        (a.kind, a.field)
            .cmp(&(b.kind, b.field))
            .then_with(|| model.entity(a.entity).id().cmp(model.entity(b.entity).id()))
    });
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(fold("Ärger Café"), "arger cafe");
    }

    #[test]
    fn classification_order() {
        assert_eq!(classify("meta", "meta"), Some(MatchKind::Exact));
        assert_eq!(classify("hast", "reed hastings"), Some(MatchKind::Prefix));
        assert_eq!(
            classify("stings", "reed hastings"),
            Some(MatchKind::Substring)
        );
        assert_eq!(
            classify("hastigns", "reed hastings"),
            Some(MatchKind::Fuzzy)
        );
        assert_eq!(classify("xyz", "reed hastings"), None);
    }
}
