//! Unit tests of the CSV reader: cell values, repeated rows, positions.

use super::*;

/// Every record as its JSON, and every problem's message.
#[derive(Default)]
struct Log(Vec<String>);

fn json(node: &Node<'_>) -> serde_json::Value {
    match &node.val {
        Val::Null => serde_json::Value::Null,
        Val::Bool(b) => (*b).into(),
        Val::Num(n) => serde_json::Value::Number(n.clone()),
        Val::Str(s) => s.as_ref().into(),
        Val::Arr(items) => items.iter().map(json).collect(),
        Val::Obj(members) => members
            .iter()
            .map(|m| (m.key.to_string(), json(&m.value)))
            .collect::<serde_json::Map<_, _>>()
            .into(),
    }
}

impl<'a> Sink<'a> for Log {
    fn event(&mut self, event: &Event<'a>) {
        self.0.push(match event {
            Event::Record(_, node) => json(node).to_string(),
            Event::Problem(d) => format!("{}: {}", d.rule, d.message),
            other => format!("{other:?}"),
        });
    }
}

fn read_all(table: Table, text: &str) -> Vec<String> {
    let mut log = Log::default();
    read(text, table, "t.csv", &mut log)
        .map_err(|(_, m)| m.message)
        .unwrap();
    log.0
}

#[test]
fn cells_are_read_as_the_format_says() {
    let text = "id,name,kind,aliases,properties.n,properties.b,properties.l,properties.s\n\
                a,'=1+1,person,x\\;y;  z ;\\\\w;,87000000,true,\"[\"\"a\"\",2]\",'42\n";
    assert_eq!(
        read_all(Table::Entities, text),
        [
            r#"{"aliases":["x;y","z","\\w"],"id":"a","kind":"person","name":"=1+1","properties":{"b":true,"l":["a",2],"n":87000000,"s":"42"}}"#
        ]
    );
}

#[test]
fn repeated_rows_add_citations_and_disputes() {
    let text = "id,from,to,type,source,quote,disputed_by,dispute_source\n\
                r,a,b,paid,s1,\"one, two\",,\n\
                r,,,,s2,,c,s3\n\
                ,a,b,met,,,,\n";
    assert_eq!(
        read_all(Table::Relationships, text),
        [
            r#"{"disputed_by":[{"entity":"c","source":"s3"}],"evidence":[{"quote":"one, two","source":"s1"},{"source":"s2"}],"from":"a","id":"r","to":"b","type":"paid"}"#,
            r#"{"from":"a","to":"b","type":"met"}"#,
        ]
    );
}

#[test]
fn cell_positions_are_the_files() {
    let text = "id,name,kind\n\"a\",  Bé ,\"x\"\"y\"\n";
    let mut cells = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut record = csv::ByteRecord::new();
    reader.read_byte_record(&mut record).unwrap();
    reader.read_byte_record(&mut record).unwrap();
    split(text, 13, &record, &mut cells).unwrap();
    let got: Vec<(String, &str)> = cells
        .iter()
        .flatten()
        .map(|c| (c.text.to_string(), &text[c.pos..c.end]))
        .collect();
    assert_eq!(
        got,
        [
            ("a".into(), "\"a\""),
            ("Bé".into(), "Bé"),
            ("x\"y".into(), "\"x\"\"y\"")
        ]
    );
}
