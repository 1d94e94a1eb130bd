//! khabar: who is mentioned and who said what in Arabic news.
//!
//! This facade composes the member crates into one pipeline, [`Analyzer`]:
//! [`tokenize`] (offset-exact normalisation, tokens, sentences) → [`gazetteer`] (people, organisations
//! and places, clitic- and alias-aware, plus context rules) → [`attribution`] (cue, source, content).
//! Every span in an [`Analysis`] is a byte range into the original text, so `&text[span]` is exactly
//! what was found; [`Analysis::to_json`] converts to char or UTF-16 offsets for other languages.
//!
//! # Example
//! ```
//! let analyzer = khabar::Analyzer::new();
//! let text = "وأكد مصدر سياسي أن الميليشيات العراقية حددت للسوداني مهلة، وفق وكالة \"شفق نيوز\" الكردية.";
//! let analysis = analyzer.analyze(text);
//!
//! let names: Vec<&str> = analysis.mentions.iter().map(|m| &text[m.span]).collect();
//! assert!(names.contains(&"لسوداني"));
//! let first = &analysis.attributions[0];
//! assert_eq!(&text[first.cue], "أكد");
//! assert_eq!(&text[first.source.unwrap()], "مصدر سياسي");
//! ```
//!
//! # Crate features
//! - `serde` (default): `Serialize` for the JSON view of an analysis ([`Analysis::to_json`]).
//! - `embedded` (default): the embedded default gazetteer behind [`Analyzer::new`].

#![deny(missing_docs)]

pub use khabar_attribution as attribution;
pub use khabar_gazetteer as gazetteer;
pub use khabar_tokenize as tokenize;

pub use khabar_attribution::{Attribution, AttributionKind, Attributor, CueKind, SourceKind};
pub use khabar_gazetteer::rules::{Guess, Recognizer};
pub use khabar_gazetteer::tagger::Tagger;
pub use khabar_gazetteer::{Entity, EntityId, EntityKind, Gazetteer, Mention};
pub use khabar_tokenize::{Normalizer, OffsetIndex, Span, Token, TokenKind, Tokenizer};

#[cfg(feature = "serde")]
mod json;
#[cfg(feature = "serde")]
pub use json::{
    JsonAnalysis, JsonAttribution, JsonId, JsonMention, JsonSpan, JsonToken, OffsetUnit,
};

/// The composed pipeline. Immutable, `Send + Sync`, cheap to clone and share across threads.
#[derive(Clone, Debug)]
pub struct Analyzer {
    tokenizer: Tokenizer,
    gazetteer: Gazetteer,
    recognizer: Option<Recognizer>,
    /// The tagger, with the recognizer whose person-name tokens it reads.
    tagger: Option<(Tagger, Recognizer)>,
    combine: Combine,
    attributor: Option<Attributor>,
}

/// How an [`Analyzer`] with a [`Tagger`] combines the tagger's names with the gazetteer's mentions and
/// the rules' guesses. Which is best depends on whose conventions the text is read by: a tagger
/// learns those of its training data, and khabar's own are the annotation guide's.
///
/// Entity F1 measured with `khabar eval` (`--tagger MODEL --combine MODE`), the tagger trained on
/// ANERcorp (with word clusters): on the dev set a model of its whole training split; on a held-out
/// tenth of that split a model, and a gazetteer (`--gazetteer`), of the other nine tenths.
///
/// | mode | dev set (the guide's conventions) | held-out tenth of ANERcorp |
/// |---|---|---|
/// | no tagger | 0.880 | 0.704 |
/// | [`Combine::All`] | **0.896** | 0.742 |
/// | [`Combine::Tagger`] | 0.713 | **0.789** |
/// | [`Combine::GazetteerFirst`] | 0.836 | 0.757 |
/// | [`Combine::TaggerFirst`] | 0.791 | 0.786 |
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Combine {
    /// The gazetteer's mentions and the rules' guesses, as without a tagger, and the tagger's names
    /// that overlap none of them: the tagger fills the gaps. The default, for text read by the
    /// annotation guide.
    #[default]
    All,
    /// The tagger's names alone: a mention stays when the tagger found exactly its span and kind
    /// (keeping its entity id), and the gazetteer and the rules are only the tagger's evidence. For
    /// text read by the conventions of the tagger's training data.
    Tagger,
    /// The gazetteer's mentions, then the tagger's names that overlap none of them; no rule guesses.
    GazetteerFirst,
    /// The tagger's names, then the gazetteer's mentions that overlap none of them.
    TaggerFirst,
}

impl Combine {
    /// The mentions and guesses an analysis reports, from the gazetteer's `mentions`, the rules'
    /// `guesses` and the `tagged` names; guesses in text order.
    fn apply(
        self,
        mut mentions: Vec<Mention>,
        guesses: Vec<Guess>,
        tagged: Vec<Guess>,
    ) -> (Vec<Mention>, Vec<Guess>) {
        // Every list is in text order with none overlapping another: each test is a binary search,
        // for texts that name thousands.
        let guesses = match self {
            Combine::All => {
                let mut kept = guesses;
                let rule_guesses = kept.len();
                for name in tagged {
                    let free = overlapping(&mentions, name.span, |m| m.span).is_none()
                        && overlapping(&kept[..rule_guesses], name.span, |g| g.span).is_none();
                    if free {
                        kept.push(name);
                    }
                }
                kept.sort_by_key(|g| g.span.start);
                kept
            }
            Combine::GazetteerFirst => tagged
                .into_iter()
                .filter(|g| overlapping(&mentions, g.span, |m| m.span).is_none())
                .collect(),
            Combine::Tagger | Combine::TaggerFirst => {
                let alone = self == Combine::Tagger;
                mentions.retain(|m| match overlapping(&tagged, m.span, |g| g.span) {
                    Some(g) => g.span == m.span && g.kind == m.kind,
                    None => !alone,
                });
                tagged
                    .into_iter()
                    .filter(|g| {
                        overlapping(&mentions, g.span, |m| m.span).is_none_or(|m| m.span != g.span)
                    })
                    .collect()
            }
        };
        (mentions, guesses)
    }
}

/// Configures an [`Analyzer`].
#[derive(Clone, Debug)]
pub struct AnalyzerBuilder {
    gazetteer: Option<Gazetteer>,
    normalizer: Option<Normalizer>,
    rules: bool,
    tagger: Option<Tagger>,
    combine: Combine,
    attributions: bool,
}

impl Default for AnalyzerBuilder {
    fn default() -> Self {
        AnalyzerBuilder {
            gazetteer: None,
            normalizer: None,
            rules: true,
            tagger: None,
            combine: Combine::default(),
            attributions: true,
        }
    }
}

impl AnalyzerBuilder {
    /// Uses `gazetteer` instead of the embedded default one.
    pub fn gazetteer(&mut self, gazetteer: Gazetteer) -> &mut Self {
        self.gazetteer = Some(gazetteer);
        self
    }

    /// Normalises tokens with `normalizer` (the gazetteer keeps its own).
    pub fn normalizer(&mut self, normalizer: Normalizer) -> &mut Self {
        self.normalizer = Some(normalizer);
        self
    }

    /// Whether to run the context rules that find names the gazetteer lacks (default on).
    pub fn rules(&mut self, yes: bool) -> &mut Self {
        self.rules = yes;
        self
    }

    /// Finds names with a trained statistical [`Tagger`] (see [`gazetteer::tagger`]) too, the gazetteer
    /// and the rules being its evidence. Its names are [`Guess`]es with the rule `tagger`; how they
    /// combine with the gazetteer's mentions and the rules' guesses is [`AnalyzerBuilder::combine`]'s.
    pub fn tagger(&mut self, tagger: Tagger) -> &mut Self {
        self.tagger = Some(tagger);
        self
    }

    /// How the tagger's names combine with the gazetteer's and the rules' (default [`Combine::All`]);
    /// without a tagger, nothing changes.
    pub fn combine(&mut self, combine: Combine) -> &mut Self {
        self.combine = combine;
        self
    }

    /// Whether to extract attributions (default on).
    pub fn attributions(&mut self, yes: bool) -> &mut Self {
        self.attributions = yes;
        self
    }

    /// Builds the analyzer.
    pub fn build(&self) -> Analyzer {
        let gazetteer = self.gazetteer.clone().unwrap_or_default();
        let recognizer = self
            .rules
            .then(|| Recognizer::new().with_gazetteer_names(&gazetteer));
        Analyzer {
            tokenizer: self
                .normalizer
                .clone()
                .map_or_else(Tokenizer::new, Tokenizer::with_normalizer),
            tagger: self
                .tagger
                .clone()
                .map(|t| (t, Recognizer::new().with_gazetteer_names(&gazetteer))),
            gazetteer,
            recognizer,
            combine: self.combine,
            attributor: self.attributions.then(Attributor::new),
        }
    }
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new()
    }
}

/// Everything khabar found in one text. Spans are byte ranges into that text.
#[derive(Clone, Debug)]
pub struct Analysis<'t> {
    /// The analysed text.
    pub text: &'t str,
    /// Its tokens.
    pub tokens: Vec<Token<'t>>,
    /// Its sentences.
    pub sentences: Vec<Span>,
    /// Mentions of gazetteer entities.
    pub mentions: Vec<Mention>,
    /// Names found by context rules, mostly with no entity behind them (`Guess::entity`).
    pub guesses: Vec<Guess>,
    /// Who said what.
    pub attributions: Vec<Attribution>,
}

/// One name an analysis found, whoever found it: a gazetteer mention, or a rule's or the tagger's guess.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Name {
    /// The name in the original text, without proclitics.
    pub span: Span,
    /// What kind of entity it names.
    pub kind: EntityKind,
    /// The gazetteer's entity, when the matcher or the rule knows it.
    pub entity: Option<EntityId>,
}

impl Analysis<'_> {
    /// Every name found, in text order and none overlapping another: the gazetteer's mentions, then the
    /// guesses that overlap none of them. This is the list `khabar eval` scores.
    ///
    /// ```
    /// let text = "وقال المتحدث باسم الوزارة فهد الحربي إن الحادث وقع في جدة";
    /// let analysis = khabar::Analyzer::new().analyze(text);
    /// let names: Vec<&str> = analysis.names().iter().map(|n| &text[n.span]).collect();
    /// assert_eq!(names, ["فهد الحربي", "جدة"]);
    /// ```
    pub fn names(&self) -> Vec<Name> {
        let mut names: Vec<Name> = self
            .mentions
            .iter()
            .map(|m| Name {
                span: m.span,
                kind: m.kind,
                entity: Some(m.entity),
            })
            .collect();
        let mentions = names.len();
        for guess in &self.guesses {
            if overlapping(&names[..mentions], guess.span, |n| n.span).is_none() {
                names.push(Name {
                    span: guess.span,
                    kind: guess.kind,
                    entity: guess.entity,
                });
            }
        }
        names.sort_by_key(|n| n.span.start);
        names
    }
}

/// The first of `items` (in text order, none overlapping another) that overlaps `span`, found by a
/// binary search.
fn overlapping<T>(items: &[T], span: Span, span_of: impl Fn(&T) -> Span) -> Option<&T> {
    let from = items.partition_point(|item| span_of(item).end <= span.start);
    items
        .get(from)
        .filter(|item| span_of(item).start < span.end)
}

impl Analyzer {
    /// An analyzer with the embedded default gazetteer, the context rules and attribution extraction.
    pub fn new() -> Analyzer {
        AnalyzerBuilder::default().build()
    }

    /// Starts configuring an analyzer.
    pub fn builder() -> AnalyzerBuilder {
        AnalyzerBuilder::default()
    }

    /// The gazetteer in use (to resolve [`Mention::entity`] and [`Attribution::source_entity`]).
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Analyses one text. Never fails and never panics.
    pub fn analyze<'t>(&self, text: &'t str) -> Analysis<'t> {
        let tokens = self.tokenizer.tokens(text);
        let sentences = tokenize::sentence_spans(text, &tokens);
        let mut mentions = self.gazetteer.find(text);
        let mut guesses = self
            .recognizer
            .as_ref()
            .map_or_else(Vec::new, |r| r.find(text, &tokens, &mentions));
        // The place inside an institution's name (إمارة منطقة الباحة) is part of that name.
        mentions.retain(|m| !gazetteer::rules::inside_a_guess(m, &guesses));
        if let Some((tagger, names)) = &self.tagger {
            let evidence = gazetteer::tagger::Evidence {
                mentions: &mentions,
                guesses: &guesses,
                recognizer: Some(names),
            };
            let tagged = tagger.find(text, &tokens, &evidence);
            (mentions, guesses) = self.combine.apply(mentions, guesses, tagged);
        }
        let attributions = self.attributor.as_ref().map_or_else(Vec::new, |a| {
            let findings = attribution::Findings {
                tokens: &tokens,
                sentences: &sentences,
                mentions: &mentions,
                names: &guesses,
            };
            a.extract_with(text, &findings)
        });
        Analysis {
            text,
            tokens,
            sentences,
            mentions,
            guesses,
            attributions,
        }
    }
}

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

#[cfg(test)]
mod send_sync {
    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn analyzer_is_send_and_sync() {
        assert_send_sync::<crate::Analyzer>();
        assert_send_sync::<crate::Analysis<'static>>();
    }
}

#[cfg(test)]
mod combine {
    use super::*;

    const TEXT: &str = "قال محمد شياع السوداني في بغداد إن أحمد كريم زار شركة نور الهدى.";

    fn span_of(name: &str) -> Span {
        let start = TEXT.find(name).expect("the name is in the text");
        Span::new(start, start + name.len())
    }

    fn guess(name: &str, kind: EntityKind, rule: &'static str) -> Guess {
        Guess {
            span: span_of(name),
            kind,
            rule,
            entity: None,
        }
    }

    /// The names of mentions and guesses, as `(text, kind)` in text order.
    fn names(
        mentions: &[Mention],
        guesses: &[Guess],
    ) -> (Vec<(&'static str, EntityKind)>, Vec<&'static str>) {
        (
            mentions.iter().map(|m| (&TEXT[m.span], m.kind)).collect(),
            guesses.iter().map(|g| &TEXT[g.span]).collect(),
        )
    }

    /// The embedded gazetteer's mentions, a rule's guess, and what a tagger might say: the prime
    /// minister with his kind, Baghdad as an organisation, and a person nobody else found.
    fn inputs(with_baghdad: bool) -> (Vec<Mention>, Vec<Guess>, Vec<Guess>) {
        let mentions = Gazetteer::default().find(TEXT);
        assert_eq!(
            names(&mentions, &[]).0,
            [
                ("محمد شياع السوداني", EntityKind::Person),
                ("بغداد", EntityKind::Location)
            ]
        );
        let guesses = vec![guess(
            "شركة نور الهدى",
            EntityKind::Organization,
            "org-head",
        )];
        let mut tagged = vec![guess("محمد شياع السوداني", EntityKind::Person, "tagger")];
        if with_baghdad {
            tagged.push(guess("بغداد", EntityKind::Organization, "tagger"));
        }
        tagged.push(guess("أحمد كريم", EntityKind::Person, "tagger"));
        tagged.push(guess("نور الهدى", EntityKind::Person, "tagger"));
        (mentions, guesses, tagged)
    }

    #[test]
    fn all_keeps_what_the_gazetteer_and_rules_found_and_adds_the_taggers_other_names() {
        let (mentions, guesses, tagged) = inputs(true);
        let (mentions, guesses) = Combine::All.apply(mentions, guesses, tagged);
        assert_eq!(
            names(&mentions, &guesses),
            (
                vec![
                    ("محمد شياع السوداني", EntityKind::Person),
                    ("بغداد", EntityKind::Location)
                ],
                vec!["أحمد كريم", "شركة نور الهدى"]
            )
        );
        assert_eq!(guesses[0].rule, "tagger");
    }

    #[test]
    fn tagger_keeps_a_mention_only_where_it_found_the_same_span_and_kind() {
        let (mentions, guesses, tagged) = inputs(true);
        let (mentions, guesses) = Combine::Tagger.apply(mentions, guesses, tagged);
        assert_eq!(
            names(&mentions, &guesses),
            (
                vec![("محمد شياع السوداني", EntityKind::Person)],
                vec!["بغداد", "أحمد كريم", "نور الهدى"]
            )
        );
        assert_eq!(guesses[0].kind, EntityKind::Organization);
    }

    #[test]
    fn gazetteer_first_adds_the_taggers_names_that_overlap_no_mention_and_drops_rule_guesses() {
        let (mentions, guesses, tagged) = inputs(true);
        let (mentions, guesses) = Combine::GazetteerFirst.apply(mentions, guesses, tagged);
        assert_eq!(mentions.len(), 2);
        assert_eq!(names(&mentions, &guesses).1, ["أحمد كريم", "نور الهدى"]);
    }

    #[test]
    fn tagger_first_keeps_the_mentions_the_tagger_left_alone() {
        let (mentions, guesses, tagged) = inputs(false);
        let (tagger_first, _) =
            Combine::TaggerFirst.apply(mentions.clone(), guesses.clone(), tagged.clone());
        let (tagger_alone, _) = Combine::Tagger.apply(mentions, guesses, tagged);
        assert_eq!(names(&tagger_first, &[]).0.len(), 2);
        assert_eq!(
            names(&tagger_alone, &[]).0,
            [("محمد شياع السوداني", EntityKind::Person)]
        );
    }
}
