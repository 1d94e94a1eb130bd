//! Properties that hold for every input, checked on random text weighted towards what makes Arabic text
//! hard: letters, marks, tatweel, presentation forms, digits of three scripts, quotes, bidi and other
//! invisible controls, and odd whitespace.

use khabar_tokenize::chars::is_separator;
use khabar_tokenize::clitics::PartKind;
use khabar_tokenize::{
    Normalizer, NormalizerBuilder, OffsetIndex, Span, TokenKind, Tokenizer, is_invisible,
};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// One character, weighted towards the cases that break Arabic tokenizers.
fn arabic_weighted_char() -> impl Strategy<Value = char> {
    prop_oneof![
        30 => prop::char::range('\u{0621}', '\u{064A}'),
        6 => prop::char::range('\u{064B}', '\u{0652}'),
        1 => prop::sample::select(vec!['\u{0670}', '\u{06D6}', '\u{06DA}', '\u{0610}', '\u{0654}', '\u{08F0}']),
        2 => Just('\u{0640}'),
        10 => Just(' '),
        2 => prop::sample::select(vec!['\n', '\r', '\t', '\u{00A0}', '\u{2009}', '\u{202F}', '\u{3000}', '\u{2029}']),
        1 => prop::sample::select(vec!['\0', '\u{7F}', '\u{85}', '\u{1B}']),
        2 => prop::sample::select(vec![
            '\u{200E}', '\u{200F}', '\u{061C}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202E}', '\u{2066}',
            '\u{2069}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}',
        ]),
        3 => prop::sample::select(vec!['"', '\'', '«', '»', '“', '”', '‘', '’', '„']),
        4 => prop::sample::select(vec![
            '0', '1', '5', '9', '٠', '١', '٥', '٩', '۰', '۴', '٫', '٬', '.', ',',
        ]),
        4 => prop::sample::select(vec![
            '.', '!', '?', '؟', '،', '؛', ':', '-', '/', '#', '@', '_', '(', ')', '%', '٪', '…', '$', '+',
        ]),
        2 => prop::char::range('\u{FB50}', '\u{FDFF}'),
        2 => prop::char::range('\u{FE70}', '\u{FEFF}'),
        2 => prop::char::range('a', 'z'),
        1 => prop::sample::select(vec!['👍', '🏽', '👨', '🇸', '🇦', '❤', '\u{FE0F}', '\u{20E3}', '\u{0301}']),
        1 => prop::sample::select(vec!['\u{0600}', '\u{06DD}', '\u{0620}', '\u{06E5}', '\u{FD3E}', '\u{FD3F}']),
        2 => any::<char>(),
    ]
}

fn arabic_weighted_text() -> impl Strategy<Value = String> {
    prop::collection::vec(arabic_weighted_char(), 0..80).prop_map(String::from_iter)
}

/// Text from the Arabic blocks only (U+0600–06FF, FB50–FDFF, FE70–FEFF).
fn arabic_block_text() -> impl Strategy<Value = String> {
    let ch = prop_oneof![
        prop::char::range('\u{0600}', '\u{06FF}'),
        prop::char::range('\u{FB50}', '\u{FDFF}'),
        prop::char::range('\u{FE70}', '\u{FEFF}'),
    ];
    prop::collection::vec(ch, 0..40).prop_map(String::from_iter)
}

/// The switch combinations the normaliser properties run on.
fn normalizers() -> Vec<(&'static str, Normalizer)> {
    let all_on = Normalizer::builder()
        .teh_marbuta(true)
        .hamza_carriers(true)
        .quotes(true)
        .collapse_whitespace(true)
        .build();
    let all_off = NormalizerBuilder::new()
        .presentation_forms(false)
        .tatweel(false)
        .diacritics(false)
        .alef(false)
        .alef_maqsura(false)
        .persian_letters(false)
        .digits(false)
        .invisible(false)
        .spaces(false)
        .build();
    let forms_without_diacritics = Normalizer::builder().diacritics(false).build();
    let collapse_without_spaces = Normalizer::builder()
        .collapse_whitespace(true)
        .spaces(false)
        .invisible(false)
        .build();
    let keep_invisible = Normalizer::builder()
        .invisible(false)
        .teh_marbuta(true)
        .build();
    vec![
        ("default", Normalizer::new()),
        ("all on", all_on),
        ("all off", all_off),
        ("forms without diacritics", forms_without_diacritics),
        ("collapse without spaces", collapse_without_spaces),
        ("keep invisible", keep_invisible),
    ]
}

/// The char boundaries of `text`, end included.
fn boundaries(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn token_spans_are_well_formed(text in arabic_weighted_text()) {
        let mut prev_end = 0;
        for token in Tokenizer::new().tokenize(&text) {
            let span = token.span;
            prop_assert!(span.start < span.end && span.end <= text.len(), "{span:?}");
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            prop_assert!(span.start >= prev_end, "overlap or disorder at {span:?}");
            prop_assert_eq!(&text[span], token.text);
            let first = token.text.chars().next().unwrap();
            prop_assert!(!is_separator(first), "token starts with a separator: {:?}", token.text);
            prop_assert!(!token.text.contains(char::is_whitespace), "whitespace inside {:?}", token.text);
            prev_end = span.end;
        }
    }

    #[test]
    fn tokens_cover_every_non_separator(text in arabic_weighted_text()) {
        let tokens = Tokenizer::new().tokens(&text);
        let mut covered = vec![false; text.len()];
        for t in &tokens {
            covered[t.span.range()].iter_mut().for_each(|c| *c = true);
        }
        for (at, ch) in text.char_indices() {
            prop_assert!(is_separator(ch) || covered[at], "{ch:?} at {at} not covered in {text:?}");
        }
    }

    #[test]
    fn no_panic_anywhere(text in arabic_weighted_text(), at in any::<prop::sample::Index>()) {
        let tokenizer = Tokenizer::new();
        let tokens = tokenizer.tokens(&text);
        for token in &tokens {
            let _ = token.clitics();
        }
        let sentences = tokenizer.sentences(&text);
        let mut prev = 0;
        for s in &sentences {
            prop_assert!(s.start >= prev && s.start < s.end && s.end <= text.len());
            prop_assert!(tokens.iter().any(|t| t.span.start == s.start));
            prop_assert!(tokens.iter().any(|t| t.span.end == s.end));
            prev = s.end;
        }
        for pair in sentences.windows(2) {
            let ends_line = text[pair[0].end..pair[1].start].contains(['\n', '\r', '\u{2028}', '\u{2029}', '\u{85}']);
            prop_assert!(ends_line || !text[pair[0]].ends_with('،'), "split at a comma: {:?}", &text[pair[0]]);
        }
        for (_, normalizer) in normalizers() {
            let normalized = normalizer.normalize(&text);
            let bounds = boundaries(normalized.as_str());
            let p = bounds[at.index(bounds.len())];
            let back = normalized.to_original(Span::new(p, p));
            prop_assert!(text.is_char_boundary(back.start) && text.is_char_boundary(back.end));
        }
        let index = OffsetIndex::new(&text);
        let bounds = boundaries(&text);
        let b = bounds[at.index(bounds.len())];
        prop_assert_eq!(index.char_offset(b), text[..b].chars().count());
        prop_assert_eq!(index.utf16_offset(b), text[..b].encode_utf16().count());
        prop_assert_eq!(index.byte_offset_of_char(index.char_offset(b)), b);
    }

    #[test]
    fn normalised_spans_map_back_around_the_original(
        text in arabic_weighted_text(),
        a in any::<prop::sample::Index>(),
        b in any::<prop::sample::Index>(),
    ) {
        let bounds = boundaries(&text);
        let (x, y) = (bounds[a.index(bounds.len())], bounds[b.index(bounds.len())]);
        let span = Span::new(x.min(y), x.max(y));
        for (name, normalizer) in normalizers() {
            let normalized = normalizer.normalize(&text);
            let there = normalized.to_normalized(span);
            let nt = normalized.as_str();
            prop_assert!(there.end <= nt.len() && nt.is_char_boundary(there.start) && nt.is_char_boundary(there.end));
            let back = normalized.to_original(there);
            prop_assert!(back.end <= text.len() && text.is_char_boundary(back.start) && text.is_char_boundary(back.end));
            // The promise holds for spans that start at a character the normaliser keeps and do not end
            // with an invisible character (both are trimmed from mapped spans by design).
            let piece = &text[span];
            let Some(first) = piece.chars().next() else { continue };
            let last = piece.chars().next_back().unwrap();
            let first_span = Span::new(span.start, span.start + first.len_utf8());
            let first_kept = !is_invisible(first) && !normalized.to_normalized(first_span).is_empty();
            if first_kept && !is_invisible(last) {
                prop_assert!(back.contains(span), "{name}: {span:?} -> {there:?} -> {back:?} in {text:?}");
            }
        }
    }

    /// The scanner's shortcut (a word it saw no fold in keeps its text as its norm) must agree with
    /// normalising the token, under every switch combination.
    #[test]
    fn token_norm_is_the_normalised_token(text in arabic_weighted_text()) {
        for (name, normalizer) in normalizers() {
            let tokenizer = Tokenizer::with_normalizer(normalizer.clone());
            for token in tokenizer.tokenize(&text) {
                prop_assert_eq!(&*token.norm, &*normalizer.normalize_str(token.text), "switches: {}", name);
            }
        }
    }

    #[test]
    fn normalisation_is_idempotent(text in arabic_weighted_text()) {
        for (name, normalizer) in normalizers() {
            let once = normalizer.normalize_str(&text).into_owned();
            let twice = normalizer.normalize_str(&once).into_owned();
            prop_assert_eq!(&once, &twice, "{} on {:?}", name, text);
        }
    }

    #[test]
    fn normalize_and_normalize_str_agree(text in arabic_weighted_text()) {
        for (_, normalizer) in normalizers() {
            let normalized = normalizer.normalize(&text);
            let plain = normalizer.normalize_str(&text);
            prop_assert_eq!(normalized.as_str(), &*plain);
        }
    }

    #[test]
    fn nfkc_per_grapheme_equals_nfkc_of_the_whole(text in arabic_block_text()) {
        let whole: String = text.nfkc().collect();
        let per_grapheme: String = text.graphemes(true).flat_map(|g| g.nfkc()).collect();
        prop_assert_eq!(whole, per_grapheme);
    }

    #[test]
    fn clitic_parts_lie_inside_the_token(text in arabic_weighted_text()) {
        // Holds the previous token's analyses when the next one is analysed into it.
        let mut reused = Vec::new();
        for token in Tokenizer::new().tokenize(&text) {
            let analyses = token.clitics();
            token.clitics_into(&mut reused);
            prop_assert_eq!(&reused, &analyses);
            if token.kind != TokenKind::Arabic {
                prop_assert!(analyses.is_empty());
                continue;
            }
            prop_assert!(analyses.iter().any(|a| a.is_whole()), "{:?} has no whole analysis", token.text);
            prop_assert!(analyses[0].is_whole() || analyses[0].parts().iter().any(|p| p.kind == PartKind::Article));
            for analysis in &analyses {
                let stems = analysis.parts().iter().filter(|p| p.kind == PartKind::Stem).count();
                prop_assert_eq!(stems, 1);
                prop_assert!(!analysis.stem().is_empty(), "empty stem in {:?}", token.text);
                let mut prev = token.span.start;
                for part in analysis.parts() {
                    prop_assert!(token.span.contains(part.span), "{part:?} outside {:?}", token.span);
                    prop_assert!(part.span.start >= prev && !part.span.is_empty());
                    prop_assert!(text.is_char_boundary(part.span.start) && text.is_char_boundary(part.span.end));
                    prev = part.span.end;
                }
                prop_assert!(token.span.contains(analysis.stem_with_article()));
            }
        }
    }

    #[test]
    fn scanner_agrees_with_naive_reference(text in naive_alphabet_text()) {
        let got: Vec<(&str, TokenKind)> =
            Tokenizer::new().tokenize(&text).map(|t| (t.text, t.kind)).collect();
        prop_assert_eq!(got, naive_tokens(&text), "text: {:?}", text);
    }

    #[test]
    fn latin_words_agree_with_uax29(text in latin_alphabet_text()) {
        let got: Vec<&str> = Tokenizer::new()
            .tokenize(&text)
            .filter(|t| t.kind.is_word())
            .map(|t| t.text)
            .collect();
        let reference: Vec<&str> = text
            .split_word_bounds()
            .filter(|w| w.chars().all(char::is_alphabetic))
            .collect();
        prop_assert_eq!(got, reference);
    }
}

/// Arabic letters and marks, spaces, line breaks and ASCII punctuation and symbols.
fn naive_alphabet_text() -> impl Strategy<Value = String> {
    let ch = prop_oneof![
        10 => prop::char::range('\u{0621}', '\u{063A}'),
        10 => prop::char::range('\u{0641}', '\u{064A}'),
        2 => prop::char::range('\u{064B}', '\u{0652}'),
        1 => Just('\u{0640}'),
        6 => prop::sample::select(vec![' ', ' ', '\n']),
        4 => prop::sample::select(vec!['،', '؛', '؟']),
        6 => prop::sample::select("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".chars().collect::<Vec<_>>()),
    ];
    prop::collection::vec(ch, 0..60).prop_map(String::from_iter)
}

/// Latin letters, spaces and a few punctuation signs.
fn latin_alphabet_text() -> impl Strategy<Value = String> {
    let ch = prop_oneof![
        10 => prop::char::range('a', 'z'),
        3 => prop::char::range('A', 'Z'),
        1 => prop::sample::select(vec!['é', 'ü', 'ß']),
        4 => Just(' '),
        2 => prop::sample::select(vec![',', ';', '!', '?', '(', ')', '«', '»']),
    ];
    prop::collection::vec(ch, 0..60).prop_map(String::from_iter)
}

/// A slow, obviously correct tokenizer for [`naive_alphabet_text`], written from the documented rules
/// rather than from the scanner.
fn naive_tokens(text: &str) -> Vec<(&str, TokenKind)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let offset = |i: usize| chars.get(i).map_or(text.len(), |&(o, _)| o);
    let letter = |c: char| matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}');
    let in_word = |c: char| letter(c) || matches!(c, '\u{064B}'..='\u{0652}' | '\u{0640}');
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(c) = at(i) {
        let start = i;
        let kind = if c == ' ' || c == '\n' {
            i += 1;
            continue;
        } else if in_word(c) {
            loop {
                while at(i).is_some_and(in_word) {
                    i += 1;
                }
                if matches!(at(i), Some('-' | '/')) && at(i + 1).is_some_and(letter) {
                    i += 1;
                    continue;
                }
                break;
            }
            TokenKind::Arabic
        } else if c == '#' {
            let mut j = i + 1;
            while at(j).is_some_and(|c| in_word(c) || c == '_') {
                j += 1;
            }
            if (i + 1..j).any(|k| at(k) != Some('_')) {
                i = j;
                TokenKind::Hashtag
            } else {
                i += 1;
                TokenKind::Punctuation
            }
        } else if c == '@' {
            let mut j = i + 1;
            while at(j) == Some('_') {
                j += 1;
            }
            if j > i + 1 {
                i = j;
                TokenKind::Mention
            } else {
                i += 1;
                TokenKind::Punctuation
            }
        } else if c == '"' || c == '\'' {
            i += 1;
            TokenKind::Quote
        } else if "!%&()*,-./:;?[\\]_{}،؛؟".contains(c) {
            while at(i) == Some(c) {
                i += 1;
            }
            TokenKind::Punctuation
        } else {
            // A symbol is one grapheme cluster: the marks after it stay with it.
            i += 1;
            while at(i).is_some_and(|c| matches!(c, '\u{064B}'..='\u{0652}')) {
                i += 1;
            }
            TokenKind::Symbol
        };
        out.push((&text[offset(start)..offset(i)], kind));
    }
    out
}
