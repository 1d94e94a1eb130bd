//! Attribution extraction for Arabic news: who said what.
//!
//! (Under construction: the extraction rules land in the next commits.)

#![deny(missing_docs)]

mod model;

use khabar_gazetteer::Mention;
use khabar_tokenize::{Token, Tokenizer};

pub use model::{Attribution, AttributionKind, CueKind, SourceKind};

/// Extracts attributions from tokens and gazetteer mentions. Immutable, `Send + Sync`, cheap to share.
#[derive(Clone, Debug, Default)]
pub struct Attributor {
    tokenizer: Tokenizer,
}

impl Attributor {
    /// An attributor with the built-in cue lexicon.
    pub fn new() -> Attributor {
        Attributor::default()
    }

    /// Extracts the attributions of `text`, given its tokens and the gazetteer mentions found in it
    /// (which link sources to entities).
    pub fn extract(&self, text: &str, tokens: &[Token<'_>], mentions: &[Mention]) -> Vec<Attribution> {
        let _ = (text, tokens, mentions);
        Vec::new()
    }

    /// Tokenises `text` and extracts its attributions without entity links.
    pub fn find(&self, text: &str) -> Vec<Attribution> {
        let tokens = self.tokenizer.tokens(text);
        self.extract(text, &tokens, &[])
    }
}
