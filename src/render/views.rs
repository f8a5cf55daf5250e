//! The views a dataset declares (`views` in the data), drawn: what each
//! selects goes through [`super::select`] and, for a path, the path query
//! the CLI uses ([`crate::query::path::paths`]); its title, caption, notes,
//! highlight, footnotes and rankdir become drawing [`Options`].
//!
//! Nothing here knows any dataset: `casegraph build` draws exactly the
//! views the data declares, and `render --view` one of them.

use super::select::{SelectError, Selection, select};
use super::{Format, Layout, Options, RenderError, Renderer, render};
use crate::model::{Model, PathOptions, Selects, ViewSpec};
use crate::query::path::{PathMode, PathQuery};
use crate::query::{Filter, View};
use std::fmt;

/// The path question of a path view: the `path` command's, with the
/// view's `path_options`.
pub fn query_of(
    from: crate::model::EntityIx,
    to: crate::model::EntityIx,
    o: &PathOptions,
) -> PathQuery {
    let mut q = PathQuery::new(from, to);
    q.credible = o.credible;
    q.via = o.via;
    q.avoid.clone_from(&o.avoid);
    q.directed = o.directed;
    if let Some(n) = o.max_hops {
        q.max_hops = n;
    }
    if o.k > 1 {
        q.mode = PathMode::K(o.k);
        q.limit = o.k;
    }
    q
}

/// Why a declared view cannot be drawn (the data is valid: its filter or
/// path question leaves nothing).
#[derive(Clone, Debug)]
pub struct ViewError {
    /// The view's id.
    pub view: String,
    /// What went wrong, in words.
    pub message: String,
    /// Whether the view selects more than a diagram can lay out
    /// ([`super::MAX_RELATIONSHIPS`]), rather than too little.
    pub too_large: bool,
}

impl fmt::Display for ViewError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "view `{}`: {}", self.view, self.message)
    }
}

impl std::error::Error for ViewError {}

/// The view of the graph and the drawing options of `spec`.
///
/// # Errors
///
/// [`ViewError`] when its path is not found or its filter leaves nothing.
pub fn prepare(model: &Model, spec: &ViewSpec) -> Result<(View, Options), ViewError> {
    let filter: Filter = spec.filter.clone();
    let selection = match &spec.selects {
        Selects::All => Selection::Whole,
        Selects::Focus { entity, depth } => Selection::Focus {
            center: *entity,
            depth: *depth,
        },
        Selects::Path { from, to, options } => Selection::Path {
            query: query_of(*from, *to, options),
            context: options.context,
        },
    };
    let mut opts = Options::new();
    opts.footnotes = spec.footnotes;
    opts.rankdir = spec.rankdir.into();
    // `Some` so a filtered whole-graph view drops the entities its filter
    // strands, as `render` does; the subtitle is the view's title anyway.
    let filtered = (!filter.is_empty()).then_some("");
    let fail = |message: String| ViewError {
        view: spec.id.clone(),
        message,
        too_large: false,
    };
    let filtered_view = filter.view(model);
    // An end the filter removed would be drawn alone, or not found: say so.
    let ends: Vec<(crate::model::EntityIx, &str)> = match &spec.selects {
        Selects::All => Vec::new(),
        Selects::Focus { entity, .. } => vec![(*entity, "focus")],
        Selects::Path { from, to, .. } => vec![(*from, "path"), (*to, "path")],
    };
    if let Some((e, what)) = ends.iter().find(|(e, _)| !filtered_view.has_entity(*e)) {
        return Err(fail(format!(
            "its `filter` leaves out `{}`, named in its `{what}`",
            model.entity(*e).id()
        )));
    }
    let (view, mut opts) = match select(model, filtered_view, filtered, selection, opts, true) {
        Ok(chosen) => chosen,
        Err(SelectError::Path(e, q)) => {
            // The validator refuses the combinations the search cannot
            // answer (`bad-view`), so this is nearly always "no path".
            let why = e.to_string();
            return Err(fail(format!(
                "{why} from `{}` to `{}` under its `filter` and `path_options`",
                model.entity(q.from).id(),
                model.entity(q.to).id()
            )));
        }
        Err(SelectError::Empty) => return Err(fail("its `filter` leaves nothing to draw".into())),
        Err(SelectError::TooLarge(n, r)) => {
            return Err(fail(format!("{n} entities and {r} relationships")));
        }
    };
    // Declared views are drawn whatever their number of entities, but not
    // past the relationships a layout can take (100,000 between two
    // entities took it past 13 GB).
    if view.relationship_count() > super::MAX_RELATIONSHIPS {
        return Err(ViewError {
            too_large: true,
            ..fail(format!(
                "it selects {} relationships, more than the {} a diagram can lay out",
                view.relationship_count(),
                super::MAX_RELATIONSHIPS
            ))
        });
    }
    opts.subtitle = Some(spec.title.clone());
    opts.caption.clone_from(&spec.caption);
    opts.notes = spec
        .notes
        .iter()
        .map(|n| (n.about, n.text.clone()))
        .collect();
    if !spec.highlight_entities.is_empty() || !spec.highlight_relationships.is_empty() {
        let g = model.graph();
        let h = opts.highlight.get_or_insert_with(|| View {
            entities: fixedbitset::FixedBitSet::with_capacity(g.node_count()),
            relationships: fixedbitset::FixedBitSet::with_capacity(g.edge_count()),
        });
        for e in &spec.highlight_entities {
            h.entities.insert(e.index());
        }
        for r in &spec.highlight_relationships {
            h.relationships.insert(r.index());
        }
        // Emphasised wins over greyed.
        if let Some(f) = &mut opts.faded {
            f.entities.difference_with(&h.entities);
            f.relationships.difference_with(&h.relationships);
        }
    }
    Ok((view, opts))
}

/// How many entities and relationships `view` draws (a relationship is
/// drawn when both its ends are).
pub fn counts(model: &Model, view: &View) -> (usize, usize) {
    let rels = model
        .relationships()
        .filter(|r| {
            view.has_relationship(r.ix()) && view.has_entity(r.from()) && view.has_entity(r.to())
        })
        .count();
    (view.entities.count_ones(..), rels)
}

/// What `spec` selects, in words: `within 1 hop of netflix`,
/// `path netflix → ftc (via meta-platforms-ireland)`, `the whole graph`,
/// with ` · filter: …` when it filters.
pub fn describe(model: &Model, spec: &ViewSpec) -> String {
    let id = |e: crate::model::EntityIx| model.entity(e).id().to_owned();
    let mut s = match &spec.selects {
        Selects::All => "the whole graph".to_owned(),
        Selects::Focus { entity, depth } => format!(
            "within {depth} hop{} of {}",
            if *depth == 1 { "" } else { "s" },
            id(*entity)
        ),
        Selects::Path { from, to, options } => {
            let mut s = format!("path {} → {}", id(*from), id(*to));
            if let Some(v) = options.via {
                s.push_str(&format!(" via {}", id(v)));
            }
            if options.k > 1 {
                s.push_str(&format!(", {} best", options.k));
            }
            s
        }
    };
    let f = &spec.filter;
    let mut parts = Vec::new();
    if let Some(t) = &f.types {
        parts.push(format!("types {}", t.join(", ")));
    }
    if !f.exclude_types.is_empty() {
        parts.push(format!("not types {}", f.exclude_types.join(", ")));
    }
    if let Some(k) = &f.kinds {
        parts.push(format!("kinds {}", k.join(", ")));
    }
    if let Some(st) = &f.statuses {
        let words: Vec<&str> = st.iter().map(|s| s.as_str()).collect();
        parts.push(format!("status {}", words.join(", ")));
    }
    if f.no_disputed {
        parts.push("no disputed".into());
    }
    if let Some(d) = f.as_of {
        parts.push(format!("as of {d}"));
    }
    if let Some((a, b)) = f.between {
        parts.push(format!("between {a} and {b}"));
    }
    if !parts.is_empty() {
        s.push_str(" · ");
        s.push_str(&parts.join("; "));
    }
    s
}

/// Draws `spec` in `format` (graphviz-pure, the layout [`Layout::Auto`] picks).
///
/// # Errors
///
/// [`DrawError`]: the view selects nothing, or the drawing failed.
pub fn draw(model: &Model, spec: &ViewSpec, format: Format) -> Result<Vec<u8>, DrawError> {
    let (view, opts) = prepare(model, spec).map_err(DrawError::View)?;
    render(model, &view, &opts, format, Layout::Auto, Renderer::Pure).map_err(DrawError::Render)
}

/// Why a view was not drawn.
#[derive(Clone, Debug)]
pub enum DrawError {
    /// The view selects nothing drawable.
    View(ViewError),
    /// The layout or the rasterizer failed.
    Render(RenderError),
}

impl fmt::Display for DrawError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DrawError::View(e) => e.fmt(f),
            DrawError::Render(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for DrawError {}
