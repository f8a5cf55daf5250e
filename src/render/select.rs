//! What a diagram shows: the whole (filtered) graph, an entity's
//! neighbourhood or a path, the subtitle that says so, and the size
//! policy. `casegraph render` and `casegraph build` both choose their
//! views here, so a diagram of the same question reads the same.

use super::{MAX_ENTITIES, Options};
use crate::model::{EntityIx, Model};
use crate::query::View;
use crate::query::path::{Path, PathError, PathMode, PathQuery, paths};

/// Which part of the view to draw.
#[derive(Clone, Debug)]
pub enum Selection {
    /// Everything in the view (without the entities a filter stranded).
    Whole,
    /// The entities within `depth` hops of `center`, and the
    /// relationships among them.
    Focus {
        /// The entity in the middle.
        center: EntityIx,
        /// Hops from it.
        depth: usize,
    },
    /// The paths `query` finds (the best one, or several with
    /// [`PathMode::All`] and [`PathMode::K`]), their hops highlighted, and,
    /// greyed, the entities `context` hops off them.
    Path {
        /// The question, as `casegraph path` asks it.
        query: PathQuery,
        /// Hops of greyed context around the paths.
        context: usize,
    },
}

/// Why a selection cannot be drawn.
#[derive(Clone, Debug)]
pub enum SelectError {
    /// The path search failed; the question is given so the caller can
    /// explain it ([`crate::query::explain_no_path`]).
    Path(PathError, PathQuery),
    /// The view leaves no entity to draw.
    Empty,
    /// The diagram would have this many entities and relationships, more
    /// than [`MAX_ENTITIES`] or [`super::MAX_RELATIONSHIPS`], and drawing it
    /// was not forced.
    TooLarge(usize, usize),
}

/// The subtitle of an ego network: `Entities within 1 hop of Netflix, Inc.`.
pub fn focus_subtitle(model: &Model, center: EntityIx, depth: usize) -> String {
    format!(
        "Entities within {depth} hop{} of {}",
        if depth == 1 { "" } else { "s" },
        model.entity(center).name()
    )
}

/// The subtitle of a path diagram: `Shortest connection from Netflix, Inc.
/// to U.S. Federal Trade Commission: 2 hops, weakest reported`, or, for
/// several paths, how many and their range of hops.
fn path_subtitle(model: &Model, q: &PathQuery, found: &[Path]) -> String {
    let kind = if q.credible {
        "Most credible"
    } else if q.avoid_hubs {
        "Hub-avoiding"
    } else if q.chronological {
        "Shortest time-respecting"
    } else {
        "Shortest"
    };
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let (from, to) = (model.entity(q.from).name(), model.entity(q.to).name());
    let weakest = found
        .iter()
        .map(|p| p.weakest)
        .max()
        .unwrap_or(crate::model::Status::Confirmed);
    let mut text = match found {
        [path] => {
            let hops = path.len();
            format!(
                "{kind} connection from {from} to {to}: {hops} hop{}, weakest {weakest}",
                plural(hops)
            )
        }
        _ => {
            let lo = found.iter().map(Path::len).min().unwrap_or(0);
            let hi = found.iter().map(Path::len).max().unwrap_or(0);
            let hops = if lo == hi {
                format!("{lo} hop{}", plural(lo))
            } else {
                format!("{lo}–{hi} hops")
            };
            let which = match q.mode {
                PathMode::All => "shortest connections",
                _ => "best connections",
            };
            format!(
                "The {} {which} from {from} to {to}: {hops}, weakest {weakest}",
                found.len()
            )
        }
    };
    if let Some(v) = q.via {
        text.push_str(&format!(", through {}", model.entity(v).name()));
    }
    text
}

/// The view and options of a diagram of the paths found: one path's
/// diagram, or several joined ([`super::path::paths_diagram`]).
fn path_diagram(
    model: &Model,
    view: &View,
    found: &[Path],
    context: usize,
    opts: Options,
) -> (View, Options) {
    if let [one] = found {
        return super::path::path_diagram(model, view, one, context, opts);
    }
    super::path::paths_diagram(model, view, found, context, opts)
}

/// The view and drawing options of a diagram of `selection` within `view`
/// (the filtered graph). `filtered` is the filter in force as the reader
/// should see it in the subtitle (`Filtered: --types paid`), `None` when
/// nothing is filtered; `force` lifts the size limit.
///
/// # Errors
///
/// [`SelectError`]: the path search failed, nothing is left to draw, or
/// too much is.
pub fn select(
    model: &Model,
    mut view: View,
    filtered: Option<&str>,
    selection: Selection,
    mut opts: Options,
    force: bool,
) -> Result<(View, Options), SelectError> {
    let mut about = Vec::new();
    match selection {
        Selection::Focus { center, depth } => {
            view.focus(model, center, depth);
            about.push(focus_subtitle(model, center, depth));
        }
        Selection::Path { query: q, context } => {
            let found = match paths(model, &view, &q) {
                Ok(found) if !found.paths.is_empty() => found.paths,
                Ok(_) => return Err(SelectError::Path(PathError::NoPath, q)),
                Err(e) => return Err(SelectError::Path(e, q)),
            };
            about.push(path_subtitle(model, &q, &found));
            (view, opts) = path_diagram(model, &view, &found, context, opts);
        }
        Selection::Whole if filtered.is_some() => view.drop_isolated(model),
        Selection::Whole => {}
    }
    if let Some(f) = filtered {
        about.push(format!("Filtered: {f}"));
    }
    if !about.is_empty() {
        opts.subtitle = Some(about.join(" · "));
    }
    let n = view.entities.count_ones(..);
    if n == 0 {
        return Err(SelectError::Empty);
    }
    let r = view.relationship_count();
    if (n > MAX_ENTITIES || r > super::MAX_RELATIONSHIPS) && !force {
        return Err(SelectError::TooLarge(n, r));
    }
    Ok((view, opts))
}
