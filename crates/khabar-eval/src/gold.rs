//! Gold JSON lines reader: one annotated document per line, spans in char offsets.
//!
//! Shape (see the annotation guide's "Offsets"; unknown fields such as `outlet` are ignored):
//! `{"id", "text", "entities": [{"span": [s, e], "kind": "PER", "text"?}], "attributions":
//! [{"cue": [s, e], "source": [s, e] | null, "content": [s, e], "kind", "source_kind", "optional"?}]}`.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::conll::EntitySpan;
use crate::score::PredictedAttribution;
use crate::{CharSpan, EntityKind, Error};

/// One annotated document of a gold file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldDocument {
    /// Document identifier, for reports and error messages.
    pub id: String,
    /// The text exactly as published; every span indexes it in chars.
    pub text: String,
    /// Gold named entities.
    #[serde(default)]
    pub entities: Vec<GoldEntity>,
    /// Gold attributions.
    #[serde(default)]
    pub attributions: Vec<GoldAttribution>,
}

impl GoldDocument {
    /// The entities in the form the entity scorer takes.
    pub fn entity_spans(&self) -> Vec<EntitySpan> {
        self.entities.iter().map(GoldEntity::entity_span).collect()
    }
}

/// A gold named entity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldEntity {
    /// Where the name is, in chars.
    pub span: CharSpan,
    /// What kind of name it is.
    pub kind: EntityKind,
    /// The covered text, when the file states it; the reader checks it against `span`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl GoldEntity {
    /// Kind and span, the only parts the entity scorer compares.
    pub fn entity_span(&self) -> EntitySpan {
        EntitySpan {
            kind: self.kind,
            span: self.span,
        }
    }
}

/// Whether an attribution's content is quoted (the guide's `kind`) and what kind of source speaks (its
/// `source_kind`): the same enumerations khabar-attribution reports, so gold and predictions compare
/// directly.
pub use khabar_attribution::{AttributionKind, SourceKind};

/// A gold attribution: who (source) said (cue) what (content).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldAttribution {
    /// The single reporting word, in chars.
    pub cue: CharSpan,
    /// The source noun phrase; `None` for an agentless passive.
    pub source: Option<CharSpan>,
    /// What is reported.
    pub content: CharSpan,
    /// Direct, indirect or mixed.
    pub kind: AttributionKind,
    /// What kind of source speaks; absent when there is no source.
    #[serde(default)]
    pub source_kind: Option<SourceKind>,
    /// Borderline case: a system is neither rewarded nor penalised for it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub optional: bool,
}

impl From<&GoldAttribution> for PredictedAttribution {
    /// Keeps the three spans, so gold can be scored against itself or used as a prediction.
    fn from(g: &GoldAttribution) -> PredictedAttribution {
        PredictedAttribution {
            cue: g.cue,
            source: g.source,
            content: g.content,
        }
    }
}

/// Reads a gold JSON lines file; blank lines are skipped.
///
/// Every span must satisfy `start < end <= text length in chars`, and an entity's `text`, when
/// present, must equal what its span selects: errors name the file and the 1-based line.
pub fn read_gold_jsonl(path: impl AsRef<Path>) -> Result<Vec<GoldDocument>, Error> {
    let path = path.as_ref();
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    parse_gold_jsonl(&text, &path.display().to_string())
}

/// Parses gold JSON lines from a string; `source_name` is the file name used in error messages.
pub fn parse_gold_jsonl(text: &str, source_name: &str) -> Result<Vec<GoldDocument>, Error> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut docs = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line_no = index + 1;
        if line.trim().is_empty() {
            continue;
        }
        let doc: GoldDocument =
            serde_json::from_str(line).map_err(|e| Error::json(source_name, line_no, e))?;
        validate(&doc).map_err(|m| Error::span(source_name, line_no, m))?;
        docs.push(doc);
    }
    Ok(docs)
}

fn validate(doc: &GoldDocument) -> Result<(), String> {
    let len = doc.text.chars().count();
    let check = |what: String, span: CharSpan| {
        if span.start >= span.end || span.end > len {
            Err(format!(
                "document {:?}: {what} span [{}, {}] is empty or out of bounds (text has {len} chars)",
                doc.id, span.start, span.end
            ))
        } else {
            Ok(())
        }
    };
    for (i, e) in doc.entities.iter().enumerate() {
        check(format!("entity {i}"), e.span)?;
        if let Some(expected) = &e.text {
            let actual = e.span.slice(&doc.text).unwrap_or_default();
            if actual != expected {
                return Err(format!(
                    "document {:?}: entity {i} span [{}, {}] selects {actual:?}, not {expected:?}",
                    doc.id, e.span.start, e.span.end
                ));
            }
        }
    }
    for (i, a) in doc.attributions.iter().enumerate() {
        check(format!("attribution {i} cue"), a.cue)?;
        check(format!("attribution {i} content"), a.content)?;
        if let Some(source) = a.source {
            check(format!("attribution {i} source"), source)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    const LINE: &str = r#"{"id": "d1", "outlet": "x", "text": "قال السوداني إن الوضع مستقر", "entities": [{"span": [4, 12], "kind": "PER", "text": "السوداني"}], "attributions": [{"cue": [0, 3], "source": [4, 12], "content": [16, 27], "kind": "indirect", "source_kind": "person"}, {"cue": [0, 3], "source": null, "content": [16, 27], "kind": "indirect", "source_kind": null, "optional": true}]}"#;

    #[test]
    fn reads_real_shape_and_ignores_unknown_fields() {
        let docs = parse_gold_jsonl(&format!("{LINE}\n\n"), "g.jsonl").unwrap();
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        assert_eq!(d.entities[0].span.slice(&d.text), Some("السوداني"));
        assert_eq!(
            d.attributions[0].content.slice(&d.text),
            Some("الوضع مستقر")
        );
        assert_eq!(d.attributions[0].source_kind, Some(SourceKind::Person));
        assert!(!d.attributions[0].optional);
        assert!(d.attributions[1].optional);
        assert_eq!(d.attributions[1].source, None);
    }

    #[test]
    fn out_of_bounds_span_names_line() {
        let bad = LINE.replace("[16, 27]", "[16, 28]");
        let e = parse_gold_jsonl(&format!("{LINE}\n{bad}\n"), "g.jsonl").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Span);
        assert_eq!(e.line(), Some(2));
        assert!(e.to_string().starts_with("g.jsonl:2: "), "{e}");
        assert!(e.to_string().contains("out of bounds"), "{e}");
    }

    #[test]
    fn wrong_entity_text_and_bad_json_are_errors() {
        let bad = LINE.replace("\"text\": \"السوداني\"", "\"text\": \"العراق\"");
        let e = parse_gold_jsonl(&bad, "g.jsonl").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Span);
        let e = parse_gold_jsonl("\n{\"id\": 1}", "g.jsonl").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Json);
        assert!(
            e.to_string().starts_with("g.jsonl:2: invalid gold json"),
            "{e}"
        );
    }
}
