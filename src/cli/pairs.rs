//! The file of `path --pairs FILE`: one pair of entities per line.
//!
//! The whole file is read and checked before any path is searched, so a
//! typo on line 90 fails the batch before the answers to lines 1–89 have
//! been printed, and every bad line is reported in one go.

use super::Failure;
use crate::diag::{InputError, SourceFile, SourceFiles, Span};
use crate::model::{EntityIx, Model};
use crate::query::{How, ResolveError, resolve, resolve_exact};
use std::path::Path;

/// One pair of a pairs file, resolved to entities.
#[derive(Clone, Copy, Debug)]
pub(super) struct Pair {
    /// The 1-based line it is on.
    pub line: usize,
    /// Where the path starts.
    pub from: EntityIx,
    /// Where it ends.
    pub to: EntityIx,
}

/// Reads a pairs file, kept as a [`SourceFiles`] so errors can show its lines.
pub(super) fn read(path: &Path) -> Result<SourceFiles, Failure> {
    let shown = path.display();
    let bytes = std::fs::read(path)
        .map_err(|e| Failure::query(format!("cannot read the pairs file `{shown}`: {e}")))?;
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = 1 + good.iter().filter(|&&b| b == b'\n').count();
        Failure::query(format!(
            "the pairs file `{shown}` is not UTF-8 text (line {line} has a byte that is not)"
        ))
    })?;
    // Dropped so that it does not count as a column of the first line.
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    let mut files = SourceFiles::default();
    files.add(SourceFile::new(shown.to_string(), text));
    Ok(files)
}

/// The fields of a line with their byte offsets in it: split at tabs when
/// the line has one (each field trimmed, possibly empty), else at runs of
/// white space (ids have no spaces; a name with spaces needs the tab).
fn fields(line: &str) -> Vec<(usize, &str)> {
    if line.contains('\t') {
        let mut start = 0;
        line.split('\t')
            .map(|part| {
                let lead = part.len() - part.trim_start().len();
                let field = (start + lead, part.trim());
                start += part.len() + 1;
                field
            })
            .collect()
    } else {
        let base = line.as_ptr() as usize;
        line.split_whitespace()
            .map(|w| (w.as_ptr() as usize - base, w))
            .collect()
    }
}

/// For a line of more than two space-separated words, the one way to cut
/// it into two ends that both name an entity (`Reed Hastings netflix`), if
/// there is exactly one.
fn split_names<'a>(
    model: &Model,
    line: &'a str,
    words: &[(usize, &str)],
) -> Option<(&'a str, &'a str)> {
    let (first, _) = words[0];
    let (last, last_text) = words[words.len() - 1];
    let end = last + last_text.len();
    let names = |s: &str| matches!(resolve_exact(model, s), Ok(Some(_)));
    let mut cuts = words[1..].iter().filter_map(|&(at, _)| {
        let (from, to) = (line[first..at].trim_end(), &line[at..end]);
        (names(from) && names(to)).then_some((from, to))
    });
    let cut = cuts.next()?;
    cuts.next().is_none().then_some(cut)
}

/// `` `id` (Name) `` for a help line.
fn candidate(id: &str, name: &str) -> String {
    format!("`{id}` ({name})")
}

/// Checks every line of the pairs file against the model and the options
/// that concern single pairs (`--via`, `--avoid`); the pairs in file order,
/// or every problem found.
pub(super) fn check(
    model: &Model,
    files: &SourceFiles,
    via: Option<EntityIx>,
    avoid: &[EntityIx],
) -> Result<Vec<Pair>, Vec<InputError>> {
    let text = files.get(0).text.clone();
    let mut pairs = Vec::new();
    let mut errors = Vec::new();
    let mut line_start = 0;
    for (n, raw) in text.split('\n').enumerate() {
        let start = line_start;
        line_start += raw.len() + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let span = |offset: usize, len: usize| Span {
            file: 0,
            offset: start + offset,
            len,
        };
        let tabs = line.contains('\t');
        let fields = fields(line);
        let ends = match fields[..] {
            [] => continue, // not reached: blank lines are skipped above
            [(a, from), (b, to)] if !from.is_empty() && !to.is_empty() => [(a, from), (b, to)],
            [(a, one)] => {
                errors.push(InputError {
                    code: "pair-fields",
                    span: span(a, one.len()),
                    message: "a pair needs two ends; this line has one".into(),
                    label: "the only end on this line".into(),
                    help: Some("write the other end after it, separated by a tab".into()),
                });
                continue;
            }
            [(a, from), (b, _)] => {
                let (at, which) = if from.is_empty() {
                    (a, "first")
                } else {
                    (b, "second")
                };
                errors.push(InputError {
                    code: "pair-fields",
                    span: span(at, 1),
                    message: format!("the {which} end of the pair is empty"),
                    label: "nothing here".into(),
                    help: Some("write one entity on each side of the tab".into()),
                });
                continue;
            }
            [_, _, (third, _), ..] => {
                let (last, last_text) = fields[fields.len() - 1];
                let help = if tabs {
                    "one pair per line: FROM, a tab, TO".to_owned()
                } else if let Some((from, to)) = split_names(model, line, &fields) {
                    format!(
                        "did you mean `{from}` and `{to}`? Without a tab every space separates \
                         two ends: put a tab between them"
                    )
                } else {
                    "without a tab every space separates two ends: \
                     put a tab between the two ends when a name has spaces"
                        .to_owned()
                };
                errors.push(InputError {
                    code: "pair-fields",
                    span: span(third, last + last_text.len() - third),
                    message: format!("a pair has two ends; this line has {} fields", fields.len()),
                    label: "more than two ends".into(),
                    help: Some(help),
                });
                continue;
            }
        };
        let mut resolved = [None, None];
        for (slot, &(offset, query)) in resolved.iter_mut().zip(&ends) {
            let found = match resolve(model, query) {
                Ok(r) if r.how == How::Exact => Ok(r.index),
                // A file is read again and again, as the data grows: a
                // guess is offered, never taken.
                Ok(r) => {
                    let e = model.entity(r.index);
                    Err(ResolveError::NotFound {
                        query: query.to_owned(),
                        candidates: vec![(e.id().to_owned(), e.name().to_owned())],
                    })
                }
                Err(e) => Err(e),
            };
            match found {
                Ok(ix) => *slot = Some(ix),
                Err(ResolveError::NotFound { candidates, .. }) => {
                    let help = match &candidates[..] {
                        [] => "`casegraph search TEXT` finds entities by part of their id, name or alias".to_owned(),
                        // The best of the single query's "closest" list.
                        [(id, name), ..] => format!("did you mean {}?", candidate(id, name)),
                    };
                    errors.push(InputError {
                        code: "unknown-entity",
                        span: span(offset, query.len()),
                        message: format!("no entity has the id, name or alias `{query}`"),
                        label: "no such entity".into(),
                        help: Some(help),
                    });
                }
                Err(ResolveError::Ambiguous { field, matches, .. }) => {
                    let all: Vec<String> = matches.iter().map(|(i, n)| candidate(i, n)).collect();
                    errors.push(InputError {
                        code: "ambiguous-entity",
                        span: span(offset, query.len()),
                        message: format!("`{query}` is the {field} of {} entities", matches.len()),
                        label: "names more than one entity".into(),
                        help: Some(format!("name one of them by its id: {}", all.join(", "))),
                    });
                }
            }
        }
        let [Some(from), Some(to)] = resolved else {
            continue;
        };
        let id = |ix: EntityIx| model.entity(ix).id().to_owned();
        if from == to {
            let (offset, query) = ends[1];
            errors.push(InputError {
                code: "same-entity",
                span: span(offset, query.len()),
                message: format!("both ends of the pair are `{}`", id(to)),
                label: "the same entity as the first end".into(),
                help: Some("a path joins two different entities".into()),
            });
            continue;
        }
        // The single query refuses these as usage errors; here they belong
        // to a line, so they are reported with it.
        let before = errors.len();
        for (ix, (offset, query)) in [from, to].into_iter().zip(ends) {
            let (code, message, help) = if avoid.contains(&ix) {
                (
                    "avoided-end",
                    format!("`--avoid {}` excludes an end of this pair", id(ix)),
                    "a path cannot avoid its own ends: drop the pair or the `--avoid`",
                )
            } else if via == Some(ix) {
                (
                    "via-end",
                    format!("`--via {}` is an end of this pair", id(ix)),
                    "`--via` must name an entity other than the two ends",
                )
            } else {
                continue;
            };
            errors.push(InputError {
                code,
                span: span(offset, query.len()),
                message,
                label: "this end".into(),
                help: Some(help.into()),
            });
        }
        if errors.len() == before {
            pairs.push(Pair {
                line: n + 1,
                from,
                to,
            });
        }
    }
    if errors.is_empty() {
        Ok(pairs)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::fields;

    #[test]
    fn a_tab_separates_when_there_is_one_else_white_space() {
        assert_eq!(fields("a b\tc"), vec![(0, "a b"), (4, "c")]);
        assert_eq!(fields(" a \t c "), vec![(1, "a"), (5, "c")]);
        assert_eq!(fields("a\t"), vec![(0, "a"), (2, "")]);
        assert_eq!(fields("  a   b c"), vec![(2, "a"), (6, "b"), (8, "c")]);
    }
}
