//! End-to-end throughput of `Analyzer::analyze` (normalise, tokenise, sentences, gazetteer, context rules,
//! attributions) on real Arabic news: the 10 MB SaudiNewsNet corpus, one article at a time, one core.
//!
//! The corpus is read in place from `../shared/data/corpus/saudinewsnet-10mb.txt` (relative to the
//! workspace root; articles are separated by blank lines); it is not part of the repository. When it is
//! absent the bench says where it looked and measures nothing.
//!
//! - `analyze/full`: `Analyzer::new()`, everything on;
//! - `analyze/no_rules`: without the context rules;
//! - `analyze/mentions_only`: gazetteer mentions only (no rules, no attributions).
//!
//! Run with `cargo bench --bench analyze`.

#![allow(missing_docs)] // criterion_group! generates an undocumented public function

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use khabar::Analyzer;

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/data/corpus/saudinewsnet-10mb.txt"
);

/// The corpus split into articles at blank lines.
fn articles(text: &str) -> Vec<&str> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .collect()
}

fn analyze_benches(c: &mut Criterion) {
    let text = match std::fs::read_to_string(CORPUS) {
        Ok(text) => text,
        Err(err) => {
            eprintln!(
                "benches/analyze: corpus not found at {CORPUS} ({err}); skipping the analyze benches"
            );
            return;
        }
    };
    let articles = articles(&text);
    let bytes: usize = articles.iter().map(|a| a.len()).sum();
    eprintln!(
        "benches/analyze: {} articles, {:.1} MB",
        articles.len(),
        bytes as f64 / 1e6
    );

    let analyzers = [
        ("full", Analyzer::new()),
        ("no_rules", Analyzer::builder().rules(false).build()),
        (
            "mentions_only",
            Analyzer::builder().rules(false).attributions(false).build(),
        ),
    ];

    let mut group = c.benchmark_group("analyze");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10))
        .throughput(Throughput::Bytes(bytes as u64));
    for (name, analyzer) in &analyzers {
        group.bench_function(*name, |b| {
            b.iter(|| {
                let mut found = 0;
                for article in &articles {
                    let analysis = analyzer.analyze(black_box(article));
                    found += analysis.mentions.len() + analysis.attributions.len();
                }
                found
            })
        });
    }
    group.finish();
}

criterion_group!(benches, analyze_benches);
criterion_main!(benches);
