//! What the corpus benches share: the real news text, read in place, and criterion settings for it.

use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, SamplingMode, Throughput};

/// 10 MB of SaudiNewsNet articles beside the repository; not part of it (CC BY-NC-SA).
pub const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/data/corpus/saudinewsnet-10mb.txt"
);

/// Reads the corpus, or says where `bench` looked for it and returns `None` so it measures nothing.
pub fn read_corpus(bench: &str) -> Option<String> {
    match std::fs::read_to_string(CORPUS) {
        Ok(text) => Some(text),
        Err(err) => {
            eprintln!(
                "benches/{bench}: corpus not found at {CORPUS} ({err}); skipping the {bench} benches"
            );
            None
        }
    }
}

/// The corpus split into articles at blank lines.
#[allow(dead_code)] // the tokenizer bench reads the text whole
pub fn articles(text: &str) -> Vec<&str> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .collect()
}

/// A group for a pass over `bytes` of corpus: few, flat samples (each is many milliseconds), throughput
/// in bytes.
pub fn group<'c>(
    c: &'c mut Criterion,
    name: &str,
    bytes: usize,
    measurement: Duration,
) -> BenchmarkGroup<'c, WallTime> {
    let mut group = c.benchmark_group(name);
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(measurement)
        .throughput(Throughput::Bytes(bytes as u64));
    group
}
