//! `casegraph views`: the views the dataset declares, and what each draws.

use super::fmt::count;
use super::{Ctx, Failure, Hint, json};
use crate::diag::{closest, printable};
use crate::model::{Model, ViewSpec};
use crate::render::views::{counts, describe, prepare};
use clap::Args;
use std::io::Write;

/// List the views the dataset declares, and what each draws.
///
/// The views (`views` in the data) are listed in the order `build` draws
/// them: id, title, what each selects, and how many entities and
/// relationships it draws. `casegraph render --view ID` draws one.
#[derive(Args, Debug)]
pub(super) struct ViewsArgs {}

/// The declared view `id`, or a failure that suggests the closest id
/// (exit 1: the question has no answer).
pub(super) fn find<'m>(model: &'m Model, id: &str) -> Result<&'m ViewSpec, Failure> {
    if let Some(v) = model.view_by_id(id) {
        return Ok(v);
    }
    let ids: Vec<&str> = model.views().iter().map(|v| v.id.as_str()).collect();
    let mut f = Failure::query(format!("no view `{}` in the dataset", printable(id)));
    if let Some(s) = closest(id, ids.iter().copied()) {
        f = f.with(Hint::Help(format!("did you mean `{s}`?")));
    } else if ids.is_empty() {
        f = f.with(Hint::Note(
            "the dataset declares no views (`views` in the data, see FORMAT.md)".into(),
        ));
    } else {
        f = f.with(Hint::Help(format!("the views are: {}", ids.join(", "))));
    }
    Err(f)
}

pub(super) fn run(ctx: &mut Ctx, _args: ViewsArgs) -> Result<(), Failure> {
    let model = ctx.model()?;
    let rows: Vec<_> = model
        .views()
        .iter()
        .map(|v| {
            let drawn = prepare(&model, v).map(|(view, _)| counts(&model, &view));
            (v, describe(&model, v), drawn)
        })
        .collect();
    if ctx.global.json {
        let list: Vec<serde_json::Value> = rows
            .iter()
            .map(|(v, selects, drawn)| {
                let mut o = serde_json::json!({
                    "id": v.id,
                    "title": v.title,
                    "selects": selects,
                    "files": [format!("{}.svg", v.id), format!("{}.png", v.id)],
                });
                match drawn {
                    Ok((e, r)) => {
                        o["entities"] = (*e).into();
                        o["relationships"] = (*r).into();
                    }
                    Err(e) => o["error"] = e.message.clone().into(),
                }
                o
            })
            .collect();
        return Ok(json::print(
            &mut ctx.out,
            &serde_json::json!({ "views": list }),
        )?);
    }
    if rows.is_empty() {
        writeln!(
            ctx.out,
            "no views declared: `build` draws the whole graph only (declare `views` in the data)"
        )?;
        return Ok(());
    }
    writeln!(ctx.out, "{}", count(rows.len(), "view", "views"))?;
    for (v, selects, drawn) in &rows {
        writeln!(ctx.out, "{}  {}", v.id, printable(&v.title))?;
        let size = match drawn {
            Ok((e, r)) => format!(
                "{}, {}",
                count(*e, "entity", "entities"),
                count(*r, "relationship", "relationships")
            ),
            Err(e) => format!("cannot be drawn: {}", e.message),
        };
        writeln!(ctx.out, "  {} · {size}", printable(selects))?;
    }
    Ok(())
}
