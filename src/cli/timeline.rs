//! `casegraph timeline`: what happened when.

use super::{Ctx, Failure, FilterArgs, fmt, json, words};
use crate::diag::printable;
use crate::model::When;
use crate::query::{Event, timeline};
use clap::Args;
use serde_json::json;
use std::io::Write;

/// Every dated relationship and dated entity in date order, partial dates
/// sorted by their start and shown as given, then the undated relationships
/// under their own heading. With ENTITY, only that entity and its own
/// relationships.
///
/// `--between D1 D2` shows what happened in the window: a relationship with
/// a one-off `date` only when the date falls in it, a period (`start`/`end`)
/// when it overlaps it; an entity's start alone or end alone counts as a
/// one-off. (The other commands keep what is *in force* in the window, an
/// event counting from its date on; `timeline --as-of D` does the same.)
/// Undated relationships pass every date filter: nothing says they are out
/// of it.
#[derive(Args, Debug)]
pub(super) struct TimelineArgs {
    /// Only this entity and its relationships: an id, a name or an alias
    entity: Option<String>,
    /// Show each relationship's citations and disputes under it
    #[arg(long)]
    evidence: bool,
    #[command(flatten)]
    filters: FilterArgs,
}

pub(super) fn run(ctx: &mut Ctx, args: TimelineArgs) -> Result<(), Failure> {
    let model = ctx.model()?;
    let entity = args
        .entity
        .as_deref()
        .map(|e| ctx.entity(&model, e))
        .transpose()?;
    let filter = args.filters.filter();
    let view = filter.view(&model);
    let found = timeline(&model, &view, entity, filter.between);
    if ctx.global.json {
        let items: Vec<_> = found
            .entries
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
        let undated: Vec<_> = found
            .undated
            .iter()
            .map(|r| json::relationship(&model, &model.relationship(*r)))
            .collect();
        let v = json!({
            "entity": entity.map(|e| json::entity_brief(&model.entity(e))),
            "filters": words::filter_flags(&filter),
            "entries": items,
            "undated": undated,
        });
        ctx.print_json(v)?;
        return Ok(());
    }
    let o = &mut ctx.out;
    let dates: Vec<String> = found.entries.iter().map(|t| t.when.to_string()).collect();
    let width = dates.iter().map(|d| d.chars().count()).max().unwrap_or(0);
    // Citations sit under the relationship, past the date column.
    let indent = " ".repeat(width + 4);
    for (t, date) in found.entries.iter().zip(&dates) {
        let pad = width - date.chars().count();
        match t.event {
            Event::Relationship(r) => {
                let r = model.relationship(r);
                writeln!(o, "{date}{:pad$}  {}", "", fmt::rel_line(&model, &r))?;
                if args.evidence {
                    write!(o, "{}", fmt::evidence_lines(&r, &indent))?;
                }
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
    if !found.undated.is_empty() {
        if !found.entries.is_empty() {
            writeln!(o)?;
        }
        writeln!(
            o,
            "undated ({}):",
            fmt::count(found.undated.len(), "relationship", "relationships")
        )?;
        for r in &found.undated {
            let r = model.relationship(*r);
            writeln!(o, "  {}", fmt::rel_line(&model, &r))?;
            if args.evidence {
                write!(o, "{}", fmt::evidence_lines(&r, "      "))?;
            }
        }
    }
    if found.entries.is_empty() && found.undated.is_empty() && !ctx.global.quiet {
        writeln!(o, "nothing dated")?;
    }
    Ok(())
}
