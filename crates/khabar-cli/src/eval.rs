//! `khabar eval`: scores entities on CoNLL files (ANERcorp) and entities and attributions on gold JSON
//! lines, the way the annotation guide says.

use std::io::{self, Write as _};
use std::path::PathBuf;

use clap::{Args, Subcommand};
use khabar::attribution::Attributor;
use khabar::gazetteer::rules::Recognizer;
use khabar::gazetteer::{EntityKind, Gazetteer};
use khabar::tokenize::{OffsetIndex, Span, Tokenizer};
use khabar_eval::{
    CharSpan, EntitySpan, PredictedAttribution, Report, read_conll, read_gold_jsonl,
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
    #[command(flatten)]
    system: SystemArgs,
}

/// `khabar eval gold`.
#[derive(Args)]
pub struct GoldArgs {
    /// The gold JSON-lines file.
    file: PathBuf,
    #[command(flatten)]
    system: SystemArgs,
}

/// The system under evaluation: gazetteer, rules, attributor.
struct System {
    tokenizer: Tokenizer,
    gazetteer: Gazetteer,
    recognizer: Option<Recognizer>,
    attributor: Attributor,
}

impl System {
    fn new(args: &SystemArgs) -> io::Result<System> {
        let mut builder = Gazetteer::builder();
        if !args.no_default_gazetteer {
            builder.add_default().map_err(io::Error::other)?;
        }
        for path in &args.gazetteers {
            builder.load(path).map_err(io::Error::other)?;
        }
        let gazetteer = builder.build().map_err(io::Error::other)?;
        let recognizer =
            (!args.no_rules).then(|| Recognizer::new().with_gazetteer_names(&gazetteer));
        Ok(System {
            tokenizer: Tokenizer::new(),
            gazetteer,
            recognizer,
            attributor: Attributor::new(),
        })
    }

    /// Entity spans (byte spans) with their kinds: gazetteer mentions, then rule guesses.
    fn entities(&self, text: &str) -> (Vec<(Span, EntityKind)>, Vec<khabar::gazetteer::Mention>) {
        let mentions = self.gazetteer.find(text);
        let mut out: Vec<(Span, EntityKind)> = mentions.iter().map(|m| (m.span, m.kind)).collect();
        if let Some(recognizer) = &self.recognizer {
            let tokens = self.tokenizer.tokens(text);
            out.extend(
                recognizer
                    .find(text, &tokens, &mentions)
                    .into_iter()
                    .map(|g| (g.span, g.kind)),
            );
        }
        out.sort_by_key(|(span, _)| span.start);
        (out, mentions)
    }
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
    for sentence in &sentences {
        let mut text = String::new();
        let mut starts = Vec::with_capacity(sentence.tokens.len());
        for token in &sentence.tokens {
            if !text.is_empty() {
                text.push(' ');
            }
            starts.push(text.len());
            text.push_str(token);
        }
        // A mention covering part of a clitic-glued token tags the whole token, as ANERcorp does.
        let mut taken = vec![false; sentence.tokens.len()];
        let mut predicted = Vec::new();
        for (span, kind) in system.entities(&text).0 {
            let Some(kind) = eval_kind(kind) else {
                continue;
            };
            let first = starts
                .partition_point(|&s| s <= span.start)
                .saturating_sub(1);
            let last = starts.partition_point(|&s| s < span.end).saturating_sub(1);
            if first > last || taken[first..=last].iter().any(|&t| t) {
                continue;
            }
            taken[first..=last].fill(true);
            predicted.push(EntitySpan {
                kind,
                span: CharSpan::new(first, last + 1),
            });
        }
        report.add_entities(&score_entities_for(kinds, &sentence.entities(), &predicted));
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
        let (entities, mentions) = system.entities(text);
        let predicted: Vec<EntitySpan> = entities
            .into_iter()
            .filter_map(|(span, kind)| {
                Some(EntitySpan {
                    kind: eval_kind(kind)?,
                    span: chars(span),
                })
            })
            .collect();
        report.add_entities(&score_entities_for(
            khabar_eval::EntityKind::CORE,
            &document.entity_spans(),
            &predicted,
        ));
        let tokens = system.tokenizer.tokens(text);
        let attributions: Vec<PredictedAttribution> = system
            .attributor
            .extract(text, &tokens, &mentions)
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
    }
    report.documents = documents.len();
    Ok(report)
}

/// The entity names of a CoNLL file with their most frequent kind, as gazetteer TSV.
fn make_gazetteer(args: &MakeGazetteerArgs) -> io::Result<bool> {
    use std::collections::{BTreeMap, HashMap};
    use std::io::Write as _;

    let sentences = read_conll(&args.conll).map_err(io::Error::other)?;
    // name -> kind -> count, and for one-word names how often the word occurs at all.
    let mut kinds: BTreeMap<String, BTreeMap<&'static str, usize>> = BTreeMap::new();
    let mut word_count: HashMap<&str, usize> = HashMap::new();
    for sentence in &sentences {
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
    let mut out = io::BufWriter::new(std::fs::File::create(&args.output)?);
    writeln!(
        out,
        "# entities of {} (generated by `khabar eval gazetteer`)",
        args.conll.display()
    )?;
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
        if name.contains(['\t', '|'])
            || (one_word && (tagged as f64) < args.min_precision * seen as f64)
        {
            dropped += 1;
            continue;
        }
        kept += 1;
        writeln!(out, "conll:{kept}\t{kind}\t{name}\t\t")?;
    }
    out.flush()?;
    eprintln!(
        "khabar: wrote {kept} entities to {} ({dropped} ambiguous one-word names left out)",
        args.output.display()
    );
    Ok(true)
}
