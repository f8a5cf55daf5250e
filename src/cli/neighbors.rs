//! `casegraph neighbors`: who is near an entity, and through what.

use super::{Ctx, Failure, FilterArgs, fmt, json, words};
use crate::diag::printable;
use crate::query::{Direction, neighbors};
use clap::{Args, ValueEnum};
use serde_json::json;
use std::io::Write;

/// List the entities within N hops of an entity, grouped by distance, each
/// with the relationship that reaches it and that relationship's evidence.
#[derive(Args, Debug)]
pub(super) struct NeighborsArgs {
    /// The entity: an id, a name or an alias
    entity: String,
    /// How many hops out
    #[arg(long, default_value_t = 1, value_name = "N")]
    depth: usize,
    /// Follow relationships pointing in, out, or both (symmetric ties always)
    #[arg(long, value_enum, default_value_t = DirectionArg::Both)]
    direction: DirectionArg,
    #[command(flatten)]
    filters: FilterArgs,
}

/// `--direction`
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum DirectionArg {
    /// Relationships pointing into each entity
    In,
    /// Relationships pointing out of each entity
    Out,
    /// Both
    Both,
}

pub(super) fn run(ctx: &mut Ctx, args: NeighborsArgs) -> Result<(), Failure> {
    let model = ctx.model()?;
    let center = ctx.entity(&model, &args.entity)?;
    let filter = args.filters.filter();
    let view = filter.view(&model);
    let direction = match args.direction {
        DirectionArg::In => Direction::In,
        DirectionArg::Out => Direction::Out,
        DirectionArg::Both => Direction::Both,
    };
    let found = neighbors(&model, &view, center, args.depth, direction);
    let c = model.entity(center);
    if ctx.global.json {
        let v = json!({
            "entity": json::entity_brief(&c),
            "depth": args.depth,
            "direction": format!("{:?}", args.direction).to_lowercase(),
            "filters": words::filter_flags(&filter),
            "neighbors": found.iter().map(|n| json!({
                "entity": json::entity_brief(&model.entity(n.entity)),
                "distance": n.distance,
                "hop": json::hop(&model, &n.hop),
            })).collect::<Vec<_>>(),
        });
        ctx.print_json(v)?;
        return Ok(());
    }
    let bold = anstyle::Style::new().bold();
    let o = &mut ctx.out;
    let conditions = words::filter_flags(&filter);
    writeln!(
        o,
        "{bold}{}{bold:#} (`{}`): {} within {}{}",
        printable(c.name()),
        c.id(),
        fmt::count(found.len(), "entity", "entities"),
        fmt::count(args.depth, "hop", "hops"),
        if conditions.is_empty() {
            String::new()
        } else {
            format!(" with `{}`", conditions.join(" "))
        }
    )?;
    let mut current = 0;
    for n in &found {
        if n.distance != current {
            current = n.distance;
            writeln!(o)?;
            writeln!(o, "{bold}{}{bold:#}", fmt::count(current, "hop", "hops"))?;
        }
        let e = model.entity(n.entity);
        writeln!(
            o,
            "  {} (`{}`, {})",
            printable(e.name()),
            e.id(),
            printable(e.kind())
        )?;
        let r = model.relationship(n.hop.rel);
        writeln!(o, "    {}", fmt::rel_line(&model, &r))?;
        write!(o, "{}", fmt::evidence_lines(&r, "        "))?;
        if !n.hop.others.is_empty() {
            writeln!(
                o,
                "        also linked by {}",
                fmt::count(
                    n.hop.others.len(),
                    "other relationship",
                    "other relationships"
                )
            )?;
        }
    }
    Ok(())
}
