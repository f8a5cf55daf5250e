//! Human-readable pieces shared by the commands: a relationship as one line
//! with its evidence in brackets, and its citations underneath.

use crate::diag::printable;
use crate::model::{EntityRef, Model, RelRef};
use std::fmt::Write as _;

/// `1 entity`, `2 entities`.
pub(super) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// An entity in running text: `Netflix, Inc. (`netflix`)`, its name made
/// safe for a terminal.
pub(super) fn entity(e: &EntityRef<'_>) -> String {
    format!("{} (`{}`)", printable(e.name()), e.id())
}

/// The bracket of a hop: `had API access to · 2013-08 · alleged · disputed by Meta`.
pub(super) fn rel_bracket(r: &RelRef<'_>) -> String {
    let mut parts = vec![printable(&r.label()).into_owned()];
    let when = r.when().to_string();
    if !when.is_empty() {
        parts.push(when);
    }
    if let Some(a) = r.amount() {
        parts.push(a.to_string());
    }
    parts.push(r.status().to_string());
    if r.is_disputed() {
        let mut names: Vec<&str> = r.disputes().map(|d| d.entity().name()).collect();
        names.sort_unstable();
        names.dedup();
        parts.push(printable(&format!("disputed by {}", names.join(", "))).into_owned());
    }
    parts.join(" · ")
}

/// `Netflix, Inc. —[had API access to · 2013-08 · alleged]→ Titan API`, with
/// `—[…]—` for undirected relationships.
pub(super) fn rel_line(model: &Model, r: &RelRef<'_>) -> String {
    let from = printable(model.entity(r.from()).name());
    let to = printable(model.entity(r.to()).name());
    let arrow = if r.directed() { "→" } else { "—" };
    format!("{from} —[{}]{arrow} {to}", rel_bracket(r))
}

/// The citations and disputes of a relationship, one per line, each line
/// starting with `indent`.
pub(super) fn evidence_lines(r: &RelRef<'_>, indent: &str) -> String {
    let mut out = String::new();
    for (i, c) in r.evidence().enumerate() {
        let s = c.source();
        let _ = write!(out, "{indent}[{}] {}", i + 1, printable(s.title()));
        let mut meta = Vec::new();
        if let Some(p) = s.publisher() {
            meta.push(printable(p).into_owned());
        }
        if let Some(d) = s.published() {
            meta.push(d.to_string());
        }
        if let Some(l) = c.locator() {
            meta.push(printable(l).into_owned());
        }
        if !meta.is_empty() {
            let _ = write!(out, " — {}", meta.join(", "));
        }
        out.push('\n');
        if let Some(q) = c.quote() {
            let _ = writeln!(out, "{indent}    “{}”", printable(q));
        }
        if let Some(u) = s.url() {
            let _ = writeln!(out, "{indent}    {}", printable(u));
        }
    }
    for d in r.disputes() {
        let s = d.source();
        let _ = write!(
            out,
            "{indent}disputed by {} — {}",
            printable(d.entity().name()),
            printable(s.title())
        );
        if let Some(p) = s.publisher() {
            let _ = write!(out, ", {}", printable(p));
        }
        if let Some(date) = s.published() {
            let _ = write!(out, ", {date}");
        }
        out.push('\n');
        if let Some(q) = d.quote() {
            let _ = writeln!(out, "{indent}    “{}”", printable(q));
        }
        if let Some(u) = s.url() {
            let _ = writeln!(out, "{indent}    {}", printable(u));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    /// A name from the data cannot drive the terminal where it is shown.
    #[test]
    fn an_entity_in_running_text_has_its_name_escaped() {
        let json = r#"{"sources": [{"id": "s", "title": "S"}],
"entities": [{"id": "a", "name": "A\u001b[2J\rB", "kind": "person"},
             {"id": "b", "name": "B", "kind": "person"}],
"relationships": [{"from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}]}]}"#;
        let model = crate::load_str("t.json", json).model.expect("valid");
        let a = model.entity(model.entity_by_id("a").expect("a"));
        assert_eq!(super::entity(&a), "A\\u{1b}[2J\\u{d}B (`a`)");
    }
}
