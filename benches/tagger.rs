//! Throughput of the statistical tagger (`khabar::gazetteer::tagger`) on real Arabic news, one core.
//!
//! A small model is trained in place, before measuring, on the first 1500 sentences of ANERcorp's
//! training split (`../shared/data/anercorp-camel/ANERCorp_CamelLab_train.reconstructed.txt`, CC BY-SA,
//! not part of the repository), with the embedded gazetteer and the context rules as evidence and the
//! document-memory stage on, as `khabar eval train-tagger` trains. It then tags the first 2 MB of the
//! SaudiNewsNet corpus (`../shared/data/corpus/saudinewsnet-10mb.txt`), one article at a time. When
//! either file is absent the bench says where it looked and measures nothing.
//!
//! - `tagger/find`: `Tagger::find` alone; tokens, gazetteer mentions and rule guesses are computed
//!   outside the measurement;
//! - `tagger/analyze_with_tagger` and its peer `tagger/analyze_without_tagger`: the whole
//!   `Analyzer::analyze` with and without the tagger, so the difference is what the tagger costs a user.
//!
//! Run with `cargo bench --bench tagger`.

#![allow(missing_docs)] // criterion_group! generates an undocumented public function

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use khabar::gazetteer::tagger::{Evidence, Tagger};
use khabar::{Analyzer, EntityKind, Gazetteer, Guess, Mention, Recognizer, Span, Token, Tokenizer};

mod common;

/// ANERcorp's training split beside the repository.
const TRAIN: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/data/anercorp-camel/ANERCorp_CamelLab_train.reconstructed.txt"
);
/// Sentences of the training split the bench model learns from.
const TRAIN_SENTENCES: usize = 1500;
/// Bytes of the corpus tagged per iteration.
const CORPUS_BYTES: usize = 2_000_000;

/// One CoNLL sentence as text (tokens joined by spaces) with its PER/ORG/LOC spans.
fn sentences(conll: &str, limit: usize) -> Vec<(String, Vec<(Span, EntityKind)>)> {
    let mut out = Vec::new();
    for block in conll.split("\n\n").take(limit) {
        let mut text = String::new();
        let mut gold: Vec<(Span, EntityKind)> = Vec::new();
        for line in block.lines() {
            let Some((word, tag)) = line.trim().rsplit_once(' ') else {
                continue;
            };
            if !text.is_empty() {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(word);
            let kind = match tag.get(2..) {
                Some("PER") => EntityKind::Person,
                Some("ORG") => EntityKind::Organization,
                Some("LOC") => EntityKind::Location,
                _ => continue,
            };
            if tag.starts_with("B-") {
                gold.push((Span::new(start, text.len()), kind));
            } else if let Some(last) = gold.last_mut().filter(|_| tag.starts_with("I-")) {
                last.0.end = text.len();
            }
        }
        if !text.is_empty() {
            out.push((text, gold));
        }
    }
    out
}

/// The evidence of one text, owned.
struct Prepared<'t> {
    text: &'t str,
    tokens: Vec<Token<'t>>,
    mentions: Vec<Mention>,
    guesses: Vec<Guess>,
}

fn prepare<'t>(
    text: &'t str,
    tokenizer: &Tokenizer,
    gazetteer: &Gazetteer,
    recognizer: &Recognizer,
) -> Prepared<'t> {
    let tokens = tokenizer.tokens(text);
    let mentions = gazetteer.find(text);
    let guesses = recognizer.find(text, &tokens, &mentions);
    Prepared {
        text,
        tokens,
        mentions,
        guesses,
    }
}

fn tagger_benches(c: &mut Criterion) {
    let conll = match std::fs::read_to_string(TRAIN) {
        Ok(conll) => conll,
        Err(err) => {
            eprintln!(
                "benches/tagger: ANERcorp not found at {TRAIN} ({err}); skipping the tagger benches"
            );
            return;
        }
    };
    let Some(text) = common::read_corpus("tagger") else {
        return;
    };
    let mut articles = common::articles(&text);
    let mut bytes = 0;
    articles.retain(|a| {
        bytes += a.len();
        bytes - a.len() < CORPUS_BYTES
    });
    let bytes: usize = articles.iter().map(|a| a.len()).sum();

    let tokenizer = Tokenizer::new();
    let gazetteer = Gazetteer::default();
    let recognizer = Recognizer::new().with_gazetteer_names(&gazetteer);
    let mut trainer = Tagger::trainer();
    trainer.document_memory(5);
    for (i, (sentence, gold)) in sentences(&conll, TRAIN_SENTENCES).iter().enumerate() {
        if i % 20 == 0 {
            trainer.new_document();
        }
        let p = prepare(sentence, &tokenizer, &gazetteer, &recognizer);
        let evidence = Evidence {
            mentions: &p.mentions,
            guesses: &p.guesses,
            recognizer: Some(&recognizer),
        };
        trainer.add(sentence, &p.tokens, gold, &evidence);
    }
    let tagger = trainer.train();
    eprintln!(
        "benches/tagger: model trained on {} sentences; tagging {} articles, {:.1} MB",
        trainer.len(),
        articles.len(),
        bytes as f64 / 1e6
    );

    let prepared: Vec<Prepared<'_>> = articles
        .iter()
        .map(|a| prepare(a, &tokenizer, &gazetteer, &recognizer))
        .collect();
    let with_tagger = Analyzer::builder().tagger(tagger.clone()).build();
    let without_tagger = Analyzer::new();

    let mut group = common::group(c, "tagger", bytes, Duration::from_secs(10));
    group.bench_function("find", |b| {
        b.iter(|| {
            let mut found = 0;
            for p in &prepared {
                let evidence = Evidence {
                    mentions: &p.mentions,
                    guesses: &p.guesses,
                    recognizer: Some(&recognizer),
                };
                found += tagger.find(black_box(p.text), &p.tokens, &evidence).len();
            }
            found
        })
    });
    for (name, analyzer) in [
        ("analyze_with_tagger", &with_tagger),
        ("analyze_without_tagger", &without_tagger),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut found = 0;
                for article in &articles {
                    let analysis = analyzer.analyze(black_box(article));
                    found += analysis.mentions.len() + analysis.guesses.len();
                }
                found
            })
        });
    }
    group.finish();
}

criterion_group!(benches, tagger_benches);
criterion_main!(benches);
