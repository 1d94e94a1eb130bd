//! The attribution record and its enumerations.

use khabar_gazetteer::EntityId;
use khabar_tokenize::Span;

/// What kind of word signals the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum CueKind {
    /// A reporting verb in any tense, person or number: قال، أكدت، يرى.
    Verb,
    /// A participle continuing an earlier report with the same source: مضيفا، مشيرة.
    Participle,
    /// An "according to" phrase: وفق، بحسب، نقلا عن.
    AccordingTo,
    /// A nominal cue: تصريح، تحذير، دعوة.
    Noun,
    /// A colon introducing speech without a reporting word.
    Colon,
}

impl CueKind {
    /// The name JSON output uses, the same as its serde name: `verb`, `participle`, `according_to`,
    /// `noun` or `colon`.
    pub fn as_str(self) -> &'static str {
        match self {
            CueKind::Verb => "verb",
            CueKind::Participle => "participle",
            CueKind::AccordingTo => "according_to",
            CueKind::Noun => "noun",
            CueKind::Colon => "colon",
        }
    }
}

/// Whether the content is quoted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum AttributionKind {
    /// The content is one quotation.
    Direct,
    /// No quotation marks around the content.
    Indirect,
    /// Quoted and paraphrased parts together.
    Mixed,
}

impl AttributionKind {
    /// The name JSON output uses, the same as its serde name: `direct`, `indirect` or `mixed`.
    pub fn as_str(self) -> &'static str {
        match self {
            AttributionKind::Direct => "direct",
            AttributionKind::Indirect => "indirect",
            AttributionKind::Mixed => "mixed",
        }
    }
}

/// What kind of source speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum SourceKind {
    /// A named or titled person.
    Person,
    /// An organisation or a government (by metonymy: واشنطن).
    Organization,
    /// A news outlet.
    Media,
    /// A document: بيان، تقرير.
    Document,
    /// One unnamed person or source: مصدر سياسي، متحدث عسكري.
    Anonymous,
    /// Unnamed people in the plural: مسؤولون أميركيون، متابعون.
    Group,
}

impl SourceKind {
    /// The name JSON output uses, the same as its serde name: `person`, `organization`, `media`,
    /// `document`, `anonymous` or `group`.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Person => "person",
            SourceKind::Organization => "organization",
            SourceKind::Media => "media",
            SourceKind::Document => "document",
            SourceKind::Anonymous => "anonymous",
            SourceKind::Group => "group",
        }
    }
}

/// One attribution: who (source) said what (content), signalled by which word (cue).
///
/// All spans are byte spans into the original text.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Attribution {
    /// The cue word, without proclitic و/ف.
    pub cue: Span,
    /// The cue's lemma from the lexicon (قال for قالت).
    pub cue_lemma: String,
    /// What kind of cue it is.
    pub cue_kind: CueKind,
    /// The source noun phrase; `None` for agentless passives.
    pub source: Option<Span>,
    /// The source's kind, when there is a source.
    pub source_kind: Option<SourceKind>,
    /// The gazetteer entity the source is or contains.
    pub source_entity: Option<EntityId>,
    /// What is reported.
    pub content: Span,
    /// Direct, indirect or mixed.
    pub kind: AttributionKind,
    /// The index (in the same result) of the attribution this one continues (مضيفا، وأضاف without a
    /// subject), whose source it inherits.
    pub continues: Option<usize>,
    /// The name of the rule that produced it, for explanations and debugging.
    pub rule: &'static str,
}
