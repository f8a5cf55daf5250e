//! Unit tests of the JSON reader.

use super::*;

#[derive(Default)]
struct Collect {
    records: Vec<(Section, usize, String)>,
}

impl<'a> Sink<'a> for Collect {
    fn event(&mut self, event: &Event<'a>) {
        let Event::Record(section, node) = event else {
            return;
        };
        let id = match &node.val {
            Val::Obj(m) => m
                .iter()
                .find(|m| m.key == "id")
                .map(|m| format!("{}@{}", m.key_pos, m.value.pos))
                .unwrap_or_default(),
            _ => String::new(),
        };
        self.records.push((*section, node.pos, id));
    }
}

/// The numbers of each record's members, as read.
#[derive(Default)]
struct Numbers(Vec<f64>);

impl<'a> Sink<'a> for Numbers {
    fn event(&mut self, event: &Event<'a>) {
        if let Event::Record(_, node) = event
            && let Val::Obj(members) = &node.val
        {
            for m in members {
                if let Val::Num(n) = &m.value.val {
                    self.0.push(n.as_f64().unwrap());
                }
            }
        }
    }
}

#[test]
fn numbers_are_read_exactly() {
    // Found by fuzz/ (the writers target): serde_json's default float
    // parser can miss the nearest double by one unit in the last place,
    // so a property's value changed, and the canonical JSON with it, on
    // every reload. Rust's own parser is exact.
    for text in [
        "4.283133845826674e-257",
        "4.2831338458266735e-257",
        "2.2250738585072014e-308",
        "0.1",
        "1e23",
        "9007199254740993.0",
    ] {
        let doc = format!("{{\"entities\": [{{\"n\": {text}}}]}}");
        let mut sink = Numbers::default();
        read(&doc, &mut sink).unwrap();
        let exact: f64 = text.parse().unwrap();
        assert_eq!(sink.0, [exact], "{text}");
    }
}

#[test]
fn records_and_values_get_exact_offsets() {
    let text = "{\"entities\": [\n  {\"id\" :  \"a\"},\n  {}\n]}";
    let mut sink = Collect::default();
    read(text, &mut sink).unwrap();
    let first_obj = text.find("{\"id\"").unwrap();
    let key = text.find("\"id\"").unwrap();
    let value = text.find("\"a\"").unwrap();
    assert_eq!(sink.records[0].1, first_obj);
    assert_eq!(sink.records[0].2, format!("{key}@{value}"));
    // An empty object has no key to anchor on, and still gets its own position.
    assert_eq!(sink.records[1].1, text.find("{}").unwrap());
}

/// Every value's position, as the text found there, for a file
/// pretty-printed and minified.
#[test]
fn every_value_starts_where_it_is_written() {
    fn walk(text: &str, node: &Node<'_>, out: &mut Vec<String>) {
        out.push(text[node.pos..node.end].to_owned());
        match &node.val {
            Val::Arr(items) => items.iter().for_each(|i| walk(text, i, out)),
            Val::Obj(members) => {
                for m in members {
                    out.push(format!("key {}", &text[m.key_pos..m.key_pos + m.key_len]));
                    walk(text, &m.value, out);
                }
            }
            _ => {}
        }
    }
    #[derive(Default)]
    struct All(Vec<String>, String);
    impl<'a> Sink<'a> for All {
        fn event(&mut self, event: &Event<'a>) {
            if let Event::Record(_, node) = event {
                walk(&self.1.clone(), node, &mut self.0);
            }
        }
    }
    let pretty = "{\n  \"x\": [1],\n  \"entities\": [\n    {},\n    17 ,\n    true,\n    {\"n\\u0061me\": 42, \"a\": [3, null, \"s]\\\"{\", -1.5e3, [], {}],\n     \"p\" : { \"l\": [ false , \"x\" ] }}\n  ]\n}\n";
    let expected = [
        "{}",
        "17",
        "true",
        "{\"n\\u0061me\": 42, \"a\": [3, null, \"s]\\\"{\", -1.5e3, [], {}],\n     \"p\" : { \"l\": [ false , \"x\" ] }}",
        "key \"n\\u0061me\"",
        "42",
        "key \"a\"",
        "[3, null, \"s]\\\"{\", -1.5e3, [], {}]",
        "3",
        "null",
        "\"s]\\\"{\"",
        "-1.5e3",
        "[]",
        "{}",
        "key \"p\"",
        "{ \"l\": [ false , \"x\" ] }",
        "key \"l\"",
        "[ false , \"x\" ]",
        "false",
        "\"x\"",
    ];
    // No string holds white space, so dropping all of it minifies.
    let minify = |t: &str| t.replace([' ', '\n'], "").replace("key", "key ");
    let mut sink = All(Vec::new(), pretty.to_owned());
    read(pretty, &mut sink).unwrap();
    assert_eq!(sink.0, expected);
    let minified = minify(pretty);
    let mut sink = All(Vec::new(), minified.clone());
    read(&minified, &mut sink).unwrap();
    assert_eq!(sink.0, expected.map(minify));
}

#[test]
fn deep_nesting_is_refused_cleanly() {
    let deep = format!(
        "{{\"entities\": [{{\"properties\": {{\"x\": {}{}}}}}]}}",
        "[".repeat(100),
        "]".repeat(100)
    );
    let err = read(&deep, &mut Collect::default()).unwrap_err();
    assert!(
        err.message.contains("nesting deeper than 64"),
        "{}",
        err.message
    );
}

#[test]
fn malformed_json_reports_the_offset() {
    let text = "{\n  \"entities\": [\n    {\"id\": \"a\"}\n    {\"id\": \"b\"}\n  ]\n}";
    let err = read(text, &mut Collect::default()).unwrap_err();
    assert_eq!(err.offset, text.find("{\"id\": \"b\"").unwrap());
}

/// Each hand-writing mistake is named, at the exact byte it starts at
/// (a trailing comma at the comma, not at the bracket after it).
#[test]
fn hand_written_mistakes_are_named_where_they_are() {
    for (text, at, message, help) in [
        (
            "{\"entities\": [ // none yet\n]}",
            "//",
            "JSON has no comments",
            "`notes`",
        ),
        (
            "{\"x\": 1, /* old */ \"y\": 2}",
            "/*",
            "JSON has no comments",
            "delete it",
        ),
        (
            "{\"entities\": [{\"id\": \"a\"} // x\n]}",
            "//",
            "JSON has no comments",
            "delete",
        ),
        (
            "{'entities': []}",
            "'",
            "not single quotes",
            "`\"entities\"`",
        ),
        (
            "{\"entities\": [{\"id\": 'a\"b'}]}",
            "'",
            "not single quotes",
            r#"`"a\"b"`"#,
        ),
        (
            "{\"entities\": [{\"id\": \"a\",\n  }\n]}",
            ",\n  }",
            "trailing comma",
            "remove this comma",
        ),
        (
            "{\"entities\": [1, 2 ,  ]}",
            ",  ]",
            "trailing comma",
            "remove this comma",
        ),
        (
            "{\"entities\": [{id: \"a\"}]}",
            "id",
            "key `id` is not quoted",
            "`\"id\"`",
        ),
        (
            "{\"entities\": [], source_kind: 1}",
            "source_kind",
            "key `source_kind`",
            "quote the key",
        ),
    ] {
        let err = read(text, &mut Collect::default()).unwrap_err();
        assert_eq!(err.offset, text.find(at).unwrap(), "{text}");
        assert!(err.message.contains(message), "{text}: {}", err.message);
        let shown = err.help.unwrap_or_default();
        assert!(shown.contains(help), "{text}: {shown}");
    }
}

#[test]
fn a_number_out_of_range_is_reported_at_its_start() {
    let big = |n: &str| format!("{n}{}", "0".repeat(400));
    for (text, number) in [
        (
            "{\"entities\": [{\"p\": 12345e400}]}".to_owned(),
            "12345e400",
        ),
        (
            "{\"entities\": [{\"p\": [1, -1.5E+999 ]}]}".into(),
            "-1.5E+999",
        ),
        ("{\"x\": {\"y\":-2e9999,\"z\": 1}}".into(), "-2e9999"),
        (format!("{{\"entities\": [{}]}}", big("9")), &big("9")),
        (
            format!("{{\"format\": -{}}}", big("1")),
            &format!("-{}", big("1")),
        ),
        ("  1e400".into(), "1e400"),
    ] {
        let err = read(&text, &mut Collect::default()).unwrap_err();
        assert!(
            err.message.starts_with("number out of range"),
            "{text}: {}",
            err.message
        );
        assert_eq!(err.offset, text.find(number).unwrap(), "{text}");
    }
}

/// Every event of `text`, cloned, as the sink sees it.
#[derive(Default)]
struct Events<'a>(Vec<Event<'a>>);

impl<'a> Sink<'a> for Events<'a> {
    fn event(&mut self, event: &Event<'a>) {
        self.0.push(event.clone());
    }
}

#[test]
fn trees_built_from_spare_vectors_are_the_trees_of_the_text() {
    // `read` builds each record's tree with vectors emptied from the
    // records before it. Records of every depth and length, big ones
    // before small ones, must come out as a reader with no spare vectors
    // (all fresh) reads them: nothing of an earlier record left in a later one.
    let mut records = Vec::new();
    for i in 0..300u32 {
        let nested: Vec<String> = (0..(i * 7) % 9)
            .map(|j| format!("{{\"source\": \"s{j}\", \"locator\": [\"p. {j}\", {{\"x\": [{i}, [true, null]]}}]}}"))
            .collect();
        let extra: String = (0..(i * 5) % 70)
            .map(|k| format!(", \"k{k}\": \"v\\u00e9{k}\""))
            .collect();
        records.push(format!(
            "{{\"id\": \"r{i}\", \"evidence\": [{}]{extra}, \"n\": {}}}",
            nested.join(", "),
            f64::from(i) / 4.0
        ));
    }
    let text = format!(
        "{{\"relationships\": [{}], \"views\": [[], {{}}, [[[]]]]}}",
        records.join(",\n")
    );
    let mut recycled = Events::default();
    read(&text, &mut recycled).unwrap();
    let mut fresh = Vec::new();
    read_with(&text, &Spare::default(), &mut |event| fresh.push(event)).unwrap();
    assert_eq!(recycled.0.len(), 303);
    assert!(recycled.0 == fresh, "the trees differ");
}

mod positions {
    //! Property: wherever the white space is, and whatever a string holds,
    //! every value's span is its text and every key's span is its key.
    use super::*;
    use proptest::prelude::*;
    use serde_json::Value;

    /// White space the JSON grammar allows between tokens.
    const PADS: [&str; 6] = ["", " ", "\n  ", "\t", "\r\n", "  \n\t "];

    fn text() -> impl Strategy<Value = String> + Clone {
        "[a-zé\"\\\\/ \n\u{1F600}]{0,6}"
    }

    fn value() -> impl Strategy<Value = Value> {
        let text = text();
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            (-1e9f64..1e9).prop_map(Value::from),
            text.clone().prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 32, 5, move |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
                prop::collection::vec((text.clone(), inner), 0..5)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    /// `s` as a JSON string, with every `e` written `\u0065` when `escape`.
    fn quoted(s: &str, escape: bool) -> String {
        let q = serde_json::to_string(s).unwrap();
        if escape { q.replace('e', "\\u0065") } else { q }
    }

    /// Writes `v` with the pads taken in turn from `pads` between tokens.
    fn write(v: &Value, pads: &[usize], k: &mut usize, out: &mut String) {
        let pad = |out: &mut String, k: &mut usize| {
            out.push_str(PADS[pads[*k % pads.len()]]);
            *k += 1;
        };
        match v {
            Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        pad(out, k);
                        out.push(',');
                    }
                    pad(out, k);
                    write(item, pads, k, out);
                }
                pad(out, k);
                out.push(']');
            }
            Value::Object(members) => {
                out.push('{');
                for (i, (key, item)) in members.iter().enumerate() {
                    if i > 0 {
                        pad(out, k);
                        out.push(',');
                    }
                    pad(out, k);
                    out.push_str(&quoted(key, k.is_multiple_of(3)));
                    pad(out, k);
                    out.push(':');
                    pad(out, k);
                    write(item, pads, k, out);
                }
                pad(out, k);
                out.push('}');
            }
            Value::String(s) => out.push_str(&quoted(s, k.is_multiple_of(2))),
            other => out.push_str(&other.to_string()),
        }
    }

    fn as_value(node: &Node<'_>) -> Value {
        match &node.val {
            Val::Null => Value::Null,
            Val::Bool(b) => Value::Bool(*b),
            Val::Num(n) => Value::Number(n.clone()),
            Val::Str(s) => Value::String(s.to_string()),
            Val::Arr(items) => Value::Array(items.iter().map(as_value).collect()),
            Val::Obj(members) => Value::Object(
                members
                    .iter()
                    .map(|m| (m.key.to_string(), as_value(&m.value)))
                    .collect(),
            ),
        }
    }

    /// Every span of `node` that is not its text, described.
    fn wrong_spans(text: &str, node: &Node<'_>, out: &mut Vec<String>) {
        let written = &text[node.pos..node.end];
        if serde_json::from_str::<Value>(written).ok() != Some(as_value(node)) {
            out.push(format!(
                "value at {}..{} reads {written:?}",
                node.pos, node.end
            ));
        }
        match &node.val {
            Val::Arr(items) => items.iter().for_each(|i| wrong_spans(text, i, out)),
            Val::Obj(members) => {
                for m in members {
                    let key = &text[m.key_pos..m.key_pos + m.key_len];
                    if serde_json::from_str::<String>(key).ok().as_deref() != Some(&*m.key) {
                        out.push(format!("key {:?} at {} reads {key:?}", m.key, m.key_pos));
                    }
                    wrong_spans(text, &m.value, out);
                }
            }
            _ => {}
        }
    }

    struct Check<'t>(&'t str, Vec<String>, usize);
    impl<'a> Sink<'a> for Check<'_> {
        fn event(&mut self, event: &Event<'a>) {
            if let Event::Record(_, node) = event {
                self.2 += 1;
                wrong_spans(self.0, node, &mut self.1);
            }
        }
    }

    proptest! {
        #[test]
        fn every_span_is_the_text_of_its_value(
            records in prop::collection::vec(value(), 0..6),
            pads in prop::collection::vec(0usize..PADS.len(), 1..40),
        ) {
            let mut k = 0;
            let mut text = String::from("{");
            text.push_str(PADS[pads[0]]);
            text.push_str("\"entities\"");
            text.push_str(PADS[pads[pads.len() - 1]]);
            text.push(':');
            write(&Value::Array(records.clone()), &pads, &mut k, &mut text);
            text.push_str(PADS[pads[k % pads.len()]]);
            text.push('}');
            let mut check = Check(&text, Vec::new(), 0);
            read(&text, &mut check).unwrap();
            prop_assert_eq!(check.2, records.len());
            prop_assert!(check.1.is_empty(), "{:?} in {:?}", check.1, text);
        }
    }
}
