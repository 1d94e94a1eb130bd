//! The cue lexicon: reporting words, what each takes before its content, editorial formulas and the head
//! nouns that type sources. The data lives in `data/*.tsv` and is compiled in; users can add their own.

use khabar_tokenize::{Normalizer, WordMap};

use crate::{CueKind, SourceKind};

/// An error from loading lexicon data, naming the origin and line.
#[derive(Debug, thiserror::Error)]
#[error("{origin}:{line}: {message}")]
pub struct Error {
    origin: String,
    line: usize,
    message: String,
}

impl Error {
    fn new(origin: &str, line: usize, message: impl Into<String>) -> Error {
        Error {
            origin: origin.to_string(),
            line,
            message: message.into(),
        }
    }

    /// The 1-based line the error is on.
    pub fn line(&self) -> usize {
        self.line
    }
}

/// A word that starts or continues a complement (أن، إلى، عن …), numbered so that a complement is matched
/// by comparing numbers, not strings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ComplementWord(u32);

/// What may stand between a cue (with its source and adjuncts) and its content, compiled so that the
/// rules, which try a cue's complements at many tokens, test each kind once instead of walking a list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Complements {
    /// The words that are a complement on their own (أن، عن …), as bits indexed by their numbers.
    single_words: Vec<u64>,
    /// The complements of two or more words that are skipped (إلى أن …), longest first.
    pub phrases: Vec<Vec<ComplementWord>>,
    /// A colon.
    pub colon: bool,
    /// The content may start at once; khabar only accepts this before an opening quotation mark.
    pub direct: bool,
    /// Joined prepositions: the content starts with a word carrying one, which stays in the content.
    pub joined: Vec<char>,
}

impl Complements {
    /// Whether `word` alone is one of the complements.
    pub fn has_single_word(&self, word: ComplementWord) -> bool {
        let bit = word.0 as usize;
        self.single_words
            .get(bit / 64)
            .is_some_and(|bits| bits >> (bit % 64) & 1 == 1)
    }

    fn add_words(&mut self, words: Vec<ComplementWord>) {
        match words[..] {
            [word] => {
                let bit = word.0 as usize;
                if self.single_words.len() <= bit / 64 {
                    self.single_words.resize(bit / 64 + 1, 0);
                }
                self.single_words[bit / 64] |= 1 << (bit % 64);
            }
            _ => {
                let at = self.phrases.partition_point(|p| p.len() >= words.len());
                self.phrases.insert(at, words);
            }
        }
    }
}

/// How safe a cue is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CueClass {
    /// Reported whenever its pattern matches.
    Main,
    /// A homograph (بين، عبر، كتب …): reported only with an overt source and a clause complement.
    Guarded,
    /// Annotated optional (praise, thanks, topic-only): never reported, but it ends a preceding content.
    Optional,
}

/// One cue form.
#[derive(Clone, Debug)]
pub(crate) struct Cue {
    pub lemma: String,
    pub kind: CueKind,
    pub complements: Complements,
    pub class: CueClass,
}

/// Closed classes of function words that the rules test at many tokens, kept as bits of each word's
/// entry: the test is then one AND on the entry looked up once per token, not a search of a word list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct WordClasses(u8);

impl WordClasses {
    /// Opens a time adjunct (أمس، خلال، أيضا).
    pub const ADJUNCT_START: WordClasses = WordClasses(1);
    /// After في, makes an occasion adjunct (بيان، تصريح، وقت), with or without the article.
    pub const OCCASION: WordClasses = WordClasses(1 << 1);
    /// After a comma, opens a clause of the writer's (فيما، كما، لكن).
    pub const WRITER_CLAUSE: WordClasses = WordClasses(1 << 2);
    /// A quotation after it holds a name, not speech (وكالة، صحيفة).
    pub const NAME_HEAD: WordClasses = WordClasses(1 << 3);
    /// لـ, alone or glued to an outlet's head or the press: whom the words were said to follows
    /// (لـ«الحياة»، لمحطة، للصحفيين).
    pub const ADDRESSEE_HEAD: WordClasses = WordClasses(1 << 4);
    /// The speaker's own statement, speech or interview (تصريحاته، حديثه، كلمتها): the object of the
    /// cue, which ends a source (واختتم الصبيحي تصريحاته).
    pub const POSSESSED_OCCASION: WordClasses = WordClasses(1 << 5);

    /// Whether every class of `other` is in `self`.
    pub fn contains(self, other: WordClasses) -> bool {
        self.0 & other.0 == other.0
    }
}

/// Everything the lexicon says about one normalised word, so that the rules look a token up once.
#[derive(Clone, Debug, Default)]
pub(crate) struct Entry {
    /// The single-word cue of this form.
    pub cue: Option<Cue>,
    /// Two-word cues (على لسان) starting with this word: the second word and the cue.
    pub two_word_cues: Vec<(String, Cue)>,
    /// Editorial formulas starting with this word, all their words.
    pub editorial: Vec<Vec<String>>,
    /// The word's number when some complement holds it.
    pub complement_word: Option<ComplementWord>,
    /// The closed classes the word belongs to.
    pub classes: WordClasses,
}

/// The lexicon an [`crate::Attributor`] works with.
#[derive(Clone, Debug)]
pub struct Lexicon {
    normalizer: Normalizer,
    pub(crate) entries: WordMap<Entry>,
    /// How many complement words are numbered.
    complement_words: u32,
    pub(crate) heads: WordMap<SourceKind>,
}

const CUES: &str = include_str!("../data/cues.tsv");
const GUARDED: &str = include_str!("../data/cues_guarded.tsv");
const OPTIONAL: &str = include_str!("../data/cues_optional.tsv");
const EDITORIAL: &str = include_str!("../data/editorial.tsv");
const HEADS: &str = include_str!("../data/source_heads.tsv");

impl Default for Lexicon {
    fn default() -> Lexicon {
        Lexicon::builtin()
    }
}

fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

impl Lexicon {
    /// A lexicon with no cues, formulas or head nouns, for building one from scratch (it has only the
    /// word classes the rules themselves test).
    pub fn empty() -> Lexicon {
        let mut lexicon = Lexicon {
            normalizer: Normalizer::new(),
            entries: WordMap::new(),
            complement_words: 0,
            heads: WordMap::new(),
        };
        // The rules' own word classes, which are not data: every lexicon has them.
        for (word, class) in crate::extract::word_classes() {
            let classes = &mut lexicon.entry_mut(&word).classes;
            *classes = WordClasses(classes.0 | class.0);
        }
        lexicon
    }

    /// The built-in lexicon of `data/`.
    pub fn builtin() -> Lexicon {
        let mut lexicon = Lexicon::empty();
        let loaded = lexicon
            .add_cues(CUES, "data/cues.tsv")
            .and_then(|l| l.add_guarded_cues(GUARDED, "data/cues_guarded.tsv"))
            .and_then(|l| l.add_optional_cues(OPTIONAL, "data/cues_optional.tsv"))
            .and_then(|l| l.add_editorial(EDITORIAL, "data/editorial.tsv"))
            .and_then(|l| l.add_source_heads(HEADS, "data/source_heads.tsv"))
            .map(|_| ());
        if let Err(error) = loaded {
            unreachable!("the built-in lexicon is checked by the crate's tests: {error}");
        }
        lexicon
    }

    pub(crate) fn normalize(&self, text: &str) -> String {
        self.normalizer.normalize_str(text).into_owned()
    }

    /// What the lexicon says about a normalised word. Always inlined: `Doc::new` asks this of every
    /// token, and most answers come from the filter of [`WordMap::get`] in a few instructions, fewer than
    /// a call costs.
    #[inline(always)]
    pub(crate) fn entry(&self, norm: &str) -> Option<&Entry> {
        self.entries.get(norm)
    }

    fn entry_mut(&mut self, norm: &str) -> &mut Entry {
        self.entries.get_or_insert_with(norm, Entry::default)
    }

    /// The number of a complement word (normalising it), numbering it when new.
    fn complement_word(&mut self, word: &str) -> ComplementWord {
        let norm = self.normalize(word);
        let next = ComplementWord(self.complement_words);
        let entry = self.entry_mut(&norm);
        match entry.complement_word {
            Some(number) => number,
            None => {
                entry.complement_word = Some(next);
                self.complement_words += 1;
                next
            }
        }
    }

    fn add_cue_table(
        &mut self,
        text: &str,
        origin: &str,
        class: CueClass,
    ) -> Result<&mut Self, Error> {
        for (line, row) in data_lines(text) {
            let columns: Vec<&str> = row.split('\t').collect();
            let [form, lemma, kind, complements] = columns[..] else {
                return Err(Error::new(
                    origin,
                    line,
                    format!("expected 4 tab-separated columns, found {}", columns.len()),
                ));
            };
            let kind = match kind.trim() {
                "verb" => CueKind::Verb,
                "participle" => CueKind::Participle,
                "according" => CueKind::AccordingTo,
                "noun" => CueKind::Noun,
                other => {
                    return Err(Error::new(
                        origin,
                        line,
                        format!("unknown cue kind {other:?}"),
                    ));
                }
            };
            let mut compiled = Complements::default();
            for complement in complements.split('|').map(str::trim) {
                match complement {
                    "" => {}
                    ":" => compiled.colon = true,
                    "_" => compiled.direct = true,
                    "ب" => compiled.joined.push('ب'),
                    "ل" => compiled.joined.push('ل'),
                    words => {
                        let words = words
                            .split_whitespace()
                            .map(|w| self.complement_word(w))
                            .collect();
                        compiled.add_words(words);
                    }
                }
            }
            let cue = Cue {
                lemma: lemma.trim().to_string(),
                kind,
                complements: compiled,
                class,
            };
            let words: Vec<String> = form.split_whitespace().map(|w| self.normalize(w)).collect();
            match words.as_slice() {
                [one] => {
                    // The first table to name a form wins: main before guarded before optional.
                    self.entry_mut(one).cue.get_or_insert(cue);
                }
                [first, second] => self
                    .entry_mut(first)
                    .two_word_cues
                    .push((second.clone(), cue)),
                _ => {
                    return Err(Error::new(
                        origin,
                        line,
                        format!("a cue form has one or two words, not {form:?}"),
                    ));
                }
            }
        }
        Ok(self)
    }

    /// Adds cue forms (`form<TAB>lemma<TAB>verb|participle|according|noun<TAB>complements`).
    pub fn add_cues(&mut self, text: &str, origin: &str) -> Result<&mut Self, Error> {
        self.add_cue_table(text, origin, CueClass::Main)
    }

    /// Adds homograph cue forms, reported only with an overt source and a clause complement.
    pub fn add_guarded_cues(&mut self, text: &str, origin: &str) -> Result<&mut Self, Error> {
        self.add_cue_table(text, origin, CueClass::Guarded)
    }

    /// Adds cue forms that are never reported but end the content before them.
    pub fn add_optional_cues(&mut self, text: &str, origin: &str) -> Result<&mut Self, Error> {
        self.add_cue_table(text, origin, CueClass::Optional)
    }

    /// Adds editorial formulas (one phrase a line): cues inside them are the writer's, not reports.
    pub fn add_editorial(&mut self, text: &str, _origin: &str) -> Result<&mut Self, Error> {
        for (_, row) in data_lines(text) {
            let words: Vec<String> = row.split_whitespace().map(|w| self.normalize(w)).collect();
            if let Some(first) = words.first() {
                self.entry_mut(first).editorial.push(words);
            }
        }
        Ok(self)
    }

    /// Adds head nouns that type a source (`word<TAB>person|organization|media|document|anonymous|group`).
    pub fn add_source_heads(&mut self, text: &str, origin: &str) -> Result<&mut Self, Error> {
        for (line, row) in data_lines(text) {
            let Some((word, kind)) = row.split_once('\t') else {
                return Err(Error::new(origin, line, "expected word<TAB>source_kind"));
            };
            let kind = match kind.trim() {
                "person" => SourceKind::Person,
                "organization" => SourceKind::Organization,
                "media" => SourceKind::Media,
                "document" => SourceKind::Document,
                "anonymous" => SourceKind::Anonymous,
                "group" => SourceKind::Group,
                other => {
                    return Err(Error::new(
                        origin,
                        line,
                        format!("unknown source kind {other:?}"),
                    ));
                }
            };
            self.heads.insert(self.normalize(word.trim()), kind);
        }
        Ok(self)
    }

    /// Number of single-word and two-word cue forms.
    pub fn cue_count(&self) -> usize {
        self.entries
            .iter()
            .map(|(_, entry)| usize::from(entry.cue.is_some()) + entry.two_word_cues.len())
            .sum()
    }

    /// The source kind a head word signals, trying it with and without the article.
    pub(crate) fn head_kind(&self, norm: &str) -> Option<SourceKind> {
        self.heads
            .get(norm)
            .or_else(|| {
                norm.strip_prefix("ال")
                    .and_then(|bare| self.heads.get(bare))
            })
            .copied()
    }
}

#[cfg(test)]
mod tests {
    use super::Lexicon;
    use crate::Attributor;

    #[test]
    fn a_lexicon_built_from_scratch_knows_the_rules_word_classes() {
        let mut lexicon = Lexicon::empty();
        lexicon
            .add_cues("كشف\tكشف\tverb\tأن", "test")
            .expect("one well-formed row");
        // في وقت سابق is an occasion adjunct: it ends the source although no data file was loaded.
        let text = "وكشف متحدث عسكري عراقي في وقت سابق أن المباحثات تهدف إلى صياغة جدول زمني.";
        let found = Attributor::with_lexicon(lexicon).find(text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].source.unwrap()], "متحدث عسكري عراقي");
        assert_eq!(
            &text[found[0].content],
            "المباحثات تهدف إلى صياغة جدول زمني"
        );
    }
}
