//! The attribution stage alone, beside the stages it depends on, on real Arabic news (the 10 MB
//! SaudiNewsNet corpus, one article at a time, one core), so that the goal "attribution costs less than
//! tokenizer + gazetteer together" can be read off one group:
//!
//! - `stages/tokenizer`: `Tokenizer::tokens` (normalise, tokenise, clitic analysis);
//! - `stages/gazetteer`: `Gazetteer::find` with the embedded default gazetteer (normalisation included);
//! - `stages/rules`: `Recognizer::find`, the context rules, on precomputed tokens and mentions;
//! - `stages/attribution`: `Attributor::extract` on precomputed tokens and mentions.
//!
//! All four report bytes of input text per second, so the times add up like the pipeline does.
//! The corpus is read in place from `../shared/data/corpus/saudinewsnet-10mb.txt` (relative to the
//! workspace root; articles are separated by blank lines); when it is absent the bench says so and
//! measures nothing.
//!
//! Run with `cargo bench --bench attribution`.

#![allow(missing_docs)] // criterion_group! generates an undocumented public function

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use khabar::{Attributor, Gazetteer, Mention, Recognizer, Token, Tokenizer};

mod common;

fn attribution_benches(c: &mut Criterion) {
    let Some(text) = common::read_corpus("attribution") else {
        return;
    };
    let articles = common::articles(&text);
    let bytes: usize = articles.iter().map(|a| a.len()).sum();

    let tokenizer = Tokenizer::new();
    let gazetteer = Gazetteer::default();
    let recognizer = Recognizer::new().with_gazetteer_names(&gazetteer);
    let attributor = Attributor::new();

    // The inputs of the later stages, computed once, outside the measured loops.
    let prepared: Vec<(&str, Vec<Token<'_>>, Vec<Mention>)> = articles
        .iter()
        .map(|&a| (a, tokenizer.tokens(a), gazetteer.find(a)))
        .collect();
    let attributions: usize = prepared
        .iter()
        .map(|(a, tokens, mentions)| attributor.extract(a, tokens, mentions).len())
        .sum();
    eprintln!(
        "benches/attribution: {} articles, {:.1} MB, {} tokens, {} mentions, {} attributions",
        articles.len(),
        bytes as f64 / 1e6,
        prepared.iter().map(|p| p.1.len()).sum::<usize>(),
        prepared.iter().map(|p| p.2.len()).sum::<usize>(),
        attributions
    );

    let mut group = common::group(c, "stages", bytes, Duration::from_secs(5));
    group.bench_function("tokenizer", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| tokenizer.tokens(black_box(a)).len())
                .sum::<usize>()
        })
    });
    group.bench_function("gazetteer", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| gazetteer.find(black_box(a)).len())
                .sum::<usize>()
        })
    });
    group.bench_function("rules", |b| {
        b.iter(|| {
            prepared
                .iter()
                .map(|(a, tokens, mentions)| recognizer.find(black_box(a), tokens, mentions).len())
                .sum::<usize>()
        })
    });
    group.bench_function("attribution", |b| {
        b.iter(|| {
            prepared
                .iter()
                .map(|(a, tokens, mentions)| {
                    attributor.extract(black_box(a), tokens, mentions).len()
                })
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, attribution_benches);
criterion_main!(benches);
