//! `casegraph stats`: what is in the dataset.

use super::{Ctx, Failure, json};
use crate::query::stats::{Count, stats};
use clap::Args;
use std::io::Write;

/// Counts by entity kind, relationship type and status; connected
/// components; the entities with the most relationships.
#[derive(Args, Debug)]
pub struct StatsArgs {}

fn line(counts: &[Count]) -> String {
    counts
        .iter()
        .map(|c| format!("{} {}", c.value, c.count))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) fn run(ctx: &mut Ctx, _args: StatsArgs) -> Result<(), Failure> {
    let model = ctx.model()?;
    let s = stats(&model);
    if ctx.global.json {
        json::print(
            &mut ctx.out,
            &serde_json::to_value(&s).expect("stats serialize"),
        )?;
        return Ok(());
    }
    let o = &mut ctx.out;
    writeln!(
        o,
        "{}: {} entities, {} relationships, {} sources, {} citations",
        s.dataset, s.entities, s.relationships, s.sources, s.citations
    )?;
    writeln!(o)?;
    writeln!(o, "entities by kind:         {}", line(&s.by_kind))?;
    writeln!(o, "relationships by status:  {}", line(&s.by_status))?;
    writeln!(o, "disputed relationships:   {}", s.disputed)?;
    writeln!(o, "relationships by type:")?;
    for c in &s.by_type {
        writeln!(o, "  {:>4}  {}", c.count, c.value)?;
    }
    writeln!(
        o,
        "connected components:     {} (largest: {})",
        s.components,
        s.component_sizes
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    )?;
    writeln!(o, "most connected:")?;
    for r in &s.top_degree {
        writeln!(o, "  {:>4}  {} ({})", r.degree, r.name, r.id)?;
    }
    Ok(())
}
