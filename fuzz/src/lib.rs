//! The invariants khabar's fuzz targets check, one `check_*` function per target.
//!
//! Each function takes arbitrary bytes, turns them into the input of one stage (text, a small gazetteer,
//! a gazetteer file, normaliser switches) and panics when an invariant of DESIGN.md or of the API docs
//! does not hold: spans in bounds and on char boundaries, ordering, the normaliser's mapping round
//! trips, loader errors naming the origin and a real line. Not only "does not crash".
//!
//! The same file is compiled into the facade's `tests/fuzz_invariants.rs` (through `#[path]`), which
//! drives these checks from proptest and the seed article on stable Rust in CI.

use khabar::gazetteer::{ErrorKind, MatchSource};
use khabar::tokenize::clitics::PartKind;
use khabar::tokenize::{NormalizedText, sentence_spans};
use khabar::{
    Analyzer, Attribution, Attributor, Entity, Gazetteer, Mention, Normalizer, OffsetIndex,
    OffsetUnit, Span, Token, Tokenizer,
};
use std::sync::OnceLock;

/// The fuzz input as text: invalid UTF-8 is replaced, so seeds of real Arabic stay meaningful.
pub fn text_of(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// Asserts that `span` selects a valid, possibly empty, slice of `text`.
pub fn assert_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} out of bounds (len {}) in {text:?}",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} not on char boundaries in {text:?}"
    );
}

/// Asserts that `span` is valid and not empty.
pub fn assert_nonempty_span(text: &str, span: Span, what: &str) {
    assert_span(text, span, what);
    assert!(
        span.start < span.end,
        "{what} {span:?} is empty in {text:?}"
    );
}

// -------------------------------------------------------------------------------------------------
// Normalisation.

/// A normaliser whose thirteen switches are the low bits of two bytes.
pub fn normalizer_from(bits: u16) -> Normalizer {
    let on = |i: u32| bits & (1 << i) != 0;
    Normalizer::builder()
        .presentation_forms(on(0))
        .tatweel(on(1))
        .diacritics(on(2))
        .alef(on(3))
        .alef_maqsura(on(4))
        .teh_marbuta(on(5))
        .hamza_carriers(on(6))
        .persian_letters(on(7))
        .digits(on(8))
        .invisible(on(9))
        .spaces(on(10))
        .collapse_whitespace(on(11))
        .quotes(on(12))
        .build()
}

/// The char boundaries of `text`, its end included.
fn boundaries(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect()
}

/// At most about `max` of `items`: all of them when few, else the first and last quarter-`max` and an
/// even sample in between, so that the checks stay fast on megabyte inputs.
fn sample(items: &[usize], max: usize) -> Vec<usize> {
    if items.len() <= max {
        return items.to_vec();
    }
    let edge = max / 4;
    let step = items.len() / (max / 2);
    let mut out: Vec<usize> = items[..edge].to_vec();
    out.extend(items[edge..items.len() - edge].iter().step_by(step.max(1)));
    out.extend(&items[items.len() - edge..]);
    out
}

/// Checks the alignment of one normalisation in both directions.
/// Whether `c` normalises to nothing: a dropped mark or invisible character, or a presentation form
/// whose compatibility decomposition is only removable marks (ﹰ is a space and a fathatan).
fn vanishes(normalizer: &Normalizer, c: char) -> bool {
    normalizer
        .normalize_str(c.encode_utf8(&mut [0; 4]))
        .is_empty()
}

pub fn check_normalized(normalizer: &Normalizer, text: &str) {
    let normalized = normalizer.normalize(text);
    let norm = normalized.as_str();
    assert_eq!(normalized.original(), text);
    assert_eq!(
        normalizer.normalize_str(text),
        norm,
        "normalize_str differs"
    );
    let drops = |s: &str| {
        s.chars()
            .all(|c| khabar::tokenize::is_invisible(c) || vanishes(normalizer, c))
    };

    // The whole normalised text maps back to the whole text, less removed characters at the edges.
    let whole = normalized.to_original(Span::new(0, norm.len()));
    assert_span(text, whole, "to_original(whole)");
    assert!(
        drops(&text[..whole.start]) && drops(&text[whole.end..]),
        "to_original(whole) = {whole:?} leaves kept characters out of {text:?} (normalised {norm:?})"
    );

    // Each normalised character maps to a valid original span; the spans run forwards.
    let norm_bounds = boundaries(norm);
    let mut previous = Span::new(0, 0);
    for i in sample(
        &(0..norm_bounds.len().saturating_sub(1)).collect::<Vec<_>>(),
        4096,
    ) {
        let (start, end) = (norm_bounds[i], norm_bounds[i + 1]);
        let span = normalized.to_original(Span::new(start, end));
        assert_span(text, span, "to_original(char)");
        assert!(
            span.start >= previous.start && span.end >= previous.end,
            "to_original goes backwards: {previous:?} then {span:?} for {:?} in {text:?}",
            &norm[start..end]
        );
        previous = span;
    }

    // Every original char (and runs of them) maps to a valid normalised span, and back to a span that
    // contains it, unless it starts at a removed character or ends with an invisible one (documented).
    let orig_bounds = boundaries(text);
    let step = (orig_bounds.len() / 64).max(1);
    for i in sample(&(0..orig_bounds.len()).collect::<Vec<_>>(), 2048) {
        let start = orig_bounds[i];
        for &end in orig_bounds[i..].iter().step_by(step).take(8) {
            round_trip(normalizer, &normalized, Span::new(start, end));
        }
        if i + 1 < orig_bounds.len() {
            round_trip(
                normalizer,
                &normalized,
                Span::new(start, orig_bounds[i + 1]),
            );
        }
    }
}

fn round_trip(normalizer: &Normalizer, normalized: &NormalizedText<'_>, s: Span) {
    let text = normalized.original();
    let norm = normalized.as_str();
    let n = normalized.to_normalized(s);
    assert_span(norm, n, "to_normalized");
    let back = normalized.to_original(n);
    assert_span(text, back, "to_original(to_normalized)");
    let piece = &text[s.range()];
    let Some(first) = piece.chars().next() else {
        return;
    };
    let last = piece.chars().next_back().unwrap_or(first);
    // Removed characters: the drops (marks, tatweel, invisible ones) and, when whitespace is collapsed,
    // the second and later characters of a run, which normalise to nothing.
    let first_span = Span::new(s.start, s.start + first.len_utf8());
    let removed = vanishes(normalizer, first) || normalized.to_normalized(first_span).is_empty();
    // to_original leaves invisible characters out at both ends when the fold removed them, so a span
    // starting or ending with one is exempt too.
    let invisible = khabar::tokenize::is_invisible;
    if removed || invisible(first) || invisible(last) {
        return;
    }
    assert!(
        back.contains(s),
        "to_original(to_normalized({s:?} = {piece:?})) = {back:?} = {:?} does not contain it; \
         normalised {n:?} = {:?} in {text:?}",
        &text[back.range()],
        &norm[n.range()]
    );
}

/// Fuzz target `normalize`: two bytes of switches, then the text.
pub fn check_normalize(data: &[u8]) {
    let (bits, rest) = match data {
        [a, b, rest @ ..] => (u16::from_le_bytes([*a, *b]), rest),
        _ => (0xFFFF, data),
    };
    let text = text_of(rest);
    check_normalized(&normalizer_from(bits), &text);
    check_normalized(&Normalizer::new(), &text);
}

// -------------------------------------------------------------------------------------------------
// Tokens and sentences.

/// Checks tokens (ordered, disjoint, non-empty, no whitespace), their clitic analyses and the sentences.
pub fn check_tokens(text: &str, tokens: &[Token<'_>]) {
    let mut prev_end = 0;
    for token in tokens {
        assert_nonempty_span(text, token.span, "token");
        assert!(
            token.span.start >= prev_end,
            "tokens overlap or go backwards at {:?} in {text:?}",
            token.span
        );
        prev_end = token.span.end;
        assert_eq!(&text[token.span.range()], token.text);
        assert!(
            !token.text.chars().any(char::is_whitespace),
            "whitespace inside token {:?}",
            token.text
        );
        for analysis in token.clitics() {
            let parts = analysis.parts();
            assert!(
                !parts.is_empty(),
                "empty clitic analysis of {:?}",
                token.text
            );
            assert_eq!(
                parts.iter().filter(|p| p.kind == PartKind::Stem).count(),
                1,
                "not exactly one stem in {analysis:?} of {:?}",
                token.text
            );
            let mut at = token.span.start;
            for part in parts {
                assert_nonempty_span(text, part.span, "clitic part");
                assert!(
                    token.span.contains(part.span) && part.span.start >= at,
                    "clitic part {part:?} outside or out of order in token {:?} {:?}",
                    token.text,
                    token.span
                );
                at = part.span.end;
            }
            assert!(token.span.contains(analysis.stem()));
            assert!(token.span.contains(analysis.stem_with_article()));
        }
    }
    let sentences = sentence_spans(text, tokens);
    let mut prev_end = 0;
    for s in &sentences {
        assert_nonempty_span(text, *s, "sentence");
        assert!(
            s.start >= prev_end,
            "sentences overlap at {s:?} in {text:?}"
        );
        prev_end = s.end;
    }
    // Every token lies in exactly one sentence, and sentences start and end at tokens (both lists are
    // in text order, so one walk checks it).
    let mut tokens_left = tokens.iter().peekable();
    for s in &sentences {
        let first = tokens_left.next().expect("a sentence without tokens");
        assert_eq!(
            first.span.start, s.start,
            "sentence {s:?} does not start at a token"
        );
        let mut last = first;
        while let Some(t) = tokens_left.next_if(|t| t.span.end <= s.end) {
            last = t;
        }
        assert_eq!(
            last.span.end, s.end,
            "sentence {s:?} does not end at a token"
        );
    }
    assert!(
        tokens_left.next().is_none(),
        "tokens after the last sentence in {text:?}"
    );
}

/// Fuzz target `tokenize`.
pub fn check_tokenize(data: &[u8]) {
    let text = text_of(data);
    let tokenizer = Tokenizer::new();
    let tokens = tokenizer.tokens(&text);
    let streamed: Vec<Token<'_>> = tokenizer.tokenize(&text).collect();
    assert_eq!(tokens, streamed, "tokens() and tokenize() differ");
    check_tokens(&text, &tokens);
    // Tokens cover every character that is not whitespace or an invisible control the tokenizer skips.
    let mut covered = vec![false; text.len()];
    for t in &tokens {
        covered[t.span.range()].iter_mut().for_each(|c| *c = true);
    }
    for (at, ch) in text.char_indices() {
        assert!(
            covered[at] || khabar::tokenize::chars::is_separator(ch),
            "{ch:?} at {at} is in no token: {text:?}"
        );
    }
}

// -------------------------------------------------------------------------------------------------
// Gazetteer matching.

/// Checks mentions: valid spans, text order, no overlaps (proclitics included), proclitics glued right
/// in front, entity and alias indexes valid.
pub fn check_mentions(g: &Gazetteer, text: &str, mentions: &[Mention]) {
    let mut prev_end = 0;
    for m in mentions {
        assert_nonempty_span(text, m.span, "mention");
        let outer = match m.proclitic {
            Some(p) => {
                assert_nonempty_span(text, p, "proclitic");
                assert!(
                    p.end <= m.span.start,
                    "proclitic {p:?} after its mention {:?}",
                    m.span
                );
                // Only removed characters (marks, tatweel, invisible ones) may sit in between.
                assert!(
                    text[p.end..m.span.start]
                        .chars()
                        .all(|c| vanishes(g.normalizer(), c)),
                    "{:?} between proclitic and name in {text:?}",
                    &text[p.end..m.span.start]
                );
                p.start
            }
            None => m.span.start,
        };
        assert!(
            outer >= prev_end,
            "mentions overlap or go backwards at {:?} in {text:?}",
            m.span
        );
        prev_end = m.span.end;
        assert!(m.entity.index() < g.len());
        let entity = g.entity(m.entity);
        assert_eq!(m.kind, entity.kind);
        assert!((m.alias as usize) < entity.names().count());
        for other in &m.also {
            assert!(other.index() < g.len() && *other != m.entity);
        }
    }
}

/// A gazetteer from fuzz bytes: the first byte says how many of the first lines are entities (names
/// separated by `|`), the remaining lines are the text. Returns `None` when it does not build, after
/// checking that the error is the documented one.
pub fn gazetteer_from(data: &[u8]) -> (Option<Gazetteer>, String, Vec<Entity>) {
    let (count, rest) = match data {
        [n, rest @ ..] => (usize::from(*n % 6) + 1, rest),
        [] => (1, data),
    };
    let input = text_of(rest);
    let mut lines = input.split('\n');
    let mut entities = Vec::new();
    for (i, line) in lines.by_ref().take(count).enumerate() {
        let mut names = line.split('|');
        let name = names.next().unwrap_or_default();
        let kind = [
            khabar::EntityKind::Person,
            khabar::EntityKind::Organization,
            khabar::EntityKind::Location,
            khabar::EntityKind::Misc,
        ][i % 4];
        entities.push(Entity::new(format!("e{i}"), kind, name).with_aliases(names));
    }
    let text: Vec<&str> = lines.collect();
    let text = text.join("\n");
    let mut builder = Gazetteer::builder();
    for e in &entities {
        if let Err(err) = builder.add(e.clone()) {
            assert!(
                matches!(err.kind(), ErrorKind::EmptyName { .. }),
                "unexpected add error {err}"
            );
            assert!(e.name.trim().is_empty(), "{err} for {e:?}");
            return (None, text, entities);
        }
    }
    match builder.build() {
        Ok(g) => (Some(g), text, entities),
        Err(err) => {
            let ErrorKind::EmptyName { name, .. } = err.kind() else {
                panic!("unexpected build error {err}");
            };
            let folded = Normalizer::builder()
                .collapse_whitespace(true)
                .quotes(true)
                .build()
                .normalize_str(name.trim())
                .trim()
                .to_string();
            assert!(
                folded.is_empty(),
                "{name:?} rejected but normalises to {folded:?}"
            );
            (None, text, entities)
        }
    }
}

/// Whether a normalised name is plain Arabic words (two or more), which must be found when it is the
/// whole text.
fn plain_multiword(norm: &str) -> bool {
    let words: Vec<&str> = norm.split(' ').collect();
    words.len() >= 2
        && words.iter().all(|w| {
            w.chars().count() >= 2 && w.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c))
        })
}

/// Fuzz target `gazetteer`: a random small gazetteer and a text.
pub fn check_gazetteer(data: &[u8]) {
    let (g, text, entities) = gazetteer_from(data);
    let Some(g) = g else { return };
    let mentions = g.find(&text);
    check_mentions(&g, &text, &mentions);
    let loaded = Gazetteer::from_bytes(&g.to_bytes()).expect("a saved gazetteer loads");
    assert_eq!(mentions, loaded.find(&text));
    for e in &entities {
        for name in e.names() {
            let found = g.find(name);
            check_mentions(&g, name, &found);
            let norm = g.normalizer().normalize_str(name.trim()).trim().to_string();
            if plain_multiword(&norm) {
                // Whole, less what the normaliser removes or the trim skips at the edges.
                let outside = |s: &str| {
                    s.chars()
                        .all(|c| vanishes(g.normalizer(), c) || c.is_whitespace())
                };
                let whole = found.iter().any(|m| {
                    let start = m.proclitic.map_or(m.span.start, |p| p.start);
                    m.source == MatchSource::Name
                        && outside(&name[..start])
                        && outside(&name[m.span.end..])
                });
                assert!(
                    whole,
                    "name {name:?} (normalised {norm:?}) alone is not found whole: {found:?}"
                );
            }
        }
    }
}

// -------------------------------------------------------------------------------------------------
// Gazetteer files.

/// Checks one loader on `text`: errors name the origin and a real line; what loads round-trips
/// through JSON lines; what builds can be searched.
fn check_loader(text: &str, origin: &str, tsv: bool) {
    let mut builder = Gazetteer::builder();
    let loaded = if tsv {
        builder.add_tsv(text, origin)
    } else {
        builder.add_jsonl(text, origin)
    };
    let lines = text.lines().count();
    let line_of = |err: &khabar::gazetteer::Error| -> usize {
        let message = err.to_string();
        let rest = message
            .strip_prefix(origin)
            .and_then(|r| r.strip_prefix(':'))
            .unwrap_or_else(|| panic!("error {message:?} does not start with {origin}:"));
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let line: usize = digits
            .parse()
            .unwrap_or_else(|_| panic!("error {message:?} names no line"));
        assert!(
            (1..=lines.max(1)).contains(&line),
            "error {message:?} names line {line} of {lines}"
        );
        line
    };
    if let Err(err) = loaded {
        line_of(&err);
        if let ErrorKind::Parse {
            line, origin: o, ..
        } = err.kind()
        {
            assert_eq!(o, origin);
            assert!(*line >= 1 && *line <= lines.max(1));
        }
        return;
    }
    let built = builder.build();
    let g = match built {
        Ok(g) => g,
        Err(err) => {
            assert!(matches!(err.kind(), ErrorKind::EmptyName { .. }), "{err}");
            line_of(&err);
            return;
        }
    };
    let jsonl: String = g
        .entities()
        .iter()
        .map(|e| serde_json::to_string(e).expect("entities serialise") + "\n")
        .collect();
    let again = Gazetteer::builder()
        .add_jsonl(&jsonl, "again.jsonl")
        .and_then(|b| b.build())
        .unwrap_or_else(|e| panic!("{e} when reloading {jsonl:?}"));
    assert_eq!(g.entities(), again.entities(), "JSON lines round trip");
    for e in g.entities().iter().take(8) {
        for name in e.names().take(4) {
            check_mentions(&g, name, &g.find(name));
        }
    }
}

/// Fuzz target `loaders`: the bytes as a TSV file and as a JSON-lines file.
pub fn check_loaders(data: &[u8]) {
    let text = text_of(data);
    check_loader(&text, "fuzz.tsv", true);
    check_loader(&text, "fuzz.jsonl", false);
}

// -------------------------------------------------------------------------------------------------
// Attribution and the whole pipeline.

/// Checks attributions: valid spans, cue order, source kind only with a source, continuation indexes.
pub fn check_attributions(text: &str, attributions: &[Attribution]) {
    let mut prev_cue = 0;
    for (i, a) in attributions.iter().enumerate() {
        assert_nonempty_span(text, a.cue, "cue");
        assert!(
            a.cue.start >= prev_cue,
            "attributions not in cue order in {text:?}"
        );
        prev_cue = a.cue.start;
        assert_span(text, a.content, "content");
        if let Some(source) = a.source {
            assert_nonempty_span(text, source, "source");
            // An inherited source (a continuation) is the earlier attribution's, wherever it is.
            assert!(
                a.continues.is_some() || !source.overlaps(a.cue),
                "source {source:?} overlaps cue {:?} in {text:?}",
                a.cue
            );
        } else {
            assert!(a.source_kind.is_none() && a.source_entity.is_none() || a.continues.is_some());
        }
        assert!(
            !a.content.overlaps(a.cue),
            "content overlaps cue in {text:?}"
        );
        if let Some(c) = a.continues {
            assert!(c < attributions.len() && c != i, "continues {c} from {i}");
        }
    }
}

fn default_attributor() -> &'static Attributor {
    static A: OnceLock<Attributor> = OnceLock::new();
    A.get_or_init(Attributor::new)
}

/// Fuzz target `attribution`.
pub fn check_attribution(data: &[u8]) {
    let text = text_of(data);
    let found = default_attributor().find(&text);
    check_attributions(&text, &found);
    let tokens = Tokenizer::new().tokens(&text);
    assert_eq!(found, default_attributor().extract(&text, &tokens, &[]));
}

fn default_analyzer() -> &'static Analyzer {
    static A: OnceLock<Analyzer> = OnceLock::new();
    A.get_or_init(Analyzer::new)
}

/// Checks a whole analysis and its JSON views in every offset unit; returns the analysis.
pub fn check_analysis<'t>(analyzer: &Analyzer, text: &'t str) -> khabar::Analysis<'t> {
    let analysis = analyzer.analyze(text);
    check_tokens(text, &analysis.tokens);
    assert_eq!(analysis.sentences, sentence_spans(text, &analysis.tokens));
    check_mentions(analyzer.gazetteer(), text, &analysis.mentions);
    for guess in &analysis.guesses {
        assert_nonempty_span(text, guess.span, "guess");
        assert!(
            !analysis
                .mentions
                .iter()
                .any(|m| m.span.overlaps(guess.span)),
            "guess {:?} overlaps a gazetteer mention in {text:?}",
            guess.span
        );
    }
    // Every name in one list, in text order, none overlapping another: no guess overlaps a mention
    // (above), nor, the rules promise, another guess.
    let names = analysis.names();
    assert_eq!(
        names.len(),
        analysis.mentions.len() + analysis.guesses.len(),
        "names() lost a name of {text:?}"
    );
    for pair in names.windows(2) {
        assert!(
            pair[0].span.end <= pair[1].span.start,
            "names {:?} and {:?} overlap or are out of order in {text:?}",
            pair[0].span,
            pair[1].span
        );
    }
    check_attributions(text, &analysis.attributions);
    for a in &analysis.attributions {
        if let Some(e) = a.source_entity {
            assert!(e.index() < analyzer.gazetteer().len());
        }
    }
    let index = OffsetIndex::new(text);
    let utf16_to_byte: std::collections::HashMap<usize, usize> = boundaries(text)
        .into_iter()
        .map(|b| (index.utf16_offset(b), b))
        .collect();
    for unit in [OffsetUnit::Byte, OffsetUnit::Char, OffsetUnit::Utf16] {
        // Tokens in the JSON view only for texts of ordinary size: serialising 100 000 of them in a debug
        // build takes seconds, and their offsets are converted by the same code as the spans above.
        let json = analysis.to_json(analyzer, unit, analysis.tokens.len() < 10_000);
        let to_bytes = |start: usize, end: usize| -> (usize, usize) {
            match unit {
                OffsetUnit::Byte => (start, end),
                OffsetUnit::Char => (
                    index.byte_offset_of_char(start),
                    index.byte_offset_of_char(end),
                ),
                OffsetUnit::Utf16 => {
                    let of = |u: usize| {
                        *utf16_to_byte
                            .get(&u)
                            .unwrap_or_else(|| panic!("utf-16 offset {u} is no char boundary"))
                    };
                    (of(start), of(end))
                }
            }
        };
        for m in &json.mentions {
            let (s, e) = to_bytes(m.start, m.end);
            assert_eq!(&text[s..e], m.text, "{unit:?} mention offsets");
        }
        for s in &json.sentences {
            let (a, b) = to_bytes(s.start, s.end);
            assert_eq!(&text[a..b], s.text, "{unit:?} sentence offsets");
        }
        for a in &json.attributions {
            let (s, e) = to_bytes(a.cue.start, a.cue.end);
            assert_eq!(&text[s..e], a.cue.text, "{unit:?} cue offsets");
            let (s, e) = to_bytes(a.content.start, a.content.end);
            assert_eq!(&text[s..e], a.content.text, "{unit:?} content offsets");
        }
        for t in json.tokens.iter().flatten() {
            let (s, e) = to_bytes(t.start, t.end);
            assert_eq!(&text[s..e], t.text, "{unit:?} token offsets");
        }
        let line = serde_json::to_string(&json).expect("the JSON view serialises");
        assert!(
            !line.contains('\n'),
            "a JSON line contains a raw line break"
        );
        if line.len() < 1 << 16 {
            let value: serde_json::Value = serde_json::from_str(&line).expect("and parses back");
            assert!(value.is_object());
        }
    }
    analysis
}

/// Fuzz target `analyzer`: the default analyzer on the text.
pub fn check_analyzer(data: &[u8]) {
    check_analysis(default_analyzer(), &text_of(data));
}
