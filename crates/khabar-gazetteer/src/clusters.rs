//! Word clusters learnt from unlabelled news: what the tagger knows about words its annotated corpus
//! never showed.
//!
//! The tagger learns from ANERcorp, 150,000 words; the names of next week's news are mostly not among
//! them. But an unseen name is usually a word that plain news puts where names it has seen go: after
//! قال الرئيس, before بن, after في مدينة. Grouping the words of a large unlabelled corpus by the words
//! around them gives such a word a class the tagger does have weights for, learnt from the names of that
//! class it saw in training (classic word-cluster features for NER: Miller et al. 2004, Ratinov & Roth
//! 2009, Turian et al. 2010).
//!
//! The clustering is exchange clustering with the predictive class-bigram objective of Uszkoreit & Brants
//! (2008), taken from both sides: each word of the vocabulary gets one of `K` classes so as to maximise
//! the likelihood of `P(class(w) | previous word) · P(w | class(w))` plus that of
//! `P(class(w) | next word) · P(w | class(w))`. Up to constants that is
//! `Σ_v Σ_c f(N(v, c)) + Σ_v Σ_c f(N'(v, c)) − 2 Σ_c f(N(c))` with `f(x) = x ln x`, where `N(v, c)` counts
//! the words of class `c` after the word `v`, `N'(v, c)` those before it, and `N(c)` the occurrences of the
//! class. Exchange visits the words from the most frequent down, moves each to the class that raises the
//! objective most, and repeats until few words move. Moving a word changes only the counts of its own
//! neighbours, so a move costs `K` per distinct neighbour, and an iteration over a ten-million-word corpus
//! takes seconds for a few hundred classes. Unlike Brown clustering it has no merge hierarchy; several
//! granularities (say 64, 256 and 1024 classes) are separate runs and separate features.
//!
//! Words are the tokens' normalised forms ([`khabar_tokenize::Token::norm`]), or, with
//! [`Clusterer::stems`], the same without proclitics (وبالعراق → العراق, as the tagger's stem features
//! read them), so that a word's glued and bare forms pool their contexts. Numbers are one context,
//! words under the count threshold another, and the start or end of a line a third; none of them gets a
//! class.
//!
//! # File format
//! [`Clusters::to_tsv`] writes, and [`Clusters::parse_tsv`] reads, tab-separated lines: comments start
//! with `#`; the first other line is `classes` followed by the number of classes of each granularity;
//! every following line is a word, its count in the corpus, and its class at each granularity (numbered
//! from 0, the class of the most frequent word first):
//!
//! ```text
//! # word clusters of corpus.jsonl
//! classes  64  256  1024
//! ،        413072  0   0    0
//! في       303429  1   1    1
//! الرياض   5513    51  102  137
//! ```
//!
//! (columns shown aligned here; in the file each is separated by one tab).
//!
//! # Example: words that share contexts share a class
//! ```
//! use khabar_gazetteer::clusters::Clusters;
//!
//! let mut clusterer = Clusters::clusterer();
//! clusterer.granularities(&[3]).min_count(1);
//! for city in ["القاهرة", "بغداد", "الرياض", "دمشق", "عمان", "بيروت"] {
//!     clusterer.add(&format!("سافر الوفد إلى {city} أمس"));
//!     clusterer.add(&format!("وصل الوزير إلى {city} صباح الأحد"));
//! }
//! for name in ["محمد", "أحمد", "خالد", "سعد", "نبيل", "فهد"] {
//!     clusterer.add(&format!("قال الوزير {name} إن الاتفاق مهم"));
//! }
//! let clusters = clusterer.build();
//! let class = |word: &str| clusters.classes(word).unwrap()[0];
//! assert_eq!(class("القاهرة"), class("دمشق"));
//! assert_eq!(class("محمد"), class("سعد"));
//! assert_ne!(class("القاهرة"), class("محمد"));
//! ```

use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::Path;

use khabar_tokenize::{Normalizer, TokenKind, Tokenizer};
use rustc_hash::FxHashMap;

use crate::Error;
use crate::tagger::{hash_str, split_proclitics};

/// Word classes at one or more granularities, learnt by a [`Clusterer`] or read from a file.
/// Immutable, `Send + Sync`.
#[derive(Clone, Debug, PartialEq)]
pub struct Clusters {
    table: ClassTable,
    /// The words, in table order.
    words: Vec<String>,
    /// Their counts in the corpus.
    counts: Vec<u64>,
}

/// The part of [`Clusters`] the tagger keeps in its model: the classes of each word, looked up by the
/// [`hash_str`] of its normalised form (which the tagger computes anyway).
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct ClassTable {
    /// The number of classes of each granularity; empty: no clusters.
    pub granularities: Vec<u32>,
    /// Word hash → row.
    rows: FxHashMap<u64, u32>,
    /// The word hash of each row.
    pub hashes: Vec<u64>,
    /// `classes[row * granularities.len() + g]`.
    pub classes: Vec<u32>,
}

impl ClassTable {
    /// The table of `hashes` (one a row) and their `classes`. Should two words share a hash, the first
    /// row answers for both (for 100,000 words the odds are about one in 10^9).
    pub fn new(granularities: Vec<u32>, hashes: Vec<u64>, classes: Vec<u32>) -> ClassTable {
        let mut rows = FxHashMap::default();
        rows.reserve(hashes.len());
        for (row, &hash) in hashes.iter().enumerate().rev() {
            rows.insert(hash, row as u32);
        }
        ClassTable {
            granularities,
            rows,
            hashes,
            classes,
        }
    }

    /// The row of the word whose normalised form hashes to `hash`.
    pub fn row(&self, hash: u64) -> Option<u32> {
        self.rows.get(&hash).copied()
    }

    /// The classes of a row, one per granularity.
    pub fn classes_of(&self, row: u32) -> &[u32] {
        let g = self.granularities.len();
        let start = row as usize * g;
        self.classes.get(start..start + g).unwrap_or(&[])
    }
}

impl Clusters {
    /// Starts learning clusters from text.
    pub fn clusterer() -> Clusterer {
        Clusterer::default()
    }

    /// The number of classes of each granularity.
    pub fn granularities(&self) -> &[u32] {
        &self.table.granularities
    }

    /// The number of words with a class.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether no word has a class.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The classes of a normalised word (with [`Clusterer::stems`]: of a word without proclitics), one
    /// per granularity; `None` for a word the corpus had too rarely.
    pub fn classes(&self, word: &str) -> Option<&[u32]> {
        let normalized = Normalizer::new().normalize_str(word);
        self.table
            .row(hash_str(&normalized))
            .map(|row| self.table.classes_of(row))
    }

    pub(crate) fn table(&self) -> &ClassTable {
        &self.table
    }

    /// The clusters as text (see the [module docs](self) for the format), after the comment lines of
    /// `header` (each prefixed with `# `).
    pub fn to_tsv(&self, header: &str) -> String {
        let mut out = String::new();
        for line in header.lines() {
            let _ = writeln!(out, "# {line}");
        }
        out.push_str("classes");
        for k in &self.table.granularities {
            let _ = write!(out, "\t{k}");
        }
        out.push('\n');
        for (row, (word, count)) in self.words.iter().zip(&self.counts).enumerate() {
            let _ = write!(out, "{word}\t{count}");
            for class in self.table.classes_of(row as u32) {
                let _ = write!(out, "\t{class}");
            }
            out.push('\n');
        }
        out
    }

    /// Reads clusters written by [`Clusters::to_tsv`]; `origin` names the input in errors, which give
    /// its line. Words are normalised again, so a hand-edited file still matches.
    pub fn parse_tsv(text: &str, origin: &str) -> Result<Clusters, Error> {
        let normalizer = Normalizer::new();
        let mut granularities: Option<Vec<u32>> = None;
        let (mut words, mut counts, mut hashes, mut classes) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let mut rows: FxHashMap<u64, usize> = FxHashMap::default();
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        for (index, raw) in text.lines().enumerate() {
            let line = index + 1;
            let row = raw.trim_end_matches('\r');
            if row.trim().is_empty() || row.starts_with('#') {
                continue;
            }
            let columns: Vec<&str> = row.split('\t').collect();
            let fail = |message: String| Error::parse(origin, line, message);
            let Some(granularities) = &granularities else {
                if columns[0] != "classes" || columns.len() < 2 {
                    return Err(fail(
                        "expected the header `classes<TAB>K…` (the number of classes of each \
                         granularity) before the words"
                            .to_string(),
                    ));
                }
                let ks = columns[1..]
                    .iter()
                    .map(|k| k.parse::<u32>().ok().filter(|&k| k >= 1))
                    .collect::<Option<Vec<u32>>>()
                    .ok_or_else(|| {
                        fail(format!(
                            "a number of classes is not a positive integer: {:?}",
                            &columns[1..]
                        ))
                    })?;
                granularities = Some(ks);
                continue;
            };
            if columns.len() != 2 + granularities.len() {
                return Err(fail(format!(
                    "expected {} tab-separated columns (word, count, {} classes), found {}",
                    2 + granularities.len(),
                    granularities.len(),
                    columns.len()
                )));
            }
            let word = normalizer.normalize_str(columns[0].trim());
            if word.is_empty() {
                return Err(fail("the word is empty".to_string()));
            }
            let count: u64 = columns[1]
                .parse()
                .map_err(|_| fail(format!("the count {:?} is not a number", columns[1])))?;
            for (&class, &k) in columns[2..].iter().zip(granularities) {
                match class.parse::<u32>() {
                    Ok(c) if c < k => classes.push(c),
                    _ => {
                        return Err(fail(format!(
                            "the class {class:?} is not a number below {k}"
                        )));
                    }
                }
            }
            let hash = hash_str(&word);
            if let Some(first) = rows.insert(hash, line) {
                return Err(fail(format!(
                    "the word {word:?} was already listed on line {first}"
                )));
            }
            hashes.push(hash);
            words.push(word.into_owned());
            counts.push(count);
        }
        let Some(granularities) = granularities else {
            return Err(Error::parse(
                origin,
                text.lines().count().max(1),
                "no `classes` header: not a word-cluster file",
            ));
        };
        Ok(Clusters {
            table: ClassTable::new(granularities, hashes, classes),
            words,
            counts,
        })
    }

    /// Reads a cluster file (see [`Clusters::parse_tsv`]).
    pub fn load(path: impl AsRef<Path>) -> Result<Clusters, Error> {
        let path = path.as_ref();
        let text = Error::read_file(path)?;
        Clusters::parse_tsv(&text, &path.display().to_string())
    }
}

/// The context id of the start or end of a line, in the token stream.
const LINE_BREAK: u32 = u32::MAX;
/// The context id of every number.
const NUMBER: u32 = u32::MAX - 1;

/// Collects unlabelled text and learns [`Clusters`] from it (see the [module docs](self)).
#[derive(Clone, Debug)]
pub struct Clusterer {
    tokenizer: Tokenizer,
    granularities: Vec<u32>,
    min_count: u64,
    iterations: usize,
    stems: bool,
    vocabulary: Vocabulary,
    /// Every token of the text as a word id, [`NUMBER`], or [`LINE_BREAK`] between lines.
    stream: Vec<u32>,
}

impl Default for Clusterer {
    fn default() -> Self {
        Clusterer {
            tokenizer: Tokenizer::new(),
            granularities: vec![64, 256, 1024],
            min_count: 5,
            iterations: 15,
            stems: false,
            vocabulary: Vocabulary::default(),
            stream: vec![LINE_BREAK],
        }
    }
}

impl Clusterer {
    /// The number of classes of each clustering (default 64, 256 and 1024). Each is a separate run.
    pub fn granularities(&mut self, granularities: &[u32]) -> &mut Self {
        self.granularities = granularities.iter().map(|&k| k.max(1)).collect();
        self
    }

    /// Only words seen at least this often get a class (default 5): fewer contexts say little about a
    /// word, and the cost grows with the vocabulary.
    pub fn min_count(&mut self, count: u64) -> &mut Self {
        self.min_count = count.max(1);
        self
    }

    /// The most passes over the vocabulary (default 15); clustering stops earlier when a pass moves
    /// fewer than one word in a thousand.
    pub fn iterations(&mut self, iterations: usize) -> &mut Self {
        self.iterations = iterations;
        self
    }

    /// Cluster words without their proclitics (default: whole words). Call before [`Clusterer::add`].
    pub fn stems(&mut self, yes: bool) -> &mut Self {
        self.stems = yes;
        self
    }

    /// Adds a text; each line is a sequence of its own.
    pub fn add(&mut self, text: &str) -> &mut Self {
        let normalizer = self.tokenizer.normalizer().clone();
        let mut analyses = Vec::new();
        for line in text.lines() {
            let before = self.stream.len();
            for token in self.tokenizer.tokenize(line) {
                let id = if token.kind == TokenKind::Number {
                    NUMBER
                } else {
                    let word = if self.stems {
                        split_proclitics(&normalizer, line, &token, &mut analyses).0
                    } else {
                        Cow::Borrowed(token.norm.as_str())
                    };
                    // A lone tatweel or diacritic normalises to nothing: no word to cluster.
                    if word.is_empty() {
                        continue;
                    }
                    self.vocabulary.intern(&word)
                };
                self.stream.push(id);
            }
            if self.stream.len() > before {
                self.stream.push(LINE_BREAK);
            }
        }
        self
    }
}

/// Every word seen, with an id and a count.
#[derive(Clone, Debug, Default)]
struct Vocabulary {
    ids: FxHashMap<Box<str>, u32>,
    words: Vec<Box<str>>,
    counts: Vec<u64>,
}

impl Vocabulary {
    fn intern(&mut self, word: &str) -> u32 {
        let id = match self.ids.get(word) {
            Some(&id) => id,
            None => {
                let id = self.words.len() as u32;
                self.ids.insert(word.into(), id);
                self.words.push(word.into());
                self.counts.push(0);
                id
            }
        };
        self.counts[id as usize] += 1;
        id
    }
}

impl Clusterer {
    /// The number of tokens added.
    pub fn tokens(&self) -> usize {
        self.stream.iter().filter(|&&id| id != LINE_BREAK).count()
    }

    /// Clusters the vocabulary at each granularity. Deterministic: the same text and settings give the
    /// same classes.
    pub fn build(&self) -> Clusters {
        let prepared = self.prepare();
        let g = self.granularities.len();
        let mut classes = vec![0u32; prepared.vocabulary.len() * g];
        for (at, &k) in self.granularities.iter().enumerate() {
            let assigned = exchange(k, &prepared, self.iterations);
            for (word, class) in assigned.into_iter().enumerate() {
                classes[word * g + at] = class;
            }
        }
        let Vocabulary { words, counts, .. } = &self.vocabulary;
        let words: Vec<String> = prepared
            .vocabulary
            .iter()
            .map(|&id| words[id as usize].to_string())
            .collect();
        let hashes = words.iter().map(|w| hash_str(w)).collect();
        Clusters {
            table: ClassTable::new(self.granularities.clone(), hashes, classes),
            words,
            counts: prepared
                .vocabulary
                .iter()
                .map(|&id| counts[id as usize])
                .collect(),
        }
    }

    /// The vocabulary and the neighbours of each of its words.
    fn prepare(&self) -> Prepared {
        let Vocabulary { words, counts, .. } = &self.vocabulary;
        // The vocabulary, most frequent first (ties in byte order, for determinism).
        let mut vocabulary: Vec<u32> = (0..words.len() as u32)
            .filter(|&id| counts[id as usize] >= self.min_count)
            .collect();
        vocabulary.sort_unstable_by(|&a, &b| {
            let (a, b) = (a as usize, b as usize);
            counts[b]
                .cmp(&counts[a])
                .then_with(|| words[a].cmp(&words[b]))
        });
        let v = vocabulary.len() as u32;
        // Contexts: the vocabulary, then line breaks, numbers and rare words.
        let (line_break, number, rare) = (v, v + 1, v + 2);
        let mut context = vec![rare; words.len()];
        for (new, &old) in vocabulary.iter().enumerate() {
            context[old as usize] = new as u32;
        }
        let context_of = |id: u32| match id {
            LINE_BREAK => line_break,
            NUMBER => number,
            id => context[id as usize],
        };
        let mut left = Vec::new();
        let mut right = Vec::new();
        for pair in self.stream.windows(2) {
            let (a, b) = (context_of(pair[0]), context_of(pair[1]));
            if b < v {
                left.push(u64::from(b) << 32 | u64::from(a));
            }
            if a < v {
                right.push(u64::from(a) << 32 | u64::from(b));
            }
        }
        Prepared {
            frequencies: vocabulary
                .iter()
                .map(|&id| u32::try_from(counts[id as usize]).unwrap_or(u32::MAX))
                .collect(),
            vocabulary,
            sides: [Neighbours::new(left, v), Neighbours::new(right, v)],
            contexts: v as usize + 3,
        }
    }
}

/// What exchange clustering reads: the vocabulary (ids of the [`Vocabulary`], most frequent first,
/// with their counts) and each word's neighbours on the left and on the right, as context ids (the
/// vocabulary's indices, then line break, number and rare word: `contexts` in all).
struct Prepared {
    vocabulary: Vec<u32>,
    frequencies: Vec<u32>,
    sides: [Neighbours; 2],
    contexts: usize,
}

/// The neighbours on one side of every vocabulary word, with counts: word `w`'s are
/// `contexts[offsets[w]..offsets[w + 1]]`.
struct Neighbours {
    offsets: Vec<usize>,
    contexts: Vec<(u32, u32)>,
}

impl Neighbours {
    /// From `word << 32 | context` pairs, one per occurrence.
    fn new(mut pairs: Vec<u64>, words: u32) -> Neighbours {
        pairs.sort_unstable();
        let mut offsets = Vec::with_capacity(words as usize + 1);
        let mut contexts: Vec<(u32, u32)> = Vec::new();
        offsets.push(0);
        let mut word = 0u32;
        for pair in pairs {
            let (w, c) = ((pair >> 32) as u32, pair as u32);
            while word < w {
                offsets.push(contexts.len());
                word += 1;
            }
            let started = offsets.last() != Some(&contexts.len());
            match contexts.last_mut() {
                Some((last, n)) if started && *last == c => *n += 1,
                _ => contexts.push((c, 1)),
            }
        }
        while offsets.len() <= words as usize {
            offsets.push(contexts.len());
        }
        Neighbours { offsets, contexts }
    }

    fn of(&self, word: usize) -> &[(u32, u32)] {
        &self.contexts[self.offsets[word]..self.offsets[word + 1]]
    }
}

/// `x ln x` for counts, from a table for the small ones that make up most lookups.
struct XLogX(Vec<f64>);

impl XLogX {
    fn new() -> XLogX {
        XLogX(
            (0..1u32 << 16)
                .map(|x| {
                    if x == 0 {
                        0.0
                    } else {
                        f64::from(x) * f64::from(x).ln()
                    }
                })
                .collect(),
        )
    }

    #[inline]
    fn at(&self, x: u32) -> f64 {
        match self.0.get(x as usize) {
            Some(&v) => v,
            None => f64::from(x) * f64::from(x).ln(),
        }
    }
}

/// Exchange clustering of the vocabulary into `k` classes (see the [module docs](self)); returns each
/// word's class, numbered in order of the words' first appearance (most frequent first).
fn exchange(k: u32, prepared: &Prepared, iterations: usize) -> Vec<u32> {
    let Prepared {
        frequencies: counts,
        sides,
        contexts,
        ..
    } = prepared;
    let (k, contexts) = (k as usize, *contexts);
    let words = counts.len();
    // The most frequent words start in classes of their own, the rest round-robin.
    let mut class: Vec<u32> = (0..words).map(|w| (w % k) as u32).collect();
    // counts[side][v * k + c]: words of class c next to context v on that side.
    let mut matrices = [vec![0u32; contexts * k], vec![0u32; contexts * k]];
    let mut totals = vec![0u32; k];
    for w in 0..words {
        let c = class[w] as usize;
        for (side, matrix) in sides.iter().zip(&mut matrices) {
            for &(v, n) in side.of(w) {
                matrix[v as usize * k + c] += n;
            }
        }
        totals[c] += counts[w];
    }
    let f = XLogX::new();
    let mut gains = vec![0.0f64; k];
    for _ in 0..iterations {
        let mut moved = 0usize;
        for w in 0..words {
            let from = class[w] as usize;
            let n = counts[w];
            for (side, matrix) in sides.iter().zip(&mut matrices) {
                for &(v, m) in side.of(w) {
                    matrix[v as usize * k + from] -= m;
                }
            }
            totals[from] -= n;
            for (gain, &total) in gains.iter_mut().zip(&totals) {
                *gain = -2.0 * (f.at(total + n) - f.at(total));
            }
            for (side, matrix) in sides.iter().zip(&matrices) {
                for &(v, m) in side.of(w) {
                    let row = &matrix[v as usize * k..][..k];
                    for (gain, &x) in gains.iter_mut().zip(row) {
                        *gain += f.at(x + m) - f.at(x);
                    }
                }
            }
            // Ties keep the word where it was, so a converged clustering stays put.
            let mut to = from;
            for (c, &gain) in gains.iter().enumerate() {
                if gain > gains[to] + 1e-9 {
                    to = c;
                }
            }
            for (side, matrix) in sides.iter().zip(&mut matrices) {
                for &(v, m) in side.of(w) {
                    matrix[v as usize * k + to] += m;
                }
            }
            totals[to] += n;
            if to != from {
                class[w] = to as u32;
                moved += 1;
            }
        }
        if moved * 1000 < words {
            break;
        }
    }
    // Renumber: the class of the most frequent word is 0, and so on.
    let mut renumber = vec![u32::MAX; k];
    let mut next = 0;
    for c in &mut class {
        let slot = &mut renumber[*c as usize];
        if *slot == u32::MAX {
            *slot = next;
            next += 1;
        }
        *c = *slot;
    }
    class
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    /// Unlabelled news in miniature: people after قال الوزير, places after سافر الوفد إلى.
    fn news() -> Vec<String> {
        let mut lines = Vec::new();
        for name in ["محمد", "أحمد", "خالد", "سعد", "نبيل", "فهد"] {
            lines.push(format!("قال الوزير {name} إن الاتفاق مهم"));
        }
        for city in ["القاهرة", "بغداد", "الرياض", "دمشق", "عمان", "بيروت"]
        {
            lines.push(format!("سافر الوفد إلى {city} أمس"));
            lines.push(format!("وصل الوزير إلى {city} صباح 12 مايو"));
        }
        lines
    }

    fn cluster(granularities: &[u32], stems: bool) -> Clusters {
        let mut clusterer = Clusters::clusterer();
        clusterer
            .granularities(granularities)
            .min_count(1)
            .stems(stems);
        for line in news() {
            clusterer.add(&line);
        }
        clusterer.build()
    }

    #[test]
    fn words_sharing_contexts_share_a_class() {
        let clusters = cluster(&[3, 5], false);
        assert_eq!(clusters.granularities(), [3, 5]);
        for g in 0..2 {
            let class = |word: &str| clusters.classes(word).unwrap()[g];
            for name in ["أحمد", "خالد", "سعد", "نبيل", "فهد"] {
                assert_eq!(class(name), class("محمد"), "{name} at {g}");
            }
            for city in ["بغداد", "الرياض", "دمشق", "عمان", "بيروت"] {
                assert_eq!(class(city), class("القاهرة"), "{city} at {g}");
            }
            assert_ne!(class("محمد"), class("القاهرة"));
        }
        // Looked up after normalisation; numbers and unseen words have no class.
        assert_eq!(clusters.classes("احمد"), clusters.classes("أحمد"));
        assert_eq!(clusters.classes("12"), None);
        assert_eq!(clusters.classes("طهران"), None);
    }

    #[test]
    fn clustering_is_deterministic_and_round_trips() {
        let first = cluster(&[3, 5], false);
        assert_eq!(first, cluster(&[3, 5], false));
        let tsv = first.to_tsv("test clusters\nsecond line");
        assert!(tsv.starts_with("# test clusters\n# second line\nclasses\t3\t5\n"));
        assert_eq!(Clusters::parse_tsv(&tsv, "test").unwrap(), first);
        // The most frequent word comes first, in class 0.
        let first_word = tsv.lines().nth(3).unwrap();
        assert!(first_word.starts_with("الوزير\t12\t0\t0"), "{first_word}");
    }

    #[test]
    fn stems_pool_the_glued_forms() {
        let mut clusterer = Clusters::clusterer();
        clusterer.granularities(&[2]).min_count(2).stems(true);
        clusterer.add("زار الوفد القاهرة ثم عاد من القاهرة\nوالقاهرة مدينة كبيرة وبالقاهرة نهر");
        let clusters = clusterer.build();
        assert!(clusters.classes("القاهرة").is_some());
        assert_eq!(clusters.classes("والقاهرة"), None);
        assert!(
            clusters
                .to_tsv("")
                .lines()
                .any(|l| l.starts_with("القاهرة\t4\t"))
        );
    }

    /// The objective of the module docs, computed from scratch.
    fn objective(prepared: &Prepared, class: &[u32]) -> f64 {
        let f = |x: u64| {
            if x == 0 {
                0.0
            } else {
                x as f64 * (x as f64).ln()
            }
        };
        let mut total = 0.0;
        for side in &prepared.sides {
            let mut pairs: FxHashMap<(u32, u32), u64> = FxHashMap::default();
            for (w, &c) in class.iter().enumerate() {
                for &(v, n) in side.of(w) {
                    *pairs.entry((v, c)).or_default() += u64::from(n);
                }
            }
            total += pairs.values().map(|&n| f(n)).sum::<f64>();
        }
        let mut sizes: FxHashMap<u32, u64> = FxHashMap::default();
        for (&c, &n) in class.iter().zip(&prepared.frequencies) {
            *sizes.entry(c).or_default() += u64::from(n);
        }
        total - 2.0 * sizes.values().map(|&n| f(n)).sum::<f64>()
    }

    #[test]
    fn exchange_ends_where_no_single_move_helps() {
        let mut clusterer = Clusters::clusterer();
        clusterer.min_count(1);
        for line in news() {
            clusterer.add(&line);
        }
        let prepared = clusterer.prepare();
        for k in [2, 3, 5] {
            let start: Vec<u32> = (0..prepared.frequencies.len() as u32)
                .map(|w| w % k)
                .collect();
            let class = exchange(k, &prepared, 100);
            let best = objective(&prepared, &class);
            assert!(best > objective(&prepared, &start), "k = {k}");
            for w in 0..class.len() {
                for c in 0..k {
                    let mut moved = class.clone();
                    moved[w] = c;
                    assert!(
                        objective(&prepared, &moved) <= best + 1e-9,
                        "k = {k}, word {w}"
                    );
                }
            }
        }
    }

    #[test]
    fn malformed_files_name_the_line() {
        let cases = [
            ("محمد\t3\t1\n", 1, "classes"),
            ("classes\t4\tkilo\n", 1, "positive integer"),
            (
                "# comment\nclasses\t4\t16\nمحمد\t3\t1\n",
                3,
                "expected 4 tab-separated columns",
            ),
            ("classes\t4\nمحمد\t3\t4\n", 2, "below 4"),
            ("classes\t4\nمحمد\tmany\t1\n", 2, "count"),
            ("classes\t4\n\u{0640}\t3\t1\n", 2, "empty"),
            ("classes\t4\nأحمد\t3\t1\n\nاحمد\t2\t0\n", 4, "line 2"),
            ("# only a comment\n", 1, "no `classes` header"),
        ];
        for (text, line, message) in cases {
            let error = Clusters::parse_tsv(text, "clusters.tsv").unwrap_err();
            let shown = error.to_string();
            assert!(
                shown.starts_with(&format!("clusters.tsv:{line}: ")),
                "{text:?}: {shown}"
            );
            assert!(shown.contains(message), "{text:?}: {shown}");
            assert!(matches!(error.kind(), ErrorKind::Parse { .. }));
        }
    }

    #[test]
    fn load_names_the_file() {
        let path = std::env::temp_dir().join(format!("khabar-clusters-{}.tsv", std::process::id()));
        std::fs::write(&path, "classes\t2\nالرياض\t7\t1\nجدة\tx\t0\n").unwrap();
        let shown = Clusters::load(&path).unwrap_err().to_string();
        assert!(shown.contains(&format!("{}:3:", path.display())), "{shown}");
        std::fs::write(&path, "\u{FEFF}classes\t2\nالرياض\t7\t1\n").unwrap();
        let clusters = Clusters::load(&path).unwrap();
        assert_eq!(clusters.classes("الرياض"), Some(&[1][..]));
        assert_eq!(clusters.len(), 1);
        std::fs::remove_file(&path).unwrap();
        let error = Clusters::load(&path).unwrap_err();
        assert!(matches!(error.kind(), ErrorKind::Io { .. }));
        assert!(error.to_string().contains(&path.display().to_string()));
    }

    #[test]
    fn is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Clusters>();
        assert_send_sync::<Clusterer>();
    }
}
