//! The diagrams `casegraph build` writes: the whole dataset in every format,
//! and the focused views worth publishing when the dataset has them.
//!
//! Each view is chosen by what is in the data, not by the dataset's name, so
//! another dataset gets the views that make sense for it and none that don't.

use super::{Format, Layout, Options, RenderError, Renderer, render};
use crate::model::Model;
use crate::query::{Filter, View};
use std::path::PathBuf;

/// The ego network drawn when the dataset has this entity.
const EGO: &[(&str, &str)] = &[("netflix", "netflix.svg")];

/// Relationship types that carry a penalty or settlement.
const MONEY_TYPES: &[&str] = &["fined", "settled"];

/// Every diagram of a build, as (file name, bytes).
pub fn outputs(model: &Model) -> Result<Vec<(PathBuf, Vec<u8>)>, RenderError> {
    let id = &model.dataset().id;
    let mut files = Vec::new();
    let all = View::all(model);
    let opts = Options::new();
    // Graphs too big to read are still checked and exported, but not drawn.
    if model.entity_count() <= super::MAX_ENTITIES {
        let dot = super::to_dot(model, &all, &opts);
        let svg = super::svg::pure(&dot, Layout::Dot)?;
        let png = super::png::from_svg(&svg)?;
        files.push((PathBuf::from(format!("{id}.dot")), dot.into_bytes()));
        files.push((PathBuf::from(format!("{id}.svg")), svg.into_bytes()));
        files.push((PathBuf::from(format!("{id}.png")), png));
    }
    for (entity, file) in EGO {
        let Some(center) = model.entity_by_id(entity) else {
            continue;
        };
        let mut view = View::all(model);
        view.focus(model, center, 1);
        let mut opts = Options::new();
        opts.subtitle = Some(format!(
            "Entities within 1 hop of {}",
            model.entity(center).name()
        ));
        files.push((PathBuf::from(file), svg(model, &view, &opts)?));
    }
    if model
        .relationships()
        .any(|r| MONEY_TYPES.contains(&r.rel_type()))
    {
        // Who paid whom, and the subsidiary that was fined: with its sources
        // listed under it, the one diagram a reader can check on paper.
        let mut types: Vec<String> = MONEY_TYPES.iter().map(|t| (*t).to_owned()).collect();
        types.push("subsidiary_of".into());
        let filter = Filter {
            types: Some(types),
            ..Filter::default()
        };
        let mut view = filter.view(model);
        view.drop_isolated(model);
        let mut opts = Options::new();
        opts.footnotes = true;
        opts.subtitle = Some("Fines and settlements".into());
        files.push((
            PathBuf::from("fines-and-settlements.svg"),
            svg(model, &view, &opts)?,
        ));
    }
    Ok(files)
}

fn svg(model: &Model, view: &View, opts: &Options) -> Result<Vec<u8>, RenderError> {
    render(model, view, opts, Format::Svg, Layout::Dot, Renderer::Pure)
}
