//! Sources, entities and the `dataset` block.

use super::{Builder, What};
use crate::diag::{Diagnostic, Rule, Span, closest};
use crate::format::fields::{DatasetKey, EntityKey, SourceKey};
use crate::format::{ENTITY_KINDS, EntityKind};
use crate::model::strings::Str;
use crate::model::{DatasetMeta, Entity, Range32, Source, SourceKind};
use crate::read::{KeySpan, Node, Val};

impl Builder {
    /// Checks a source and adds it to the model.
    pub(super) fn add_source(&mut self, node: &Node<'_>) {
        let what = &What::Plain("a source");
        let Some(f) = self.fields::<SourceKey>(node, what) else {
            return;
        };
        let id = self.id(&f, SourceKey::Id, what);
        let title = self.string(&f, SourceKey::Title, what).map(|(s, _)| s);
        let kind = match self.string(&f, SourceKey::Kind, what) {
            None => SourceKind::Other,
            Some((k, span)) => SourceKind::parse(k).unwrap_or_else(|| {
                // A synonym first (`newspaper` → `news`), else the closest spelling.
                let suggestion = SourceKind::synonym(k)
                    .map(|k| k.as_str().to_owned())
                    .or_else(|| closest(k, SourceKind::ALL.iter().map(|k| k.as_str())));
                let kinds: Vec<_> = SourceKind::ALL.iter().map(|k| k.as_str()).collect();
                self.report(
                    Diagnostic::new(
                        Rule::UnknownSourceKind,
                        Some(span),
                        format!("unknown source kind `{k}`"),
                    )
                    .label("not a source kind")
                    .suggest(suggestion)
                    .help(format!("source kinds are: {}", kinds.join(", "))),
                );
                SourceKind::Other
            }),
        };
        let record = Source {
            id: Str::EMPTY,
            title: title.map_or(Str::EMPTY, |t| self.text(t)),
            kind,
            publisher: self.opt_text(&f, SourceKey::Publisher, what),
            author: self.opt_text(&f, SourceKey::Author, what),
            published: self.date(&f, SourceKey::Published, what),
            url: self.url(&f, SourceKey::Url, what),
            archived_url: self.url(&f, SourceKey::ArchivedUrl, what),
            notes: self.opt_text(&f, SourceKey::Notes, what),
        };
        let Some((id, id_span)) = id else { return };
        let ix = match self.model.source_by_id(id) {
            Some(ix) => {
                if let Some(first) = self.source_span[ix.0 as usize] {
                    let first = first.span();
                    self.duplicate("source", id, id_span, first);
                    return;
                }
                ix
            }
            None => self.new_source_slot(id),
        };
        let i = ix.0 as usize;
        let id_str = self.model.sources[i].id;
        self.model.sources[i] = Source {
            id: id_str,
            ..record
        };
        self.source_span[i] = Some(id_span.into());
    }

    /// Checks an entity and adds it to the model.
    pub(super) fn add_entity(&mut self, node: &Node<'_>) {
        let plain = What::Plain("an entity");
        let Some(f) = self.fields::<EntityKey>(node, &plain) else {
            return;
        };
        let id = self.id(&f, EntityKey::Id, &plain);
        let what = match id {
            Some((id, _)) => What::Entity(id),
            None => plain,
        };
        let name = self.string(&f, EntityKey::Name, &what).map(|(s, _)| s);
        let kind = self.string(&f, EntityKey::Kind, &what).map(|(s, span)| {
            self.entity_kind(s, span, &what);
            s
        });
        let aliases_start = self.model.aliases.len() as u32;
        if let Some(m) = f.get(EntityKey::Aliases) {
            match &m.value.val {
                Val::Arr(items) => {
                    for item in items {
                        match &item.val {
                            Val::Str(s) => {
                                let s = self.text(s);
                                self.model.aliases.push(s);
                            }
                            other => {
                                let d = Diagnostic::new(
                                    Rule::WrongType,
                                    Some(self.span(item)),
                                    format!(
                                        "each alias of {what} must be a string, found {}",
                                        other.type_name()
                                    ),
                                )
                                .label("expected a string");
                                self.report(d);
                            }
                        }
                    }
                }
                _ => self.wrong_type(m, EntityKey::Aliases),
            }
        }
        let aliases = Range32 {
            start: aliases_start,
            len: self.model.aliases.len() as u32 - aliases_start,
        };
        let description = self.opt_text(&f, EntityKey::Description, &what);
        let url = self.url(&f, EntityKey::Url, &what);
        let (start, end) = self.period(&f, [EntityKey::Start, EntityKey::End], &what);
        let properties = self.properties(&f, EntityKey::Properties, &what);
        let Some((id, id_span)) = id else { return };
        let ix = match self.model.entity_by_id(id) {
            Some(ix) => {
                if let Some(first) = self.entity_span[ix.index()] {
                    let first = first.span();
                    self.duplicate("entity", id, id_span, first);
                    return;
                }
                ix
            }
            None => self.new_entity_slot(id),
        };
        let entity = Entity {
            id: self.model.graph[ix].id,
            name: name.map_or(Str::EMPTY, |n| self.text(n)),
            kind: kind.map_or(self.kind_other, |k| self.model.syms.intern(k)),
            aliases,
            description,
            url,
            start,
            end,
            properties,
        };
        self.model.graph[ix] = entity;
        self.entity_span[ix.index()] = Some(id_span.into());
        self.entity_defined.insert(ix.index());
    }

    /// Warns about an entity kind FORMAT.md does not name that looks like
    /// one it does: a synonym (`company` → `organization`) or a misspelling
    /// (`persn`). A kind of one's own that is like none of them (`vessel`)
    /// is allowed without a word, as the format says.
    fn entity_kind(&mut self, kind: &str, span: Span, what: &What<'_>) {
        if EntityKind::is_known(kind) {
            return;
        }
        let suggestion = EntityKind::synonym(kind)
            .map(|k| k.kind.to_owned())
            .or_else(|| closest(kind, ENTITY_KINDS.iter().map(|k| k.kind)));
        let Some(suggestion) = suggestion else {
            return;
        };
        let kinds: Vec<&str> = ENTITY_KINDS.iter().map(|k| k.kind).collect();
        self.report(
            Diagnostic::new(
                Rule::UnknownKind,
                Some(span),
                format!("{what} has the kind `{kind}`, which the format does not name"),
            )
            .label("not a kind of the format")
            .suggest(Some(suggestion))
            .help(format!(
                "it is drawn as `other`; the kinds are: {}",
                kinds.join(", ")
            )),
        );
    }

    /// Checks the `dataset` block (`key` is where its key is written) and
    /// keeps it as the model's metadata; a second one is an error.
    pub(super) fn add_dataset(&mut self, key: KeySpan, node: &Node<'_>) {
        let key_span = self.at(key.pos, key.len);
        if let Some(first) = self.dataset_span {
            self.report(
                Diagnostic::new(
                    Rule::DuplicateDataset,
                    Some(key_span),
                    "a second `dataset` block",
                )
                .label("only one file of a directory may describe the dataset")
                .related(first, "the first is")
                .help("keep the `dataset` block in one file and remove this one"),
            );
            return;
        }
        self.dataset_span = Some(key_span);
        let what = &What::Plain("the `dataset` block");
        let Some(f) = self.fields::<DatasetKey>(node, what) else {
            return;
        };
        let id = self.id(&f, DatasetKey::Id, what).map(|(s, _)| s.to_owned());
        let string = |b: &mut Builder, key| b.string(&f, key, what).map(|(s, _)| s.to_owned());
        let title = string(self, DatasetKey::Title);
        let description = string(self, DatasetKey::Description);
        let license = string(self, DatasetKey::License);
        let updated = self.date(&f, DatasetKey::Updated, what);
        let url = self
            .url(&f, DatasetKey::Url, what)
            .map(|s| self.model.text.get(s).to_owned());
        self.model.meta = DatasetMeta {
            id_given: id.is_some(),
            id: id.unwrap_or_default(),
            title,
            description,
            updated,
            license,
            url,
        };
    }
}
