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
    exports(model, &mut files)?;
    files.extend(crate::render::publish::outputs(model).map_err(|e| e.to_string())?);
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}

/// Every export format of the whole dataset (the canonical JSON is above).
fn exports(model: &Model, files: &mut Vec<(PathBuf, Vec<u8>)>) -> Result<(), String> {
    use crate::export::{Format, csv, format, nodelink::LinksKey};
    let id = &model.dataset().id;
    let view = crate::query::View::all(model);
    let fail = |f: Format, e: std::io::Error| format!("cannot export {}: {e}", f.name());
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
