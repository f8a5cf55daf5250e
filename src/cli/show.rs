//! `casegraph show`: an entity's card with every relationship and its evidence.

use super::{Ctx, Failure, fmt, json};
use crate::diag::printable;
use crate::query::{View, relationships_of};
use clap::Args;
use std::io::Write;

/// Show an entity: name, kind, aliases, description, then every relationship
/// in and out, grouped by type, each with its dates, status, amount,
/// disputes and citations.
#[derive(Args, Debug)]
pub(super) struct ShowArgs {
    /// The entity: an id, a name or an alias (case-insensitive)
    entity: String,
}

pub(super) fn run(ctx: &mut Ctx, args: ShowArgs) -> Result<(), Failure> {
    let model = ctx.model()?;
    let ix = ctx.entity(&model, &args.entity)?;
    let e = model.entity(ix);
    let all = View::all(&model);
    let rels = relationships_of(&model, &all, ix);
    if ctx.global.json {
        let v = serde_json::json!({
            "entity": json::entity_full(&e),
            "relationships": rels.iter().map(|r| {
                let mut v = json::relationship(&model, r);
                v["direction"] = (if r.from() == ix { "out" } else { "in" }).into();
                v
            }).collect::<Vec<_>>(),
        });
        ctx.print_json(v)?;
        return Ok(());
    }
    let bold = anstyle::Style::new().bold();
    let o = &mut ctx.out;
    writeln!(
        o,
        "{bold}{}{bold:#}  ({} · {})",
        printable(e.name()),
        e.id(),
        printable(e.kind())
    )?;
    let aliases: Vec<_> = e.aliases().collect();
    if !aliases.is_empty() {
        writeln!(o, "  also known as: {}", printable(&aliases.join("; ")))?;
    }
    if let Some(d) = e.description() {
        writeln!(o, "  {}", printable(d))?;
    }
    match (e.start(), e.end()) {
        (None, None) => {}
        (s, en) => writeln!(o, "  {}", crate::model::When::Period { start: s, end: en })?,
    }
    if let Some(u) = e.url() {
        writeln!(o, "  {}", printable(u))?;
    }
    for (k, v) in e.properties() {
        writeln!(o, "  {}: {}", printable(k), printable(&v.to_string()))?;
    }
    writeln!(o)?;
    writeln!(
        o,
        "{}",
        fmt::count(rels.len(), "relationship", "relationships")
    )?;
    let mut current = "";
    for r in &rels {
        if r.rel_type() != current {
            current = r.rel_type();
            writeln!(o)?;
            writeln!(o, "{bold}{}{bold:#}", current.replace('_', " "))?;
        }
        writeln!(o, "  {}", fmt::rel_line(&model, r))?;
        write!(o, "{}", fmt::evidence_lines(r, "      "))?;
    }
    Ok(())
}
