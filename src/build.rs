//! What `casegraph build` writes: every output of a dataset, made in memory
//! and returned as (relative path, bytes), so the caller can write them all
//! atomically or not at all.

use crate::export::Format;
use crate::model::Model;
use crate::render::RenderError;
use std::fmt;
use std::path::PathBuf;

/// Why a build made nothing: one of its outputs could not be made (the
/// data was valid, so this is never the user's question going unanswered).
#[derive(Debug)]
pub enum BuildError {
    /// A diagram could not be drawn.
    Render(RenderError),
    /// A declared view selects nothing drawable.
    View(crate::render::views::ViewError),
    /// An export could not be written (into memory).
    Export {
        /// The export format.
        format: Format,
        /// What went wrong.
        error: std::io::Error,
    },
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::Render(e) => e.fmt(f),
            BuildError::View(e) => e.fmt(f),
            BuildError::Export { format, error } => {
                write!(f, "cannot export {}: {error}", format.name())
            }
        }
    }
}

impl std::error::Error for BuildError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            BuildError::Render(e) => Some(e),
            BuildError::View(e) => Some(e),
            BuildError::Export { error, .. } => Some(error),
        }
    }
}

impl From<RenderError> for BuildError {
    fn from(e: RenderError) -> Self {
        BuildError::Render(e)
    }
}

/// The files of a build, in a stable order.
///
/// # Errors
///
/// [`BuildError`] when a diagram or an export cannot be made.
pub fn outputs(model: &Model) -> Result<Vec<(PathBuf, Vec<u8>)>, BuildError> {
    let id = &model.dataset().id;
    let mut files = vec![(
        PathBuf::from(format!("{id}.json")),
        crate::export::canonical_json(model).into_bytes(),
    )];
    exports(model, &mut files)?;
    diagrams(model, &mut files)?;
    // The interactive page: written even past the drawable limit (without
    // its diagram), so every dataset gets one.
    files.push((
        PathBuf::from(format!("{id}.html")),
        crate::render::page::for_build(model)?.into_bytes(),
    ));
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}

/// Whether `build` draws the whole graph: only up to
/// [`crate::render::MAX_ENTITIES`]; a larger graph is still checked and
/// exported, and its diagrams are the declared views.
pub fn draws_whole_graph(model: &Model) -> bool {
    model.entity_count() <= crate::render::MAX_ENTITIES
}

/// The diagrams: the whole graph as `<dataset-id>.{dot,svg,png}` (when
/// [`draws_whole_graph`]), and each declared view as `<view-id>.svg` and
/// `<view-id>.png`, nothing else: no file is named after anything but the
/// dataset and its views.
fn diagrams(model: &Model, files: &mut Vec<(PathBuf, Vec<u8>)>) -> Result<(), BuildError> {
    use crate::render::{Layout, Options, dot_for, png, svg, views};
    let id = &model.dataset().id;
    if draws_whole_graph(model) {
        let all = crate::query::View::all(model);
        let (dot, layout) = dot_for(model, &all, &Options::new(), Layout::Auto);
        let svg = svg::pure(&dot, layout)?;
        let png = png::from_svg(&svg)?;
        files.push((PathBuf::from(format!("{id}.dot")), dot.into_bytes()));
        files.push((PathBuf::from(format!("{id}.svg")), svg.into_bytes()));
        files.push((PathBuf::from(format!("{id}.png")), png));
    }
    for spec in model.views() {
        let (view, opts) = views::prepare(model, spec).map_err(BuildError::View)?;
        let (dot, layout) = dot_for(model, &view, &opts, Layout::Auto);
        let svg = svg::pure(&dot, layout)?;
        let png = png::from_svg(&svg)?;
        files.push((PathBuf::from(format!("{}.svg", spec.id)), svg.into_bytes()));
        files.push((PathBuf::from(format!("{}.png", spec.id)), png));
    }
    Ok(())
}

/// Every export format of the whole dataset (the canonical JSON is above).
fn exports(model: &Model, files: &mut Vec<(PathBuf, Vec<u8>)>) -> Result<(), BuildError> {
    use crate::export::{csv, format, nodelink::LinksKey};
    let id = &model.dataset().id;
    let view = crate::query::View::all(model);
    let fail = |format: Format, error: std::io::Error| BuildError::Export { format, error };
    for f in Format::ALL {
        let name = format!("{id}{}", f.build_suffix());
        if f == Format::Json {
            continue;
        }
        if f == Format::Csv {
            for (file, part) in csv::FILES {
                let mut bytes = Vec::new();
                part(model, &view, &mut bytes).map_err(|e| fail(f, e))?;
                files.push((PathBuf::from(&name).join(file), bytes));
            }
            continue;
        }
        let mut bytes = Vec::new();
        format::write(model, &view, f, LinksKey::Edges, &mut bytes).map_err(|e| fail(f, e))?;
        files.push((PathBuf::from(name), bytes));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::export::Format;

    /// A view writes `<view-id>.svg` and `.png`; the validator refuses only
    /// a view named like the dataset (`bad-view`). That is enough as long
    /// as no other output of a build ends in `.svg` or `.png`: an export
    /// that did could be overwritten by a view, and this says so.
    #[test]
    fn only_the_whole_graph_and_the_views_are_svg_or_png() {
        for f in Format::ALL {
            let suffix = f.build_suffix();
            assert!(
                !std::path::Path::new(suffix)
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("svg") || e.eq_ignore_ascii_case("png")),
                "{suffix}: teach validate/views.rs's collision check about it"
            );
        }
    }
}
