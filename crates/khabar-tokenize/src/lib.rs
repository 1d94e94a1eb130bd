//! Offset-exact Arabic normalisation, tokenisation, clitic analysis and sentence splitting.
//!
//! Everything this crate emits carries a [`Span`]: a byte range into the **original** text, so
//! `&text[span]` always selects exactly what was found, whatever was folded for matching.
//!
//! # Overview
//! - [`Normalizer`] (configured through [`NormalizerBuilder`]) folds the spelling variation of Arabic
//!   text — presentation forms, tatweel, diacritics, alef and ya variants, digits, invisible characters,
//!   Unicode spaces — into a [`NormalizedText`] that maps every offset back to the original.
//! - [`Tokenizer`] scans the original text into [`Token`]s (Arabic and Latin words, numbers, punctuation,
//!   quotation marks, symbols, emoji, URLs, e-mail addresses, hashtags, mentions), each with its
//!   normalised form.
//! - [`clitics::analyze`] lists the plausible splits of a word into proclitics, stem and enclitic.
//! - [`Tokenizer::sentences`] splits news text into sentences.
//! - [`OffsetIndex`] converts byte offsets to char and UTF-16 offsets in constant time.
//! - [`WordMap`] looks normalised words up in the lexicons of the later stages, rejecting most misses
//!   without hashing them.
//!
//! None of these fail or panic on any `&str`.
//!
//! # Example: tokens and their spans
//! ```
//! use khabar_tokenize::{TokenKind, Tokenizer};
//!
//! let text = "وأكّد مصدر سياسي أن الميليشيات العراقية حددت للسوداني مهلة";
//! let tokens = Tokenizer::new().tokens(text);
//! assert_eq!(&text[tokens[0].span], "وأكّد");
//! assert_eq!(tokens[0].norm, "واكد");
//! assert_eq!(tokens[0].kind, TokenKind::Arabic);
//! ```
//!
//! # Example: clitics
//! ```
//! use khabar_tokenize::{Tokenizer, clitics::PartKind};
//!
//! let text = "ويواجه السوداني ضغوطا، وللعراق حدود";
//! let tokens = Tokenizer::new().tokens(text);
//! let lil_iraq = &tokens[4];
//! let best = &lil_iraq.clitics()[0];
//! assert_eq!(&text[best.stem_with_article()], "لعراق");
//! assert_eq!(best.parts()[0].kind, PartKind::Conjunction);
//! ```
//!
//! # Example: normalising with an exact way back
//! ```
//! use khabar_tokenize::{Normalizer, Span};
//!
//! let text = "في العراق\u{00A0}٢٠٢٤";
//! let normalized = Normalizer::new().normalize(text);
//! assert_eq!(normalized.as_str(), "في العراق 2024");
//! let year = normalized.as_str().find("2024").unwrap();
//! let back = normalized.to_original(Span::new(year, year + 4));
//! assert_eq!(&text[back], "٢٠٢٤");
//! ```
//!
//! # Crate features
//! - `serde`: `Serialize`/`Deserialize` for [`Span`], [`TokenKind`] and the clitic types.

#![deny(missing_docs)]

pub mod chars;
pub mod clitics;
mod norm;
mod normalize;
pub mod runs;
mod sentence;
mod span;
mod token;
mod wordmap;

pub use norm::Norm;
pub use normalize::{
    NormalizedText, Normalizer, NormalizerBuilder, is_arabic_diacritic, is_invisible,
    is_unicode_space,
};
pub use sentence::sentence_spans;
pub use span::{OffsetIndex, Span};
pub use token::{Token, TokenKind, Tokenizer, Tokens};
pub use wordmap::WordMap;

#[cfg(test)]
mod send_sync {
    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn public_types_are_send_and_sync() {
        assert_send_sync::<crate::Normalizer>();
        assert_send_sync::<crate::Tokenizer>();
        assert_send_sync::<crate::NormalizedText<'static>>();
        assert_send_sync::<crate::Token<'static>>();
        assert_send_sync::<crate::Norm<'static>>();
        assert_send_sync::<crate::OffsetIndex<'static>>();
        assert_send_sync::<crate::clitics::CliticAnalysis>();
    }
}
