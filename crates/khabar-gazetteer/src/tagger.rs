//! A statistical sequence tagger for the names no list knows.
//!
//! A gazetteer finds the entities a user listed and the context rules of [`crate::rules`] find names
//! behind a title or a reporting verb; both miss the long tail of news: a minister named once, a village,
//! a party of last week. This module learns, from a corpus annotated in BIO tags (ANERcorp), which token
//! contexts hold a name: an averaged structured perceptron over hashed token features, decoded with
//! Viterbi over `O, B-PER, I-PER, B-ORG, I-ORG, B-LOC, I-LOC`.
//!
//! The gazetteer and the rules are not replaced but become evidence: whether a token lies inside a
//! gazetteer mention or a rule guess (with its kind and position) is a feature, next to the word, its
//! stem without proclitics, its affixes and shape, its neighbours, and the word lists of the rules. So the
//! model learns how far to trust each source, and a dictionary hit can still be overruled by context.
//!
//! Optionally ([`Trainer::clusters`]) the classes of the word, its stem and its neighbours in word
//! clusters learnt from unlabelled news ([`crate::clusters`]) are features too: they carry what the
//! annotated corpus taught about names to words it never showed. On a held-out tenth of ANERcorp's
//! training split, clusters of SaudiNewsNet raised micro F1 from 0.755 to 0.796 (per sentence).
//!
//! No neural model and no ML crate: the model is a table of `2^bits` rows of seven weights (one per tag)
//! indexed by a stable hash of each feature, plus a transition matrix. Training takes a few seconds on
//! ANERcorp; tagging costs, per token, one analysis of the word, one hash per string of it, about thirty
//! table reads (one cache line each, for both stages; with clusters of three granularities, one or two
//! cluster lookups and twelve reads more) and a 7×7 Viterbi step per stage.
//!
//! # Example: train on a few sentences, then tag
//! ```
//! use khabar_gazetteer::tagger::{Evidence, Tagger};
//! use khabar_gazetteer::EntityKind;
//! use khabar_tokenize::{Span, Tokenizer};
//!
//! let tokenizer = Tokenizer::new();
//! let mut trainer = Tagger::trainer();
//! for (text, name, kind) in [
//!     ("وصل الرئيس كريم إلى القاهرة", "كريم", EntityKind::Person),
//!     ("وصل الرئيس سمير إلى القاهرة", "سمير", EntityKind::Person),
//!     ("وصل الرئيس جمال إلى القاهرة", "جمال", EntityKind::Person),
//! ] {
//!     let start = text.find(name).unwrap();
//!     let gold = [(Span::new(start, start + name.len()), kind)];
//!     trainer.add(text, &tokenizer.tokens(text), &gold, &Evidence::default());
//! }
//! let tagger = trainer.epochs(5).train();
//!
//! let text = "وصل الرئيس نبيل إلى القاهرة";
//! let found = tagger.find(text, &tokenizer.tokens(text), &Evidence::default());
//! assert_eq!(&text[found[0].span], "نبيل");
//! assert_eq!(found[0].kind, EntityKind::Person);
//! ```

use std::borrow::Cow;

use khabar_tokenize::clitics::{self, CliticAnalysis, PartKind};
use khabar_tokenize::{Normalizer, Span, Token, TokenKind};

use crate::bytes::{Format, Reader, Writer};
use crate::clusters::{ClassTable, Clusters};
use crate::rules::{self, Guess, Recognizer};
use crate::{EntityKind, Error, ErrorKind, MatchSource, Mention};

/// The tags: `O`, then `B-`/`I-` for each kind in [`KINDS`] order.
const TAGS: usize = 7;
/// The kinds the tagger learns; MISC is read as `O`.
const KINDS: [EntityKind; 3] = [
    EntityKind::Person,
    EntityKind::Organization,
    EntityKind::Location,
];
/// The row of the transition matrix for the start of a sequence.
const START: usize = TAGS;
/// Default number of hash bits: 2^17 rows of 32 bytes, 4 MB. On a held-out tenth of ANERcorp's
/// training split 2^19 rows scored no better (the spread between hash seeds is larger), 2^16 about 0.7 F1
/// worse; reads from a table of 16 MB took half the tagging time.
const DEFAULT_BITS: u8 = 17;

const MODEL: Format = Format {
    magic: b"KHABARTG",
    version: 3,
    name: "khabar tagger model",
    remedy: "train the model again",
    error: model_error,
};

fn model_error(message: String) -> Error {
    Error::new(ErrorKind::Model(message))
}

fn b_tag(kind: usize) -> usize {
    1 + 2 * kind
}

fn is_inside(tag: usize) -> bool {
    tag != 0 && tag % 2 == 0
}

/// The kind index of a non-`O` tag.
fn tag_kind(tag: usize) -> usize {
    (tag - 1) / 2
}

fn kind_index(kind: EntityKind) -> Option<usize> {
    KINDS.iter().position(|&k| k == kind)
}

/// Whether `to` may follow `from` in BIO: an `I-X` continues only a `B-X` or an `I-X`.
fn allowed(from: usize, to: usize) -> bool {
    !is_inside(to) || (from != START && from != 0 && tag_kind(from) == tag_kind(to))
}

/// What the tagger may look at besides the words: the gazetteer's mentions and the rules' guesses in the
/// same text (as the facade computes them), and the recognizer whose person-name tokens are a feature.
/// Train and tag with evidence from the same sources, or the model learns to trust the wrong thing.
#[derive(Clone, Copy, Debug, Default)]
pub struct Evidence<'a> {
    /// Gazetteer mentions, in text order.
    pub mentions: &'a [Mention],
    /// Rule guesses, in text order.
    pub guesses: &'a [Guess],
    /// The recognizer whose person-name tokens mark likely name words.
    pub recognizer: Option<&'a Recognizer>,
}

/// A trained tagger: immutable, `Send + Sync`; [`Tagger::to_bytes`] saves it.
///
/// It has one or two stages. The first tags from the features of each token and its neighbours. The
/// optional second stage (see [`Trainer::document_memory`]) reads the first stage's tags of the whole
/// text as well: a news story names the same club or minister again and again, often once in a context
/// that gives it away (نادي الأهلي) and then bare (الأهلي), so "this word was tagged ORG elsewhere in the
/// text" carries over what one clear context taught.
///
/// Tagging is bound by the scattered reads of feature weights, so the trained weights are stored for
/// reading: quantised to `i16` (per stage, the largest weight becomes ±32767) and both stages' weights
/// of a feature side by side in one 32-byte row, so that each feature costs one cache line for both
/// stages; the first stage's sums for the second stage's weights come with the first pass.
#[derive(Clone, Debug)]
pub struct Tagger {
    bits: u8,
    /// The hash seed (see [`Trainer::hash_seed`]).
    seed: u32,
    /// `2^bits` rows: lanes `0..7` the first stage's weights, `8..15` the second's (zero without one).
    table: Vec<Row>,
    /// Per stage: what one table unit weighs, and the transition matrix `[from * TAGS + to]`, `from` up
    /// to [`START`].
    stages: Vec<Stage>,
    /// The word classes the cluster features read (empty without clusters).
    clusters: ClassTable,
    normalizer: Normalizer,
}

/// One table row: both stages' quantised weights of a feature, in one aligned half cache line.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[repr(C, align(32))]
struct Row([i16; LANES]);

/// Lanes of a [`Row`]: eight per stage (seven tags and padding).
const LANES: usize = 16;

/// A stage's scale and transitions.
#[derive(Clone, Debug, PartialEq)]
struct Stage {
    scale: f32,
    transitions: Vec<f32>,
}

/// One stage's weights as trained, in `f32`.
#[derive(Clone, Debug, PartialEq)]
struct Model {
    /// `2^bits` rows of [`TAGS`] weights.
    weights: Vec<f32>,
    /// `transitions[from * TAGS + to]`, `from` up to [`START`].
    transitions: Vec<f32>,
}

impl Model {
    fn viterbi(&self, features: &Features) -> Vec<usize> {
        let mut emissions = Vec::new();
        emissions_f32(&self.weights, features, &mut emissions);
        viterbi(&self.transitions, &emissions)
    }
}

/// The per-token tag scores of `features` under `f32` weights (rows of [`TAGS`]).
fn emissions_f32(weights: &[f32], features: &Features, out: &mut Vec<[f32; TAGS]>) {
    out.clear();
    out.extend((0..features.len()).map(|t| {
        let mut emit = [0.0f32; TAGS];
        for &row in features.of(t) {
            let row = row as usize * TAGS;
            for (e, w) in emit.iter_mut().zip(&weights[row..row + TAGS]) {
                *e += w;
            }
        }
        emit
    }));
}

/// Sums the table rows of `rows`, all sixteen lanes.
fn row_sums(table: &[Row], rows: &[u32]) -> [i32; LANES] {
    let mut sums = [0i32; LANES];
    for &row in rows {
        if let Some(Row(weights)) = table.get(row as usize) {
            for (sum, &w) in sums.iter_mut().zip(weights) {
                *sum += i32::from(w);
            }
        }
    }
    sums
}

/// The emissions of one stage (`lane` 0 or 8) from integer sums.
fn scaled(sums: &[i32; LANES], lane: usize, scale: f32) -> [f32; TAGS] {
    std::array::from_fn(|k| sums[lane + k] as f32 * scale)
}

impl Tagger {
    /// Starts training a tagger.
    pub fn trainer() -> Trainer {
        Trainer::default()
    }

    /// Whether the tagger has the document-memory stage.
    pub fn has_document_memory(&self) -> bool {
        self.stages.len() == 2
    }

    /// Builds the reading layout from trained stages.
    fn from_models(
        bits: u8,
        seed: u32,
        models: &[Model],
        clusters: ClassTable,
        normalizer: Normalizer,
    ) -> Tagger {
        let mut table = vec![Row::default(); 1 << bits];
        let mut stages = Vec::new();
        for (s, model) in models.iter().enumerate() {
            let largest = model.weights.iter().fold(0.0f32, |m, w| m.max(w.abs()));
            let scale = if largest > 0.0 {
                largest / f32::from(i16::MAX)
            } else {
                1.0
            };
            for (row, weights) in table.iter_mut().zip(model.weights.chunks_exact(TAGS)) {
                for (k, &w) in weights.iter().enumerate() {
                    row.0[s * 8 + k] = (w / scale).round() as i16;
                }
            }
            stages.push(Stage {
                scale,
                transitions: model.transitions.clone(),
            });
        }
        Tagger {
            bits,
            seed,
            table,
            stages,
            clusters,
            normalizer,
        }
    }

    /// Finds names in `text` from its tokens (made with the default normaliser). Every result is a
    /// [`Guess`] with the rule `tagger`; its span leaves out the proclitics of its first word
    /// (والعراق → العراق), as gazetteer mentions do. Pass a whole article, not one sentence at a time:
    /// the second stage reads the rest of the text. Never fails and never panics.
    pub fn find(&self, text: &str, tokens: &[Token<'_>], evidence: &Evidence<'_>) -> Vec<Guess> {
        if tokens.is_empty() {
            return Vec::new();
        }
        let mut features = Features::default();
        extract(
            &self.normalizer,
            &self.clusters,
            text,
            tokens,
            evidence,
            self.hashing(),
            &mut features,
        );
        // One pass over the rows serves both stages.
        let sums: Vec<[i32; LANES]> = (0..features.len())
            .map(|t| row_sums(&self.table, features.of(t)))
            .collect();
        let first = &self.stages[0];
        let emissions: Vec<[f32; TAGS]> = sums.iter().map(|s| scaled(s, 0, first.scale)).collect();
        let mut tags = viterbi(&first.transitions, &emissions);
        if let Some(second) = self.stages.get(1) {
            let memory = Memory::new([(&features, &tags[..])]);
            let mut rows = Vec::with_capacity(MEMORY_FEATURES);
            let emissions: Vec<[f32; TAGS]> = sums
                .iter()
                .enumerate()
                .map(|(t, base)| {
                    rows.clear();
                    memory.rows(&features, &tags, t, self.hashing(), &mut rows);
                    let mut sums = row_sums(&self.table, &rows);
                    for (sum, b) in sums.iter_mut().zip(base) {
                        *sum += b;
                    }
                    scaled(&sums, 8, second.scale)
                })
                .collect();
            tags = viterbi(&second.transitions, &emissions);
        }
        let mut out = Vec::new();
        let mut analyses = Vec::new();
        let mut t = 0;
        while t < tags.len() {
            if tags[t] == 0 {
                t += 1;
                continue;
            }
            let kind = tag_kind(tags[t]);
            let mut end = t + 1;
            while end < tags.len() && tags[end] == b_tag(kind) + 1 {
                end += 1;
            }
            let start = name_start(&self.normalizer, text, &tokens[t], evidence, &mut analyses);
            out.push(Guess {
                span: Span::new(start, tokens[end - 1].span.end),
                kind: KINDS[kind],
                rule: "tagger",
                entity: None,
            });
            t = end;
        }
        out
    }

    fn hashing(&self) -> Hashing {
        Hashing::new(self.bits, self.seed)
    }

    /// The model as bytes: a versioned, checksummed header, then the hash size, the number of stages, for
    /// each its scale and transitions, the rows that are not all zero with their sixteen lanes (two `i16`
    /// to a `u32`), and the word clusters: their granularities, word hashes (two `u32` each) and classes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Writer::default();
        out.u32(u32::from(self.bits));
        out.u32(self.seed);
        out.u32(TAGS as u32);
        out.u32(self.stages.len() as u32);
        for stage in &self.stages {
            out.u32(stage.scale.to_bits());
            out.u32s(
                &stage
                    .transitions
                    .iter()
                    .map(|w| w.to_bits())
                    .collect::<Vec<_>>(),
            );
        }
        let mut rows = Vec::new();
        let mut values = Vec::new();
        for (at, row) in self.table.iter().enumerate() {
            if row.0.iter().any(|&w| w != 0) {
                rows.push(at as u32);
                values.extend(
                    row.0
                        .chunks_exact(2)
                        .map(|p| u32::from(p[0] as u16) | u32::from(p[1] as u16) << 16),
                );
            }
        }
        out.u32s(&rows);
        out.u32s(&values);
        out.u32s(&self.clusters.granularities);
        out.u32s(
            &self
                .clusters
                .hashes
                .iter()
                .flat_map(|&h| [h as u32, (h >> 32) as u32])
                .collect::<Vec<_>>(),
        );
        out.u32s(&self.clusters.classes);
        out.finish_as(MODEL)
    }

    /// Reads a model written by [`Tagger::to_bytes`]. Fails with [`ErrorKind::Model`] on bytes of another
    /// format or version, truncated or corrupted; never panics.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, Error> {
        let mut input = Reader::with_format(bytes, MODEL)?;
        let bits = input.u32()?;
        if !(8..=26).contains(&bits) {
            return Err(input.invalid("the hash size is out of range"));
        }
        let seed = input.u32()?;
        if input.u32()? != TAGS as u32 {
            return Err(input.invalid("the model has another tag set"));
        }
        let count = input.u32()?;
        if !(1..=2).contains(&count) {
            return Err(input.invalid("a model has one or two stages"));
        }
        let mut stages = Vec::new();
        for _ in 0..count {
            let scale = f32::from_bits(input.u32()?);
            let transitions: Vec<f32> = input.u32s()?.into_iter().map(f32::from_bits).collect();
            if transitions.len() != (TAGS + 1) * TAGS {
                return Err(input.invalid("the transition matrix has the wrong size"));
            }
            if !(scale.is_finite() && scale > 0.0) || transitions.iter().any(|w| !w.is_finite()) {
                return Err(input.invalid("a weight is not a finite number"));
            }
            stages.push(Stage { scale, transitions });
        }
        let rows = input.u32s()?;
        let values = input.u32s()?;
        if values.len() != rows.len() * LANES / 2 {
            return Err(input.invalid("rows and weights disagree"));
        }
        let mut table = vec![Row::default(); 1 << bits];
        for (&at, chunk) in rows.iter().zip(values.chunks_exact(LANES / 2)) {
            let row = table
                .get_mut(at as usize)
                .ok_or_else(|| input.invalid("a row lies outside the hash table"))?;
            for (pair, &value) in row.0.chunks_exact_mut(2).zip(chunk) {
                pair[0] = value as u16 as i16;
                pair[1] = (value >> 16) as u16 as i16;
            }
        }
        let granularities = input.u32s()?;
        let halves = input.u32s()?;
        if halves.len() % 2 != 0 {
            return Err(input.invalid("a cluster word hash is cut in half"));
        }
        let hashes: Vec<u64> = halves
            .chunks_exact(2)
            .map(|p| u64::from(p[0]) | u64::from(p[1]) << 32)
            .collect();
        let classes = input.u32s()?;
        if classes.len() != hashes.len() * granularities.len() {
            return Err(input.invalid("cluster words and classes disagree"));
        }
        if classes
            .chunks(granularities.len().max(1))
            .any(|row| row.iter().zip(&granularities).any(|(c, k)| c >= k))
        {
            return Err(input.invalid("a word class is out of range"));
        }
        let clusters = ClassTable::new(granularities, hashes, classes);
        input.finish()?;
        Ok(Tagger {
            bits: bits as u8,
            seed,
            table,
            stages,
            clusters,
            normalizer: Normalizer::new(),
        })
    }
}
/// The start of a name on its first token, leaving out its proclitics as the annotation guide marks
/// names: where a gazetteer mention starts inside the token, there; else after the proclitics of the
/// clitic analyser's first analysis, which splits only before an article (للعراق → لعراق, والعراق →
/// العراق); else after a conjunction و/ف whose rest is a known name token (ومحمد → محمد). A bare و is
/// otherwise kept: وزارة, وكالة and واشنطن begin with one.
fn name_start(
    normalizer: &Normalizer,
    text: &str,
    token: &Token<'_>,
    evidence: &Evidence<'_>,
    analyses: &mut Vec<CliticAnalysis>,
) -> usize {
    let whole = token.span.start;
    let inside =
        |start: usize| start > whole && start < token.span.end && text.is_char_boundary(start);
    let at = evidence
        .mentions
        .partition_point(|m| m.span.start < token.span.start);
    if let Some(m) = evidence.mentions[at..]
        .iter()
        .take_while(|m| m.span.start < token.span.end)
        .find(|m| inside(m.span.start))
    {
        return m.span.start;
    }
    if token.kind != TokenKind::Arabic {
        return whole;
    }
    let Some(word) = text.get(token.span.range()) else {
        return whole;
    };
    clitics::analyze_into(word, whole, analyses);
    if let Some(start) = analyses
        .first()
        .map(|a| a.stem_with_article().start)
        .filter(|&s| inside(s))
    {
        return start;
    }
    let Some(recognizer) = evidence.recognizer else {
        return whole;
    };
    if recognizer.is_name_token(&token.norm) {
        return whole;
    }
    conjunction_only(analyses)
        .map(|a| a.stem_with_article())
        .filter(|stem| {
            inside(stem.start)
                && text
                    .get(stem.range())
                    .is_some_and(|rest| recognizer.is_name_token(&normalizer.normalize_str(rest)))
        })
        .map_or(whole, |stem| stem.start)
}

/// The analysis that splits off a conjunction (و/ف) and nothing else.
fn conjunction_only(analyses: &[CliticAnalysis]) -> Option<&CliticAnalysis> {
    analyses.iter().find(|a| {
        let mut proclitics = a.proclitics();
        matches!(
            (proclitics.next(), proclitics.next()),
            (Some(p), None) if p.kind == PartKind::Conjunction
        )
    })
}

/// Collects training sentences and trains a [`Tagger`].
#[derive(Clone, Debug)]
pub struct Trainer {
    bits: u8,
    seed: u32,
    epochs: usize,
    memory_folds: usize,
    normalizer: Normalizer,
    clusters: ClassTable,
    sentences: Vec<Example>,
    document: usize,
}

impl Default for Trainer {
    fn default() -> Self {
        Trainer {
            bits: DEFAULT_BITS,
            seed: 0,
            epochs: 10,
            memory_folds: 0,
            normalizer: Normalizer::new(),
            clusters: ClassTable::default(),
            sentences: Vec::new(),
            document: 0,
        }
    }
}

/// One training sentence: its features, gold tags and document.
#[derive(Clone, Debug)]
struct Example {
    features: Features,
    tags: Vec<usize>,
    document: usize,
}

impl Trainer {
    /// The size of the weight table, `2^bits` rows (8 to 26; default 19). Call before [`Trainer::add`]:
    /// features are hashed when added.
    pub fn table_bits(&mut self, bits: u8) -> &mut Self {
        self.bits = bits.clamp(8, 26);
        self
    }

    /// A seed mixed into the feature hashes (default 0). Another seed gives other hash collisions and so a
    /// slightly different model: training with a few seeds shows how much of a difference in scores is
    /// chance. Call before [`Trainer::add`].
    pub fn hash_seed(&mut self, seed: u32) -> &mut Self {
        self.seed = seed;
        self
    }

    /// Word classes learnt from unlabelled text (see [`crate::clusters`]): the class of each word, of its
    /// stem and of its neighbours become features, so that a name never seen in training is judged by
    /// the names of its class that were. The model keeps the classes. Call before [`Trainer::add`].
    pub fn clusters(&mut self, clusters: &Clusters) -> &mut Self {
        self.clusters = clusters.table().clone();
        self
    }

    /// Passes over the training data (default 10).
    pub fn epochs(&mut self, epochs: usize) -> &mut Self {
        self.epochs = epochs;
        self
    }

    /// Trains the second, document-memory stage (see [`Tagger`]) when `folds` ≥ 2 (default 0: off). Its
    /// training needs first-stage tags as wrong as they will be on new text, so the documents are split
    /// into `folds` parts and each part is tagged by a first stage trained on the others (jackknifing).
    /// Mark documents with [`Trainer::new_document`].
    pub fn document_memory(&mut self, folds: usize) -> &mut Self {
        self.memory_folds = folds;
        self
    }

    /// Starts a new document: the sentences added next belong together for the document memory.
    pub fn new_document(&mut self) -> &mut Self {
        if self
            .sentences
            .last()
            .is_some_and(|s| s.document == self.document)
        {
            self.document += 1;
        }
        self
    }

    /// Number of sentences added.
    pub fn len(&self) -> usize {
        self.sentences.len()
    }

    /// Whether no sentence was added.
    pub fn is_empty(&self) -> bool {
        self.sentences.is_empty()
    }

    /// Adds one annotated sentence: its tokens (default normaliser), the gold names as byte spans with
    /// their kinds (MISC and other kinds are read as no name), and the evidence the tagger will see at
    /// run time. A token overlapping a gold span is tagged `B-` if it is the span's first, else `I-`.
    pub fn add(
        &mut self,
        text: &str,
        tokens: &[Token<'_>],
        gold: &[(Span, EntityKind)],
        evidence: &Evidence<'_>,
    ) -> &mut Self {
        if tokens.is_empty() {
            return self;
        }
        let mut tags = vec![0usize; tokens.len()];
        for &(span, kind) in gold {
            let Some(kind) = kind_index(kind) else {
                continue;
            };
            let mut first = true;
            for (t, token) in tokens.iter().enumerate() {
                if token.span.overlaps(span) {
                    tags[t] = if first { b_tag(kind) } else { b_tag(kind) + 1 };
                    first = false;
                }
            }
        }
        let mut features = Features::default();
        let hashing = Hashing::new(self.bits, self.seed);
        extract(
            &self.normalizer,
            &self.clusters,
            text,
            tokens,
            evidence,
            hashing,
            &mut features,
        );
        self.sentences.push(Example {
            features,
            tags,
            document: self.document,
        });
        self
    }

    /// Trains an averaged structured perceptron per stage: each epoch visits the sentences in a fixed
    /// pseudo-random order, decodes each with Viterbi under the current weights, and moves the weights
    /// towards the gold tags where the decoding differs. The returned weights are the average over all
    /// steps, which generalises much better than the last ones.
    pub fn train(&self) -> Tagger {
        let hashing = Hashing::new(self.bits, self.seed);
        let all: Vec<(&Features, &[usize])> = self
            .sentences
            .iter()
            .map(|s| (&s.features, &s.tags[..]))
            .collect();
        let first = perceptron(&all, self.bits, self.epochs);
        let documents = self.sentences.last().map_or(0, |s| s.document + 1);
        let second = (self.memory_folds >= 2 && documents >= self.memory_folds).then(|| {
            // First-stage tags of every sentence from a model that never saw its document.
            let fold_of = |document: usize| document * self.memory_folds / documents;
            let mut predicted: Vec<Vec<usize>> = vec![Vec::new(); self.sentences.len()];
            for fold in 0..self.memory_folds {
                let others: Vec<(&Features, &[usize])> = self
                    .sentences
                    .iter()
                    .filter(|s| fold_of(s.document) != fold)
                    .map(|s| (&s.features, &s.tags[..]))
                    .collect();
                let model = perceptron(&others, self.bits, self.epochs);
                for (i, s) in self.sentences.iter().enumerate() {
                    if fold_of(s.document) == fold {
                        predicted[i] = model.viterbi(&s.features);
                    }
                }
            }
            let mut with_memory = Vec::with_capacity(self.sentences.len());
            let mut start = 0;
            while start < self.sentences.len() {
                let document = self.sentences[start].document;
                let end = start
                    + self.sentences[start..]
                        .iter()
                        .take_while(|s| s.document == document)
                        .count();
                let memory = Memory::new(
                    (start..end).map(|i| (&self.sentences[i].features, &predicted[i][..])),
                );
                for (sentence, tags) in self.sentences[start..end]
                    .iter()
                    .zip(&predicted[start..end])
                {
                    with_memory.push(memory.features(&sentence.features, tags, hashing));
                }
                start = end;
            }
            let examples: Vec<(&Features, &[usize])> = with_memory
                .iter()
                .zip(&self.sentences)
                .map(|(f, s)| (f, &s.tags[..]))
                .collect();
            perceptron(&examples, self.bits, self.epochs)
        });
        let models: Vec<Model> = std::iter::once(first).chain(second).collect();
        Tagger::from_models(
            self.bits,
            self.seed,
            &models,
            self.clusters.clone(),
            self.normalizer.clone(),
        )
    }
}

/// Trains one stage (see [`Trainer::train`]).
fn perceptron(examples: &[(&Features, &[usize])], bits: u8, epochs: usize) -> Model {
    let size = 1usize << bits;
    let mut weights = vec![0.0f32; size * TAGS];
    let mut transitions = vec![0.0f32; (TAGS + 1) * TAGS];
    // Sums of step × change, for the average (w − sums / steps).
    let mut sums = vec![0.0f64; size * TAGS];
    let mut transition_sums = vec![0.0f64; (TAGS + 1) * TAGS];
    let mut step = 1.0f64;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut emissions: Vec<[f32; TAGS]> = Vec::new();
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    for _ in 0..epochs {
        // Fisher–Yates with xorshift: reproducible runs, no rand crate.
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        for &s in &order {
            let (features, gold_tags) = examples[s];
            emissions_f32(&weights, features, &mut emissions);
            let predicted = viterbi(&transitions, &emissions);
            if predicted != gold_tags {
                let update = |table: &mut [f32], sums: &mut [f64], at: usize, by: f32| {
                    table[at] += by;
                    sums[at] += step * f64::from(by);
                };
                for (t, (&gold, &guess)) in gold_tags.iter().zip(&predicted).enumerate() {
                    if gold != guess {
                        for &row in features.of(t) {
                            let row = row as usize * TAGS;
                            update(&mut weights, &mut sums, row + gold, 1.0);
                            update(&mut weights, &mut sums, row + guess, -1.0);
                        }
                    }
                    let gold_from = if t == 0 { START } else { gold_tags[t - 1] };
                    let guess_from = if t == 0 { START } else { predicted[t - 1] };
                    if (gold_from, gold) != (guess_from, guess) {
                        let (g, p) = (gold_from * TAGS + gold, guess_from * TAGS + guess);
                        update(&mut transitions, &mut transition_sums, g, 1.0);
                        update(&mut transitions, &mut transition_sums, p, -1.0);
                    }
                }
            }
            step += 1.0;
        }
    }
    let average = |table: &mut [f32], sums: &[f64]| {
        for (w, &sum) in table.iter_mut().zip(sums) {
            *w = (f64::from(*w) - sum / step) as f32;
        }
    };
    average(&mut weights, &sums);
    average(&mut transitions, &transition_sums);
    Model {
        weights,
        transitions,
    }
}

/// What the first stage tagged each word as, over a whole document: for every word key, how often it was
/// tagged with each kind (and `O`).
struct Memory {
    /// key → counts of `O`, PER, ORG, LOC.
    counts: rustc_hash::FxHashMap<u64, [u32; 4]>,
}

/// The memory slot of a tag: 0 for `O`, 1 + kind otherwise.
fn slot(tag: usize) -> usize {
    if tag == 0 { 0 } else { 1 + tag_kind(tag) }
}

impl Memory {
    fn new<'a>(sentences: impl IntoIterator<Item = (&'a Features, &'a [usize])>) -> Memory {
        let mut counts: rustc_hash::FxHashMap<u64, [u32; 4]> = rustc_hash::FxHashMap::default();
        for (features, tags) in sentences {
            for (&key, &tag) in features.keys.iter().zip(tags) {
                if key != 0 {
                    counts.entry(key).or_default()[slot(tag)] += 1;
                }
            }
        }
        Memory { counts }
    }

    /// What the rest of the document says about token `t`'s word: a bit per slot tagged elsewhere, and
    /// the most frequent name kind elsewhere.
    fn elsewhere(&self, features: &Features, tags: &[usize], t: usize) -> (u32, u32) {
        let Some(&key) = features.keys.get(t) else {
            return (0, 0);
        };
        let Some(counts) = (key != 0).then(|| self.counts.get(&key)).flatten() else {
            return (0, 0);
        };
        let mut counts = *counts;
        if let Some(&own) = tags.get(t) {
            counts[slot(own)] = counts[slot(own)].saturating_sub(1);
        }
        let bits = counts
            .iter()
            .enumerate()
            .filter(|&(_, &n)| n > 0)
            .fold(0, |acc, (i, _)| acc | 1 << i);
        let best = (1..4)
            .filter(|&i| counts[i] > 0)
            .max_by_key(|&i| counts[i])
            .map_or(0, |i| i as u32 + 4 * u32::from(counts[i] >= counts[0]));
        (bits, best)
    }

    /// The memory features of token `t` of a sentence whose first-stage tags are `tags`.
    fn rows(
        &self,
        base: &Features,
        tags: &[usize],
        t: usize,
        hashing: Hashing,
        out: &mut Vec<u32>,
    ) {
        let n = base.len();
        let (bits, best) = self.elsewhere(base, tags, t);
        let own = tags.get(t).map_or(0, |&tag| tag as u32);
        let prev = t
            .checked_sub(1)
            .map_or((0, 0), |p| self.elsewhere(base, tags, p));
        let next = if t + 1 < n {
            self.elsewhere(base, tags, t + 1)
        } else {
            (0, 0)
        };
        let prev_tag = t.checked_sub(1).map_or(8, |p| tags[p] as u32);
        let next_tag = tags.get(t + 1).map_or(8, |&tag| tag as u32);
        let mut push = |h: Hash| out.push(h.row(hashing));
        push(Hash::new(T::Memory).num(bits));
        push(Hash::new(T::MemoryBest).num(best));
        push(Hash::new(T::MemoryOwn).num(own).num(best));
        push(
            Hash::new(T::FirstStage)
                .num(prev_tag)
                .num(own)
                .num(next_tag),
        );
        push(Hash::new(T::MemoryPrev).num(prev.1).num(best));
        push(Hash::new(T::MemoryNext).num(best).num(next.1));
    }

    /// The first-stage features of a sentence of the document plus its memory features.
    fn features(&self, base: &Features, tags: &[usize], hashing: Hashing) -> Features {
        let mut out = Features {
            rows: Vec::with_capacity(base.rows.len() + MEMORY_FEATURES * base.len()),
            offsets: Vec::with_capacity(base.offsets.len()),
            keys: base.keys.clone(),
        };
        out.offsets.push(0);
        for t in 0..base.len() {
            out.rows.extend_from_slice(base.of(t));
            self.rows(base, tags, t, hashing, &mut out.rows);
            out.offsets.push(out.rows.len() as u32);
        }
        out
    }
}

/// How many features [`Memory::rows`] adds per token.
const MEMORY_FEATURES: usize = 6;

/// The hashed features of a sequence: `rows[offsets[t]..offsets[t + 1]]` for token `t`; `keys[t]` is the
/// hash of the token's word for the document memory (0 for tokens that are not words).
#[derive(Clone, Debug, Default)]
struct Features {
    rows: Vec<u32>,
    offsets: Vec<u32>,
    keys: Vec<u64>,
}

impl Features {
    fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    fn of(&self, t: usize) -> &[u32] {
        &self.rows[self.offsets[t] as usize..self.offsets[t + 1] as usize]
    }
}

/// The best tag sequence under `transitions` for per-token `emissions`.
fn viterbi(transitions: &[f32], emissions: &[[f32; TAGS]]) -> Vec<usize> {
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    // `into[to][from]`: the transition weight, or −∞ where BIO forbids it.
    let mut into = [[f32::NEG_INFINITY; TAGS]; TAGS];
    for (to, into) in into.iter_mut().enumerate() {
        for (from, w) in into.iter_mut().enumerate() {
            if allowed(from, to) {
                *w = transitions[from * TAGS + to];
            }
        }
    }
    // Forward: only the best scores (a max is branch-free); the best predecessors are found again,
    // for the one path taken, on the way back.
    let mut scores = Vec::with_capacity(n);
    scores.push(std::array::from_fn(|to| {
        if allowed(START, to) {
            transitions[START * TAGS + to] + emissions[0][to]
        } else {
            f32::NEG_INFINITY
        }
    }));
    for emit in &emissions[1..] {
        let score: &[f32; TAGS] = scores.last().unwrap_or(&[0.0; TAGS]);
        let next: [f32; TAGS] = std::array::from_fn(|to| {
            let mut best = f32::NEG_INFINITY;
            for (&s, &w) in score.iter().zip(&into[to]) {
                best = best.max(s + w);
            }
            best + emit[to]
        });
        scores.push(next);
    }
    // `O` is always reachable, so some tag has a finite score; ties go to the lower tag (O first).
    let best = |score: &[f32; TAGS], weights: &[f32; TAGS]| {
        let mut tag = 0;
        let mut best = f32::NEG_INFINITY;
        for (k, (&s, &w)) in score.iter().zip(weights).enumerate() {
            if s + w > best {
                best = s + w;
                tag = k;
            }
        }
        tag
    };
    let mut tags = vec![0usize; n];
    let mut tag = best(&scores[n - 1], &[0.0; TAGS]);
    for t in (0..n).rev() {
        tags[t] = tag;
        if t > 0 {
            tag = best(&scores[t - 1], &into[tag]);
        }
    }
    tags
}

/// Feature templates: the first byte of every hashed feature string.
#[derive(Clone, Copy)]
#[repr(u8)]
enum T {
    Bias,
    Word,
    Stem,
    Prefix1,
    Prefix2,
    Prefix3,
    Suffix1,
    Suffix2,
    Suffix3,
    Shape,
    Proclitic,
    PrevWord,
    PrevWord2,
    NextWord,
    NextWord2,
    PrevStem,
    NextStem,
    PrevBigram,
    NextBigram,
    Gazetteer,
    PrevGazetteer,
    NextGazetteer,
    GazetteerWord,
    Guess,
    PrevGuess,
    NextGuess,
    PersonTokens,
    Classes,
    PrevClasses,
    NextClasses,
    Nisba,
    PrevClassesStem,
    Unjoined,
    Memory,
    MemoryBest,
    MemoryOwn,
    FirstStage,
    MemoryPrev,
    MemoryNext,
    ClusterWord,
    ClusterStem,
    ClusterPrev,
    ClusterNext,
}

/// A stable 64-bit FNV-1a hash of a string, with a terminating `0xFF` (which never occurs in UTF-8).
/// Models must hash the same way in every build, so no std or Fx hasher (whose output may change between
/// versions) is used. Each token's strings are hashed once; features combine the hashes.
pub(crate) const fn hash_str(s: &str) -> u64 {
    let bytes = s.as_bytes();
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    let mut i = 0;
    while i < bytes.len() {
        hash = (hash ^ bytes[i] as u64).wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    (hash ^ 0xFF).wrapping_mul(0x0100_0000_01b3)
}

/// The hash of the empty string: the words beyond either end of the text.
const EMPTY: u64 = hash_str("");

/// A feature's hash: its template, then its parts (string hashes or numbers), each mixed in by a
/// rotate, xor and odd multiply; [`Hash::row`] finishes it with MurmurHash3's 64-bit finaliser.
struct Hash(u64);

const MIX: u64 = 0x9E37_79B9_7F4A_7C15;

impl Hash {
    fn new(template: T) -> Hash {
        Hash((template as u64 + 1).wrapping_mul(MIX))
    }

    fn part(self, value: u64) -> Hash {
        Hash((self.0.rotate_left(29) ^ value).wrapping_mul(MIX))
    }

    fn str(self, s: &str) -> Hash {
        self.part(hash_str(s))
    }

    fn num(self, n: u32) -> Hash {
        self.part(u64::from(n))
    }

    fn finish(self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }

    fn row(self, hashing: Hashing) -> u32 {
        // Multiplicative hashing: the top bits of the product depend on every bit of the hash.
        ((self.0 ^ hashing.seed).wrapping_mul(0xff51_afd7_ed55_8ccd) >> hashing.shift) as u32
    }
}

/// Where features land in a table of `2^bits` rows: the top `bits` bits of a product (`shift` = 64 −
/// `bits`), and a seed mixed into every feature hash so that another seed gives other collisions.
#[derive(Clone, Copy, Debug)]
struct Hashing {
    shift: u32,
    seed: u64,
}

impl Hashing {
    fn new(bits: u8, seed: u32) -> Hashing {
        Hashing {
            shift: 64 - u32::from(bits),
            seed: u64::from(seed).wrapping_mul(MIX),
        }
    }
}

/// What the features need to know about one token, computed once.
struct Info<'t> {
    /// [`hash_str`] of the normalised word and of `stem`.
    norm_hash: u64,
    stem_hash: u64,
    /// The normalised word without proclitics (article kept): وبالعراق → العراق.
    stem: Cow<'t, str>,
    /// The normalised proclitics: و, وب, ل …; empty when none.
    proclitic: Cow<'t, str>,
    /// The normalised word without a conjunction (وبغداد → بغداد), when the analyser offers that split
    /// (its first analysis keeps such words whole).
    unjoined: Cow<'t, str>,
    kind: TokenKind,
    /// 0, or 1 + kind × 2 + (0 first token, 1 later token) of a gazetteer mention.
    gazetteer: u32,
    /// How the mention was found (0 name, 1 short name, 2 nisba).
    source: u32,
    /// Like `gazetteer`, for rule guesses.
    guess: u32,
    rule: &'static str,
    person: bool,
    classes: u32,
    chars: usize,
    /// The cluster-table rows of the word and of its stem (else of the word without a conjunction, else
    /// of the word); [`NO_ROW`] when the clusters do not know it.
    word_row: u32,
    stem_row: u32,
}

/// The row of a word the clusters do not know.
const NO_ROW: u32 = u32::MAX;
/// The row of the words beyond either end of the text.
const EDGE_ROW: u32 = u32::MAX - 1;

const BOUNDARY: Info<'static> = Info {
    norm_hash: EMPTY,
    stem_hash: EMPTY,
    stem: Cow::Borrowed(""),
    proclitic: Cow::Borrowed(""),
    unjoined: Cow::Borrowed(""),
    kind: TokenKind::Punctuation,
    gazetteer: 0,
    source: 0,
    guess: 0,
    rule: "",
    person: false,
    classes: 0,
    chars: 0,
    word_row: EDGE_ROW,
    stem_row: EDGE_ROW,
};

fn kind_code(kind: EntityKind) -> u32 {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Organization => 1,
        EntityKind::Location => 2,
        _ => 3,
    }
}

/// Marks the tokens each span covers: `1 + kind × 2` on the first, `+ 1` on the others.
fn mark<I: Iterator<Item = (Span, EntityKind, u32)>>(
    tokens: &[Token<'_>],
    spans: I,
    mut set: impl FnMut(usize, u32, u32),
) {
    for (span, kind, extra) in spans {
        let from = tokens.partition_point(|t| t.span.end <= span.start);
        let mut first = true;
        for (t, token) in tokens.iter().enumerate().skip(from) {
            if token.span.start >= span.end {
                break;
            }
            let code = 1 + kind_code(kind) * 2 + u32::from(!first);
            set(t, code, extra);
            first = false;
        }
    }
}

/// A token's normalised word without its proclitics (article kept: وبالعراق → العراق) and the
/// normalised proclitics (empty when none). Fills `analyses` with the clitic analyses of a word that
/// starts with a proclitic letter and clears it otherwise. The tagger's stem features and the word
/// clusters of [`crate::clusters`] read words the same way.
pub(crate) fn split_proclitics<'t>(
    normalizer: &Normalizer,
    text: &'t str,
    token: &'t Token<'t>,
    analyses: &mut Vec<CliticAnalysis>,
) -> (Cow<'t, str>, Cow<'t, str>) {
    let norm: &str = &token.norm;
    analyses.clear();
    match text.get(token.span.range()) {
        // Only a word that starts with a proclitic letter (و ف ب ل ك س) can be split.
        Some(word)
            if token.kind == TokenKind::Arabic
                && word.starts_with(['و', 'ف', 'ب', 'ل', 'ك', 'س']) =>
        {
            clitics::analyze_into(word, token.span.start, analyses);
            match analyses.first() {
                Some(a)
                    if a.stem_with_article().start > token.span.start
                        && a.stem_with_article().end <= token.span.end =>
                {
                    let cut = a.stem_with_article().start;
                    let proclitic = text
                        .get(token.span.start..cut)
                        .map_or(Cow::Borrowed(""), |s| normalizer.normalize_str(s));
                    // Enclitics stay: a name rarely carries one, and the stem keeps its letters. The
                    // normaliser folds letter by letter, so the stem is the normalised word after the
                    // normalised proclitics, unless a fold crossed the cut.
                    let stem = match norm.strip_prefix(&*proclitic) {
                        Some(rest) if !rest.is_empty() => Cow::Borrowed(rest),
                        _ => text
                            .get(cut..token.span.end)
                            .map_or(Cow::Borrowed(norm), |s| normalizer.normalize_str(s)),
                    };
                    (stem, proclitic)
                }
                _ => (Cow::Borrowed(norm), Cow::Borrowed("")),
            }
        }
        _ => (Cow::Borrowed(norm), Cow::Borrowed("")),
    }
}

fn token_info<'t>(
    normalizer: &Normalizer,
    text: &'t str,
    token: &'t Token<'t>,
    recognizer: Option<&Recognizer>,
    analyses: &mut Vec<CliticAnalysis>,
) -> Info<'t> {
    let norm: &str = &token.norm;
    let (stem, proclitic) = split_proclitics(normalizer, text, token, analyses);
    let unjoined = if token.kind == TokenKind::Arabic && proclitic.is_empty() {
        conjunction_only(analyses)
            .and_then(|a| text.get(a.stem_with_article().start..token.span.end))
            .filter(|rest| rest.len() < token.text.len())
            .map_or(Cow::Borrowed(""), |rest| normalizer.normalize_str(rest))
    } else {
        Cow::Borrowed("")
    };
    let whole = proclitic.is_empty();
    let person = recognizer.is_some_and(|r| {
        r.is_name_token(&stem)
            || (!whole && r.is_name_token(norm))
            || (!unjoined.is_empty() && r.is_name_token(&unjoined))
    });
    let stem_bits = rules::bits(&stem);
    let norm_bits = if whole { stem_bits } else { rules::bits(norm) };
    let classes = u32::from(stem_bits)
        | u32::from(rules::is_nisba(&stem)) << 12
        | u32::from(norm_bits != 0) << 13;
    let chars = stem.chars().count();
    Info {
        norm_hash: hash_str(norm),
        stem_hash: hash_str(&stem),
        stem,
        proclitic,
        unjoined,
        kind: token.kind,
        gazetteer: 0,
        source: 0,
        guess: 0,
        rule: "",
        person,
        classes,
        chars,
        word_row: NO_ROW,
        stem_row: NO_ROW,
    }
}

/// The hash of a word for the document memory: without proclitics (a conjunction included) and without
/// the article, so that الأهلي، للأهلي and والأهلي are one word; 0 for tokens that are not words.
fn memory_key(info: &Info<'_>) -> u64 {
    if !matches!(info.kind, TokenKind::Arabic | TokenKind::Latin) || info.chars < 2 {
        return 0;
    }
    let word: &str = if info.unjoined.is_empty() {
        &info.stem
    } else {
        &info.unjoined
    };
    let bare = word
        .strip_prefix("ال")
        .or_else(|| {
            (!info.proclitic.is_empty())
                .then(|| word.strip_prefix('ل'))
                .flatten()
        })
        .filter(|rest| rest.chars().count() >= 2)
        .unwrap_or(word);
    Hash::new(T::Word).str(bare).finish().max(1)
}

fn shape(info: &Info<'_>) -> u32 {
    let kind = match info.kind {
        TokenKind::Arabic => 0,
        TokenKind::Latin => 1,
        TokenKind::Number => 2,
        TokenKind::Punctuation => 3,
        TokenKind::Quote => 4,
        _ => 5,
    };
    let length = match info.chars {
        0..=2 => info.chars,
        3..=5 => 3,
        6..=7 => 4,
        _ => 5,
    } as u32;
    let article = u32::from(info.stem.starts_with("ال"));
    kind * 64 + length * 2 + article
}

/// Computes the hashed features of every token into `out`.
fn extract(
    normalizer: &Normalizer,
    clusters: &ClassTable,
    text: &str,
    tokens: &[Token<'_>],
    evidence: &Evidence<'_>,
    hashing: Hashing,
    out: &mut Features,
) {
    let mut analyses = Vec::new();
    let mut infos: Vec<Info<'_>> = tokens
        .iter()
        .map(|t| token_info(normalizer, text, t, evidence.recognizer, &mut analyses))
        .collect();
    if !clusters.granularities.is_empty() {
        for info in &mut infos {
            info.word_row = clusters.row(info.norm_hash).unwrap_or(NO_ROW);
            info.stem_row = if info.stem_hash == info.norm_hash {
                info.word_row
            } else {
                clusters.row(info.stem_hash).unwrap_or(info.word_row)
            };
            if info.stem_row == NO_ROW && !info.unjoined.is_empty() {
                info.stem_row = clusters.row(hash_str(&info.unjoined)).unwrap_or(NO_ROW);
            }
        }
    }
    mark(
        tokens,
        evidence.mentions.iter().map(|m| {
            let source = match m.source {
                MatchSource::Name => 0,
                MatchSource::ShortName => 1,
                _ => 2,
            };
            (m.span, m.kind, source)
        }),
        |t, code, source| {
            if infos[t].gazetteer == 0 {
                infos[t].gazetteer = code;
                infos[t].source = source;
            }
        },
    );
    let rule_names: Vec<&'static str> = evidence.guesses.iter().map(|g| g.rule).collect();
    mark(
        tokens,
        evidence
            .guesses
            .iter()
            .enumerate()
            .map(|(i, g)| (g.span, g.kind, i as u32)),
        |t, code, i| {
            if infos[t].guess == 0 {
                infos[t].guess = code;
                infos[t].rule = rule_names[i as usize];
            }
        },
    );

    out.rows.clear();
    out.offsets.clear();
    out.offsets.push(0);
    out.keys.clear();
    out.keys.extend(infos.iter().map(memory_key));
    let at = |i: isize| -> &Info<'_> {
        usize::try_from(i)
            .ok()
            .and_then(|i| infos.get(i))
            .unwrap_or(&BOUNDARY)
    };
    for t in 0..infos.len() {
        let i = t as isize;
        let (me, prev, prev2, next, next2) = (at(i), at(i - 1), at(i - 2), at(i + 1), at(i + 2));
        let mut push = |h: Hash| out.rows.push(h.row(hashing));
        push(Hash::new(T::Bias));
        push(Hash::new(T::Word).part(me.norm_hash));
        push(Hash::new(T::Stem).part(me.stem_hash));
        if me.chars > 1 {
            let stem: &str = &me.stem;
            let mut starts = stem.char_indices().map(|(at, _)| at);
            let mut ends = stem.char_indices().rev().map(|(at, _)| at);
            for (n, prefix, suffix) in [
                (1, T::Prefix1, T::Suffix1),
                (2, T::Prefix2, T::Suffix2),
                (3, T::Prefix3, T::Suffix3),
            ] {
                if me.chars <= n {
                    break;
                }
                let (Some(_), Some(start)) = (starts.next(), ends.next()) else {
                    break;
                };
                let end = starts.clone().next().unwrap_or(stem.len());
                push(Hash::new(prefix).str(&stem[..end]));
                push(Hash::new(suffix).str(&stem[start..]));
            }
        }
        push(Hash::new(T::Shape).num(shape(me)));
        if !me.unjoined.is_empty() {
            push(Hash::new(T::Unjoined).str(&me.unjoined));
        }
        push(Hash::new(T::Proclitic).str(&me.proclitic));
        push(Hash::new(T::PrevWord).part(prev.norm_hash));
        push(Hash::new(T::PrevWord2).part(prev2.norm_hash));
        push(Hash::new(T::NextWord).part(next.norm_hash));
        push(Hash::new(T::NextWord2).part(next2.norm_hash));
        push(Hash::new(T::PrevStem).part(prev.stem_hash));
        push(Hash::new(T::NextStem).part(next.stem_hash));
        push(
            Hash::new(T::PrevBigram)
                .part(prev.stem_hash)
                .part(me.stem_hash),
        );
        push(
            Hash::new(T::NextBigram)
                .part(me.stem_hash)
                .part(next.stem_hash),
        );
        push(
            Hash::new(T::Gazetteer)
                .num(me.gazetteer)
                .num(me.source)
                .num(u32::from(me.proclitic.is_empty())),
        );
        push(Hash::new(T::PrevGazetteer).num(prev.gazetteer));
        push(Hash::new(T::NextGazetteer).num(next.gazetteer));
        if me.gazetteer != 0 {
            push(
                Hash::new(T::GazetteerWord)
                    .num(me.gazetteer)
                    .part(me.stem_hash),
            );
        }
        push(Hash::new(T::Guess).num(me.guess).str(me.rule));
        push(Hash::new(T::PrevGuess).num(prev.guess));
        push(Hash::new(T::NextGuess).num(next.guess));
        push(
            Hash::new(T::PersonTokens).num(
                u32::from(prev.person) | u32::from(me.person) << 1 | u32::from(next.person) << 2,
            ),
        );
        push(Hash::new(T::Classes).num(me.classes));
        push(Hash::new(T::PrevClasses).num(prev.classes));
        push(Hash::new(T::NextClasses).num(next.classes));
        push(
            Hash::new(T::Nisba)
                .num(next.classes >> 12 & 1)
                .num(shape(me)),
        );
        push(
            Hash::new(T::PrevClassesStem)
                .num(prev.classes)
                .num(u32::from(me.person)),
        );
        // Word, stem and the neighbours' stems at each granularity; the words two away (which the word
        // features use) added nothing on the held-out tenth of ANERcorp's training split.
        for g in 0..clusters.granularities.len() {
            let class = |row: u32| match row {
                NO_ROW | EDGE_ROW => row,
                row => clusters.classes_of(row).get(g).copied().unwrap_or(NO_ROW),
            };
            let g = g as u32;
            push(Hash::new(T::ClusterWord).num(g).num(class(me.word_row)));
            push(Hash::new(T::ClusterStem).num(g).num(class(me.stem_row)));
            push(Hash::new(T::ClusterPrev).num(g).num(class(prev.stem_row)));
            push(Hash::new(T::ClusterNext).num(g).num(class(next.stem_row)));
        }
        out.offsets.push(out.rows.len() as u32);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Gazetteer;
    use khabar_tokenize::Tokenizer;

    /// Trains on CoNLL-style lines: `word TAG` per line, blank line between sentences.
    fn train(conll: &str, epochs: usize) -> Tagger {
        let tokenizer = Tokenizer::new();
        let mut trainer = Tagger::trainer();
        trainer.table_bits(16).epochs(epochs);
        for block in conll.split("\n\n") {
            let mut text = String::new();
            let mut gold: Vec<(Span, EntityKind)> = Vec::new();
            for line in block.lines().filter(|l| !l.trim().is_empty()) {
                let (word, tag) = line.trim().rsplit_once(' ').unwrap();
                if !text.is_empty() {
                    text.push(' ');
                }
                let start = text.len();
                text.push_str(word);
                let end = text.len();
                if let Some(kind) = tag.strip_prefix("B-") {
                    gold.push((Span::new(start, end), kind.parse().unwrap()));
                } else if tag.starts_with("I-") {
                    gold.last_mut().unwrap().0.end = end;
                }
            }
            trainer.add(&text, &tokenizer.tokens(&text), &gold, &Evidence::default());
        }
        trainer.train()
    }

    const CORPUS: &str = "\
قال O
الرئيس O
عمر B-PER
البشير I-PER
إن O
السودان B-LOC
مستعد O

وزار O
وفد O
من O
وزارة B-ORG
الخارجية I-ORG
مدينة O
الخرطوم B-LOC

وقال O
الرئيس O
حسني B-PER
مبارك I-PER
في O
القاهرة B-LOC

والتقى O
الرئيس O
جاك B-PER
شيراك I-PER
في O
باريس B-LOC

وقال O
الرئيس O
جورج B-PER
بوش I-PER
في O
واشنطن B-LOC

وصل O
الوفد O
إلى O
مدينة O
بغداد B-LOC

وتحدث O
وفد O
من O
وزارة B-ORG
الداخلية I-ORG
في O
دمشق B-LOC
";

    fn names(tagger: &Tagger, text: &str) -> Vec<(String, EntityKind)> {
        let tokens = Tokenizer::new().tokens(text);
        tagger
            .find(text, &tokens, &Evidence::default())
            .into_iter()
            .map(|g| {
                assert_eq!(g.rule, "tagger");
                (text[g.span].to_string(), g.kind)
            })
            .collect()
    }

    #[test]
    fn learns_titles_and_places_from_a_tiny_corpus() {
        let tagger = train(CORPUS, 10);
        // A title followed by two unseen words is a person; مدينة introduces a place it has never seen.
        let text = "وقال الرئيس نيكولا ساركوزي في باريس";
        let found = names(&tagger, text);
        assert!(
            found.contains(&("نيكولا ساركوزي".to_string(), EntityKind::Person)),
            "{found:?}"
        );
        assert!(found.contains(&("باريس".to_string(), EntityKind::Location)));
        let text = "وصل الوفد إلى مدينة حلب";
        assert_eq!(
            names(&tagger, text),
            [("حلب".to_string(), EntityKind::Location)]
        );
    }

    #[test]
    fn spans_leave_out_proclitics() {
        let tagger = train(CORPUS, 10);
        let text = "وتحدث وفد من وزارة الداخلية في والخرطوم";
        let tokens = Tokenizer::new().tokens(text);
        let found = tagger.find(text, &tokens, &Evidence::default());
        let spans: Vec<&str> = found.iter().map(|g| &text[g.span]).collect();
        assert!(spans.contains(&"وزارة الداخلية"), "{spans:?}");
        assert!(spans.contains(&"الخرطوم"), "{spans:?}");
    }

    #[test]
    fn gazetteer_evidence_is_a_feature() {
        // Places are seen only through the gazetteer: the model learns that a mention is a place.
        let places = ["تومبوكتو", "كاتماندو", "أوغادوغو", "نواكشوط", "بيشكيك"];
        let mut builder = Gazetteer::builder();
        for (i, place) in places.iter().enumerate() {
            builder
                .add(crate::Entity::new(
                    i.to_string(),
                    EntityKind::Location,
                    *place,
                ))
                .unwrap();
        }
        let gazetteer = builder.build().unwrap();
        let tokenizer = Tokenizer::new();
        let mut trainer = Tagger::trainer();
        trainer.table_bits(14).epochs(20);
        for (text, place) in [
            ("سافر الوفد أمس إلى تومبوكتو", "تومبوكتو"),
            ("سافر الوفد أمس إلى مكان بعيد", ""),
            ("سافر الوفد أمس إلى كاتماندو", "كاتماندو"),
            ("عاد الوفد أمس إلى العمل", ""),
            ("عاد الوفد أمس إلى نواكشوط", "نواكشوط"),
            ("عاد الوفد أمس إلى مقره", ""),
        ] {
            let mentions = gazetteer.find(text);
            let gold: Vec<(Span, EntityKind)> = text
                .find(place)
                .filter(|_| !place.is_empty())
                .map(|s| (Span::new(s, s + place.len()), EntityKind::Location))
                .into_iter()
                .collect();
            let evidence = Evidence {
                mentions: &mentions,
                ..Evidence::default()
            };
            trainer.add(text, &tokenizer.tokens(text), &gold, &evidence);
        }
        let tagger = trainer.train();
        let text = "وصلت الطائرة أمس إلى أوغادوغو";
        let mentions = gazetteer.find(text);
        let evidence = Evidence {
            mentions: &mentions,
            ..Evidence::default()
        };
        let found = tagger.find(text, &tokenizer.tokens(text), &evidence);
        let spans: Vec<&str> = found.iter().map(|g| &text[g.span]).collect();
        assert_eq!(spans, ["أوغادوغو"], "{mentions:?} {found:?}");
        // Without the evidence the unseen word is not a place.
        assert!(
            tagger
                .find(text, &tokenizer.tokens(text), &Evidence::default())
                .is_empty()
        );
    }

    #[test]
    fn bytes_round_trip() {
        let tagger = train(CORPUS, 5);
        let bytes = tagger.to_bytes();
        let loaded = Tagger::from_bytes(&bytes).unwrap();
        assert_eq!(loaded.table, tagger.table);
        assert_eq!(loaded.stages, tagger.stages);
        assert!(!loaded.has_document_memory());
        let text = "وقال الرئيس حسني مبارك في القاهرة إن وزارة الخارجية";
        assert_eq!(names(&loaded, text), names(&tagger, text));
        assert!(!names(&loaded, text).is_empty());
        assert_eq!(loaded.to_bytes(), bytes);
    }

    #[test]
    fn document_memory_stage_trains_and_round_trips() {
        let tokenizer = Tokenizer::new();
        let mut trainer = Tagger::trainer();
        trainer.table_bits(14).epochs(5).document_memory(2);
        // Four one-story documents: a club introduced by نادي, then named bare.
        for club in ["الأهلي", "الزمالك", "الهلال", "النصر"] {
            trainer.new_document();
            for text in [
                format!("فاز نادي {club} أمس"),
                format!("وقال مدرب {club} إن الفريق جاهز"),
            ] {
                let start = text.find(club).unwrap();
                let gold = [(
                    Span::new(start, start + club.len()),
                    EntityKind::Organization,
                )];
                trainer.add(&text, &tokenizer.tokens(&text), &gold, &Evidence::default());
            }
        }
        let tagger = trainer.train();
        assert!(tagger.has_document_memory());
        let loaded = Tagger::from_bytes(&tagger.to_bytes()).unwrap();
        assert_eq!(loaded.stages, tagger.stages);
        assert_eq!(loaded.table, tagger.table);
        let text = "فاز نادي الاتحاد أمس\nوقال مدرب الاتحاد إن الفريق جاهز";
        let found = loaded.find(text, &tokenizer.tokens(text), &Evidence::default());
        let spans: Vec<&str> = found.iter().map(|g| &text[g.span]).collect();
        assert_eq!(spans, ["الاتحاد", "الاتحاد"]);
        assert!(found.iter().all(|g| g.kind == EntityKind::Organization));
    }

    /// A tagger trained where context cannot tell people from places (شاهدنا X), with clusters learnt
    /// from text where it can, and the same without clusters.
    fn trained_with_and_without_clusters() -> (Tagger, Tagger) {
        let names = ["محمد", "أحمد", "خالد", "سعد", "فهد", "سمير"];
        let places = ["بغداد", "دمشق", "عمان", "بيروت", "طهران", "موسكو"];
        let mut clusterer = Clusters::clusterer();
        clusterer.granularities(&[3, 5]).min_count(1);
        for name in names {
            clusterer.add(&format!("قال الوزير {name} إن الاتفاق مهم"));
        }
        for place in places {
            clusterer.add(&format!("سافر الوفد إلى {place} أمس"));
            clusterer.add(&format!("وصل الوزير إلى {place} صباح 12 مايو"));
        }
        let clusters = clusterer.build();
        let tokenizer = Tokenizer::new();
        let train = |clusters: Option<&Clusters>| {
            let mut trainer = Tagger::trainer();
            trainer.table_bits(14).epochs(10);
            if let Some(clusters) = clusters {
                trainer.clusters(clusters);
            }
            // سمير and موسكو are left for the test.
            for (word, kind) in names[..5]
                .iter()
                .map(|&n| (n, EntityKind::Person))
                .chain(places[..5].iter().map(|&p| (p, EntityKind::Location)))
            {
                let text = format!("شاهدنا {word} اليوم");
                let start = text.find(word).unwrap();
                let gold = [(Span::new(start, start + word.len()), kind)];
                trainer.add(&text, &tokenizer.tokens(&text), &gold, &Evidence::default());
            }
            trainer.train()
        };
        (train(Some(&clusters)), train(None))
    }

    #[test]
    fn clusters_carry_names_to_unseen_words() {
        let (with, without) = trained_with_and_without_clusters();
        assert_eq!(
            names(&with, "شاهدنا سمير اليوم"),
            [("سمير".to_string(), EntityKind::Person)]
        );
        assert_eq!(
            names(&with, "شاهدنا موسكو اليوم"),
            [("موسكو".to_string(), EntityKind::Location)]
        );
        // Without clusters the unseen word is judged by its form alone, and taken for a place.
        assert_eq!(
            names(&without, "شاهدنا سمير اليوم"),
            [("سمير".to_string(), EntityKind::Location)]
        );
        // The model keeps the clusters.
        let loaded = Tagger::from_bytes(&with.to_bytes()).unwrap();
        assert_eq!(loaded.clusters, with.clusters);
        assert_eq!(loaded.table, with.table);
        assert_eq!(
            names(&loaded, "شاهدنا سمير اليوم"),
            names(&with, "شاهدنا سمير اليوم")
        );
        assert_eq!(loaded.to_bytes(), with.to_bytes());
    }

    #[test]
    fn a_model_of_an_older_format_says_so() {
        let mut bytes = train(CORPUS, 2).to_bytes();
        bytes[8..12].copy_from_slice(&2u32.to_le_bytes());
        let shown = Tagger::from_bytes(&bytes).unwrap_err().to_string();
        assert!(
            shown.contains("format version 2") && shown.contains("train the model again"),
            "{shown}"
        );
    }

    #[test]
    fn bad_bytes_are_errors() {
        let bytes = train(CORPUS, 2).to_bytes();
        let bad: Vec<Vec<u8>> = vec![
            Vec::new(),
            b"KHABARGZ".to_vec(),
            bytes[..bytes.len() / 2].to_vec(),
            {
                let mut b = bytes.clone();
                let last = b.len() - 1;
                b[last] ^= 0x55;
                b
            },
            {
                let mut b = bytes.clone();
                b[8] = 99;
                b
            },
            Gazetteer::default().to_bytes(),
        ];
        for bytes in bad {
            let error = Tagger::from_bytes(&bytes).unwrap_err();
            assert!(matches!(error.kind(), ErrorKind::Model(_)), "{error}");
            assert!(error.to_string().contains("tagger model"), "{error}");
        }
    }

    #[test]
    fn empty_and_odd_input() {
        let tagger = train(CORPUS, 2);
        assert!(names(&tagger, "").is_empty());
        assert!(names(&tagger, "   \u{0640}\u{064E}  ").len() <= 1);
        let untrained = Tagger::trainer().table_bits(8).train();
        assert!(names(&untrained, "وقال الرئيس حسني مبارك").is_empty());
    }

    #[test]
    fn is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Tagger>();
        assert_send_sync::<Evidence<'static>>();
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;
        use std::sync::LazyLock;

        static TAGGER: LazyLock<Tagger> = LazyLock::new(|| train(CORPUS, 3));

        proptest! {
            #[test]
            fn spans_are_in_bounds(text in "[\\PC\u{0600}-\u{06FF} \u{0640}\u{064B}-\u{0652}a-z0-9.,،]{0,60}") {
                let tokens = Tokenizer::new().tokens(&text);
                let gazetteer = Gazetteer::default();
                let mentions = gazetteer.find(&text);
                let recognizer = Recognizer::new();
                let guesses = recognizer.find(&text, &tokens, &mentions);
                let evidence = Evidence { mentions: &mentions, guesses: &guesses, recognizer: Some(&recognizer) };
                for guess in TAGGER.find(&text, &tokens, &evidence) {
                    prop_assert!(guess.span.start < guess.span.end);
                    prop_assert!(text.get(guess.span.range()).is_some());
                }
            }
        }
    }
}
