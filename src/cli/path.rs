//! `casegraph path`: how two entities are connected, and on what evidence.

use super::{Ctx, Failure, FilterArgs, PathEnds, PathOptionArgs, fmt, json, pairs, words};
use crate::diag::{SourceFiles, printable};
use crate::model::{EntityIx, Model};
use crate::query::path::{Hop, Path, PathQuery, Paths, Travel, UNIT};
use crate::query::path::{NoPathExplainer, Why};
use crate::query::{Filter, PathError, View, paths};
use clap::Args;
use serde_json::{Value, json};
use std::io::Write;
use std::path::PathBuf;

/// Find how two entities are connected, with the evidence for every hop.
///
/// By default the path with the fewest hops, following relationships in
/// either direction (a connection is a connection); of several, the
/// best-evidenced (lowest `--credible` cost, then best weakest hop, then
/// first by entity ids). Each hop shows its
/// dates, status, disputes and citations, read in the order the path
/// travels (`A ←[…]— B`: the claim runs from B to A); when two entities are
/// linked by several relationships the strongest is shown and the others
/// are named.
/// Exits 1 when there is no path, saying which filter (if any) cut it.
///
/// `--pairs FILE` answers many questions in one run, loading the data once:
/// FILE has one pair per line, the two ends separated by a tab (or by
/// spaces when neither end has one); blank lines and lines starting with
/// `#` are skipped. Every other option applies to every pair. The whole
/// file is checked before anything is answered. Each answer is printed under
/// a heading, as the single question prints it (`--json`: an array of the
/// single question's objects); exits 1 if any pair has no path.
#[derive(Args, Debug)]
#[command(
    override_usage = "casegraph path [OPTIONS] <FROM> <TO>\n       casegraph path [OPTIONS] --pairs <FILE>"
)]
pub(super) struct PathArgs {
    /// Where the connection starts: an id, a name or an alias
    #[arg(required_unless_present = "pairs")]
    from: Option<String>,
    /// Where it ends
    #[arg(required_unless_present = "pairs")]
    to: Option<String>,
    /// Answer every pair in FILE, one per line: FROM, a tab, TO
    #[arg(long, value_name = "FILE", conflicts_with_all = ["from", "to"])]
    pairs: Option<PathBuf>,
    #[command(flatten)]
    options: PathOptionArgs,
    #[command(flatten)]
    filters: FilterArgs,
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

fn path_json(model: &Model, p: &Path, q: &PathQuery) -> Value {
    json!({
        "entities": p.entities.iter().map(|e| model.entity(*e).id()).collect::<Vec<_>>(),
        "hops": p.len(),
        "cost": (q.credible || q.avoid_hubs).then(|| p.cost as f64 / UNIT as f64),
        "weakest_status": p.weakest.as_str(),
        "steps": p.hops.iter().map(|h| json::hop(model, h)).collect::<Vec<_>>(),
    })
}

/// The answer to one question: the paths, or why there is none.
enum Answer {
    /// The paths found.
    Found(Paths),
    /// No path; [`NoPathExplainer::explain`] says why.
    NoPath(Vec<Why>),
}

/// What every question of a run shares (the data, the filter, the
/// options), so each pair of `--pairs` is asked exactly as the single
/// question is.
struct Asker<'a> {
    model: &'a Model,
    filter: &'a Filter,
    view: View,
    /// Why a question has no answer; shares its work across the questions.
    explainer: NoPathExplainer<'a>,
    args: &'a PathArgs,
    /// `--via` and `--avoid`, resolved.
    ends: PathEnds,
}

impl Asker<'_> {
    /// The question from `from` to `to` under the run's options.
    fn query(&self, from: EntityIx, to: EntityIx) -> PathQuery {
        self.args.options.query(from, to, &self.ends)
    }

    /// Asks one question; options that make no sense are usage errors.
    fn ask(&self, q: &PathQuery) -> Result<Answer, Failure> {
        match paths(self.model, &self.view, q) {
            Ok(found) => Ok(Answer::Found(found)),
            Err(PathError::NoPath) => Ok(Answer::NoPath(self.explainer.explain(q))),
            Err(e @ (PathError::SameEntity | PathError::Unsupported(_))) => {
                Err(Failure::usage(words::path_error(e)))
            }
        }
    }

    /// The `--json` object of one answer.
    fn json(&self, q: &PathQuery, answer: &Answer) -> Value {
        let (model, filter) = (self.model, self.filter);
        match answer {
            Answer::Found(found) => {
                let total = found.total.min(u128::from(u64::MAX)) as u64;
                let paths = found.paths.iter().map(|p| path_json(model, p, q)).collect();
                envelope(model, q.from, q.to, filter, total, paths)
            }
            Answer::NoPath(why) => {
                let mut v = envelope(model, q.from, q.to, filter, 0, Vec::new());
                let notes: Vec<String> = why.iter().map(|w| words::why(filter, w)).collect();
                v["notes"] = json!(notes);
                v["why"] = json::no_path_reasons(why);
                v
            }
        }
    }
}

/// A hop in the order the path travels it, from the entity the path is at
/// to the next, the arrow showing the claim's own direction:
/// `Cambridge Analytica ←[suspended · confirmed]— Facebook` for a claim made
/// by Facebook about Cambridge Analytica, `A —[…]— B` for a symmetric tie.
pub(super) fn hop_line(model: &Model, h: &Hop) -> String {
    let from = printable(model.entity(h.from).name());
    let to = printable(model.entity(h.to).name());
    let bracket = fmt::rel_bracket(&model.relationship(h.rel));
    let (left, right) = match h.travel {
        Travel::Forward => ("—", "→"),
        Travel::Backward => ("←", "—"),
        Travel::Undirected => ("—", "—"),
    };
    format!("{from} {left}[{bracket}]{right} {to}")
}

/// The other relationships that make a hop, by label and status (`also
/// linked by 1 other relationship: whitelist agreement with · alleged`),
/// so the reader sees what they are without looking up ids.
fn also_linked(model: &Model, h: &Hop) -> String {
    let others: Vec<String> = h
        .others
        .iter()
        .map(|r| {
            let r = model.relationship(*r);
            format!("{} · {}", printable(&r.label()), r.status())
        })
        .collect();
    format!(
        "also linked by {}: {}",
        fmt::count(others.len(), "other relationship", "other relationships"),
        others.join("; ")
    )
}

/// Prints the paths found, each with the evidence for every hop.
fn write_paths(
    o: &mut impl Write,
    model: &Model,
    q: &PathQuery,
    found: &Paths,
    quiet: bool,
) -> std::io::Result<()> {
    let bold = anstyle::Style::new().bold();
    let shown = found.paths.len();
    for (i, p) in found.paths.iter().enumerate() {
        if i > 0 {
            writeln!(o)?;
        }
        let chain: Vec<_> = p
            .entities
            .iter()
            .map(|e| printable(model.entity(*e).name()))
            .collect();
        writeln!(o, "{bold}{}{bold:#}", chain.join(" → "))?;
        let mut summary = vec![fmt::count(p.len(), "hop", "hops")];
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
            writeln!(o, "  {}. {}", n + 1, hop_line(model, h))?;
            write!(o, "{}", fmt::evidence_lines(&r, "       "))?;
            if !h.others.is_empty() {
                writeln!(o, "       {}", also_linked(model, h))?;
            }
        }
    }
    if (shown as u128) < found.total && !quiet {
        writeln!(o)?;
        writeln!(
            o,
            "showing {shown} of {} paths; raise `--limit` to see more",
            found.total
        )?;
    }
    Ok(())
}

pub(super) fn run(ctx: &mut Ctx, args: PathArgs) -> Result<(), Failure> {
    // Read before the load, which can take seconds: a wrong file name fails at once.
    let pairs_file = args.pairs.as_deref().map(pairs::read).transpose()?;
    let model = ctx.model()?;
    let find = |s: &str| ctx.entity(&model, s);
    let pair = match (&args.from, &args.to, &pairs_file) {
        (Some(from), Some(to), None) => Some((find(from)?, find(to)?)),
        _ => None,
    };
    let ends = args.options.ends(ctx, &model)?;
    let filter = args.filters.filter();
    let asker = Asker {
        model: &model,
        view: filter.view(&model),
        filter: &filter,
        explainer: NoPathExplainer::new(&model, &filter),
        args: &args,
        ends,
    };
    let Some((from, to)) = pair else {
        let Some(files) = pairs_file else {
            // clap requires FROM and TO, or --pairs.
            return Err(Failure::usage("give FROM and TO, or `--pairs FILE`"));
        };
        return run_pairs(ctx, &asker, &files);
    };
    let q = asker.query(from, to);
    let answer = asker.ask(&q)?;
    if ctx.global.json {
        ctx.print_json(asker.json(&q, &answer))?;
    }
    match &answer {
        Answer::NoPath(why) => Err(words::no_path(&model, asker.filter, &q, why)),
        Answer::Found(_) if ctx.global.json => Ok(()),
        Answer::Found(found) => Ok(write_paths(
            &mut ctx.out,
            &model,
            &q,
            found,
            ctx.global.quiet,
        )?),
    }
}

/// `--pairs FILE`: checks the whole file, then answers every pair in turn.
fn run_pairs(ctx: &mut Ctx, asker: &Asker<'_>, files: &SourceFiles) -> Result<(), Failure> {
    let model = asker.model;
    let file = &files.get(0).name;
    let pairs = match pairs::check(model, files, asker.ends.via, &asker.ends.avoid) {
        Ok(pairs) => pairs,
        Err(errors) => {
            let palette = ctx.palette();
            let rendered = errors.iter().map(|e| e.render(files, palette));
            ctx.print_rendered(errors.len(), rendered, "");
            // Like the dataset's errors: a closed stderr does not turn the
            // failure into success.
            let _ = writeln!(
                ctx.err,
                "error: the pairs file `{file}` has {}; no path was searched",
                fmt::count(errors.len(), "error", "errors")
            );
            return Err(Failure::data());
        }
    };
    if pairs.is_empty() {
        return Err(Failure::query(format!(
            "the pairs file `{file}` has no pairs (blank lines and `#` comments are skipped)"
        )));
    }
    let bold = anstyle::Style::new().bold();
    let mut answers = Vec::new();
    let mut unanswered = Vec::new();
    for (i, pair) in pairs.iter().enumerate() {
        let q = asker.query(pair.from, pair.to);
        let answer = asker.ask(&q)?;
        if matches!(answer, Answer::NoPath(_)) {
            unanswered.push(pair.line.to_string());
        }
        if ctx.global.json {
            answers.push(asker.json(&q, &answer));
            continue;
        }
        let o = &mut ctx.out;
        if i > 0 {
            writeln!(o)?;
        }
        writeln!(
            o,
            "{bold}== {} → {} ({file}:{}) =={bold:#}",
            model.entity(pair.from).id(),
            model.entity(pair.to).id(),
            pair.line
        )?;
        match &answer {
            Answer::Found(found) => write_paths(o, model, &q, found, ctx.global.quiet)?,
            // What the single question reports as its error is this pair's answer.
            Answer::NoPath(why) => {
                let text = words::no_path(model, asker.filter, &q, why).render();
                writeln!(o, "{}", text.unwrap_or_default())?;
            }
        }
    }
    if ctx.global.json {
        json::print(&mut ctx.out, &Value::Array(answers))?;
    }
    match unanswered.len() {
        0 => Ok(()),
        n => Err(Failure::query(format!(
            "{n} of {} pairs {} no path (line{} {} of `{file}`)",
            pairs.len(),
            if n == 1 { "has" } else { "have" },
            if n == 1 { "" } else { "s" },
            unanswered.join(", ")
        ))),
    }
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
        "filters": words::filter_flags(filter),
        "total": total,
        "paths": paths,
    })
}
