//! Numbered sources for `--footnotes`: a printed diagram has no tooltips, so
//! each edge carries `[1]`, `[2]`… and the list of sources is drawn under
//! the diagram.
//!
//! Numbers go to *sources*, not citations, in the order the edges are drawn
//! (sorted by relationship id), so the same source keeps one number across
//! the diagram and the numbering is the same on every run.

use crate::model::{Model, RelRef, SourceIx};
use std::collections::BTreeMap;

/// The numbering of the sources cited by the drawn relationships.
#[derive(Clone, Debug, Default)]
pub struct Footnotes {
    order: Vec<SourceIx>,
    number: BTreeMap<SourceIx, usize>,
}

impl Footnotes {
    /// Numbers the sources of `rels`, in their order.
    pub fn new<'a>(rels: impl IntoIterator<Item = &'a RelRef<'a>>) -> Footnotes {
        let mut notes = Footnotes::default();
        for r in rels {
            for c in r.evidence() {
                let ix = c.source().ix();
                if !notes.number.contains_key(&ix) {
                    notes.order.push(ix);
                    notes.number.insert(ix, notes.order.len());
                }
            }
        }
        notes
    }

    /// The marks of one relationship: `[1][4]`, each source once.
    pub fn marks(&self, r: &RelRef<'_>) -> String {
        let mut numbers: Vec<usize> = r
            .evidence()
            .filter_map(|c| self.number.get(&c.source().ix()).copied())
            .collect();
        numbers.sort_unstable();
        numbers.dedup();
        numbers.iter().map(|n| format!("[{n}]")).collect()
    }

    /// The numbered list: `[1] Title — Publisher, 2024-04-01 — https://…`.
    pub fn lines(&self, model: &Model) -> Vec<String> {
        self.order
            .iter()
            .enumerate()
            .map(|(i, ix)| format!("[{}] {}", i + 1, source_line(model, *ix)))
            .collect()
    }

    /// True when no source is cited.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }
}

/// One source as a line: title, publisher, date, address.
pub fn source_line(model: &Model, ix: SourceIx) -> String {
    let s = model.source(ix);
    let mut line = s.title().to_owned();
    let mut meta: Vec<String> = Vec::new();
    if let Some(p) = s.publisher() {
        meta.push(p.to_owned());
    }
    if let Some(d) = s.published() {
        meta.push(d.to_string());
    }
    if !meta.is_empty() {
        line.push_str(" — ");
        line.push_str(&meta.join(", "));
    }
    if let Some(u) = s.url() {
        line.push_str(" — ");
        line.push_str(u);
    }
    line
}
