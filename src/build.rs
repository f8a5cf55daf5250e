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
    files.extend(crate::render::publish::outputs(model)?);
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
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
