//! `khabar`: analyse Arabic news from the command line — entities, attributions, tokens — and evaluate.

mod corpus;
mod eval;
mod input;

use std::io::{self, BufWriter, IoSlice, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::{Args, Parser, Subcommand, ValueEnum};
use khabar::{Analyzer, Gazetteer, OffsetUnit};
use rayon::prelude::*;

use input::Article;

#[derive(Parser)]
#[command(
    name = "khabar",
    version,
    about = "Who is mentioned and who said what in Arabic news"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Finds entities and attributions in files, directories or standard input.
    Analyze(AnalyzeArgs),
    /// Prints the tokens of the input.
    Tokenize(InputArgs),
    /// Prints the gazetteer mentions of the input.
    Match(AnalyzeArgs),
    /// Scores khabar against annotated data.
    #[command(subcommand)]
    Eval(eval::EvalCommand),
    /// Turns SaudiNewsNet zip files (one JSON array of articles each) into `{"id", "text"}` JSON lines.
    Corpus(corpus::CorpusArgs),
}

#[derive(Args, Clone)]
struct InputArgs {
    /// Files or directories (read recursively, in name order); standard input when none.
    paths: Vec<PathBuf>,
    /// Read JSON lines `{"id": …, "text": …}` instead of plain-text articles.
    #[arg(long, value_enum, default_value_t = InputFormat::Text)]
    input: InputFormat,
    /// Replace invalid UTF-8 instead of reporting the file.
    #[arg(long)]
    lossy: bool,
}

#[derive(Args, Clone)]
struct GazetteerArgs {
    /// A gazetteer file (TSV or JSON lines) to add; repeatable.
    #[arg(long = "gazetteer", value_name = "FILE")]
    gazetteers: Vec<PathBuf>,
    /// Do not load the embedded default gazetteer.
    #[arg(long)]
    no_default_gazetteer: bool,
    /// Also report nisba adjectives (العراقية) as links to their place (source "nisba").
    #[arg(long)]
    nisba: bool,
}

impl GazetteerArgs {
    fn build(&self) -> Result<Gazetteer, String> {
        if self.gazetteers.is_empty() && !self.no_default_gazetteer && !self.nisba {
            return Ok(Gazetteer::default());
        }
        let mut builder = Gazetteer::builder();
        if !self.no_default_gazetteer {
            builder.add_default().map_err(|e| e.to_string())?;
        }
        for path in &self.gazetteers {
            builder.load(path).map_err(|e| e.to_string())?;
        }
        builder.nisba(self.nisba).build().map_err(|e| e.to_string())
    }
}

#[derive(Args, Clone)]
struct AnalyzeArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    gazetteer: GazetteerArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
    /// Offset unit in JSON output.
    #[arg(long, value_enum, default_value_t = Offsets::Char)]
    offsets: Offsets,
    /// Include tokens in JSON output.
    #[arg(long)]
    tokens: bool,
    /// Worker threads for batches (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// Print a throughput summary on standard error at the end.
    #[arg(long)]
    stats: bool,
    /// Skip the context rules (gazetteer matches only).
    #[arg(long)]
    no_rules: bool,
    /// A tagger model written by `khabar eval train-tagger` (analyze only): its names join the
    /// gazetteer's and the rules' as `--combine` says.
    #[arg(long, value_name = "MODEL")]
    tagger: Option<PathBuf>,
    /// How the tagger's names combine with the gazetteer's mentions and the rules' guesses.
    #[arg(long, value_enum, default_value_t = Combine::All)]
    combine: Combine,
}

/// [`khabar::Combine`], as the command line names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Combine {
    /// Gazetteer mentions and rule guesses, then the tagger's names that overlap none of them (best on
    /// text read by the annotation guide).
    All,
    /// The tagger's names alone; a mention stays where the tagger found exactly its span and kind (best on
    /// text read by the conventions of the tagger's training data).
    Tagger,
    /// Gazetteer mentions, then the tagger's names that overlap none of them.
    GazetteerFirst,
    /// The tagger's names, then the gazetteer mentions that overlap none of them.
    TaggerFirst,
}

impl From<Combine> for khabar::Combine {
    fn from(combine: Combine) -> khabar::Combine {
        match combine {
            Combine::All => khabar::Combine::All,
            Combine::Tagger => khabar::Combine::Tagger,
            Combine::GazetteerFirst => khabar::Combine::GazetteerFirst,
            Combine::TaggerFirst => khabar::Combine::TaggerFirst,
        }
    }
}

/// Reads a tagger model, naming the file in any error.
fn load_tagger(path: &Path) -> io::Result<khabar::Tagger> {
    let bytes = std::fs::read(path)
        .map_err(|e| io::Error::new(e.kind(), format!("{}: cannot read: {e}", path.display())))?;
    khabar::Tagger::from_bytes(&bytes)
        .map_err(|e| io::Error::other(format!("{}: {e}", path.display())))
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum InputFormat {
    Text,
    Jsonl,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    Text,
    Json,
    Jsonl,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Offsets {
    Char,
    Byte,
    Utf16,
}

impl From<Offsets> for OffsetUnit {
    fn from(offsets: Offsets) -> OffsetUnit {
        match offsets {
            Offsets::Char => OffsetUnit::Char,
            Offsets::Byte => OffsetUnit::Byte,
            Offsets::Utf16 => OffsetUnit::Utf16,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(args) => analyze(&args, false),
        Command::Match(args) => analyze(&args, true),
        Command::Tokenize(args) => tokenize(&args),
        Command::Eval(command) => eval::run(&command),
        Command::Corpus(args) => corpus::run(&args),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("khabar: {error}");
            ExitCode::from(1)
        }
    }
}

/// `khabar analyze` and `khabar match`: analyses every input as it is read, writes the results in input
/// order, and names each input that failed on stderr; returns whether none failed.
fn analyze(args: &AnalyzeArgs, mentions_only: bool) -> io::Result<bool> {
    let gazetteer = args.gazetteer.build().map_err(io::Error::other)?;
    let mut builder = Analyzer::builder();
    builder
        .gazetteer(gazetteer)
        .rules(!args.no_rules && !mentions_only)
        .attributions(!mentions_only);
    if let (Some(path), false) = (&args.tagger, mentions_only) {
        builder
            .tagger(load_tagger(path)?)
            .combine(args.combine.into());
    }
    let analyzer = builder.build();
    if let Some(threads) = args.threads {
        // Only fails when a pool already exists, which cannot happen this early.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(threads.max(1))
            .build_global();
    }
    let mut articles = input::articles(
        &args.input.paths,
        args.input.input == InputFormat::Jsonl,
        args.input.lossy,
    );
    let mut ok = true;
    let started = Instant::now();
    let stdout = io::stdout();
    let color = stdout.is_terminal();
    let mut out = stdout.lock();
    let unit = OffsetUnit::from(args.offsets);
    let (mut total_articles, mut total_bytes) = (0usize, 0usize);
    let mut progress = Progress::new(articles.bytes_total);
    let threads = rayon::current_num_threads();
    // Chunks keep memory bounded and output in input order; each chunk is rendered in parallel.
    let mut write_chunk = |chunk: Chunk| -> io::Result<()> {
        ok &= chunk.failures.is_empty();
        for failure in &chunk.failures {
            eprintln!("khabar: {failure}");
        }
        let render_one = |article: &Article| render(&analyzer, article, args, unit, color);
        // One thread renders here rather than in a pool of one: handing each chunk over and waiting
        // for it cost about 3,500 futex and sched_yield calls over the 99 MB corpus.
        let rendered: Vec<Vec<u8>> = if threads > 1 {
            chunk.articles.par_iter().map(render_one).collect()
        } else {
            chunk.articles.iter().map(render_one).collect()
        };
        // A chunk's results go out whole, so a reader of a stream sees them without waiting for more.
        write_lines(&mut out, &rendered)?;
        out.flush()?;
        total_articles += chunk.articles.len();
        total_bytes += chunk.text_bytes;
        progress.advance(total_articles, total_bytes, chunk.input_read);
        Ok(())
    };
    if threads > 1 {
        // One thread reads (and parses) the next chunk while the pool analyses this one.
        std::thread::scope(|scope| -> io::Result<()> {
            let (sender, receiver) = std::sync::mpsc::sync_channel::<Chunk>(1);
            scope.spawn(move || {
                while let Some(chunk) = Chunk::read(&mut articles, threads) {
                    if sender.send(chunk).is_err() {
                        break;
                    }
                }
            });
            receiver.into_iter().try_for_each(&mut write_chunk)
        })?;
    } else {
        while let Some(chunk) = Chunk::read(&mut articles, threads) {
            write_chunk(chunk)?;
        }
    }
    out.flush()?;
    progress.finish();
    if args.stats {
        let seconds = started.elapsed().as_secs_f64();
        let mb = total_bytes as f64 / 1e6;
        eprintln!(
            "khabar: {total_articles} articles, {mb:.2} MB in {seconds:.3} s: {:.1} MB/s, {:.0} articles/s ({} threads)",
            mb / seconds.max(1e-9),
            total_articles as f64 / seconds.max(1e-9),
            rayon::current_num_threads()
        );
    }
    Ok(ok)
}

/// Articles read together, and the inputs that failed among them.
struct Chunk {
    articles: Vec<Article>,
    failures: Vec<input::Failure>,
    /// Bytes of text in `articles`.
    text_bytes: usize,
    /// Bytes of input read so far, when the chunk was complete.
    input_read: u64,
}

impl Chunk {
    /// The next chunk for `threads` threads: up to [`CHUNK_ARTICLES_PER_THREAD`] articles or
    /// [`CHUNK_BYTES_PER_THREAD`] of text a thread; `None` at the end.
    fn read(articles: &mut input::Articles, threads: usize) -> Option<Chunk> {
        let mut chunk = Chunk {
            articles: Vec::new(),
            failures: Vec::new(),
            text_bytes: 0,
            input_read: 0,
        };
        let (most_articles, most_bytes) = (
            CHUNK_ARTICLES_PER_THREAD * threads,
            CHUNK_BYTES_PER_THREAD * threads,
        );
        while chunk.articles.len() < most_articles && chunk.text_bytes < most_bytes {
            match articles.next() {
                Some(Ok(article)) => {
                    chunk.text_bytes += article.text.len();
                    chunk.articles.push(article);
                }
                Some(Err(failure)) => chunk.failures.push(failure),
                None => break,
            }
        }
        chunk.input_read = articles.bytes_read;
        (!chunk.articles.is_empty() || !chunk.failures.is_empty()).then_some(chunk)
    }
}

/// Articles analysed together, per thread: enough to keep every thread busy, few enough that memory
/// stays small and results come out steadily. A chunk's memory is touched afresh as the heap grows,
/// and a first touch is dear on a virtual machine: over the 99 MB corpus on one thread, chunks of 256
/// articles peaked at 23 MB with 5,340 page faults, chunks of 64 at 15 MB with 3,640, and ran 2–6 %
/// faster in each of four alternating runs.
const CHUNK_ARTICLES_PER_THREAD: usize = 64;
/// Text bytes analysed together per thread, for inputs of long articles.
const CHUNK_BYTES_PER_THREAD: usize = 2 << 20;

/// A progress line on standard error for long batches: only when standard error is a terminal, first
/// shown after half a second, then rewritten in place (carriage return) about twice a second.
struct Progress {
    enabled: bool,
    /// Input bytes in all, when known (files, not standard input).
    input_total: Option<u64>,
    started: Instant,
    shown: Option<Instant>,
}

impl Progress {
    const EVERY: Duration = Duration::from_millis(500);

    fn new(input_total: Option<u64>) -> Progress {
        Progress {
            enabled: io::stderr().is_terminal(),
            input_total,
            started: Instant::now(),
            shown: None,
        }
    }

    /// Shows `articles` and `bytes` of text done, after `input_read` bytes of input.
    fn advance(&mut self, articles: usize, bytes: usize, input_read: u64) {
        if !self.enabled {
            return;
        }
        let last = self.shown.unwrap_or(self.started);
        if last.elapsed() < Self::EVERY {
            return;
        }
        let seconds = self.started.elapsed().as_secs_f64().max(1e-9);
        let share = self
            .input_total
            .filter(|&total| total > 0)
            .map(|total| format!(" ({:.0}%)", 100.0 * input_read as f64 / total as f64))
            .unwrap_or_default();
        let mut err = io::stderr().lock();
        let _ = write!(
            err,
            "\rkhabar: {articles} articles{share}, {:.1} MB, {:.0} articles/s, {:.1} MB/s\x1b[K",
            bytes as f64 / 1e6,
            articles as f64 / seconds,
            bytes as f64 / 1e6 / seconds
        );
        let _ = err.flush();
        self.shown = Some(Instant::now());
    }

    /// Clears the line, if one was shown.
    fn finish(&mut self) {
        if self.shown.take().is_some() {
            let mut err = io::stderr().lock();
            let _ = write!(err, "\r\x1b[K");
            let _ = err.flush();
        }
    }
}

/// One article's output, whole, so parallel batches never interleave lines.
/// Writes `lines` whole, from where they were rendered: one `writev` system call for a chunk's lines
/// where the OS takes them all, and no copy into a buffer (a buffer copied every result, 4 % of the
/// batch's time).
fn write_lines(out: &mut impl Write, lines: &[Vec<u8>]) -> io::Result<()> {
    let mut slices: Vec<IoSlice<'_>> = lines
        .iter()
        .filter(|line| !line.is_empty())
        .map(|line| IoSlice::new(line))
        .collect();
    let mut unwritten = &mut slices[..];
    while !unwritten.is_empty() {
        match out.write_vectored(unwritten) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(written) => IoSlice::advance_slices(&mut unwritten, written),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

fn render(
    analyzer: &Analyzer,
    article: &Article,
    args: &AnalyzeArgs,
    unit: OffsetUnit,
    color: bool,
) -> Vec<u8> {
    let analysis = analyzer.analyze(&article.text);
    match args.format {
        OutputFormat::Json | OutputFormat::Jsonl => {
            let mut json = analysis.to_json(analyzer, unit, args.tokens);
            json.id = article.id.clone();
            if args.format == OutputFormat::Json {
                let mut line = serde_json::to_string_pretty(&json)
                    .unwrap_or_else(|e| format!("{{\"error\": {:?}}}", e.to_string()));
                line.push('\n');
                return line.into_bytes();
            }
            // Output runs 1.2 to 4.5 times the size of the text (sentences repeat it, names and
            // quotations again, and every name its entity, which weighs most in short articles): sized
            // for the most, the line seldom grows and is never copied on the way.
            let mut line = Vec::with_capacity(4 * article.text.len() + 256);
            json.write_compact(&mut line);
            line.push(b'\n');
            line
        }
        OutputFormat::Text => human(analyzer, &analysis, article, color).into_bytes(),
    }
}

fn human(
    analyzer: &Analyzer,
    analysis: &khabar::Analysis<'_>,
    article: &Article,
    color: bool,
) -> String {
    use std::fmt::Write as _;
    let paint = |code: &str, s: &str| {
        if color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    };
    let text = analysis.text;
    let mut out = String::new();
    let _ = writeln!(out, "{}", paint("1", &format!("== {}", article.name)));
    for m in &analysis.mentions {
        let entity = analyzer.gazetteer().entity(m.entity);
        let label = if m.source == khabar::gazetteer::MatchSource::Nisba {
            "nisba "
        } else {
            "entity"
        };
        let _ = writeln!(
            out,
            "  {} {:<3} {}  → {} ({})",
            paint("36", label),
            m.kind,
            &text[m.span],
            entity.id,
            entity.name
        );
    }
    for g in &analysis.guesses {
        let entity = g
            .entity
            .map(|id| analyzer.gazetteer().entity(id))
            .map(|e| format!(" → {} ({})", e.id, e.name))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  {} {:<3} {}{entity}  ({} rule)",
            paint("36", "entity"),
            g.kind,
            &text[g.span],
            g.rule
        );
    }
    for a in &analysis.attributions {
        let source = a.source.map_or("—", |s| &text[s]);
        let entity = a
            .source_entity
            .map(|id| format!(" → {}", analyzer.gazetteer().entity(id).id))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  {} {} | {}{} | {:?}",
            paint("33", "said"),
            &text[a.cue],
            source,
            entity,
            a.kind
        );
        let _ = writeln!(out, "      {}", &text[a.content]);
    }
    out
}

fn tokenize(args: &InputArgs) -> io::Result<bool> {
    let tokenizer = khabar::Tokenizer::new();
    let mut out = BufWriter::new(io::stdout().lock());
    let mut ok = true;
    for article in input::articles(&args.paths, args.input == InputFormat::Jsonl, args.lossy) {
        let article = match article {
            Ok(article) => article,
            Err(failure) => {
                eprintln!("khabar: {failure}");
                ok = false;
                continue;
            }
        };
        for token in tokenizer.tokenize(&article.text) {
            writeln!(
                out,
                "{}\t{}\t{:?}\t{}\t{}",
                token.span.start, token.span.end, token.kind, token.text, token.norm
            )?;
        }
    }
    out.flush()?;
    Ok(ok)
}
