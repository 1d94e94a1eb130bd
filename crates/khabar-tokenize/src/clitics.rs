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

/// Most parts an analysis has: conjunction, preposition, article, stem — or conjunction, preposition,
/// stem, pronoun.
const MAX_PARTS: usize = 4;

const NO_PART: CliticPart = CliticPart {
    span: Span { start: 0, end: 0 },
    kind: PartKind::Stem,
};

/// One way of splitting a word: its parts in text order; exactly one of them is the stem.
///
/// The parts are stored inline (an analysis never has more than four), so analysing a word allocates
/// only the list of analyses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CliticAnalysis {
    parts: [CliticPart; MAX_PARTS],
    len: u8,
}

impl CliticAnalysis {
    fn empty() -> CliticAnalysis {
        CliticAnalysis {
            parts: [NO_PART; MAX_PARTS],
            len: 0,
        }
    }

    fn push(&mut self, part: CliticPart) {
        if let Some(slot) = self.parts.get_mut(usize::from(self.len)) {
            *slot = part;
            self.len += 1;
        }
    }

    /// The parts, in text order.
    pub fn parts(&self) -> &[CliticPart] {
        &self.parts[..usize::from(self.len)]
    }

    /// The stem's span.
    pub fn stem(&self) -> Span {
        self.parts()
            .iter()
            .find(|p| p.kind == PartKind::Stem)
            .map_or(Span::default(), |p| p.span)
    }

    /// The span of the name as the annotation guide marks it: the stem with its article, without the
    /// proclitics before the article (in للعراق: لعراق).
    pub fn stem_with_article(&self) -> Span {
        let stem = self.stem();
        self.parts()
            .iter()
            .find(|p| p.kind == PartKind::Article)
            .map_or(stem, |article| article.span.cover(stem))
    }

    /// The proclitics (conjunction, preposition, future marker), without the article.
    pub fn proclitics(&self) -> impl Iterator<Item = &CliticPart> {
        self.parts().iter().filter(|p| {
            matches!(
                p.kind,
                PartKind::Conjunction | PartKind::Preposition | PartKind::Future
            )
        })
    }

    /// Whether this analysis keeps the word whole.
    pub fn is_whole(&self) -> bool {
        self.len == 1
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

impl Letter {
    const EMPTY: Letter = Letter {
        ch: '\0',
        bare_alef: false,
        start: 0,
        end: 0,
    };
}

/// Letters kept on the stack; longer words (rare) spill to the heap.
const INLINE_LETTERS: usize = 24;

/// The letters of `word`, in `inline` when they fit, else in `spill`.
fn letters<'b>(
    word: &str,
    offset: usize,
    inline: &'b mut [Letter; INLINE_LETTERS],
    spill: &'b mut Vec<Letter>,
) -> &'b [Letter] {
    let mut len = 0usize;
    for (at, ch) in word.char_indices() {
        let end = offset + at + ch.len_utf8();
        if is_arabic_word_mark(ch) || matches!(ch, '\u{200C}' | '\u{200D}') {
            let last = if spill.is_empty() {
                len.checked_sub(1).map(|i| &mut inline[i])
            } else {
                spill.last_mut()
            };
            if let Some(last) = last {
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
        let letter = Letter {
            ch,
            bare_alef,
            start: offset + at,
            end,
        };
        if len < INLINE_LETTERS {
            inline[len] = letter;
        } else {
            if spill.is_empty() {
                spill.extend_from_slice(&inline[..]);
            }
            spill.push(letter);
        }
        len += 1;
    }
    if spill.is_empty() {
        &inline[..len]
    } else {
        spill
    }
}

/// Shortest stem, in letters, left after removing proclitics from a word without the article.
const MIN_BARE_STEM: usize = 3;
/// Shortest stem, in letters, after the article.
const MIN_ARTICLE_STEM: usize = 2;

/// What follows ال in words whose ال is not the article: relative pronouns and the name of God.
const NOT_ARTICLE_STEMS: [&[char]; 9] = [
    &['ذ', 'ي'],
    &['ت', 'ي'],
    &['ذ', 'ي', 'ن'],
    &['ل', 'ذ', 'ا', 'ن'],
    &['ل', 'ت', 'ا', 'ن'],
    &['ل', 'ا', 'ت', 'ي'],
    &['ل', 'و', 'ا', 'ت', 'ي'],
    &['ل', 'ا', 'ئ', 'ي'],
    &['ل', 'ه'],
];

/// Enclitic pronouns, longest first where one ends another.
const PRONOUNS: [&[char]; 11] = [
    &['ه', 'م', 'ا'],
    &['ك', 'م', 'ا'],
    &['ه', 'ا'],
    &['ه', 'م'],
    &['ه', 'ن'],
    &['ك', 'م'],
    &['ك', 'ن'],
    &['ن', 'ا'],
    &['ه'],
    &['ك'],
    &['ي'],
];

/// Whether the letters spell `chars` exactly.
#[inline]
fn spells(letters: &[Letter], chars: &[char]) -> bool {
    letters.len() == chars.len() && letters.iter().zip(chars).all(|(l, &c)| l.ch == c)
}

/// One proclitic stack the word may start with: none, و/ف, ب/ل/ك/س, or و/ف followed by ب/ل/ك/س.
#[derive(Clone, Copy)]
struct Stack {
    /// Letters used.
    len: usize,
    conjunction: bool,
    /// The preposition or future marker, at letter `len - 1`.
    preposition: Option<PartKind>,
}

impl Stack {
    /// An analysis holding the stack's parts, to which the caller adds the rest.
    fn parts(self, letters: &[Letter]) -> CliticAnalysis {
        let mut parts = CliticAnalysis::empty();
        let one = |i: usize, kind| CliticPart {
            span: Span::new(letters[i].start, letters[i].end),
            kind,
        };
        if self.conjunction {
            parts.push(one(0, PartKind::Conjunction));
        }
        if let Some(kind) = self.preposition {
            parts.push(one(self.len - 1, kind));
        }
        parts
    }
}

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
    let mut out = Vec::with_capacity(4);
    analyze_into(word, offset, &mut out);
    out
}

/// [`analyze`] into a buffer the caller reuses (it is cleared first), so a loop over many words
/// allocates nothing.
///
/// ```
/// use khabar_tokenize::clitics::analyze_into;
///
/// let mut analyses = Vec::new();
/// for word in ["والعراق", "بغداد"] {
///     analyze_into(word, 0, &mut analyses);
///     assert!(!analyses.is_empty());
/// }
/// ```
pub fn analyze_into(word: &str, offset: usize, out: &mut Vec<CliticAnalysis>) {
    out.clear();
    if !may_split(word) {
        let mut whole = CliticAnalysis::empty();
        whole.push(CliticPart {
            span: Span::new(offset, offset + word.len()),
            kind: PartKind::Stem,
        });
        out.push(whole);
        return;
    }
    let mut inline = [Letter::EMPTY; INLINE_LETTERS];
    let mut spill = Vec::new();
    let letters = letters(word, offset, &mut inline, &mut spill);
    let end = offset + word.len();
    let whole = || {
        let mut whole = CliticAnalysis::empty();
        whole.push(CliticPart {
            span: Span::new(offset, end),
            kind: PartKind::Stem,
        });
        whole
    };
    if letters.len() < 2 {
        out.push(whole());
        return;
    }
    let stem_from = |i: usize| CliticPart {
        span: Span::new(letters[i].start, end),
        kind: PartKind::Stem,
    };
    let has = |i: usize, ch: char| letters.get(i).is_some_and(|l| l.ch == ch);

    // The stacks, fewest letters first.
    let conjunction = matches!(letters[0].ch, 'و' | 'ف');
    let first_prep = usize::from(conjunction);
    let preposition = match letters[first_prep].ch {
        'ب' | 'ل' | 'ك' => Some(PartKind::Preposition),
        'س' => Some(PartKind::Future),
        _ => None,
    };
    let mut stacks = [Stack {
        len: 0,
        conjunction: false,
        preposition: None,
    }; 3];
    let mut stack_count = 1;
    if conjunction {
        stacks[stack_count] = Stack {
            len: 1,
            conjunction: true,
            preposition: None,
        };
        stack_count += 1;
    }
    if preposition.is_some() {
        stacks[stack_count] = Stack {
            len: first_prep + 1,
            conjunction,
            preposition,
        };
        stack_count += 1;
    }
    let stacks = &stacks[..stack_count];

    // For each stack: the article's length after it (ال, or a single ل after the preposition ل — the
    // لل contraction), whether the article split is offered, and whether the bare split is.
    let judge = |stack: Stack| {
        let prefix_len = stack.len;
        let rest = letters.len() - prefix_len;
        let after_lam_preposition =
            stack.preposition == Some(PartKind::Preposition) && has(prefix_len - 1, 'ل');
        let bare_alef_at = |i: usize| letters.get(i).is_some_and(|l| l.bare_alef);
        let article_len =
            if bare_alef_at(prefix_len) && has(prefix_len + 1, 'ل') && !after_lam_preposition {
                2
            } else if after_lam_preposition && has(prefix_len, 'ل') {
                1
            } else {
                0
            };
        let future = stack.preposition == Some(PartKind::Future);
        let stem_after_article = &letters[(prefix_len + article_len).min(letters.len())..];
        let with_article = article_len > 0
            && !future
            && rest - article_len >= MIN_ARTICLE_STEM
            && !NOT_ARTICLE_STEMS
                .iter()
                .any(|s| spells(stem_after_article, s));
        let bare = prefix_len > 0
            && rest >= MIN_BARE_STEM
            && !(after_lam_preposition && article_len == 1)
            && (!future || matches!(letters[prefix_len].ch, 'ي' | 'ت' | 'ن' | 'ا'));
        (article_len, with_article, bare)
    };

    // Where each analysis's stem starts, in letters, for the pronoun pass; `None` for analyses with the
    // article (no pronoun after it).
    let mut stem_letters = [None; 6];
    for &stack in stacks {
        let (article_len, with_article, _) = judge(stack);
        if with_article {
            let mut parts = stack.parts(letters);
            let (a, b) = (stack.len, stack.len + article_len);
            parts.push(CliticPart {
                span: Span::new(letters[a].start, letters[b - 1].end),
                kind: PartKind::Article,
            });
            parts.push(stem_from(b));
            out.push(parts);
        }
    }
    stem_letters[out.len()] = Some(0);
    out.push(whole());
    for &stack in stacks {
        if judge(stack).2 {
            let mut parts = stack.parts(letters);
            parts.push(stem_from(stack.len));
            stem_letters[out.len()] = Some(stack.len);
            out.push(parts);
        }
    }

    // Enclitic pronouns only on analyses without an article (الكتابه is not Arabic) and only when the
    // remaining stem keeps three letters.
    // The pronouns the word ends with, in `PRONOUNS` order, found once for every analysis.
    let mut endings = [0usize; PRONOUNS.len()];
    let mut ending_count = 0;
    for pronoun in PRONOUNS {
        if letters.len() >= pronoun.len()
            && spells(&letters[letters.len() - pronoun.len()..], pronoun)
        {
            endings[ending_count] = pronoun.len();
            ending_count += 1;
        }
    }
    if ending_count == 0 {
        return;
    }
    for i in 0..out.len() {
        let Some(from) = stem_letters[i] else {
            continue;
        };
        let stem_len = letters.len() - from;
        let Some(&n) = endings[..ending_count]
            .iter()
            .find(|&&n| stem_len >= n + MIN_BARE_STEM)
        else {
            continue;
        };
        let analysis = &out[i];
        let stem = analysis.stem();
        let tail_start = letters[letters.len() - n].start;
        let mut parts = CliticAnalysis::empty();
        for &part in analysis.parts().iter().filter(|p| p.kind != PartKind::Stem) {
            parts.push(part);
        }
        parts.push(CliticPart {
            span: Span::new(stem.start, tail_start),
            kind: PartKind::Stem,
        });
        parts.push(CliticPart {
            span: Span::new(tail_start, stem.end),
            kind: PartKind::Pronoun,
        });
        out.push(parts);
    }
}

/// Whether any analysis but the whole word is possible: only words that start with a proclitic or
/// article letter, or end with a letter that ends a pronoun, can split. Most words take this exit.
fn may_split(word: &str) -> bool {
    let first = word.chars().next();
    let last = word
        .chars()
        .rev()
        .find(|&c| !is_arabic_word_mark(c) && !matches!(c, '\u{200C}' | '\u{200D}'));
    matches!(first, Some('و' | 'ف' | 'ب' | 'ل' | 'ك' | 'س' | 'ا' | 'ٱ'))
        || matches!(
            last,
            Some('ه' | 'ا' | 'أ' | 'إ' | 'آ' | 'ٱ' | 'م' | 'ن' | 'ك' | 'ي' | 'ى')
        )
}

/// Whether `prefix` (normalised letters) is a valid proclitic stack in front of a name: empty, و ف, ب ل ك,
/// or و/ف followed by ب ل ك. Used by matchers that find a name inside a glued word.
pub fn is_proclitic_prefix(prefix: &str) -> bool {
    let mut chars = prefix.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (None, _, _)
            | (Some('و' | 'ف' | 'ب' | 'ل' | 'ك'), None, _)
            | (Some('و' | 'ف'), Some('ب' | 'ل' | 'ك'), None)
    )
}
