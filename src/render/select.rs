//! What a diagram shows: the whole (filtered) graph, an entity's
//! neighbourhood or a path, the subtitle that says so, and the size
//! policy. `casegraph render` and `casegraph build` both choose their
//! views here, so a diagram of the same question reads the same.

use super::{MAX_ENTITIES, Options};
use crate::model::{EntityIx, Model};
use crate::query::View;
use crate::query::path::{PathError, PathQuery, paths};

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
    /// The best path from `from` to `to`, its hops highlighted, and,
    /// greyed, the entities `context` hops off it.
    Path {
        /// Where the path starts.
        from: EntityIx,
        /// Where it ends.
        to: EntityIx,
        /// The most credible path rather than the shortest.
        credible: bool,
        /// Hops of greyed context around the path.
        context: usize,
    },
    /// The paths a whole path question finds (every option of
    /// `casegraph path`), their hops highlighted; with `--k`, every path
    /// returned is drawn, the first one's summary in the subtitle.
    Query {
        /// The question.
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
    /// The diagram would have this many entities, more than
    /// [`MAX_ENTITIES`], and drawing it was not forced.
    TooLarge(usize),
}

/// The subtitle of an ego network: `Entities within 1 hop of Netflix, Inc.`.
pub fn focus_subtitle(model: &Model, center: EntityIx, depth: usize) -> String {
    format!(
        "Entities within {depth} hop{} of {}",
        if depth == 1 { "" } else { "s" },
        model.entity(center).name()
    )
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
        Selection::Path {
            from,
            to,
            credible,
            context,
        } => {
            let mut query = PathQuery::new(from, to);
            query.credible = credible;
            (view, opts) = path_selection(model, view, query, context, opts, &mut about)?;
        }
        Selection::Query { query, context } => {
            (view, opts) = path_selection(model, view, query, context, opts, &mut about)?;
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
    if n > MAX_ENTITIES && !force {
        return Err(SelectError::TooLarge(n));
    }
    Ok((view, opts))
}

/// The diagram of the paths `q` finds within `view`, and the subtitle
/// line that says what the first one is.
fn path_selection(
    model: &Model,
    view: View,
    q: PathQuery,
    context: usize,
    opts: Options,
    about: &mut Vec<String>,
) -> Result<(View, Options), SelectError> {
    let found = match paths(model, &view, &q) {
        Ok(found) => found.paths,
        Err(e) => return Err(SelectError::Path(e, q)),
    };
    let Some(path) = found.first() else {
        return Err(SelectError::Path(PathError::NoPath, q));
    };
    let hops = path.len();
    about.push(format!(
        "{} connection from {} to {}: {hops} hop{}, weakest {}",
        if q.credible {
            "Most credible"
        } else {
            "Shortest"
        },
        model.entity(q.from).name(),
        model.entity(q.to).name(),
        if hops == 1 { "" } else { "s" },
        path.weakest
    ));
    Ok(super::path::paths_diagram(
        model, &view, &found, context, opts,
    ))
}
