//! Clitic analysis: the plausible splits of an Arabic word into proclitics, stem and enclitic pronoun.
//!
//! Arabic glues conjunctions (و ف), prepositions (ب ل ك), the future marker (س) and the article (ال) to
//! the front of a word and object or possessive pronouns to its end. A split is never forced: بغداد, بلدة,
//! فرنسا, لبنان and والي all have an analysis that keeps the word whole, and the word-initial letters are
//! only offered as clitics when what remains is long enough to be a word. The ل + ال contraction (للعراق)
//! is analysed as the preposition ل plus an article written as a single ل.

use crate::Span;
use crate::chars::is_arabic_word_mark;
use crate::runs::letter_run;

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

/// One way of splitting a word.
///
/// An analysis is stored as the byte offsets of the boundaries between its parts, no allocation; the
/// parts themselves are built on demand by [`CliticAnalysis::parts`]. Every boundary falls on a letter
/// boundary of the original text, marks after a letter staying with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CliticAnalysis {
    /// Where the word starts in the original text; the offsets below are in the original text too,
    /// in order.
    start: usize,
    /// Where the word ends.
    end: usize,
    /// End of the conjunction (`start` when there is none).
    conjunction_end: usize,
    /// End of the preposition or future marker (`conjunction_end` when there is none).
    proclitic_end: usize,
    /// End of the article (`proclitic_end` when there is none); the stem starts here.
    article_end: usize,
    /// Start of the enclitic pronoun (`end` when there is none); the stem ends here.
    pronoun_start: usize,
    /// Whether the proclitic after the conjunction is the future marker س rather than a preposition.
    future: bool,
}

impl CliticAnalysis {
    /// The analysis that keeps the word at `start..end` whole.
    fn whole(start: usize, end: usize) -> CliticAnalysis {
        CliticAnalysis {
            start,
            end,
            conjunction_end: start,
            proclitic_end: start,
            article_end: start,
            pronoun_start: end,
            future: false,
        }
    }

    /// The parts, in text order; exactly one of them is the stem.
    pub fn parts(&self) -> Parts {
        let mut parts = Parts {
            parts: [CliticPart {
                span: Span::default(),
                kind: PartKind::Stem,
            }; MAX_PARTS],
            len: 0,
        };
        let boundaries = [
            (self.start, self.conjunction_end, PartKind::Conjunction),
            (
                self.conjunction_end,
                self.proclitic_end,
                if self.future {
                    PartKind::Future
                } else {
                    PartKind::Preposition
                },
            ),
            (self.proclitic_end, self.article_end, PartKind::Article),
            (self.article_end, self.pronoun_start, PartKind::Stem),
            (self.pronoun_start, self.end, PartKind::Pronoun),
        ];
        for (from, to, kind) in boundaries {
            if from < to || kind == PartKind::Stem {
                parts.push(CliticPart {
                    span: Span::new(from, to),
                    kind,
                });
            }
        }
        parts
    }

    /// The stem's span.
    pub fn stem(&self) -> Span {
        Span::new(self.article_end, self.pronoun_start)
    }

    /// The span of the name as the annotation guide marks it: the stem with its article, without the
    /// proclitics before the article (in للعراق: لعراق).
    pub fn stem_with_article(&self) -> Span {
        Span::new(self.proclitic_end, self.pronoun_start)
    }

    /// The proclitics (conjunction, preposition, future marker), without the article.
    pub fn proclitics(&self) -> impl Iterator<Item = CliticPart> {
        self.parts().into_iter().filter(|p| {
            matches!(
                p.kind,
                PartKind::Conjunction | PartKind::Preposition | PartKind::Future
            )
        })
    }

    /// Whether this analysis keeps the word whole.
    pub fn is_whole(&self) -> bool {
        self.article_end == self.start && self.pronoun_start == self.end
    }
}

/// The parts of one [`CliticAnalysis`], in text order: a slice (through `Deref`) held inline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Parts {
    parts: [CliticPart; MAX_PARTS],
    len: u8,
}

impl Parts {
    fn push(&mut self, part: CliticPart) {
        if let Some(slot) = self.parts.get_mut(usize::from(self.len)) {
            *slot = part;
            self.len += 1;
        }
    }
}

impl std::ops::Deref for Parts {
    type Target = [CliticPart];

    fn deref(&self) -> &[CliticPart] {
        &self.parts[..usize::from(self.len)]
    }
}

impl IntoIterator for Parts {
    type Item = CliticPart;
    type IntoIter = std::iter::Take<std::array::IntoIter<CliticPart, MAX_PARTS>>;

    fn into_iter(self) -> Self::IntoIter {
        self.parts.into_iter().take(usize::from(self.len))
    }
}

/// The letter as the analysis compares it, for each code point of the Arabic block U+0600–U+06FF:
/// alef variants as ا, alef maqsura as ي, every other character as itself.
static FOLDED_BLOCK: [char; 256] = {
    let mut table = ['\0'; 256];
    let mut i = 0;
    while i < 256 {
        if let Some(ch) = char::from_u32(0x600 + i as u32) {
            table[i] = fold_letter(ch);
        }
        i += 1;
    }
    table
};

/// The letter as the analysis compares it: alef variants as ا, alef maqsura as ي.
const fn fold_letter(ch: char) -> char {
    match ch {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' => 'ي',
        other => other,
    }
}

/// Letters kept from the front of a word: the longest proclitic stack and article (four letters) plus
/// the longest stem that can turn out not to follow an article (five letters).
const HEAD: usize = 9;
/// Letters kept from the end of a word: the longest enclitic pronoun.
const TAIL: usize = 3;

/// The letters of a word as the analysis reads them: how many there are, and each letter among the
/// first `HEAD` or the last `TAIL` (only those positions ever decide a split), folded, with its byte
/// range in the original text including the marks that follow it.
trait Letters {
    fn count(&self) -> usize;

    /// Letter `i`, folded (alef variants as ا, alef maqsura as ي).
    fn letter(&self, i: usize) -> char;

    /// Whether letter `i` is a bare alef (ا or ٱ), the only alef that can start the article.
    fn is_bare_alef(&self, i: usize) -> bool;

    /// Where letter `i` starts in the original text.
    fn start(&self, i: usize) -> usize;

    /// Where letter `i` ends in the original text, the marks after it included.
    fn end(&self, i: usize) -> usize;

    /// Letter `i`, or `'\0'` past the end of the word.
    #[inline]
    fn letter_or_nul(&self, i: usize) -> char {
        if i < self.count() {
            self.letter(i)
        } else {
            '\0'
        }
    }

    /// The first four letters, folded, `'\0'` past the end of the word: every stack and article
    /// decision reads only these (a stack of two and the article's ل after it).
    #[inline]
    fn head(&self) -> [char; 4] {
        head_letter_by_letter(self)
    }

    /// The last three letters, folded, `'\0'` before the first: the longest enclitic pronoun.
    #[inline]
    fn ending(&self) -> [char; 3] {
        ending_letter_by_letter(self)
    }

    /// Whether letters `from..count` spell `chars` exactly.
    fn spell_from(&self, from: usize, chars: &[char]) -> bool {
        self.count().checked_sub(from) == Some(chars.len())
            && chars
                .iter()
                .enumerate()
                .all(|(i, &c)| self.letter(from + i) == c)
    }
}

/// [`Letters::head`], one letter at a time.
#[inline]
fn head_letter_by_letter(letters: &(impl Letters + ?Sized)) -> [char; 4] {
    std::array::from_fn(|i| letters.letter_or_nul(i))
}

/// [`Letters::ending`], one letter at a time.
#[inline]
fn ending_letter_by_letter(letters: &(impl Letters + ?Sized)) -> [char; 3] {
    std::array::from_fn(|i| match (letters.count() + i).checked_sub(3) {
        Some(at) => letters.letter(at),
        None => '\0',
    })
}

/// Whether `pairs` are all common letters, one pair of bytes at a time: each pair compared as one
/// big-endian number, and the results combined without short-circuits (the lead byte of Arabic letters
/// alternates between D8 and D9 unpredictably, and a branch per letter there was mispredicted about twice
/// a word).
fn pairs_plain(pairs: &[u8]) -> bool {
    pairs.chunks_exact(2).fold(true, |plain, pair| {
        let value = u16::from_be_bytes([pair[0], pair[1]]);
        plain
            & ((value.wrapping_sub(0xD8A1) <= 0xD8BA - 0xD8A1)
                | (value.wrapping_sub(0xD981) <= 0xD98A - 0xD981))
    })
}

/// A word of the usual shape in news: two-byte Arabic letters only, no marks. Letter `i` is bytes
/// `2i..2i + 2`, so nothing needs to be read ahead of time.
struct PlainLetters<'w> {
    bytes: &'w [u8],
    offset: usize,
}

impl<'w> PlainLetters<'w> {
    /// The word as plain letters, if it is one: each pair of bytes one of the common letters
    /// [`letter_run`] knows, U+0621–U+063A or U+0641–U+064A (the rare letters U+063B–U+063F, tatweel
    /// U+0640 and the marks above it take the general path).
    fn new(word: &'w str, offset: usize) -> Option<PlainLetters<'w>> {
        let bytes = word.as_bytes();
        let all_letters = |window: &[u8; 16]| letter_run(window).letters == 8;
        let plain = bytes.len() % 2 == 0
            && match (bytes.first_chunk::<16>(), bytes.last_chunk::<16>()) {
                // Eight letters or more: the first and last eight (overlapping in shorter words) eight
                // at a time, with no loop over the word's length, whose exit a loop mispredicted once a
                // word; only words of more than sixteen letters check their middle too.
                (Some(first), Some(last)) => {
                    all_letters(first)
                        & all_letters(last)
                        & (bytes.len() <= 32 || pairs_plain(&bytes[16..bytes.len() - 16]))
                }
                // Four to seven letters: the first four and the last four side by side.
                _ => match (bytes.first_chunk::<8>(), bytes.last_chunk::<8>()) {
                    (Some(first), Some(last)) => {
                        let mut ends = [0; 16];
                        ends[..8].copy_from_slice(first);
                        ends[8..].copy_from_slice(last);
                        all_letters(&ends)
                    }
                    _ => pairs_plain(bytes),
                },
            };
        plain.then_some(PlainLetters { bytes, offset })
    }

    /// Letter `i`'s offset in the Arabic block: U+0621–U+063A have lead byte D8, U+0641–U+064A D9.
    #[inline]
    fn block_offset(&self, i: usize) -> usize {
        (usize::from(self.bytes[2 * i] & 0x01) << 6) | usize::from(self.bytes[2 * i + 1] & 0x3F)
    }

    /// The block offsets of the four letters in `chunk` (eight bytes of plain letters), one per 16-bit
    /// lane: all four at once, with none of the bounds checks of reading them one by one.
    #[inline]
    fn four_block_offsets(chunk: [u8; 8]) -> [usize; 4] {
        let bytes = u64::from_le_bytes(chunk);
        let lanes = ((bytes & 0x0001_0001_0001_0001) << 6) | ((bytes >> 8) & 0x003F_003F_003F_003F);
        std::array::from_fn(|i| ((lanes >> (16 * i)) & 0x7F) as usize)
    }
}

impl Letters for PlainLetters<'_> {
    #[inline]
    fn count(&self) -> usize {
        self.bytes.len() / 2
    }

    #[inline]
    fn letter(&self, i: usize) -> char {
        FOLDED_BLOCK[self.block_offset(i)]
    }

    #[inline]
    fn is_bare_alef(&self, i: usize) -> bool {
        self.block_offset(i) == 0x27
    }

    #[inline]
    fn start(&self, i: usize) -> usize {
        self.offset + 2 * i
    }

    #[inline]
    fn end(&self, i: usize) -> usize {
        self.offset + 2 * i + 2
    }

    #[inline]
    fn head(&self) -> [char; 4] {
        match self.bytes.first_chunk::<8>() {
            Some(&first) => PlainLetters::four_block_offsets(first).map(|at| FOLDED_BLOCK[at]),
            None => head_letter_by_letter(self),
        }
    }

    #[inline]
    fn ending(&self) -> [char; 3] {
        match self.bytes.last_chunk::<8>() {
            Some(&last) => {
                let [_, a, b, c] = PlainLetters::four_block_offsets(last);
                [FOLDED_BLOCK[a], FOLDED_BLOCK[b], FOLDED_BLOCK[c]]
            }
            None => ending_letter_by_letter(self),
        }
    }
}

/// One letter of a [`DecodedLetters`] word.
#[derive(Clone, Copy)]
struct Letter {
    /// Folded as [`Letters::letter`] says.
    ch: char,
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

/// Any other word, read once front to back: its first `HEAD` and last `TAIL` letters, each with the
/// marks that follow it, and the letter count.
struct DecodedLetters {
    head: [Letter; HEAD],
    /// The last `TAIL` letters, letter `i` at `i % TAIL`.
    tail: [Letter; TAIL],
    count: usize,
}

impl DecodedLetters {
    fn new(word: &str, offset: usize) -> DecodedLetters {
        let mut letters = DecodedLetters {
            head: [Letter::EMPTY; HEAD],
            tail: [Letter::EMPTY; TAIL],
            count: 0,
        };
        for (at, ch) in word.char_indices() {
            let (at, end) = (offset + at, offset + at + ch.len_utf8());
            if is_arabic_word_mark(ch) || matches!(ch, '\u{200C}' | '\u{200D}') {
                if let Some(last) = letters.count.checked_sub(1) {
                    if let Some(letter) = letters.head.get_mut(last) {
                        letter.end = end;
                    }
                    letters.tail[last % TAIL].end = end;
                }
                continue;
            }
            let letter = Letter {
                ch: fold_letter(ch),
                bare_alef: matches!(ch, 'ا' | 'ٱ'),
                start: at,
                end,
            };
            if let Some(slot) = letters.head.get_mut(letters.count) {
                *slot = letter;
            }
            letters.tail[letters.count % TAIL] = letter;
            letters.count += 1;
        }
        letters
    }

    fn at(&self, i: usize) -> &Letter {
        match self.head.get(i) {
            Some(letter) => letter,
            None => &self.tail[i % TAIL],
        }
    }
}

impl Letters for DecodedLetters {
    fn count(&self) -> usize {
        self.count
    }

    fn letter(&self, i: usize) -> char {
        self.at(i).ch
    }

    fn is_bare_alef(&self, i: usize) -> bool {
        self.at(i).bare_alef
    }

    fn start(&self, i: usize) -> usize {
        self.at(i).start
    }

    fn end(&self, i: usize) -> usize {
        self.at(i).end
    }
}

/// Shortest stem, in letters, left after removing proclitics from a word without the article.
const MIN_BARE_STEM: usize = 3;
/// Shortest stem, in letters, after the article.
const MIN_ARTICLE_STEM: usize = 2;
/// Fewest letters a word that splits at all has: one proclitic or pronoun letter and a bare stem, or an
/// article (ال, or ل + the single ل of the contraction) and its stem. Shorter words, a quarter of news
/// text (في, من, على), are only ever whole.
const SHORTEST_SPLIT: usize = if 1 + MIN_BARE_STEM < 2 + MIN_ARTICLE_STEM {
    1 + MIN_BARE_STEM
} else {
    2 + MIN_ARTICLE_STEM
};

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

/// Whether the letters from `from` on spell a word whose ال is not the article.
fn is_not_article_stem(letters: &impl Letters, from: usize) -> bool {
    // Every such stem starts with ذ, ت or ل: most words need no comparison at all.
    matches!(letters.letter_or_nul(from), 'ذ' | 'ت' | 'ل')
        && NOT_ARTICLE_STEMS
            .iter()
            .any(|stem| letters.spell_from(from, stem))
}

/// The length in letters of the enclitic pronoun a word ending in `ending` (its last three letters,
/// folded, `'\0'` before the first) ends with, longest first; 0 for none. The pronouns are ـه ـها ـهم
/// ـهما ـهن ـك ـكم ـكما ـكن ـنا ـي.
fn pronoun_len(ending: [char; 3]) -> usize {
    match ending {
        ['ه' | 'ك', 'م', 'ا'] => 3,
        [_, 'ه', 'ا' | 'م' | 'ن'] | [_, 'ك', 'م' | 'ن'] | [_, 'ن', 'ا'] => 2,
        [_, _, 'ه' | 'ك' | 'ي'] => 1,
        _ => 0,
    }
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
    /// No proclitic.
    const NONE: Stack = Stack {
        len: 0,
        conjunction: false,
        preposition: None,
    };

    /// An analysis holding the stack's proclitics, the rest of the word its stem.
    fn analysis(self, letters: &impl Letters, whole: CliticAnalysis) -> CliticAnalysis {
        let mut analysis = whole;
        if self.conjunction {
            analysis.conjunction_end = letters.end(0);
        }
        analysis.proclitic_end = analysis.conjunction_end;
        if let Some(kind) = self.preposition {
            analysis.proclitic_end = letters.end(self.len - 1);
            analysis.future = kind == PartKind::Future;
        }
        analysis.article_end = analysis.proclitic_end;
        analysis
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
    let whole = CliticAnalysis::whole(offset, offset + word.len());
    match PlainLetters::new(word, offset) {
        Some(letters) => analyze_letters(&letters, whole, out),
        None if may_split(word) => analyze_letters(&DecodedLetters::new(word, offset), whole, out),
        None => out.push(whole),
    }
}

/// The analyses of a word, given its letters and its whole-word analysis.
#[inline]
fn analyze_letters(letters: &impl Letters, whole: CliticAnalysis, out: &mut Vec<CliticAnalysis>) {
    let count = letters.count();
    if count < SHORTEST_SPLIT {
        out.push(whole);
        return;
    }
    let (head, ending) = (letters.head(), letters.ending());
    if !may_split_between(head[0], ending[2]) {
        out.push(whole);
        return;
    }

    // The stacks beyond the empty one, fewest letters first: و/ف alone, then the preposition or future
    // marker (after و/ف when there is one).
    let conjunction = matches!(head[0], 'و' | 'ف');
    let first_prep = usize::from(conjunction);
    let preposition = match head[first_prep] {
        'ب' | 'ل' | 'ك' => Some(PartKind::Preposition),
        'س' => Some(PartKind::Future),
        _ => None,
    };
    let mut stacks = [Stack::NONE; 3];
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

    // For each stack: the split with the article after it (ال, or a single ل after the preposition ل —
    // the لل contraction) when one is offered; and whether the bare split is, kept for below.
    let mut bare = [Stack::NONE; 2];
    let mut bare_count = 0;
    for &stack in &stacks[..stack_count] {
        let prefix_len = stack.len;
        let rest = count - prefix_len;
        let after_lam_preposition =
            stack.preposition == Some(PartKind::Preposition) && head[first_prep] == 'ل';
        let article_len = if head[prefix_len + 1] == 'ل'
            && !after_lam_preposition
            && letters.is_bare_alef(prefix_len)
        {
            2
        } else if after_lam_preposition && head[prefix_len] == 'ل' {
            1
        } else {
            0
        };
        let future = stack.preposition == Some(PartKind::Future);
        if article_len > 0
            && !future
            && rest - article_len >= MIN_ARTICLE_STEM
            && !is_not_article_stem(letters, prefix_len + article_len)
        {
            let mut analysis = stack.analysis(letters, whole);
            analysis.article_end = letters.end(prefix_len + article_len - 1);
            out.push(analysis);
        }
        if prefix_len > 0
            && rest >= MIN_BARE_STEM
            && !(after_lam_preposition && article_len == 1)
            && (!future || matches!(head[prefix_len], 'ي' | 'ت' | 'ن' | 'ا'))
        {
            bare[bare_count] = stack;
            bare_count += 1;
        }
    }
    // Analyses from here on have no article and may take a pronoun: the whole word, then the bare
    // splits.
    let bare_from = out.len();
    out.push(whole);
    for stack in &bare[..bare_count] {
        out.push(stack.analysis(letters, whole));
    }

    // Enclitic pronouns only on analyses without an article (الكتابه is not Arabic) and only when the
    // remaining stem keeps three letters.
    let pronoun = pronoun_len(ending);
    if pronoun == 0 {
        return;
    }
    let pronoun_start = letters.start(count - pronoun);
    if count >= pronoun + MIN_BARE_STEM {
        out.push(CliticAnalysis {
            pronoun_start,
            ..whole
        });
    }
    for (i, stack) in bare[..bare_count].iter().enumerate() {
        if count - stack.len >= pronoun + MIN_BARE_STEM {
            out.push(CliticAnalysis {
                pronoun_start,
                ..out[bare_from + 1 + i]
            });
        }
    }
}

/// Whether a word whose first and last letters are `first` and `last` (folded) may split at all: only one
/// that starts with a proclitic or article letter, or ends with a letter that ends a pronoun, can.
fn may_split_between(first: char, last: char) -> bool {
    matches!(first, 'و' | 'ف' | 'ب' | 'ل' | 'ك' | 'س' | 'ا')
        || matches!(last, 'ه' | 'ا' | 'م' | 'ن' | 'ك' | 'ي')
}

/// [`may_split_between`] read off the text, before decoding a word's letters with their marks.
fn may_split(word: &str) -> bool {
    let first = word.chars().next().unwrap_or('\0');
    let last = word
        .chars()
        .rev()
        .find(|&c| !is_arabic_word_mark(c) && !matches!(c, '\u{200C}' | '\u{200D}'))
        .unwrap_or('\0');
    may_split_between(fold_letter(first), fold_letter(last))
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

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        /// The branch-free plainness check says what checking each pair says, on words mixing plain
        /// letters with everything around them (marks, tatweel, the other Arabic letters, ASCII).
        #[test]
        fn plain_check_agrees_with_a_pair_by_pair_check(
            word in "([\u{0621}-\u{064A}]{1,6}[\u{0600}-\u{0672}a]?){0,3}",
        ) {
            let bytes = word.as_bytes();
            let reference = bytes.len() % 2 == 0
                && bytes
                    .chunks_exact(2)
                    .all(|pair| matches!(pair, [0xD8, 0xA1..=0xBA] | [0xD9, 0x81..=0x8A]));
            prop_assert_eq!(PlainLetters::new(&word, 0).is_some(), reference);
        }

        /// The byte-pair reading of plain words and the general reading decide every split alike.
        #[test]
        fn plain_and_decoded_readings_agree(
            word in "[وفبلكس]{0,2}(ال)?[\u{0621}-\u{063A}\u{0641}-\u{064A}]{0,8}(ه|ها|هم|هما|كم|نا|ي)?",
            offset in 0usize..100,
        ) {
            let plain = PlainLetters::new(&word, offset).expect("only plain letters");
            let decoded = DecodedLetters::new(&word, offset);
            prop_assert_eq!(plain.count(), decoded.count());
            let count = plain.count();
            for i in (0..count.min(HEAD)).chain(count.saturating_sub(TAIL)..count) {
                prop_assert_eq!(
                    (plain.letter(i), plain.is_bare_alef(i), plain.start(i), plain.end(i)),
                    (decoded.letter(i), decoded.is_bare_alef(i), decoded.start(i), decoded.end(i))
                );
            }
            prop_assert_eq!(plain.head(), decoded.head());
            prop_assert_eq!(plain.ending(), decoded.ending());
            let whole = CliticAnalysis::whole(offset, offset + word.len());
            let (mut from_plain, mut from_decoded) = (Vec::new(), Vec::new());
            analyze_letters(&plain, whole, &mut from_plain);
            analyze_letters(&decoded, whole, &mut from_decoded);
            prop_assert_eq!(from_plain, from_decoded);
        }
    }
}
