//! Reading a dataset file: text in, [`Event`]s out, in file order.
//!
//! A reader knows the format's syntax and shape (which top-level key holds
//! what, how deep values may nest: [`crate::format`]) and nothing of the
//! validator: it hands spanned value trees ([`Node`]) to a [`Sink`], one
//! [`Event`] at a time, and the validator is one such sink. `json` is the
//! JSON reader; [`read`] runs it on one thread or, for large files when
//! asked, on two (`threads.rs`). `csv` is the format's second reader: a
//! CSV file (or a workbook's sheet, which `workbook` writes out as CSV
//! text first) becomes the same events, each row a record shaped like the
//! JSON one, so the validator has one set of rules for both.

pub mod csv;
pub(crate) mod json;
mod threads;
pub mod workbook;

use crate::diag::Diagnostic;
use crate::format::fields::TopKey;
use std::borrow::Cow;

/// Reads `text` (one whole file, BOM removed) into `sink` with the JSON
/// reader, on `threads` threads (1 or 2; `threads.rs` says when two are
/// used and what they gain). The events are the same either way.
pub fn read<'a>(text: &'a str, sink: &mut dyn Sink<'a>, threads: usize) -> Result<(), Malformed> {
    if threads >= 2 {
        threads::read(text, sink)
    } else {
        json::read(text, sink)
    }
}

/// What a reader finds, in file order. `'a` is the lifetime of the file
/// text the nodes borrow from.
#[derive(Debug, Clone, PartialEq)]
pub enum Event<'a> {
    /// One record of a top-level array.
    Record(Section, Node<'a>),
    /// The `format` value (the [`KeySpan`] is where its key is).
    Format(KeySpan, Node<'a>),
    /// The `dataset` block.
    Dataset(KeySpan, Node<'a>),
    /// A top-level key the format does not define.
    UnknownTopKey(Cow<'a, str>, KeySpan),
    /// A top-level key of the format written a second time (its value is
    /// skipped): where it is, and where it was first written.
    DuplicateTopKey(TopKey, KeySpan, KeySpan),
    /// A top-level value of the wrong JSON type: what was expected, and it.
    WrongTopType(&'static str, Node<'a>),
    /// A problem only the reader can see (a CSV header the format does not
    /// know, a repeated row that contradicts its first one), ready to
    /// report. Its spans are in the file being read: their `file` is
    /// filled in by the sink.
    Problem(Diagnostic),
}

/// Receives a reader's events.
///
/// The event is lent, not given: the two-thread reader sends batches of
/// events back to the thread that parsed them to be freed there (glibc's
/// allocator frees another thread's allocations much more slowly), and a
/// sink that wants to keep a node clones it.
pub trait Sink<'a> {
    /// One event.
    fn event(&mut self, event: &Event<'a>);
}

/// A JSON value with the byte offset where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Node<'a> {
    /// Byte offset where the value starts.
    pub pos: usize,
    /// Byte offset just past the value's last byte.
    pub end: usize,
    /// The value.
    pub val: Val<'a>,
}

impl Node<'_> {
    /// How many bytes a diagnostic about this value underlines: a string
    /// whole (quotes included), anything else at its first byte.
    pub fn span_len(&self) -> usize {
        match self.val {
            Val::Str(_) => self.end - self.pos,
            _ => 1,
        }
    }
}

/// A JSON value whose strings borrow from the input where they can.
#[derive(Debug, Clone, PartialEq)]
pub enum Val<'a> {
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// A number.
    Num(serde_json::Number),
    /// A string.
    Str(Cow<'a, str>),
    /// An array.
    Arr(Vec<Node<'a>>),
    /// An object, members in the order written.
    Obj(Vec<Member<'a>>),
}

impl Val<'_> {
    /// The JSON type's name, for "expected a string, found an array".
    pub fn type_name(&self) -> &'static str {
        match self {
            Val::Null => "null",
            Val::Bool(_) => "a boolean",
            Val::Num(_) => "a number",
            Val::Str(_) => "a string",
            Val::Arr(_) => "an array",
            Val::Obj(_) => "an object",
        }
    }
}

/// An object member.
#[derive(Debug, Clone, PartialEq)]
pub struct Member<'a> {
    /// The key.
    pub key: Cow<'a, str>,
    /// Byte offset of the key's opening quote.
    pub key_pos: usize,
    /// Length of the key as written, quotes and escapes included.
    pub key_len: usize,
    /// The value.
    pub value: Node<'a>,
}

/// Which top-level array a record came from.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Section {
    /// `sources`
    Sources,
    /// `entities`
    Entities,
    /// `relationships`
    Relationships,
    /// `views`
    Views,
}

impl Section {
    /// The top-level key it is written under.
    pub fn key(self) -> TopKey {
        match self {
            Section::Sources => TopKey::Sources,
            Section::Entities => TopKey::Entities,
            Section::Relationships => TopKey::Relationships,
            Section::Views => TopKey::Views,
        }
    }
}

/// Where a key is written: its opening quote, and its length as written
/// (quotes and escapes included).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeySpan {
    /// Byte offset of the opening quote.
    pub pos: usize,
    /// Length in bytes.
    pub len: usize,
}

/// Why a file could not be read to the end.
#[derive(Debug)]
pub struct Malformed {
    /// Byte offset of the problem.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Default)]
    struct Events(Vec<String>);

    impl<'a> Sink<'a> for Events {
        fn event(&mut self, event: &Event<'a>) {
            let short = |n: &Node<'_>| format!("{}..{}", n.pos, n.end);
            self.0.push(match event {
                Event::Record(s, n) => format!("record {:?} {}", s.key(), short(n)),
                Event::Format(k, n) => format!("format {} {}", k.pos, short(n)),
                Event::Dataset(k, n) => format!("dataset {} {}", k.pos, short(n)),
                Event::UnknownTopKey(key, k) => format!("unknown {key} {}+{}", k.pos, k.len),
                Event::DuplicateTopKey(key, at, first) => {
                    format!("duplicate {key:?} {} first {}", at.pos, first.pos)
                }
                Event::WrongTopType(what, n) => format!("wrong {what:?} {}", short(n)),
                Event::Problem(d) => format!("problem {}", d.message),
            });
        }
    }

    /// Every kind of event, in file order, with the offsets a diagnostic
    /// would point at.
    #[test]
    fn the_top_level_object_becomes_events_in_file_order() {
        let text = r#"{"format": "casegraph/1", "x\u0079": 1, "dataset": {},
 "entities": [{}, 2], "sources": 3, "format": [], "relationships": []}"#;
        let mut events = Events::default();
        read(text, &mut events, 1).unwrap();
        assert_eq!(
            events.0,
            [
                "format 1 11..24",
                "unknown xy 26+9",
                "dataset 40 51..53",
                "record Entities 69..71",
                "record Entities 73..74",
                "wrong \"`sources` to be an array of sources\" 88..89",
                "duplicate Format 91 first 1",
            ]
        );
    }
}
