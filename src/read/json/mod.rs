//! Reads a JSON dataset file into spanned value trees, one record at a time.
//!
//! serde_json does the parsing. It does not report positions, so each value
//! is handed where the value before it ends, from which its own start
//! follows: the first element of an array or object starts after its
//! bracket and any white space; each later one after the end of the
//! previous one, white space, the `,` (or a key's `:`) and white space
//! again. A string without escapes, most values, needs none of that: it is
//! a slice of the input, and its address gives its offset and length. For
//! the others the start is worked out, then an escaped string's closing
//! quote and a number's or literal's last byte are found by scanning just
//! that token, and a container ends at the bracket after its last element.
//! So a byte between values is stepped over at most once more, and every
//! value's position is its own, in linear time, without searching the text.
//!
//! Each record (source, entity, relationship) is handed on as an [`Event`]
//! as soon as it is parsed, so the whole file never exists as a second tree.

use super::{Event, KeySpan, Malformed, Member, Node, Section, Sink, Val};
use crate::format::MAX_NESTING;
use crate::format::fields::{Key, TopKey};
use crate::model::strings::offset_in;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
pub(super) use spare::Spare;
use std::borrow::Cow;
use std::fmt;

mod spare;

/// Parses `text` (one whole file, BOM removed) and feeds `sink`.
pub(crate) fn read<'a>(text: &'a str, sink: &mut dyn Sink<'a>) -> Result<(), Malformed> {
    let spare = Spare::default();
    read_with(text, &spare, &mut |event| {
        sink.event(&event);
        if let Event::Record(_, node) = event {
            spare.keep(node);
        }
    })
}

/// [`read`], giving each event away to `emit` (the two-thread reader keeps
/// them to send them on), building trees with vectors from `spare`.
pub(super) fn read_with<'a>(
    text: &'a str,
    spare: &Spare<'a>,
    emit: &mut dyn FnMut(Event<'a>),
) -> Result<(), Malformed> {
    if text.trim().is_empty() {
        return Err(Malformed {
            offset: 0,
            message: "the file is empty".into(),
            help: Some("a dataset file holds one JSON object: `{ \"entities\": [] }`".into()),
        });
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let result = TopSeed {
        base: text,
        spare,
        emit,
    }
    .deserialize(&mut de)
    .and_then(|()| de.end());
    result.map_err(|e| malformed(text, &e))
}

fn malformed(text: &str, e: &serde_json::Error) -> Malformed {
    // serde_json counts columns in bytes from 1; column 0 means "before the line".
    let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1));
    let line_start = starts.clone().nth(e.line().saturating_sub(1)).unwrap_or(0);
    let mut offset = (line_start + e.column().saturating_sub(1)).min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let full = e.to_string();
    let message = match full.rfind(" at line ") {
        Some(i) => full[..i].to_owned(),
        None => full,
    };
    if message.starts_with("number out of range") {
        // serde_json reports the number's last digit; point at its start.
        offset = number_start(text.as_bytes(), offset);
    }
    if let Some(known) = known_mistake(text, offset, &message) {
        return known;
    }
    let help = if message.contains("nesting deeper") {
        Some(format!(
            "flatten the value; casegraph accepts at most {MAX_NESTING} levels of nesting"
        ))
    } else if e.is_eof() {
        Some("the file ends too early: check for a missing `]` or `}`".into())
    } else if message.contains("trailing") {
        Some("a dataset file holds exactly one JSON object".into())
    } else if message.starts_with("expected `,` or") {
        Some("add the missing comma between the two values".into())
    } else if message.starts_with("number out of range") {
        Some(
            "numbers must fit in a 64-bit float (up to about 1.8e308): write the value in a larger unit, or as a string"
                .into(),
        )
    } else {
        None
    };
    Malformed {
        offset,
        message,
        help,
    }
}

/// The mistakes people make writing JSON by hand, recognised where
/// serde_json stops at them (`at`): a comment, a single-quoted string, a
/// comma after the last element (pointed at the comma, not at the bracket
/// after it), an unquoted key.
fn known_mistake(text: &str, at: usize, message: &str) -> Option<Malformed> {
    let rest = &text[at..];
    let found = |offset: usize, message: &str, help: String| {
        Some(Malformed {
            offset,
            message: message.to_owned(),
            help: Some(help),
        })
    };
    if message.starts_with("trailing comma") {
        let comma = text[..at].trim_end_matches([' ', '\t', '\n', '\r']).len();
        if comma > 0 && text.as_bytes()[comma - 1] == b',' {
            return found(
                comma - 1,
                "trailing comma",
                "remove this comma: JSON allows no comma after the last element".into(),
            );
        }
    }
    if rest.starts_with("//") || rest.starts_with("/*") {
        return found(
            at,
            "JSON has no comments",
            "move the text into a `notes` or `description` field, or delete it".into(),
        );
    }
    let where_a_value_starts =
        message.starts_with("key must be a string") || message.starts_with("expected value");
    if !where_a_value_starts {
        return None;
    }
    // The word as written, quoted as JSON, when it is short enough to show.
    let quoted = |word: &str| {
        if word.chars().count() <= 40 && !word.contains(['\n', '\\']) {
            format!(": `\"{}\"`", word.replace('"', "\\\""))
        } else {
            String::new()
        }
    };
    if let Some(after) = rest.strip_prefix('\'') {
        let word = after.find(['\'', '\n']).map_or("", |end| &after[..end]);
        return found(
            at,
            "JSON strings are written in double quotes, not single quotes",
            format!("use double quotes{}", quoted(word)),
        );
    }
    if message.starts_with("key must be a string")
        && rest.starts_with(|c: char| c.is_alphabetic() || c == '_')
    {
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '.')))
            .unwrap_or(rest.len());
        let key = &rest[..end];
        return found(
            at,
            &format!("key `{key}` is not quoted"),
            format!("quote the key{}", quoted(key)),
        );
    }
    None
}

fn skip_ws_forward(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// Where the next value starts after one that ends at `end`: white space,
/// `sep` (`,` between elements, `:` after a key) if present, white space.
/// At the end of a container this is its closing bracket.
fn next_start(bytes: &[u8], end: usize, sep: u8) -> usize {
    let mut i = skip_ws_forward(bytes, end);
    if bytes.get(i) == Some(&sep) {
        i = skip_ws_forward(bytes, i + 1);
    }
    i
}

/// Just past the closing quote of the string whose opening quote is at `start`.
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// Just past the number or literal (`true`, `false`, `null`) at `start`.
fn scalar_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    while i < bytes.len()
        && matches!(bytes[i], b'0'..=b'9' | b'a'..=b'z' | b'E' | b'+' | b'-' | b'.')
    {
        i += 1;
    }
    i.max(start + 1)
}

/// Just past the (already validated) value at `start`: a scan of that value
/// only, for a repeated top-level key whose value is skipped.
fn skip_value(bytes: &[u8], start: usize) -> usize {
    match bytes.get(start) {
        Some(b'"') => string_end(bytes, start),
        Some(b'[' | b'{') => {
            let mut depth = 0usize;
            let mut i = start;
            while i < bytes.len() {
                match bytes[i] {
                    b'"' => {
                        i = string_end(bytes, i);
                        continue;
                    }
                    b'[' | b'{' => depth += 1,
                    b']' | b'}' => {
                        depth -= 1;
                        if depth == 0 {
                            return i + 1;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            bytes.len()
        }
        _ => scalar_end(bytes, start),
    }
}

/// The start of the number that `at` (a byte of it, or the one just past
/// it) belongs to: the bytes before a JSON number (`[`, `,`, `:`, white
/// space) cannot be part of one.
fn number_start(bytes: &[u8], mut at: usize) -> usize {
    while at > 0
        && matches!(
            bytes[at - 1],
            b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'
        )
    {
        at -= 1;
    }
    at
}

/// Position and length of a key whose opening quote comes after `after`,
/// white space and a `,` (or is at `after`).
fn key_span(base: &str, key: &str, after: usize) -> (usize, usize) {
    // A key without escapes is a slice of the input; one with escapes is a
    // copy, and its opening and closing quotes have to be found.
    match offset_in(base, key) {
        Some(o) => (o - 1, key.len() + 2),
        None => {
            let start = next_start(base.as_bytes(), after, b',');
            (start, string_end(base.as_bytes(), start) - start)
        }
    }
}

/// A key or string that borrows from the input when it has no escapes.
struct JStr<'a>(Cow<'a, str>);

impl<'de> de::Deserialize<'de> for JStr<'de> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = JStr<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(JStr(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
                Ok(JStr(Cow::Owned(v.to_owned())))
            }
        }
        d.deserialize_str(V)
    }
}

/// Parses any value into a [`Node`], enforcing [`MAX_NESTING`].
///
/// The value starts after `after`, past white space, `sep` if it is there,
/// and white space again. That is worked out only for a value that needs
/// it: a string without escapes knows its place from its address, and most
/// values are those (stepping over the white space before each one was a
/// twentieth of the instructions of `check`, issue #14).
struct NodeSeed<'s, 'a> {
    base: &'a str,
    spare: &'s Spare<'a>,
    after: usize,
    sep: u8,
    depth: u32,
}

impl NodeSeed<'_, '_> {
    /// A seed for a value known to start at `start`.
    fn at<'s, 'a>(
        base: &'a str,
        spare: &'s Spare<'a>,
        start: usize,
        depth: u32,
    ) -> NodeSeed<'s, 'a> {
        NodeSeed {
            base,
            spare,
            after: start,
            // A `,` never starts a value: the start found is `start` itself.
            sep: b',',
            depth,
        }
    }

    /// Byte offset where the value starts.
    fn start(&self) -> usize {
        next_start(self.base.as_bytes(), self.after, self.sep)
    }
}

impl<'de> DeserializeSeed<'de> for NodeSeed<'_, 'de> {
    type Value = Node<'de>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Node<'de>, D::Error> {
        d.deserialize_any(NodeVisitor(self))
    }
}

struct NodeVisitor<'s, 'a>(NodeSeed<'s, 'a>);

fn too_deep<E: de::Error>(depth: u32) -> Result<(), E> {
    if depth > MAX_NESTING {
        // Raised just after the opening bracket, so the position points at it.
        return Err(E::custom(format!(
            "nesting deeper than {MAX_NESTING} levels"
        )));
    }
    Ok(())
}

impl<'de> NodeVisitor<'_, 'de> {
    fn leaf(&self, val: Val<'de>) -> Node<'de> {
        let start = self.0.start();
        Node {
            pos: start,
            end: scalar_end(self.0.base.as_bytes(), start),
            val,
        }
    }
}

/// Reads the elements of an array whose `[` is at `start`, each with its own
/// start; gives them to `each` and returns the offset past the `]`.
fn elements<'de, A: SeqAccess<'de>>(
    seq: &mut A,
    base: &'de str,
    spare: &Spare<'de>,
    start: usize,
    depth: u32,
    mut each: impl FnMut(Node<'de>),
) -> Result<usize, A::Error> {
    // Each element starts after the end of the one before (the first,
    // after the `[`), white space and a `,`.
    let mut after = start + 1;
    while let Some(item) = seq.next_element_seed(NodeSeed {
        base,
        spare,
        after,
        sep: b',',
        depth,
    })? {
        after = item.end;
        each(item);
    }
    // The `]`.
    Ok(next_start(base.as_bytes(), after, b',') + 1)
}

impl<'de> Visitor<'de> for NodeVisitor<'_, 'de> {
    type Value = Node<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<Node<'de>, E> {
        Ok(self.leaf(Val::Null))
    }
    fn visit_bool<E>(self, v: bool) -> Result<Node<'de>, E> {
        Ok(self.leaf(Val::Bool(v)))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Node<'de>, E> {
        Ok(self.leaf(Val::Num(v.into())))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Node<'de>, E> {
        Ok(self.leaf(Val::Num(v.into())))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Node<'de>, E> {
        // serde_json never yields NaN or infinity from text.
        let n = serde_json::Number::from_f64(v).unwrap_or_else(|| 0.into());
        Ok(self.leaf(Val::Num(n)))
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Node<'de>, E> {
        let (pos, len) = match offset_in(self.0.base, v) {
            // The opening quote is the byte before the text.
            Some(off) => (off.saturating_sub(1), v.len() + 2),
            None => {
                let start = self.0.start();
                (start, string_end(self.0.base.as_bytes(), start) - start)
            }
        };
        Ok(Node {
            pos,
            end: pos + len,
            val: Val::Str(Cow::Borrowed(v)),
        })
    }
    fn visit_str<E>(self, v: &str) -> Result<Node<'de>, E> {
        // Escapes: the text is a copy, so find the closing quote.
        let start = self.0.start();
        let end = string_end(self.0.base.as_bytes(), start);
        Ok(Node {
            pos: start,
            end,
            val: Val::Str(Cow::Owned(v.to_owned())),
        })
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node<'de>, A::Error> {
        let start = self.0.start();
        let NodeSeed {
            base, spare, depth, ..
        } = self.0;
        too_deep(depth)?;
        let mut items = spare.array();
        let end = elements(&mut seq, base, spare, start, depth + 1, |item| {
            items.push(item);
        })?;
        Ok(Node {
            pos: start,
            end,
            val: Val::Arr(items),
        })
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node<'de>, A::Error> {
        let start = self.0.start();
        let NodeSeed {
            base, spare, depth, ..
        } = self.0;
        too_deep(depth)?;
        // A record (depth 3) has up to a dozen members: room for them at
        // once saves growing the vector twice, copying each time.
        let mut members = spare.object(if depth == 3 { 12 } else { 4 });
        // Each key comes after the end of the value before it (the first,
        // after the `{`), white space and a `,`; its value after its end,
        // white space and a `:`.
        let mut after = start + 1;
        while let Some(JStr(key)) = map.next_key::<JStr<'de>>()? {
            let (key_pos, key_len) = key_span(base, &key, after);
            let value = map.next_value_seed(NodeSeed {
                base,
                spare,
                after: key_pos + key_len,
                sep: b':',
                depth: depth + 1,
            })?;
            after = value.end;
            members.push(Member {
                key,
                key_pos,
                key_len,
                value,
            });
        }
        Ok(Node {
            pos: start,
            // Past the `}`.
            end: next_start(base.as_bytes(), after, b',') + 1,
            val: Val::Obj(members),
        })
    }
}

/// The top-level object: routes each section to `emit` as it streams by.
struct TopSeed<'s, 'a> {
    base: &'a str,
    spare: &'s Spare<'a>,
    emit: &'s mut dyn FnMut(Event<'a>),
}

impl<'de> DeserializeSeed<'de> for TopSeed<'_, 'de> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(TopVisitor(self))
    }
}

struct TopVisitor<'s, 'a>(TopSeed<'s, 'a>);

impl<'a> TopVisitor<'_, 'a> {
    fn not_an_object(self, val: Val<'a>) {
        let pos = skip_ws_forward(self.0.base.as_bytes(), 0);
        let node = Node {
            pos,
            end: pos + 1,
            val,
        };
        (self.0.emit)(Event::WrongTopType(
            "a dataset file to hold one JSON object",
            node,
        ));
    }
}

impl<'de> Visitor<'de> for TopVisitor<'_, 'de> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        self.not_an_object(Val::Null);
        Ok(())
    }
    fn visit_bool<E>(self, v: bool) -> Result<(), E> {
        self.not_an_object(Val::Bool(v));
        Ok(())
    }
    fn visit_u64<E>(self, v: u64) -> Result<(), E> {
        self.not_an_object(Val::Num(v.into()));
        Ok(())
    }
    fn visit_i64<E>(self, v: i64) -> Result<(), E> {
        self.not_an_object(Val::Num(v.into()));
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        self.not_an_object(Val::Num(0.into()));
        Ok(())
    }
    fn visit_str<E>(self, v: &str) -> Result<(), E> {
        self.not_an_object(Val::Str(Cow::Owned(v.to_owned())));
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let base = self.0.base;
        let start = skip_ws_forward(base.as_bytes(), 0);
        elements(&mut seq, base, self.0.spare, start, 2, drop)?;
        self.not_an_object(Val::Arr(Vec::new()));
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let TopSeed { base, spare, emit } = self.0;
        let bytes = base.as_bytes();
        let mut next = skip_ws_forward(bytes, skip_ws_forward(bytes, 0) + 1);
        // Where each key of the format was first written, by `TopKey`.
        let mut seen: [Option<KeySpan>; TopKey::ALL.len()] = [None; TopKey::ALL.len()];
        while let Some(JStr(key)) = map.next_key::<JStr<'de>>()? {
            let (key_pos, key_len) = key_span(base, &key, next);
            let at = KeySpan {
                pos: key_pos,
                len: key_len,
            };
            let value_pos = next_start(bytes, key_pos + key_len, b':');
            let known = TopKey::from_key(&key);
            if let Some(top) = known
                && let Some(first) = seen[top.index()]
            {
                // Same rule as a repeated key in a record: reported, the
                // second value skipped.
                emit(Event::DuplicateTopKey(top, at, first));
                map.next_value::<de::IgnoredAny>()?;
                next = next_start(bytes, skip_value(bytes, value_pos), b',');
                continue;
            }
            if let Some(top) = known {
                seen[top.index()] = Some(at);
            }
            let section = match known {
                Some(TopKey::Sources) => Some(Section::Sources),
                Some(TopKey::Entities) => Some(Section::Entities),
                Some(TopKey::Relationships) => Some(Section::Relationships),
                Some(TopKey::Views) => Some(Section::Views),
                _ => None,
            };
            let end = match section {
                Some(section) => map.next_value_seed(RecordsSeed {
                    base,
                    spare,
                    section,
                    value_pos,
                    emit: &mut *emit,
                })?,
                None => {
                    let node = map.next_value_seed(NodeSeed::at(base, spare, value_pos, 2))?;
                    let end = node.end;
                    match known {
                        Some(TopKey::Format) => emit(Event::Format(at, node)),
                        Some(TopKey::Dataset) => emit(Event::Dataset(at, node)),
                        // For editors only (`casegraph schema`): any string.
                        Some(TopKey::Schema) if matches!(node.val, Val::Str(_)) => {}
                        Some(TopKey::Schema) => {
                            emit(Event::WrongTopType("`$schema` to be a string", node));
                        }
                        _ => emit(Event::UnknownTopKey(key, at)),
                    }
                    end
                }
            };
            next = next_start(bytes, end, b',');
        }
        Ok(())
    }
}

/// One of the top-level arrays of records: each element goes to `emit` at once.
/// Returns the offset just past the value.
struct RecordsSeed<'s, 'a> {
    base: &'a str,
    spare: &'s Spare<'a>,
    section: Section,
    value_pos: usize,
    emit: &'s mut dyn FnMut(Event<'a>),
}

impl<'de> DeserializeSeed<'de> for RecordsSeed<'_, 'de> {
    type Value = usize;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        let RecordsSeed {
            base,
            spare,
            section,
            value_pos,
            emit,
        } = self;
        // Anything but an array is a wrong-type error, not a parse failure:
        // parse it as a node and report it.
        let node = d.deserialize_any(RecordsVisitor {
            base,
            spare,
            section,
            value_pos,
            emit: &mut *emit,
        })?;
        match node {
            Ok(end) => Ok(end),
            Err(node) => {
                let end = node.end;
                let what = match section {
                    Section::Sources => "`sources` to be an array of sources",
                    Section::Entities => "`entities` to be an array of entities",
                    Section::Relationships => "`relationships` to be an array of relationships",
                    Section::Views => "`views` to be an array of views",
                };
                emit(Event::WrongTopType(what, node));
                Ok(end)
            }
        }
    }
}

struct RecordsVisitor<'s, 'a> {
    base: &'a str,
    spare: &'s Spare<'a>,
    section: Section,
    value_pos: usize,
    emit: &'s mut dyn FnMut(Event<'a>),
}

/// A value that is not an array: handed back to be reported.
fn not_an_array<E: de::Error>(v: Result<Node<'_>, E>) -> Result<Result<usize, Node<'_>>, E> {
    v.map(Err)
}

impl<'s, 'de> RecordsVisitor<'s, 'de> {
    fn node_visitor(&self) -> NodeVisitor<'s, 'de> {
        NodeVisitor(NodeSeed::at(self.base, self.spare, self.value_pos, 2))
    }
}

impl<'de> Visitor<'de> for RecordsVisitor<'_, 'de> {
    /// The offset past the array, or the value that is not one.
    type Value = Result<usize, Node<'de>>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let (section, emit) = (self.section, self.emit);
        let end = elements(&mut seq, self.base, self.spare, self.value_pos, 3, |node| {
            emit(Event::Record(section, node));
        })?;
        Ok(Ok(end))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let v = self.node_visitor();
        not_an_array(v.visit_map(map))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        let v = self.node_visitor();
        not_an_array(v.visit_unit())
    }
    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Self::Value, E> {
        let v = self.node_visitor();
        not_an_array(v.visit_bool(b))
    }
    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Self::Value, E> {
        let v = self.node_visitor();
        not_an_array(v.visit_u64(n))
    }
    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Self::Value, E> {
        let v = self.node_visitor();
        not_an_array(v.visit_i64(n))
    }
    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Self::Value, E> {
        let v = self.node_visitor();
        not_an_array(v.visit_f64(n))
    }
    fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Self::Value, E> {
        let v = self.node_visitor();
        not_an_array(v.visit_borrowed_str(s))
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
        let v = self.node_visitor();
        not_an_array(v.visit_str(s))
    }
}

#[cfg(test)]
mod tests;
