//! Sentence spans for Arabic news.
//!
//! A sentence ends at `.` `!` `?` `؟` `…` (and runs of them), together with a closing quotation mark that
//! follows directly, unless the sign is inside an open quotation, follows an abbreviation (a single letter
//! such as د. or أ.د.), or sits inside a number (numbers are single tokens, so 3.5 never splits). A line
//! break always ends a sentence and closes any quotation the writer left open.

use crate::token::{Token, TokenKind};
use crate::{Span, Tokenizer};

/// Sentence-final punctuation.
fn ends_sentence(token: &Token<'_>) -> bool {
    token.kind == TokenKind::Punctuation
        && token
            .text
            .chars()
            .all(|c| matches!(c, '.' | '!' | '?' | '؟' | '…' | '۔'))
}

/// Words after which a full stop marks an abbreviation: single letters (د. م. أ.د.) and common titles.
fn is_abbreviation(token: &Token<'_>) -> bool {
    token.kind.is_word()
        && (token.norm.chars().count() == 1
            || matches!(&*token.norm, "Dr" | "Mr" | "Mrs" | "St" | "No" | "ص"))
}

/// Whether a line break lies between two byte offsets.
fn line_break_between(text: &str, from: usize, to: usize) -> bool {
    // Read as bytes (the gap is usually one space): \n, \r, NEL (C2 85), LS and PS (E2 80 A8/A9).
    let gap = &text.as_bytes()[from..to];
    if let [] | [b' '] = gap {
        return false;
    }
    gap.iter().enumerate().any(|(i, &b)| match b {
        b'\n' | b'\r' => true,
        0xC2 => gap.get(i + 1) == Some(&0x85),
        0xE2 => gap.get(i + 1) == Some(&0x80) && matches!(gap.get(i + 2), Some(0xA8 | 0xA9)),
        _ => false,
    })
}

/// Splits already-computed tokens of `text` into sentence spans (from the first token's start to the
/// last token's end; whitespace between sentences belongs to none).
pub fn sentence_spans(text: &str, tokens: &[Token<'_>]) -> Vec<Span> {
    let mut sentences = Vec::new();
    let mut start: Option<usize> = None;
    let mut guillemets = 0usize;
    let mut curly = 0usize;
    let mut straight_open = false;
    let mut prev_end = 0;
    let close = |sentences: &mut Vec<Span>, start: &mut Option<usize>, end: usize| {
        if let Some(s) = start.take() {
            sentences.push(Span::new(s, end));
        }
    };
    let mut i = 0;
    while i < tokens.len() {
        let token = &tokens[i];
        if start.is_some() && line_break_between(text, prev_end, token.span.start) {
            close(&mut sentences, &mut start, prev_end);
            (guillemets, curly, straight_open) = (0, 0, false);
        }
        start.get_or_insert(token.span.start);
        prev_end = token.span.end;
        if token.kind == TokenKind::Quote {
            match token.text {
                "«" => guillemets += 1,
                "»" => guillemets = guillemets.saturating_sub(1),
                "“" => curly += 1,
                "”" => curly = curly.saturating_sub(1),
                "\"" => straight_open = !straight_open,
                _ => {}
            }
        }
        // Tested only at a final sign, which few tokens are.
        let inside_quote = || guillemets > 0 || curly > 0 || straight_open;
        let abbreviation = || {
            token.text == "."
                && i > 0
                && is_abbreviation(&tokens[i - 1])
                && tokens[i - 1].span.end == token.span.start
        };
        if ends_sentence(token) && !inside_quote() && !abbreviation() {
            // Further final signs (؟! ?!) and closing quotation marks glued to the stop belong to the
            // sentence.
            while let Some(next) = tokens.get(i + 1).filter(|t| {
                t.span.start == prev_end
                    && (ends_sentence(t)
                        || (t.kind == TokenKind::Quote && matches!(t.text, "»" | "”" | "\"")))
            }) {
                prev_end = next.span.end;
                i += 1;
            }
            close(&mut sentences, &mut start, prev_end);
        }
        i += 1;
    }
    close(&mut sentences, &mut start, prev_end);
    sentences
}

impl Tokenizer {
    /// The sentence spans of `text`.
    ///
    /// ```
    /// use khabar_tokenize::Tokenizer;
    ///
    /// let text = "قال د. علي إن النمو بلغ 3.5 في المئة. وأضاف: «لن نتراجع. أبدا».\nبغداد - الخبر";
    /// let sentences = Tokenizer::new().sentences(text);
    /// let parts: Vec<&str> = sentences.iter().map(|&s| &text[s]).collect();
    /// assert_eq!(parts, [
    ///     "قال د. علي إن النمو بلغ 3.5 في المئة.",
    ///     "وأضاف: «لن نتراجع. أبدا».",
    ///     "بغداد - الخبر",
    /// ]);
    /// ```
    pub fn sentences(&self, text: &str) -> Vec<Span> {
        sentence_spans(text, &self.tokens(text))
    }
}
