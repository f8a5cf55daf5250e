//! Every sentence the command line says about a query's answer, in one
//! place: the library answers with data (a [`FilterField`], a [`Why`], an
//! [`Unsupported`] combination), and this module spells it the way the
//! user typed it, with the flags' names.

use super::{Failure, Hint, Taken};
use crate::diag::printable;
use crate::model::Model;
use crate::query::path::{PathError, PathOption, PathQuery, Unsupported, Why};
use crate::query::{Filter, FilterField};
use crate::render::RenderError;

/// One field of the filter as its flag: `--types a,b`, `--min-status
/// reported`, `--no-disputed`; `None` when the field is not in force.
pub(super) fn filter_flag(f: &Filter, field: FilterField) -> Option<String> {
    match field {
        FilterField::Types => f.types.as_ref().map(|t| format!("--types {}", t.join(","))),
        FilterField::ExcludeTypes => (!f.exclude_types.is_empty())
            .then(|| format!("--exclude-types {}", f.exclude_types.join(","))),
        FilterField::Kinds => f.kinds.as_ref().map(|k| format!("--kinds {}", k.join(","))),
        FilterField::Statuses => f.statuses.as_ref().map(|s| {
            // `--min-status X` is stored as the set it expands to; say it the
            // short way when the set is exactly that.
            match s.iter().max().copied() {
                Some(w) if *s == Filter::min_status(w) => format!("--min-status {w}"),
                _ => {
                    let words: Vec<_> = s.iter().map(|s| s.as_str()).collect();
                    format!("--status {}", words.join(","))
                }
            }
        }),
        FilterField::NoDisputed => f.no_disputed.then(|| "--no-disputed".to_owned()),
        FilterField::AsOf => f.as_of.map(|d| format!("--as-of {d}")),
        FilterField::Between => f.between.map(|(a, b)| format!("--between {a} {b}")),
    }
}

/// The filters in force, as the user wrote them (`--json`'s `filters`, and
/// "with `--types paid --no-disputed`").
pub(super) fn filter_flags(f: &Filter) -> Vec<String> {
    f.in_force()
        .into_iter()
        .filter_map(|field| filter_flag(f, field))
        .collect()
}

/// The options of a path question that can be dropped, as flags.
fn option_flag(o: PathOption) -> &'static str {
    match o {
        PathOption::Chronological => "--chronological",
        PathOption::Directed => "--directed",
        PathOption::Avoid => "--avoid",
        PathOption::Via => "--via",
    }
}

/// Why a path question makes no sense, naming the flags.
pub(super) fn unsupported(u: Unsupported) -> &'static str {
    match u {
        Unsupported::AvoidAnEnd => "`--avoid` names one of the two ends of the path",
        Unsupported::AllWeighted => {
            "`--all` lists every path with the fewest hops; use `--k N` with `--credible` or `--avoid-hubs`"
        }
        Unsupported::ChronologicalMany => {
            "`--chronological` finds one path; it cannot be combined with `--all` or `--k`"
        }
        Unsupported::ViaMany => {
            "`--via` finds one path; it cannot be combined with `--all` or `--k`"
        }
        Unsupported::KZero => "`--k` must be at least 1",
        Unsupported::ViaAnEnd => "`--via` must name an entity other than the two ends",
    }
}

/// `1 hop`, `2 hops`.
fn hops(n: usize) -> String {
    super::fmt::count(n, "hop", "hops")
}

/// One reason of [`crate::query::explain_no_path`] as a note for the user.
pub(super) fn why(filter: &Filter, w: &Why) -> String {
    let quoted = |field: &FilterField| {
        filter_flag(filter, *field).map_or_else(String::new, |f| format!("`{f}`"))
    };
    match w {
        Why::FiltersCut { culprits, hops: n } => match culprits.as_slice() {
            [] => {
                let flags: Vec<String> = filter_flags(filter)
                    .into_iter()
                    .map(|f| format!("`{f}`"))
                    .collect();
                format!(
                    "the filters together cut the connection ({}): no one of them alone does; without them there is a path of {}",
                    flags.join(" "),
                    hops(*n)
                )
            }
            [one] => format!(
                "the filter {} cut the connection: without it there is a path (of {} without any filter)",
                quoted(one),
                hops(*n)
            ),
            many => format!(
                "each of the filters {} cuts the connection: dropping any one of them leaves a path (of {} without any filter)",
                many.iter().map(quoted).collect::<Vec<_>>().join(", "),
                hops(*n)
            ),
        },
        Why::FiltersNotTheReason => {
            "the filters are not the reason: there is no path without them either".into()
        }
        Why::Without { option, hops: n } => {
            let what = match option {
                PathOption::Directed => format!(
                    "following relationships in either direction (without `{}`)",
                    option_flag(*option)
                ),
                _ => format!("without `{}`", option_flag(*option)),
            };
            format!("{what} there is a path of {}", hops(*n))
        }
        Why::TooFar { hops: n } => {
            format!(
                "the shortest connection has {}; raise `--max-hops`",
                hops(*n)
            )
        }
        Why::NotConnected => "the two entities are not connected at all".into(),
    }
}

/// The conditions of a path question as flags: the filters, then
/// `--directed`, `--chronological`, `--via` and each `--avoid`.
pub(super) fn path_conditions(model: &Model, filter: &Filter, q: &PathQuery) -> Vec<String> {
    let mut conditions = filter_flags(filter);
    for (on, option) in [
        (q.directed, PathOption::Directed),
        (q.chronological, PathOption::Chronological),
    ] {
        if on {
            conditions.push(option_flag(option).to_owned());
        }
    }
    if let Some(v) = q.via {
        conditions.push(format!(
            "{} {}",
            option_flag(PathOption::Via),
            model.entity(v).id()
        ));
    }
    for a in &q.avoid {
        conditions.push(format!(
            "{} {}",
            option_flag(PathOption::Avoid),
            model.entity(*a).id()
        ));
    }
    conditions
}

/// Why a path question makes no sense, or has no answer, in words.
pub(super) fn path_error(e: PathError) -> &'static str {
    match e {
        PathError::SameEntity => "the two ends of the path are the same entity",
        PathError::Unsupported(u) => unsupported(u),
        PathError::NoPath => "no path",
    }
}

/// Why there is no answer: the ends, the hop limit, every condition in
/// force, then one note per reason of [`crate::query::explain_no_path`].
pub(super) fn no_path(model: &Model, filter: &Filter, q: &PathQuery, why: &[Why]) -> Failure {
    let mut msg = format!(
        "no path from {} to {} within {}",
        super::fmt::entity(&model.entity(q.from)),
        super::fmt::entity(&model.entity(q.to)),
        hops(q.max_hops)
    );
    let conditions = path_conditions(model, filter, q);
    if !conditions.is_empty() {
        msg.push_str(&format!(" with `{}`", conditions.join(" ")));
    }
    Failure::query(msg).with_all(why.iter().map(|w| Hint::Note(self::why(filter, w))))
}

/// The note for an `ENTITY` argument taken as a guess:
/// `note: "kogan" taken as Aleksandr Kogan (aleksandr-kogan)`.
pub(super) fn taken_as(t: &Taken) -> String {
    format!(
        "note: \"{}\" taken as {} ({})",
        printable(&t.query),
        printable(&t.name),
        t.id
    )
}

/// A diagram or an export that could not be made, with what to do about
/// it when there is something to do.
pub(super) fn render_error(e: &RenderError) -> Failure {
    let failure = Failure::output(e.to_string());
    match e {
        RenderError::SystemMissing => failure.with(Hint::Help(
            "install Graphviz (e.g. `apt-get install graphviz`), or leave out \
             `--renderer system` to use the built-in renderer"
                .into(),
        )),
        _ => failure,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PartialDate, Status};

    /// Each filter reads back as the flags that set it, in the order the
    /// help lists them; `--min-status` is said the short way only when the
    /// set is exactly what it expands to.
    #[test]
    fn filters_read_back_as_their_flags() {
        let d = |s| PartialDate::parse(s).expect("date");
        let f = Filter {
            types: Some(vec!["paid".into(), "fined".into()]),
            exclude_types: vec!["knows".into()],
            kinds: Some(vec!["person".into()]),
            statuses: Some(Filter::min_status(Status::Reported)),
            no_disputed: true,
            as_of: Some(d("2014")),
            between: Some((d("2010"), d("2012-06"))),
        };
        assert_eq!(
            filter_flags(&f),
            [
                "--types paid,fined",
                "--exclude-types knows",
                "--kinds person",
                "--min-status reported",
                "--no-disputed",
                "--as-of 2014",
                "--between 2010 2012-06",
            ]
        );
        let odd = Filter {
            statuses: Some(vec![Status::Alleged]),
            ..Filter::default()
        };
        assert_eq!(filter_flags(&odd), ["--status alleged"]);
        assert!(filter_flags(&Filter::default()).is_empty());
    }
}
