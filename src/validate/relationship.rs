//! Relationships, with their amounts, citations and disputes.

use super::fields::Fields;
use super::suggest;
use super::{Builder, What};
use crate::diag::{Diagnostic, Rule};
use crate::format::Key;
use crate::format::fields::{AmountKey, CitationKey, DisputeKey, RelationshipKey};
use crate::format::rules;
use crate::model::{
    AmountRec, Citation, Dispute, Range32, RelExtra, RelIx, Relationship, Status, When,
};
use crate::read::{Member, Node, Val};
use petgraph::graph::EdgeIndex;

/// Relationships of a file read before sizing the id table from them.
const PRESIZE_SAMPLE: u32 = 1024;

impl Builder {
    /// Checks a relationship and adds it to the model: its ends resolved
    /// (or left pending), its given id indexed (a default id is the model's to spell out).
    pub(super) fn add_relationship(&mut self, node: &Node<'_>) {
        self.presize_relationships(node.pos);
        let plain = What::Plain("a relationship");
        let Some(f) = self.fields::<RelationshipKey>(node, &plain) else {
            return;
        };
        let id = self.id(&f, RelationshipKey::Id, &plain);
        self.file_given_ids += u32::from(id.is_some());
        let from = self.string(&f, RelationshipKey::From, &plain);
        let to = self.string(&f, RelationshipKey::To, &plain);
        let rel_type = self.string(&f, RelationshipKey::Type, &plain);
        let what = match (id, from, rel_type, to) {
            (Some((id, _)), ..) => What::Relationship(id),
            (None, Some((f, _)), Some((t, _)), Some((o, _))) => What::Ends(f, t, o),
            _ => plain,
        };
        if let Some((t, span)) = rel_type
            && !rules::is_snake_case(t)
        {
            let suggestion = Some(rules::snake_case(t)).filter(|s| rules::is_snake_case(s));
            self.report(
                Diagnostic::new(
                    Rule::BadType,
                    Some(span),
                    format!("relationship type `{t}` is not snake_case"),
                )
                .label("not snake_case")
                .suggest(suggestion)
                .help("types are lowercase words joined by `_`, like `board_member_of`"),
            );
        }
        if let (Some((a, _)), Some((b, span))) = (from, to)
            && a == b
        {
            self.report(
                Diagnostic::new(
                    Rule::SelfLoop,
                    Some(span),
                    format!("{what} goes from `{a}` to itself"),
                )
                .label("same as `from`")
                .help("a relationship links two different entities"),
            );
        }
        let label = self.opt_text(&f, RelationshipKey::Label, &what);
        let directed = match f.get(RelationshipKey::Directed) {
            None => true,
            Some(m) => match m.value.val {
                Val::Bool(b) => b,
                _ => {
                    self.wrong_type(m, RelationshipKey::Directed);
                    true
                }
            },
        };
        let date = self.date(&f, RelationshipKey::Date, &what);
        let (start, end) = self.period(&f, [RelationshipKey::Start, RelationshipKey::End], &what);
        let when = if let Some(d) = f.get(RelationshipKey::Date) {
            if let Some(m) = f
                .get(RelationshipKey::Start)
                .or(f.get(RelationshipKey::End))
            {
                let d = Diagnostic::new(
                    Rule::DateWithPeriod,
                    Some(self.at(m.key_pos, m.key_len)),
                    format!("{what} has both `date` and `{}`", m.key),
                )
                .label("not allowed with `date`")
                .related(self.at(d.key_pos, d.key_len), "`date` is")
                .help("use `date` for a one-off event, or `start`/`end` for a period, not both");
                self.report(d);
            }
            date.map(When::On).unwrap_or_default()
        } else if start.is_some() || end.is_some() {
            When::Period { start, end }
        } else {
            When::Undated
        };
        let status = self
            .string(&f, RelationshipKey::Status, &what)
            .and_then(|(s, span)| self.status_word(s, span))
            .unwrap_or(Status::Reported);
        let amount = f
            .get(RelationshipKey::Amount)
            .and_then(|m| self.amount(m, &what))
            .and_then(|a| {
                self.model.amounts.push(a);
                std::num::NonZeroU32::new(self.model.amounts.len() as u32)
            });
        let (evidence, evidence_broken) = self.citations(&f, &what);
        let disputes = self.disputes(&f, &what);
        if status == Status::Confirmed
            && disputes.len > 0
            && let Some(m) = f.get(RelationshipKey::DisputedBy)
        {
            let d = Diagnostic::new(
                Rule::ConfirmedDisputed,
                Some(self.at(m.key_pos, m.key_len)),
                format!("{what} is `confirmed` but has `disputed_by`"),
            )
            .label("a confirmed claim cannot be disputed")
            .help(
                "a disputed claim is at most `reported`: lower the status, or remove `disputed_by`",
            );
            self.report(d);
        }
        if evidence.len == 0 && !evidence_broken {
            self.report(
                Diagnostic::new(
                    Rule::NoEvidence,
                    Some(f.span),
                    format!("{what} cites no evidence"),
                )
                .label("no `evidence`")
                .help("add `\"evidence\": [{ \"source\": \"…\", \"quote\": \"…\" }]`"),
            );
        }
        let properties = self.properties(&f, RelationshipKey::Properties, &what);
        let (Some((from, from_span)), Some((to, to_span)), Some((rel_type, _))) =
            (from, to, rel_type)
        else {
            // Dropped for an error already reported: its ends are not
            // orphans because of it.
            for (end, _) in [from, to].into_iter().flatten() {
                self.ends_of_dropped.insert(end.to_owned());
            }
            return;
        };
        let from_ix = self.entity_ref(from, from_span, &what);
        let to_ix = self.entity_ref(to, to_span, &what);
        // Whether the id is new, so it gets indexed below (one lookup, not two).
        let mut id_is_new = false;
        let rel_id = match id {
            Some((id, span)) => {
                if let Some(first) = self.model.given_relationship_by_id(id) {
                    let first = self.rel_span(first);
                    self.duplicate("relationship", id, span, first);
                } else {
                    id_is_new = true;
                }
                Some(self.text(id))
            }
            None => None,
        };
        let extra = RelExtra {
            label,
            amount,
            disputes,
            properties,
        };
        let extra = if extra.is_empty() {
            None
        } else {
            self.model.rel_extras.push(extra);
            std::num::NonZeroU32::new(self.model.rel_extras.len() as u32)
        };
        let rel = Relationship {
            id: rel_id,
            rel_type: self.model.syms.intern(rel_type),
            directed,
            when,
            status,
            evidence,
            extra,
        };
        let ix = self.model.graph.add_edge(from_ix, to_ix, rel);
        self.rel_offset
            .push(u32::try_from(f.span.offset).unwrap_or(u32::MAX));
        if let (Some(_), Some((id, _))) = (rel_id, id)
            && id_is_new
        {
            self.index_relationship(id, ix);
        }
    }

    /// Counts a relationship record starting at `pos`; at the
    /// [`PRESIZE_SAMPLE`]th of a file, reserves room for as many more as
    /// the rest of the file would hold at the size they have had so far.
    ///
    /// Why: the relationship id table holds indices only (see
    /// [`IdIndex`]), so each time it grows it reads every id back from the
    /// records and the file text, a few cache misses per id; on 3 M
    /// relationships that was a tenth of loading. Sized once from this
    /// estimate, it almost never grows. An estimate that is too large (a
    /// file whose relationships come before long other sections) costs
    /// memory, at most a table slot per relationship-sized run of bytes.
    pub(super) fn presize_relationships(&mut self, pos: usize) {
        self.file_rels += 1;
        if self.file_rels == 1 {
            self.file_first_rel = pos;
            self.file_first_lens = RecordLens::of(&self.model);
        } else if self.file_rels == PRESIZE_SAMPLE {
            let per_record = (pos - self.file_first_rel) / (PRESIZE_SAMPLE as usize - 1);
            let more = self.file_len.saturating_sub(pos) / per_record.max(1);
            // Only given ids go in (default ones are spelled out later, see
            // model/default_ids.rs): as many more as the sample had.
            let given = self.file_given_ids as usize;
            let more = more * given / (PRESIZE_SAMPLE as usize);
            let rest = self.file_len.saturating_sub(pos) / per_record.max(1);
            self.reserve_relationship_records(rest + rest / 32);
            let (graph, text) = (&self.model.graph, &self.model.text);
            self.model.rel_ids.reserve(more + more / 32, |i| {
                graph[EdgeIndex::new(i as usize)]
                    .id
                    .map_or("", |s| text.get(s))
            });
        }
    }

    /// Reserves room for `more` relationships in the graph and the vectors
    /// that grow with them, each by its share per relationship so far.
    ///
    /// Why: a vector that doubles while it is filled is copied each time,
    /// and below glibc's mmap threshold (which rises as large blocks are
    /// freed) the old block stays resident: on M that was a tenth of the
    /// peak. Reserved once, the pages are touched only as they are filled,
    /// so a too-large estimate costs address space, not memory.
    fn reserve_relationship_records(&mut self, more: usize) {
        let (first, now) = (self.file_first_lens, RecordLens::of(&self.model));
        let sampled = now.edges.saturating_sub(first.edges).max(1);
        let share = |from: usize, to: usize| more.saturating_mul(to.saturating_sub(from)) / sampled;
        let m = &mut self.model;
        m.graph.reserve_edges(more);
        m.citations.reserve(share(first.citations, now.citations));
        m.rel_extras.reserve(share(first.extras, now.extras));
        m.properties
            .reserve(share(first.properties, now.properties));
        self.rel_offset.reserve(more);
    }

    /// Indexes relationship `ix` under `id`.
    pub(super) fn index_relationship(&mut self, id: &str, ix: RelIx) {
        let (graph, text) = (&self.model.graph, &self.model.text);
        self.model.rel_ids.insert(id, ix.index() as u32, |i| {
            graph[EdgeIndex::new(i as usize)]
                .id
                .map_or("", |s| text.get(s))
        });
    }

    /// A relationship's `amount` (the member `m`): a value ≥ 0 and a currency.
    pub(super) fn amount(&mut self, m: &Member<'_>, what: &What<'_>) -> Option<AmountRec> {
        let what = &What::Of("the amount of ", what);
        if let Val::Str(text) = &m.value.val {
            self.amount_as_text(m, text, what);
            return None;
        }
        let f = self.fields::<AmountKey>(&m.value, what)?;
        let value = match f.get(AmountKey::Value) {
            None => {
                self.missing(&f, AmountKey::Value, what);
                None
            }
            Some(v) => match &v.value.val {
                Val::Num(n) => {
                    if n.as_f64().is_some_and(|x| x < 0.0) {
                        let d = Diagnostic::new(
                            Rule::NegativeAmount,
                            Some(self.span(&v.value)),
                            format!("{what} is negative ({n})"),
                        )
                        .label("below zero")
                        .help("amounts are sizes of payments or fines: write the value without its sign, and let the relationship's direction say who paid whom");
                        self.report(d);
                    }
                    Some(n.clone())
                }
                Val::Str(text) => {
                    // `"value": "100M"`: the number meant, when it reads as one.
                    let suggestion = suggest::guess_amount(text).map(|a| a.value);
                    let expected = AmountKey::Value.field().value.json_type();
                    let d = Diagnostic::new(
                        Rule::WrongType,
                        Some(self.span(&v.value)),
                        format!("`value` must be {expected}, found a string"),
                    )
                    .label(format!("expected {expected}"))
                    .suggest(suggestion)
                    .help("write the number without quotes, and the currency in `currency`");
                    self.report(d);
                    None
                }
                _ => {
                    self.wrong_type(v, AmountKey::Value);
                    None
                }
            },
        };
        let currency = match self.string(&f, AmountKey::Currency, what) {
            Some((c, span)) if !rules::is_currency(c) => {
                let upper = c.to_ascii_uppercase();
                let suggestion = rules::is_currency(&upper).then_some(upper);
                self.report(
                    Diagnostic::new(
                        Rule::BadCurrency,
                        Some(span),
                        format!("currency `{c}` is not an ISO 4217 code"),
                    )
                    .label("not three capital letters")
                    .suggest(suggestion)
                    .help("write the ISO 4217 code: `USD`, `EUR`, `GBP`…"),
                );
                None
            }
            Some((c, _)) => Some(self.model.syms.intern(c)),
            None => None,
        };
        Some(AmountRec {
            value: value?,
            currency: currency?,
        })
    }

    /// Reports an amount written as text (`"$100M"`), with the object to
    /// write instead when the text reads as an amount.
    fn amount_as_text(&mut self, m: &Member<'_>, text: &str, what: &What<'_>) {
        let guess = suggest::guess_amount(text);
        let help = match &guess {
            Some(g) if g.currency.is_some() => {
                "an amount is an object of a number and an ISO 4217 currency code".to_owned()
            }
            Some(g) => format!(
                "an amount is an object of a number and an ISO 4217 currency code: `{}`, with the code in place of `…`",
                g.json()
            ),
            None => "write an object of a number and an ISO 4217 currency code: \
                     `{ \"value\": 100000000, \"currency\": \"USD\" }`"
                .to_owned(),
        };
        let suggestion = guess.filter(|g| g.currency.is_some()).map(|g| g.json());
        let d = Diagnostic::new(
            Rule::WrongType,
            Some(self.span(&m.value)),
            format!("{what} must be an object, found a string"),
        )
        .label("expected an object")
        .suggest(suggestion)
        .help(help);
        self.report(d);
    }

    /// The citations of `evidence`, and whether an error was reported in it
    /// (then a lack of valid citations is that error's doing, not a warning's).
    pub(super) fn citations(
        &mut self,
        f: &Fields<'_, '_, RelationshipKey>,
        what: &What<'_>,
    ) -> (Range32, bool) {
        let start = self.model.citations.len() as u32;
        let ctx = &What::Of("a citation of ", what);
        let mut broken = f
            .get(RelationshipKey::Evidence)
            .is_some_and(|m| !matches!(m.value.val, Val::Arr(_)));
        for item in self.array(f, RelationshipKey::Evidence) {
            let Some(c) = self.fields::<CitationKey>(item, ctx) else {
                broken = true;
                continue;
            };
            let source = self.string(&c, CitationKey::Source, ctx);
            broken |= source.is_none();
            let locator = self.opt_text(&c, CitationKey::Locator, ctx);
            let quote = self.opt_text(&c, CitationKey::Quote, ctx);
            if let Some((id, span)) = source {
                let source = self.source_ref(id, span, ctx);
                self.model.citations.push(Citation {
                    source,
                    locator,
                    quote,
                });
            }
        }
        let range = Range32 {
            start,
            len: self.model.citations.len() as u32 - start,
        };
        (range, broken)
    }

    /// The disputes of `disputed_by`.
    pub(super) fn disputes(
        &mut self,
        f: &Fields<'_, '_, RelationshipKey>,
        what: &What<'_>,
    ) -> Range32 {
        let start = self.model.disputes.len() as u32;
        let ctx = &What::Of("a dispute of ", what);
        for item in self.array(f, RelationshipKey::DisputedBy) {
            let Some(d) = self.fields::<DisputeKey>(item, ctx) else {
                continue;
            };
            let entity = self.string(&d, DisputeKey::Entity, ctx);
            let source = self.string(&d, DisputeKey::Source, ctx);
            let quote = self.opt_text(&d, DisputeKey::Quote, ctx);
            if let (Some((e, e_span)), Some((s, s_span))) = (entity, source) {
                let entity = self.entity_ref(e, e_span, ctx);
                let source = self.source_ref(s, s_span, ctx);
                self.model.disputes.push(Dispute {
                    entity,
                    source,
                    quote,
                });
            }
        }
        Range32 {
            start,
            len: self.model.disputes.len() as u32 - start,
        }
    }
}

/// How many records of each kind that grows with relationships the model
/// holds: two of these, a sample apart, give each kind's share per
/// relationship.
#[derive(Clone, Copy, Default, Debug)]
pub(super) struct RecordLens {
    edges: usize,
    citations: usize,
    extras: usize,
    properties: usize,
}

impl RecordLens {
    pub(super) fn of(m: &crate::model::Model) -> RecordLens {
        RecordLens {
            edges: m.graph.edge_count(),
            citations: m.citations.len(),
            extras: m.rel_extras.len(),
            properties: m.properties.len(),
        }
    }
}
