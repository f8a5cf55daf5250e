//! A Cypher script for Neo4j 5, FalkorDB and Memgraph: plain openCypher.
//!
//! Idempotent: every entity is `MERGE`d on its `id` (label `Entity`, plus a
//! label from its kind: `court_case` → `CourtCase`), every relationship on
//! its `id` between its two ends (type from `type`: `board_member_of` →
//! `BOARD_MEMBER_OF`), and every property is `SET`, so running the script
//! again changes nothing. Rows are batched, `UNWIND` over literal lists of
//! maps, grouped by label or type (labels and types cannot be parameters).
//!
//! Names (labels, types, property keys) are plain identifiers,
//! `[A-Za-z][A-Za-z0-9_]*`, made by [`ident`] from the data: accents are
//! stripped, every other character outside ASCII letters and digits becomes
//! `_`, and `L_` (labels) or `k_` (keys) goes in front of a name that would
//! be empty or not start with a letter. Engines disagree about quoted names
//! (FalkorDB refuses a doubled backtick, and NUL anywhere), so the data's
//! text never reaches a name: it stays a property value (`kind` keeps the
//! kind as written).
//!
//! Properties: those of casegraph's attributes that exist (lists as lists),
//! then the free-form properties under their identifiers. A key already
//! taken on the record (by an attribute, or by an earlier free-form key
//! with the same identifier) becomes `property_KEY`, then `property_KEY_2`,
//! `_3`, … in the order written. Every free-form key whose name in the
//! script is not its own text is listed in the record's `renamed_keys`, as
//! `NAME=ORIGINAL` (a name holds no `=`, so the first `=` splits it), so
//! the original keys can always be recovered. A list whose items mix types
//! becomes a list of strings, and a list of numbers with a float in it a
//! list of floats, since Neo4j stores only homogeneous lists.
//!
//! Numbers: an integer outside the 64-bit signed range of Cypher's
//! integers (an integer literal beyond it is an "Integer overflow" error)
//! is written as a float, the nearest one, as JSON readers take it; every
//! other number is written as it was read.
//!
//! Escaping: every string is a single-quoted literal made by
//! [`string_literal`], every name a backtick-quoted one made by [`name`]
//! (so a reserved word is a name too), so no data can end a literal early.
//! Literals never contain a raw line break, so statements, which end in
//! `;` and are separated by a blank line, can be split on blank lines by a
//! client without a Cypher parser.
//!
//! FalkorDB notes: it decodes no `\uXXXX` escape and no NUL character in a
//! query, so control characters other than `\b \f \n \r \t` are written raw
//! (which openCypher allows), and only NUL uses `\u0000` (Neo4j decodes it;
//! FalkorDB cannot store NUL at all). Neo4j users may add
//! `CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;`
//! first for fast `MERGE`s; it is left out because it is not openCypher.

use super::common::{entity_order, rel_attrs, relationship_order};
use super::values::entity_field;
use crate::format::Key;
use crate::format::fields::{EntityKey, RelationshipKey};
use crate::model::{EntityIx, EntityRef, Model, PropertyValue, RelIx, RelRef, ScalarValue};
use crate::query::View;
use serde_json::{Number, Value};
use std::fmt::Write as _;
use std::io::{self, Write};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Rows per `UNWIND`: large enough to be fast, small enough that a server
/// parses each statement comfortably.
const BATCH: usize = 500;

/// `s` as a single-quoted Cypher string literal.
pub fn string_literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\0' => out.push_str("\\u0000"),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// `s` as a backtick-quoted Cypher name (label, type or property key).
pub fn name(s: &str) -> String {
    format!("`{}`", s.replace('`', "``"))
}

/// `s` as an identifier `[A-Za-z][A-Za-z0-9_]*`, the same for the same
/// text: accents stripped (`é` → `e`), any other character outside ASCII
/// letters, digits and `_` turned into `_`, and `prefix` in front when the
/// result would be empty or not start with a letter.
pub fn ident(s: &str, prefix: &str) -> String {
    let mut out: String = s
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    if !out.starts_with(|c: char| c.is_ascii_alphabetic()) {
        out.insert_str(0, prefix);
    }
    out
}

/// `court_case` → `CourtCase`: the label of an entity kind, an identifier
/// (see [`ident`]; `L_` in front of one starting with a digit). Empty when
/// the kind has no letter or digit at all.
pub fn label(kind: &str) -> String {
    let camel: String = ident(kind, "")
        .split('_')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut cs = w.chars();
            cs.next()
                .map(|f| f.to_ascii_uppercase().to_string() + cs.as_str())
                .unwrap_or_default()
        })
        .collect();
    if camel.is_empty() {
        camel
    } else {
        ident(&camel, "L_")
    }
}

/// `board_member_of` → `BOARD_MEMBER_OF`: the type of a relationship, an
/// identifier (types are snake_case already; [`ident`] makes sure).
pub fn rel_type(t: &str) -> String {
    ident(t, "T_").to_ascii_uppercase()
}

/// A number as a Cypher literal: as read, except an integer outside
/// Cypher's 64-bit signed range, which becomes the nearest float.
fn number(n: &Number) -> String {
    let in_range = n.is_i64() && n.as_i64() != Some(i64::MIN);
    let text = if in_range || n.is_f64() {
        n.to_string()
    } else {
        // `u64` above `i64::MAX`, or `i64::MIN` (its literal is `-` applied
        // to 2^63, which overflows).
        n.as_f64()
            .and_then(Number::from_f64)
            .map_or_else(|| n.to_string(), |f| f.to_string())
    };
    // serde_json writes big floats as `1.5e+300`; openCypher's exponent
    // has no `+` sign.
    text.replace("e+", "e")
}

fn scalar(s: ScalarValue<'_>) -> String {
    match s {
        ScalarValue::Str(s) => string_literal(s),
        ScalarValue::Num(n) => number(n),
        ScalarValue::Bool(b) => b.to_string(),
    }
}

fn json_literal(v: &Value) -> String {
    match v {
        Value::String(s) => string_literal(s),
        Value::Number(n) => number(n),
        Value::Bool(b) => b.to_string(),
        Value::Null => "null".into(),
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().map(json_literal).collect();
            format!("[{}]", parts.join(", "))
        }
        // Never produced here (properties are flattened), but kept exact.
        Value::Object(_) => string_literal(&v.to_string()),
    }
}

fn property(v: &PropertyValue<'_>) -> String {
    match v {
        PropertyValue::Scalar(s) => scalar(*s),
        PropertyValue::List(items) => {
            let same = items
                .windows(2)
                .all(|w| std::mem::discriminant(&w[0]) == std::mem::discriminant(&w[1]));
            let parts: Vec<String> = if same {
                let mut parts: Vec<String> = items.iter().map(|s| scalar(*s)).collect();
                // Integers and floats are two types to Neo4j: a list with a
                // float in it is all floats (`1` → `1.0`).
                let is_float = |p: &String| p.contains(['.', 'e']);
                if matches!(items.first(), Some(ScalarValue::Num(_))) && parts.iter().any(is_float)
                {
                    for p in parts.iter_mut().filter(|p| !is_float(p)) {
                        p.push_str(".0");
                    }
                }
                parts
            } else {
                items
                    .iter()
                    .map(|s| string_literal(&s.to_string()))
                    .collect()
            };
            format!("[{}]", parts.join(", "))
        }
    }
}

/// A row: property key → literal, in a stable order.
type Row = Vec<(String, String)>;

/// The key listing a record's renamed free-form keys; reserved, so a
/// free-form key of that name is renamed too.
const RENAMED_KEYS: &str = "renamed_keys";

/// Adds the free-form properties under identifiers no other key of the row
/// has, then `renamed_keys` for those whose name is not their own text.
fn add_free<'a>(row: &mut Row, props: impl Iterator<Item = (&'a str, PropertyValue<'a>)>) {
    let mut renamed = Vec::new();
    for (k, v) in props {
        let taken = |key: &str| key == RENAMED_KEYS || row.iter().any(|(have, _)| have == key);
        let mut key = ident(k, "k_");
        if taken(&key) {
            let base = format!("property_{key}");
            key.clone_from(&base);
            let mut n = 1;
            while taken(&key) {
                n += 1;
                key = format!("{base}_{n}");
            }
        }
        if key != k {
            renamed.push(string_literal(&format!("{key}={k}")));
        }
        row.push((key, property(&v)));
    }
    if !renamed.is_empty() {
        row.push((RENAMED_KEYS.into(), format!("[{}]", renamed.join(", "))));
    }
}

/// Writes one batched statement. `head` binds `row`; `set` is the variable
/// whose properties are set from every key in the batch but `skip` (missing
/// keys set null, which removes a stale property).
fn statement(
    o: &mut impl Write,
    rows: &[Row],
    head: &str,
    var: &str,
    skip: &[&str],
    extra_set: &str,
) -> io::Result<()> {
    let mut keys: Vec<&str> = Vec::new();
    for row in rows {
        for (k, _) in row {
            if !skip.contains(&k.as_str()) && !keys.contains(&k.as_str()) {
                keys.push(k);
            }
        }
    }
    o.write_all(b"UNWIND [\n")?;
    for (i, row) in rows.iter().enumerate() {
        let mut line = String::from("  {");
        for (j, (k, v)) in row.iter().enumerate() {
            if j > 0 {
                line.push_str(", ");
            }
            let _ = write!(line, "{}: {v}", name(k));
        }
        line.push('}');
        if i + 1 < rows.len() {
            line.push(',');
        }
        line.push('\n');
        o.write_all(line.as_bytes())?;
    }
    writeln!(o, "] AS row\n{head}")?;
    let mut sets: Vec<String> = Vec::new();
    if !extra_set.is_empty() {
        sets.push(extra_set.to_owned());
    }
    sets.extend(
        keys.iter()
            .map(|k| format!("{var}.{} = row.{}", name(k), name(k))),
    );
    if !sets.is_empty() {
        write!(o, "SET {}", sets.join(", "))?;
    }
    o.write_all(b";\n\n")
}

/// The row of an entity: casegraph's fields, then free-form properties.
fn entity_row(e: &EntityRef<'_>) -> Row {
    let mut row: Row = Vec::new();
    for &k in EntityKey::ALL {
        let v = match k {
            // One Cypher property each, below.
            EntityKey::Properties => continue,
            // Always set, `[]` when there are none, so a query can UNWIND it.
            EntityKey::Aliases => {
                let aliases: Vec<String> = e.aliases().map(string_literal).collect();
                Some(format!("[{}]", aliases.join(", ")))
            }
            _ => entity_field(e, k).map(|v| json_literal(&v)),
        };
        if let Some(v) = v {
            row.push((k.key().into(), v));
        }
    }
    add_free(&mut row, e.properties());
    row
}

/// The row of a relationship: id, ends, casegraph's fields, then free-form
/// properties.
fn rel_row(model: &Model, r: &RelRef<'_>) -> Row {
    let mut row: Row = vec![
        (RelationshipKey::Id.key().into(), string_literal(r.id())),
        (
            RelationshipKey::From.key().into(),
            string_literal(model.entity(r.from()).id()),
        ),
        (
            RelationshipKey::To.key().into(),
            string_literal(model.entity(r.to()).id()),
        ),
    ];
    for (k, v) in rel_attrs(r) {
        if k == RelationshipKey::Properties.key() {
            continue;
        }
        if let Some(v) = v {
            row.push((k.into(), json_literal(&v)));
        }
    }
    add_free(&mut row, r.properties());
    row
}

/// Writes the Cypher script of `view` to `out`.
pub fn write(model: &Model, view: &View, mut out: impl Write) -> io::Result<()> {
    let o = &mut out;
    // Only the dataset id (a slug) goes into a comment: no data can end it.
    writeln!(
        o,
        "// casegraph export of `{}`: openCypher for Neo4j 5, FalkorDB and Memgraph.\n// Idempotent: MERGE on id, SET every property; run it again and nothing changes.\n",
        model.dataset().id.replace(|c: char| c.is_control(), " ")
    )?;
    // Entities by label, then id; only one batch of rows is made at a time,
    // so the script streams however large the graph.
    let label_of = |e: &EntityRef<'_>| {
        let l = label(e.kind());
        if l.is_empty() || l == "Entity" {
            "Other".to_owned()
        } else {
            l
        }
    };
    let mut order: Vec<(String, EntityIx)> = entity_order(model, view)
        .into_iter()
        .map(|ix| (label_of(&model.entity(ix)), ix))
        .collect();
    // A stable sort keeps id order within a label.
    order.sort_by(|a, b| a.0.cmp(&b.0));
    for group in order.chunk_by(|a, b| a.0 == b.0) {
        for chunk in group.chunks(BATCH) {
            let rows: Vec<Row> = chunk
                .iter()
                .map(|(_, ix)| entity_row(&model.entity(*ix)))
                .collect();
            statement(
                o,
                &rows,
                "MERGE (n:Entity {id: row.id})",
                "n",
                &[EntityKey::Id.key()],
                &format!("n:{}", name(&chunk[0].0)),
            )?;
        }
    }
    // Relationships by type, then id.
    let mut order: Vec<RelIx> = relationship_order(model, view);
    order.sort_by_key(|ix| model.relationship(*ix).rel_type());
    for group in order
        .chunk_by(|a, b| model.relationship(*a).rel_type() == model.relationship(*b).rel_type())
    {
        let t = rel_type(model.relationship(group[0]).rel_type());
        let head = format!(
            "MATCH (a:Entity {{id: row.`from`}}), (b:Entity {{id: row.`to`}})\nMERGE (a)-[r:{} {{id: row.id}}]->(b)",
            name(&t)
        );
        for chunk in group.chunks(BATCH) {
            let rows: Vec<Row> = chunk
                .iter()
                .map(|ix| rel_row(model, &model.relationship(*ix)))
                .collect();
            let keys = [
                RelationshipKey::Id,
                RelationshipKey::From,
                RelationshipKey::To,
            ];
            statement(o, &rows, &head, "r", &keys.map(Key::key), "")?;
        }
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Reads one openCypher `StringLiteral` (single-quoted) from the start of
    /// `src` by the grammar's rules, returning its value and the rest.
    fn lex(src: &str) -> Option<(String, &str)> {
        let mut chars = src.char_indices();
        if chars.next()?.1 != '\'' {
            return None;
        }
        let mut out = String::new();
        while let Some((i, c)) = chars.next() {
            match c {
                '\'' => return Some((out, &src[i + 1..])),
                '\\' => {
                    let (_, e) = chars.next()?;
                    match e {
                        '\\' => out.push('\\'),
                        '\'' => out.push('\''),
                        '"' => out.push('"'),
                        'b' | 'B' => out.push('\u{8}'),
                        'f' | 'F' => out.push('\u{c}'),
                        'n' | 'N' => out.push('\n'),
                        'r' | 'R' => out.push('\r'),
                        't' | 'T' => out.push('\t'),
                        'u' | 'U' => {
                            let hex: String =
                                (0..4).filter_map(|_| chars.next().map(|c| c.1)).collect();
                            out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                        }
                        _ => return None,
                    }
                }
                c => out.push(c),
            }
        }
        None
    }

    #[test]
    fn names_labels_and_types() {
        assert_eq!(name("we`ird"), "`we``ird`");
        assert_eq!(label("court-case"), "CourtCase");
        assert_eq!(label("court_case"), "CourtCase");
        assert_eq!(rel_type("board_member_of"), "BOARD_MEMBER_OF");
        assert_eq!(
            string_literal("'}) DETACH DELETE n //"),
            "'\\'}) DETACH DELETE n //'"
        );
    }

    #[test]
    fn names_from_the_data_are_identifiers() {
        assert_eq!(label("org`x"), "OrgX");
        assert_eq!(label("Ärzte-Verband"), "ArzteVerband");
        assert_eq!(label("123 corp"), "L_123Corp");
        assert_eq!(label("🕵️ spy"), "Spy");
        assert_eq!(label("!!!"), "");
        assert_eq!(ident("b`t", "k_"), "b_t");
        assert_eq!(ident("nul\0key", "k_"), "nul_key");
        assert_eq!(ident("café", "k_"), "cafe");
        assert_eq!(ident("1st", "k_"), "k_1st");
        assert_eq!(ident("", "k_"), "k_");
        assert_eq!(ident("_", "k_"), "k__");
    }

    #[test]
    fn free_keys_never_collide_and_renames_are_listed() {
        let one = serde_json::Number::from(1);
        let props = ["b`t", "b_t", "b t", "name", "renamed_keys"]
            .map(|k| (k, PropertyValue::Scalar(ScalarValue::Num(&one))));
        let mut row: Row = vec![("name".into(), string_literal("n"))];
        add_free(&mut row, props.into_iter());
        let keys: Vec<&str> = row.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            keys,
            [
                "name",
                "b_t",
                "property_b_t",
                "property_b_t_2",
                "property_name",
                "property_renamed_keys",
                "renamed_keys"
            ]
        );
        assert_eq!(
            row.last().unwrap().1,
            "['b_t=b`t', 'property_b_t=b_t', 'property_b_t_2=b t', \
             'property_name=name', 'property_renamed_keys=renamed_keys']"
        );
    }

    #[test]
    fn lists_are_of_one_type() {
        let nums: Vec<serde_json::Number> = [1.into(), u64::MAX.into(), 2.into()].into();
        let list = PropertyValue::List(nums.iter().map(ScalarValue::Num).collect());
        assert_eq!(property(&list), "[1.0, 1.8446744073709552e19, 2.0]");
        let list = PropertyValue::List(vec![ScalarValue::Num(&nums[0]), ScalarValue::Bool(true)]);
        assert_eq!(property(&list), "['1', 'true']");
    }

    #[test]
    fn integers_beyond_64_bits_are_floats() {
        let n = |s: &str| number(&serde_json::from_str(s).unwrap());
        assert_eq!(n("9223372036854775807"), "9223372036854775807");
        assert_eq!(n("-9223372036854775807"), "-9223372036854775807");
        assert_eq!(n("9223372036854775808"), "9.223372036854776e18");
        assert_eq!(n("18446744073709551615"), "1.8446744073709552e19");
        assert_eq!(n("-9223372036854775808"), "-9.223372036854776e18");
        assert_eq!(n("123456789012345678901234567890"), "1.2345678901234568e29");
        assert_eq!(n("0.1"), "0.1");
        assert_eq!(n("42"), "42");
        assert_eq!(n("1.5e300"), "1.5e300");
        assert_eq!(n("1e-7"), "1e-7");
    }

    proptest! {
        /// Whatever the text, its names are identifiers no engine refuses.
        #[test]
        fn names_are_always_identifiers(s in any::<String>()) {
            let is_ident = |n: &str| {
                n.starts_with(|c: char| c.is_ascii_alphabetic())
                    && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            };
            prop_assert!(is_ident(&ident(&s, "k_")));
            let l = label(&s);
            prop_assert!(l.is_empty() || is_ident(&l));
        }


        /// Whatever the string, its literal is one token that decodes back to
        /// it, so nothing after it can be smuggled into the query, and it has
        /// no raw line break (statements split on blank lines).
        #[test]
        fn string_literal_cannot_be_broken_out_of(s in any::<String>(), tail in "[ a-z)};/]{0,8}") {
            let lit = string_literal(&s);
            prop_assert!(!lit.contains('\n') && !lit.contains('\r'));
            let src = format!("{lit}{tail}");
            let (value, rest) = lex(&src).expect("one literal");
            prop_assert_eq!(value, s);
            prop_assert_eq!(rest, tail.as_str());
        }

        /// A backtick name is one token: doubled backticks only inside.
        #[test]
        fn names_cannot_be_broken_out_of(s in any::<String>()) {
            let n = name(&s);
            let inner = &n[1..n.len() - 1];
            prop_assert_eq!(inner.replace("``", ""). contains('`'), false);
            prop_assert_eq!(inner.replace("``", "`"), s);
        }
    }
}
