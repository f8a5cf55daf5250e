//! Progress bars for long runs: loads (bytes parsed of the total) and exports
//! (bytes written so far: how large an export will be is not known ahead).
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
pub(super) struct Progress {
    enabled: bool,
    start: Instant,
    message: &'static str,
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar for `message` ("loading"), shown only when `enabled` and stderr
    /// is a terminal.
    pub(super) fn new(message: &'static str, enabled: bool) -> Progress {
        Progress {
            enabled: enabled && std::io::stderr().is_terminal(),
            start: Instant::now(),
            message,
            bar: None,
        }
    }

    /// `done` of `total` bytes are processed.
    pub(super) fn update(&mut self, done: u64, total: u64) {
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

    /// `done` bytes are written, of a total not known ahead: a counter
    /// with the time spent instead of a bar.
    pub(super) fn update_open(&mut self, done: u64) {
        if !self.enabled {
            return;
        }
        if self.bar.is_none() {
            if self.start.elapsed() < DELAY {
                return;
            }
            let style = ProgressStyle::with_template("{msg} {spinner} {binary_bytes} ({elapsed})")
                .unwrap_or_else(|_| ProgressStyle::default_spinner());
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr())
                .with_style(style)
                .with_message(self.message)
                .with_elapsed(self.start.elapsed());
            self.bar = Some(bar);
        }
        if let Some(bar) = &self.bar {
            bar.set_position(done);
        }
    }

    /// Clears the bar, if one was shown.
    pub(super) fn finish(&mut self) {
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

/// A writer that tells a [`Progress`] how many bytes went through it, about
/// every mebibyte (often enough for the eye, rarely enough to cost nothing).
pub(super) struct CountingWriter<'p, W> {
    inner: W,
    written: u64,
    reported: u64,
    progress: &'p mut Progress,
}

impl<'p, W: std::io::Write> CountingWriter<'p, W> {
    /// Counts what is written to `inner` into `progress`.
    pub(super) fn new(inner: W, progress: &'p mut Progress) -> Self {
        CountingWriter {
            inner,
            written: 0,
            reported: 0,
            progress,
        }
    }
}

impl<W: std::io::Write> std::io::Write for CountingWriter<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.written += n as u64;
        if self.written - self.reported >= 1 << 20 {
            self.reported = self.written;
            self.progress.update_open(self.written);
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// The bytes go through unchanged, and no bar is made off a terminal
    /// (tests run with stderr captured), so nothing lands in the output.
    #[test]
    fn counting_writer_passes_bytes_through() {
        let mut progress = Progress::new("exporting", true);
        let mut out = Vec::new();
        let data: Vec<u8> = (0..3u32 << 20).map(|i| (i % 251) as u8).collect();
        {
            let mut w = CountingWriter::new(&mut out, &mut progress);
            for chunk in data.chunks(8191) {
                w.write_all(chunk).unwrap();
            }
            w.flush().unwrap();
            assert_eq!(w.written, data.len() as u64);
            assert!(w.reported >= 2 << 20);
        }
        assert_eq!(out, data);
        assert!(progress.bar.is_none());
    }
}
