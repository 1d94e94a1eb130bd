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

use criterion::{Criterion, criterion_group, criterion_main};
use khabar::Analyzer;

mod common;

fn analyze_benches(c: &mut Criterion) {
    let Some(text) = common::read_corpus("analyze") else {
        return;
    };
    let articles = common::articles(&text);
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

    let mut group = common::group(c, "analyze", bytes, Duration::from_secs(10));
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
