//! Attribution extraction for Arabic news: who said what.
//!
//! An [`Attributor`] reads the tokens of a text (from `khabar-tokenize`) and the entity mentions found
//! in it (from `khabar-gazetteer`) and reports [`Attribution`]s: the cue word, the source noun phrase
//! (linked to its entity), the content and whether it is quoted. The rules follow khabar's annotation
//! guide exactly for what counts and where spans start and end; each attribution names the rule that
//! produced it. A rule reports only when it finds every part it needs: precision matters as much as
//! recall.
//!
//! The cue lexicon is data (`data/*.tsv`, compiled in; see [`Lexicon`] to extend it): reporting verbs in
//! all persons and tenses, participles (مضيفا، مشيرة), according-to phrases (وفق، بحسب، نقلا عن), the
//! complements each takes (أن، إلى أن، عن …), editorial formulas that are not reports (يذكر أن), and
//! head nouns that type sources (مصدر → anonymous, مسؤولون → group, وكالة → media).
//!
//! # Example
//! ```
//! use khabar_attribution::{AttributionKind, Attributor, SourceKind};
//!
//! let text = "وكشف متحدث عسكري عراقي في وقت سابق أن المباحثات تهدف إلى صياغة جدول زمني.";
//! let found = Attributor::new().find(text);
//! let a = &found[0];
//! assert_eq!(&text[a.cue], "كشف");
//! assert_eq!(&text[a.source.unwrap()], "متحدث عسكري عراقي");
//! assert_eq!(&text[a.content], "المباحثات تهدف إلى صياغة جدول زمني");
//! assert_eq!(a.kind, AttributionKind::Indirect);
//! assert_eq!(a.source_kind, Some(SourceKind::Anonymous));
//! ```
//!
//! # Crate features
//! - `serde`: `Serialize`/`Deserialize` for [`Attribution`] and its enumerations.

#![deny(missing_docs)]

mod extract;
mod lexicon;
mod model;

use khabar_gazetteer::Mention;
use khabar_gazetteer::rules::Guess;
use khabar_tokenize::{Token, Tokenizer};

pub use lexicon::{Error, Lexicon};
pub use model::{Attribution, AttributionKind, CueKind, SourceKind};

/// What the earlier stages found in a text, for [`Attributor::extract_with`].
#[derive(Clone, Copy, Debug)]
pub struct Findings<'a, 't> {
    /// The tokens, from the default tokenizer's normaliser.
    pub tokens: &'a [Token<'t>],
    /// The sentences, from [`khabar_tokenize::sentence_spans`] over the same tokens.
    pub sentences: &'a [khabar_tokenize::Span],
    /// The gazetteer's mentions: they show a speaker and link it to its entity.
    pub mentions: &'a [Mention],
    /// Names found by the context rules ([`khabar_gazetteer::rules::Recognizer`]): they show a speaker
    /// who has no entity, so that cues kept only for overt sources (رأى، اعتبر) see one.
    pub names: &'a [Guess],
}

/// Extracts attributions from tokens and gazetteer mentions. Immutable, `Send + Sync`, cheap to share.
#[derive(Clone, Debug, Default)]
pub struct Attributor {
    tokenizer: Tokenizer,
    lexicon: Lexicon,
}

impl Attributor {
    /// An attributor with the built-in cue lexicon.
    pub fn new() -> Attributor {
        Attributor::default()
    }

    /// An attributor with a lexicon of your own (for example the built-in one plus your cues).
    pub fn with_lexicon(lexicon: Lexicon) -> Attributor {
        Attributor {
            tokenizer: Tokenizer::new(),
            lexicon,
        }
    }

    /// The lexicon in use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Extracts the attributions of `text`, given its tokens (from the default tokenizer's normaliser)
    /// and the gazetteer mentions found in it, which link sources to entities. Attributions come in the
    /// order of their cues. Never fails.
    pub fn extract(
        &self,
        text: &str,
        tokens: &[Token<'_>],
        mentions: &[Mention],
    ) -> Vec<Attribution> {
        let sentences = khabar_tokenize::sentence_spans(text, tokens);
        self.extract_with(
            text,
            &Findings {
                tokens,
                sentences: &sentences,
                mentions,
                names: &[],
            },
        )
    }

    /// [`Attributor::extract`] given everything the earlier stages found in `text`: its sentences
    /// (not split again) and the names the context rules found besides the gazetteer's mentions.
    pub fn extract_with(&self, text: &str, evidence: &Findings<'_, '_>) -> Vec<Attribution> {
        extract::extract(&self.lexicon, text, evidence)
    }

    /// Tokenises `text` and extracts its attributions without entity links.
    pub fn find(&self, text: &str) -> Vec<Attribution> {
        let tokens = self.tokenizer.tokens(text);
        self.extract(text, &tokens, &[])
    }
}

#[cfg(test)]
mod send_sync {
    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn public_types_are_send_and_sync() {
        assert_send_sync::<crate::Attributor>();
        assert_send_sync::<crate::Attribution>();
        assert_send_sync::<crate::Lexicon>();
    }
}
