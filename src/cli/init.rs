//! `casegraph init`: a new case to start from, in JSON, CSV or a workbook.

use super::{Ctx, Failure, Hint, json};
use crate::export::csv::{DATASET_FILE, FILES, Table, tables};
use crate::format::fields::{
    AmountKey, CitationKey, DatasetKey, DisputeKey, EntityKey, RelationshipKey, SourceKey, ViewKey,
};
use crate::format::vocab::{ENTITY_KINDS, SourceKind, Status};
use crate::format::{Field, Key, ValueKind, rules, schema};
use crate::model::Model;
use crate::query::View;
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Start a case of your own: a small valid dataset to edit, in JSON, CSV or a workbook.
///
/// Writes an invented case into DIR (two sources, three entities, two
/// relationships with citations, a dispute and a view) and a README saying
/// what each file and column means. Edit it, then `casegraph check --data
/// DIR` and `casegraph build --data DIR`.
///
/// The dataset's id is DIR's name. JSON files point their `"$schema"` key
/// at `casegraph.schema.json`, written beside them, so an editor completes
/// keys as you type. Nothing is ever overwritten: if a file init would
/// write exists, it writes nothing.
#[derive(Args, Debug)]
pub(super) struct InitArgs {
    /// The directory to write into (made if missing)
    #[arg(value_name = "DIR")]
    dir: PathBuf,
    /// How the records are kept
    #[arg(long, short = 'f', value_enum, default_value_t = InitFormat::Json)]
    format: InitFormat,
}

/// The layouts `init` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum InitFormat {
    /// One JSON file, `case.json`
    Json,
    /// `entities.csv`, `relationships.csv`, `sources.csv`, and `dataset.json` for the rest
    Csv,
    /// One workbook, `case.xlsx`, and `dataset.json` for the rest
    Xlsx,
}

/// The template: an invented case, its dataset id a placeholder (a slug
/// itself, so the template is a valid dataset file as it stands).
const TEMPLATE: &str = include_str!("init/case.json");
/// The placeholder in [`TEMPLATE`] for the dataset id, quotes included.
const ID_PLACEHOLDER: &str = "\"init-dataset-id\"";
/// The template's one view: the dataset id must differ from it (a view is
/// drawn as `<view-id>.svg`, beside the dataset's own files).
const VIEW_ID: &str = "who-won-the-contract";

pub(super) fn run(ctx: &mut Ctx, args: InitArgs) -> Result<(), Failure> {
    let id = dataset_id(&args.dir);
    let files = files(&id, args.format)?;
    // Nothing is written if anything is in the way.
    if args.dir.exists() && !args.dir.is_dir() {
        return Err(in_the_way(&args.dir, "is a file, not a directory"));
    }
    for (name, _) in &files {
        let path = args.dir.join(name);
        if path.symlink_metadata().is_ok() {
            return Err(in_the_way(&path, "exists"));
        }
    }
    let cannot =
        |p: &Path, e: std::io::Error| Failure::io(format!("cannot write `{}`: {e}", p.display()));
    std::fs::create_dir_all(&args.dir).map_err(|e| cannot(&args.dir, e))?;
    let mut staged = Vec::with_capacity(files.len());
    for (name, bytes) in &files {
        let path = args.dir.join(name);
        staged.push((
            crate::export::stage(&path, bytes).map_err(|e| cannot(&path, e))?,
            path,
        ));
    }
    for (tmp, path) in staged {
        // `persist_noclobber`: a file made meanwhile is not replaced either.
        tmp.persist_noclobber(&path)
            .map_err(|e| cannot(&path, e.error))?;
    }
    if ctx.global.json {
        json::print(
            &mut ctx.out,
            &serde_json::json!({
                "dir": args.dir.display().to_string(),
                "dataset": id,
                "files": files.iter().map(|(n, _)| n).collect::<Vec<_>>(),
            }),
        )?;
    } else if !ctx.global.quiet {
        let dir = args.dir.display();
        writeln!(ctx.out, "wrote a new case `{id}` to {dir}/")?;
        for (name, _) in &files {
            writeln!(ctx.out, "  {name}")?;
        }
        writeln!(
            ctx.out,
            "next: edit it (README.md there says what each part means), then"
        )?;
        writeln!(ctx.out, "  casegraph check --data {dir}")?;
        writeln!(ctx.out, "  casegraph build --data {dir} --out {dir}/output")?;
    }
    Ok(())
}

fn in_the_way(path: &Path, what: &str) -> Failure {
    Failure::io(format!(
        "`{}` {what}: init writes nothing over it",
        path.display()
    ))
    .with(Hint::Note("nothing was written".into()))
    .with(Hint::Help(
        "give a new directory, or move the file away".into(),
    ))
}

/// The dataset id: DIR's name as a slug (`My Case` → `my-case`), never the
/// view's id.
fn dataset_id(dir: &Path) -> String {
    // `.` and `..` name the directory they stand for.
    let name = std::fs::canonicalize(dir)
        .or_else(|_| std::path::absolute(dir))
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_default();
    let id = rules::slugify(&name);
    match id.as_str() {
        "" => "my-case".to_owned(),
        VIEW_ID => format!("{id}-case"),
        _ => id,
    }
}

/// The files of a new case: name in DIR, and contents.
fn files(id: &str, format: InitFormat) -> Result<Vec<(String, Vec<u8>)>, Failure> {
    let json = TEMPLATE.replace(ID_PLACEHOLDER, &format!("\"{id}\""));
    let model = template_model(&json)?;
    let schema_file = (
        schema::FILE_NAME.to_owned(),
        schema::json_schema_text().into_bytes(),
    );
    let mut files = match format {
        InitFormat::Json => vec![("case.json".to_owned(), json.into_bytes()), schema_file],
        InitFormat::Csv | InitFormat::Xlsx => {
            let view = View::all(&model);
            let dataset = with_schema_key(&crate::export::csv::dataset_json(&model, &view));
            let mut files = Vec::new();
            if format == InitFormat::Csv {
                for (name, part) in FILES {
                    if name == DATASET_FILE {
                        continue;
                    }
                    let mut bytes = Vec::new();
                    part(&model, &view, &mut bytes)
                        .map_err(|e| Failure::output(format!("cannot make {name}: {e}")))?;
                    files.push((name.to_owned(), bytes));
                }
            } else {
                let bytes = crate::export::xlsx::workbook(&model, &view)
                    .map_err(|e| Failure::output(format!("cannot make the workbook: {e}")))?;
                files.push(("case.xlsx".to_owned(), bytes));
            }
            files.push((DATASET_FILE.to_owned(), dataset.into_bytes()));
            files.push(schema_file);
            files
        }
    };
    files.push((
        "README.md".to_owned(),
        readme(id, format, &model).into_bytes(),
    ));
    Ok(files)
}

/// The template as a model (it is valid: a test says so).
fn template_model(json: &str) -> Result<Model, Failure> {
    crate::load::load_str("case.json", json)
        .model
        .ok_or_else(|| Failure::output("the built-in template does not load (a bug)"))
}

/// `dataset.json` with the `"$schema"` key first, for editors.
fn with_schema_key(dataset: &str) -> String {
    let body = dataset.strip_prefix("{\n").unwrap_or(dataset);
    format!("{{\n  \"$schema\": \"{}\",\n{body}", schema::FILE_NAME)
}

/// The README of a new case: what to do next, what each file holds, and
/// what each column (or key) means, from the format's tables.
fn readme(id: &str, format: InitFormat, model: &Model) -> String {
    let mut s = format!(
        "# {id}\n\n\
         Written by `casegraph init`: a small invented case (a port authority, a dredging\n\
         company and a board member) to replace with your own. Everything in it is fictional.\n\n\
         ## Next steps\n\n\
         1. Edit the records (below: what each part means). Keep every claim cited.\n\
         2. `casegraph check --data .` reports every problem with its file, line and column\n   \
            (or sheet and cell) and a suggested fix. `--deny-warnings` makes warnings fail too.\n\
         3. `casegraph build --data . --out output` writes the diagrams and exports, and the\n   \
            page `output/{id}.html` to open in a browser.\n\n\
         The whole format is in casegraph's `graph-data/README.md`.\n\n\
         ## Files\n\n"
    );
    let dataset_line = format!(
        "- `{DATASET_FILE}`: the `dataset` block (id, title, licence, …) and the `views`, the \
         diagrams the case publishes.\n"
    );
    let schema_line = format!(
        "- `{}`: the format as a JSON Schema (`casegraph schema` prints it), which the JSON \
         files name in `\"$schema\"` so an editor completes keys and flags typos.\n",
        schema::FILE_NAME
    );
    match format {
        InitFormat::Json => {
            s.push_str(
                "- `case.json`: the whole case: `dataset`, `sources`, `entities`, \
                 `relationships` and `views`. Any other `*.json` file in this directory \
                 is read too and merged with it.\n",
            );
            s.push_str(&schema_line);
            s.push_str("\n## Keys\n");
            for (title, fields) in [
                ("dataset", DatasetKey::FIELDS),
                ("sources", SourceKey::FIELDS),
                ("entities", EntityKey::FIELDS),
                ("relationships", RelationshipKey::FIELDS),
                ("relationships: amount", AmountKey::FIELDS),
                (
                    "relationships: evidence (each citation)",
                    CitationKey::FIELDS,
                ),
                (
                    "relationships: disputed_by (each dispute)",
                    DisputeKey::FIELDS,
                ),
                ("views", ViewKey::FIELDS),
            ] {
                s.push_str(&format!("\n### {title}\n\n"));
                s.push_str(&key_table(
                    "key",
                    fields.iter().map(|f: &Field| {
                        (
                            f.key.to_owned(),
                            f.required,
                            described(f.description(), f.value),
                        )
                    }),
                ));
            }
        }
        InitFormat::Csv | InitFormat::Xlsx => {
            if format == InitFormat::Csv {
                s.push_str(
                    "- `entities.csv`, `relationships.csv`, `sources.csv`: one record a row \
                     (UTF-8, a header row, columns in any order).\n",
                );
            } else {
                s.push_str(
                    "- `case.xlsx`: the sheets `entities`, `relationships` and `sources`, one \
                     record a row under a header row (columns in any order).\n",
                );
            }
            s.push_str(&dataset_line);
            s.push_str(&schema_line);
            s.push_str(
                "\nA cell left empty is a key left out. Lists (`aliases`) are separated by `;` \
                 (`\\;` for a semicolon, `\\\\` for a backslash). A cell starting with `'` is \
                 text, whatever follows. To give a relationship a second citation or dispute, \
                 add a row with the same `id` and only those cells filled.\n\n## Columns\n",
            );
            let view = View::all(model);
            for table in tables(model, &view) {
                s.push_str(&format!("\n### {}\n\n", sheet_title(&table, format)));
                s.push_str(&key_table(
                    "column",
                    table
                        .header
                        .iter()
                        .zip(&table.about)
                        .map(|(h, (req, about, kind))| (h.clone(), *req, described(about, *kind))),
                ));
            }
        }
    }
    s
}

fn sheet_title(table: &Table<'_>, format: InitFormat) -> String {
    match format {
        InitFormat::Xlsx => format!("sheet `{}`", table.name),
        _ => format!("`{}.csv`", table.name),
    }
}

/// A key's description, with the values it takes where the format lists
/// them (from the word lists, so they cannot drift).
fn described(about: &str, kind: ValueKind) -> String {
    let quoted = |words: &[&str]| {
        words
            .iter()
            .map(|w| format!("`{w}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let takes = match kind {
        ValueKind::Status | ValueKind::Statuses => Some(format!(
            "One of {}.",
            quoted(&Status::ALL.map(Status::as_str))
        )),
        ValueKind::SourceKind => Some(format!(
            "One of {}.",
            quoted(&SourceKind::ALL.map(SourceKind::as_str))
        )),
        ValueKind::EntityKind => {
            let known: Vec<&str> = ENTITY_KINDS.iter().map(|k| k.kind).collect();
            Some(format!(
                "Drawn by kind: {}; any other word is drawn as `other`.",
                quoted(&known)
            ))
        }
        ValueKind::Date => Some("`YYYY`, `YYYY-MM` or `YYYY-MM-DD`.".to_owned()),
        ValueKind::Bool => Some("`true` or `false`.".to_owned()),
        ValueKind::Slug | ValueKind::EntityId | ValueKind::SourceId => {
            Some("Lower-case letters, digits, and `-`, `_` or `.` between them.".to_owned())
        }
        ValueKind::RelType => Some("snake_case: `board_member_of`.".to_owned()),
        ValueKind::Currency => Some("Three capital letters: `USD`, `EUR`.".to_owned()),
        ValueKind::HttpUrl => Some("An `http://` or `https://` address.".to_owned()),
        _ => None,
    };
    match takes {
        Some(t) => format!("{about} {t}"),
        None => about.to_owned(),
    }
}

/// A Markdown table: key (or column), whether required, meaning.
fn key_table(first: &str, rows: impl Iterator<Item = (String, bool, String)>) -> String {
    let mut s = format!("| {first} | required | what it holds |\n| --- | --- | --- |\n");
    for (key, required, about) in rows {
        let req = if required { "yes" } else { "" };
        s.push_str(&format!(
            "| `{key}` | {req} | {} |\n",
            about.replace('|', "\\|")
        ));
    }
    s
}
