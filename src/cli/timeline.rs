//! `casegraph timeline`: what happened when.

use super::{Ctx, Failure, FilterArgs, fmt, json, words};
use crate::diag::printable;
use crate::model::When;
use crate::query::{Event, resolve, timeline};
use clap::Args;
use serde_json::json;
use std::io::Write;

/// Every dated relationship and dated entity in date order, partial dates
/// sorted by their start and shown as given. With ENTITY, only that entity
/// and its own relationships.
#[derive(Args, Debug)]
pub(super) struct TimelineArgs {
    /// Only this entity and its relationships: an id, a name or an alias
    entity: Option<String>,
    #[command(flatten)]
    filters: FilterArgs,
}

pub(super) fn run(ctx: &mut Ctx, args: TimelineArgs) -> Result<(), Failure> {
    let model = ctx.model()?;
    let entity = args
        .entity
        .as_deref()
        .map(|e| resolve(&model, e))
        .transpose()?;
    let filter = args.filters.filter();
    let view = filter.view(&model);
    let entries = timeline(&model, &view, entity);
    if ctx.global.json {
        let items: Vec<_> = entries
            .iter()
            .map(|t| {
                let mut v = match t.event {
                    Event::Relationship(r) => json!({
                        "kind": "relationship",
                        "relationship": json::relationship(&model, &model.relationship(r)),
                    }),
                    Event::Entity(e) => json!({
                        "kind": "entity",
                        "entity": json::entity_brief(&model.entity(e)),
                    }),
                };
                v["sort_date"] = t.date.to_string().into();
                v["when"] = json::when(t.when);
                v
            })
            .collect();
        let v = json!({
            "entity": entity.map(|e| json::entity_brief(&model.entity(e))),
            "filters": words::filter_flags(&filter),
            "entries": items,
        });
        json::print(&mut ctx.out, &v)?;
        return Ok(());
    }
    let o = &mut ctx.out;
    let dates: Vec<String> = entries.iter().map(|t| t.when.to_string()).collect();
    let width = dates.iter().map(|d| d.chars().count()).max().unwrap_or(0);
    for (t, date) in entries.iter().zip(&dates) {
        let pad = width - date.chars().count();
        match t.event {
            Event::Relationship(r) => {
                let r = model.relationship(r);
                writeln!(o, "{date}{:pad$}  {}", "", fmt::rel_line(&model, &r))?;
            }
            Event::Entity(e) => {
                let e = model.entity(e);
                let what = match t.when {
                    When::Period {
                        start: Some(_),
                        end: Some(_),
                    } => "exists",
                    When::Period { start: Some(_), .. } => "begins",
                    _ => "ends",
                };
                writeln!(
                    o,
                    "{date}{:pad$}  {} ({}) {what}",
                    "",
                    printable(e.name()),
                    printable(e.kind())
                )?;
            }
        }
    }
    if entries.is_empty() && !ctx.global.quiet {
        writeln!(o, "nothing dated")?;
    }
    Ok(())
}
