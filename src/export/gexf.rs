//! GEXF 1.3, Gephi's own format (also read by NetworkX's `read_gexf` with
//! `version="1.3"` and by graphology-gexf).
//!
//! The graph is in dynamic mode so Gephi's timeline works: a dated
//! relationship carries `start`/`end` as calendar days (a partial date's
//! first day to a period's last day; an event is in force from its date on,
//! as the `--as-of` filter reads it), an undated one none (always shown).
//! Entities stay static, with their own dates as attributes, so a
//! relationship is never hidden by its ends' dates. Nodes carry `viz` colours
//! from the diagrams' Okabe–Ito palette. The entity name is the node
//! `label` and the relationship label the edge `label`; dates as written are
//! attributes `date`, `start_date` and `end_date` (NetworkX keeps `start` and
//! `end` for the spell). Symmetric ties are `directed` = `false` data, as in
//! GraphML. Every string goes through `xml::escape`.

use super::common::{
    Attr, AttrType, ENTITY_ATTRS, REL_ATTRS, attr_text, entities, entity_values, kind_color,
    rel_values, relationships,
};
use super::xml::escape;
use crate::format::fields::{EntityKey, RelationshipKey};
use crate::model::{Model, PartialDate, When};
use crate::query::View;
use serde_json::Value;
use std::io::{self, Write};

/// The GEXF type of an attribute.
fn attr_type(attr: Attr) -> &'static str {
    match attr.value_type() {
        AttrType::Boolean => "boolean",
        AttrType::Integer => "integer",
        AttrType::Double => "double",
        AttrType::String => "string",
    }
}

/// GEXF attribute titles: casegraph's names, except where GEXF gives the
/// name a meaning of its own (`start` and `end` are a spell's; `label` is
/// [`is_builtin`]).
fn title(attr: Attr) -> &'static str {
    match attr {
        Attr::Entity(EntityKey::Start) | Attr::Rel(RelationshipKey::Start) => "start_date",
        Attr::Entity(EntityKey::End) | Attr::Rel(RelationshipKey::End) => "end_date",
        other => other.name(),
    }
}

/// Attributes written as the element's GEXF `label`, not as attvalues: an
/// entity's name and a relationship's label.
fn is_builtin(attr: Attr) -> bool {
    matches!(
        attr,
        Attr::Entity(EntityKey::Name) | Attr::Rel(RelationshipKey::Label)
    )
}

/// A calendar day `YYYY-MM-DD` from a partial date's first or last day.
fn day(d: PartialDate, last: bool) -> String {
    if last {
        d.last_iso_day()
    } else {
        d.first_iso_day()
    }
}

/// The spell of a relationship: `(start, end)` days, each optional.
fn spell(when: When) -> (Option<String>, Option<String>) {
    match when {
        When::Undated => (None, None),
        When::On(d) => (Some(day(d, false)), None),
        When::Period { start, end } => (start.map(|d| day(d, false)), end.map(|d| day(d, true))),
    }
}

fn write_attvalues(o: &mut impl Write, attrs: Vec<(Attr, Option<Value>)>) -> io::Result<()> {
    let mut first = true;
    for (k, v) in attrs {
        let Some(v) = v else { continue };
        if is_builtin(k) {
            continue;
        }
        if first {
            o.write_all(b"        <attvalues>\n")?;
            first = false;
        }
        writeln!(
            o,
            "          <attvalue for=\"{}\" value=\"{}\"/>",
            title(k),
            escape(&attr_text(v))
        )?;
    }
    if !first {
        o.write_all(b"        </attvalues>\n")?;
    }
    Ok(())
}

/// Writes the GEXF of `view` to `out`.
pub fn write(model: &Model, view: &View, mut out: impl Write) -> io::Result<()> {
    let o = &mut out;
    let meta = model.dataset();
    o.write_all(
        b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n",
    )?;
    // The modification date is the dataset's own, never the clock, so the
    // same data gives the same bytes.
    match meta.updated {
        Some(d) => writeln!(o, "  <meta lastmodifieddate=\"{}\">", day(d, false))?,
        None => o.write_all(b"  <meta>\n")?,
    }
    o.write_all(b"    <creator>casegraph</creator>\n")?;
    let title_text = meta.title.as_deref().unwrap_or(&meta.id);
    writeln!(o, "    <title>{}</title>", escape(title_text))?;
    if let Some(d) = &meta.description {
        writeln!(o, "    <description>{}</description>", escape(d))?;
    }
    o.write_all(b"  </meta>\n")?;
    o.write_all(b"  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\" timerepresentation=\"interval\">\n")?;
    for (class, attrs) in [("node", &ENTITY_ATTRS[..]), ("edge", &REL_ATTRS[..])] {
        writeln!(o, "    <attributes class=\"{class}\" mode=\"static\">")?;
        for &k in attrs {
            if !is_builtin(k) {
                writeln!(
                    o,
                    "      <attribute id=\"{}\" title=\"{}\" type=\"{}\"/>",
                    title(k),
                    title(k),
                    attr_type(k)
                )?;
            }
        }
        o.write_all(b"    </attributes>\n")?;
    }
    o.write_all(b"    <nodes>\n")?;
    for e in entities(model, view) {
        writeln!(
            o,
            "      <node id=\"{}\" label=\"{}\">",
            escape(e.id()),
            escape(e.name())
        )?;
        write_attvalues(o, entity_values(&e))?;
        let (r, g, b) = kind_color(e.display_kind());
        writeln!(o, "        <viz:color r=\"{r}\" g=\"{g}\" b=\"{b}\"/>")?;
        o.write_all(b"      </node>\n")?;
    }
    o.write_all(b"    </nodes>\n    <edges>\n")?;
    for r in relationships(model, view) {
        write!(
            o,
            "      <edge id=\"{}\" source=\"{}\" target=\"{}\" label=\"{}\"",
            escape(r.id()),
            escape(model.entity(r.from()).id()),
            escape(model.entity(r.to()).id()),
            escape(&r.label())
        )?;
        let (start, end) = spell(r.when());
        if let Some(s) = start {
            write!(o, " start=\"{s}\"")?;
        }
        if let Some(e) = end {
            write!(o, " end=\"{e}\"")?;
        }
        o.write_all(b">\n")?;
        write_attvalues(o, rel_values(&r))?;
        o.write_all(b"      </edge>\n")?;
    }
    o.write_all(b"    </edges>\n  </graph>\n</gexf>\n")?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_become_first_and_last_days() {
        let d = |s| PartialDate::parse(s).unwrap();
        assert_eq!(day(d("2015-03"), false), "2015-03-01");
        assert_eq!(day(d("2024-02"), true), "2024-02-29");
        assert_eq!(day(d("2019"), true), "2019-12-31");
        assert_eq!(day(d("2019-07-04"), true), "2019-07-04");
    }

    /// GEXF's own names (a spell's `start`/`end`, the element's `label`)
    /// are never attribute titles, and no two attributes share one.
    #[test]
    fn titles_are_distinct_and_not_gexfs_own() {
        for attrs in [&ENTITY_ATTRS[..], &REL_ATTRS[..]] {
            let mut titles: Vec<&str> = attrs
                .iter()
                .filter(|a| !is_builtin(**a))
                .map(|a| title(*a))
                .collect();
            for own in ["start", "end", "label"] {
                assert!(!titles.contains(&own), "{own} in {titles:?}");
            }
            titles.sort_unstable();
            let n = titles.len();
            titles.dedup();
            assert_eq!(titles.len(), n);
        }
    }
}
