//! The `casegraph` command: parses arguments and maps the result to an exit
//! status; the library does the work.

fn main() -> std::process::ExitCode {
    casegraph::cli::main()
}
