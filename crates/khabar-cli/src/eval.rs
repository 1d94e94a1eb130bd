//! `khabar eval`: scores entities on CoNLL files (ANERcorp) and entities and attributions on gold JSON
//! lines, the way the annotation guide says.

use std::io::{self, Write as _};
use std::path::PathBuf;

use std::time::Instant;

use clap::{Args, Subcommand};
use khabar::gazetteer::clusters::Clusters;
use khabar::gazetteer::rules::{Guess, Recognizer};
use khabar::gazetteer::tagger::{Evidence, Tagger};
use khabar::gazetteer::{EntityKind, Gazetteer, Mention};
use khabar::tokenize::{OffsetIndex, Span, Tokenizer};
use khabar::{Analyzer, Name};
use khabar_eval::{
    AttributionDisagreement, CharSpan, EntitySpan, GoldAttribution, PredictedAttribution, Report,
    Sentence, attribution_disagreements, entity_disagreements, read_conll, read_gold_jsonl,
    score_attributions, score_entities_for,
};

/// What to score.
#[derive(Subcommand)]
pub enum EvalCommand {
    /// Entity P/R/F1 on a CoNLL/IOB2 file (ANERcorp): tokens are joined with spaces, analysed, and the
    /// mentions mapped back to token tags.
    Ner(NerArgs),
    /// Entity and attribution scores on gold JSON lines (`{"id", "text", "entities", "attributions"}`).
    Gold(GoldArgs),
    /// Writes a gazetteer (TSV) of the entities of a CoNLL training file, for `--gazetteer`. Keep it
    /// outside the repository: ANERcorp is CC BY-SA.
    Gazetteer(MakeGazetteerArgs),
    /// Trains the statistical tagger on a CoNLL training file and writes the model, for `--tagger`.
    /// Keep the model outside the repository: it is derived from its training data (ANERcorp: CC BY-SA).
    TrainTagger(TrainTaggerArgs),
    /// Learns word clusters from unlabelled text (JSON lines `{"id", "text"}`, as `khabar corpus` writes
    /// them), for `train-tagger --clusters`. Keep them outside the repository: they are derived from the
    /// corpus (SaudiNewsNet: CC BY-NC-SA).
    Clusters(ClustersArgs),
}

/// `khabar eval clusters`.
#[derive(Args)]
pub struct ClustersArgs {
    /// A JSON-lines corpus; repeatable.
    #[arg(long, required = true)]
    corpus: Vec<PathBuf>,
    /// Where to write the clusters (TSV: word, count, one class per granularity).
    #[arg(long, short)]
    output: PathBuf,
    /// The number of classes of each clustering, comma-separated.
    #[arg(long, value_delimiter = ',', default_values_t = [64, 256, 1024])]
    classes: Vec<u32>,
    /// Only words seen at least this often get a class.
    #[arg(long, default_value_t = 5)]
    min_count: u64,
    /// The most passes over the vocabulary.
    #[arg(long, default_value_t = 15)]
    iterations: usize,
    /// Cluster words without their proclitics (وبالعراق as العراق).
    #[arg(long)]
    stems: bool,
}

/// `khabar eval train-tagger`.
#[derive(Args)]
pub struct TrainTaggerArgs {
    /// The CoNLL training file.
    #[arg(long)]
    conll: PathBuf,
    /// Where to write the model.
    #[arg(long, short)]
    output: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = 10)]
    epochs: usize,
    /// The weight table has 2^bits rows.
    #[arg(long, default_value_t = 17)]
    bits: u8,
    /// A seed for the feature hashes: another seed gives other hash collisions, so training with a few
    /// shows how much of a difference in scores is chance.
    #[arg(long, default_value_t = 0)]
    seed: u32,
    /// Jackknifing: split the training file into this many folds and give each fold the gazetteer
    /// `khabar eval gazetteer` makes from the other folds, so that "in the gazetteer" is as unreliable in
    /// training as it is on unseen text. 0 or 1: no gazetteer from the training file.
    #[arg(long, default_value_t = 10)]
    folds: usize,
    /// Word clusters written by `khabar eval clusters`: the class of each word, of its stem and of its
    /// neighbours become features, and the model keeps the classes.
    #[arg(long, value_name = "FILE")]
    clusters: Option<PathBuf>,
    /// Train the document-memory stage, jackknifed over this many folds of documents (0: off).
    #[arg(long, default_value_t = 5)]
    memory_folds: usize,
    /// How many consecutive sentences make one document (CoNLL files mark no documents; ANERcorp keeps
    /// a story's sentences together).
    #[arg(long, default_value_t = 20)]
    document: usize,
    /// With `--folds`: the `--min-precision` of the fold gazetteers (see `khabar eval gazetteer`).
    #[arg(long, default_value_t = 0.5)]
    min_precision: f64,
    /// Gazetteers and rules that supply evidence, as at run time. Do not pass a gazetteer made from the
    /// training file itself: the model would learn to trust it blindly.
    #[command(flatten)]
    system: SystemArgs,
}

/// `khabar eval gazetteer`.
#[derive(Args)]
pub struct MakeGazetteerArgs {
    /// The CoNLL training file.
    #[arg(long)]
    conll: PathBuf,
    /// Where to write the TSV.
    #[arg(long, short)]
    output: PathBuf,
    /// Keep a one-word name only when the training data tags it as that entity at least this often
    /// (entity occurrences over all occurrences): drops names that are mostly common words.
    #[arg(long, default_value_t = 0.5)]
    min_precision: f64,
}

/// Which gazetteer and rules to evaluate.
#[derive(Args)]
pub struct SystemArgs {
    /// A gazetteer file (TSV or JSON lines) to add; repeatable.
    #[arg(long = "gazetteer", value_name = "FILE")]
    gazetteers: Vec<PathBuf>,
    /// Do not load the embedded default gazetteer.
    #[arg(long)]
    no_default_gazetteer: bool,
    /// Switch the context rules off (gazetteer alone).
    #[arg(long)]
    no_rules: bool,
    /// Print the scores as JSON.
    #[arg(long)]
    json: bool,
    /// A tagger model written by `khabar eval train-tagger`.
    #[arg(long, value_name = "MODEL")]
    tagger: Option<PathBuf>,
    /// How the tagger's names combine with the gazetteer's mentions and the rules' guesses.
    #[arg(long, value_enum, default_value_t = crate::Combine::All)]
    combine: crate::Combine,
}

/// `khabar eval ner`.
#[derive(Args)]
pub struct NerArgs {
    /// The CoNLL file.
    #[arg(long)]
    conll: PathBuf,
    /// Score MISC too (ignored by default: the annotation guide has no MISC).
    #[arg(long)]
    misc: bool,
    /// Print every missed (`-`) and wrong (`+`) entity to standard error, with its sentence number.
    #[arg(long)]
    errors: bool,
    /// Analyse this many consecutive sentences together as one text (default 1: each sentence alone).
    /// CoNLL files mark no documents; ANERcorp keeps a story's sentences together, and the tagger's
    /// document memory reads the whole text it is given.
    #[arg(long, default_value_t = 1)]
    document: usize,
    #[command(flatten)]
    system: SystemArgs,
}

/// `khabar eval gold`.
#[derive(Args)]
pub struct GoldArgs {
    /// The gold JSON-lines file.
    file: PathBuf,
    /// Print every disagreement with the gold to standard error, one a line after the document's id:
    /// a missed (`-`) or wrong (`+`) entity with its context, and for attributions a missed (`-`) or
    /// wrong (`+`) one, or an aligned one whose cue, source or content differ (`~`, gold then ours).
    #[arg(long)]
    errors: bool,
    #[command(flatten)]
    system: SystemArgs,
}

/// The system under evaluation: the [`Analyzer`] the options make, and the parts of it that training
/// the tagger reads on their own.
struct System {
    analyzer: Analyzer,
    tokenizer: Tokenizer,
    /// The rules, unless switched off.
    recognizer: Option<Recognizer>,
    /// The person-name tokens the tagger reads, whether or not the rules run.
    names: Recognizer,
}

impl System {
    fn new(args: &SystemArgs) -> io::Result<System> {
        System::with_tsv(args, None)
    }

    /// [`System::new`], with one more gazetteer given as TSV text (a jackknife fold's).
    fn with_tsv(args: &SystemArgs, tsv: Option<&str>) -> io::Result<System> {
        let mut builder = Gazetteer::builder();
        if !args.no_default_gazetteer {
            builder.add_default().map_err(io::Error::other)?;
        }
        for path in &args.gazetteers {
            builder.load(path).map_err(io::Error::other)?;
        }
        if let Some(tsv) = tsv {
            builder
                .add_tsv(tsv, "training fold")
                .map_err(io::Error::other)?;
        }
        let gazetteer = builder.build().map_err(io::Error::other)?;
        let names = Recognizer::new().with_gazetteer_names(&gazetteer);
        let recognizer = (!args.no_rules).then(|| names.clone());
        let mut analyzer = Analyzer::builder();
        analyzer
            .gazetteer(gazetteer)
            .rules(!args.no_rules)
            .combine(args.combine.into());
        if let Some(path) = &args.tagger {
            analyzer.tagger(crate::load_tagger(path)?);
        }
        Ok(System {
            analyzer: analyzer.build(),
            tokenizer: Tokenizer::new(),
            recognizer,
            names,
        })
    }

    /// The gazetteer's mentions and the rules' guesses: the tagger's evidence.
    fn evidence(&self, text: &str, tokens: &[khabar::Token<'_>]) -> (Vec<Mention>, Vec<Guess>) {
        let mentions = self.analyzer.gazetteer().find(text);
        let guesses = self
            .recognizer
            .as_ref()
            .map_or_else(Vec::new, |r| r.find(text, tokens, &mentions));
        (mentions, guesses)
    }
}

/// A CoNLL sentence as text (tokens joined by single spaces) and the byte offset of each token.
fn sentence_text(sentence: &Sentence) -> (String, Vec<usize>) {
    let mut text = String::new();
    let mut starts = Vec::with_capacity(sentence.tokens.len());
    for token in &sentence.tokens {
        if !text.is_empty() {
            text.push(' ');
        }
        starts.push(text.len());
        text.push_str(token);
    }
    (text, starts)
}

fn eval_kind(kind: EntityKind) -> Option<khabar_eval::EntityKind> {
    match kind {
        EntityKind::Person => Some(khabar_eval::EntityKind::Per),
        EntityKind::Organization => Some(khabar_eval::EntityKind::Org),
        EntityKind::Location => Some(khabar_eval::EntityKind::Loc),
        EntityKind::Misc => Some(khabar_eval::EntityKind::Misc),
        _ => None,
    }
}

/// Runs one evaluation and prints its report; returns whether it ran.
pub fn run(command: &EvalCommand) -> io::Result<bool> {
    let (report, json) = match command {
        EvalCommand::Ner(args) => (ner(args)?, args.system.json),
        EvalCommand::Gold(args) => (gold(args)?, args.system.json),
        EvalCommand::Gazetteer(args) => return make_gazetteer(args),
        EvalCommand::TrainTagger(args) => return train_tagger(args),
        EvalCommand::Clusters(args) => return make_clusters(args),
    };
    // Written, not printed: a closed pipe is an error the caller turns into a quiet exit.
    let mut stdout = io::stdout().lock();
    if json {
        let text = serde_json::to_string_pretty(&report).map_err(io::Error::other)?;
        writeln!(stdout, "{text}")?;
    } else {
        write!(stdout, "{report}")?;
    }
    stdout.flush()?;
    Ok(true)
}

fn ner(args: &NerArgs) -> io::Result<Report> {
    let system = System::new(&args.system)?;
    let sentences = read_conll(&args.conll).map_err(io::Error::other)?;
    let kinds: &[khabar_eval::EntityKind] = if args.misc {
        khabar_eval::EntityKind::ALL
    } else {
        khabar_eval::EntityKind::CORE
    };
    let mut report = Report::new();
    let group = args.document.max(1);
    let mut found: Vec<Vec<EntitySpan>> = Vec::with_capacity(sentences.len());
    for chunk in sentences.chunks(group) {
        // The sentences of a chunk are analysed as one text, one per line, like an article.
        let mut text = String::new();
        let mut offsets = Vec::with_capacity(chunk.len());
        let mut all_starts = Vec::with_capacity(chunk.len());
        for sentence in chunk {
            if !text.is_empty() {
                text.push('\n');
            }
            let (line, starts) = sentence_text(sentence);
            offsets.push(text.len());
            all_starts.push(starts);
            text.push_str(&line);
        }
        // A mention covering part of a clitic-glued token tags the whole token, as ANERcorp does.
        let mut taken: Vec<Vec<bool>> = chunk.iter().map(|s| vec![false; s.tokens.len()]).collect();
        let mut predicted: Vec<Vec<EntitySpan>> = vec![Vec::new(); chunk.len()];
        for Name { span, kind, .. } in system.analyzer.analyze(&text).names() {
            let Some(kind) = eval_kind(kind) else {
                continue;
            };
            let line = offsets
                .partition_point(|&o| o <= span.start)
                .saturating_sub(1);
            let offset = offsets[line];
            let line_end = offsets.get(line + 1).map_or(text.len(), |&o| o - 1);
            if span.end > line_end {
                continue;
            }
            let starts = &all_starts[line];
            let (start, end) = (span.start - offset, span.end - offset);
            let first = starts.partition_point(|&s| s <= start).saturating_sub(1);
            let last = starts.partition_point(|&s| s < end).saturating_sub(1);
            let taken = &mut taken[line];
            if first > last || taken[first..=last].iter().any(|&t| t) {
                continue;
            }
            taken[first..=last].fill(true);
            predicted[line].push(EntitySpan {
                kind,
                span: CharSpan::new(first, last + 1),
            });
        }
        found.extend(predicted);
    }
    for (n, (sentence, predicted)) in sentences.iter().zip(&found).enumerate() {
        let gold = sentence.entities();
        if args.errors {
            let name = |e: &EntitySpan| {
                format!(
                    "{} {}",
                    e.kind.as_str(),
                    sentence.tokens[e.span.start..e.span.end].join(" ")
                )
            };
            let disagreements = entity_disagreements(kinds, &gold, predicted);
            for e in &disagreements.missed {
                eprintln!("{n}\t- {}", name(e));
            }
            for e in &disagreements.spurious {
                eprintln!("{n}\t+ {}", name(e));
            }
        }
        report.add_entities(&score_entities_for(kinds, &gold, predicted));
    }
    report.documents = sentences.len();
    Ok(report)
}

fn gold(args: &GoldArgs) -> io::Result<Report> {
    let system = System::new(&args.system)?;
    let documents = read_gold_jsonl(&args.file).map_err(io::Error::other)?;
    let mut report = Report::new();
    for document in &documents {
        let text = document.text.as_str();
        let index = OffsetIndex::new(text);
        let chars = |span: Span| {
            let (start, end) = index.char_span(span);
            CharSpan::new(start, end)
        };
        let analysis = system.analyzer.analyze(text);
        let predicted: Vec<EntitySpan> = analysis
            .names()
            .into_iter()
            .filter_map(|Name { span, kind, .. }| {
                Some(EntitySpan {
                    kind: eval_kind(kind)?,
                    span: chars(span),
                })
            })
            .collect();
        let gold_entities = document.entity_spans();
        report.add_entities(&score_entities_for(
            khabar_eval::EntityKind::CORE,
            &gold_entities,
            &predicted,
        ));
        let attributions: Vec<PredictedAttribution> = analysis
            .attributions
            .iter()
            .map(|a| PredictedAttribution {
                cue: chars(a.cue),
                source: a.source.map(chars),
                content: chars(a.content),
            })
            .collect();
        report.add_attributions(&score_attributions(
            text,
            &document.attributions,
            &attributions,
        ));
        if args.errors {
            let id = document.id.as_str();
            print_entity_errors(id, text, &gold_entities, &predicted);
            print_attribution_errors(id, text, &document.attributions, &attributions);
        }
    }
    report.documents = documents.len();
    Ok(report)
}

/// The text of a char span of `text` (`chars` long; the span is cut to it), on one line.
fn char_text(text: &str, chars: usize, span: CharSpan) -> String {
    CharSpan::new(span.start.min(chars), span.end.min(chars))
        .slice(text)
        .unwrap_or_default()
        .replace(['\n', '\r'], " ")
}

/// A gold document's missed (`-`) and wrong (`+`) entities on standard error, each with a few words
/// of context: `ID<TAB>- PER الريحاني<TAB>… قام [الريحاني] بثلاث …`.
fn print_entity_errors(id: &str, text: &str, gold: &[EntitySpan], predicted: &[EntitySpan]) {
    const CONTEXT: usize = 25;
    let chars = text.chars().count();
    let line = |sign: char, e: &EntitySpan| {
        let before = CharSpan::new(e.span.start.saturating_sub(CONTEXT), e.span.start);
        let after = CharSpan::new(e.span.end, e.span.end + CONTEXT);
        let name = char_text(text, chars, e.span);
        eprintln!(
            "{id}\t{sign} {} {name}\t…{}[{name}]{}…",
            e.kind.as_str(),
            char_text(text, chars, before),
            char_text(text, chars, after),
        );
    };
    let disagreements = entity_disagreements(khabar_eval::EntityKind::CORE, gold, predicted);
    for e in &disagreements.missed {
        line('-', e);
    }
    for e in &disagreements.spurious {
        line('+', e);
    }
}

/// A gold document's attribution disagreements on standard error: `ID<TAB>- cue | source | content`
/// for a missed one, `+` for a wrong one, and `~ cue: source «gold» / «ours»` (and so for the content)
/// for an aligned one whose roles differ.
fn print_attribution_errors(
    id: &str,
    text: &str,
    gold: &[GoldAttribution],
    predicted: &[PredictedAttribution],
) {
    // A long span shows its two ends, where spans mostly disagree.
    const ENDS: usize = 40;
    let chars = text.chars().count();
    let show = |span: Option<CharSpan>| {
        let Some(span) = span else {
            return "—".to_string();
        };
        let slice = |s: CharSpan| char_text(text, chars, s);
        if span.len() <= 2 * ENDS + 10 {
            return slice(span);
        }
        let head = CharSpan::new(span.start, span.start + ENDS);
        let tail = CharSpan::new(span.end - ENDS, span.end);
        format!("{} … {}", slice(head), slice(tail))
    };
    let whole = |sign: char, cue: CharSpan, source: Option<CharSpan>, content: CharSpan| {
        eprintln!(
            "{id}\t{sign} {} | {} | {}",
            show(Some(cue)),
            show(source),
            show(Some(content))
        );
    };
    for disagreement in attribution_disagreements(text, gold, predicted) {
        match disagreement {
            AttributionDisagreement::Missed { gold: j } => {
                let g = &gold[j];
                whole('-', g.cue, g.source, g.content);
            }
            AttributionDisagreement::Spurious { predicted: i } => {
                let p = &predicted[i];
                whole('+', p.cue, p.source, p.content);
            }
            AttributionDisagreement::Differs {
                gold: j,
                predicted: i,
                cue,
                source,
                content,
            } => {
                let (g, p) = (&gold[j], &predicted[i]);
                let roles = [
                    (cue, "cue", Some(g.cue), Some(p.cue)),
                    (source, "source", g.source, p.source),
                    (content, "content", Some(g.content), Some(p.content)),
                ];
                for (_, role, theirs, ours) in roles.into_iter().filter(|r| r.0) {
                    eprintln!(
                        "{id}\t~ {}: {role} «{}» / «{}»",
                        show(Some(p.cue)),
                        show(theirs),
                        show(ours)
                    );
                }
            }
        }
    }
}

/// The entity names of a CoNLL file with their most frequent kind, as gazetteer TSV.
fn make_gazetteer(args: &MakeGazetteerArgs) -> io::Result<bool> {
    let sentences = read_conll(&args.conll).map_err(io::Error::other)?;
    let header = format!(
        "# entities of {} (generated by `khabar eval gazetteer`)",
        args.conll.display()
    );
    let (tsv, kept, dropped) = gazetteer_tsv(&sentences, args.min_precision, &header, "conll");
    std::fs::write(&args.output, tsv)?;
    eprintln!(
        "khabar: wrote {kept} entities to {} ({dropped} ambiguous one-word names left out)",
        args.output.display()
    );
    Ok(true)
}

/// The gazetteer TSV of `sentences` (see [`make_gazetteer`]), with the number of names kept and dropped.
fn gazetteer_tsv(
    sentences: &[Sentence],
    min_precision: f64,
    header: &str,
    id_prefix: &str,
) -> (String, usize, usize) {
    use std::collections::{BTreeMap, HashMap};
    use std::fmt::Write as _;

    // name -> kind -> count, and for one-word names how often the word occurs at all.
    let mut kinds: BTreeMap<String, BTreeMap<&'static str, usize>> = BTreeMap::new();
    let mut word_count: HashMap<&str, usize> = HashMap::new();
    for sentence in sentences {
        for token in &sentence.tokens {
            *word_count.entry(token.as_str()).or_default() += 1;
        }
        for entity in sentence.entities() {
            let label = match entity.kind {
                khabar_eval::EntityKind::Per => "PER",
                khabar_eval::EntityKind::Org => "ORG",
                khabar_eval::EntityKind::Loc => "LOC",
                _ => continue,
            };
            let name = sentence.tokens[entity.span.start..entity.span.end].join(" ");
            *kinds.entry(name).or_default().entry(label).or_default() += 1;
        }
    }
    let mut out = String::new();
    let _ = writeln!(out, "{header}");
    let (mut kept, mut dropped) = (0, 0);
    for (name, counts) in &kinds {
        let (kind, _) = counts
            .iter()
            .max_by_key(|(_, n)| **n)
            .expect("a name has a kind");
        let tagged: usize = counts.values().sum();
        let one_word = !name.contains(' ');
        let seen = word_count
            .get(name.as_str())
            .copied()
            .unwrap_or(tagged)
            .max(tagged);
        if name.contains(['\t', '|']) || (one_word && (tagged as f64) < min_precision * seen as f64)
        {
            dropped += 1;
            continue;
        }
        kept += 1;
        let _ = writeln!(out, "{id_prefix}:{kept}\t{kind}\t{name}\t\t");
    }
    (out, kept, dropped)
}

/// Adds one CoNLL sentence to the trainer, with the evidence `system` finds in it.
fn add_sentence(
    trainer: &mut khabar::gazetteer::tagger::Trainer,
    system: &System,
    sentence: &Sentence,
) {
    let (text, starts) = sentence_text(sentence);
    let gold: Vec<(Span, EntityKind)> = sentence
        .entities()
        .iter()
        .filter_map(|e| {
            let kind = match e.kind {
                khabar_eval::EntityKind::Per => EntityKind::Person,
                khabar_eval::EntityKind::Org => EntityKind::Organization,
                khabar_eval::EntityKind::Loc => EntityKind::Location,
                _ => return None,
            };
            let last = e.span.end.checked_sub(1)?;
            let start = *starts.get(e.span.start)?;
            let end = starts.get(last)? + sentence.tokens[last].len();
            Some((Span::new(start, end), kind))
        })
        .collect();
    let tokens = system.tokenizer.tokens(&text);
    let (mentions, guesses) = system.evidence(&text, &tokens);
    let evidence = Evidence {
        mentions: &mentions,
        guesses: &guesses,
        recognizer: Some(&system.names),
    };
    trainer.add(&text, &tokens, &gold, &evidence);
}

/// Trains the tagger (see [`TrainTaggerArgs`]).
fn train_tagger(args: &TrainTaggerArgs) -> io::Result<bool> {
    let started = Instant::now();
    let sentences = read_conll(&args.conll).map_err(io::Error::other)?;
    let mut trainer = Tagger::trainer();
    trainer
        .table_bits(args.bits)
        .hash_seed(args.seed)
        .epochs(args.epochs)
        .document_memory(args.memory_folds);
    if let Some(path) = &args.clusters {
        trainer.clusters(&Clusters::load(path).map_err(io::Error::other)?);
    }
    let folds = args.folds.max(1);
    // Contiguous folds: neighbouring sentences share a story and its names, and a held-out story is
    // what unseen text looks like.
    let fold_of = |i: usize| i * folds / sentences.len().max(1);
    for fold in 0..folds {
        let tsv = (folds > 1).then(|| {
            let others: Vec<Sentence> = sentences
                .iter()
                .enumerate()
                .filter(|&(i, _)| fold_of(i) != fold)
                .map(|(_, s)| s.clone())
                .collect();
            // Ids of their own: a user's gazetteer made by `eval gazetteer` (conll:N) may come along.
            gazetteer_tsv(&others, args.min_precision, "# training fold", "fold").0
        });
        let system = System::with_tsv(&args.system, tsv.as_deref())?;
        for (i, sentence) in sentences.iter().enumerate() {
            if fold_of(i) != fold {
                continue;
            }
            if i % args.document.max(1) == 0 {
                trainer.new_document();
            }
            add_sentence(&mut trainer, &system, sentence);
        }
    }
    let prepared = started.elapsed();
    let tagger = trainer.train();
    let bytes = tagger.to_bytes();
    std::fs::write(&args.output, &bytes)?;
    eprintln!(
        "khabar: trained on {} sentences ({} folds, {} epochs) in {:.1}s (features {:.1}s); wrote {} \
         ({:.1} MB)",
        trainer.len(),
        folds,
        args.epochs,
        started.elapsed().as_secs_f64(),
        prepared.as_secs_f64(),
        args.output.display(),
        bytes.len() as f64 / 1e6
    );
    Ok(true)
}

/// Learns word clusters (see [`ClustersArgs`]).
fn make_clusters(args: &ClustersArgs) -> io::Result<bool> {
    let started = Instant::now();
    let mut clusterer = Clusters::clusterer();
    clusterer
        .granularities(&args.classes)
        .min_count(args.min_count)
        .iterations(args.iterations)
        .stems(args.stems);
    let mut ok = true;
    for article in crate::input::articles(&args.corpus, true, true) {
        match article {
            Ok(article) => {
                clusterer.add(&article.text);
            }
            Err(failure) => {
                eprintln!("khabar: {failure}");
                ok = false;
            }
        }
    }
    let read = started.elapsed();
    let clusters = clusterer.build();
    let sources: Vec<String> = args
        .corpus
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    let header = format!(
        "word clusters of {} (generated by `khabar eval clusters`, minimum count {}{})",
        sources.join(", "),
        args.min_count,
        if args.stems { ", stems" } else { "" }
    );
    std::fs::write(&args.output, clusters.to_tsv(&header))?;
    eprintln!(
        "khabar: clustered {} words of {} tokens into {:?} classes in {:.1}s (reading {:.1}s); wrote {}",
        clusters.len(),
        clusterer.tokens(),
        args.classes,
        started.elapsed().as_secs_f64(),
        read.as_secs_f64(),
        args.output.display()
    );
    Ok(ok)
}
