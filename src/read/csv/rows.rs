//! Rows into records: each row's cells gathered into the JSON-shaped
//! record, and a relationship's later rows with the same `id` adding their
//! citation and dispute to it (a different value elsewhere is an error
//! naming both cells).

use super::{Cell, Col, Header, Table, span, trimmed_id, value};
use crate::diag::{Diagnostic, Rule};
use crate::format::Key;
use crate::format::fields::RelationshipKey;
use crate::read::{Event, Member, Node, Sink, Val};
use std::borrow::Cow;

fn member<'a>(key: &'static str, cell: &Cell<'_>, value: Node<'a>) -> Member<'a> {
    Member {
        key: Cow::Borrowed(key),
        key_pos: cell.pos,
        key_len: (cell.end - cell.pos).max(1),
        value,
    }
}

/// An object member gathered from several cells (`amount`, a citation…),
/// placed at the first of them.
fn object<'a>(key: &'static str, members: Vec<Member<'a>>) -> Option<Member<'a>> {
    let first = members.first()?;
    let (pos, len) = (first.key_pos, first.key_len);
    let end = members.last().map_or(pos + len, |m| m.value.end);
    Some(Member {
        key: Cow::Borrowed(key),
        key_pos: pos,
        key_len: len,
        value: Node {
            pos,
            end,
            val: Val::Obj(members),
        },
    })
}

/// A record being gathered: a relationship's later rows with the same
/// `id` add their citation and dispute to it.
struct Open<'a> {
    id: Option<Cow<'a, str>>,
    members: Vec<Member<'a>>,
    evidence: Vec<Node<'a>>,
    disputes: Vec<Node<'a>>,
    /// The first row's cells, to compare a repeated row's with.
    first: Vec<Option<Cell<'a>>>,
    pos: usize,
    end: usize,
}

/// Turns rows into records.
pub(super) struct Rows<'a> {
    table: Table,
    open: Option<Open<'a>>,
    /// Spare cell buffer, swapped with the reader's to keep a first row.
    spare: Vec<Option<Cell<'a>>>,
}

impl<'a> Rows<'a> {
    pub(super) fn new(table: Table) -> Rows<'a> {
        Rows {
            table,
            open: None,
            spare: Vec::new(),
        }
    }

    /// One row (not the header, not blank), at `[start, end)`.
    pub(super) fn row(
        &mut self,
        h: &Header<'a>,
        cells: &mut Vec<Option<Cell<'a>>>,
        (start, end): (usize, usize),
        sink: &mut dyn Sink<'a>,
    ) {
        for (i, c) in cells.iter().enumerate() {
            if let Some(c) = c
                && c.trimmed
                && h.cols.get(i).is_some_and(Col::holds_ids)
            {
                sink.event(&Event::Problem(trimmed_id(c)));
            }
        }
        let id = h
            .id_col
            .and_then(|i| cells.get(i).cloned().flatten())
            .map(|c| c.text);
        if let Some(open) = &mut self.open
            && id.is_some()
            && open.id == id
        {
            open.repeat(h, cells, sink);
            return;
        }
        self.flush(sink);
        let mut open = Open {
            id,
            members: Vec::with_capacity(cells.len()),
            evidence: Vec::new(),
            disputes: Vec::new(),
            first: std::mem::take(&mut self.spare),
            pos: start,
            end,
        };
        open.add(h, cells, false);
        if open.id.is_some() {
            std::mem::swap(&mut open.first, cells);
            self.open = Some(open);
        } else {
            self.spare = std::mem::take(&mut open.first);
            self.open = Some(open);
            self.flush(sink);
        }
    }

    /// Hands the record being gathered to the sink.
    pub(super) fn flush(&mut self, sink: &mut dyn Sink<'a>) {
        let Some(mut open) = self.open.take() else {
            return;
        };
        for (key, items) in [
            (
                RelationshipKey::Evidence,
                std::mem::take(&mut open.evidence),
            ),
            (
                RelationshipKey::DisputedBy,
                std::mem::take(&mut open.disputes),
            ),
        ] {
            if let Some(first) = items.first() {
                let (pos, end) = (first.pos, items.last().map_or(first.end, |n| n.end));
                open.members.push(Member {
                    key: Cow::Borrowed(key.key()),
                    key_pos: pos,
                    key_len: 1,
                    value: Node {
                        pos,
                        end,
                        val: Val::Arr(items),
                    },
                });
            }
        }
        let node = Node {
            pos: open.pos,
            end: open.end,
            val: Val::Obj(open.members),
        };
        sink.event(&Event::Record(self.table.section(), node));
        open.first.clear();
        self.spare = open.first;
    }
}

impl<'a> Open<'a> {
    /// Adds a row's cells: every cell of the first row, only the citation
    /// and dispute of a repeated one.
    fn add(&mut self, h: &Header<'a>, cells: &[Option<Cell<'a>>], repeated: bool) {
        let (mut amount, mut props, mut cite, mut dispute) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for (cell, col) in cells.iter().zip(&h.cols) {
            let Some(cell) = cell else { continue };
            if repeated && !col.adds() {
                continue;
            }
            let v = value(col, cell);
            match col {
                Col::Skip => {}
                Col::Key(f) => self.members.push(member(f.key, cell, v)),
                Col::Property(name) => props.push(Member {
                    key: name.clone(),
                    ..member("", cell, v)
                }),
                Col::Amount(k) => amount.push(member(k.key(), cell, v)),
                Col::Cite(k) => cite.push(member(k.key(), cell, v)),
                Col::Dispute(k) => dispute.push(member(k.key(), cell, v)),
            }
        }
        if let Some(m) = object(RelationshipKey::Amount.key(), amount) {
            self.members.push(m);
        }
        if let Some(m) = object(RelationshipKey::Properties.key(), props) {
            self.members.push(m);
        }
        if let Some(m) = object("", cite) {
            self.evidence.push(m.value);
        }
        if let Some(m) = object("", dispute) {
            self.disputes.push(m.value);
        }
    }

    /// A later row with the same `id`: its other cells must be empty or
    /// equal to the first row's.
    fn repeat(&mut self, h: &Header<'a>, cells: &[Option<Cell<'a>>], sink: &mut dyn Sink<'a>) {
        let id = self.id.as_deref().unwrap_or_default();
        for (i, (cell, col)) in cells.iter().zip(&h.cols).enumerate() {
            let Some(cell) = cell else { continue };
            if col.adds() || *col == Col::Skip {
                continue;
            }
            let first = self.first.get(i).and_then(Option::as_ref);
            if first.is_some_and(|f| f.text == cell.text) {
                continue;
            }
            let header = &h.names[i];
            let d = match first {
                Some(f) => Diagnostic::new(
                    Rule::DuplicateId,
                    Some(span(cell.pos, cell.end)),
                    format!(
                        "relationship `{id}` is repeated with another `{header}`: `{}` here, `{}` in its first row",
                        cell.text, f.text
                    ),
                )
                .related(span(f.pos, f.end), "its first row's is"),
                None => Diagnostic::new(
                    Rule::DuplicateId,
                    Some(span(cell.pos, cell.end)),
                    format!(
                        "relationship `{id}` is repeated with a `{header}` its first row leaves empty"
                    ),
                )
                .related(span(self.pos, self.pos + 1), "its first row is"),
            }
            .label("differs from the first row with this id")
            .help("a repeated row adds a citation and a dispute: leave its other cells empty or equal to the first row's, or give it another `id`");
            sink.event(&Event::Problem(d));
        }
        self.add(h, cells, true);
    }
}
