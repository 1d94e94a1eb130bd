//! The dictionary matcher: the names of a gazetteer as a trie over *pieces* (see [`crate::scan`]), and the
//! [`Matcher`] that walks it as the scanner hands it the pieces of a text.
//!
//! A name is cut into pieces the way the scanner cuts text (runs of letters and digits, single other
//! characters, whitespace as a flag), and it matches where the text's pieces equal its own. That is the
//! same as comparing characters, given that a name must begin at a word start (or after a proclitic stack
//! glued there) and end where a word ends: both fall on piece boundaries. The one piece that can differ
//! is the first, whose proclitics (و ف ب ل ك, and و or ف followed by ب ل ك) are tried off in turn; the
//! contracted form of a name with the article (للعراق → ل + لعراق) is a name of its own, valid only
//! right after a stack ending in ل.
//!
//! Every text piece costs one lookup in a hashed vocabulary of the names' pieces, behind a filter that
//! rejects most words in a few instructions; a hit walks on through the sorted edges of its trie node.
//! The cost per word hardly depends on the number of names. Every hit is kept as a candidate *before*
//! any selection, because a longer hit that fails must not hide a shorter one that passes.

use std::collections::BTreeMap;
use std::fmt;

use khabar_tokenize::Span;
use khabar_tokenize::chars::is_arabic_letter;
use rustc_hash::FxHashMap;

use crate::rules::{FAMILY_PARTICLES, ends_a_compound_given_name};
use crate::scan::{Piece, Scanner};
use crate::{EntityId, Error, ErrorKind};

/// No node, pattern or piece.
const NONE: u32 = u32::MAX;
/// Bit of a piece's flags: the piece is a family name (the last word of a person's multi-word name),
/// which may later stand alone for the person.
const FAMILY: u8 = 1;
/// Bit of a piece's flags: the piece is the contracted form (لسوداني) of a family name with the article.
const FAMILY_CONTRACTED: u8 = 2;

/// One (entity, name) pair a pattern stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    pub entity: EntityId,
    /// Index into [`crate::Entity::names`].
    pub alias: u32,
}

/// A hit that passed the boundary checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Candidate {
    /// Normalised offsets of the proclitics' start, the name's start and its end: what the selection
    /// compares (lengths as the normalised name's, whatever diacritics the original carries).
    pub norm: [usize; 3],
    /// The name in the original text.
    pub span: Span,
    /// The proclitics glued in front, in the original text.
    pub proclitic: Option<Span>,
    /// The pattern (for a family-name hit: the family name's piece).
    pattern: u32,
    contracted: bool,
    /// The piece of the name's last word when that word may later stand alone for a person, else [`NONE`].
    family: u32,
    /// The nisba the name is shaped like, when it has no proclitic and follows a definite noun: then
    /// a place shaped like a feminine one is the adjective (الحدود السعودية), and so is a person known
    /// by one word shaped like a masculine one (مصطفى الختم السوداني: the Sudanese, not السوداني). For a
    /// family name alone, only after a definite noun that is no title (العمل العربي، not الدكتور العربي).
    pub nisba_after_noun: Option<NisbaShape>,
}

/// The ending of a nisba adjective (ال…ي، ال…ية).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NisbaShape {
    Masculine,
    Feminine,
}

impl Candidate {
    /// The family-name piece of this name, if it has one.
    pub fn family(&self) -> Option<u32> {
        (self.family != NONE).then_some(self.family)
    }

    /// The family-name piece a family-name hit is of.
    pub fn family_hit(&self) -> u32 {
        self.pattern
    }
}

/// Bytes of news text per name candidate, about (SaudiNewsNet has a mention every 240 bytes): the
/// matcher reserves room for that many candidates at once rather than growing and copying its vector.
const CANDIDATE_EVERY: usize = 128;

/// Bits of a piece id in a slot of [`Vocabulary::table`]; the bits above hold a tag from the piece's hash.
const ID_BITS: u32 = 24;
/// Distinct pieces a vocabulary holds: ids fit in [`ID_BITS`] bits and no slot can equal [`NONE`].
const MAX_PIECES: u32 = (1 << ID_BITS) - 1;

/// The distinct pieces of the names, hashed, with a filter in front of the hash table.
struct Vocabulary {
    /// All pieces, one after the other.
    text: String,
    /// End of each piece in `text`.
    ends: Vec<u32>,
    /// What each piece is besides a piece of names ([`FAMILY`], [`FAMILY_CONTRACTED`]).
    flags: Vec<u8>,
    /// Open addressing, linear probing: piece ids, [`NONE`] where empty; two thirds full at most. Each
    /// id carries eight bits of its piece's hash above it ([`ID_BITS`]), so a probe passes over other
    /// pieces without comparing their text.
    table: Vec<u32>,
    /// Eight to sixteen bits a piece, one set for each piece (by its hash): most words of a text are
    /// not pieces of names, and most of those are told by one bit.
    filter: Vec<u64>,
    /// `64 - log2(filter bits)`.
    filter_shift: u32,
}

impl Vocabulary {
    fn new(text: String, ends: Vec<u32>, flags: Vec<u8>) -> Vocabulary {
        let n = ends.len();
        let filter_bits = (8 * n).max(512).next_power_of_two().trailing_zeros();
        let mut vocabulary = Vocabulary {
            text,
            ends,
            flags,
            table: vec![NONE; n + n / 2 + 1],
            filter: vec![0; 1 << (filter_bits - 6)],
            filter_shift: 64 - filter_bits,
        };
        for id in 0..n as u32 {
            let hash = hash(vocabulary.piece(id).as_bytes());
            let bit = (hash >> vocabulary.filter_shift) as usize;
            vocabulary.filter[bit / 64] |= 1 << (bit % 64);
            let mut slot = vocabulary.slot(hash);
            while vocabulary.table[slot] != NONE {
                slot = vocabulary.next(slot);
            }
            vocabulary.table[slot] = tag(hash) | id;
        }
        vocabulary
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    /// Where piece `id` lies in `text`.
    #[inline]
    fn range(&self, id: u32) -> std::ops::Range<usize> {
        let id = id as usize;
        let start = if id == 0 {
            0
        } else {
            self.ends[id - 1] as usize
        };
        start..self.ends[id] as usize
    }

    fn piece(&self, id: u32) -> &str {
        &self.text[self.range(id)]
    }

    /// [`Vocabulary::piece`] as bytes, for comparing: no check of char boundaries.
    #[inline]
    fn piece_bytes(&self, id: u32) -> &[u8] {
        &self.text.as_bytes()[self.range(id)]
    }

    /// The first slot of a hash (its low half scaled to the table: any table size will do).
    #[inline]
    fn slot(&self, hash: u64) -> usize {
        ((u64::from(hash as u32) * self.table.len() as u64) >> 32) as usize
    }

    #[inline]
    fn next(&self, slot: usize) -> usize {
        if slot + 1 == self.table.len() {
            0
        } else {
            slot + 1
        }
    }

    /// The id of `piece`, if a name has it. Always inlined: the matcher calls it for every piece of the
    /// text, and as a call it spent a sixth of its instructions saving and restoring registers.
    #[inline(always)]
    fn get(&self, piece: &str) -> Option<u32> {
        let hash = hash(piece.as_bytes());
        let bit = (hash >> self.filter_shift) as usize;
        if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return None;
        }
        let tag = tag(hash);
        let mut slot = self.slot(hash);
        loop {
            let entry = self.table[slot];
            if entry == NONE {
                return None;
            }
            let id = entry & MAX_PIECES;
            if entry & !MAX_PIECES == tag && self.piece_bytes(id) == piece.as_bytes() {
                return Some(id);
            }
            slot = self.next(slot);
        }
    }

    fn flags(&self, id: u32) -> u8 {
        self.flags[id as usize]
    }

    fn heap_bytes(&self) -> usize {
        self.text.capacity()
            + self.ends.capacity() * 4
            + self.flags.capacity()
            + self.table.capacity() * 4
            + self.filter.capacity() * 8
    }
}

/// A hash of a piece's bytes, eight at a time (the last eight overlapping the word before; shorter pieces
/// read as two overlapping halves): the filter takes its top bits, the table its low half. Fixed-size
/// reads only: copying a remainder of variable length costs a library call per piece.
#[inline]
fn hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mix = |hash: u64, word: u64| (hash.rotate_left(23) ^ word).wrapping_mul(K);
    let n = bytes.len();
    let mut hash = (n as u64).wrapping_mul(K);
    if n >= 8 {
        let word = |at: usize| {
            let mut w = [0; 8];
            w.copy_from_slice(&bytes[at..at + 8]);
            u64::from_le_bytes(w)
        };
        hash = mix(hash, word(0));
        if n > 16 {
            // Long pieces are few: the loop's test is not paid by the many of one or two words.
            let mut at = 8;
            while at + 8 < n {
                hash = mix(hash, word(at));
                at += 8;
            }
        }
        hash = mix(hash, word(n - 8));
    } else if n >= 4 {
        let half = |at: usize| {
            let mut w = [0; 4];
            w.copy_from_slice(&bytes[at..at + 4]);
            u64::from(u32::from_le_bytes(w))
        };
        hash = mix(hash, half(0) | half(n - 4) << 32);
    } else if n > 0 {
        let byte = |at: usize| u64::from(bytes[at]);
        hash = mix(hash, byte(0) | byte(n / 2) << 8 | byte(n - 1) << 16);
    }
    hash ^ (hash >> 29)
}

/// The tag a table slot keeps above a piece id: eight bits of the hash that neither the slot (its low
/// half) nor the filter (its top bits) is taken from.
#[inline]
fn tag(hash: u64) -> u32 {
    ((hash >> 32) as u32) << ID_BITS
}

/// The label of a trie edge: the piece, and whether whitespace comes before it.
#[inline]
fn label(piece: u32, spaced: bool) -> u32 {
    (piece << 1) | u32::from(spaced)
}

/// The normalised names of a gazetteer compiled into a trie over pieces, with what each stands for.
pub(crate) struct PatternSet {
    vocabulary: Vocabulary,
    /// The node reached by each piece from the root ([`NONE`] when no name begins with it).
    roots: Vec<u32>,
    /// The other edges, by node: those of node `n` at `edge_starts[n]..edge_starts[n + 1]` of
    /// `edge_labels` (sorted, see [`label`]) and `edge_children`.
    edge_starts: Vec<u32>,
    edge_labels: Vec<u32>,
    edge_children: Vec<u32>,
    /// The pattern that ends at each node, or [`NONE`].
    terminal: Vec<u32>,
    /// The entries of pattern `i`: plain ones at `entries[offsets[2i]..offsets[2i + 1]]`, contracted ones
    /// (valid only right after the preposition ل) at `entries[offsets[2i + 1]..offsets[2i + 2]]`.
    offsets: Vec<u32>,
    entries: Vec<Entry>,
    /// The family name (with the article) each contracted family-name piece stands for.
    contracted_family: FxHashMap<u32, u32>,
}

impl fmt::Debug for PatternSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PatternSet")
            .field("pieces", &self.vocabulary.len())
            .field("patterns", &self.len())
            .field("entries", &self.entries.len())
            .field("memory", &self.memory_usage())
            .finish()
    }
}

/// The vocabulary, flags and trie while a pattern set is built.
#[derive(Default)]
struct Builder {
    ids: FxHashMap<String, u32>,
    text: String,
    ends: Vec<u32>,
    flags: Vec<u8>,
    roots: Vec<u32>,
    edges: FxHashMap<u64, u32>,
    terminal: Vec<u32>,
    patterns: u32,
}

impl Builder {
    fn piece(&mut self, text: &str) -> Result<u32, Error> {
        if let Some(&id) = self.ids.get(text) {
            return Ok(id);
        }
        let id = u32::try_from(self.ends.len())
            .ok()
            .filter(|&id| id < MAX_PIECES)
            .ok_or_else(too_many)?;
        self.text.push_str(text);
        self.ends
            .push(u32::try_from(self.text.len()).map_err(|_| too_many())?);
        self.flags.push(0);
        self.roots.push(NONE);
        self.ids.insert(text.to_string(), id);
        Ok(id)
    }

    fn node(&mut self) -> Result<u32, Error> {
        let node = u32::try_from(self.terminal.len())
            .ok()
            .filter(|&n| n != NONE)
            .ok_or_else(too_many)?;
        self.terminal.push(NONE);
        Ok(node)
    }

    /// Adds the path of `pieces` and returns its pattern.
    fn insert(&mut self, pieces: &[(String, bool, bool)]) -> Result<u32, Error> {
        let mut node = NONE;
        for (i, (text, spaced, _)) in pieces.iter().enumerate() {
            let id = self.piece(text)?;
            node = if i == 0 {
                match self.roots[id as usize] {
                    NONE => {
                        let child = self.node()?;
                        self.roots[id as usize] = child;
                        child
                    }
                    child => child,
                }
            } else {
                let key = (u64::from(node) << 32) | u64::from(label(id, *spaced));
                match self.edges.get(&key) {
                    Some(&child) => child,
                    None => {
                        let child = self.node()?;
                        self.edges.insert(key, child);
                        child
                    }
                }
            };
        }
        let terminal = &mut self.terminal[node as usize];
        if *terminal == NONE {
            *terminal = self.patterns;
            self.patterns += 1;
        }
        Ok(*terminal)
    }
}

fn too_many() -> Error {
    Error::new(ErrorKind::Build(
        "more than 2^24 - 1 distinct pieces of names, or 2^31 patterns or entries".into(),
    ))
}

impl PatternSet {
    /// Compiles `(normalised name, entry)` pairs, cut into pieces by `scanner`. Names are expected
    /// non-empty and already normalised, and the entries of one entity to come one after the other (as
    /// [`crate::GazetteerBuilder::build`] yields them). The last word of a multi-word name of an entity
    /// for which `is_person` holds is marked as a family name.
    pub fn new<'n>(
        names: impl IntoIterator<Item = (&'n str, Entry)>,
        scanner: &Scanner,
        is_person: impl Fn(EntityId) -> bool,
    ) -> Result<PatternSet, Error> {
        let mut builder = Builder::default();
        // (pattern, contracted, entry), in the order the names came.
        let mut records: Vec<(u32, bool, Entry)> = Vec::new();
        let mut contracted_family: FxHashMap<u32, u32> = FxHashMap::default();
        for (name, entry) in names {
            let pieces = scanner.pieces_of(name);
            if pieces.is_empty() {
                continue;
            }
            records.push((builder.insert(&pieces)?, false, entry));
            if let Some(rest) = contracted_rest(name) {
                let contracted = scanner.pieces_of(&format!("ل{rest}"));
                records.push((builder.insert(&contracted)?, true, entry));
            }
            let Some((last, true, true)) = pieces.last().filter(|_| pieces.len() > 1) else {
                continue;
            };
            // The previous piece decides too: a patronymic's or a clan's particle (فهد بن عبدالعزيز، آل
            // سعود) leaves the last word a given name as often as not, and the second word of a
            // compound given name (نصر الله) is no one alone.
            let previous = pieces[pieces.len() - 2].0.as_str();
            let lone_family = !FAMILY_PARTICLES.contains(&previous)
                && previous != "بنت"
                && !ends_a_compound_given_name(previous, last);
            if is_person(entry.entity) && is_family_word(last) && lone_family {
                let id = builder.piece(last)?;
                builder.flags[id as usize] |= FAMILY;
                if let Some(rest) = contracted_rest(last) {
                    let contracted = builder.piece(&format!("ل{rest}"))?;
                    builder.flags[contracted as usize] |= FAMILY_CONTRACTED;
                    contracted_family.insert(contracted, id);
                }
            }
        }
        // Stable: entries keep the order they came in, so the first entity of a shared name stays first.
        records.sort_by_key(|&(pattern, contracted, _)| (pattern, contracted));
        let mut offsets: Vec<u32> = vec![0];
        let mut entries: Vec<Entry> = Vec::with_capacity(records.len());
        let mut i = 0;
        for pattern in 0..builder.patterns {
            for contracted in [false, true] {
                let first = entries.len();
                while let Some(&(_, _, entry)) = records
                    .get(i)
                    .filter(|r| (r.0, r.1) == (pattern, contracted))
                {
                    // One entry per entity: its first name that normalises to the pattern (an entity's
                    // entries come one after the other, so only the last one can be the same entity).
                    if entries.len() == first || entries[entries.len() - 1].entity != entry.entity {
                        entries.push(entry);
                    }
                    i += 1;
                }
                offsets.push(u32::try_from(entries.len()).map_err(|_| too_many())?);
            }
        }
        let Builder {
            mut text,
            mut ends,
            mut flags,
            mut roots,
            edges,
            mut terminal,
            ..
        } = builder;
        // Grown by doubling while built: kept at their size.
        text.shrink_to_fit();
        ends.shrink_to_fit();
        flags.shrink_to_fit();
        roots.shrink_to_fit();
        terminal.shrink_to_fit();
        offsets.shrink_to_fit();
        entries.shrink_to_fit();
        let mut edges: Vec<(u64, u32)> = edges.into_iter().collect();
        edges.sort_unstable();
        let mut edge_starts = Vec::with_capacity(terminal.len() + 1);
        for (i, &(key, _)) in edges.iter().enumerate() {
            let node = (key >> 32) as usize;
            while edge_starts.len() <= node {
                edge_starts.push(i as u32);
            }
        }
        while edge_starts.len() <= terminal.len() {
            edge_starts.push(edges.len() as u32);
        }
        Ok(PatternSet {
            vocabulary: Vocabulary::new(text, ends, flags),
            roots,
            edge_starts,
            edge_labels: edges.iter().map(|&(key, _)| key as u32).collect(),
            edge_children: edges.iter().map(|&(_, child)| child).collect(),
            terminal,
            offsets,
            entries,
            contracted_family,
        })
    }

    /// Number of distinct patterns (names and their contracted forms).
    pub fn len(&self) -> usize {
        self.offsets.len() / 2
    }

    /// Heap memory of the vocabulary, the trie and the tables behind them, in bytes.
    pub fn memory_usage(&self) -> usize {
        // A hash map of `n` entries has at least 8n/7 buckets, a power of two, each with a control byte.
        let buckets = |n: usize| (n * 8 / 7).max(1).next_power_of_two();
        self.vocabulary.heap_bytes()
            + self.roots.capacity() * 4
            + (self.edge_starts.capacity()
                + self.edge_labels.capacity()
                + self.edge_children.capacity())
                * 4
            + self.terminal.capacity() * 4
            + self.offsets.capacity() * 4
            + self.entries.capacity() * size_of::<Entry>()
            + buckets(self.contracted_family.capacity()) * (size_of::<(u32, u32)>() + 1)
    }

    fn ranges(&self, pattern: u32) -> (std::ops::Range<usize>, std::ops::Range<usize>) {
        let at = 2 * pattern as usize;
        let offset = |i: usize| self.offsets.get(at + i).map_or(0, |&o| o as usize);
        (offset(0)..offset(1), offset(1)..offset(2))
    }

    /// The entries a candidate stands for.
    pub(crate) fn entries(&self, candidate: &Candidate) -> &[Entry] {
        let (plain, contracted) = self.ranges(candidate.pattern);
        let range = if candidate.contracted {
            contracted
        } else {
            plain
        };
        self.entries.get(range).unwrap_or_default()
    }

    /// The entries of the name that is the one normalised word `word` (plain, not contracted).
    pub(crate) fn one_word_entries(&self, word: &str) -> &[Entry] {
        let Some(id) = self.vocabulary.get(word) else {
            return &[];
        };
        let node = self.roots[id as usize];
        let Some(&pattern) = self.terminal.get(node as usize).filter(|&&p| p != NONE) else {
            return &[];
        };
        let (plain, _) = self.ranges(pattern);
        self.entries.get(plain).unwrap_or_default()
    }

    /// The text of a piece.
    #[cfg(test)]
    pub(crate) fn piece(&self, id: u32) -> &str {
        self.vocabulary.piece(id)
    }

    /// Appends the compiled set to `out` (see [`PatternSet::read`]).
    pub(crate) fn write(&self, out: &mut crate::bytes::Writer) {
        out.str(&self.vocabulary.text);
        out.u32s(&self.vocabulary.ends);
        out.bytes(&self.vocabulary.flags);
        out.u32s(&self.roots);
        out.u32s(&self.edge_starts);
        out.u32s(&self.edge_labels);
        out.u32s(&self.edge_children);
        out.u32s(&self.terminal);
        out.u32s(&self.offsets);
        out.len(self.entries.len());
        for entry in &self.entries {
            out.u32(entry.entity.0);
            out.u32(entry.alias);
        }
        let mut family: Vec<(u32, u32)> = self
            .contracted_family
            .iter()
            .map(|(&k, &v)| (k, v))
            .collect();
        family.sort_unstable();
        out.len(family.len());
        for (contracted, plain) in family {
            out.u32(contracted);
            out.u32(plain);
        }
    }

    /// Reads a set written by [`PatternSet::write`], checking that its tables fit together and point at
    /// the `names` counts of the entities (`names[e]` = number of names of entity `e`).
    pub(crate) fn read(
        input: &mut crate::bytes::Reader<'_>,
        names: &[u32],
    ) -> Result<PatternSet, Error> {
        let text = input.str()?.to_string();
        let ends = input.u32s()?;
        let flags = input.bytes()?.to_vec();
        let pieces_fit = ends.windows(2).all(|w| w[0] < w[1])
            && ends.first().is_none_or(|&e| e > 0)
            && ends
                .last()
                .map_or(text.is_empty(), |&e| e as usize == text.len())
            && ends.iter().all(|&e| text.is_char_boundary(e as usize))
            && flags.len() == ends.len()
            && ends.len() < 1 << 31;
        if !pieces_fit {
            return Err(input.invalid("the pieces do not fit together"));
        }
        let roots = input.u32s()?;
        let edge_starts = input.u32s()?;
        let edge_labels = input.u32s()?;
        let edge_children = input.u32s()?;
        let terminal = input.u32s()?;
        let offsets = input.u32s()?;
        let count = input.len(8)?;
        let mut entries = Vec::with_capacity(count);
        for _ in 0..count {
            let entity = input.u32()?;
            let alias = input.u32()?;
            if names.get(entity as usize).is_none_or(|&n| alias >= n) {
                return Err(input.invalid("a pattern names an entity or alias that does not exist"));
            }
            entries.push(Entry {
                entity: EntityId(entity),
                alias,
            });
        }
        let count = input.len(8)?;
        let mut contracted_family = FxHashMap::default();
        for _ in 0..count {
            let contracted = input.u32()?;
            let plain = input.u32()?;
            contracted_family.insert(contracted, plain);
        }
        let nodes = terminal.len();
        let patterns = offsets.len().saturating_sub(1) / 2;
        let node_ok = |n: u32| (n as usize) < nodes;
        let tables_fit = roots.len() == ends.len()
            && ends.len() <= MAX_PIECES as usize
            && roots.iter().all(|&n| n == NONE || node_ok(n))
            && edge_starts.len() == nodes + 1
            && edge_starts.first() == Some(&0)
            && edge_starts
                .last()
                .is_some_and(|&e| e as usize == edge_labels.len())
            && edge_starts.windows(2).all(|w| {
                w[0] <= w[1]
                    && edge_labels
                        .get(w[0] as usize..w[1] as usize)
                        .is_some_and(|labels| labels.windows(2).all(|l| l[0] < l[1]))
            })
            && edge_labels.len() == edge_children.len()
            && edge_labels
                .iter()
                .all(|&l| ((l >> 1) as usize) < ends.len())
            && edge_children.iter().all(|&c| node_ok(c))
            && terminal
                .iter()
                .all(|&p| p == NONE || (p as usize) < patterns)
            && offsets.len() % 2 == 1
            && offsets.first() == Some(&0)
            && offsets.windows(2).all(|w| w[0] <= w[1])
            && offsets.last().is_some_and(|&o| o as usize == entries.len())
            && contracted_family
                .iter()
                .all(|(&c, &p)| (c as usize) < ends.len() && (p as usize) < ends.len());
        if !tables_fit {
            return Err(input.invalid("the pattern tables do not fit together"));
        }
        Ok(PatternSet {
            vocabulary: Vocabulary::new(text, ends, flags),
            roots,
            edge_starts,
            edge_labels,
            edge_children,
            terminal,
            offsets,
            entries,
            contracted_family,
        })
    }

    /// The child of `node` by the edge `label`.
    #[inline]
    fn child(&self, node: u32, label: u32) -> Option<u32> {
        let node = node as usize;
        let range = self.edge_starts[node] as usize..self.edge_starts[node + 1] as usize;
        let labels = &self.edge_labels[range.clone()];
        let at = match labels {
            [] => return None,
            [only] => (*only == label).then_some(0)?,
            _ => labels.binary_search(&label).ok()?,
        };
        Some(self.edge_children[range.start + at])
    }
}

/// Whether `word` may be a definite noun, from its first bytes alone: the article at its start or after
/// one or two proclitic letters (الحدود، والحدود، بالمدارس، وبالمدارس), or the contracted لل (للأراضي،
/// وللأراضي). [`definite_stem`] decides.
#[inline]
fn may_be_definite(word: &[u8]) -> bool {
    const ALEF_LAM: [u8; 4] = [0xD8, 0xA7, 0xD9, 0x84];
    const LAM_LAM: [u8; 4] = [0xD9, 0x84, 0xD9, 0x84];
    let at = |offset: usize| word.get(offset..offset + 4);
    at(0) == Some(&ALEF_LAM)
        || at(0) == Some(&LAM_LAM)
        || at(2) == Some(&ALEF_LAM)
        || at(2) == Some(&LAM_LAM)
        || at(4) == Some(&ALEF_LAM)
}

/// The noun of a definite word without its article and proclitics: الحدود، والحدود، بالمدارس → حدود،
/// مدارس; للأراضي → اراضي (the preposition ل with the article written ل). `None` when the word has no
/// article.
fn definite_stem(word: &str) -> Option<&str> {
    let word = word
        .strip_prefix(['و', 'ف'])
        .filter(|rest| rest.starts_with(['ا', 'ب', 'ك', 'ل']))
        .unwrap_or(word);
    if let Some(noun) = word.strip_prefix("لل") {
        return Some(noun);
    }
    let word = word.strip_prefix(['ب', 'ك']).unwrap_or(word);
    word.strip_prefix("ال")
}

/// Whether a name's last word can stand alone for the person: four Arabic letters or more, and not a
/// word that ends names without being a family name (الثاني، الكبير …).
fn is_family_word(word: &str) -> bool {
    const NOT_FAMILY_NAMES: [&str; 8] = [
        "الثاني",
        "الاول",
        "الثالث",
        "الرابع",
        "الابن",
        "الاب",
        "الكبير",
        "الصغير",
    ];
    word.chars().filter(|&c| is_arabic_letter(c)).count() >= 4 && !NOT_FAMILY_NAMES.contains(&word)
}

/// العراق → عراق: what follows the article in a name whose contracted form (لعراق, after the
/// preposition ل) is searched too.
fn contracted_rest(name: &str) -> Option<&str> {
    let rest = name.strip_prefix("ال")?;
    (rest.chars().take_while(|&c| is_arabic_letter(c)).count() >= 2).then_some(rest)
}

/// A name begun in the text, waiting for its next piece.
#[derive(Clone, Copy, Debug)]
struct Partial {
    node: u32,
    /// Normalised offsets of the proclitics' start and the name's start.
    norm: [usize; 2],
    /// Original start of the name.
    start: usize,
    proclitic: Option<Span>,
    /// Whether the proclitics end in ل (contracted names may follow).
    after_lam: bool,
    /// Pieces so far.
    pieces: u32,
    /// Whether the name starts with ال, has no proclitic and follows a definite noun.
    after_definite_noun: bool,
}

/// Where [`Matcher::remember`] keeps the previous piece: most are read in place in the text, and nearly
/// half the words of news begin with ال, so they are not copied.
#[derive(Clone, Copy, Debug)]
enum Previous {
    /// `text[start..end]`, empty when the previous piece is no possible noun.
    At(usize, usize),
    Copied,
}

/// Walks a [`PatternSet`] over the pieces of one text.
pub(crate) struct Matcher<'p, 't> {
    set: &'p PatternSet,
    partials: Vec<Partial>,
    advanced: Vec<Partial>,
    /// Candidates ending in a piece that is not a run: they stand only if no letter or digit is glued
    /// after them, which the next piece tells.
    pending: Vec<Candidate>,
    /// The text matched, where pieces read in place are.
    text: &'t str,
    /// The previous piece's text, when it was a run beginning with ال (a possible definite noun):
    /// where it is in `text`, or [`Previous::Copied`] to `copied` when it was folded.
    previous: Previous,
    copied: String,
    /// Whether to collect [`Matcher::family_hits`].
    with_family: bool,
    /// Every hit that passed the boundary checks.
    pub candidates: Vec<Candidate>,
    /// Every whole word (after proclitics) that is some person's family name.
    pub family_hits: Vec<Candidate>,
}

impl<'p, 't> Matcher<'p, 't> {
    /// A matcher of `set` over the pieces of `text`; with `with_family`, it also collects the family
    /// names it sees.
    pub fn new(set: &'p PatternSet, text: &'t str, with_family: bool) -> Matcher<'p, 't> {
        Matcher {
            set,
            partials: Vec::new(),
            advanced: Vec::new(),
            pending: Vec::new(),
            text,
            previous: Previous::At(0, 0),
            copied: String::new(),
            with_family,
            candidates: Vec::with_capacity(text.len() / CANDIDATE_EVERY),
            family_hits: Vec::new(),
        }
    }

    /// Takes the next piece of the text.
    #[inline]
    pub fn feed(&mut self, piece: &Piece<'_>) {
        if !self.pending.is_empty() {
            if piece.spaced || !piece.run {
                for candidate in std::mem::take(&mut self.pending) {
                    push_in_order(&mut self.candidates, candidate);
                }
            } else {
                self.pending.clear();
            }
        }
        if self.partials.is_empty() && piece.glued {
            self.remember(piece);
            return;
        }
        let vocabulary = &self.set.vocabulary;
        let whole = vocabulary.get(piece.text);
        // Names begun move on by this piece into `advanced`, with the names it starts.
        let begun = self.partials.len();
        if let Some(id) = whole {
            for k in 0..begun {
                let partial = self.partials[k];
                if let Some(node) = self.set.child(partial.node, label(id, piece.spaced)) {
                    let partial = Partial {
                        node,
                        pieces: partial.pieces + 1,
                        ..partial
                    };
                    self.advance(partial, piece, id);
                }
            }
        }
        if !piece.glued {
            if let Some(id) = whole {
                self.start(piece, 0, false, id);
            }
            let bytes = piece.text.as_bytes();
            let first = proclitic_letter(bytes, 0);
            if first != 0 {
                if let Some(id) = vocabulary.get(&piece.text[2..]) {
                    self.start(piece, 1, first & LAM != 0, id);
                }
                let second = proclitic_letter(bytes, 2);
                if first & CONJUNCTION != 0 && second & PREPOSITION != 0 {
                    if let Some(id) = vocabulary.get(&piece.text[4..]) {
                        self.start(piece, 2, second & LAM != 0, id);
                    }
                }
            }
        }
        // Unconditionally: whether a piece starts names goes either way, and a branch on it
        // mispredicted more than the swap costs.
        std::mem::swap(&mut self.partials, &mut self.advanced);
        self.advanced.clear();
        self.remember(piece);
    }

    /// Keeps `piece` as the previous piece, for the test whether a name follows a definite noun.
    #[inline]
    fn remember(&mut self, piece: &Piece<'_>) {
        // A run read in place is kept as its range whatever it is ([`definite_stem`] decides, for the
        // few pieces a name starts after); an empty range for any other piece, with no branch on a
        // test that goes either way. A folded run is copied only when it may be a definite noun.
        let run = usize::from(piece.run);
        self.previous = match piece.text_at {
            Some(at) => Previous::At(at, at + piece.text.len() * run),
            None if piece.run && may_be_definite(piece.text.as_bytes()) => {
                self.copied.clear();
                self.copied.push_str(piece.text);
                Previous::Copied
            }
            None => Previous::At(0, 0),
        };
    }

    /// The text [`Matcher::remember`] kept ("" for none).
    fn previous(&self) -> &str {
        match self.previous {
            Previous::At(start, end) => self.text.get(start..end).unwrap_or_default(),
            Previous::Copied => &self.copied,
        }
    }

    /// Ends the text.
    pub fn finish(&mut self) {
        for candidate in std::mem::take(&mut self.pending) {
            push_in_order(&mut self.candidates, candidate);
        }
        self.partials.clear();
    }

    /// The definite noun, without its article, right before `piece` when `piece` has no proclitic
    /// (`proclitics` letters of it) and is definite too, and the noun is no place word: where a
    /// nisba-shaped name may be that noun's adjective.
    fn definite_noun_before(&self, piece: &Piece<'_>, proclitics: usize) -> Option<&str> {
        if proclitics != 0 || !piece.spaced || !piece.text.starts_with("ال") {
            return None;
        }
        definite_stem(self.previous())
            .filter(|noun| noun.chars().count() >= 3 && !crate::rules::is_place_word(noun))
    }

    /// Starts names at `piece` after its first `proclitics` letters, whose rest is the piece `id`.
    #[inline]
    fn start(&mut self, piece: &Piece<'_>, proclitics: usize, after_lam: bool, id: u32) {
        let chars = &piece.chars;
        let start = chars[proclitics].start;
        let proclitic = (proclitics > 0)
            .then(|| Span::new(chars[0].start, chars[proclitics - 1].end.min(start)))
            .filter(|p| !p.is_empty());
        let norm_start = piece.norm_start + 2 * proclitics;
        if self.with_family {
            let flags = self.set.vocabulary.flags(id);
            let family = if flags & FAMILY != 0 {
                Some((id, false))
            } else if flags & FAMILY_CONTRACTED != 0 && after_lam {
                self.set.contracted_family.get(&id).map(|&f| (f, true))
            } else {
                None
            };
            if let Some((family, contracted)) = family {
                // A family name shaped like a nisba after a definite noun other than a title is its
                // adjective (العمل العربي المشترك، عبد الخالق الحوثي), not the person (الدكتور العربي).
                let adjective = piece.text.ends_with('ي')
                    && self
                        .definite_noun_before(piece, proclitics)
                        .is_some_and(|noun| !crate::rules::is_title_stem(noun));
                self.family_hits.push(Candidate {
                    norm: [
                        piece.norm_start,
                        norm_start,
                        piece.norm_start + piece.text.len(),
                    ],
                    span: Span::new(start, piece.end),
                    proclitic,
                    pattern: family,
                    contracted,
                    family: NONE,
                    nisba_after_noun: adjective.then_some(NisbaShape::Masculine),
                });
            }
        }
        let node = self.set.roots[id as usize];
        if node == NONE {
            return;
        }
        let after_definite_noun = self.definite_noun_before(piece, proclitics).is_some();
        let partial = Partial {
            node,
            norm: [piece.norm_start, norm_start],
            start,
            proclitic,
            after_lam,
            pieces: 1,
            after_definite_noun,
        };
        self.advance(partial, piece, id);
    }

    /// Keeps `partial`, which has just taken `piece` (the piece `id`), and records the names it ends.
    #[inline]
    fn advance(&mut self, partial: Partial, piece: &Piece<'_>, id: u32) {
        self.advanced.push(partial);
        let pattern = self.set.terminal[partial.node as usize];
        if pattern == NONE {
            return;
        }
        let (plain, contracted) = self.set.ranges(pattern);
        let family =
            if partial.pieces > 1 && piece.spaced && self.set.vocabulary.flags(id) & FAMILY != 0 {
                id
            } else {
                NONE
            };
        let nisba_shape = if !partial.after_definite_noun {
            None
        } else if piece.text.ends_with("ية") || piece.text.ends_with("يه") {
            Some(NisbaShape::Feminine)
        } else if partial.pieces == 1 && piece.text.ends_with('ي') {
            Some(NisbaShape::Masculine)
        } else {
            None
        };
        for (applies, contracted) in [
            (!plain.is_empty(), false),
            (partial.after_lam && !contracted.is_empty(), true),
        ] {
            if !applies {
                continue;
            }
            let candidate = Candidate {
                norm: [
                    partial.norm[0],
                    partial.norm[1],
                    piece.norm_start + piece.text.len(),
                ],
                span: Span::new(partial.start, piece.end),
                proclitic: partial.proclitic,
                pattern,
                contracted,
                family,
                nisba_after_noun: nisba_shape,
            };
            if piece.run {
                push_in_order(&mut self.candidates, candidate);
            } else {
                self.pending.push(candidate);
            }
        }
    }
}

/// Appends `candidate`, keeping `candidates` sorted by where they start (proclitics included), stably. A
/// name of several pieces ends after shorter names that start later, but only a few pieces later: it
/// moves back past those few, and the selection needs no sort.
#[inline]
fn push_in_order(candidates: &mut Vec<Candidate>, candidate: Candidate) {
    let at = candidates
        .iter()
        .rposition(|c| c.norm[0] <= candidate.norm[0])
        .map_or(0, |i| i + 1);
    candidates.insert(at, candidate);
}

/// [`PROCLITIC_LETTERS`] bits: و ف, which start a stack.
const CONJUNCTION: u8 = 1;
/// ب ك ل, alone or second in a stack.
const PREPOSITION: u8 = 2;
/// ل, after which contracted names (لعراق) match.
const LAM: u8 = 4;

/// The proclitic bits of the letters U+0600–U+067F, by the low bit of their UTF-8 lead byte (D8 or D9)
/// and the six of their second: a table, because a match over the byte pairs mispredicted about once a
/// word.
const PROCLITIC_LETTERS: [u8; 128] = {
    let mut table = [0; 128];
    let letters: [(char, u8); 5] = [
        ('و', CONJUNCTION),
        ('ف', CONJUNCTION),
        ('ب', PREPOSITION),
        ('ك', PREPOSITION),
        ('ل', PREPOSITION | LAM),
    ];
    let mut i = 0;
    while i < letters.len() {
        let (letter, bits) = letters[i];
        table[letter as usize - 0x600] = bits;
        i += 1;
    }
    table
};

/// The [`PROCLITIC_LETTERS`] bits of the letter at bytes `at..at + 2` of a piece (0 for any other).
#[inline]
fn proclitic_letter(bytes: &[u8], at: usize) -> u8 {
    match bytes.get(at..at + 2) {
        Some(&[lead, next]) => proclitic_bits(lead, next),
        _ => 0,
    }
}

/// The [`PROCLITIC_LETTERS`] bits of the two bytes `lead`, `next` (0 for anything but those letters),
/// without a branch on them.
#[inline]
pub(crate) fn proclitic_bits(lead: u8, next: u8) -> u8 {
    // After a lead byte D8 or D9 comes a continuation byte, whose low six bits tell the letter.
    let bits = PROCLITIC_LETTERS[usize::from(lead & 1) << 6 | usize::from(next & 0x3F)];
    bits * u8::from(lead & 0xFE == 0xD8)
}

/// Picks non-overlapping candidates (proclitics included), longest normalised name first (then
/// leftmost), and returns them in text order.
///
/// Candidates that overlap nothing (nearly all) are kept at once; the greedy choice runs only inside each
/// group of overlapping ones, which it cannot reach beyond.
pub(crate) fn select_longest(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    // The matcher yields them in this order already (stable, see `push_in_order`).
    if !candidates.is_sorted_by_key(|c| c.norm[0]) {
        candidates.sort_by_key(|c| c.norm[0]);
    }
    // The chosen are written back over the candidates: a group never yields more than it holds.
    let mut kept = 0;
    let mut group_start = 0;
    let mut group_end = 0;
    for i in 0..=candidates.len() {
        let next = candidates.get(i).copied();
        if i > group_start && next.is_none_or(|c| c.norm[0] >= group_end) {
            if i - group_start == 1 {
                candidates[kept] = candidates[group_start];
                kept += 1;
            } else {
                for chosen in select_in_group(candidates[group_start..i].to_vec()) {
                    candidates[kept] = chosen;
                    kept += 1;
                }
            }
            group_start = i;
        }
        if let Some(c) = next {
            group_end = if i == group_start {
                c.norm[2]
            } else {
                group_end.max(c.norm[2])
            };
        }
    }
    candidates.truncate(kept);
    candidates
}

/// [`select_longest`] over one group of overlapping candidates.
fn select_in_group(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    let len = |c: &Candidate| c.norm[2] - c.norm[1];
    candidates.sort_by(|a, b| len(b).cmp(&len(a)).then(a.norm[1].cmp(&b.norm[1])));
    // Keyed by start: the chosen are disjoint, so only the neighbours of a candidate's start can clash
    // with it.
    let mut chosen: BTreeMap<usize, Candidate> = BTreeMap::new();
    for candidate in candidates {
        let [prefix_start, start, end] = candidate.norm;
        let clashes_before = chosen
            .range(..start)
            .next_back()
            .is_some_and(|(_, c)| c.norm[2] > prefix_start);
        let clashes_after = chosen
            .range(start..)
            .next()
            .is_some_and(|(_, c)| c.norm[0] < end);
        if !clashes_before && !clashes_after {
            chosen.insert(start, candidate);
        }
    }
    chosen.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use khabar_tokenize::Normalizer;

    fn entry(entity: u32) -> Entry {
        Entry {
            entity: EntityId(entity),
            alias: 0,
        }
    }

    /// `(matched text, proclitic text, entity)` of every candidate in `text`.
    fn hits<'t>(names: &[(&str, u32)], text: &'t str) -> Vec<(&'t str, &'t str, u32)> {
        let normalizer = Normalizer::builder()
            .collapse_whitespace(true)
            .quotes(true)
            .build();
        let scanner = Scanner::new(&normalizer);
        let set = PatternSet::new(names.iter().map(|&(n, e)| (n, entry(e))), &scanner, |_| {
            true
        })
        .unwrap();
        let mut matcher = Matcher::new(&set, text, true);
        scanner.scan(text, |p| matcher.feed(p));
        matcher.finish();
        let mut out: Vec<_> = matcher
            .candidates
            .iter()
            .map(|c| {
                let proclitic = c.proclitic.map_or("", |p| &text[p]);
                (&text[c.span], proclitic, set.entries(c)[0].entity.0)
            })
            .collect();
        out.sort_by_key(|&(m, _, e)| (m.as_ptr() as usize, e));
        out
    }

    #[test]
    fn names_match_whole_words_after_proclitic_stacks() {
        let found = hits(
            &[("العراق", 1), ("لبنان", 2)],
            "العراق والعراق فبالعراق للعراق العراقية ولبنان بلبنان",
        );
        assert_eq!(
            found,
            [
                ("العراق", "", 1),
                ("العراق", "و", 1),
                ("العراق", "فب", 1),
                ("لعراق", "ل", 1),
                ("لبنان", "و", 2),
                ("لبنان", "ب", 2),
            ]
        );
    }

    #[test]
    fn the_proclitic_table_knows_exactly_its_five_letters() {
        for code in 0x600..0x680 {
            let letter = char::from_u32(code).unwrap().to_string();
            let expected = match letter.as_str() {
                "و" | "ف" => CONJUNCTION,
                "ب" | "ك" => PREPOSITION,
                "ل" => PREPOSITION | LAM,
                _ => 0,
            };
            assert_eq!(proclitic_letter(letter.as_bytes(), 0), expected, "{letter}");
        }
        assert_eq!(proclitic_letter("xوب".as_bytes(), 1), CONJUNCTION);
        assert_eq!(proclitic_letter("وب".as_bytes(), 2), PREPOSITION);
        assert_eq!(proclitic_letter("و".as_bytes(), 1), 0);
        assert_eq!(proclitic_letter("ڤ".as_bytes(), 0), 0); // U+06A4: lead DA, outside the table
    }

    #[test]
    fn multi_word_names_match_across_whitespace_and_diacritics() {
        let text = "حلفُ  شمالِ\nالأطلسيّ، الأطلسي";
        let found = hits(&[("حلف شمال الاطلسي", 1), ("الاطلسي", 2)], text);
        assert_eq!(
            found,
            [
                ("حلفُ  شمالِ\nالأطلسيّ", "", 1),
                ("الأطلسيّ", "", 2),
                ("الأطلسي", "", 2)
            ]
        );
    }

    #[test]
    fn a_name_ending_in_punctuation_needs_no_letter_glued_after() {
        let text = "كتائب \"سيد\" كتائب \"سيد\"ين";
        let found = hits(&[("كتائب \"سيد\"", 1)], text);
        assert_eq!(found, [("كتائب \"سيد\"", "", 1)]);
    }

    #[test]
    fn family_names_are_collected_with_their_contracted_form() {
        let normalizer = Normalizer::builder()
            .collapse_whitespace(true)
            .quotes(true)
            .build();
        let scanner = Scanner::new(&normalizer);
        let set = PatternSet::new([("محمد السوداني", entry(1))], &scanner, |_| {
            true
        })
        .unwrap();
        let text = "السوداني وللسوداني لسوداني";
        let mut matcher = Matcher::new(&set, text, true);
        scanner.scan(text, |p| matcher.feed(p));
        let found: Vec<(&str, bool)> = matcher
            .family_hits
            .iter()
            .map(|h| (&text[h.span], h.contracted))
            .collect();
        assert_eq!(found, [("السوداني", false), ("لسوداني", true)]);
        assert!(
            matcher
                .family_hits
                .iter()
                .all(|h| set.piece(h.family_hit()) == "السوداني")
        );
    }
}
