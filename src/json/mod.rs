//! The JSON view of an analysis: a public contract, documented in the README and kept stable.

use serde::Serialize;

mod compact;

use crate::{Analysis, Analyzer, AttributionKind, CueKind, OffsetIndex, SourceKind, Span};

/// The unit of the offsets in JSON output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OffsetUnit {
    /// Unicode code points, as Python strings count.
    Char,
    /// UTF-8 bytes, as Rust strings count.
    Byte,
    /// UTF-16 code units, as JavaScript strings count.
    Utf16,
}

impl OffsetUnit {
    /// The name JSON output uses, the same as its serde name: `char`, `byte` or `utf16`.
    pub fn as_str(self) -> &'static str {
        match self {
            OffsetUnit::Char => "char",
            OffsetUnit::Byte => "byte",
            OffsetUnit::Utf16 => "utf16",
        }
    }
}

/// A span in the chosen unit, with its text.
#[derive(Clone, Debug, Serialize)]
pub struct JsonSpan<'t> {
    /// First offset.
    pub start: usize,
    /// One past the last offset.
    pub end: usize,
    /// The text the span selects.
    pub text: &'t str,
}

/// One mention (from the gazetteer or a context rule).
#[derive(Clone, Debug, Serialize)]
pub struct JsonMention<'t> {
    /// Start offset.
    pub start: usize,
    /// End offset.
    pub end: usize,
    /// The name as written.
    pub text: &'t str,
    /// PER, ORG, LOC or MISC.
    pub kind: &'static str,
    /// The entity's id; null for names found by a context rule.
    pub entity: Option<&'t str>,
    /// The entity's canonical name.
    pub canonical: Option<&'t str>,
    /// `name`, `short_name`, or the context rule's name.
    pub source: &'static str,
    /// The proclitics glued in front, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proclitic: Option<JsonSpan<'t>>,
    /// Other entities sharing the matched name.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<&'t str>,
}

/// One attribution.
#[derive(Clone, Debug, Serialize)]
pub struct JsonAttribution<'t> {
    /// The cue word.
    pub cue: JsonSpan<'t>,
    /// The cue's lemma.
    pub cue_lemma: &'t str,
    /// verb, participle, according_to, noun, colon.
    pub cue_kind: CueKind,
    /// The source, or null.
    pub source: Option<JsonSpan<'t>>,
    /// What is reported.
    pub content: JsonSpan<'t>,
    /// direct, indirect or mixed.
    pub kind: AttributionKind,
    /// person, organization, media, document, anonymous, group.
    pub source_kind: Option<SourceKind>,
    /// The linked entity's id.
    pub source_entity: Option<&'t str>,
    /// Index of the attribution this one continues.
    pub continues: Option<usize>,
    /// The rule that fired.
    pub rule: &'static str,
}

/// One token.
#[derive(Clone, Debug, Serialize)]
pub struct JsonToken<'t> {
    /// Start offset.
    pub start: usize,
    /// End offset.
    pub end: usize,
    /// The token as written.
    pub text: &'t str,
    /// Its normalised form.
    pub norm: &'t str,
    /// Its kind.
    pub kind: crate::TokenKind,
}

/// An input id, kept as the input wrote it: a string or a number.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum JsonId {
    /// A string id.
    Text(String),
    /// A numeric id.
    Number(i64),
}

/// The whole JSON document for one text.
#[derive(Clone, Debug, Serialize)]
pub struct JsonAnalysis<'t> {
    /// The input's id, when it had one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<JsonId>,
    /// The unit of every offset.
    pub offsets: OffsetUnit,
    /// Mentions, in text order.
    pub mentions: Vec<JsonMention<'t>>,
    /// Attributions, in cue order.
    pub attributions: Vec<JsonAttribution<'t>>,
    /// Sentences.
    pub sentences: Vec<JsonSpan<'t>>,
    /// Tokens, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Vec<JsonToken<'t>>>,
}

/// Converts spans to the offsets of the chosen unit; byte offsets need no index.
enum Converter<'t> {
    Byte,
    Char(OffsetIndex<'t>),
    Utf16(OffsetIndex<'t>),
}

impl<'t> Converter<'t> {
    fn new(text: &'t str, unit: OffsetUnit) -> Converter<'t> {
        match unit {
            OffsetUnit::Byte => Converter::Byte,
            OffsetUnit::Char => Converter::Char(OffsetIndex::new(text)),
            OffsetUnit::Utf16 => Converter::Utf16(OffsetIndex::new(text)),
        }
    }

    fn offsets(&self, span: Span) -> (usize, usize) {
        match self {
            Converter::Byte => (span.start, span.end),
            Converter::Char(index) => index.char_span(span),
            Converter::Utf16(index) => index.utf16_span(span),
        }
    }

    fn span(&self, text: &'t str, span: Span) -> JsonSpan<'t> {
        let (start, end) = self.offsets(span);
        JsonSpan {
            start,
            end,
            text: &text[span],
        }
    }
}

impl Analysis<'_> {
    /// The JSON view, with offsets in `unit`; tokens are included when `with_tokens`.
    pub fn to_json<'a>(
        &'a self,
        analyzer: &'a Analyzer,
        unit: OffsetUnit,
        with_tokens: bool,
    ) -> JsonAnalysis<'a> {
        let text: &'a str = self.text;
        let convert = Converter::new(text, unit);
        let gazetteer = analyzer.gazetteer();
        let mut mentions: Vec<JsonMention<'a>> =
            Vec::with_capacity(self.mentions.len() + self.guesses.len());
        mentions.extend(self.mentions.iter().map(|m| {
            let entity = gazetteer.entity(m.entity);
            let (start, end) = convert.offsets(m.span);
            JsonMention {
                start,
                end,
                text: &text[m.span],
                kind: m.kind.label(),
                entity: Some(&entity.id),
                canonical: Some(&entity.name),
                source: match m.source {
                    khabar_gazetteer::MatchSource::ShortName => "short_name",
                    khabar_gazetteer::MatchSource::Nisba => "nisba",
                    _ => "name",
                },
                proclitic: m.proclitic.map(|p| convert.span(text, p)),
                also: m
                    .also
                    .iter()
                    .map(|id| gazetteer.entity(*id).id.as_str())
                    .collect(),
            }
        }));
        mentions.extend(self.guesses.iter().map(|g| {
            let (start, end) = convert.offsets(g.span);
            let entity = g.entity.map(|id| gazetteer.entity(id));
            JsonMention {
                start,
                end,
                text: &text[g.span],
                kind: g.kind.label(),
                entity: entity.map(|e| e.id.as_str()),
                canonical: entity.map(|e| e.name.as_str()),
                source: g.rule,
                proclitic: None,
                also: Vec::new(),
            }
        }));
        mentions.sort_by_key(|m| m.start);
        let attributions = self
            .attributions
            .iter()
            .map(|a| JsonAttribution {
                cue: convert.span(text, a.cue),
                cue_lemma: &a.cue_lemma,
                cue_kind: a.cue_kind,
                source: a.source.map(|s| convert.span(text, s)),
                content: convert.span(text, a.content),
                kind: a.kind,
                source_kind: a.source_kind,
                source_entity: a.source_entity.map(|id| gazetteer.entity(id).id.as_str()),
                continues: a.continues,
                rule: a.rule,
            })
            .collect();
        let tokens = with_tokens.then(|| {
            self.tokens
                .iter()
                .map(|t| {
                    let (start, end) = convert.offsets(t.span);
                    JsonToken {
                        start,
                        end,
                        text: t.text,
                        norm: &t.norm,
                        kind: t.kind,
                    }
                })
                .collect()
        });
        JsonAnalysis {
            id: None,
            offsets: unit,
            mentions,
            attributions,
            sentences: self
                .sentences
                .iter()
                .map(|&s| convert.span(text, s))
                .collect(),
            tokens,
        }
    }
}
