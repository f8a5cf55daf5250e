//! The command line: argument parsing (clap derive) and one module per
//! command, each a thin shell over the library.

mod args;
mod build;
mod check;
mod export;
pub mod fmt;
pub mod json;
mod neighbors;
mod pairs;
mod path;
pub mod progress;
mod render;
mod search;
mod show;
mod stats;
mod timeline;
mod words;

pub use args::{FilterArgs, GlobalArgs};

use crate::diag::{self, Palette, Severity};
use crate::load::{Loaded, Origin, load_with_progress};
use crate::model::Model;
use clap::{Parser, Subcommand};
use std::io::Write;

/// casegraph: check, question, draw and export sourced relationship graphs.
///
/// Data comes from `--data PATH` (a file or directory), else `./graph-data/`
/// if present, else the curated Netflix–Facebook dataset built into the binary.
#[derive(Parser, Debug)]
#[command(name = "casegraph", version, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    global: GlobalArgs,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    // In the order a user meets them: check, look up, ask, draw, hand on, build.
    Check(check::CheckArgs),
    Show(show::ShowArgs),
    Search(search::SearchArgs),
    Path(path::PathArgs),
    Neighbors(neighbors::NeighborsArgs),
    Timeline(timeline::TimelineArgs),
    Stats(stats::StatsArgs),
    Render(render::RenderArgs),
    Export(export::ExportArgs),
    Build(build::BuildArgs),
}

/// How a command failed; decides the exit status.
#[derive(Debug)]
pub enum Failure {
    /// The data, or another input file such as a `path --pairs` file, has
    /// errors (already reported): exit 1.
    Data,
    /// The question has no answer (unknown entity, no path): exit 1.
    Query(String),
    /// The arguments make no sense together: exit 2.
    Usage(String),
    /// Writing failed: exit 1.
    Io(String),
    /// The reader of our output went away (`casegraph show meta | head -1`):
    /// exit 0, as ripgrep does, unless the data itself failed first.
    BrokenPipe,
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            Failure::BrokenPipe
        } else {
            Failure::Io(e.to_string())
        }
    }
}

impl From<crate::query::ResolveError> for Failure {
    /// An entity argument that names no single entity: the question has
    /// no answer, and the message lists the closest or the matching ones.
    fn from(e: crate::query::ResolveError) -> Self {
        Failure::Query(e.to_string())
    }
}

/// How many diagnostics the human output shows; `--json` lists them all.
const MAX_SHOWN: usize = 200;

/// What every command gets: the global flags and the output streams.
pub struct Ctx {
    /// The global flags.
    pub global: GlobalArgs,
    /// Standard output, colour stripped when colour is off.
    pub out: anstream::AutoStream<std::io::Stdout>,
    /// Standard error, likewise.
    pub err: anstream::AutoStream<std::io::Stderr>,
    palette: Palette,
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
        }
    }

    /// Loads the dataset the flags point at, without reporting anything
    /// (but a progress bar on a terminal when the load takes a while).
    pub fn load(&self) -> Loaded {
        let quiet = self.global.quiet || self.global.json;
        let mut bar = progress::Progress::new("loading", !quiet);
        let loaded = load_with_progress(
            Origin::choose(self.global.data.as_deref()),
            &mut |done, total| bar.update(done, total),
        );
        bar.finish();
        loaded
    }

    /// Loads the dataset; on errors, reports them and fails.
    pub fn model(&mut self) -> Result<Model, Failure> {
        let loaded = self.load();
        match loaded.model {
            Some(model) => Ok(model),
            None => {
                self.report_errors(&loaded);
                Err(Failure::Data)
            }
        }
    }

    /// Prints the errors of a failed load: human text to stderr, or
    /// `{"diagnostics": [...]}` on stdout with `--json`. Output problems
    /// (a closed pipe) are ignored: the data failure decides the exit status.
    pub fn report_errors(&mut self, loaded: &Loaded) {
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
    pub fn print_diagnostics(&mut self, loaded: &Loaded, worst: Severity) {
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
    pub fn palette(&self) -> Palette {
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
        Command::Check(a) => check::run(&mut ctx, a),
        Command::Show(a) => show::run(&mut ctx, a),
        Command::Search(a) => search::run(&mut ctx, a),
        Command::Path(a) => path::run(&mut ctx, a),
        Command::Neighbors(a) => neighbors::run(&mut ctx, a),
        Command::Timeline(a) => timeline::run(&mut ctx, a),
        Command::Stats(a) => stats::run(&mut ctx, a),
        Command::Render(a) => render::run(&mut ctx, a),
        Command::Export(a) => export::run(&mut ctx, a),
        Command::Build(a) => build::run(&mut ctx, a),
    };
    let code = match result {
        Ok(()) => 0,
        Err(Failure::Data) => 1,
        Err(Failure::BrokenPipe) => 0,
        Err(Failure::Query(m)) | Err(Failure::Io(m)) => {
            let _ = writeln!(ctx.err, "error: {m}");
            1
        }
        Err(Failure::Usage(m)) => {
            let _ = writeln!(ctx.err, "error: {m}");
            2
        }
    };
    let _ = ctx.out.flush();
    std::process::ExitCode::from(code)
}
