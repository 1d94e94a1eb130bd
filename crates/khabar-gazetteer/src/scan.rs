//! The text side of dictionary matching: one pass over the original text that normalises it on the fly,
//! character by character, and cuts it into *pieces*, without building the normalised text or a map back
//! to the original.
//!
//! A piece is a maximal run of letters, digits and word marks, or one other character that is not
//! whitespace; whitespace between pieces is only a flag on the next piece. A name matches where the
//! pieces of its normalised form equal the text's, so the matcher compares pieces, not characters.
//! Characters the normaliser removes (diacritics, tatweel, invisible controls) are transparent: they join
//! what is around them, as in the normalised text.
//!
//! Every piece says where it came from, with the conventions of
//! [`NormalizedText::to_original`](khabar_tokenize::NormalizedText::to_original): a span starts at the
//! first character kept and ends after the removed characters that follow its last one, except invisible
//! ones at its very end. A presentation form that expands to several characters (ﻻ → لا) is one region:
//! each character of the expansion spans all of it.

use std::fmt;

use khabar_tokenize::chars::{is_arabic_letter, is_arabic_word_mark};
use khabar_tokenize::runs::{self, letter_run};
use khabar_tokenize::{Normalizer, is_invisible};

/// What the normaliser makes of one character, as far as pieces are concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    /// Removed (a diacritic, tatweel): extends the span of the character before.
    Drop,
    /// Removed, and never the end of a span (an invisible format character).
    Invisible,
    /// Whitespace, or folded to it.
    Space,
    /// A letter, digit or word mark: continues a run.
    Run,
    /// Any other character: a piece of its own, after which no name starts inside the same word.
    Other,
    /// An Arabic letter that is not alphanumeric (unassigned in the Arabic blocks): like [`Class::Other`],
    /// but glued, so no name starts right after it.
    GluedOther,
    /// Folded to several characters (a presentation form): normalised on its own when met.
    Expands,
}

/// The table entry of one character.
#[derive(Clone, Copy, Debug)]
struct Slot {
    class: Class,
    /// What the character becomes (ASCII lowercased: names match regardless of ASCII case).
    folded: char,
    /// Whether it stays as it is: then a piece's text can be read from the original text in place.
    same: bool,
}

/// Code points below this are looked up in the table (Latin, Greek, Cyrillic, Hebrew, Arabic).
const LOW_LEN: usize = 0x800;
/// General punctuation (U+2000–U+206F: spaces, quotation marks, invisible controls) is in the table too.
const PUNCTUATION: std::ops::Range<u32> = 0x2000..0x2070;

/// Where one character of a piece came from in the original text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct CharSpan {
    pub start: usize,
    /// After the character and the removed characters that follow it (not invisible ones at the end).
    pub end: usize,
}

impl CharSpan {
    /// The span of a two-byte character at `start`, with nothing removed after it.
    #[inline]
    fn two_byte(start: usize) -> CharSpan {
        CharSpan {
            start,
            end: start + 2,
        }
    }
}

/// A run of letters, digits and word marks, or one other character, normalised.
#[derive(Debug)]
pub(crate) struct Piece<'s> {
    /// The normalised text, ASCII lowercased.
    pub text: &'s str,
    /// Whether this is a run (or one other character).
    pub run: bool,
    /// Whether whitespace comes right before it.
    pub spaced: bool,
    /// Whether the character right before it (no whitespace between) is a letter, digit or Arabic
    /// letter: then no name starts here.
    pub glued: bool,
    /// Offset of the piece in the normalised text (whitespace runs count as one space).
    pub norm_start: usize,
    /// The original spans of the first three characters (enough for a proclitic stack and a contracted
    /// article): `chars[i]` for `i < text.chars().count()`; later slots hold anything.
    pub chars: [CharSpan; 3],
    /// Original end of the piece.
    pub end: usize,
    /// Where `text` is in the original text, when it is read there in place (most pieces); `None`
    /// when it is a folded copy.
    pub text_at: Option<usize>,
}

#[cfg(test)]
impl Piece<'_> {
    /// Original start of the piece.
    pub fn start(&self) -> usize {
        self.chars[0].start
    }
}

/// Normalises text piece by piece with a gazetteer's normaliser.
#[derive(Clone)]
pub(crate) struct Scanner {
    normalizer: Normalizer,
    /// Slots of U+0000..U+07FF, then of [`PUNCTUATION`].
    table: Box<[Slot]>,
    /// For U+0000..U+07FF: whether the character continues a run as it is (a letter or digit the
    /// normaliser keeps), for the loop over the bulk of the text.
    same_in_run: Box<[bool; LOW_LEN]>,
    /// Whether the normaliser keeps the common Arabic letters as the default one does, so that
    /// [`letter_run`] can measure runs of them.
    common_letters_fold_by_default: bool,
}

impl fmt::Debug for Scanner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Scanner")
            .field("normalizer", &self.normalizer)
            .finish_non_exhaustive()
    }
}

impl Scanner {
    /// A scanner that folds characters as `normalizer` does (with whitespace collapsed).
    pub fn new(normalizer: &Normalizer) -> Scanner {
        let slot = |code: u32| {
            char::from_u32(code).map_or(
                Slot {
                    class: Class::Other,
                    folded: char::REPLACEMENT_CHARACTER,
                    same: false,
                },
                |ch| slot_of(normalizer, ch),
            )
        };
        let table: Box<[Slot]> = (0..LOW_LEN as u32).chain(PUNCTUATION).map(slot).collect();
        let mut same_in_run = Box::new([false; LOW_LEN]);
        for (same, slot) in same_in_run.iter_mut().zip(&table[..LOW_LEN]) {
            *same = slot.class == Class::Run && slot.same;
        }
        Scanner {
            common_letters_fold_by_default: runs::folds_like_the_default(|ch| {
                !same_in_run[ch as usize]
            }),
            normalizer: normalizer.clone(),
            table,
            same_in_run,
        }
    }

    /// Calls `emit` with every piece of `text`, in order.
    pub fn scan(&self, text: &str, mut emit: impl FnMut(&Piece<'_>)) {
        let bytes = text.as_bytes();
        let mut state = State::new(text);
        let mut expansion = String::new();
        let mut i = 0;
        while i < bytes.len() {
            let (slot, len) = self.short_slot(bytes, i).unwrap_or_else(|| {
                let ch = text[i..]
                    .chars()
                    .next()
                    .unwrap_or(char::REPLACEMENT_CHARACTER);
                (self.slot(ch), ch.len_utf8())
            });
            let region = CharSpan {
                start: i,
                end: i + len,
            };
            i += len;
            if slot.class == Class::Expands {
                // A presentation form: its expansion is one region, which the removed characters right
                // after it join (as the normaliser's map records it).
                expansion.clear();
                expansion.push_str(
                    &self
                        .normalizer
                        .normalize_str(&text[region.start..region.end]),
                );
                let mut region = region;
                let mut after = i;
                for ch in text[i..].chars() {
                    match self.slot(ch).class {
                        Class::Drop => region.end = after + ch.len_utf8(),
                        Class::Invisible => {}
                        _ => break,
                    }
                    after += ch.len_utf8();
                }
                for ch in expansion.chars() {
                    let class = class_of(ch);
                    state.push(class, ch.to_ascii_lowercase(), false, region, &mut emit);
                }
                continue;
            }
            if slot.class == Class::Run && slot.same {
                // The bulk of the text: a letter that stays as it is, and the run's following two-byte
                // letters that do too (of Arabic, most), checked one by one and taken in one go.
                let end = self.same_two_byte_letters(bytes, i);
                if !state.open && len == 2 && self.ends_run(text, end) {
                    // A whole word of such letters (most words): it leaves at once, without the
                    // bookkeeping of a piece being built.
                    state.emit_word(region.start, end, &mut emit);
                    if bytes.get(end) == Some(&b' ') {
                        // And the plain space after it, as a space is pushed.
                        state.push_space();
                        i = end + 1;
                        continue;
                    }
                } else {
                    state.open_run(region.start, &mut emit);
                    state.note_char(region);
                    state.note_two_byte_chars(i, end);
                    state.extend_same(region.start, end);
                }
                i = end;
                continue;
            }
            state.push(slot.class, slot.folded, slot.same, region, &mut emit);
            if slot.class == Class::Run {
                let from = i;
                i = self.same_two_byte_letters(bytes, i);
                state.note_two_byte_chars(from, i);
                if i > from {
                    state.extend_same(from, i);
                }
            }
        }
        state.close(&mut emit);
    }

    /// Where the two-byte letters from `i` on that stay as they are end.
    ///
    /// Eight characters are tested at a time, all of them, and the run's length within them is counted
    /// from the results: a loop that stopped at the first other character mispredicted its exit once a
    /// word. Only a run of eight or more goes round again. Runs of the common Arabic letters are measured
    /// by [`letter_run`] (SSE2) first, when the normaliser keeps them as the default one does; the
    /// table's tests take over at the first letter beyond them.
    #[inline]
    fn same_two_byte_letters(&self, bytes: &[u8], mut i: usize) -> usize {
        if self.common_letters_fold_by_default {
            // Runs of the common letters, the bulk of Arabic text, measured by `letter_run`.
            while let Some(window) = bytes[i..].first_chunk::<16>() {
                let run = letter_run(window);
                i += 2 * run.kept as usize;
                if run.kept < 8 {
                    // A folded letter ends the run, and so does anything but a two-byte letter beyond the
                    // common ones that stays as it is (rare): only that goes on the general way.
                    let next = 2 * run.kept as usize;
                    if run.kept < run.letters
                        || !self.is_same_two_byte_letter(window[next], window[next + 1])
                    {
                        return i;
                    }
                    break;
                }
            }
        }
        while let Some(window) = bytes.get(i..i + 16) {
            let mut same = 0u32;
            for (k, pair) in window.chunks_exact(2).enumerate() {
                same |= u32::from(self.is_same_two_byte_letter(pair[0], pair[1])) << k;
            }
            let run = (!same).trailing_zeros() as usize;
            i += 2 * run;
            if run < 8 {
                return i;
            }
        }
        // The last bytes of the text, one pair at a time.
        while let Some(&[lead, next]) = bytes.get(i..i + 2) {
            if !self.is_same_two_byte_letter(lead, next) {
                break;
            }
            i += 2;
        }
        i
    }

    /// Whether `lead`, `next` start a two-byte character (lead bytes C2 to DF) that continues a run as
    /// it is; without a branch.
    #[inline]
    fn is_same_two_byte_letter(&self, lead: u8, next: u8) -> bool {
        let two_byte = lead.wrapping_sub(0xC2) < 0xE0 - 0xC2;
        two_byte & self.same_in_run[(usize::from(lead & 0x1F) << 6) | usize::from(next & 0x3F)]
    }

    /// Whether the character at `at` (if any) ends a run before it, neither continuing it nor removed
    /// into it: whitespace or punctuation of one or two bytes, or the end of the text. (Anything
    /// rarer answers no, and the run takes the general way.)
    #[inline]
    fn ends_run(&self, text: &str, at: usize) -> bool {
        let bytes = text.as_bytes();
        at == bytes.len()
            || self.short_slot(bytes, at).is_some_and(|(slot, _)| {
                matches!(slot.class, Class::Space | Class::Other | Class::GluedOther)
            })
    }

    /// The slot and length of the one- or two-byte character at `at` (most of any text), from the
    /// table; `None` for a longer one.
    #[inline]
    fn short_slot(&self, bytes: &[u8], at: usize) -> Option<(Slot, usize)> {
        let lead = bytes[at];
        if lead < 0x80 {
            Some((self.table[usize::from(lead)], 1))
        } else if lead < 0xE0 {
            let code = (usize::from(lead & 0x1F) << 6) | usize::from(bytes[at + 1] & 0x3F);
            Some((self.table[code], 2))
        } else {
            None
        }
    }

    /// The pieces of an already normalised name, as text is cut: `(text, spaced, run)`.
    pub fn pieces_of(&self, name: &str) -> Vec<(String, bool, bool)> {
        let mut pieces = Vec::new();
        self.scan(name, |piece| {
            pieces.push((piece.text.to_string(), piece.spaced, piece.run));
        });
        pieces
    }

    /// The slot of any character: from the table when it is there, else worked out on the spot.
    fn slot(&self, ch: char) -> Slot {
        let code = ch as u32;
        if (code as usize) < LOW_LEN {
            self.table[code as usize]
        } else if PUNCTUATION.contains(&code) {
            self.table[LOW_LEN + (code - PUNCTUATION.start) as usize]
        } else {
            slot_of(&self.normalizer, ch)
        }
    }
}

/// The scan between characters: the piece being built, and what came before it.
struct State<'t> {
    original: &'t str,
    /// Whether a piece is being built.
    open: bool,
    /// Whether it is a run.
    run: bool,
    /// Whether its text is `original[text_start..text_end]`, every character so far kept as it is (no
    /// copy); else it is `text`.
    borrowed: bool,
    text_start: usize,
    text_end: usize,
    text: String,
    spaced: bool,
    glued: bool,
    norm_start: usize,
    chars: [CharSpan; 3],
    /// Its characters so far.
    count: usize,
    end: usize,
    /// Whitespace since the last piece.
    space_before: bool,
    /// Whether the last character kept (not whitespace) glues what follows to it.
    glues: bool,
    norm_pos: usize,
}

impl<'t> State<'t> {
    fn new(original: &'t str) -> State<'t> {
        State {
            original,
            open: false,
            run: false,
            borrowed: true,
            text_start: 0,
            text_end: 0,
            text: String::new(),
            spaced: false,
            glued: false,
            norm_start: 0,
            chars: [CharSpan::default(); 3],
            count: 0,
            end: 0,
            space_before: false,
            glues: false,
            norm_pos: 0,
        }
    }

    /// Records where the next character of the open piece came from.
    #[inline]
    fn note_char(&mut self, region: CharSpan) {
        if let Some(slot) = self.chars.get_mut(self.count) {
            *slot = region;
        }
        self.count += 1;
    }

    /// Notes the two-byte characters of `original[from..to]`, taken in one go: only the first few are
    /// kept, and each one's span follows from where the run starts.
    #[inline]
    fn note_two_byte_chars(&mut self, from: usize, to: usize) {
        // Every slot from `count` on gets the span the run's character there would have, whatever the
        // run's length (a loop bounded by it mispredicted once a word): a slot past the piece's last
        // character is either overwritten by a later character or never read.
        let first = self.count;
        for k in first..self.chars.len() {
            self.chars[k] = CharSpan::two_byte(from + 2 * (k - first));
        }
        self.count += (to - from) / 2;
    }

    /// Hands `emit` the word `original[start..end]`, two-byte letters that stay as they are, followed
    /// by what ends a run ([`Scanner::ends_run`]), with no piece open: the piece that opening a run at
    /// `start`, taking the letters and closing would give.
    #[inline]
    fn emit_word(&mut self, start: usize, end: usize, emit: &mut impl FnMut(&Piece<'_>)) {
        let char_at = |k: usize| CharSpan::two_byte(start + 2 * k);
        emit(&Piece {
            text: &self.original[start..end],
            run: true,
            spaced: self.space_before,
            glued: self.glues,
            norm_start: self.norm_pos,
            chars: [char_at(0), char_at(1), char_at(2)],
            end,
            text_at: Some(start),
        });
        self.norm_pos += end - start;
        self.space_before = false;
        self.glues = true;
    }

    /// Appends a character to the open piece.
    #[inline]
    fn extend(&mut self, folded: char, same: bool, region: CharSpan) {
        self.note_char(region);
        if self.borrowed && same && region.start == self.text_end {
            self.text_end = region.end;
        } else {
            self.own();
            self.text.push(folded);
        }
        self.end = region.end;
        self.norm_pos += folded.len_utf8();
    }

    /// Appends `original[from..to]`, characters that stay as they are (already noted).
    #[inline]
    fn extend_same(&mut self, from: usize, to: usize) {
        if self.borrowed && from == self.text_end {
            self.text_end = to;
        } else {
            self.own();
            self.text.push_str(&self.original[from..to]);
        }
        self.end = to;
        self.norm_pos += to - from;
    }

    /// Moves the text read in place so far into `text`, to go on by copying.
    fn own(&mut self) {
        if self.borrowed {
            self.borrowed = false;
            self.text.clear();
            self.text
                .push_str(&self.original[self.text_start..self.text_end]);
        }
    }

    /// Takes one character of the normalised text (or one removed), from `region` of the original;
    /// `same` says it is kept as it is there.
    #[inline]
    fn push(
        &mut self,
        class: Class,
        folded: char,
        same: bool,
        region: CharSpan,
        emit: &mut impl FnMut(&Piece<'_>),
    ) {
        match class {
            Class::Invisible => {}
            Class::Drop => {
                if self.open {
                    self.end = region.end;
                    if let Some(last) = self.chars.get_mut(self.count - 1) {
                        last.end = region.end;
                    }
                }
            }
            Class::Space => {
                self.close(emit);
                self.push_space();
            }
            Class::Run => {
                self.open_run(region.start, emit);
                self.extend(folded, same, region);
            }
            Class::Other | Class::GluedOther | Class::Expands => {
                self.close(emit);
                self.start(false, region.start);
                self.extend(folded, same, region);
                self.glues = class == Class::GluedOther;
            }
        }
    }

    /// Takes whitespace, with no piece open: a run of it is one space of the normalised text.
    #[inline]
    fn push_space(&mut self) {
        if !self.space_before {
            self.norm_pos += 1;
        }
        self.space_before = true;
        self.glues = false;
    }

    /// Goes on with the open run, or starts one at `at`; what follows glues to it.
    #[inline]
    fn open_run(&mut self, at: usize, emit: &mut impl FnMut(&Piece<'_>)) {
        if !(self.open && self.run) {
            self.close(emit);
            self.start(true, at);
        }
        self.glues = true;
    }

    #[inline]
    fn start(&mut self, run: bool, at: usize) {
        self.open = true;
        self.run = run;
        self.borrowed = true;
        self.text_start = at;
        self.text_end = at;
        self.spaced = self.space_before;
        self.glued = self.glues;
        self.norm_start = self.norm_pos;
        self.count = 0;
        self.space_before = false;
    }

    #[inline]
    fn close(&mut self, emit: &mut impl FnMut(&Piece<'_>)) {
        if !self.open {
            return;
        }
        self.open = false;
        let (text, text_at) = if self.borrowed {
            (
                &self.original[self.text_start..self.text_end],
                Some(self.text_start),
            )
        } else {
            (self.text.as_str(), None)
        };
        emit(&Piece {
            text,
            run: self.run,
            spaced: self.spaced,
            glued: self.glued,
            norm_start: self.norm_start,
            chars: self.chars,
            end: self.end,
            text_at,
        });
    }
}

/// The slot of `ch`: what `normalizer` folds it to, and its class.
fn slot_of(normalizer: &Normalizer, ch: char) -> Slot {
    let mut utf8 = [0; 4];
    let folded = normalizer.normalize_str(ch.encode_utf8(&mut utf8));
    let mut chars = folded.chars();
    match (chars.next(), chars.next()) {
        (None, _) if is_invisible(ch) => Slot {
            class: Class::Invisible,
            folded: ch,
            same: false,
        },
        (None, _) => Slot {
            class: Class::Drop,
            folded: ch,
            same: false,
        },
        (Some(one), None) => Slot {
            class: class_of(one),
            folded: one.to_ascii_lowercase(),
            same: one.to_ascii_lowercase() == ch,
        },
        (Some(_), Some(_)) => Slot {
            class: Class::Expands,
            folded: ch,
            same: false,
        },
    }
}

/// The class of a character of normalised text.
fn class_of(ch: char) -> Class {
    if ch.is_whitespace() {
        Class::Space
    } else if ch.is_alphanumeric() || is_arabic_word_mark(ch) {
        Class::Run
    } else if is_arabic_letter(ch) {
        Class::GluedOther
    } else {
        Class::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(original text of the piece, normalised text, spaced, glued)` of every piece.
    fn pieces(text: &str) -> Vec<(&str, String, bool, bool)> {
        let normalizer = Normalizer::builder()
            .collapse_whitespace(true)
            .quotes(true)
            .build();
        let scanner = Scanner::new(&normalizer);
        let mut out = Vec::new();
        scanner.scan(text, |p| {
            out.push((
                &text[p.start()..p.end],
                p.text.to_string(),
                p.spaced,
                p.glued,
            ))
        });
        out
    }

    proptest::proptest! {
        /// Eight characters at a time, the run ends where the one-by-one loop would end it.
        #[test]
        fn same_letters_end_where_a_plain_loop_ends_them(
            text in "[\u{0621}-\u{0655}\u{0660}\u{0671}a-c \u{00E9}\u{0394}\u{FEFB}\u{200C}]{0,40}"
        ) {
            let scanner = Scanner::new(&Normalizer::new());
            let bytes = text.as_bytes();
            for (i, _) in text.char_indices() {
                let mut end = i;
                while let Some(&[lead, next]) = bytes.get(end..end + 2) {
                    let code = (usize::from(lead & 0x1F) << 6) | usize::from(next & 0x3F);
                    if !(0xC2..0xE0).contains(&lead) || !scanner.same_in_run[code] {
                        break;
                    }
                    end += 2;
                }
                proptest::prop_assert_eq!(scanner.same_two_byte_letters(bytes, i), end, "from {}", i);
            }
        }
    }

    #[test]
    fn runs_of_eight_letters_and_more_go_round_again() {
        let scanner = Scanner::new(&Normalizer::new());
        for word in ["العاصمة", "المستشفيات", "والاستراتيجيات"] {
            let text = format!("{word} بغداد");
            assert_eq!(
                scanner.same_two_byte_letters(text.as_bytes(), 0),
                word.len()
            );
        }
        // A word that ends the text, shorter than a window.
        assert_eq!(scanner.same_two_byte_letters("في".as_bytes(), 0), 4);
    }

    #[test]
    fn pieces_are_runs_and_single_other_characters() {
        let got = pieces("قال السوداني، «إنّ» NATO-2024");
        let expected = [
            ("قال", "قال", false, false),
            ("السوداني", "السوداني", true, false),
            ("،", "،", false, true),
            ("«", "\"", true, false),
            ("إنّ", "ان", false, false),
            ("»", "\"", false, true),
            ("NATO", "nato", true, false),
            ("-", "-", false, true),
            ("2024", "2024", false, false),
        ];
        let got: Vec<_> = got
            .iter()
            .map(|(o, n, s, g)| (*o, n.as_str(), *s, *g))
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn removed_characters_are_transparent_and_end_spans_unless_invisible() {
        // Tatweel and shadda inside, a damma after: one run, whose span takes the damma.
        let text = "العـراقُ \u{200c}بغداد\u{200c}";
        let got = pieces(text);
        assert_eq!(got[0].0, "العـراقُ");
        assert_eq!(got[0].1, "العراق");
        // The invisible joiner before بغداد is not part of it, nor the one at its end.
        assert_eq!(got[1].0, "بغداد");
        assert!(got[1].2);
    }

    #[test]
    fn first_characters_keep_their_own_spans() {
        let normalizer = Normalizer::new();
        let scanner = Scanner::new(&normalizer);
        let text = "وَللعراق";
        let mut chars = Vec::new();
        scanner.scan(text, |p| {
            chars.extend(p.chars.iter().map(|c| &text[c.start..c.end]))
        });
        assert_eq!(chars, ["وَ", "ل", "ل"]);
    }

    #[test]
    fn presentation_forms_expand_into_one_region() {
        let normalizer = Normalizer::new();
        let scanner = Scanner::new(&normalizer);
        let text = "\u{FEFB}عب"; // ﻻ (lam-alef ligature) + عب
        let mut got = Vec::new();
        scanner.scan(text, |p| got.push((p.text.to_string(), p.chars)));
        assert_eq!(got[0].0, "لاعب");
        let ligature = CharSpan {
            start: 0,
            end: "\u{FEFB}".len(),
        };
        assert_eq!(got[0].1[..2], [ligature, ligature]);
    }
}
