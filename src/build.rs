//! What `casegraph build` writes: every output of a dataset, made in memory
//! and returned as (relative path, bytes), so the caller can write them all
//! atomically or not at all.

use crate::model::Model;
use std::path::PathBuf;

/// The files of a build, in a stable order.
pub fn outputs(model: &Model) -> Result<Vec<(PathBuf, Vec<u8>)>, String> {
    let id = &model.dataset().id;
    let mut files = vec![(
        PathBuf::from(format!("{id}.json")),
        crate::export::canonical_json(model).into_bytes(),
    )];
    files.extend(crate::render::publish::outputs(model).map_err(|e| e.to_string())?);
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}
