//! FollowTheMoney entities as JSON lines, for Aleph / OpenAleph and the
//! `followthemoney` tools (`ftm validate`, `ftm export-…`).
//!
//! Entities map to FtM schemata by kind: `person` → Person, `organization`
//! → Organization (Company when it is owned, since FtM lets only assets be
//! owned), `government` → PublicBody, `court_case` → CourtCase, `product` →
//! Asset, `event` → Event, `document` → Pages, `vessel` → Vessel, anything
//! else → LegalEntity. Each cited source becomes a document, referenced as
//! `proof` by the relationships it backs: an Article for a `news`,
//! `press_release`, `statement` or `other` source (a piece published about
//! the subject), Pages (a multi-page document) for a `court_filing`,
//! `regulator_decision`, `report` or `book`.
//!
//! Every schema is one whose `required` properties casegraph fills from
//! what it knows: FtM's plain `Document` requires `fileName`, which a cited
//! article or filing has no truthful value for, so it is never written.
//! Every entity has its `name` (the id where the name is blank).
//!
//! Relationships map to FtM interval schemata when their type and both ends
//! fit: board seats → Directorship, officer roles → Employment, ownership →
//! Ownership, payments and fines → Payment (a fine is paid by its target),
//! representation → Representation, parties to a court case →
//! CourtCaseParty; everything else → UnknownLink. Each carries its dates
//! (`date`, or `startDate`/`endDate`), its label as `role` (`purpose` for a
//! Payment), the casegraph status and type in `description`, the casegraph
//! id as `recordId`, and its sources' addresses as `sourceUrl`.
//!
//! Ids are stable across runs: the SHA-1 hex of
//! `casegraph.<dataset>.<entity|relationship|source>.<id>`, like FtM's own
//! `make_id` (a SHA-1 of the parts), so a re-import updates, not duplicates.
//! Free-form properties have no FtM equivalent and are left out. A value
//! longer than FtM allows for its property type (a name over 384
//! characters) is cut with `…`; a cut name is also kept whole in `notes`.

use super::common::{entities, relationship_order};
use crate::model::{EntityRef, Model, PartialDate, RelRef, SourceIx, SourceKind, When};
use crate::query::View;
use serde_json::{Map, Value};
use std::collections::BTreeSet;
use std::io::{self, Write};

/// An FtM schema casegraph writes, with what it is a kind of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Schema {
    Person,
    Organization,
    Company,
    PublicBody,
    LegalEntity,
    CourtCase,
    Asset,
    Event,
    Pages,
    Vessel,
}

impl Schema {
    fn name(self) -> &'static str {
        match self {
            Schema::Person => "Person",
            Schema::Organization => "Organization",
            Schema::Company => "Company",
            Schema::PublicBody => "PublicBody",
            Schema::LegalEntity => "LegalEntity",
            Schema::CourtCase => "CourtCase",
            Schema::Asset => "Asset",
            Schema::Event => "Event",
            Schema::Pages => "Pages",
            Schema::Vessel => "Vessel",
        }
    }

    /// FtM's `LegalEntity` (may own, pay, direct, represent).
    fn is_legal_entity(self) -> bool {
        matches!(
            self,
            Schema::Person
                | Schema::Organization
                | Schema::Company
                | Schema::PublicBody
                | Schema::LegalEntity
        )
    }

    /// FtM's `Organization`.
    fn is_organization(self) -> bool {
        matches!(
            self,
            Schema::Organization | Schema::Company | Schema::PublicBody
        )
    }

    /// FtM's `Asset` (may be owned).
    fn is_asset(self) -> bool {
        matches!(self, Schema::Company | Schema::Asset | Schema::Vessel)
    }

    /// The FtM properties for an entity's own `start` and `end`.
    fn date_props(self) -> Option<(&'static str, &'static str)> {
        match self {
            Schema::Person => Some(("birthDate", "deathDate")),
            s if s.is_legal_entity() => Some(("incorporationDate", "dissolutionDate")),
            Schema::CourtCase => Some(("fileDate", "closeDate")),
            Schema::Event => Some(("startDate", "endDate")),
            _ => None,
        }
    }
}

/// Relationship types that are ownership: `(type, owner is "from")`.
const OWNERSHIP: [(&str, bool); 5] = [
    ("owned_by", false),
    ("subsidiary_of", false),
    ("owns", true),
    ("parent_of", true),
    ("acquired", true),
];
const DIRECTORSHIP: [&str; 5] = [
    "board_member_of",
    "director_of",
    "chairman_of",
    "executive_chairman_of",
    "non_executive_director_of",
];
const EMPLOYMENT: [&str; 9] = [
    "ceo_of",
    "coo_of",
    "cfo_of",
    "cto_of",
    "president_of",
    "communications_director_of",
    "employee_of",
    "works_for",
    "headed",
];
const REPRESENTATION: [&str; 5] = [
    "represents",
    "represented",
    "counsel_for",
    "lawyer_for",
    "lobbied_for",
];
const COURT: [&str; 8] = [
    "plaintiff_in",
    "defendant_in",
    "counsel_in",
    "filed_in",
    "presides_over",
    "pending_before",
    "party_to",
    "judge_in",
];

/// The FtM schema of a cited source, by its kind: both are kinds of FtM's
/// `Document` that require nothing casegraph cannot fill (`Document` itself
/// requires `fileName`).
fn source_schema(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::News | SourceKind::PressRelease | SourceKind::Statement | SourceKind::Other => {
            "Article"
        }
        SourceKind::CourtFiling
        | SourceKind::RegulatorDecision
        | SourceKind::Report
        | SourceKind::Book => "Pages",
    }
}

/// The stable FtM id of a casegraph record.
fn make_id(dataset: &str, space: &str, id: &str) -> String {
    sha1_smol::Sha1::from(format!("casegraph.{dataset}.{space}.{id}"))
        .digest()
        .to_string()
}

struct Ctx<'a> {
    model: &'a Model,
    dataset: &'a str,
    /// Entities owned through an ownership relationship in the view: an
    /// owned organization is written as a Company.
    owned: BTreeSet<u32>,
}

impl Ctx<'_> {
    fn schema(&self, e: &EntityRef<'_>) -> Schema {
        match e.kind() {
            "person" => Schema::Person,
            "organization" | "company" if self.owned.contains(&(e.ix().index() as u32)) => {
                Schema::Company
            }
            "company" => Schema::Company,
            "organization" => Schema::Organization,
            "government" => Schema::PublicBody,
            "court_case" => Schema::CourtCase,
            "product" => Schema::Asset,
            "event" => Schema::Event,
            "document" => Schema::Pages,
            "vessel" => Schema::Vessel,
            _ => Schema::LegalEntity,
        }
    }

    fn entity_id(&self, e: &EntityRef<'_>) -> String {
        make_id(self.dataset, "entity", e.id())
    }
}

/// The longest value FtM accepts for a property, in characters (the
/// `max_length` of its type: name 384, string 1024, url 4096, text 65000).
fn max_len(prop: &str) -> usize {
    match prop {
        "name" | "alias" => 384,
        "website" | "sourceUrl" => 4096,
        "description" | "notes" | "purpose" => 65_000,
        _ => 1024,
    }
}

/// `v` cut to at most `max` characters, ending in `…` when cut.
fn fit(v: String, max: usize) -> String {
    if v.chars().count() <= max {
        return v;
    }
    let mut cut: String = v.chars().take(max - 1).collect();
    cut.push('…');
    cut
}

/// Adds `values` under `prop`, skipping empties and cutting values longer
/// than FtM allows (a name so cut is kept whole in `notes` by the caller).
fn put(props: &mut Map<String, Value>, prop: &str, values: impl IntoIterator<Item = String>) {
    let max = max_len(prop);
    let vals: Vec<Value> = values
        .into_iter()
        .filter(|v| !v.is_empty())
        .map(|v| Value::from(fit(v, max)))
        .collect();
    if vals.is_empty() {
        return;
    }
    match props.get_mut(prop) {
        Some(Value::Array(have)) => have.extend(vals),
        _ => {
            props.insert(prop.to_owned(), Value::Array(vals));
        }
    }
}

fn line(
    out: &mut impl Write,
    id: String,
    schema: &str,
    props: Map<String, Value>,
) -> io::Result<()> {
    let mut m = Map::new();
    m.insert("id".into(), id.into());
    m.insert("schema".into(), schema.into());
    m.insert("properties".into(), Value::Object(props));
    serde_json::to_writer(&mut *out, &m)?;
    out.write_all(b"\n")
}

/// How a relationship maps: schema, and the two properties naming its ends
/// (first gets `from`, second `to`, unless `swap`).
fn rel_schema(ctx: &Ctx<'_>, r: &RelRef<'_>) -> (&'static str, &'static str, &'static str, bool) {
    let m = ctx.model;
    let from = ctx.schema(&m.entity(r.from()));
    let to = ctx.schema(&m.entity(r.to()));
    let t = r.rel_type();
    if DIRECTORSHIP.contains(&t) && from.is_legal_entity() && to.is_organization() {
        return ("Directorship", "director", "organization", false);
    }
    if EMPLOYMENT.contains(&t) && from == Schema::Person && to.is_organization() {
        return ("Employment", "employee", "employer", false);
    }
    if let Some((_, owner_is_from)) = OWNERSHIP.iter().find(|(o, _)| *o == t) {
        let (owner, asset) = if *owner_is_from {
            (from, to)
        } else {
            (to, from)
        };
        if owner.is_legal_entity() && asset.is_asset() {
            return ("Ownership", "owner", "asset", !owner_is_from);
        }
    }
    if (t == "paid" || t == "fined") && from.is_legal_entity() && to.is_legal_entity() {
        // A fine is paid by the one fined, to the one who fined.
        return ("Payment", "payer", "beneficiary", t == "fined");
    }
    if REPRESENTATION.contains(&t) && from.is_legal_entity() && to.is_legal_entity() {
        return ("Representation", "agent", "client", false);
    }
    if COURT.contains(&t) || t.ends_with("_in") {
        if to == Schema::CourtCase {
            return ("CourtCaseParty", "party", "case", false);
        }
        if from == Schema::CourtCase {
            return ("CourtCaseParty", "party", "case", true);
        }
    }
    ("UnknownLink", "subject", "object", false)
}

fn date(d: Option<PartialDate>) -> Option<String> {
    d.map(|d| d.to_string())
}

/// Writes the FtM JSON lines of `view` to `out`: entities, then the
/// documents of the sources cited, then relationships, each sorted by id.
pub fn write(model: &Model, view: &View, mut out: impl Write) -> io::Result<()> {
    let o = &mut out;
    // Indices only: each pass below makes its views as it goes.
    let order = relationship_order(model, view);
    let rels = || order.iter().map(|ix| model.relationship(*ix));
    let mut owned = BTreeSet::new();
    for r in rels() {
        if let Some((_, owner_is_from)) = OWNERSHIP.iter().find(|(t, _)| *t == r.rel_type()) {
            let asset = if *owner_is_from { r.to() } else { r.from() };
            owned.insert(asset.index() as u32);
        }
    }
    let ctx = Ctx {
        model,
        dataset: &model.dataset().id,
        owned,
    };
    for e in entities(model, view) {
        let schema = ctx.schema(&e);
        let mut p = Map::new();
        // `name` is required, and FtM drops a blank one when it cleans:
        // the id stands in.
        let name = if e.name().trim().is_empty() {
            e.id()
        } else {
            e.name()
        };
        put(&mut p, "name", [name.to_owned()]);
        if schema == Schema::Pages {
            // A document's caption is its title (or file name), not `name`.
            put(&mut p, "title", [name.to_owned()]);
        }
        if e.name().chars().count() > max_len("name") {
            put(&mut p, "notes", [e.name().to_owned()]);
        }
        put(&mut p, "alias", e.aliases().map(str::to_owned));
        put(&mut p, "description", e.description().map(str::to_owned));
        let url_prop = if schema.is_legal_entity() {
            "website"
        } else {
            "sourceUrl"
        };
        put(&mut p, url_prop, e.url().map(str::to_owned));
        if let Some((start, end)) = schema.date_props() {
            put(&mut p, start, date(e.start()));
            put(&mut p, end, date(e.end()));
        }
        line(o, ctx.entity_id(&e), schema.name(), p)?;
    }
    let cited: BTreeSet<(&str, SourceIx)> = rels()
        .flat_map(|r| {
            r.evidence()
                .map(|c| (c.source().id(), c.source().ix()))
                .collect::<Vec<_>>()
        })
        .collect();
    for (_, ix) in cited {
        let s = model.source(ix);
        let mut p = Map::new();
        let name = if s.title().trim().is_empty() {
            s.id()
        } else {
            s.title()
        };
        put(&mut p, "name", [name.to_owned()]);
        // The caption of a document is its title.
        put(&mut p, "title", [name.to_owned()]);
        if s.title().chars().count() > max_len("name") {
            put(&mut p, "notes", [s.title().to_owned()]);
        }
        put(&mut p, "publisher", s.publisher().map(str::to_owned));
        put(&mut p, "author", s.author().map(str::to_owned));
        put(&mut p, "publishedAt", date(s.published()));
        put(
            &mut p,
            "sourceUrl",
            s.url()
                .into_iter()
                .chain(s.archived_url())
                .map(str::to_owned),
        );
        put(&mut p, "notes", s.notes().map(str::to_owned));
        line(
            o,
            make_id(ctx.dataset, "source", s.id()),
            source_schema(s.kind()),
            p,
        )?;
    }
    for r in rels() {
        let (schema, a, b, swap) = rel_schema(&ctx, &r);
        let (x, y) = if swap {
            (r.to(), r.from())
        } else {
            (r.from(), r.to())
        };
        let mut p = Map::new();
        put(&mut p, a, [ctx.entity_id(&model.entity(x))]);
        put(&mut p, b, [ctx.entity_id(&model.entity(y))]);
        let label_prop = if schema == "Payment" {
            "purpose"
        } else {
            "role"
        };
        put(&mut p, label_prop, [r.label().into_owned()]);
        put(
            &mut p,
            "description",
            [format!("casegraph: {} ({})", r.rel_type(), r.status())],
        );
        put(&mut p, "recordId", [r.id().to_owned()]);
        match r.when() {
            When::Undated => {}
            When::On(d) => put(&mut p, "date", [d.to_string()]),
            When::Period { start, end } => {
                put(&mut p, "startDate", date(start));
                put(&mut p, "endDate", date(end));
            }
        }
        if schema == "Payment"
            && let Some(amount) = r.amount()
        {
            put(&mut p, "amount", [amount.value.to_string()]);
            put(&mut p, "currency", [amount.currency.to_owned()]);
        }
        let mut urls = BTreeSet::new();
        let mut proofs = BTreeSet::new();
        for c in r.evidence() {
            let s = c.source();
            urls.extend(s.url().map(str::to_owned));
            proofs.insert(make_id(ctx.dataset, "source", s.id()));
        }
        put(&mut p, "sourceUrl", urls);
        put(&mut p, "proof", proofs);
        line(o, make_id(ctx.dataset, "relationship", r.id()), schema, p)?;
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_sha1_of_the_parts() {
        let id = make_id("d", "entity", "x");
        assert_eq!(id.len(), 40);
        assert_eq!(id, make_id("d", "entity", "x"));
        // `printf casegraph.d.entity.x | sha1sum`: the ids an earlier import
        // holds, so any change to how they are made shows here.
        assert_eq!(id, "efbcc25967cafff096db1b62f42ab496c60d1e14");
        assert_ne!(id, make_id("d", "source", "x"));
    }
}
