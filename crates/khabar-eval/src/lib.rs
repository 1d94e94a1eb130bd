//! Evaluation for khabar: readers for the data sets it is measured on, and the scorers of
//! the annotation guide (`ANNOTATION-GUIDE.md`, "Scoring").
//!
//! It depends on no other khabar crate, so the numbers it produces do not move when the library
//! under test changes; the CLI converts the library's output (byte offsets) into the simple span
//! types here (char offsets).
//!
//! # Overview
//! * [`conll`]: [`read_conll`] / [`parse_conll`] read ANERcorp-style IOB2 files into
//!   [`Sentence`]s; [`entity_spans`] turns tags into entities (token index spans).
//! * [`gold`]: [`read_gold_jsonl`] reads gold JSON lines into [`GoldDocument`]s, checking spans.
//! * [`score`]: [`score_entities`] (CoNLL exact match plus a partial-overlap view) and
//!   [`score_attributions`] (one-to-one alignment, per role exact and proportional P/R/F1).
//! * [`Report`]: sums per-document scores; prints as an aligned table or serialises to JSON.
//! * [`CharSpan`] and [`EntityKind`]: the shared value types; [`Error`] for reading failures.
//!
//! # Example: scoring an attribution
//! Trimming makes a content with or without its quotation marks, and a cue with or without its
//! proclitic و, score the same.
//! ```
//! use khabar_eval::{CharSpan, PredictedAttribution, score_attributions};
//! use khabar_eval::gold::parse_gold_jsonl;
//!
//! let line = r#"{"id": "ex", "text": "وأكد السوداني أن \"التعاون مع الناتو مستمر\".",
//!   "entities": [{"span": [5, 13], "kind": "PER"}],
//!   "attributions": [{"cue": [1, 4], "source": [5, 13], "content": [17, 42],
//!                     "kind": "direct", "source_kind": "person"}]}"#.replace('\n', " ");
//! let doc = &parse_gold_jsonl(&line, "example")?[0];
//! assert_eq!(doc.attributions[0].cue.slice(&doc.text), Some("أكد"));
//! assert_eq!(doc.attributions[0].content.slice(&doc.text), Some("\"التعاون مع الناتو مستمر\""));
//!
//! let predicted = PredictedAttribution {
//!     cue: CharSpan::new(0, 4),          // وأكد
//!     source: Some(CharSpan::new(5, 13)), // السوداني
//!     content: CharSpan::new(18, 41),     // التعاون مع الناتو مستمر
//! };
//! let report = score_attributions(&doc.text, &doc.attributions, &[predicted]);
//! assert_eq!(report.cue.exact.prf().f1, 1.0);
//! assert_eq!(report.content.exact.prf().f1, 1.0);
//! assert_eq!(report.source.proportional.prf().f1, 1.0);
//! # Ok::<(), khabar_eval::Error>(())
//! ```
//!
//! # Example: scoring entities in a CoNLL file
//! ```
//! use khabar_eval::{EntityKind, parse_conll, score_entities};
//!
//! let gold = parse_conll("قال O\nمحمد B-PERS\nشياع I-PERS\nالسوداني I-PERS\nفي O\nبغداد B-LOC\n", "gold")?;
//! let system = parse_conll("قال O\nمحمد O\nشياع B-PERS\nالسوداني I-PERS\nفي O\nبغداد B-LOC\n", "system")?;
//! let report = score_entities(&gold[0].entities(), &system[0].entities());
//! let per = report.per_kind[&EntityKind::Per];
//! assert_eq!((per.exact.tp, per.exact.fp, per.exact.fn_), (0, 1, 1)); // boundaries differ
//! assert_eq!(per.partial.prf().f1, 1.0);                               // but it overlaps
//! assert_eq!(report.micro.exact.prf().f1, 0.5);
//! # Ok::<(), khabar_eval::Error>(())
//! ```
//!
//! # Crate features
//! None: serde is always on, because reading gold JSON needs it and the CLI prints JSON reports.
#![deny(missing_docs)]

pub mod conll;
mod error;
pub mod gold;
mod report;
pub mod score;
mod span;

pub use conll::{EntitySpan, Sentence, Tag, entity_spans, parse_conll, read_conll};
pub use error::{Error, ErrorKind};
pub use gold::{GoldAttribution, GoldDocument, GoldEntity, read_gold_jsonl};
pub use report::Report;
pub use score::{
    AttributionDisagreement, AttributionReport, Counts, Credit, EntityDisagreements, EntityReport,
    EntityScores, PredictedAttribution, Prf, RoleScores, attribution_disagreements,
    entity_disagreements, score_attributions, score_entities, score_entities_for,
};
pub use span::{CharSpan, EntityKind};

#[cfg(test)]
mod send_sync {
    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn public_types_are_send_and_sync() {
        use crate::*;
        assert_send_sync::<Error>();
        assert_send_sync::<Sentence>();
        assert_send_sync::<GoldDocument>();
        assert_send_sync::<Report>();
        assert_send_sync::<AttributionReport>();
        assert_send_sync::<EntityReport>();
        assert_send_sync::<PredictedAttribution>();
    }
}
