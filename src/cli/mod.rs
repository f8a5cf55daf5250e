//! The command line: argument parsing (clap derive) and one module per
//! command, each a thin shell over the library.

mod args;
mod build;
mod check;
mod export;
mod fmt;
mod init;
mod json;
mod neighbors;
mod pairs;
mod path;
mod progress;
mod render;
mod schema;
mod search;
mod show;
mod stats;
mod timeline;
mod views;
mod words;

use args::{FilterArgs, GlobalArgs, PathEnds, PathOptionArgs};

use crate::diag::{self, Palette, Severity};
use crate::load::{LoadOptions, Loaded, Origin, load_with_progress};
use crate::model::Model;
use clap::{Parser, Subcommand};
use std::io::Write;

/// casegraph: check, question, draw and export sourced relationship graphs.
///
/// Data comes from `--data PATH` (a file or directory), else `./graph-data/`
/// if present, else the curated Netflix–Facebook dataset built into the binary.
#[derive(Parser, Debug)]
#[command(name = "casegraph", version, max_term_width = 100)]
pub(crate) struct Cli {
    #[command(flatten)]
    global: GlobalArgs,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    // In the order a user meets them: start, check, look up, ask, draw, hand
    // on, build, and the schema for their editor.
    Init(init::InitArgs),
    Check(check::CheckArgs),
    Show(show::ShowArgs),
    Search(search::SearchArgs),
    Path(path::PathArgs),
    Neighbors(neighbors::NeighborsArgs),
    Timeline(timeline::TimelineArgs),
    Stats(stats::StatsArgs),
    Render(render::RenderArgs),
    Views(views::ViewsArgs),
    Export(export::ExportArgs),
    Build(build::BuildArgs),
    Schema(schema::SchemaArgs),
}

/// How a command failed: what kind of failure (it decides the exit
/// status), the message, and hints on what to do about it — one type, so
/// every failure is printed the same way (`  = note: …`, `  = help: …`), as jj's
/// `user_error_with_hint` does.
#[derive(Debug)]
pub(crate) struct Failure {
    kind: Kind,
    message: String,
    hints: Vec<Hint>,
}

/// The kinds of [`Failure`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// The data, or another input file such as a `path --pairs` file, has
    /// errors (already reported): exit 1.
    Data,
    /// The question has no answer (unknown entity, no path): exit 1.
    Query,
    /// The arguments make no sense together: exit 2.
    Usage,
    /// Writing failed: exit 1.
    Io,
    /// An output could not be made (a layout or an export failed): exit 1.
    Output,
    /// The reader of our output went away (`casegraph show meta | head -1`):
    /// exit 0, as ripgrep does, unless the data itself failed first.
    BrokenPipe,
}

/// A line under a failure's message, written `  = note: …` or
/// `  = help: …` as the diagnostics write theirs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Hint {
    /// Why it failed (`= note:`).
    Note(String),
    /// What to do instead (`= help:`).
    Help(String),
}

impl Failure {
    fn new(kind: Kind, message: impl Into<String>) -> Failure {
        Failure {
            kind,
            message: message.into(),
            hints: Vec::new(),
        }
    }

    /// The data has errors, already reported.
    pub(crate) fn data() -> Failure {
        Failure::new(Kind::Data, "")
    }

    /// The question has no answer.
    pub(crate) fn query(message: impl Into<String>) -> Failure {
        Failure::new(Kind::Query, message)
    }

    /// The arguments make no sense together.
    pub(crate) fn usage(message: impl Into<String>) -> Failure {
        Failure::new(Kind::Usage, message)
    }

    /// Writing failed.
    pub(crate) fn io(message: impl Into<String>) -> Failure {
        Failure::new(Kind::Io, message)
    }

    /// An output could not be made.
    pub(crate) fn output(message: impl Into<String>) -> Failure {
        Failure::new(Kind::Output, message)
    }

    /// The failure with `hint` added under the others.
    pub(crate) fn with(mut self, hint: Hint) -> Failure {
        self.hints.push(hint);
        self
    }

    /// The failure with every hint of `hints` added.
    pub(crate) fn with_all(mut self, hints: impl IntoIterator<Item = Hint>) -> Failure {
        self.hints.extend(hints);
        self
    }

    /// The exit status.
    fn status(&self) -> u8 {
        match self.kind {
            Kind::BrokenPipe => 0,
            Kind::Usage => 2,
            Kind::Data | Kind::Query | Kind::Io | Kind::Output => 1,
        }
    }

    /// The message and its hints, one per line; `None` when there is
    /// nothing to print (the data's errors were reported already, or the
    /// reader went away).
    fn render(&self) -> Option<String> {
        if matches!(self.kind, Kind::Data | Kind::BrokenPipe) {
            return None;
        }
        Some(hinted(&self.message, &self.hints))
    }
}

/// `message`, then each hint on its own line, `  = note: …` or `  = help: …`.
fn hinted(message: &str, hints: &[Hint]) -> String {
    let mut out = message.to_owned();
    for h in hints {
        let (label, text) = match h {
            Hint::Note(t) => ("note", t),
            Hint::Help(t) => ("help", t),
        };
        out.push_str(&format!("\n  = {label}: {text}"));
    }
    out
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            Failure::new(Kind::BrokenPipe, "")
        } else {
            Failure::io(e.to_string())
        }
    }
}

impl From<crate::query::ResolveError> for Failure {
    /// An entity argument that names no single entity: the question has
    /// no answer, and the message lists the closest or the matching ones.
    fn from(e: crate::query::ResolveError) -> Self {
        Failure::query(e.to_string())
    }
}

/// How many diagnostics the human output shows; `--json` lists them all.
const MAX_SHOWN: usize = 200;

/// What every command gets: the global flags and the output streams.
pub(crate) struct Ctx {
    /// The global flags.
    pub global: GlobalArgs,
    /// Standard output, colour stripped when colour is off.
    pub out: anstream::AutoStream<std::io::Stdout>,
    /// Standard error, likewise.
    pub err: anstream::AutoStream<std::io::Stderr>,
    palette: Palette,
    /// `ENTITY` arguments taken as a guess while `--json` is on: the JSON
    /// answer carries them (`taken_as`) instead of a note.
    taken: std::cell::RefCell<Vec<Taken>>,
}

/// An `ENTITY` argument taken as a guess, and the entity it was taken as.
pub(crate) struct Taken {
    /// What the user typed.
    pub query: String,
    /// The entity's id.
    pub id: String,
    /// The entity's name.
    pub name: String,
    /// How the argument matched it (never [`crate::query::How::Exact`]).
    pub how: crate::query::How,
}

impl Ctx {
    fn new(global: GlobalArgs) -> Ctx {
        let choice = global.color.choice();
        let out = anstream::AutoStream::new(std::io::stdout(), choice);
        let err = anstream::AutoStream::new(std::io::stderr(), choice);
        let palette = if err.current_choice() == anstream::ColorChoice::Never {
            Palette::plain()
        } else {
            Palette::colored()
        };
        Ctx {
            global,
            out,
            err,
            palette,
            taken: std::cell::RefCell::default(),
        }
    }

    /// Resolves an `ENTITY` argument ([`crate::query::resolve`]). When it
    /// was taken as a guess (the start or a part of one entity's id, name
    /// or alias), says so: a note on stderr, or with `--json` an item of
    /// the answer's `taken_as`; nothing with `--quiet`.
    pub(crate) fn entity(
        &self,
        model: &Model,
        query: &str,
    ) -> Result<crate::model::EntityIx, crate::query::ResolveError> {
        let found = crate::query::resolve(model, query)?;
        if found.how != crate::query::How::Exact {
            let e = model.entity(found.index);
            let taken = Taken {
                query: query.to_owned(),
                id: e.id().to_owned(),
                name: e.name().to_owned(),
                how: found.how,
            };
            if self.global.json {
                self.taken.borrow_mut().push(taken);
            } else if !self.global.quiet {
                let _ = writeln!(std::io::stderr(), "{}", words::taken_as(&taken));
            }
        }
        Ok(found.index)
    }

    /// Prints a command's `--json` answer, with the `ENTITY` arguments
    /// taken as a guess in its `taken_as` (the key is absent when there are
    /// none, so answers to exact arguments are unchanged).
    pub(crate) fn print_json(&mut self, mut answer: serde_json::Value) -> std::io::Result<()> {
        if let serde_json::Value::Object(map) = &mut answer {
            let taken = self.taken.take();
            if !taken.is_empty() {
                let items = taken.iter().map(json::taken_as).collect();
                map.insert("taken_as".into(), serde_json::Value::Array(items));
            }
        }
        json::print(&mut self.out, &answer)
    }

    /// Says on stderr what [`Ctx::entity`] kept for a JSON answer that
    /// never came (a command that answers with a file, a failure, or an
    /// answer that is an array), so no guess goes unsaid.
    fn flush_taken(&mut self) {
        for taken in self.taken.take() {
            if !self.global.quiet {
                let _ = writeln!(std::io::stderr(), "{}", words::taken_as(&taken));
            }
        }
    }

    /// Loads the dataset the flags point at, without reporting anything
    /// (but a progress bar on a terminal when the load takes a while).
    pub(crate) fn load(&self) -> Loaded {
        let quiet = self.global.quiet || self.global.json;
        let mut bar = progress::Progress::new("loading", !quiet);
        // The two-thread reader is opt-in (see `read::threads`); the
        // library reads no environment, so the variable is read here.
        let two = std::env::var_os("CASEGRAPH_PARSE_THREADS").is_some_and(|v| v == "2");
        let options = LoadOptions {
            parse_threads: if two { 2 } else { 1 },
        };
        let origin = Origin::choose(self.global.data.as_deref());
        if origin == Origin::Embedded && !quiet {
            // Never silently: in a folder of their own, a user who forgot
            // `--data` would otherwise read answers about another case.
            let _ = writeln!(
                std::io::stderr(),
                "note: using the built-in Netflix–Facebook dataset: there is no --data, no \
                 CASEGRAPH_DATA and no ./graph-data/ here"
            );
        }
        let loaded =
            load_with_progress(origin, options, &mut |done, total| bar.update(done, total));
        bar.finish();
        loaded
    }

    /// Loads the dataset; on errors, reports them and fails.
    pub(crate) fn model(&mut self) -> Result<Model, Failure> {
        let loaded = self.load();
        match loaded.model {
            Some(model) => Ok(model),
            None => {
                self.report_errors(&loaded);
                Err(Failure::data())
            }
        }
    }

    /// Prints the errors of a failed load: human text to stderr, or
    /// `{"diagnostics": [...]}` on stdout with `--json`. Output problems
    /// (a closed pipe) are ignored: the data failure decides the exit status.
    pub(crate) fn report_errors(&mut self, loaded: &Loaded) {
        if self.global.json {
            let arr = json_diagnostics(loaded, Severity::Error);
            let _ = json::print(&mut self.out, &serde_json::json!({ "diagnostics": arr }));
            return;
        }
        self.print_diagnostics(loaded, Severity::Error);
        let _ = writeln!(
            self.err,
            "error: the dataset in {} has {}; nothing was done",
            loaded.origin,
            fmt::count(loaded.error_count(), "error", "errors")
        );
    }

    /// Prints diagnostics as human text on stderr, up to `worst` severity
    /// (`Severity::Warning` shows everything), at most [`MAX_SHOWN`] of them.
    pub(crate) fn print_diagnostics(&mut self, loaded: &Loaded, worst: Severity) {
        let shown: Vec<_> = loaded
            .diagnostics
            .iter()
            .filter(|d| d.severity <= worst)
            .collect();
        let palette = self.palette;
        self.print_rendered(
            shown.len(),
            shown
                .iter()
                .map(|d| diag::render(d, &loaded.files, palette)),
            "; `casegraph check --json` lists them all",
        );
    }

    /// Prints `total` rendered problems on stderr, each followed by a blank
    /// line, at most [`MAX_SHOWN`] of them (only those are rendered), then
    /// how many were left out and `more`. Output problems (a closed pipe)
    /// are ignored: the failure being reported decides the exit status.
    fn print_rendered(&mut self, total: usize, rendered: impl Iterator<Item = String>, more: &str) {
        for text in rendered.take(MAX_SHOWN) {
            if writeln!(self.err, "{text}").is_err() {
                return;
            }
        }
        if total > MAX_SHOWN {
            let _ = writeln!(self.err, "… and {} more{more}\n", total - MAX_SHOWN);
        }
    }

    /// The palette for styled output.
    pub(crate) fn palette(&self) -> Palette {
        self.palette
    }
}

/// The diagnostics of a load up to `worst` severity (`Severity::Warning`:
/// all of them), in their `--json` form.
fn json_diagnostics(loaded: &Loaded, worst: Severity) -> Vec<diag::JsonDiagnostic> {
    loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity <= worst)
        .map(|d| diag::JsonDiagnostic::new(d, &loaded.files))
        .collect()
}

/// Runs the command line and returns the exit status.
pub fn main() -> std::process::ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout with status 0; real usage errors exit 2.
            let _ = e.print();
            return std::process::ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let mut ctx = Ctx::new(cli.global);
    let result = match cli.command {
        Command::Init(a) => init::run(&mut ctx, a),
        Command::Check(a) => check::run(&mut ctx, a),
        Command::Show(a) => show::run(&mut ctx, a),
        Command::Search(a) => search::run(&mut ctx, a),
        Command::Path(a) => path::run(&mut ctx, a),
        Command::Neighbors(a) => neighbors::run(&mut ctx, a),
        Command::Timeline(a) => timeline::run(&mut ctx, a),
        Command::Stats(a) => stats::run(&mut ctx, a),
        Command::Render(a) => render::run(&mut ctx, a),
        Command::Views(a) => views::run(&mut ctx, a),
        Command::Export(a) => export::run(&mut ctx, a),
        Command::Build(a) => build::run(&mut ctx, a),
        Command::Schema(a) => schema::run(&mut ctx, a),
    };
    ctx.flush_taken();
    let code = match result {
        Ok(()) => 0,
        Err(f) => {
            if let Some(text) = f.render() {
                let _ = writeln!(ctx.err, "error: {text}");
            }
            f.status()
        }
    };
    let _ = ctx.out.flush();
    std::process::ExitCode::from(code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// The long help of `casegraph SUBCOMMAND --ARG`.
    fn help_of(subcommand: &str, arg: &str) -> String {
        let cli = Cli::command();
        let sub = cli.find_subcommand(subcommand).expect("subcommand");
        let arg = sub
            .get_arguments()
            .find(|a| a.get_id() == arg)
            .expect("argument");
        arg.get_help().expect("help").to_string()
    }

    /// `path --help` states the credibility weights in words; they are the
    /// format's ([`Status::weight`](crate::format::Status::weight),
    /// [`DISPUTED_WEIGHT`](crate::format::DISPUTED_WEIGHT)), not a copy.
    #[test]
    fn the_credible_help_states_the_weights_the_search_uses() {
        use crate::format::{DISPUTED_WEIGHT, Status};
        let weights: Vec<String> = Status::ALL
            .iter()
            .map(|s| format!("{s} {}", s.weight()))
            .collect();
        let stated = format!("{}, +{DISPUTED_WEIGHT} if disputed", weights.join(", "));
        assert!(help_of("path", "credible").ends_with(&stated), "{stated}");
    }

    /// `render --force`'s help names the size limit the renderer enforces.
    #[test]
    fn the_force_help_states_the_size_limit() {
        let limit = format!("more than {} entities", crate::render::MAX_ENTITIES);
        assert!(help_of("render", "force").contains(&limit), "{limit}");
    }

    /// Every hint is written the way the diagnostics write theirs, in the
    /// order given, under the message.
    #[test]
    fn hints_are_written_one_way_under_the_message() {
        let f = Failure::usage("it failed")
            .with(Hint::Note("because".into()))
            .with(Hint::Help("do this".into()));
        assert_eq!(
            f.render().as_deref(),
            Some("it failed\n  = note: because\n  = help: do this")
        );
        assert_eq!(f.status(), 2);
    }

    /// A diagram that cannot be drawn is not "the question has no answer",
    /// and a failure reported already prints nothing more.
    #[test]
    fn an_output_that_cannot_be_made_is_its_own_kind() {
        let f = words::render_error(&crate::render::RenderError::Layout("x".into()));
        assert_eq!(f.kind, Kind::Output);
        assert_eq!(f.status(), 1);
        assert_eq!(Failure::data().render(), None);
    }
}
