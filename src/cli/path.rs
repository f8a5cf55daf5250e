//! `casegraph path`: how two entities are connected, and on what evidence.

use super::{Ctx, Failure, FilterArgs, fmt, json};
use crate::model::{EntityIx, Model};
use crate::query::path::{Hop, Path, PathMode, PathQuery, UNIT};
use crate::query::{Filter, PathError, explain_no_path, paths, resolve};
use clap::Args;
use serde_json::{Value, json};
use std::io::Write;

/// Find how two entities are connected, with the evidence for every hop.
///
/// By default the path with the fewest hops, following relationships in
/// either direction (a connection is a connection). Each hop shows its
/// dates, status, disputes and citations; when two entities are linked by
/// several relationships the strongest is shown and the others are listed.
/// Exits 1 when there is no path, saying which filter (if any) cut it.
#[derive(Args, Debug)]
pub struct PathArgs {
    /// Where the connection starts: an id, a name or an alias
    from: String,
    /// Where it ends
    to: String,
    /// Every path with the fewest hops
    #[arg(long, conflicts_with = "k")]
    all: bool,
    /// The N best simple paths, best first
    #[arg(long, value_name = "N")]
    k: Option<usize>,
    /// At most this many hops
    #[arg(long, value_name = "H", default_value_t = 6, value_parser = clap::value_parser!(u16).range(1..=64))]
    max_hops: u16,
    /// Print at most this many paths
    #[arg(long, value_name = "N", default_value_t = 10)]
    limit: usize,
    /// The path must pass through this entity
    #[arg(long, value_name = "ENTITY")]
    via: Option<String>,
    /// The path must not touch this entity (repeatable)
    #[arg(long, value_name = "ENTITY")]
    avoid: Vec<String>,
    /// Follow directed relationships only from FROM towards TO
    #[arg(long)]
    directed: bool,
    /// The most credible path: hops weigh confirmed 1, reported 2, alleged 4, denied 8, +2 if disputed
    #[arg(long)]
    credible: bool,
    /// Only time-respecting paths: each dated hop overlaps or follows the dated hops before it
    #[arg(long)]
    chronological: bool,
    /// Make passing through an entity cost log2(its relationships) extra hops
    #[arg(long)]
    avoid_hubs: bool,
    #[command(flatten)]
    filters: FilterArgs,
}

fn name(model: &Model, ix: EntityIx) -> String {
    let e = model.entity(ix);
    format!("{} (`{}`)", e.name(), e.id())
}

fn cost_text(cost: u64) -> String {
    let whole = cost / UNIT;
    let frac = cost % UNIT;
    if frac == 0 {
        whole.to_string()
    } else {
        format!("{:.2}", cost as f64 / UNIT as f64)
    }
}

/// A hop in the shared JSON shape.
pub(super) fn hop_json(model: &Model, h: &Hop) -> Value {
    json!({
        "from": model.entity(h.from).id(),
        "to": model.entity(h.to).id(),
        "direction": h.travel.as_str(),
        "relationship": json::relationship(model, &model.relationship(h.rel)),
        "other_relationships": h.others.iter().map(|r| model.relationship(*r).id()).collect::<Vec<_>>(),
    })
}

fn path_json(model: &Model, p: &Path, q: &PathQuery) -> Value {
    json!({
        "entities": p.entities.iter().map(|e| model.entity(*e).id()).collect::<Vec<_>>(),
        "hops": p.len(),
        "cost": (q.credible || q.avoid_hubs).then(|| p.cost as f64 / UNIT as f64),
        "weakest_status": p.weakest.as_str(),
        "steps": p.hops.iter().map(|h| hop_json(model, h)).collect::<Vec<_>>(),
    })
}

pub(super) fn run(ctx: &mut Ctx, args: PathArgs) -> Result<(), Failure> {
    let model = ctx.model()?;
    let find = |s: &str| resolve(&model, s).map_err(|e| Failure::Query(e.to_string()));
    let from = find(&args.from)?;
    let to = find(&args.to)?;
    let via = args.via.as_deref().map(find).transpose()?;
    let avoid = args
        .avoid
        .iter()
        .map(|a| find(a))
        .collect::<Result<Vec<_>, _>>()?;
    if avoid.contains(&from) || avoid.contains(&to) {
        return Err(Failure::Usage(
            "`--avoid` names one of the two ends of the path".into(),
        ));
    }
    let filter = args.filters.filter();
    let q = PathQuery {
        from,
        to,
        via,
        avoid,
        directed: args.directed,
        max_hops: usize::from(args.max_hops),
        mode: match (args.all, args.k) {
            (true, _) => PathMode::All,
            (false, Some(k)) => PathMode::K(k),
            (false, None) => PathMode::Best,
        },
        credible: args.credible,
        avoid_hubs: args.avoid_hubs,
        chronological: args.chronological,
        limit: args.limit.max(1),
    };
    let view = filter.view(&model);
    let found = match paths(&model, &view, &q) {
        Ok(found) => found,
        Err(PathError::NoPath) => {
            let notes = explain_no_path(&model, &filter, &q);
            let mut msg = format!(
                "no path from {} to {} within {} hop{}",
                name(&model, from),
                name(&model, to),
                q.max_hops,
                if q.max_hops == 1 { "" } else { "s" }
            );
            let mut conditions = filter.describe();
            for (on, flag) in [
                (q.directed, "--directed"),
                (q.chronological, "--chronological"),
            ] {
                if on {
                    conditions.push(flag.to_owned());
                }
            }
            if let Some(v) = q.via {
                conditions.push(format!("--via {}", model.entity(v).id()));
            }
            for a in &q.avoid {
                conditions.push(format!("--avoid {}", model.entity(*a).id()));
            }
            if !conditions.is_empty() {
                msg.push_str(&format!(" with `{}`", conditions.join(" ")));
            }
            for n in &notes {
                msg.push_str(&format!("\n  = note: {n}"));
            }
            if ctx.global.json {
                let mut v = envelope(&model, from, to, &filter, 0, Vec::new());
                v["notes"] = json!(notes);
                json::print(&mut ctx.out, &v)?;
            }
            return Err(Failure::Query(msg));
        }
        Err(e @ (PathError::SameEntity | PathError::Unsupported(_))) => {
            return Err(Failure::Usage(e.to_string()));
        }
    };
    if ctx.global.json {
        let total = found.total.min(u128::from(u64::MAX)) as u64;
        let paths = found
            .paths
            .iter()
            .map(|p| path_json(&model, p, &q))
            .collect();
        json::print(
            &mut ctx.out,
            &envelope(&model, from, to, &filter, total, paths),
        )?;
        return Ok(());
    }
    let bold = anstyle::Style::new().bold();
    let o = &mut ctx.out;
    let shown = found.paths.len();
    for (i, p) in found.paths.iter().enumerate() {
        if i > 0 {
            writeln!(o)?;
        }
        let chain: Vec<&str> = p.entities.iter().map(|e| model.entity(*e).name()).collect();
        writeln!(o, "{bold}{}{bold:#}", chain.join(" → "))?;
        let mut summary = vec![if p.len() == 1 {
            "1 hop".to_owned()
        } else {
            format!("{} hops", p.len())
        }];
        if q.credible || q.avoid_hubs {
            summary.push(format!(
                "{} {}",
                if q.credible {
                    "credibility cost"
                } else {
                    "cost"
                },
                cost_text(p.cost)
            ));
        }
        summary.push(format!("weakest hop: {}", p.weakest));
        if shown > 1 || found.total > 1 {
            summary.insert(0, format!("path {} of {}", i + 1, found.total));
        }
        writeln!(o, "{}", summary.join(" · "))?;
        for (n, h) in p.hops.iter().enumerate() {
            let r = model.relationship(h.rel);
            writeln!(o, "  {}. {}", n + 1, fmt::rel_line(&model, &r))?;
            write!(o, "{}", fmt::evidence_lines(&r, "       "))?;
            if !h.others.is_empty() {
                let ids: Vec<&str> = h
                    .others
                    .iter()
                    .map(|r| model.relationship(*r).id())
                    .collect();
                writeln!(
                    o,
                    "       also linked by {} other relationship{}: {}",
                    ids.len(),
                    if ids.len() == 1 { "" } else { "s" },
                    ids.join(", ")
                )?;
            }
        }
    }
    if (shown as u128) < found.total && !ctx.global.quiet {
        writeln!(o)?;
        writeln!(
            o,
            "showing {shown} of {} paths; raise `--limit` to see more",
            found.total
        )?;
    }
    Ok(())
}

/// The `--json` object of `path`, the same whether or not a path was found.
fn envelope(
    model: &Model,
    from: EntityIx,
    to: EntityIx,
    filter: &Filter,
    total: u64,
    paths: Vec<Value>,
) -> Value {
    json!({
        "from": json::entity_brief(&model.entity(from)),
        "to": json::entity_brief(&model.entity(to)),
        "filters": filter.describe(),
        "total": total,
        "paths": paths,
    })
}
