//! Reading one member of a record: the object's keys checked against its
//! table, then strings, ids, dates, URLs, periods and properties, each
//! reporting its own rule's diagnostics.

use super::suggest::{DateGuess, guess_date, spelled};
use super::{Builder, What};
use crate::diag::{Diagnostic, Rule, Span, closest};
use crate::format::fields::{Key, MAX_KEYS, keys};
use crate::format::rules;
use crate::model::strings::Str;
use crate::model::{PartialDate, PropValue, Property, Range32, Scalar, Status};
use crate::read::{Member, Node, Val};
use std::marker::PhantomData;

/// The members of one object, looked up by a key of its record kind `K`.
pub(super) struct Fields<'n, 'a, K> {
    /// Where the object is (its `{`).
    pub(super) span: Span,
    /// By [`Key::index`]; an array, not a `Vec`: one allocation less per object.
    members: [Option<&'n Member<'a>>; MAX_KEYS],
    kind: PhantomData<K>,
}

impl<'n, 'a, K: Key> Fields<'n, 'a, K> {
    /// The member written under `key`, if any.
    pub(super) fn get(&self, key: K) -> Option<&'n Member<'a>> {
        self.members[key.index()]
    }
}

impl Builder {
    /// Checks an object's keys against `K`'s table, reporting unknown and
    /// repeated ones.
    pub(super) fn fields<'n, 'a, K: Key>(
        &mut self,
        node: &'n Node<'a>,
        what: &What<'_>,
    ) -> Option<Fields<'n, 'a, K>> {
        let span = self.span(node);
        let Val::Obj(members) = &node.val else {
            self.report(
                Diagnostic::new(
                    Rule::WrongType,
                    Some(span),
                    format!("{what} must be an object, found {}", node.val.type_name()),
                )
                .label("expected an object"),
            );
            return None;
        };
        let mut found = [None; MAX_KEYS];
        for m in members {
            match K::from_key(&m.key).map(Key::index) {
                Some(i) if found[i].is_some() => {
                    let d = Diagnostic::new(
                        Rule::MalformedJson,
                        Some(self.at(m.key_pos, m.key_len)),
                        format!("key `{}` appears twice in {what}", m.key),
                    )
                    .label("repeated key")
                    .help("keep one of the two values");
                    self.report(d);
                }
                Some(i) => found[i] = Some(m),
                None => {
                    let suggestion = closest(&m.key, keys(K::FIELDS));
                    let mut d = Diagnostic::new(
                        Rule::UnknownKey,
                        Some(self.at(m.key_pos, m.key_len)),
                        format!("unknown key `{}` in {what}", m.key),
                    )
                    .label("not a key of the format")
                    .suggest(suggestion.clone());
                    if suggestion.is_none() {
                        let allowed: Vec<&str> = keys(K::FIELDS).collect();
                        d = d.help(format!("the keys allowed here are: {}", allowed.join(", ")));
                    }
                    self.report(d);
                }
            }
        }
        Some(Fields {
            span,
            members: found,
            kind: PhantomData,
        })
    }

    /// Reports that `m` holds another JSON type than its key's table says.
    pub(super) fn wrong_type<K: Key>(&mut self, m: &Member<'_>, key: K) {
        let expected = key.field().value.json_type();
        let d = Diagnostic::new(
            Rule::WrongType,
            Some(self.span(&m.value)),
            format!(
                "`{}` must be {expected}, found {}",
                m.key,
                m.value.val.type_name()
            ),
        )
        .label(format!("expected {expected}"));
        self.report(d);
    }

    /// Reports that the required `key` is absent from `f`.
    pub(super) fn missing<K: Key>(&mut self, f: &Fields<'_, '_, K>, key: K, what: &What<'_>) {
        let key = key.key();
        let d = Diagnostic::new(
            Rule::MissingKey,
            Some(f.span),
            format!("{what} has no `{key}`"),
        )
        .label(format!("`{key}` is required"))
        .help(format!("add `\"{key}\": …` to this object"));
        self.report(d);
    }

    /// A string member; reports a wrong type, or a missing key when the
    /// table says the key is required.
    pub(super) fn string<'n, K: Key>(
        &mut self,
        f: &Fields<'n, '_, K>,
        key: K,
        what: &What<'_>,
    ) -> Option<(&'n str, Span)> {
        debug_assert_eq!(key.field().value.json_type(), "a string", "{}", key.key());
        let Some(m) = f.get(key) else {
            if key.field().required {
                self.missing(f, key, what);
            }
            return None;
        };
        match &m.value.val {
            Val::Str(s) => Some((s, self.span(&m.value))),
            _ => {
                self.wrong_type(m, key);
                None
            }
        }
    }

    /// An optional string member, kept as text of the model.
    pub(super) fn opt_text<K: Key>(
        &mut self,
        f: &Fields<'_, '_, K>,
        key: K,
        what: &What<'_>,
    ) -> Option<Str> {
        let (s, _) = self.string(f, key, what)?;
        Some(self.text(s))
    }

    /// An id member: a slug of at most 128 characters.
    pub(super) fn id<'n, K: Key>(
        &mut self,
        f: &Fields<'n, '_, K>,
        key: K,
        what: &What<'_>,
    ) -> Option<(&'n str, Span)> {
        let (id, span) = self.string(f, key, what)?;
        // The slug rule first: a slug is ASCII, so its length in bytes is
        // its length in characters.
        if !rules::is_slug(id) {
            let suggestion = Some(rules::slugify(id))
                .filter(|s| rules::is_slug(s) && s.len() <= rules::MAX_ID_LEN);
            self.report(
                Diagnostic::new(Rule::BadId, Some(span), format!("`{id}` is not a valid id"))
                    .label("not a slug")
                    .suggest(suggestion)
                    .help(
                        "ids use lowercase ASCII letters and digits, with single `-`, `_` or `.` \
                         between them",
                    ),
            );
        } else if id.len() > rules::MAX_ID_LEN {
            self.report(
                Diagnostic::new(
                    Rule::BadId,
                    Some(span),
                    format!(
                        "id is {} characters long; at most {} are allowed",
                        id.len(),
                        rules::MAX_ID_LEN
                    ),
                )
                .label("too long")
                .help("shorten the id; the name can stay long"),
            );
        }
        Some((id, span))
    }

    /// A date member: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub(super) fn date<K: Key>(
        &mut self,
        f: &Fields<'_, '_, K>,
        key: K,
        what: &What<'_>,
    ) -> Option<PartialDate> {
        let (s, span) = self.string(f, key, what)?;
        self.date_at(s, span)
    }

    /// A status word, with the closest one suggested when it is not one.
    pub(super) fn status_word(&mut self, s: &str, span: Span) -> Option<Status> {
        if let Some(status) = Status::parse(s) {
            return Some(status);
        }
        let suggestion = closest(s, Status::ALL.iter().map(|s| s.as_str()));
        self.report(
            Diagnostic::new(
                Rule::UnknownStatus,
                Some(span),
                format!("unknown status `{s}`"),
            )
            .label("not a status")
            .suggest(suggestion)
            .help("the statuses are confirmed, reported, alleged and denied"),
        );
        None
    }

    /// The date `s` written at `span`, or a `bad-date` diagnostic.
    pub(super) fn date_at(&mut self, s: &str, span: Span) -> Option<PartialDate> {
        match PartialDate::parse(s) {
            Ok(d) => Some(d),
            Err(e) => {
                const FORMAT: &str = "dates are `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, years 1000–9999";
                let d = Diagnostic::new(
                    Rule::BadDate,
                    Some(span),
                    format!("`{s}` is not a valid date: {e}"),
                )
                .label("bad date");
                let d = match guess_date(s) {
                    Some(DateGuess::Rewrite(iso)) => d.suggest(Some(iso)).help(FORMAT),
                    // Guessing would be right half the time: say why there is no rewrite.
                    Some(DateGuess::Ambiguous {
                        day_first,
                        month_first,
                    }) => d.help(format!(
                        "`{s}` could be {} (`{day_first}`) or {} (`{month_first}`): \
                         write the one you mean as `YYYY-MM-DD`",
                        spelled(&day_first),
                        spelled(&month_first)
                    )),
                    None => d.help(FORMAT),
                };
                self.report(d);
                None
            }
        }
    }

    /// A URL member: `http:` or `https:` only.
    pub(super) fn url<K: Key>(
        &mut self,
        f: &Fields<'_, '_, K>,
        key: K,
        what: &What<'_>,
    ) -> Option<Str> {
        let (s, span) = self.string(f, key, what)?;
        if !rules::is_http_url(s) {
            self.report(
                Diagnostic::new(
                    Rule::BadUrl,
                    Some(span),
                    format!("`{}` must be an http: or https: URL", key.key()),
                )
                .label("not an http(s) URL")
                .help("only http: and https: addresses are allowed: use the page's https: address or remove the key"),
            );
            return None;
        }
        Some(self.text(s))
    }

    /// The `start` and `end` of a period (the keys `[start, end]` of `K`),
    /// reporting an end before the start.
    pub(super) fn period<K: Key>(
        &mut self,
        f: &Fields<'_, '_, K>,
        [start_key, end_key]: [K; 2],
        what: &What<'_>,
    ) -> (Option<PartialDate>, Option<PartialDate>) {
        let start = self.date(f, start_key, what);
        let end = self.date(f, end_key, what);
        if let (Some(s), Some(e)) = (start, end)
            && e.last_day() < s.first_day()
        {
            let span = f.get(end_key).map(|m| self.span(&m.value));
            self.report(
                Diagnostic::new(
                    Rule::EndBeforeStart,
                    span,
                    format!("{what} ends ({e}) before it starts ({s})"),
                )
                .label("before `start`")
                .help("swap `start` and `end`, or correct the year"),
            );
        }
        (start, end)
    }

    /// The free-form `properties` (the key `key` of `K`): strings, numbers,
    /// booleans and arrays of those.
    pub(super) fn properties<K: Key>(
        &mut self,
        f: &Fields<'_, '_, K>,
        key: K,
        what: &What<'_>,
    ) -> Range32 {
        let start = self.model.properties.len() as u32;
        let Some(m) = f.get(key) else {
            return Range32 { start, len: 0 };
        };
        let Val::Obj(members) = &m.value.val else {
            self.wrong_type(m, key);
            return Range32 { start, len: 0 };
        };
        for p in members {
            let value = match &p.value.val {
                Val::Arr(items) => {
                    let list_start = self.model.list_items.len() as u32;
                    let mut ok = true;
                    for item in items {
                        match self.scalar(item) {
                            Some(s) => self.model.list_items.push(s),
                            None => {
                                ok = false;
                                self.bad_property(&p.key, item, what, true);
                            }
                        }
                    }
                    let len = self.model.list_items.len() as u32 - list_start;
                    ok.then_some(PropValue::List(Range32 {
                        start: list_start,
                        len,
                    }))
                }
                _ => match self.scalar(&p.value) {
                    Some(s) => Some(PropValue::Scalar(s)),
                    None => {
                        self.bad_property(&p.key, &p.value, what, false);
                        None
                    }
                },
            };
            if let Some(value) = value {
                let key = self.text(&p.key);
                self.model.properties.push(Property { key, value });
            }
        }
        Range32 {
            start,
            len: self.model.properties.len() as u32 - start,
        }
    }

    /// A property's value, unless it is null, an array or an object.
    pub(super) fn scalar(&mut self, node: &Node<'_>) -> Option<Scalar> {
        Some(match &node.val {
            Val::Str(s) => Scalar::Str(self.text(s)),
            Val::Num(n) => Scalar::Num(n.clone()),
            Val::Bool(b) => Scalar::Bool(*b),
            Val::Null | Val::Arr(_) | Val::Obj(_) => return None,
        })
    }

    /// Reports a property value that is null or nested.
    pub(super) fn bad_property(
        &mut self,
        key: &str,
        node: &Node<'_>,
        what: &What<'_>,
        in_list: bool,
    ) {
        let place = if in_list {
            "an item of property"
        } else {
            "property"
        };
        let help = match node.val {
            Val::Null => "leave the key out instead of writing null",
            _ => {
                "properties hold strings, numbers, booleans or arrays of those; flatten nested values into separate keys"
            }
        };
        let d = Diagnostic::new(
            Rule::BadProperty,
            Some(self.span(node)),
            format!("{place} `{key}` of {what} is {}", node.val.type_name()),
        )
        .label("not allowed in properties")
        .help(help);
        self.report(d);
    }

    /// The items of an array member (none when absent or not an array).
    pub(super) fn array<'n, 'a, K: Key>(
        &mut self,
        f: &Fields<'n, 'a, K>,
        key: K,
    ) -> &'n [Node<'a>] {
        match f.get(key) {
            None => &[],
            Some(m) => match &m.value.val {
                Val::Arr(items) => items,
                _ => {
                    self.wrong_type(m, key);
                    &[]
                }
            },
        }
    }
}
