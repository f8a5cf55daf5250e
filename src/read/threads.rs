//! Parsing and validating a large file on two threads (opt-in: see
//! [`super::read`]'s `threads`).
//!
//! The JSON reader and the validator each take about half of a load. On a
//! large file the reader runs on its own thread and hands events to the
//! sink through a small bounded channel, in batches, in file order: the
//! sink sees exactly the events it would see on one thread, so every
//! diagnostic and the model come out the same. The channel is bounded so
//! that only a few hundred parsed records are ever waiting (under a MB),
//! whatever the file size.

use super::{Event, Malformed, Sink, json};
use std::sync::mpsc;

/// Files smaller than this are read on one thread: a thread would not pay.
const PARALLEL_MIN: usize = 1 << 20;
/// Events per batch: enough to make the channel's cost vanish.
const BATCH: usize = 64;
/// Batches waiting at most; with the two being worked on, this bounds the
/// memory of parsed-but-not-validated records.
const QUEUE: usize = 2;

/// Reads `text` into `sink` on two threads when the file is large and
/// there is more than one core; on one otherwise. Same events in the same
/// order either way.
///
/// Off by default (the CLI turns it on with `CASEGRAPH_PARSE_THREADS=2`).
/// Each batch goes back to the reader's thread to be freed there (freeing
/// another thread's allocations is slow in glibc's allocator), and with
/// that, on this project's 2-vCPU benchmark machine, two threads take M
/// from 0.59–0.67 s to 0.52–0.55 s wall but L only from 8.1 s to 7.8 s, for
/// 40–60 % more CPU time: on L the validator waits on memory, not on the
/// parser, and the second vCPU shares the first one's core. Worth turning
/// on where there are real cores to spare; measure there first
/// (benches/BENCHMARKS.md).
pub(super) fn read<'a>(text: &'a str, sink: &mut dyn Sink<'a>) -> Result<(), Malformed> {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    if text.len() < PARALLEL_MIN || cores < 2 {
        return json::read(text, sink);
    }
    read_threaded(text, sink)
}

/// [`read`] on two threads.
fn read_threaded<'a>(text: &'a str, sink: &mut dyn Sink<'a>) -> Result<(), Malformed> {
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::sync_channel::<Vec<Event<'a>>>(QUEUE);
        // Handled batches go back to the reader to be freed there (see
        // [`Forward::send`]). Unbounded, but the reader empties it at each
        // send, so it holds a batch or two.
        let (back_tx, back_rx) = mpsc::channel::<Vec<Event<'a>>>();
        let reader = scope.spawn(move || {
            let mut forward = Forward {
                tx,
                back: back_rx,
                batch: Vec::with_capacity(BATCH),
            };
            let result = json::read_with(text, &json::Spare::default(), &mut |event| {
                forward.push(event);
            });
            forward.send();
            result
        });
        for batch in rx {
            for event in &batch {
                sink.event(event);
            }
            // Fails only once the reader is done: then this thread frees it.
            let _ = back_tx.send(batch);
        }
        reader
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })
}

/// The reader thread's end: batches the events and sends them on.
struct Forward<'a> {
    tx: mpsc::SyncSender<Vec<Event<'a>>>,
    /// Batches the sink is done with.
    back: mpsc::Receiver<Vec<Event<'a>>>,
    batch: Vec<Event<'a>>,
}

impl<'a> Forward<'a> {
    fn push(&mut self, event: Event<'a>) {
        self.batch.push(event);
        if self.batch.len() == BATCH {
            self.send();
        }
    }

    /// Sends the batch, and frees the batches the sink has finished with
    /// here, on the thread that allocated their records; the last one back
    /// becomes the next batch.
    fn send(&mut self) {
        if !self.batch.is_empty() {
            let mut next = None;
            while let Ok(mut done) = self.back.try_recv() {
                done.clear();
                next = Some(done);
            }
            let next = next.unwrap_or_else(|| Vec::with_capacity(BATCH));
            let batch = std::mem::replace(&mut self.batch, next);
            // The receiver only goes away once this thread is done.
            let _ = self.tx.send(batch);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every event, written out, in order.
    #[derive(Default)]
    struct Log(Vec<String>);

    impl<'a> Sink<'a> for Log {
        fn event(&mut self, event: &Event<'a>) {
            self.0.push(format!("{event:?}"));
        }
    }

    fn big_file(tail: &str) -> String {
        let mut text =
            String::from("{\"format\": \"casegraph/1\", \"extra\": 1, \"entities\": [\n");
        for i in 0..20_000 {
            text.push_str(&format!(
                "  {{\"id\": \"e{i}\", \"name\": \"N\\u00e9 {i}\", \"kind\": \"person\", \"aliases\": [\"x\", {i}]}},\n"
            ));
        }
        text.push_str("  {}\n]");
        text.push_str(tail);
        assert!(text.len() > PARALLEL_MIN);
        text
    }

    fn both(text: &str) -> (Vec<String>, Vec<String>, String, String) {
        let (mut one, mut two) = (Log::default(), Log::default());
        let r1 = json::read(text, &mut one).map_err(|m| format!("{} {}", m.offset, m.message));
        let r2 = read_threaded(text, &mut two).map_err(|m| format!("{} {}", m.offset, m.message));
        (one.0, two.0, format!("{r1:?}"), format!("{r2:?}"))
    }

    #[test]
    fn two_threads_make_the_same_events_as_one() {
        let (one, two, r1, r2) = both(&big_file(", \"sources\": 3}"));
        assert_eq!(one.len(), 20_004);
        assert_eq!(one, two);
        assert_eq!(r1, r2);
    }

    #[test]
    fn two_threads_stop_at_the_same_syntax_error() {
        let (one, two, r1, r2) = both(&big_file(", \"sources\": [{\"id\": }]}"));
        assert_eq!(one, two);
        assert!(r1.starts_with("Err"), "{r1}");
        assert_eq!(r1, r2);
    }
}
