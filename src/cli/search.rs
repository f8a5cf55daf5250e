//! `casegraph search`: find entities by id, name or alias.

use super::{Ctx, Failure, json};
use crate::diag::printable;
use crate::query::{MatchField, MatchKind, search};
use clap::Args;
use std::io::Write;

/// Find entities whose id, name or alias match TEXT (case- and
/// accent-insensitive), best first: exact, prefix, substring, then fuzzy.
#[derive(Args, Debug)]
pub(super) struct SearchArgs {
    /// What to look for
    text: String,
    /// Show at most this many matches
    #[arg(long, default_value_t = 20)]
    limit: usize,
}

fn kind_word(k: MatchKind) -> &'static str {
    match k {
        MatchKind::Exact => "exact",
        MatchKind::Prefix => "prefix",
        MatchKind::Substring => "substring",
        MatchKind::Fuzzy => "fuzzy",
    }
}

fn field_word(f: MatchField) -> &'static str {
    match f {
        MatchField::Id => "id",
        MatchField::Name => "name",
        MatchField::Alias => "alias",
    }
}

pub(super) fn run(ctx: &mut Ctx, args: SearchArgs) -> Result<(), Failure> {
    let model = ctx.model()?;
    let mut hits = search(&model, &args.text);
    let found = !hits.is_empty();
    hits.truncate(args.limit);
    if ctx.global.json {
        let v: Vec<_> = hits
            .iter()
            .map(|h| {
                // The entity in brief (the format's id, name and kind), then the match.
                let mut v = json::entity_brief(&model.entity(h.entity));
                v["match"] = kind_word(h.kind).into();
                v["field"] = field_word(h.field).into();
                v["matched"] = h.matched.as_str().into();
                v
            })
            .collect();
        json::print(&mut ctx.out, &serde_json::Value::Array(v))?;
    } else {
        let id_width = hits
            .iter()
            .map(|h| model.entity(h.entity).id().chars().count())
            .max()
            .unwrap_or(0);
        for h in &hits {
            let e = model.entity(h.entity);
            let how = if h.field == MatchField::Alias {
                format!("{} alias “{}”", kind_word(h.kind), printable(&h.matched))
            } else {
                format!("{} {}", kind_word(h.kind), field_word(h.field))
            };
            writeln!(
                ctx.out,
                "{:<id_width$}  {}  ({}; {how})",
                e.id(),
                printable(e.name()),
                printable(e.kind())
            )?;
        }
    }
    if !found {
        return Err(Failure::query(format!("no entity matches `{}`", args.text)));
    }
    Ok(())
}
