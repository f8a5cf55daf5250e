//! Integration tests: every command run through the `casegraph` binary, the
//! way a user runs it. One test binary (see STYLE.md) with a module per area.

mod common;

mod browser;
mod check;
mod commands;
mod drawing;
mod every_scalar;
mod export;
#[cfg(target_os = "linux")]
mod faults;
mod init;
mod page;
mod parallel;
mod paths_prop;
mod queries;
mod readers;
mod readme;
mod refusals;
mod regression;
mod render;
mod roundtrip;
mod schema;
mod sheets;
mod synth;
mod views;
