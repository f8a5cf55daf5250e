//! Turning what a user typed (`netflix`, `Reed Hastings`, `FTC`) into one entity.

use super::search::{fold, search};
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

/// Resolves an entity argument: an id, else a name, else an alias, each
/// compared case-insensitively, in that order of precedence.
pub fn resolve(model: &Model, query: &str) -> Result<EntityIx, ResolveError> {
    if let Some(ix) = resolve_exact(model, query)? {
        return Ok(ix);
    }
    let candidates = search(model, query)
        .into_iter()
        .take(5)
        .map(|h| h.entity)
        .collect();
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
