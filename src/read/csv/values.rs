//! A cell's text as the value the format reads it as: text, a boolean, a
//! number, a `;` list, or a property's typed value (FORMAT.md, "Cells").

use super::{Cell, Col};
use crate::format::Key;
use crate::format::fields::ValueKind;
use crate::read::{Node, Val};
use std::borrow::Cow;

/// The value of a cell of column `col`, as the format reads it.
pub(super) fn value<'a>(col: &Col<'_>, cell: &Cell<'a>) -> Node<'a> {
    // A leading apostrophe makes the rest text, whatever it looks like.
    if cell.text.starts_with('\'') {
        let text = match &cell.text {
            Cow::Borrowed(s) => Cow::Borrowed(&s[1..]),
            Cow::Owned(s) => Cow::Owned(s[1..].to_owned()),
        };
        // A list column is still a list: the writer neutralises the joined
        // cell (`'=1+1;Memo`), so only its first item could start a formula.
        if matches!(col, Col::Key(f) if f.value == ValueKind::Texts) {
            let rest = Cell {
                text,
                pos: cell.pos + 1,
                end: cell.end,
                trimmed: cell.trimmed,
            };
            return list_of(&rest, true);
        }
        return cell.str_node(text);
    }
    let kind = match col {
        Col::Key(f) => f.value,
        Col::Amount(k) => k.field().value,
        Col::Property(_) => return property(cell),
        _ => ValueKind::Text,
    };
    match kind {
        ValueKind::Bool => boolean(cell).unwrap_or_else(|| cell.str_node(cell.text.clone())),
        ValueKind::NonNegative | ValueKind::Integer(..) => {
            number(cell).unwrap_or_else(|| cell.str_node(cell.text.clone()))
        }
        ValueKind::Texts => list(cell),
        _ => cell.str_node(cell.text.clone()),
    }
}

fn boolean<'a>(cell: &Cell<'a>) -> Option<Node<'a>> {
    let b = match cell.text.as_ref() {
        "true" => true,
        "false" => false,
        _ => return None,
    };
    Some(Node {
        pos: cell.pos,
        end: cell.end,
        val: Val::Bool(b),
    })
}

fn number<'a>(cell: &Cell<'a>) -> Option<Node<'a>> {
    let first = *cell.text.as_bytes().first()?;
    if !(first == b'-' || first.is_ascii_digit()) {
        return None;
    }
    let n: serde_json::Number = cell.text.parse().ok()?;
    Some(Node {
        pos: cell.pos,
        end: cell.end,
        val: Val::Num(n),
    })
}

/// A `properties.NAME` cell: `true`/`false`, a JSON number, a JSON array
/// of those and strings, or else the text.
fn property<'a>(cell: &Cell<'a>) -> Node<'a> {
    if let Some(n) = boolean(cell).or_else(|| number(cell)) {
        return n;
    }
    if cell.text.starts_with('[')
        && let Ok(items) = serde_json::from_str::<Vec<serde_json::Value>>(&cell.text)
    {
        let leaf = |val| Node {
            pos: cell.pos,
            end: cell.end,
            val,
        };
        let items = items
            .into_iter()
            .map(|v| {
                leaf(match v {
                    serde_json::Value::Null => Val::Null,
                    serde_json::Value::Bool(b) => Val::Bool(b),
                    serde_json::Value::Number(n) => Val::Num(n),
                    serde_json::Value::String(s) => Val::Str(Cow::Owned(s)),
                    // Nested: the validator reports it (`bad-property`).
                    serde_json::Value::Array(_) => Val::Arr(Vec::new()),
                    serde_json::Value::Object(_) => Val::Obj(Vec::new()),
                })
            })
            .collect();
        return leaf(Val::Arr(items));
    }
    cell.str_node(cell.text.clone())
}

/// A `;`-separated list (`aliases`): `\;` is a semicolon, `\\` a
/// backslash; items are trimmed, and empty ones dropped.
fn list<'a>(cell: &Cell<'a>) -> Node<'a> {
    list_of(cell, false)
}

/// [`list`], with `verbatim` (after a leading apostrophe) keeping every
/// item as written: its spaces, and an empty item (`'a;;b`, `' a`).
fn list_of<'a>(cell: &Cell<'a>, verbatim: bool) -> Node<'a> {
    let text: &str = &cell.text;
    let bytes = text.as_bytes();
    // Offsets inside the cell are the file's when the cell is a slice of it.
    let exact = matches!(cell.text, Cow::Borrowed(_)) && cell.end - cell.pos == text.len();
    let mut items = Vec::new();
    let mut finish = |from: usize, to: usize, copy: Option<String>| {
        let raw = &text[from..to];
        let trim = |s: &str| -> (usize, usize) {
            if verbatim {
                (0, s.len())
            } else {
                (s.len() - s.trim_start().len(), s.trim().len())
            }
        };
        let (lead, len) = trim(raw);
        let item: Cow<'a, str> = match (copy, &cell.text) {
            (Some(s), _) => {
                let (l, n) = trim(&s);
                Cow::Owned(s[l..l + n].to_owned())
            }
            (None, Cow::Borrowed(all)) => Cow::Borrowed(&all[from + lead..from + lead + len]),
            (None, Cow::Owned(_)) => Cow::Owned(raw[lead..lead + len].to_owned()),
        };
        if item.is_empty() && !verbatim {
            return;
        }
        let (pos, end) = if exact {
            let pos = cell.pos + from + lead;
            (pos, pos + len)
        } else {
            (cell.pos, cell.end)
        };
        items.push(Node {
            pos,
            end,
            val: Val::Str(item),
        });
    };
    // `copy` holds the item unescaped once it has had an escape; `copied`
    // is how far the text has been copied into it.
    let (mut from, mut copied, mut copy) = (0, 0, None::<String>);
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if matches!(bytes.get(i + 1), Some(b';' | b'\\')) => {
                let c = copy.get_or_insert_with(String::new);
                c.push_str(&text[copied..i]);
                c.push(char::from(bytes[i + 1]));
                i += 2;
                copied = i;
            }
            b';' => {
                let done = copy.take().map(|mut c| {
                    c.push_str(&text[copied..i]);
                    c
                });
                finish(from, i, done);
                i += 1;
                (from, copied) = (i, i);
            }
            _ => i += 1,
        }
    }
    let done = copy.take().map(|mut c| {
        c.push_str(&text[copied..]);
        c
    });
    finish(from, bytes.len(), done);
    Node {
        pos: cell.pos,
        end: cell.end,
        val: Val::Arr(items),
    }
}
