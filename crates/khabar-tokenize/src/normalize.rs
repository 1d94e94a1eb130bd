//! Arabic normalisation for matching, with an exact map back to the original text.
//!
//! Every fold is a context-free rewrite of one character into zero or more characters that are themselves
//! left alone by every fold, which is what makes normalising twice change nothing.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

use crate::{Norm, Span};

/// What one fold does to one character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fold {
    Keep,
    Drop,
    To(char),
    /// Compatibility decomposition (NFKC) of an Arabic presentation form, whose output is folded again.
    Nfkc,
}

/// Rewrites Arabic text into a canonical form for matching: one named switch per fold.
///
/// The defaults suit news search: presentation forms, tatweel, diacritics, alef variants, alef maqsura,
/// Persian letters, digits, invisible format characters and Unicode spaces are folded; ta marbuta (ة → ه)
/// and hamza carriers (ؤ → و, ئ → ي) are kept, because they separate real words (مدينة / مدينه is a
/// spelling error, but رؤية / روية are different words).
///
/// ```
/// use khabar_tokenize::Normalizer;
///
/// let normalizer = Normalizer::new();
/// assert_eq!(normalizer.normalize_str("أكّد"), "اكد");
/// assert_eq!(normalizer.normalize_str("إلى ١٠ مستشفيات"), "الي 10 مستشفيات");
/// ```
#[derive(Clone, Debug)]
pub struct Normalizer {
    /// Fold actions for U+0600..=U+06FF, the Arabic block, precomputed from the switches.
    arabic: [Fold; 256],
    /// For each character of the Arabic block: what it folds to, `None` when it is removed; see
    /// [`Normalizer::fold_arabic_block_word`].
    arabic_chars: [Option<char>; 256],
    options: NormalizerBuilder,
}

/// Configures a [`Normalizer`]. Every switch names one fold; see each setter for what it rewrites.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NormalizerBuilder {
    presentation_forms: bool,
    tatweel: bool,
    diacritics: bool,
    alef: bool,
    alef_maqsura: bool,
    teh_marbuta: bool,
    hamza_carriers: bool,
    persian_letters: bool,
    digits: bool,
    invisible: bool,
    spaces: bool,
    collapse_whitespace: bool,
    quotes: bool,
}

impl Default for NormalizerBuilder {
    fn default() -> Self {
        NormalizerBuilder {
            presentation_forms: true,
            tatweel: true,
            diacritics: true,
            alef: true,
            alef_maqsura: true,
            teh_marbuta: false,
            hamza_carriers: false,
            persian_letters: true,
            digits: true,
            invisible: true,
            spaces: true,
            collapse_whitespace: false,
            quotes: false,
        }
    }
}

impl NormalizerBuilder {
    /// Starts from the documented defaults.
    pub fn new() -> NormalizerBuilder {
        NormalizerBuilder::default()
    }

    /// NFKC for Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFC): ﻻ → لا, ﷲ → الله. Default on.
    pub fn presentation_forms(&mut self, yes: bool) -> &mut Self {
        self.presentation_forms = yes;
        self
    }

    /// Removes tatweel (U+0640, the stretching stroke). Default on.
    pub fn tatweel(&mut self, yes: bool) -> &mut Self {
        self.tatweel = yes;
        self
    }

    /// Removes harakat, tanwin, sukun, shadda, superscript alef and Quranic annotation marks. Default on.
    pub fn diacritics(&mut self, yes: bool) -> &mut Self {
        self.diacritics = yes;
        self
    }

    /// Folds alef variants أ إ آ ٱ (and wavy-hamza alefs) to bare ا. Default on.
    pub fn alef(&mut self, yes: bool) -> &mut Self {
        self.alef = yes;
        self
    }

    /// Folds alef maqsura ى to ya ي. Default on.
    pub fn alef_maqsura(&mut self, yes: bool) -> &mut Self {
        self.alef_maqsura = yes;
        self
    }

    /// Folds ta marbuta ة to ha ه. Default off.
    pub fn teh_marbuta(&mut self, yes: bool) -> &mut Self {
        self.teh_marbuta = yes;
        self
    }

    /// Folds the hamza carriers ؤ → و and ئ → ي. Default off.
    pub fn hamza_carriers(&mut self, yes: bool) -> &mut Self {
        self.hamza_carriers = yes;
        self
    }

    /// Folds Persian/Urdu letter forms seen in Arabic web text: ی ې → ي, ک → ك, ہ ە → ه. Default on.
    pub fn persian_letters(&mut self, yes: bool) -> &mut Self {
        self.persian_letters = yes;
        self
    }

    /// Folds Arabic-Indic ٠–٩ and Persian ۰–۹ digits to ASCII 0–9. Default on.
    pub fn digits(&mut self, yes: bool) -> &mut Self {
        self.digits = yes;
        self
    }

    /// Removes bidi controls (LRM, RLM, ALM, embeddings, isolates), ZWSP, ZWNJ, ZWJ, word joiner and
    /// the byte-order mark. Default on.
    pub fn invisible(&mut self, yes: bool) -> &mut Self {
        self.invisible = yes;
        self
    }

    /// Folds the no-break space and the other Unicode space characters to an ASCII space. Default on.
    pub fn spaces(&mut self, yes: bool) -> &mut Self {
        self.spaces = yes;
        self
    }

    /// Rewrites every run of whitespace (spaces, tabs, line breaks, and Unicode spaces when `spaces` is
    /// on) to one ASCII space, so multi-word names match across line breaks. Default off: it is the one
    /// fold that looks at a neighbour, and tokens never contain whitespace anyway.
    pub fn collapse_whitespace(&mut self, yes: bool) -> &mut Self {
        self.collapse_whitespace = yes;
        self
    }

    /// Folds every quotation mark (« » “ ” „ ‘ ’ and the straight ones) to `"`, so a name written with
    /// quotes matches whichever quotes the writer used. Default off.
    pub fn quotes(&mut self, yes: bool) -> &mut Self {
        self.quotes = yes;
        self
    }

    /// Builds the normaliser. Building cannot fail: every combination of switches is valid.
    pub fn build(&self) -> Normalizer {
        let mut arabic = [Fold::Keep; 256];
        let mut arabic_chars = [None; 256];
        for (i, (fold, folded)) in arabic.iter_mut().zip(&mut arabic_chars).enumerate() {
            let ch = char::from_u32(0x600 + i as u32).unwrap_or('\u{600}');
            *fold = self.fold_arabic_block(ch);
            *folded = match *fold {
                Fold::Keep => Some(ch),
                Fold::To(to) => Some(to),
                // The block holds no compatibility forms.
                Fold::Drop | Fold::Nfkc => None,
            };
        }
        Normalizer {
            arabic,
            arabic_chars,
            options: self.clone(),
        }
    }

    fn fold_arabic_block(&self, ch: char) -> Fold {
        match ch {
            '\u{0640}' if self.tatweel => Fold::Drop,
            c if self.diacritics && is_arabic_diacritic(c) => Fold::Drop,
            'أ' | 'إ' | 'آ' | '\u{0671}' | '\u{0672}' | '\u{0673}' if self.alef => Fold::To('ا'),
            'ى' if self.alef_maqsura => Fold::To('ي'),
            'ة' if self.teh_marbuta => Fold::To('ه'),
            'ؤ' if self.hamza_carriers => Fold::To('و'),
            'ئ' if self.hamza_carriers => Fold::To('ي'),
            'ی' | 'ې' if self.persian_letters => Fold::To('ي'),
            'ک' if self.persian_letters => Fold::To('ك'),
            'ہ' | 'ە' if self.persian_letters => Fold::To('ه'),
            '\u{0660}'..='\u{0669}' if self.digits => Fold::To(ascii_digit(ch as u32 - 0x660)),
            '\u{06F0}'..='\u{06F9}' if self.digits => Fold::To(ascii_digit(ch as u32 - 0x6F0)),
            '\u{061C}' if self.invisible => Fold::Drop,
            _ => Fold::Keep,
        }
    }
}

fn ascii_digit(value: u32) -> char {
    char::from_digit(value, 10).unwrap_or('0')
}

/// Whether `ch` is an Arabic combining mark that is not part of the letter's identity: harakat, tanwin,
/// sukun, shadda, superscript alef, Quranic annotation signs and the extended-A marks.
pub const fn is_arabic_diacritic(ch: char) -> bool {
    matches!(ch,
        '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{08D3}'..='\u{08E1}'
        | '\u{08E3}'..='\u{08FF}')
}

/// Whether `ch` is an invisible format character that the `invisible` fold removes.
pub fn is_invisible(ch: char) -> bool {
    matches!(ch,
        '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Whether `ch` is a Unicode space other than the ASCII ones, folded to `' '` by the `spaces` fold.
pub fn is_unicode_space(ch: char) -> bool {
    matches!(
        ch,
        '\u{00A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

fn is_presentation_form(ch: char) -> bool {
    matches!(ch, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}')
}

impl Default for Normalizer {
    fn default() -> Self {
        Normalizer::new()
    }
}

/// Receives each edit a normalisation makes: `orig` in the input was replaced by `norm` in the output.
trait EditLog {
    fn record(&mut self, orig: Span, norm: Span);
}

/// For callers that only want the normalised string.
struct NoLog;

impl EditLog for NoLog {
    #[inline]
    fn record(&mut self, _: Span, _: Span) {}
}

impl Normalizer {
    /// A normaliser with the default switches.
    pub fn new() -> Normalizer {
        NormalizerBuilder::default().build()
    }

    /// Starts configuring a normaliser.
    pub fn builder() -> NormalizerBuilder {
        NormalizerBuilder::default()
    }

    /// The switches this normaliser was built with.
    pub fn options(&self) -> &NormalizerBuilder {
        &self.options
    }

    /// Whether the code point at `offset` in the Arabic block (U+0600 + offset) is rewritten.
    #[inline]
    pub(crate) fn changes_arabic_block(&self, offset: usize) -> bool {
        self.arabic[offset] != Fold::Keep
    }

    /// Folds `word`, made only of two-byte characters of the Arabic block (U+0600–U+06FF), through the
    /// block's table: the same result as [`Normalizer::normalize_str`] without its per-character
    /// checks, for the tokenizer's common case.
    pub(crate) fn fold_arabic_block_word<'t>(&self, word: &str) -> Norm<'t> {
        // Every fold of the block is to one character of the block or an ASCII digit, or removes it: the
        // folded word is never longer than the original.
        let chars = word.as_bytes().chunks_exact(2).filter_map(|pair| {
            self.arabic_chars[(usize::from(pair[0] & 0x03) << 6) | usize::from(pair[1] & 0x3F)]
        });
        Norm::from_chars(word.len(), chars)
    }

    /// Whether every ASCII string without whitespace is left as it is: only the `quotes` fold rewrites
    /// such a string (the apostrophe).
    #[inline]
    pub(crate) fn keeps_ascii_words(&self) -> bool {
        !self.options.quotes
    }

    /// Whether `ch` is rewritten by some fold.
    #[inline]
    pub(crate) fn changes(&self, ch: char) -> bool {
        self.fold(ch) != Fold::Keep
    }

    fn fold(&self, ch: char) -> Fold {
        let cp = ch as u32;
        if cp < 0x80 {
            if ch == '\'' && self.options.quotes {
                Fold::To('"')
            } else {
                Fold::Keep
            }
        } else if (0x600..0x700).contains(&cp) {
            self.arabic[(cp - 0x600) as usize]
        } else {
            self.fold_outside_arabic_block(ch)
        }
    }

    fn fold_outside_arabic_block(&self, ch: char) -> Fold {
        let o = &self.options;
        if o.quotes && crate::chars::is_quote(ch) && ch != '"' {
            return Fold::To('"');
        }
        if (o.diacritics && is_arabic_diacritic(ch)) || (o.invisible && is_invisible(ch)) {
            Fold::Drop
        } else if o.spaces && is_unicode_space(ch) {
            Fold::To(' ')
        } else if o.presentation_forms && is_presentation_form(ch) {
            Fold::Nfkc
        } else {
            Fold::Keep
        }
    }

    /// Appends the folded form of `ch` (which must not fold to `Keep`) to `out`.
    fn push_folded(&self, ch: char, fold: Fold, out: &mut String) {
        match fold {
            Fold::Keep => out.push(ch),
            Fold::Drop => {}
            Fold::To(to) => out.push(to),
            Fold::Nfkc => {
                // The isolated forms of the harakat and of the shadda ligatures (U+FE70, U+FC5E…)
                // decompose to a space carrying the mark. That space is an artefact of NFKC, not a word
                // break: keeping it would put whitespace inside a token's norm and make
                // `collapse_whitespace` non-idempotent, so only the mark is kept.
                let skip_space = usize::from(std::iter::once(ch).nfkc().next() == Some(' '));
                for decomposed in std::iter::once(ch).nfkc().skip(skip_space) {
                    match self.fold(decomposed) {
                        // NFKC output holds no presentation forms; keep it whole if one ever appears.
                        Fold::Nfkc | Fold::Keep => out.push(decomposed),
                        inner => self.push_folded(decomposed, inner, out),
                    }
                }
            }
        }
    }

    /// The core loop: copies unchanged runs in bulk and reports every edit. Returns `None` when the text
    /// is already normal, so the common case allocates nothing.
    fn run(&self, text: &str, log: &mut impl EditLog) -> Option<String> {
        let mut out: Option<String> = None;
        let mut copied_to = 0;
        let collapse = self.options.collapse_whitespace;
        // Without these two folds every ASCII byte is kept as it is.
        let ascii_folds = collapse || self.options.quotes;
        let mut after_space = false;
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            // Fast paths: ASCII that no fold touches, and Arabic-block letters the table keeps.
            let lead = bytes[at];
            if lead < 0x80 {
                if !ascii_folds {
                    at += 1;
                    continue;
                }
                // Even with those folds on, ASCII mostly stays: anything but whitespace and the
                // apostrophe, and a space that follows no other.
                let whitespace = matches!(lead, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C);
                let keeps = if whitespace {
                    !collapse || (lead == b' ' && !after_space)
                } else {
                    lead != b'\'' || !self.options.quotes
                };
                if keeps {
                    if collapse {
                        after_space = whitespace;
                    }
                    at += 1;
                    continue;
                }
            }
            if (0xD8..=0xDB).contains(&lead) {
                let offset = (usize::from(lead & 0x03) << 6) | usize::from(bytes[at + 1] & 0x3F);
                if self.arabic[offset] == Fold::Keep {
                    after_space = false;
                    at += 2;
                    continue;
                }
            }
            let Some(ch) = text[at..].chars().next() else {
                break;
            };
            let char_at = at;
            at += ch.len_utf8();
            let at = char_at;
            let mut fold = self.fold(ch);
            let run_open = after_space;
            if collapse {
                let space = ch.is_whitespace() || fold == Fold::To(' ');
                if space {
                    fold = if after_space {
                        Fold::Drop
                    } else if ch == ' ' {
                        Fold::Keep
                    } else {
                        Fold::To(' ')
                    };
                }
                // Dropped invisible characters leave the run of spaces open.
                if fold != Fold::Drop {
                    after_space = space;
                }
            }
            if fold == Fold::Keep {
                continue;
            }
            let buf = out.get_or_insert_with(|| String::with_capacity(text.len()));
            buf.push_str(&text[copied_to..at]);
            let norm_start = buf.len();
            self.push_folded(ch, fold, buf);
            if collapse && buf.len() == norm_start {
                // So does a character that folds to nothing (an NFKC form made only of marks).
                after_space = run_open;
            }
            let end = at + ch.len_utf8();
            if buf[norm_start..] == text[at..end] {
                // A fold that happens to reproduce its input (NFKC of an unusual form) is no edit.
                copied_to = at;
                buf.truncate(norm_start);
                continue;
            }
            log.record(Span::new(at, end), Span::new(norm_start, buf.len()));
            copied_to = end;
        }
        let mut buf = out?;
        buf.push_str(&text[copied_to..]);
        Some(buf)
    }

    /// Normalises `text`, returning it unchanged (borrowed) when no fold applies.
    pub fn normalize_str<'t>(&self, text: &'t str) -> Cow<'t, str> {
        match self.run(text, &mut NoLog) {
            Some(owned) => Cow::Owned(owned),
            None => Cow::Borrowed(text),
        }
    }

    /// Whether `ch` would be removed by this normaliser (tatweel, a diacritic, an invisible character).
    pub fn drops(&self, ch: char) -> bool {
        self.fold(ch) == Fold::Drop
    }

    /// Normalises `text` and keeps the map from every normalised offset back to the original.
    ///
    /// ```
    /// use khabar_tokenize::{Normalizer, Span};
    ///
    /// let text = "وأكّد مصدر";
    /// let normalized = Normalizer::new().normalize(text);
    /// assert_eq!(normalized.as_str(), "واكد مصدر");
    /// let norm = Span::new(0, "واكد".len());
    /// assert_eq!(&text[normalized.to_original(norm)], "وأكّد");
    /// ```
    pub fn normalize<'t>(&self, text: &'t str) -> NormalizedText<'t> {
        let mut map = AlignmentBuilder::default();
        let normalized = match self.run(text, &mut map) {
            Some(owned) => Cow::Owned(owned),
            None => Cow::Borrowed(text),
        };
        NormalizedText {
            original: text,
            normalized,
            anchors: map.anchors,
            trims_invisible: self.options.invisible,
        }
    }
}

/// Where a region of the alignment starts. A region runs to the next anchor. In a *linear* region the
/// original and normalised bytes correspond one to one; an *atomic* region is one edit (a replacement or
/// deletion) whose inside has no finer correspondence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Anchor {
    norm: usize,
    orig: usize,
    atomic: bool,
}

#[derive(Default)]
struct AlignmentBuilder {
    anchors: Vec<Anchor>,
}

impl EditLog for AlignmentBuilder {
    fn record(&mut self, orig: Span, norm: Span) {
        let resumes_here = |a: &Anchor| !a.atomic && a.norm == norm.start && a.orig == orig.start;
        if self.anchors.last().is_some_and(resumes_here) {
            self.anchors.pop();
            // A deletion right after another edit joins that edit: "٣" + shadda is one atomic region.
            if norm.is_empty() && self.anchors.last().is_some_and(|a| a.atomic) {
                self.anchors.push(Anchor {
                    norm: norm.end,
                    orig: orig.end,
                    atomic: false,
                });
                return;
            }
        }
        self.anchors.push(Anchor {
            norm: norm.start,
            orig: orig.start,
            atomic: true,
        });
        self.anchors.push(Anchor {
            norm: norm.end,
            orig: orig.end,
            atomic: false,
        });
    }
}

/// Normalised text that remembers where every part of it came from.
///
/// Memory beyond the normalised string is proportional to the number of edits (two anchors each), not to
/// the length of the text; text that needs no edit is borrowed, not copied.
#[derive(Clone, Debug)]
pub struct NormalizedText<'t> {
    original: &'t str,
    normalized: Cow<'t, str>,
    anchors: Vec<Anchor>,
    /// Whether invisible characters were removed, and so are trimmed from the ends of mapped spans.
    trims_invisible: bool,
}

impl<'t> NormalizedText<'t> {
    /// The normalised text.
    pub fn as_str(&self) -> &str {
        &self.normalized
    }

    /// The original text.
    pub fn original(&self) -> &'t str {
        self.original
    }

    /// How many edits the normalisation made (a run of deletions after one edit counts once).
    pub fn edit_count(&self) -> usize {
        self.anchors.iter().filter(|a| a.atomic).count()
    }

    /// Maps one offset. `key` selects the coordinate searched, `value` the one returned; `round_up`
    /// chooses the end of an atomic region for offsets strictly inside it.
    fn map_offset(
        &self,
        pos: usize,
        key: impl Fn(&Anchor) -> usize,
        value: impl Fn(&Anchor) -> usize,
        key_len: usize,
        value_len: usize,
        round_up: bool,
    ) -> usize {
        let slot = self.anchors.partition_point(|a| key(a) <= pos);
        let Some(anchor) = slot.checked_sub(1).map(|i| &self.anchors[i]) else {
            return pos.min(value_len);
        };
        let next = self.anchors.get(slot);
        let region_end_value = next.map_or(value_len, &value);
        if anchor.atomic && pos > key(anchor) {
            return if round_up {
                region_end_value
            } else {
                value(anchor)
            };
        }
        let region_end_key = next.map_or(key_len, &key);
        value(anchor) + (pos.min(region_end_key) - key(anchor))
    }

    /// Maps a span of the normalised text to the original text. The result covers everything the span's
    /// characters came from, including diacritics and tatweel removed inside or right after it, but not
    /// invisible format characters at its ends when the `invisible` fold removed them.
    pub fn to_original(&self, span: Span) -> Span {
        let (nl, ol) = (self.normalized.len(), self.original.len());
        let start = self.map_offset(span.start, |a| a.norm, |a| a.orig, nl, ol, false);
        let mut end = self.map_offset(span.end, |a| a.norm, |a| a.orig, nl, ol, true);
        let mut start = start.min(end);
        if start < end && self.trims_invisible {
            while let Some(ch) = self.original[..end]
                .chars()
                .next_back()
                .filter(|&c| is_invisible(c))
            {
                if end - ch.len_utf8() <= start {
                    break;
                }
                end -= ch.len_utf8();
            }
            while let Some(ch) = self.original[start..end]
                .chars()
                .next()
                .filter(|&c| is_invisible(c))
            {
                start += ch.len_utf8();
            }
        }
        Span::new(start, end)
    }

    /// Maps a span of the original text to the normalised text. An edge that falls inside an edit is
    /// widened to cover the whole edit, so `to_original(to_normalized(s))` contains `s` whenever `s`
    /// starts at a character the normaliser keeps and does not end with an invisible character
    /// (characters removed before a span — including the second and later spaces of a run that
    /// `collapse_whitespace` folds — and invisible ones at its ends, are left out of mapped spans).
    pub fn to_normalized(&self, span: Span) -> Span {
        let (nl, ol) = (self.normalized.len(), self.original.len());
        let start = self.map_offset(span.start, |a| a.orig, |a| a.norm, ol, nl, false);
        let end = self.map_offset(span.end, |a| a.orig, |a| a.norm, ol, nl, true);
        Span::new(start, end)
    }
}
