//! The dictionary matcher: one aho-corasick automaton over the normalised names, and the boundary and
//! clitic checks that decide which raw hits are real mentions.
//!
//! Every hit of every pattern is examined (overlapping search) *before* any selection, because a longer
//! hit that fails a boundary check must not hide a shorter one that passes.

use std::collections::{BTreeMap, HashMap};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use khabar_tokenize::chars::{is_arabic_letter, is_arabic_word_mark};
use khabar_tokenize::clitics::is_proclitic_prefix;

use crate::{EntityId, Error, ErrorKind};

/// Up to this many patterns the automaton is a DFA: a few MB of memory for the embedded gazetteer buys
/// about a third more search speed. Larger gazetteers use the contiguous NFA, whose memory stays
/// proportional to the patterns.
const DFA_MAX_PATTERNS: usize = 20_000;

/// How long a pattern set lives, which decides whether a slower build pays off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lifetime {
    /// Built once, searched over many texts.
    Gazetteer,
    /// Built for one text (the family names of its people): must build fast.
    Document,
}

/// One (entity, name) pair a pattern stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    pub entity: EntityId,
    /// Index into [`crate::Entity::names`].
    pub alias: u32,
}

/// What one distinct normalised pattern stands for.
#[derive(Clone, Debug, Default)]
struct PatternInfo {
    /// Entries for which the pattern is the name as written.
    plain: Vec<Entry>,
    /// Entries for which the pattern is a name starting with ال written after the preposition ل, which
    /// swallows the article's alef (العراق → للعراق): valid only right after that ل.
    contracted: Vec<Entry>,
}

/// A hit that passed the boundary checks, in normalised coordinates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Candidate {
    /// Start of the proclitics glued in front (equal to `start` when there are none).
    pub prefix_start: usize,
    pub start: usize,
    pub end: usize,
    pattern: u32,
    contracted: bool,
}

/// A set of normalised names compiled into one automaton.
#[derive(Clone, Debug)]
pub(crate) struct PatternSet {
    automaton: AhoCorasick,
    patterns: Vec<PatternInfo>,
}

impl PatternSet {
    /// Compiles `(normalised name, entry)` pairs. Names are expected non-empty and already normalised
    /// with whitespace collapsed.
    pub fn new<'n>(
        names: impl IntoIterator<Item = (&'n str, Entry)>,
        lifetime: Lifetime,
    ) -> Result<PatternSet, Error> {
        let mut index: HashMap<String, u32> = HashMap::new();
        let mut strings: Vec<String> = Vec::new();
        let mut patterns: Vec<PatternInfo> = Vec::new();
        let mut slot = |pattern: String, patterns: &mut Vec<PatternInfo>| -> usize {
            let next = strings.len() as u32;
            // The automaton ignores ASCII case, so names differing only in it are one pattern (NATO and
            // Nato would otherwise hit the same text as two patterns, and one entity would be lost).
            let id = *index.entry(pattern.to_ascii_lowercase()).or_insert(next);
            if id == next {
                strings.push(pattern);
                patterns.push(PatternInfo::default());
            }
            id as usize
        };
        for (name, entry) in names {
            let plain = slot(name.to_string(), &mut patterns);
            push_unique(&mut patterns[plain].plain, entry);
            if let Some(contracted) = contracted_form(name) {
                let id = slot(contracted, &mut patterns);
                push_unique(&mut patterns[id].contracted, entry);
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(true)
            .kind(Some(
                if lifetime == Lifetime::Gazetteer && strings.len() <= DFA_MAX_PATTERNS {
                    AhoCorasickKind::DFA
                } else {
                    AhoCorasickKind::ContiguousNFA
                },
            ))
            .build(&strings)
            .map_err(|e| Error::new(ErrorKind::Build(e.to_string())))?;
        Ok(PatternSet {
            automaton,
            patterns,
        })
    }

    /// Number of distinct patterns (names and their contracted forms).
    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    /// Heap memory of the automaton, in bytes.
    pub fn memory_usage(&self) -> usize {
        self.automaton.memory_usage()
    }

    /// Appends every hit in `norm` that stands at word boundaries, possibly after proclitics.
    pub fn candidates(&self, norm: &str, out: &mut Vec<Candidate>) {
        if self.patterns.is_empty() {
            return;
        }
        for hit in self.automaton.find_overlapping_iter(norm) {
            let (start, end) = (hit.start(), hit.end());
            if !ends_word(norm, end) {
                continue;
            }
            let Some(prefix_start) = proclitic_prefix_start(norm, start) else {
                continue;
            };
            let pattern = hit.pattern().as_u32();
            let info = &self.patterns[pattern as usize];
            let prefix = &norm[prefix_start..start];
            if !info.plain.is_empty() && is_proclitic_prefix(prefix) {
                out.push(Candidate {
                    prefix_start,
                    start,
                    end,
                    pattern,
                    contracted: false,
                });
            }
            if !info.contracted.is_empty() && prefix.ends_with('ل') && is_proclitic_prefix(prefix)
            {
                out.push(Candidate {
                    prefix_start,
                    start,
                    end,
                    pattern,
                    contracted: true,
                });
            }
        }
    }

    /// The entries a candidate stands for.
    pub(crate) fn entries(&self, candidate: &Candidate) -> &[Entry] {
        let info = &self.patterns[candidate.pattern as usize];
        if candidate.contracted {
            &info.contracted
        } else {
            &info.plain
        }
    }
}

fn push_unique(entries: &mut Vec<Entry>, entry: Entry) {
    if !entries.iter().any(|e| e.entity == entry.entity) {
        entries.push(entry);
    }
}

/// العراق → لعراق: the form a name with the article takes after the preposition ل.
fn contracted_form(name: &str) -> Option<String> {
    let rest = name.strip_prefix("ال")?;
    (rest.chars().take_while(|&c| is_arabic_letter(c)).count() >= 2).then(|| format!("ل{rest}"))
}

/// Whether a name ending at `end` ends a word: what follows is not a letter, mark or digit.
fn ends_word(norm: &str, end: usize) -> bool {
    norm[end..]
        .chars()
        .next()
        .is_none_or(|c| !(c.is_alphanumeric() || is_arabic_word_mark(c)))
}

/// Where the word containing `start` begins, if at most two Arabic letters (a proclitic stack) precede
/// `start` inside it and nothing alphanumeric is glued before those.
fn proclitic_prefix_start(norm: &str, start: usize) -> Option<usize> {
    let mut at = start;
    let mut letters = 0;
    for c in norm[..start].chars().rev() {
        if is_arabic_letter(c) {
            letters += 1;
            if letters > 2 {
                return None;
            }
        } else if !is_arabic_word_mark(c) {
            if c.is_alphanumeric() {
                return None;
            }
            break;
        }
        at -= c.len_utf8();
    }
    Some(at)
}

/// Picks non-overlapping candidates, longest first (then leftmost), and returns them in text order.
pub(crate) fn select_longest(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    candidates.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(a.start.cmp(&b.start))
    });
    // Keyed by start (a map, not a sorted Vec: inserting into the middle of a Vec is quadratic on long
    // texts); the chosen are disjoint, so only the neighbours of a candidate's start can clash with it.
    let mut chosen: BTreeMap<usize, Candidate> = BTreeMap::new();
    for candidate in candidates {
        let clashes_before = chosen
            .range(..candidate.start)
            .next_back()
            .is_some_and(|(_, c)| c.end > candidate.prefix_start);
        let clashes_after = chosen
            .range(candidate.start..)
            .next()
            .is_some_and(|(_, c)| c.prefix_start < candidate.end);
        if !clashes_before && !clashes_after {
            chosen.insert(candidate.start, candidate);
        }
    }
    chosen.into_values().collect()
}
