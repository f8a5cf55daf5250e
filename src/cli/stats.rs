//! `casegraph stats`: what is in the dataset.

use super::fmt::count;
use super::{Ctx, Failure, FilterArgs, json, words};
use crate::diag::printable;
use crate::query::centrality;
use crate::query::stats::{Count, stats_in};
use clap::Args;
use std::io::Write;

/// Counts by entity kind, relationship type and status; connected
/// components; the entities with the most relationships; betweenness
/// centrality (who sits on the most shortest paths) and bridges
/// (relationships whose removal disconnects the graph). The filters select
/// the part of the graph counted.
#[derive(Args, Debug)]
pub(super) struct StatsArgs {
    #[command(flatten)]
    filters: FilterArgs,
}

fn line(counts: &[Count]) -> String {
    counts
        .iter()
        .map(|c| format!("{} {}", printable(&c.value), c.count))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) fn run(ctx: &mut Ctx, args: StatsArgs) -> Result<(), Failure> {
    let model = ctx.model()?;
    let filter = args.filters.filter();
    let view = filter.view(&model);
    let s = stats_in(&model, &view);
    let c = centrality(&model, &view);
    if ctx.global.json {
        let mut v = serde_json::to_value(&s).expect("stats serialize");
        if let (serde_json::Value::Object(m), Ok(serde_json::Value::Object(extra))) =
            (&mut v, serde_json::to_value(&c))
        {
            m.extend(extra);
            m.insert("filters".into(), words::filter_flags(&filter).into());
        }
        json::print(&mut ctx.out, &v)?;
        return Ok(());
    }
    let o = &mut ctx.out;
    writeln!(
        o,
        "{}: {}, {}, {}, {}",
        s.dataset,
        count(s.entities, "entity", "entities"),
        count(s.relationships, "relationship", "relationships"),
        count(s.sources, "source", "sources"),
        count(s.citations, "citation", "citations"),
    )?;
    writeln!(o)?;
    writeln!(o, "entities by kind:         {}", line(&s.by_kind))?;
    writeln!(o, "relationships by status:  {}", line(&s.by_status))?;
    writeln!(o, "disputed relationships:   {}", s.disputed)?;
    writeln!(o, "relationships by type:")?;
    for c in &s.by_type {
        writeln!(o, "  {:>4}  {}", c.count, printable(&c.value))?;
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
        writeln!(o, "  {:>4}  {} ({})", r.degree, printable(&r.name), r.id)?;
    }
    match c.sampled_sources {
        None => writeln!(o, "betweenness centrality:")?,
        Some(k) => writeln!(
            o,
            "betweenness centrality (estimated from {k} sampled entities):"
        )?,
    }
    for b in &c.betweenness {
        writeln!(
            o,
            "  {:.3}  {} ({})",
            b.betweenness,
            printable(&b.name),
            b.id
        )?;
    }
    writeln!(
        o,
        "bridges (relationships whose removal disconnects the graph): {}",
        c.bridges.len()
    )?;
    const SHOWN: usize = 20;
    for b in c.bridges.iter().take(SHOWN) {
        writeln!(o, "  {}", b.id)?;
    }
    if c.bridges.len() > SHOWN {
        writeln!(o, "  … and {} more (see `--json`)", c.bridges.len() - SHOWN)?;
    }
    Ok(())
}
