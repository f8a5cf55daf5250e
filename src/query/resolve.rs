//! Turning what a user typed (`netflix`, `Reed Hastings`, `FTC`) into one entity.

use super::search::{MatchKind, fold, search};
use crate::model::{EntityIx, Model};
use std::fmt;

/// Why an `ENTITY` argument names no single entity.
#[derive(Clone, Debug, PartialEq)]
pub enum ResolveError {
    /// Nothing matches; the closest candidates (id and name) follow.
    NotFound {
        /// What the user typed.
        query: String,
        /// `(id, name)` of the closest entities.
        candidates: Vec<(String, String)>,
    },
    /// Several entities match at the same precedence.
    Ambiguous {
        /// What the user typed.
        query: String,
        /// Which field matched: `name` or `alias`.
        field: &'static str,
        /// `(id, name)` of each match.
        matches: Vec<(String, String)>,
    },
}

impl fmt::Display for ResolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResolveError::NotFound { query, candidates } => {
                write!(f, "no entity has the id, name or alias `{query}`")?;
                if !candidates.is_empty() {
                    f.write_str("\n  closest:")?;
                    for (id, name) in candidates {
                        write!(f, "\n    {id}  ({name})")?;
                    }
                }
                Ok(())
            }
            ResolveError::Ambiguous {
                query,
                field,
                matches,
            } => {
                write!(f, "`{query}` is the {field} of {} entities:", matches.len())?;
                for (id, name) in matches {
                    write!(f, "\n    {id}  ({name})")?;
                }
                write!(f, "\n  name one of them by its id")
            }
        }
    }
}

impl std::error::Error for ResolveError {}

/// How an `ENTITY` argument found its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum How {
    /// The whole id, name or alias (case- and accent-insensitive).
    Exact,
    /// The start of an id, name or alias, or of one of its words, and of
    /// no other entity's (`kogan` → Aleksandr Kogan).
    Prefix,
    /// Part of an id, name or alias, and of no other entity's.
    Substring,
}

/// The entity an `ENTITY` argument names, and how it was found: a caller
/// that shows answers says so when it was not [`How::Exact`], so a guess
/// is never taken silently.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Resolved {
    /// The entity.
    pub index: EntityIx,
    /// How the argument matched it.
    pub how: How,
}

/// Resolves an entity argument: an id, else a name, else an alias, each
/// compared case-insensitively, in that order of precedence; failing
/// those, the one entity that [`search`] finds by prefix or substring,
/// when it finds exactly one (several, or only spellings close to the
/// argument, are [`ResolveError::NotFound`] with the closest listed).
pub fn resolve(model: &Model, query: &str) -> Result<Resolved, ResolveError> {
    if let Some(index) = resolve_exact(model, query)? {
        return Ok(Resolved {
            index,
            how: How::Exact,
        });
    }
    let hits = search(model, query);
    // Hits come best first: the prefix and substring ones lead.
    let partial: Vec<_> = hits
        .iter()
        .take_while(|h| matches!(h.kind, MatchKind::Prefix | MatchKind::Substring))
        .take(2)
        .collect();
    if let [one] = partial[..] {
        let how = match one.kind {
            MatchKind::Prefix => How::Prefix,
            _ => How::Substring,
        };
        return Ok(Resolved {
            index: one.entity,
            how,
        });
    }
    let candidates = hits.into_iter().take(5).map(|h| h.entity).collect();
    Err(ResolveError::NotFound {
        query: query.to_owned(),
        candidates: describe(model, candidates),
    })
}

/// [`resolve`] without the search for close candidates when nothing
/// matches (`Ok(None)`), for callers that only try out a guess.
pub fn resolve_exact(model: &Model, query: &str) -> Result<Option<EntityIx>, ResolveError> {
    if let Some(ix) = model.entity_by_id(query) {
        return Ok(Some(ix));
    }
    let q = fold(query.trim());
    let id_matches: Vec<EntityIx> = model
        .entities()
        .filter(|e| fold(e.id()) == q)
        .map(|e| e.ix())
        .collect();
    if let [one] = id_matches[..] {
        return Ok(Some(one));
    }
    for (field, matches) in [
        (
            "name",
            model
                .entities()
                .filter(|e| fold(e.name()) == q)
                .map(|e| e.ix())
                .collect::<Vec<_>>(),
        ),
        (
            "alias",
            model
                .entities()
                .filter(|e| e.aliases().any(|a| fold(a) == q))
                .map(|e| e.ix())
                .collect(),
        ),
    ] {
        match matches[..] {
            [] => {}
            [one] => return Ok(Some(one)),
            _ => {
                return Err(ResolveError::Ambiguous {
                    query: query.to_owned(),
                    field,
                    matches: describe(model, matches),
                });
            }
        }
    }
    Ok(None)
}

fn describe(model: &Model, ixs: Vec<EntityIx>) -> Vec<(String, String)> {
    let mut v: Vec<_> = ixs
        .into_iter()
        .map(|ix| {
            let e = model.entity(ix);
            (e.id().to_owned(), e.name().to_owned())
        })
        .collect();
    v.sort();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> Model {
        let json = r#"{"sources": [{"id": "s", "title": "S"}],
"entities": [
  {"id": "aleksandr-kogan", "name": "Aleksandr Kogan", "kind": "person"},
  {"id": "gsr", "name": "Global Science Research", "kind": "organization"},
  {"id": "scl", "name": "SCL Group", "kind": "organization"},
  {"id": "scl-elections", "name": "SCL Elections", "kind": "organization"}],
"relationships": [
  {"from": "aleksandr-kogan", "to": "gsr", "type": "founded", "evidence": [{"source": "s"}]},
  {"from": "scl", "to": "scl-elections", "type": "owns", "evidence": [{"source": "s"}]}]}"#;
        crate::load_str("t.json", json).model.expect("valid")
    }

    #[test]
    fn one_partial_match_is_taken_and_says_how() {
        let m = model();
        let id = |s| m.entity_by_id(s).unwrap();
        let got = |q| resolve(&m, q);
        assert_eq!(
            got("Aleksandr Kogan"),
            Ok(Resolved {
                index: id("aleksandr-kogan"),
                how: How::Exact
            })
        );
        assert_eq!(
            got("kogan"),
            Ok(Resolved {
                index: id("aleksandr-kogan"),
                how: How::Prefix
            })
        );
        assert_eq!(
            got("science"),
            Ok(Resolved {
                index: id("gsr"),
                how: How::Prefix
            })
        );
        assert_eq!(
            got("ogan"),
            Ok(Resolved {
                index: id("aleksandr-kogan"),
                how: How::Substring
            })
        );
        // `scl` is an id; `SCL E` starts only one name.
        assert_eq!(got("scl").map(|r| r.how), Ok(How::Exact));
        assert_eq!(got("SCL E").map(|r| r.index), Ok(id("scl-elections")));
    }

    #[test]
    fn several_partial_matches_or_a_fuzzy_one_are_not_taken() {
        let m = model();
        let Err(ResolveError::NotFound { candidates, .. }) = resolve(&m, "sc") else {
            panic!("`sc` starts three entities");
        };
        let ids: Vec<&str> = candidates.iter().map(|(id, _)| id.as_str()).collect();
        // `Global Science Research` has a word starting `sc` too.
        assert_eq!(ids, ["gsr", "scl", "scl-elections"]);
        // Close in spelling only: listed, never taken.
        assert!(matches!(
            resolve(&m, "kogna"),
            Err(ResolveError::NotFound { .. })
        ));
        assert!(matches!(
            resolve(&m, ""),
            Err(ResolveError::NotFound { .. })
        ));
    }
}
