//! Clitic analysis: the plausible splits of an Arabic word into proclitics, stem and enclitic pronoun.
//!
//! Arabic glues conjunctions (و ف), prepositions (ب ل ك), the future marker (س) and the article (ال) to
//! the front of a word and object or possessive pronouns to its end. A split is never forced: بغداد, بلدة,
//! فرنسا, لبنان and والي all have an analysis that keeps the word whole, and the word-initial letters are
//! only offered as clitics when what remains is long enough to be a word. The ل + ال contraction (للعراق)
//! is analysed as the preposition ل plus an article written as a single ل.

use crate::Span;
use crate::chars::is_arabic_word_mark;

/// The role of one part of an analysed word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum PartKind {
    /// The conjunction و or ف.
    Conjunction,
    /// The preposition ب, ل or ك.
    Preposition,
    /// The future marker س.
    Future,
    /// The definite article ال (or its ل after the preposition ل).
    Article,
    /// The stem: what remains.
    Stem,
    /// An enclitic pronoun (ـه ـها ـهم ـهما ـهن ـك ـكم ـكما ـكن ـنا ـي).
    Pronoun,
}

/// One part of an analysis, with its span in the original text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct CliticPart {
    /// Byte span in the original text.
    pub span: Span,
    /// What the part is.
    pub kind: PartKind,
}

/// One way of splitting a word: its parts in text order; exactly one of them is the stem.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct CliticAnalysis {
    /// The parts, in text order.
    pub parts: Vec<CliticPart>,
}

impl CliticAnalysis {
    /// The stem's span.
    pub fn stem(&self) -> Span {
        self.parts
            .iter()
            .find(|p| p.kind == PartKind::Stem)
            .map_or(Span::default(), |p| p.span)
    }

    /// The span of the name as the annotation guide marks it: the stem with its article, without the
    /// proclitics before the article (in للعراق: لعراق).
    pub fn stem_with_article(&self) -> Span {
        let stem = self.stem();
        self.parts
            .iter()
            .find(|p| p.kind == PartKind::Article)
            .map_or(stem, |article| article.span.cover(stem))
    }

    /// The proclitics (conjunction, preposition, future marker), without the article.
    pub fn proclitics(&self) -> impl Iterator<Item = &CliticPart> {
        self.parts.iter().filter(|p| {
            matches!(
                p.kind,
                PartKind::Conjunction | PartKind::Preposition | PartKind::Future
            )
        })
    }

    /// Whether this analysis keeps the word whole.
    pub fn is_whole(&self) -> bool {
        self.parts.len() == 1
    }
}

/// A letter of the word, folded for analysis (alef variants to ا), with its byte range in the original
/// text including the marks that follow it.
#[derive(Clone, Copy)]
struct Letter {
    ch: char,
    /// Whether the letter is a bare alef (ا or ٱ), the only alef that can start the article.
    bare_alef: bool,
    start: usize,
    end: usize,
}

fn letters(word: &str, offset: usize) -> Vec<Letter> {
    let mut out: Vec<Letter> = Vec::with_capacity(word.len() / 2);
    for (at, ch) in word.char_indices() {
        let end = offset + at + ch.len_utf8();
        if is_arabic_word_mark(ch) || matches!(ch, '\u{200C}' | '\u{200D}') {
            if let Some(last) = out.last_mut() {
                last.end = end;
            }
            continue;
        }
        let bare_alef = matches!(ch, 'ا' | 'ٱ');
        let ch = match ch {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            other => other,
        };
        out.push(Letter {
            ch,
            bare_alef,
            start: offset + at,
            end,
        });
    }
    out
}

/// Shortest stem, in letters, left after removing proclitics from a word without the article.
const MIN_BARE_STEM: usize = 3;
/// Shortest stem, in letters, after the article.
const MIN_ARTICLE_STEM: usize = 2;

/// What follows ال in words whose ال is not the article: relative pronouns and the name of God.
const NOT_ARTICLE_STEMS: [&str; 9] = [
    "ذي",
    "تي",
    "ذين",
    "لذان",
    "لتان",
    "لاتي",
    "لواتي",
    "لائي",
    "له",
];

const PRONOUNS: [&str; 11] = [
    "هما", "كما", "ها", "هم", "هن", "كم", "كن", "نا", "ه", "ك", "ي",
];

/// The plausible analyses of the Arabic word `word`, which starts at byte `offset` of the original text,
/// most plausible first. The whole word is always one of them.
///
/// Order: analyses that strip proclitics in front of a visible article (والعراق, بالعراق, للعراق), then
/// the whole word, then other proclitic splits (fewest letters stripped first), then splits with an
/// enclitic pronoun.
///
/// ```
/// use khabar_tokenize::clitics::analyze;
///
/// let word = "للعراق";
/// let first = &analyze(word, 0)[0];
/// assert_eq!(&word[first.stem_with_article()], "لعراق");
/// assert_eq!(&word[first.stem()], "عراق");
///
/// let whole = &analyze("بغداد", 0)[0];
/// assert!(whole.is_whole());
/// ```
pub fn analyze(word: &str, offset: usize) -> Vec<CliticAnalysis> {
    let letters = letters(word, offset);
    let whole = CliticAnalysis {
        parts: vec![CliticPart {
            span: Span::new(offset, offset + word.len()),
            kind: PartKind::Stem,
        }],
    };
    if letters.len() < 2 {
        return vec![whole];
    }
    let mut with_article = Vec::new();
    let mut other = Vec::new();
    let stem_from = |i: usize| Span::new(letters[i].start, offset + word.len());
    let part = |i: usize, j: usize, kind| CliticPart {
        span: Span::new(letters[i].start, letters[j - 1].end),
        kind,
    };
    let has = |i: usize, ch: char| letters.get(i).is_some_and(|l| l.ch == ch);

    for (prefix_len, prefix) in proclitic_stacks(&letters) {
        let rest = letters.len() - prefix_len;
        let mut parts: Vec<CliticPart> = prefix;
        // Article after the stack: ال, or a single ل after the preposition ل (the لل contraction).
        let after_lam_preposition = parts
            .last()
            .is_some_and(|p| p.kind == PartKind::Preposition && has(prefix_len - 1, 'ل'));
        let bare_alef_at = |i: usize| letters.get(i).is_some_and(|l| l.bare_alef);
        let article_len =
            if bare_alef_at(prefix_len) && has(prefix_len + 1, 'ل') && !after_lam_preposition {
                2
            } else if after_lam_preposition && has(prefix_len, 'ل') {
                1
            } else {
                0
            };
        let future = parts.last().is_some_and(|p| p.kind == PartKind::Future);
        let stem_after_article = &letters[(prefix_len + article_len).min(letters.len())..];
        if article_len > 0
            && !future
            && rest - article_len >= MIN_ARTICLE_STEM
            && !NOT_ARTICLE_STEMS
                .iter()
                .any(|s| stem_after_article.iter().map(|l| l.ch).eq(s.chars()))
        {
            let mut with = parts.clone();
            with.push(part(
                prefix_len,
                prefix_len + article_len,
                PartKind::Article,
            ));
            with.push(CliticPart {
                span: stem_from(prefix_len + article_len),
                kind: PartKind::Stem,
            });
            with_article.push(CliticAnalysis { parts: with });
        }
        if prefix_len > 0 && rest >= MIN_BARE_STEM && !(after_lam_preposition && article_len == 1) {
            let stem_ok = !future || matches!(letters[prefix_len].ch, 'ي' | 'ت' | 'ن' | 'ا');
            if stem_ok {
                parts.push(CliticPart {
                    span: stem_from(prefix_len),
                    kind: PartKind::Stem,
                });
                other.push((prefix_len, CliticAnalysis { parts }));
            }
        }
    }
    other.sort_by_key(|(stripped, _)| *stripped);

    let mut out = with_article;
    out.push(whole.clone());
    out.extend(other.into_iter().map(|(_, a)| a));
    // Enclitic pronouns only on analyses without an article (الكتابه is not Arabic) and only when the
    // remaining stem keeps three letters.
    let mut with_pronoun = Vec::new();
    for analysis in &out {
        if analysis.parts.iter().any(|p| p.kind == PartKind::Article) {
            continue;
        }
        let stem = analysis.stem();
        let stem_letters: Vec<&Letter> = letters.iter().filter(|l| l.start >= stem.start).collect();
        for pronoun in PRONOUNS {
            let n = pronoun.chars().count();
            if stem_letters.len() < n + MIN_BARE_STEM {
                continue;
            }
            let tail = &stem_letters[stem_letters.len() - n..];
            if tail.iter().map(|l| l.ch).eq(pronoun.chars()) {
                let mut parts: Vec<CliticPart> = analysis
                    .parts
                    .iter()
                    .filter(|p| p.kind != PartKind::Stem)
                    .copied()
                    .collect();
                parts.push(CliticPart {
                    span: Span::new(stem.start, tail[0].start),
                    kind: PartKind::Stem,
                });
                parts.push(CliticPart {
                    span: Span::new(tail[0].start, stem.end),
                    kind: PartKind::Pronoun,
                });
                with_pronoun.push(CliticAnalysis { parts });
                break;
            }
        }
    }
    out.extend(with_pronoun);
    out
}

/// The proclitic stacks the word may start with, as `(letters used, parts)`: none, و/ف, ب/ل/ك/س, and
/// و/ف followed by ب/ل/ك/س.
fn proclitic_stacks(letters: &[Letter]) -> Vec<(usize, Vec<CliticPart>)> {
    let one = |i: usize, kind| CliticPart {
        span: Span::new(letters[i].start, letters[i].end),
        kind,
    };
    let preposition = |i: usize| match letters.get(i).map(|l| l.ch) {
        Some('ب' | 'ل' | 'ك') => Some(PartKind::Preposition),
        Some('س') => Some(PartKind::Future),
        _ => None,
    };
    let mut stacks = vec![(0, Vec::new())];
    let conjunction = matches!(letters[0].ch, 'و' | 'ف');
    if conjunction {
        stacks.push((1, vec![one(0, PartKind::Conjunction)]));
    }
    let first_prep = usize::from(conjunction);
    if let Some(kind) = preposition(first_prep) {
        let mut parts = if conjunction {
            vec![one(0, PartKind::Conjunction)]
        } else {
            Vec::new()
        };
        parts.push(one(first_prep, kind));
        stacks.push((first_prep + 1, parts));
    }
    stacks
}

/// Whether `prefix` (normalised letters) is a valid proclitic stack in front of a name: empty, و ف, ب ل ك,
/// or و/ف followed by ب ل ك. Used by matchers that find a name inside a glued word.
pub fn is_proclitic_prefix(prefix: &str) -> bool {
    let mut chars = prefix.chars();
    match (chars.next(), chars.next(), chars.next()) {
        (None, _, _) => true,
        (Some('و' | 'ف' | 'ب' | 'ل' | 'ك'), None, _) => true,
        (Some('و' | 'ف'), Some('ب' | 'ل' | 'ك'), None) => true,
        _ => false,
    }
}
