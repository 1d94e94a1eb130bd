//! The dictionary matcher: a character-wise minimal-prefix trie over the normalised names, walked only from
//! the places where a name can begin, and the boundary and clitic checks that decide which hits are real
//! mentions.
//!
//! A name begins at a word start, or right after a proclitic stack glued to the word start (و ف ب ل ك,
//! and و or ف followed by ب ل ك); the contracted form of a name with the article (للعراق → لعراق) begins
//! right after a stack ending in ل. From each such start, a common-prefix search of the trie yields every
//! name that the text there begins with. Every such hit is examined *before* any selection, because a
//! longer hit that fails the end-of-word check must not hide a shorter one that passes.
//!
//! The trie is the `crawdad` crate's `MpTrie`: a double array over the shortest prefixes that tell the
//! names apart, each followed by the rest of its name stored flat. Names share few long prefixes, so
//! it takes about a third less memory than the plain double array (`crawdad::Trie`) for about 2% more
//! instructions per search. It cannot hold a rest of more than 255 characters; a name set with one
//! falls back to the plain double array. No type of crawdad appears outside this module.

use std::collections::BTreeMap;
use std::fmt;

use khabar_tokenize::chars::{is_arabic_letter, is_arabic_word_mark};
use rustc_hash::FxHashMap;

use crate::{EntityId, Error, ErrorKind};

/// One (entity, name) pair a pattern stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    pub entity: EntityId,
    /// Index into [`crate::Entity::names`].
    pub alias: u32,
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

/// The normalised names of a gazetteer compiled into a trie, with what each stands for.
pub(crate) struct PatternSet {
    /// `None` when there are no patterns (the trie cannot be empty).
    trie: Option<Trie>,
    /// Byte length of each pattern: a hit's end is its start plus this (ASCII lowercasing, the only
    /// difference between the text and the pattern, keeps lengths).
    lens: Vec<u32>,
    /// The entries of pattern `i`: plain ones at `entries[offsets[2i]..offsets[2i + 1]]`, contracted ones
    /// (the name with the article, written after the preposition ل, which swallows the article's alef:
    /// العراق → للعراق; valid only right after that ل) at `entries[offsets[2i + 1]..offsets[2i + 2]]`.
    offsets: Vec<u32>,
    entries: Vec<Entry>,
}

impl fmt::Debug for PatternSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PatternSet")
            .field("patterns", &self.lens.len())
            .field("entries", &self.entries.len())
            .field("memory", &self.memory_usage())
            .finish()
    }
}

/// One name (or its contracted form) while the pattern set is built.
struct Record {
    /// Byte range of the pattern, as the trie stores it ([`trie_char`]), in the build buffer.
    start: usize,
    end: usize,
    contracted: bool,
    entry: Entry,
}

impl PatternSet {
    /// Compiles `(normalised name, entry)` pairs. Names are expected non-empty and already normalised
    /// with whitespace collapsed, and the entries of one entity to come one after the other (as
    /// [`crate::GazetteerBuilder::build`] yields them).
    pub fn new<'n>(names: impl IntoIterator<Item = (&'n str, Entry)>) -> Result<PatternSet, Error> {
        // All patterns in one buffer, ASCII-lowercased: the search ignores ASCII case, so names differing
        // only in it are one pattern (NATO and Nato would otherwise be two patterns over the same text,
        // and one entity would be lost).
        let mut buffer = String::new();
        let mut records: Vec<Record> = Vec::new();
        for (name, entry) in names {
            let start = buffer.len();
            push_trie_key(&mut buffer, name);
            records.push(Record {
                start,
                end: buffer.len(),
                contracted: false,
                entry,
            });
            if let Some(rest) = contracted_rest(name) {
                let start = buffer.len();
                buffer.push('ل');
                push_trie_key(&mut buffer, rest);
                records.push(Record {
                    start,
                    end: buffer.len(),
                    contracted: true,
                    entry,
                });
            }
        }
        // Stable: entries keep the order they came in, so the first entity of a shared name stays first.
        records.sort_by(|a, b| {
            buffer[a.start..a.end]
                .cmp(&buffer[b.start..b.end])
                .then(a.contracted.cmp(&b.contracted))
        });
        let mut keys: Vec<(usize, usize)> = Vec::new();
        let mut lens: Vec<u32> = Vec::new();
        let mut offsets: Vec<u32> = vec![0];
        let mut entries: Vec<Entry> = Vec::with_capacity(records.len());
        let too_many = || {
            Error::new(ErrorKind::Build(
                "more than 2^31 patterns or entries".into(),
            ))
        };
        let mut i = 0;
        while i < records.len() {
            let key = &buffer[records[i].start..records[i].end];
            for contracted in [false, true] {
                let first = entries.len();
                while i < records.len()
                    && records[i].contracted == contracted
                    && &buffer[records[i].start..records[i].end] == key
                {
                    let entry = records[i].entry;
                    // One entry per entity: its first name that normalises to the pattern (an entity's
                    // entries come one after the other, so only the last one can be the same entity).
                    if entries.len() == first || entries[entries.len() - 1].entity != entry.entity {
                        entries.push(entry);
                    }
                    i += 1;
                }
                offsets.push(u32::try_from(entries.len()).map_err(|_| too_many())?);
            }
            keys.push((records[i - 1].start, records[i - 1].end));
            lens.push(u32::try_from(key.len()).map_err(|_| too_many())?);
        }
        let trie = if keys.is_empty() {
            None
        } else {
            let records = || {
                keys.iter()
                    .enumerate()
                    .map(|(id, &(start, end))| (&buffer[start..end], id as u32))
            };
            Some(Trie::build(records)?)
        };
        Ok(PatternSet {
            trie,
            lens,
            offsets,
            entries,
        })
    }

    /// Number of distinct patterns (names and their contracted forms).
    pub fn len(&self) -> usize {
        self.lens.len()
    }

    /// Heap memory of the trie and the tables behind it, in bytes.
    pub fn memory_usage(&self) -> usize {
        self.trie.as_ref().map_or(0, Trie::heap_bytes)
            + self.lens.capacity() * size_of::<u32>()
            + self.offsets.capacity() * size_of::<u32>()
            + self.entries.capacity() * size_of::<Entry>()
    }

    /// Appends every hit in `norm` that stands at word boundaries, possibly after proclitics.
    pub fn candidates(&self, norm: &str, words: &[Word], out: &mut Vec<Candidate>) {
        let Some(trie) = &self.trie else {
            return;
        };
        for_each_start(norm, words, |prefix_start, start, after_lam, _| {
            let text = norm[start..].chars().map(trie_char);
            trie.for_each_prefix(text, |pattern| {
                let Some(&len) = self.lens.get(pattern as usize) else {
                    return;
                };
                let end = start + len as usize;
                if !ends_word(norm, end) {
                    return;
                }
                let (plain, contracted) = self.ranges(pattern);
                push_candidates(
                    out,
                    [prefix_start, start, end],
                    pattern,
                    !plain.is_empty(),
                    after_lam && !contracted.is_empty(),
                );
            });
        });
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

    /// Appends the compiled set to `out` (see [`PatternSet::read`]).
    pub(crate) fn write(&self, out: &mut crate::bytes::Writer) {
        out.u32s(&self.lens);
        out.u32s(&self.offsets);
        out.len(self.entries.len());
        for entry in &self.entries {
            out.u32(entry.entity.0);
            out.u32(entry.alias);
        }
        match &self.trie {
            Some(trie) => trie.write(out),
            None => out.u32(NO_TRIE),
        }
    }

    /// Reads a set written by [`PatternSet::write`], checking that its tables fit together and point at
    /// the `names` counts of the entities (`names[e]` = number of names of entity `e`).
    pub(crate) fn read(
        input: &mut crate::bytes::Reader<'_>,
        names: &[u32],
    ) -> Result<PatternSet, Error> {
        let lens = input.u32s()?;
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
        if offsets.len() != 2 * lens.len() + 1
            || offsets.first() != Some(&0)
            || offsets.windows(2).any(|w| w[0] > w[1])
            || offsets.last().is_some_and(|&o| o as usize != entries.len())
        {
            return Err(input.invalid("the pattern tables do not fit together"));
        }
        let trie = Trie::read(input)?;
        if trie.is_none() != lens.is_empty() {
            return Err(input.invalid("the trie does not fit the pattern tables"));
        }
        Ok(PatternSet {
            trie,
            lens,
            offsets,
            entries,
        })
    }
}

/// Tags of the trie in the compiled format.
const NO_TRIE: u32 = 0;
const COMPACT_TRIE: u32 = 1;
const PLAIN_TRIE: u32 = 2;

/// The trie over the patterns, pattern ids as values.
enum Trie {
    /// crawdad's minimal-prefix trie: the usual one.
    Compact(crawdad::MpTrie),
    /// crawdad's plain double array, for name sets the compact trie cannot hold.
    Plain(crawdad::Trie),
}

impl Trie {
    /// Builds the compact trie, or the plain one when a name's rest is too long for it. `records`
    /// gives the `(pattern, id)` pairs, sorted, each time it is called.
    fn build<'k, I>(records: impl Fn() -> I) -> Result<Trie, Error>
    where
        I: Iterator<Item = (&'k str, u32)>,
    {
        let error = |e: crawdad::errors::CrawdadError| Error::new(ErrorKind::Build(e.to_string()));
        match crawdad::MpTrie::from_records(records()) {
            Ok(trie) => Ok(Trie::Compact(trie)),
            Err(crawdad::errors::CrawdadError::Scale(_)) => crawdad::Trie::from_records(records())
                .map(Trie::Plain)
                .map_err(error),
            Err(e) => Err(error(e)),
        }
    }

    /// Calls `f` with the id of every pattern `text` begins with.
    #[inline]
    fn for_each_prefix(&self, text: impl Iterator<Item = char>, mut f: impl FnMut(u32)) {
        match self {
            Trie::Compact(trie) => trie.common_prefix_search(text).for_each(|(id, _)| f(id)),
            Trie::Plain(trie) => trie.common_prefix_search(text).for_each(|(id, _)| f(id)),
        }
    }

    fn heap_bytes(&self) -> usize {
        match self {
            Trie::Compact(trie) => trie.heap_bytes(),
            Trie::Plain(trie) => trie.heap_bytes(),
        }
    }

    fn write(&self, out: &mut crate::bytes::Writer) {
        let (tag, bytes) = match self {
            Trie::Compact(trie) => (COMPACT_TRIE, trie.serialize_to_vec()),
            Trie::Plain(trie) => (PLAIN_TRIE, trie.serialize_to_vec()),
        };
        out.u32(tag);
        out.bytes(&bytes);
    }

    /// Reads what [`Trie::write`] wrote (or the tag of no trie).
    fn read(input: &mut crate::bytes::Reader<'_>) -> Result<Option<Trie>, Error> {
        let tag = input.u32()?;
        if tag == NO_TRIE {
            return Ok(None);
        }
        let bytes = input.bytes()?;
        let (trie, rest, used) = match tag {
            COMPACT_TRIE => {
                let (trie, rest) = crawdad::MpTrie::deserialize_from_slice(bytes);
                let used = trie.io_bytes();
                (Trie::Compact(trie), rest, used)
            }
            PLAIN_TRIE => {
                let (trie, rest) = crawdad::Trie::deserialize_from_slice(bytes);
                let used = trie.io_bytes();
                (Trie::Plain(trie), rest, used)
            }
            _ => return Err(input.invalid("unknown trie kind")),
        };
        if !rest.is_empty() || used != bytes.len() {
            return Err(input.invalid("the trie has trailing bytes"));
        }
        Ok(Some(trie))
    }
}

/// The one-word names searched in one document (the family names of the people it names): hashed, and
/// looked up at the same starts as the gazetteer's names. Building it costs a hash insert per name.
#[derive(Debug)]
pub(crate) struct WordSet {
    /// ASCII-lowercased word → pattern id, for words made only of letters, digits and word marks (a hit
    /// of one of those that ends a word spans exactly the word run from its start).
    words: FxHashMap<String, u32>,
    /// Patterns with other characters in them (rare: family names are words), by the run of letters,
    /// digits and word marks they start with (the run of the text at a start must equal it).
    other: FxHashMap<String, Vec<(String, u32)>>,
    /// `(plain, contracted)` entries of each pattern.
    patterns: Vec<(Vec<Entry>, Vec<Entry>)>,
    /// Bit `n` is set when some word of `words` is `n` bytes long (bit 0 for 128 bytes or more): most
    /// starts are rejected without hashing.
    lengths: u128,
    /// The same for the leading runs of `other`.
    other_lengths: u128,
    /// A one-hash Bloom filter of the words of `words` over their length and first and last bytes: most
    /// runs of the right length are rejected without hashing them whole.
    filter: Box<[u64; 64]>,
}

impl WordSet {
    /// Collects `(normalised word, entry)` pairs, and their contracted forms.
    pub fn new<'n>(names: impl IntoIterator<Item = (&'n str, Entry)>) -> WordSet {
        let mut set = WordSet {
            words: FxHashMap::default(),
            other: FxHashMap::default(),
            patterns: Vec::new(),
            lengths: 0,
            other_lengths: 0,
            filter: Box::new([0; 64]),
        };
        for (name, entry) in names {
            set.insert(name.to_ascii_lowercase(), entry, false);
            if let Some(rest) = contracted_rest(name) {
                set.insert(format!("ل{}", rest.to_ascii_lowercase()), entry, true);
            }
        }
        set
    }

    fn insert(&mut self, word: String, entry: Entry, contracted: bool) {
        if word.is_empty() {
            return;
        }
        let next = self.patterns.len() as u32;
        let id = if word.chars().all(is_word_run_char) {
            self.lengths |= 1 << (word.len().min(128) % 128);
            let bit = filter_bit(word.as_bytes());
            self.filter[bit / 64] |= 1 << (bit % 64);
            *self.words.entry(word).or_insert(next)
        } else {
            let run = word
                .find(|c: char| !is_word_run_char(c))
                .unwrap_or(word.len());
            let leading = word[..run].to_string();
            let same_run = self.other.entry(leading).or_default();
            if let Some((_, id)) = same_run.iter().find(|(w, _)| *w == word) {
                *id
            } else {
                same_run.push((word, next));
                self.other_lengths |= 1 << (run.min(128) % 128);
                next
            }
        };
        if id == next {
            self.patterns.push((Vec::new(), Vec::new()));
        }
        let (plain, contracted_entries) = &mut self.patterns[id as usize];
        let entries = if contracted {
            contracted_entries
        } else {
            plain
        };
        if !entries.iter().any(|e| e.entity == entry.entity) {
            entries.push(entry);
        }
    }

    /// Appends every hit in `norm` that stands at word boundaries, possibly after proclitics.
    pub fn candidates(&self, norm: &str, words: &[Word], out: &mut Vec<Candidate>) {
        if self.patterns.is_empty() {
            return;
        }
        let mut lowered = String::new();
        for_each_start(norm, words, |prefix_start, start, after_lam, run_end| {
            let mut push = |pattern: u32, end: usize| {
                let (plain, contracted) = &self.patterns[pattern as usize];
                push_candidates(
                    out,
                    [prefix_start, start, end],
                    pattern,
                    !plain.is_empty(),
                    after_lam && !contracted.is_empty(),
                );
            };
            // A word of the map that ends a word spans the rest of the run exactly; a pattern of `other`
            // starts with the rest of the run.
            let len = run_end.saturating_sub(start);
            let word = len > 0 && has_length(self.lengths, len) && {
                let bit = filter_bit(&norm.as_bytes()[start..run_end]);
                self.filter[bit / 64] & (1 << (bit % 64)) != 0
            };
            let other = !self.other.is_empty() && has_length(self.other_lengths, len);
            if !word && !other {
                return;
            }
            let run = &norm[start..start + len];
            let run = if run.bytes().any(|b| b.is_ascii_uppercase()) {
                lowered.clear();
                lowered.push_str(run);
                lowered.make_ascii_lowercase();
                lowered.as_str()
            } else {
                run
            };
            if word {
                if let Some(&pattern) = self.words.get(run) {
                    push(pattern, run_end);
                }
            }
            if other {
                for (other, pattern) in self.other.get(run).into_iter().flatten() {
                    let end = start + other.len();
                    if norm
                        .get(start..end)
                        .is_some_and(|r| r.eq_ignore_ascii_case(other))
                        && ends_word(norm, end)
                    {
                        push(*pattern, end);
                    }
                }
            }
        });
    }

    /// The entries a candidate stands for.
    pub(crate) fn entries(&self, candidate: &Candidate) -> &[Entry] {
        let (plain, contracted) = &self.patterns[candidate.pattern as usize];
        if candidate.contracted {
            contracted
        } else {
            plain
        }
    }
}

/// Appends `text` as the trie stores it ([`trie_char`]).
fn push_trie_key(buffer: &mut String, text: &str) {
    buffer.extend(text.chars().map(trie_char));
}

/// A character as the trie stores and reads it: ASCII lowercased, and crawdad's end marker U+FFFF (a
/// noncharacter, which no key may hold) as U+FFFD, the same three bytes in UTF-8, so lengths keep.
#[inline]
fn trie_char(c: char) -> char {
    if c == crawdad::END_MARKER {
        char::REPLACEMENT_CHARACTER
    } else {
        c.to_ascii_lowercase()
    }
}

/// العراق → عراق: what follows the article in a name whose contracted form (لعراق, after the
/// preposition ل) is searched too.
fn contracted_rest(name: &str) -> Option<&str> {
    let rest = name.strip_prefix("ال")?;
    (rest.chars().take_while(|&c| is_arabic_letter(c)).count() >= 2).then_some(rest)
}

/// Bit of [`CLASSES`]: a letter, digit or word mark, which continues a word (see [`is_word_run_char`]).
const WORD_RUN: u8 = 1;
/// Bit of [`CLASSES`]: [`WORD_RUN`] or an Arabic letter (see [`is_glued`]).
const GLUED: u8 = 2;
/// Bit of [`CLASSES`]: whitespace, where no name starts.
const SPACE: u8 = 4;
/// The first code points (Latin, Greek, Cyrillic, Hebrew, Arabic) whose classes are looked up in a table:
/// `char::is_alphanumeric` outside ASCII is a binary search, too slow for every character of the text.
const TABLE_LEN: usize = 0x800;

fn classify(c: char) -> u8 {
    let run = c.is_alphanumeric() || is_arabic_word_mark(c);
    let glued = run || is_arabic_letter(c);
    (u8::from(run) * WORD_RUN) | (u8::from(glued) * GLUED) | (u8::from(c.is_whitespace()) * SPACE)
}

fn classes() -> &'static [u8; TABLE_LEN] {
    static CLASSES: std::sync::OnceLock<[u8; TABLE_LEN]> = std::sync::OnceLock::new();
    CLASSES.get_or_init(|| {
        let mut table = [0; TABLE_LEN];
        for (code, class) in table.iter_mut().enumerate() {
            *class = char::from_u32(code as u32).map_or(0, classify);
        }
        table
    })
}

#[inline]
fn class(table: &[u8; TABLE_LEN], c: char) -> u8 {
    table
        .get(c as usize)
        .copied()
        .unwrap_or_else(|| classify(c))
}

/// Whether `c` continues a word for [`ends_word`]: a name must not be followed by one.
fn is_word_run_char(c: char) -> bool {
    class(classes(), c) & WORD_RUN != 0
}

/// Records a hit of `pattern` at `[prefix start, start, end]` once for its plain entries and once for
/// its contracted (لل) ones, as each applies.
fn push_candidates(
    out: &mut Vec<Candidate>,
    [prefix_start, start, end]: [usize; 3],
    pattern: u32,
    plain: bool,
    contracted: bool,
) {
    for (applies, contracted) in [(plain, false), (contracted, true)] {
        if applies {
            out.push(Candidate {
                prefix_start,
                start,
                end,
                pattern,
                contracted,
            });
        }
    }
}

/// Whether a name ending at `end` ends a word: what follows is not a letter, mark or digit.
fn ends_word(norm: &str, end: usize) -> bool {
    norm.get(end..)
        .and_then(|rest| rest.chars().next())
        .is_none_or(|c| !is_word_run_char(c))
}

/// Whether the word before byte `at` of `norm` (across whitespace only) is a definite noun (ال and three
/// letters or more, so not إلى or التي) other than a place word: a place name shaped like a feminine
/// nisba right after one (الحدود السعودية، العمالة السعودية) is the adjective, not the place; after
/// المنطقة it is the place.
pub(crate) fn after_definite_word(norm: &str, words: &[Word], at: usize) -> bool {
    let before = words.partition_point(|w| w.start < at);
    let Some(previous) = before.checked_sub(1).and_then(|i| words.get(i)) else {
        return false;
    };
    let gap = norm.get(previous.run_end..at);
    let word = norm.get(previous.start..previous.run_end).unwrap_or("");
    gap.is_some_and(|gap| gap.chars().all(char::is_whitespace))
        && word
            .strip_prefix("ال")
            .is_some_and(|noun| noun.chars().count() >= 3 && !crate::rules::is_place_word(noun))
}

/// A word start of a text, and the end of the run of letters, digits and word marks from there.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Word {
    start: usize,
    run_end: usize,
}

/// The word starts of `norm`, found once and shared by the searches of one text. A word starts where
/// the character before is not a letter, digit or word mark (nor an Arabic letter: even one that is not
/// alphanumeric, unassigned in the Arabic ranges, counts towards a proclitic stack glued in front of a
/// name). Its `run_end` ends the run of letters, digits and word marks from there (equal to the start
/// when none starts there).
pub(crate) fn words(norm: &str) -> Vec<Word> {
    let table = classes();
    let bytes = norm.as_bytes();
    let mut words: Vec<Word> = Vec::with_capacity(norm.len() / 16);
    // The word whose run is still open.
    let mut open = false;
    let mut glued = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII and two-byte characters (Arabic among them) straight from the table, without decoding.
        let (class, len) = if b < 0x80 {
            (table[usize::from(b)], 1)
        } else if b < 0xE0 && i + 1 < bytes.len() {
            (class_of_two(table, b, bytes[i + 1]), 2)
        } else {
            match norm.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) => (self::class(table, c), c.len_utf8()),
                None => break,
            }
        };
        if open && class & WORD_RUN == 0 {
            if let Some(word) = words.last_mut() {
                word.run_end = i;
            }
            open = false;
        }
        // No name starts with whitespace (names are trimmed): the place after it is the next word start.
        if !glued && class & SPACE == 0 {
            words.push(Word {
                start: i,
                run_end: i,
            });
            open = class & WORD_RUN != 0;
        }
        glued = class & GLUED != 0;
        i += len;
        // Inside a run, the following two-byte word characters (Arabic letters, the bulk of the text)
        // change nothing above: skip them in a tight loop.
        if open {
            while i + 1 < bytes.len()
                && (0xC0..0xE0).contains(&bytes[i])
                && class_of_two(table, bytes[i], bytes[i + 1]) & (WORD_RUN | SPACE) == WORD_RUN
            {
                i += 2;
            }
        }
    }
    if open {
        if let Some(word) = words.last_mut() {
            word.run_end = bytes.len();
        }
    }
    words
}

/// The bit of [`WordSet::filter`] for a word (ASCII case ignored): a hash of its length and its first
/// and last two bytes.
#[inline]
fn filter_bit(word: &[u8]) -> usize {
    let byte = |i: usize| u64::from(word.get(i).map_or(0, u8::to_ascii_lowercase));
    let n = word.len();
    let key = (n as u64)
        | byte(0) << 16
        | byte(1) << 24
        | byte(n.wrapping_sub(2)) << 32
        | byte(n.wrapping_sub(1)) << 40;
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 52) as usize
}

/// Whether bit `len` (bit 0 for 128 or more) of a length set is set.
#[inline]
fn has_length(lengths: u128, len: usize) -> bool {
    lengths & (1 << (len.min(128) % 128)) != 0
}

/// The class of the two-byte character `lead`, `cont` (U+0080–U+07FF).
#[inline]
fn class_of_two(table: &[u8; TABLE_LEN], lead: u8, cont: u8) -> u8 {
    let code = (usize::from(lead & 0x1F) << 6) | usize::from(cont & 0x3F);
    table[code]
}

/// Calls `f(prefix_start, start, after_lam, run_end)` for every place a name can begin: each word start
/// of `words`, and the places after a proclitic stack glued there (و ف ب ل ك, and و or ف followed
/// by ب ل ك). `prefix_start` is the word start; `after_lam` says the stack ends in ل, after which
/// contracted names may begin; `run_end` is passed on from [`for_each_word`].
#[inline]
fn for_each_start(norm: &str, words: &[Word], mut f: impl FnMut(usize, usize, bool, usize)) {
    let bytes = norm.as_bytes();
    // A proclitic letter at `at`: Some(whether it is ل).
    let proclitic = |at: usize, first: bool| -> Option<bool> {
        match bytes.get(at..at + 2)? {
            [0xD9, 0x88] | [0xD9, 0x81] if first => Some(false), // و ف
            [0xD8, 0xA8] | [0xD9, 0x83] => Some(false),          // ب ك
            [0xD9, 0x84] => Some(true),                          // ل
            _ => None,
        }
    };
    let is_wa_or_fa = |at: usize| matches!(bytes.get(at..at + 2), Some([0xD9, 0x88 | 0x81]));
    for &Word { start: i, run_end } in words {
        f(i, i, false, run_end);
        if let Some(after_lam) = proclitic(i, true) {
            f(i, i + 2, after_lam, run_end);
            if is_wa_or_fa(i) {
                if let Some(after_lam) = proclitic(i + 2, false) {
                    f(i, i + 4, after_lam, run_end);
                }
            }
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(entity: u32) -> Entry {
        Entry {
            entity: EntityId(entity),
            alias: 0,
        }
    }

    /// (start, end, entity) of every hit of a word set.
    fn hits(set: &WordSet, norm: &str) -> Vec<(usize, usize, u32)> {
        let mut out = Vec::new();
        set.candidates(norm, &words(norm), &mut out);
        out.iter()
            .map(|c| (c.start, c.end, set.entries(c)[0].entity.0))
            .collect()
    }

    #[test]
    fn word_set_matches_whole_words_after_proclitics() {
        let set = WordSet::new([("السوداني", entry(1)), ("Smith", entry(2))]);
        let norm = "السوداني والسوداني للسوداني السودانية SMITH smithy";
        let found: Vec<(&str, u32)> = hits(&set, norm)
            .into_iter()
            .map(|(s, e, id)| (&norm[s..e], id))
            .collect();
        assert_eq!(
            found,
            [
                ("السوداني", 1),
                ("السوداني", 1),
                ("لسوداني", 1),
                ("SMITH", 2)
            ]
        );
    }

    #[test]
    fn word_set_matches_words_with_other_characters() {
        let set = WordSet::new([("عبد-الله", entry(1)), ("\"الشهداء\"", entry(2))]);
        let norm = "عبد-الله وعبد-الله عبد-اللهي عبد \"الشهداء\" و\"الشهداء\"";
        let found: Vec<(&str, u32)> = hits(&set, norm)
            .into_iter()
            .map(|(s, e, id)| (&norm[s..e], id))
            .collect();
        assert_eq!(
            found,
            [
                ("عبد-الله", 1),
                ("عبد-الله", 1),
                ("\"الشهداء\"", 2),
                ("\"الشهداء\"", 2)
            ]
        );
    }

    #[test]
    fn starts_are_word_starts_and_places_after_proclitic_stacks() {
        let norm = "والعراق فبلبنان x.وبه 2ل وللعراق";
        let mut starts = Vec::new();
        for_each_start(norm, &words(norm), |prefix_start, start, after_lam, _| {
            starts.push((&norm[prefix_start..start], &norm[start..], after_lam));
        });
        let words: Vec<(&str, bool)> = starts
            .iter()
            .filter(|(_, rest, _)| !rest.starts_with(' '))
            .map(|(prefix, _, after_lam)| (*prefix, *after_lam))
            .collect();
        assert_eq!(
            words,
            [
                ("", false),
                ("و", false),
                ("", false),
                ("ف", false),
                ("فب", false),
                ("", false),
                ("", false),
                ("و", false),
                ("وب", false),
                ("", false),
                ("", false),
                ("و", false),
                ("ول", true),
            ]
        );
    }
}
