//! The diagrams `casegraph build` writes: the whole dataset in every format,
//! and the focused views worth publishing when the dataset has them.
//!
//! Each view is chosen by what is in the data, not by the dataset's name, so
//! another dataset gets the views that make sense for it and none that don't.

use super::select::{Selection, select};
use super::{Format, Layout, Options, RenderError, Renderer, render};
use crate::model::{EntityIx, Model, RelRef};
use crate::query::path::{Hop, PathQuery, Travel, paths};
use crate::query::{Filter, View};
use std::path::PathBuf;

/// The ego network drawn when the dataset has this entity.
const EGO: &[(&str, &str)] = &[("netflix", "netflix.svg")];

/// Relationship types that carry a penalty or settlement.
const MONEY_TYPES: &[&str] = &["fined", "settled"];

/// Where the path views start, when the dataset has this entity.
const PATH_FROM: &str = "netflix";

/// Every diagram of a build, as (file name, bytes).
pub fn outputs(model: &Model) -> Result<Vec<(PathBuf, Vec<u8>)>, RenderError> {
    let id = &model.dataset().id;
    let mut files = Vec::new();
    let all = View::all(model);
    let layout = Layout::Auto.resolve(all.relationship_count());
    let opts = Options {
        layout,
        ..Options::new()
    };
    // Graphs too big to read are still checked and exported, but not drawn.
    if model.entity_count() <= super::MAX_ENTITIES {
        let dot = super::to_dot(model, &all, &opts);
        let svg = super::svg::pure(&dot, layout)?;
        let png = super::png::from_svg(&svg)?;
        files.push((PathBuf::from(format!("{id}.dot")), dot.into_bytes()));
        files.push((PathBuf::from(format!("{id}.svg")), svg.into_bytes()));
        files.push((PathBuf::from(format!("{id}.png")), png));
    }
    for (entity, file) in EGO {
        let Some(center) = model.entity_by_id(entity) else {
            continue;
        };
        let ego = Selection::Focus { center, depth: 1 };
        // The centre is in the data and the size is not limited (`force`):
        // nothing can fail but the drawing.
        let Ok((view, opts)) = select(model, View::all(model), None, ego, Options::new(), true)
        else {
            continue;
        };
        files.push((PathBuf::from(file), svg(model, &view, &opts)?));
    }
    files.extend(money_paths(model)?);
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
    render(model, view, opts, Format::Svg, Layout::Auto, Renderer::Pure)
}

/// One path view per fine or settlement: how [`PATH_FROM`] connects to it,
/// drawn as `path-<from>-to-<counterpart>.svg`. The counterpart is who fined
/// (the `from` of `fined`) or the case settled (the `to` of `settled`); the
/// path runs to the party who paid, by the path query, then crosses the fine
/// or settlement itself, so the money is always the last, highlighted hop.
/// Context 1, greyed, shows what else the path touches.
fn money_paths(model: &Model) -> Result<Vec<(PathBuf, Vec<u8>)>, RenderError> {
    let Some(start) = model.entity_by_id(PATH_FROM) else {
        return Ok(Vec::new());
    };
    let mut money: Vec<RelRef<'_>> = model
        .relationships()
        .filter(|r| MONEY_TYPES.contains(&r.rel_type()))
        .collect();
    money.sort_by(|a, b| a.id().cmp(b.id()));
    let all = View::all(model);
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    for r in money {
        let (payer, counterpart) = if r.rel_type() == "fined" {
            (r.to(), r.from())
        } else {
            (r.from(), r.to())
        };
        let name = format!(
            "path-{}-to-{}.svg",
            model.entity(start).id(),
            model.entity(counterpart).id()
        );
        // Two payments to the same counterpart would share a name: the first
        // (by relationship id) keeps it, so the file set stays stable.
        if counterpart == start || files.iter().any(|(f, _)| f.as_os_str() == name.as_str()) {
            continue;
        }
        let Some(path) = path_through(model, &all, start, payer, counterpart, r) else {
            continue;
        };
        let mut opts = Options::new();
        let mut facts: Vec<String> = r.amount().map(|a| a.to_string()).into_iter().collect();
        let when = r.when().to_string();
        if !when.is_empty() {
            facts.push(when);
        }
        opts.subtitle = Some(format!(
            "How {} connects to “{} {} {}” ({}): {} hop{}, the weakest claim {}",
            model.entity(start).name(),
            model.entity(r.from()).name(),
            r.label(),
            model.entity(r.to()).name(),
            facts.join(", "),
            path.len(),
            if path.len() == 1 { "" } else { "s" },
            path.weakest
        ));
        let (view, opts) = super::path::path_diagram(model, &all, &path, 1, opts);
        files.push((PathBuf::from(name), svg(model, &view, &opts)?));
    }
    Ok(files)
}

/// The path from `start` to `payer` (not touching `counterpart`), then the
/// hop over `money` to `counterpart`; `None` when `start` does not reach
/// `payer` within the default hop limit.
fn path_through(
    model: &Model,
    view: &View,
    start: EntityIx,
    payer: EntityIx,
    counterpart: EntityIx,
    money: RelRef<'_>,
) -> Option<crate::query::Path> {
    let last = Hop {
        from: payer,
        to: counterpart,
        rel: money.ix(),
        travel: Travel::of(&money, payer),
        others: Vec::new(),
    };
    let mut path = if start == payer {
        crate::query::Path {
            entities: vec![start],
            hops: Vec::new(),
            cost: 0,
            weakest: money.status(),
        }
    } else {
        let mut q = PathQuery::new(start, payer);
        q.avoid = vec![counterpart];
        paths(model, view, &q).ok()?.paths.into_iter().next()?
    };
    path.entities.push(counterpart);
    path.hops.push(last);
    path.weakest = path.weakest.max(money.status());
    Some(path)
}
