//! Throughput of khabar-tokenize on real Arabic news (SaudiNewsNet, 10 MB), beside a whitespace split
//! (the floor) and charabia (a peer tokenizer), all in the same run.
//!
//! The corpus is read in place from `../shared/data/corpus/saudinewsnet-10mb.txt` (relative to the
//! workspace root); it is not part of the repository. When it is absent the bench says where it looked
//! and measures nothing.
//!
//! Run with `cargo bench --bench tokenize`.

#![allow(missing_docs)] // criterion_group! generates an undocumented public function

use std::hint::black_box;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, criterion_group, criterion_main};
use khabar_tokenize::clitics::{self, CliticAnalysis};
use khabar_tokenize::{Normalizer, TokenKind, Tokenizer};

mod common;

/// One group per stage over the whole corpus.
fn group<'c>(c: &'c mut Criterion, name: &str, bytes: usize) -> BenchmarkGroup<'c, WallTime> {
    common::group(c, name, bytes, Duration::from_secs(5))
}

/// Every token of `text` with its normalised form, and the clitic analyses of every Arabic word into
/// one reused buffer: how many analyses there were.
fn tokens_and_clitics(
    tokenizer: &Tokenizer,
    text: &str,
    buffer: &mut Vec<CliticAnalysis>,
) -> usize {
    let mut analyses = 0;
    for token in tokenizer.tokenize(text) {
        token.clitics_into(buffer);
        analyses += buffer.len();
    }
    analyses
}

fn tokenize_benches(c: &mut Criterion) {
    let Some(text) = common::read_corpus("tokenize") else {
        return;
    };
    let text = text.as_str();
    let normalizer = Normalizer::new();
    let tokenizer = Tokenizer::new();

    let mut g = group(c, "baseline", text.len());
    g.bench_function("whitespace_split", |b| {
        b.iter(|| black_box(text).split_whitespace().count())
    });
    g.finish();

    let mut g = group(c, "normalise", text.len());
    g.bench_function("normalize_str", |b| {
        b.iter(|| normalizer.normalize_str(black_box(text)).len())
    });
    g.bench_function("normalize_with_alignment", |b| {
        b.iter(|| normalizer.normalize(black_box(text)).edit_count())
    });
    g.finish();

    let mut g = group(c, "tokenise", text.len());
    g.bench_function("khabar", |b| {
        b.iter(|| tokenizer.tokenize(black_box(text)).count())
    });
    g.finish();

    // The pipeline the issue budgets: every token with its normalised form, plus the clitic analysis of
    // every Arabic word; then the same with the whole text's alignment map built as well.
    let mut g = group(c, "normalise_tokenise_clitics", text.len());
    g.bench_function("token_norms_and_clitics", |b| {
        let mut buffer = Vec::new();
        b.iter(|| tokens_and_clitics(&tokenizer, black_box(text), &mut buffer))
    });
    let arabic: Vec<(&str, usize)> = tokenizer
        .tokenize(text)
        .filter(|t| t.kind == TokenKind::Arabic)
        .map(|t| (t.text, t.span.start))
        .collect();
    g.bench_function("clitics_only", |b| {
        let mut buffer = Vec::new();
        b.iter(|| {
            let mut analyses = 0;
            for &(word, at) in &arabic {
                clitics::analyze_into(black_box(word), at, &mut buffer);
                analyses += buffer.len();
            }
            analyses
        })
    });
    g.bench_function("plus_text_alignment", |b| {
        let mut buffer = Vec::new();
        b.iter(|| {
            let normalized = normalizer.normalize(black_box(text));
            normalized.edit_count() + tokens_and_clitics(&tokenizer, text, &mut buffer)
        })
    });
    g.finish();

    let mut g = group(c, "peer", text.len());
    // charabia needs close to a second per pass: give its ten samples the time they need.
    g.measurement_time(Duration::from_secs(10));
    g.bench_function("charabia_tokenize", |b| {
        use charabia::Tokenize;
        b.iter(|| black_box(text).tokenize().count())
    });
    g.finish();
}

criterion_group!(benches, tokenize_benches);
criterion_main!(benches);
