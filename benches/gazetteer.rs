//! Gazetteer build time, memory and search throughput at 10k, 100k and 1M entities, on real Arabic news
//! (SaudiNewsNet, 10 MB), beside raw aho-corasick and daachorse over the same normalised names and text.
//!
//! Entities: the embedded default gazetteer, then single person-name tokens and two-word names made of
//! them (`../shared/data/wikidata-person-tokens-ar/person_name_tokens_en_ar.tsv`, MIT, names from
//! Wikidata), paired deterministically. The corpus and the tokens are read in place from `../shared/data`
//! (relative to the workspace root); they are not part of the repository. When either is absent the bench
//! says where it looked and measures nothing.
//!
//! - `search_<n>/khabar_find`: `Gazetteer::find` on the raw text, normalisation included (khabar
//!   normalises as it scans, and never builds the normalised text);
//! - `search_<n>/aho_corasick`, `search_<n>/daachorse`: leftmost-longest search of the normalised names
//!   over text normalised beforehand, without any Arabic semantics (no boundaries, no proclitics): the
//!   floor. `search_<n>/normalize` is what normalising the text first costs them.
//! - `load_<n>/khabar_from_bytes`: loading a gazetteer saved with `to_bytes`, beside `build_<n>`.
//!
//! Run with `cargo bench --bench gazetteer`; `KHABAR_BENCH_SIZES=1000,10000,100000` measures those sizes
//! instead (below the default gazetteer's 2,101 entities, its first `n`).

#![allow(missing_docs)] // criterion_group! generates an undocumented public function

use std::collections::HashSet;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use aho_corasick::{AhoCorasick, MatchKind};
use criterion::measurement::WallTime;
use criterion::{
    BenchmarkGroup, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use daachorse::{CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder};
use khabar_gazetteer::{Entity, EntityKind, Gazetteer};

const SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];

fn shared(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data")
        .join(path)
}

fn group<'c>(c: &'c mut Criterion, name: &str) -> BenchmarkGroup<'c, WallTime> {
    let mut group = c.benchmark_group(name);
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    group
}

/// The Arabic person-name tokens, most frequent first, without duplicates.
fn person_tokens(tsv: &str) -> Vec<&str> {
    let mut seen = HashSet::new();
    tsv.lines()
        .skip(1)
        .filter_map(|line| line.split('\t').nth(1))
        .map(str::trim)
        .filter(|t| t.chars().count() >= 2 && seen.insert(*t))
        .collect()
}

/// `n` entities: the embedded default (its first `n` when it has more), then single tokens (a quarter
/// of `n`, at most all of them), then two-word names of pseudo-randomly paired tokens.
fn entities(n: usize, tokens: &[&str]) -> Vec<Entity> {
    let mut out: Vec<Entity> = Gazetteer::default().entities().to_vec();
    out.truncate(n);
    let mut names: HashSet<String> = out.iter().map(|e| e.name.clone()).collect();
    for token in tokens.iter().take(n / 4) {
        if out.len() >= n {
            break;
        }
        if names.insert(token.to_string()) {
            out.push(Entity::new(
                format!("tok:{}", out.len()),
                EntityKind::Person,
                *token,
            ));
        }
    }
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |bound: usize| {
        // xorshift64*: deterministic, so every run measures the same gazetteer.
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % bound
    };
    while out.len() < n {
        // Frequent first names with any family name: skew the first token towards the top of the list.
        let first = tokens[next(tokens.len()).min(next(tokens.len()))];
        let last = tokens[next(tokens.len())];
        let name = format!("{first} {last}");
        if names.insert(name.clone()) {
            out.push(Entity::new(
                format!("per:{}", out.len()),
                EntityKind::Person,
                name,
            ));
        }
    }
    out
}

/// What one size measures: the gazetteer and its two peers, built on the same normalised names.
struct Engines {
    gazetteer: Gazetteer,
    aho_corasick: AhoCorasick,
    daachorse: CharwiseDoubleArrayAhoCorasick<u32>,
    /// The gazetteer saved with `to_bytes`.
    bytes: Vec<u8>,
}

fn build_engines(n: usize, entities: &[Entity]) -> Engines {
    let started = Instant::now();
    let mut builder = Gazetteer::builder();
    for entity in entities {
        builder
            .add(entity.clone())
            .expect("bench entities are valid");
    }
    let added = started.elapsed();
    let started = Instant::now();
    let gazetteer = builder.build().expect("bench gazetteer builds");
    let built = started.elapsed();

    let alias_bytes: usize = entities.iter().flat_map(|e| e.names()).map(str::len).sum();
    let normalizer = gazetteer.normalizer();
    let mut seen = HashSet::new();
    let patterns: Vec<String> = entities
        .iter()
        .flat_map(|e| e.names())
        .map(|name| normalizer.normalize_str(name.trim()).trim().to_string())
        .filter(|p| seen.insert(p.clone()))
        .collect();
    let pattern_bytes: usize = patterns.iter().map(String::len).sum();

    let started = Instant::now();
    let aho_corasick = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
        .expect("aho-corasick builds");
    let aho_built = started.elapsed();
    let started = Instant::now();
    let daachorse = CharwiseDoubleArrayAhoCorasickBuilder::new()
        .match_kind(daachorse::MatchKind::LeftmostLongest)
        .build(&patterns)
        .expect("daachorse builds");
    let daachorse_built = started.elapsed();

    let started = Instant::now();
    let bytes = gazetteer.to_bytes();
    let saved = started.elapsed();
    let started = Instant::now();
    let loaded = Gazetteer::from_bytes(&bytes).expect("saved gazetteer loads");
    let load = started.elapsed();
    assert_eq!(loaded.pattern_count(), gazetteer.pattern_count());
    drop(loaded);
    eprintln!(
        "    compiled: {:.1} MB; to_bytes {:.3} s, from_bytes {:.3} s ({:.1}x faster than build)",
        bytes.len() as f64 / 1e6,
        saved.as_secs_f64(),
        load.as_secs_f64(),
        built.as_secs_f64() / load.as_secs_f64(),
    );

    let memory = gazetteer.automaton_memory();
    eprintln!(
        "gazetteer {n:>9} entities: {} patterns; alias text {:.1} MB ({:.1} MB normalised, distinct); \
         build {:.3} s (+ {:.3} s adding); automaton {:.1} MB = {:.2} bytes per byte of alias text",
        gazetteer.pattern_count(),
        alias_bytes as f64 / 1e6,
        pattern_bytes as f64 / 1e6,
        built.as_secs_f64(),
        added.as_secs_f64(),
        memory as f64 / 1e6,
        memory as f64 / alias_bytes as f64,
    );
    eprintln!(
        "    peers: aho-corasick (leftmost-longest, {:?}) build {:.3} s, {:.1} MB; \
         daachorse (charwise, leftmost-longest) build {:.3} s, {:.1} MB",
        aho_corasick.kind(),
        aho_built.as_secs_f64(),
        aho_corasick.memory_usage() as f64 / 1e6,
        daachorse_built.as_secs_f64(),
        daachorse.heap_bytes() as f64 / 1e6,
    );
    Engines {
        gazetteer,
        aho_corasick,
        daachorse,
        bytes,
    }
}

fn gazetteer_benches(c: &mut Criterion) {
    let corpus_path = shared("corpus/saudinewsnet-10mb.txt");
    let tokens_path = shared("wikidata-person-tokens-ar/person_name_tokens_en_ar.tsv");
    let (text, tokens_tsv) = match (
        std::fs::read_to_string(&corpus_path),
        std::fs::read_to_string(&tokens_path),
    ) {
        (Ok(text), Ok(tokens)) => (text, tokens),
        (corpus, tokens) => {
            for (path, result) in [(&corpus_path, corpus.err()), (&tokens_path, tokens.err())] {
                if let Some(err) = result {
                    eprintln!("benches/gazetteer: {} not found ({err})", path.display());
                }
            }
            eprintln!("benches/gazetteer: skipping the gazetteer benches");
            return;
        }
    };
    let text = text.as_str();
    let tokens = person_tokens(&tokens_tsv);
    eprintln!(
        "benches/gazetteer: {} person-name tokens, corpus {:.1} MB",
        tokens.len(),
        text.len() as f64 / 1e6
    );

    let sizes: Vec<usize> = std::env::var("KHABAR_BENCH_SIZES").map_or(SIZES.to_vec(), |sizes| {
        sizes
            .split(',')
            .filter_map(|n| n.trim().parse().ok())
            .collect()
    });
    for n in sizes {
        let entities = entities(n, &tokens);

        // Build: measured by criterion when it is quick, timed once (above) otherwise.
        let started = Instant::now();
        let engines = build_engines(n, &entities);
        if started.elapsed() < Duration::from_secs(10) {
            let mut g = group(c, "build");
            g.throughput(Throughput::Elements(n as u64));
            g.bench_function(format!("khabar_{n}"), |b| {
                b.iter(|| {
                    let mut builder = Gazetteer::builder();
                    for entity in &entities {
                        builder.add(entity.clone()).expect("valid");
                    }
                    builder.build().expect("builds").pattern_count()
                })
            });
            g.finish();
            let mut g = group(c, "load");
            g.throughput(Throughput::Elements(n as u64));
            g.bench_function(format!("khabar_from_bytes_{n}"), |b| {
                b.iter(|| {
                    Gazetteer::from_bytes(black_box(&engines.bytes))
                        .expect("loads")
                        .pattern_count()
                })
            });
            g.finish();
        }

        let normalizer = engines.gazetteer.normalizer();
        let norm = &*normalizer.normalize_str(text);
        let mentions = engines.gazetteer.find(text).len();
        let raw_hits = engines.aho_corasick.find_iter(norm).count();
        eprintln!(
            "    on the corpus: {mentions} khabar mentions, {raw_hits} raw leftmost-longest hits"
        );

        let mut g = group(c, &format!("search_{n}"));
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function("khabar_find", |b| {
            b.iter(|| engines.gazetteer.find(black_box(text)).len())
        });
        g.bench_function("normalize", |b| {
            b.iter(|| normalizer.normalize_str(black_box(text)).len())
        });
        g.bench_function("aho_corasick", |b| {
            b.iter(|| engines.aho_corasick.find_iter(black_box(norm)).count())
        });
        g.bench_function("daachorse", |b| {
            b.iter(|| {
                engines
                    .daachorse
                    .leftmost_find_iter(black_box(norm))
                    .count()
            })
        });
        g.finish();
    }
}

criterion_group!(benches, gazetteer_benches);
criterion_main!(benches);
