//! The tokenizer: a hand-written scanner over the original text, with each token's normalised form.

use unicode_segmentation::UnicodeSegmentation;

use crate::chars::{
    ARABIC_BLOCK_WORD_CHARS, is_arabic_letter, is_arabic_word_mark, is_combining_mark, is_digit,
    is_emoji_start, is_punctuation, is_quote, is_separator,
};
use crate::clitics::{self, CliticAnalysis};
use crate::runs::{self, letter_run};
use crate::{Norm, Normalizer, Span};

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum TokenKind {
    /// A word in Arabic script, with its diacritics and tatweel (and hyphen or slash compounds).
    Arabic,
    /// A word in Latin script.
    Latin,
    /// A word in another script.
    OtherWord,
    /// A number: digits of any of the three digit sets, with `.` `,` `٫` `٬` `:` `/` between digits.
    Number,
    /// Punctuation other than quotation marks; a run of the same sign (`...`, `!!`) is one token.
    Punctuation,
    /// One quotation mark.
    Quote,
    /// A symbol (currency, maths, other signs).
    Symbol,
    /// One emoji: a whole grapheme cluster, skin tones and ZWJ sequences included.
    Emoji,
    /// A web address.
    Url,
    /// An e-mail address.
    Email,
    /// A hashtag, `#` included.
    Hashtag,
    /// An `@mention`, `@` included.
    Mention,
}

impl TokenKind {
    /// The name JSON output uses, the same as its serde name (snake case): `arabic`, `latin`,
    /// `other_word`, `number`, `punctuation`, `quote`, `symbol`, `emoji`, `url`, `email`, `hashtag`,
    /// `mention`.
    pub fn as_str(self) -> &'static str {
        match self {
            TokenKind::Arabic => "arabic",
            TokenKind::Latin => "latin",
            TokenKind::OtherWord => "other_word",
            TokenKind::Number => "number",
            TokenKind::Punctuation => "punctuation",
            TokenKind::Quote => "quote",
            TokenKind::Symbol => "symbol",
            TokenKind::Emoji => "emoji",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
            TokenKind::Hashtag => "hashtag",
            TokenKind::Mention => "mention",
        }
    }

    /// Whether the token is a word of any script.
    pub fn is_word(self) -> bool {
        matches!(
            self,
            TokenKind::Arabic | TokenKind::Latin | TokenKind::OtherWord
        )
    }
}

/// One token: where it is in the original text, what it is, and its normalised form for matching.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token<'t> {
    /// Byte span into the original text.
    pub span: Span,
    /// The token's original text, `&text[span]`.
    pub text: &'t str,
    /// The normalised form; borrowed from the original when no fold applies.
    pub norm: Norm<'t>,
    /// The kind of token.
    pub kind: TokenKind,
}

impl<'t> Token<'t> {
    /// The plausible splits of an Arabic word into proclitics, stem and enclitic, most plausible first;
    /// empty for other kinds. Every part's span points into the original text.
    pub fn clitics(&self) -> Vec<CliticAnalysis> {
        let mut analyses = Vec::new();
        self.clitics_into(&mut analyses);
        analyses
    }

    /// [`Token::clitics`] into a buffer the caller reuses (it is cleared first), so a loop over many
    /// tokens allocates nothing.
    ///
    /// ```
    /// use khabar_tokenize::Tokenizer;
    ///
    /// let text = "وأكد للعراق";
    /// let mut analyses = Vec::new();
    /// let stems: Vec<&str> = Tokenizer::new()
    ///     .tokenize(text)
    ///     .map(|token| {
    ///         token.clitics_into(&mut analyses);
    ///         &text[analyses[0].stem_with_article()]
    ///     })
    ///     .collect();
    /// assert_eq!(stems, ["وأكد", "لعراق"]);
    /// ```
    // Inlined so that a loop over the tokenizer reads the fields where the iterator left them: called by
    // reference, each token was first copied 16 bytes at a time from the 8-byte stores that had just
    // written it, which the CPU cannot forward (tokens + clitics 9% slower).
    #[inline]
    pub fn clitics_into(&self, out: &mut Vec<CliticAnalysis>) {
        if self.kind == TokenKind::Arabic {
            clitics::analyze_into(self.text, self.span.start, out);
        } else {
            out.clear();
        }
    }
}

/// Splits text into [`Token`]s. Cheap to clone and to share between threads.
///
/// ```
/// use khabar_tokenize::{TokenKind, Tokenizer};
///
/// let text = "حددت الميليشيات مهلة بـ40 يوما، وفق «شفق نيوز».";
/// let tokens: Vec<_> = Tokenizer::new().tokenize(text).collect();
/// let words: Vec<&str> = tokens.iter().map(|t| &text[t.span]).collect();
/// assert_eq!(
///     words,
///     ["حددت", "الميليشيات", "مهلة", "بـ", "40", "يوما", "،", "وفق", "«", "شفق", "نيوز", "»", "."]
/// );
/// assert_eq!(tokens[3].norm, "ب");
/// assert_eq!(tokens[4].kind, TokenKind::Number);
/// ```
#[derive(Clone, Debug)]
pub struct Tokenizer {
    normalizer: Normalizer,
    /// For each code point of the Arabic block U+0600–U+06FF: [`CONTINUES_WORD`] and [`FOLDS`] bits, so
    /// the scanner's fast path decides both with one load.
    arabic_block: [u8; 256],
    /// Whether the normaliser rewrites the common letters exactly as the default one does, so that
    /// [`letter_run`] can measure and judge runs of them.
    common_letters_fold_by_default: bool,
}

/// Bit of [`Tokenizer::arabic_block`]: the character is a letter or mark that continues an Arabic word.
const CONTINUES_WORD: u8 = 1;
/// Bit of [`Tokenizer::arabic_block`]: the normaliser rewrites the character.
const FOLDS: u8 = 2;

impl Default for Tokenizer {
    fn default() -> Tokenizer {
        Tokenizer::with_normalizer(Normalizer::new())
    }
}

impl Tokenizer {
    /// A tokenizer whose tokens are normalised with the default [`Normalizer`].
    pub fn new() -> Tokenizer {
        Tokenizer::default()
    }

    /// A tokenizer that normalises tokens with `normalizer`.
    pub fn with_normalizer(normalizer: Normalizer) -> Tokenizer {
        let arabic_block = std::array::from_fn(|offset| {
            let word = if ARABIC_BLOCK_WORD_CHARS[offset] {
                CONTINUES_WORD
            } else {
                0
            };
            let folds = if normalizer.changes_arabic_block(offset) {
                FOLDS
            } else {
                0
            };
            word | folds
        });
        Tokenizer {
            common_letters_fold_by_default: runs::folds_like_the_default(|ch| {
                normalizer.changes(ch)
            }),
            normalizer,
            arabic_block,
        }
    }

    /// The normaliser applied to each token.
    pub fn normalizer(&self) -> &Normalizer {
        &self.normalizer
    }

    /// Iterates over the tokens of `text`. Never fails: every input yields tokens that cover all of its
    /// characters except separators (whitespace, control and invisible format characters).
    pub fn tokenize<'a, 't>(&'a self, text: &'t str) -> Tokens<'a, 't> {
        Tokens {
            text,
            pos: 0,
            tokenizer: self,
        }
    }

    /// Collects [`Tokenizer::tokenize`] into a `Vec`.
    pub fn tokens<'t>(&self, text: &'t str) -> Vec<Token<'t>> {
        // Arabic news has a token every seven bytes or so: sized for that, the vector rarely grows
        // (growing copies every token made so far).
        let mut tokens = Vec::with_capacity(text.len() / 6 + 1);
        tokens.extend(self.tokenize(text));
        tokens
    }
}

/// The iterator returned by [`Tokenizer::tokenize`].
#[derive(Clone, Debug)]
pub struct Tokens<'a, 't> {
    text: &'t str,
    pos: usize,
    tokenizer: &'a Tokenizer,
}

/// The char at byte `at`, if any.
#[inline]
fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

/// Format characters of Grapheme_Cluster_Break=Prepend that are not letters: they join the following
/// character into their cluster.
#[inline]
fn is_prepended_mark(ch: char) -> bool {
    matches!(ch,
        '\u{0600}'..='\u{0605}' | '\u{06DD}' | '\u{070F}' | '\u{0890}'..='\u{0891}' | '\u{08E2}'
        | '\u{110BD}' | '\u{110CD}')
}

/// How an Arabic word's normalised form is made, as its scan found out.
#[derive(Clone, Copy, PartialEq, Eq)]
enum WordNorm {
    /// No fold applies: the norm borrows the original.
    Unchanged,
    /// Every character is a two-byte one of the Arabic block: each is folded through the normaliser's
    /// table, no further checks.
    ArabicBlock,
    /// Anything else: the normaliser's general path.
    General,
}

impl WordNorm {
    fn new(changes: bool, block_only: bool) -> WordNorm {
        match (changes, block_only) {
            (false, _) => WordNorm::Unchanged,
            (true, true) => WordNorm::ArabicBlock,
            (true, false) => WordNorm::General,
        }
    }
}

/// Joiners that keep a compound in one token when a word character follows: hyphens and the slash.
#[inline]
fn is_compound_joiner(ch: char) -> bool {
    matches!(ch, '-' | '/' | '\u{2010}' | '\u{2011}')
}

impl<'a, 't> Tokens<'a, 't> {
    /// Scans while `keep` holds, from byte `at`; returns the end.
    #[inline]
    fn scan_while(&self, mut at: usize, keep: impl Fn(char) -> bool) -> usize {
        for ch in self.text[at..].chars() {
            if !keep(ch) {
                break;
            }
            at += ch.len_utf8();
        }
        at
    }

    /// An Arabic word: letters, marks and tatweel, with ZWNJ/ZWJ inside, and compounds joined by `-` or
    /// `/` when letters follow. Returns the end and how the word's normalised form is to be made.
    fn scan_arabic(&self, start: usize) -> (usize, WordNorm) {
        let bytes = self.text.as_bytes();
        let mut end = start;
        // The FOLDS bit of any fast-path character; `changes` covers the others.
        let mut folds = 0;
        let mut changes = false;
        let mut block_only = true;
        let end = loop {
            // Fastest path: runs of the common letters, eight at a time, when the normaliser folds them
            // as the runs know.
            if self.tokenizer.common_letters_fold_by_default {
                while let Some(window) = bytes[end..].first_chunk::<16>() {
                    let run = letter_run(window);
                    folds |= u8::from(run.kept < run.letters) * FOLDS;
                    end += 2 * run.letters as usize;
                    if run.letters < 8 {
                        break;
                    }
                }
            }
            // Fast path: two-byte sequences of the Arabic block (lead bytes D8–DB), read from a table.
            for pair in bytes[end..].chunks_exact(2) {
                if !(0xD8..=0xDB).contains(&pair[0]) {
                    break;
                }
                let class = self.tokenizer.arabic_block
                    [(usize::from(pair[0] & 0x03) << 6) | usize::from(pair[1] & 0x3F)];
                if class & CONTINUES_WORD == 0 {
                    break;
                }
                folds |= class;
                end += 2;
            }
            // Most words end at a space or ASCII punctuation: only `-` and `/` can continue them.
            if bytes
                .get(end)
                .is_none_or(|&byte| byte < 0x80 && !matches!(byte, b'-' | b'/'))
            {
                break end;
            }
            let Some(ch) = char_at(self.text, end) else {
                break end;
            };
            if is_arabic_letter(ch) || is_arabic_word_mark(ch) {
                changes |= self.tokenizer.normalizer.changes(ch);
                block_only = false;
                end += ch.len_utf8();
                continue;
            }
            let joins = matches!(ch, '\u{200C}' | '\u{200D}') || is_compound_joiner(ch);
            let after = end + ch.len_utf8();
            if joins && char_at(self.text, after).is_some_and(is_arabic_letter) {
                changes |= self.tokenizer.normalizer.changes(ch);
                block_only = false;
                end = after;
                continue;
            }
            break end;
        };
        let changes = changes || folds & FOLDS != 0;
        (end, WordNorm::new(changes, block_only))
    }

    /// A word in Latin or another script: letters, digits and combining marks, with inner apostrophes and
    /// compounds (COVID-19, e-mail).
    fn scan_other_word(&self, start: usize) -> usize {
        let is_word_char =
            |c: char| (c.is_alphanumeric() && !is_arabic_letter(c)) || is_combining_mark(c);
        let mut end = start;
        loop {
            end = self.scan_while(end, is_word_char);
            match char_at(self.text, end) {
                Some(joiner) if is_compound_joiner(joiner) || matches!(joiner, '\'' | '’') => {
                    let after = end + joiner.len_utf8();
                    if char_at(self.text, after)
                        .is_some_and(|c| c.is_alphanumeric() && !is_arabic_letter(c))
                    {
                        end = after;
                        continue;
                    }
                }
                _ => {}
            }
            return end;
        }
    }

    /// A number: digits with separators between digits.
    fn scan_number(&self, start: usize) -> usize {
        let mut end = start;
        loop {
            end = self.scan_while(end, is_digit);
            if let Some(sep @ ('.' | ',' | '\u{066B}' | '\u{066C}' | ':' | '/')) =
                char_at(self.text, end)
            {
                let after = end + sep.len_utf8();
                if char_at(self.text, after).is_some_and(is_digit) {
                    end = after;
                    continue;
                }
            }
            return end;
        }
    }

    /// A URL starting at `start`, if one does: `http://`, `https://` or `www.`, running to the next
    /// separator or quotation mark, without trailing punctuation.
    fn scan_url(&self, start: usize) -> Option<usize> {
        let rest = &self.text.as_bytes()[start..];
        let starts = |prefix: &[u8]| {
            rest.len() >= prefix.len() && rest[..prefix.len()].eq_ignore_ascii_case(prefix)
        };
        if !(starts(b"http://") || starts(b"https://") || starts(b"www.")) {
            return None;
        }
        let mut end = self.scan_while(start, |c| {
            !is_separator(c) && !is_quote(c) && !matches!(c, '<' | '>')
        });
        while let Some(last) = self.text[start..end].chars().next_back() {
            if matches!(
                last,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '،' | '؛' | '؟'
            ) {
                end -= last.len_utf8();
            } else {
                break;
            }
        }
        Some(end)
    }

    /// An e-mail address starting at `start`, if one does.
    fn scan_email(&self, start: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let local =
            |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-');
        let mut at = start;
        while at < bytes.len() && local(bytes[at]) {
            at += 1;
        }
        if at == start || bytes.get(at) != Some(&b'@') {
            return None;
        }
        let domain_start = at + 1;
        let mut end = domain_start;
        while end < bytes.len()
            && (bytes[end].is_ascii_alphanumeric() || matches!(bytes[end], b'.' | b'-'))
        {
            end += 1;
        }
        while end > domain_start && bytes[end - 1] == b'.' {
            end -= 1;
        }
        let domain = &bytes[domain_start..end];
        let valid = domain.contains(&b'.') && domain.first().is_some_and(u8::is_ascii_alphanumeric);
        valid.then_some(end)
    }

    /// A hashtag's end, when `#` at `start` is followed by a word character.
    fn scan_hashtag(&self, start: usize) -> Option<usize> {
        let body = start + 1;
        let is_tag_char =
            |c: char| c.is_alphanumeric() || c == '_' || is_arabic_word_mark(c) || c == '\u{200C}';
        let end = self.scan_while(body, is_tag_char);
        (end > body && self.text[body..end].chars().any(|c| c != '_')).then_some(end)
    }

    /// An `@mention`'s end, when `@` at `start` is followed by a handle character.
    fn scan_mention(&self, start: usize) -> Option<usize> {
        let body = start + 1;
        let end = self.scan_while(body, |c| c.is_ascii_alphanumeric() || c == '_');
        (end > body).then_some(end)
    }

    /// Classifies and scans the token starting with `ch` at `start`.
    fn scan_token(&self, start: usize, ch: char) -> (usize, TokenKind) {
        if is_digit(ch) {
            return (self.scan_number(start), TokenKind::Number);
        }
        // Punctuation and quotation marks are cheap to recognise; the alphanumeric property lookup is not.
        let sign = !ch.is_ascii() && (is_quote(ch) || is_punctuation(ch));
        if !sign && ch.is_alphanumeric() {
            if let Some(end) = self.scan_url(start) {
                return (end, TokenKind::Url);
            }
            if let Some(end) = ch
                .is_ascii_alphanumeric()
                .then(|| self.scan_email(start))
                .flatten()
            {
                return (end, TokenKind::Email);
            }
            let kind = if ch.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&ch) {
                TokenKind::Latin
            } else {
                TokenKind::OtherWord
            };
            return (self.scan_other_word(start), kind);
        }
        let single = start + ch.len_utf8();
        match ch {
            '#' => match self.scan_hashtag(start) {
                Some(end) => (end, TokenKind::Hashtag),
                None => (single, TokenKind::Punctuation),
            },
            '@' => match self.scan_mention(start) {
                Some(end) => (end, TokenKind::Mention),
                None => (single, TokenKind::Punctuation),
            },
            c if is_quote(c) => (single, TokenKind::Quote),
            c if is_punctuation(c) => (
                self.scan_while(start, |next| next == c),
                TokenKind::Punctuation,
            ),
            c if is_emoji_start(c) => {
                let cluster = self.text[start..]
                    .graphemes(true)
                    .next()
                    .map_or(ch.len_utf8(), str::len);
                (start + cluster, TokenKind::Emoji)
            }
            // The prepended concatenation marks (number signs U+0600–0605, end of ayah U+06DD…) start a
            // grapheme cluster with whatever follows, even a space or a letter: they are a symbol alone.
            c if is_prepended_mark(c) => (single, TokenKind::Symbol),
            _ => {
                // A stray combining mark stays with its base's cluster; anything else is one symbol.
                let cluster = self.text[start..]
                    .graphemes(true)
                    .next()
                    .map_or(ch.len_utf8(), str::len);
                (start + cluster, TokenKind::Symbol)
            }
        }
    }
}

impl<'a, 't> Iterator for Tokens<'a, 't> {
    type Item = Token<'t>;

    fn next(&mut self) -> Option<Token<'t>> {
        let text = self.text;
        let bytes = text.as_bytes();
        // Skip separators; plain ASCII spaces and newlines take the fast path.
        let (start, first) = loop {
            while self.pos < bytes.len() && matches!(bytes[self.pos], b' ' | b'\n' | b'\r' | b'\t')
            {
                self.pos += 1;
            }
            // Arabic letters and marks, the usual case, are never separators: no decoding and no Unicode
            // property lookups for them (not for the whole block: U+061C, the Arabic letter mark, is
            // invisible).
            let lead = *bytes.get(self.pos)?;
            if (0xD8..=0xDB).contains(&lead)
                && self.tokenizer.arabic_block
                    [(usize::from(lead & 0x03) << 6) | usize::from(bytes[self.pos + 1] & 0x3F)]
                    & CONTINUES_WORD
                    != 0
            {
                break (self.pos, None);
            }
            let ch = char_at(text, self.pos)?;
            if is_separator(ch) {
                self.pos += ch.len_utf8();
                continue;
            }
            break (self.pos, Some(ch));
        };
        let (end, kind, word_norm) = match first {
            Some(ch) if !is_arabic_letter(ch) && !is_arabic_word_mark(ch) => {
                let (end, kind) = self.scan_token(start, ch);
                (end, kind, WordNorm::General)
            }
            _ => {
                let (end, word_norm) = self.scan_arabic(start);
                (end, TokenKind::Arabic, word_norm)
            }
        };
        // Every branch consumes at least the first char; guard anyway so the iterator always advances
        // (a first char the fast path saw is a two-byte one).
        let end = end.max(start + first.map_or(2, char::len_utf8));
        self.pos = end;
        let raw = &text[start..end];
        // The scanner already knows whether an Arabic word needs any fold, and which way is enough.
        let norm = match word_norm {
            WordNorm::Unchanged => Norm::from(raw),
            WordNorm::ArabicBlock => self.tokenizer.normalizer.fold_arabic_block_word(raw),
            // Numbers and punctuation are mostly ASCII, which only the quotes fold rewrites (a token
            // holds no whitespace for the others to touch).
            WordNorm::General
                if raw.is_ascii() && self.tokenizer.normalizer.keeps_ascii_words() =>
            {
                Norm::from(raw)
            }
            WordNorm::General => Norm::from(self.tokenizer.normalizer.normalize_str(raw)),
        };
        Some(Token {
            span: Span::new(start, end),
            text: raw,
            norm,
            kind,
        })
    }
}
