//! Progress bars for long runs (large loads now; exports can use the same).
//!
//! A bar appears only when it helps: on a terminal, not with `--quiet` or
//! `--json`, and only once the work has taken more than a second, so small
//! datasets (the usual case) never flash one. It draws on stderr and is
//! cleared when the work is done, so nothing of it stays in the output.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::{Duration, Instant};

/// How long work runs before a bar appears.
const DELAY: Duration = Duration::from_secs(1);

/// A bar counting bytes (or any unit) of a known total, shown after [`DELAY`].
pub struct Progress {
    enabled: bool,
    start: Instant,
    message: &'static str,
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar for `message` ("loading"), shown only when `enabled` and stderr
    /// is a terminal.
    pub fn new(message: &'static str, enabled: bool) -> Progress {
        Progress {
            enabled: enabled && std::io::stderr().is_terminal(),
            start: Instant::now(),
            message,
            bar: None,
        }
    }

    /// `done` of `total` bytes are processed.
    pub fn update(&mut self, done: u64, total: u64) {
        if !self.enabled {
            return;
        }
        if self.bar.is_none() {
            if self.start.elapsed() < DELAY || done >= total {
                return;
            }
            let style = ProgressStyle::with_template(
                "{msg} {wide_bar} {binary_bytes}/{binary_total_bytes} ({eta} left)",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar());
            let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr())
                .with_style(style)
                .with_message(self.message);
            self.bar = Some(bar);
        }
        if let Some(bar) = &self.bar {
            bar.set_length(total);
            bar.set_position(done);
        }
    }

    /// Clears the bar, if one was shown.
    pub fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}
