//! The scorers of the annotation guide's "Scoring" section, as pure functions on spans.
//!
//! Every scorer returns counts, not ratios, so that results for many documents can be summed
//! ([`EntityReport::merge`], [`AttributionReport::merge`]) before precision, recall and F1 are
//! computed: the corpus score is a micro-average, never an average of per-document scores.
//!
//! # Empty denominators
//! Precision with no predictions and recall with no gold items are 1.0 when the other side is
//! empty too (nothing to find, nothing wrongly found) and 0.0 otherwise, as in conlleval.

use std::collections::BTreeMap;
use std::ops::AddAssign;

use serde::Serialize;

use crate::conll::EntitySpan;
use crate::gold::GoldAttribution;
use crate::{CharSpan, EntityKind};

/// Precision, recall and F1, each in `[0, 1]`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Share of what was predicted that is right.
    pub precision: f64,
    /// Share of the gold that was found.
    pub recall: f64,
    /// Harmonic mean of precision and recall (0 when both are 0).
    pub f1: f64,
}

impl Prf {
    /// Computes P/R/F1 from credit earned by predictions and by gold items.
    ///
    /// Exact scores pass whole numbers; proportional ones pass sums of fractions.
    pub fn from_credit(
        precision_credit: f64,
        predicted: usize,
        recall_credit: f64,
        gold: usize,
    ) -> Prf {
        let ratio = |credit: f64, n: usize, other: usize| {
            if n > 0 {
                credit / n as f64
            } else if other == 0 {
                1.0
            } else {
                0.0
            }
        };
        let precision = ratio(precision_credit, predicted, gold);
        let recall = ratio(recall_credit, gold, predicted);
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }
}

/// Exact-match counts: true positives, false positives and false negatives.
///
/// Serialises with its [`Prf`] fields alongside (`tp`, `fp`, `fn`, `precision`, `recall`, `f1`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(into = "CountsJson")]
pub struct Counts {
    /// Predictions that match a gold item exactly.
    pub tp: usize,
    /// Predictions that match nothing.
    pub fp: usize,
    /// Gold items that nothing matches.
    pub fn_: usize,
}

impl Counts {
    /// Precision `tp / (tp + fp)`, recall `tp / (tp + fn)` and their F1.
    pub fn prf(&self) -> Prf {
        let tp = self.tp as f64;
        Prf::from_credit(tp, self.tp + self.fp, tp, self.tp + self.fn_)
    }
}

impl AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

#[derive(Serialize)]
struct CountsJson {
    tp: usize,
    fp: usize,
    #[serde(rename = "fn")]
    fn_: usize,
    precision: f64,
    recall: f64,
    f1: f64,
}

impl From<Counts> for CountsJson {
    fn from(c: Counts) -> CountsJson {
        let p = c.prf();
        CountsJson {
            tp: c.tp,
            fp: c.fp,
            fn_: c.fn_,
            precision: p.precision,
            recall: p.recall,
            f1: p.f1,
        }
    }
}

/// Fractional credit, for scores where precision and recall are earned separately.
///
/// Partial-overlap entity scores credit each prediction that overlaps some gold and each gold
/// that some prediction overlaps; proportional attribution scores credit overlap length over
/// span length. Serialises with its [`Prf`] fields alongside.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
#[serde(into = "CreditJson")]
pub struct Credit {
    /// Sum of the precision credit of all predictions (each between 0 and 1).
    pub precision_credit: f64,
    /// Number of predictions (the precision denominator).
    pub predicted: usize,
    /// Sum of the recall credit of all gold items (each between 0 and 1).
    pub recall_credit: f64,
    /// Number of gold items (the recall denominator).
    pub gold: usize,
}

impl Credit {
    /// `precision_credit / predicted`, `recall_credit / gold` and their F1.
    pub fn prf(&self) -> Prf {
        Prf::from_credit(
            self.precision_credit,
            self.predicted,
            self.recall_credit,
            self.gold,
        )
    }
}

impl AddAssign for Credit {
    fn add_assign(&mut self, o: Credit) {
        self.precision_credit += o.precision_credit;
        self.predicted += o.predicted;
        self.recall_credit += o.recall_credit;
        self.gold += o.gold;
    }
}

#[derive(Serialize)]
struct CreditJson {
    precision_credit: f64,
    predicted: usize,
    recall_credit: f64,
    gold: usize,
    precision: f64,
    recall: f64,
    f1: f64,
}

impl From<Credit> for CreditJson {
    fn from(c: Credit) -> CreditJson {
        let p = c.prf();
        CreditJson {
            precision_credit: c.precision_credit,
            predicted: c.predicted,
            recall_credit: c.recall_credit,
            gold: c.gold,
            precision: p.precision,
            recall: p.recall,
            f1: p.f1,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Entities
// ---------------------------------------------------------------------------------------------

/// Entity scores for one kind or for all kinds together.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct EntityScores {
    /// CoNLL scoring: correct only if span and kind both match exactly.
    pub exact: Counts,
    /// Partial view: a prediction is right if it overlaps a gold entity of its kind, and a gold
    /// entity is found if a prediction of its kind overlaps it (not one to one).
    pub partial: Credit,
}

impl AddAssign for EntityScores {
    fn add_assign(&mut self, o: EntityScores) {
        self.exact += o.exact;
        self.partial += o.partial;
    }
}

/// Entity scores per kind and micro-averaged over the scored kinds.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct EntityReport {
    /// One entry per scored kind, present even when its counts are zero.
    pub per_kind: BTreeMap<EntityKind, EntityScores>,
    /// Counts summed over all scored kinds (micro-average).
    pub micro: EntityScores,
}

impl EntityReport {
    /// Adds another document's (or sentence's) counts, so a corpus is scored by summing counts.
    pub fn merge(&mut self, other: &EntityReport) {
        for (kind, scores) in &other.per_kind {
            *self.per_kind.entry(*kind).or_default() += *scores;
        }
        self.micro += other.micro;
    }
}

/// Scores predicted entities against gold for the guide's kinds (PER, ORG, LOC).
///
/// MISC entities on either side are ignored; use [`score_entities_for`] with
/// [`EntityKind::ALL`] to include them (ANERcorp).
pub fn score_entities(gold: &[EntitySpan], predicted: &[EntitySpan]) -> EntityReport {
    score_entities_for(EntityKind::CORE, gold, predicted)
}

/// Scores predicted entities against gold, counting only the given kinds.
///
/// Exact: each prediction may claim one gold entity with the same span and kind (a duplicate
/// prediction is a false positive). Partial: see [`EntityScores::partial`]. Spans may be chars or
/// token indices, as long as both sides use the same unit.
pub fn score_entities_for(
    kinds: &[EntityKind],
    gold: &[EntitySpan],
    predicted: &[EntitySpan],
) -> EntityReport {
    let mut report = EntityReport::default();
    for &kind in kinds {
        report.per_kind.entry(kind).or_default();
    }
    let gold: Vec<EntitySpan> = gold
        .iter()
        .copied()
        .filter(|e| kinds.contains(&e.kind))
        .collect();
    let predicted: Vec<EntitySpan> = predicted
        .iter()
        .copied()
        .filter(|e| kinds.contains(&e.kind))
        .collect();

    let EntityDisagreements { missed, spurious } = entity_disagreements(kinds, &gold, &predicted);
    for g in &gold {
        let scores = report.per_kind.entry(g.kind).or_default();
        scores.partial.gold += 1;
        if predicted
            .iter()
            .any(|p| p.kind == g.kind && p.span.overlap(g.span) > 0)
        {
            scores.partial.recall_credit += 1.0;
        }
    }
    for p in &predicted {
        let scores = report.per_kind.entry(p.kind).or_default();
        scores.partial.predicted += 1;
        if gold
            .iter()
            .any(|g| g.kind == p.kind && p.span.overlap(g.span) > 0)
        {
            scores.partial.precision_credit += 1.0;
        }
    }
    for p in &spurious {
        report.per_kind.entry(p.kind).or_default().exact.fp += 1;
    }
    for g in &missed {
        report.per_kind.entry(g.kind).or_default().exact.fn_ += 1;
    }
    // Every prediction that is not wrong claimed a gold entity.
    for scores in report.per_kind.values_mut() {
        scores.exact.tp = scores.partial.predicted - scores.exact.fp;
        report.micro += *scores;
    }
    report
}

/// The entities behind [`score_entities_for`]'s exact false negatives and false positives.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct EntityDisagreements {
    /// Gold entities no prediction matches exactly, in gold order.
    pub missed: Vec<EntitySpan>,
    /// Predictions that match no gold entity exactly (a duplicate included), in predicted order.
    pub spurious: Vec<EntitySpan>,
}

/// The entities, of the given kinds, on one side only: each prediction claims one gold entity with
/// the same span and kind, as [`score_entities_for`] counts them.
pub fn entity_disagreements(
    kinds: &[EntityKind],
    gold: &[EntitySpan],
    predicted: &[EntitySpan],
) -> EntityDisagreements {
    let mut unclaimed: BTreeMap<EntitySpan, usize> = BTreeMap::new();
    for g in gold.iter().filter(|g| kinds.contains(&g.kind)) {
        *unclaimed.entry(*g).or_default() += 1;
    }
    let mut spurious = Vec::new();
    for p in predicted.iter().filter(|p| kinds.contains(&p.kind)) {
        match unclaimed.get_mut(p) {
            Some(n) if *n > 0 => *n -= 1,
            _ => spurious.push(*p),
        }
    }
    // What no prediction claimed, in gold order.
    let mut missed = Vec::new();
    for g in gold {
        if let Some(left) = unclaimed.get_mut(g).filter(|left| **left > 0) {
            *left -= 1;
            missed.push(*g);
        }
    }
    EntityDisagreements { missed, spurious }
}

// ---------------------------------------------------------------------------------------------
// Attributions
// ---------------------------------------------------------------------------------------------

/// A system's attribution, in char offsets into the document text (the CLI converts from bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct PredictedAttribution {
    /// The reporting word.
    pub cue: CharSpan,
    /// The source noun phrase, `None` when the system found no overt source.
    pub source: Option<CharSpan>,
    /// What is reported.
    pub content: CharSpan,
}

/// Exact and proportional scores of one role (cue, source or content).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct RoleScores {
    /// Both trimmed boundaries equal.
    pub exact: Counts,
    /// Overlap over predicted length (precision) and over gold length (recall), summed over
    /// aligned pairs, divided by the number of predictions and of gold attributions.
    pub proportional: Credit,
}

impl RoleScores {
    fn add_pair(&mut self, exact: bool, precision_credit: f64, recall_credit: f64) {
        if exact {
            self.exact.tp += 1;
        } else {
            self.exact.fp += 1;
            self.exact.fn_ += 1;
        }
        self.proportional.precision_credit += precision_credit;
        self.proportional.recall_credit += recall_credit;
        self.proportional.predicted += 1;
        self.proportional.gold += 1;
    }

    fn add_false_positive(&mut self) {
        self.exact.fp += 1;
        self.proportional.predicted += 1;
    }

    fn add_false_negative(&mut self) {
        self.exact.fn_ += 1;
        self.proportional.gold += 1;
    }
}

impl AddAssign for RoleScores {
    fn add_assign(&mut self, o: RoleScores) {
        self.exact += o.exact;
        self.proportional += o.proportional;
    }
}

/// Attribution scores per role, with the alignment counts behind them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct AttributionReport {
    /// Predictions scored (those aligned to an optional gold attribution are not).
    pub predicted: usize,
    /// Non-optional gold attributions.
    pub gold: usize,
    /// Predictions aligned to a non-optional gold attribution.
    pub aligned: usize,
    /// Predictions aligned to an optional gold attribution, hence neither rewarded nor penalised.
    pub aligned_optional: usize,
    /// Scores of the cue word.
    pub cue: RoleScores,
    /// Scores of the source noun phrase (see [`score_attributions`] for `null` sources).
    pub source: RoleScores,
    /// Scores of the reported content.
    pub content: RoleScores,
}

impl AttributionReport {
    /// Adds another document's counts, so a corpus is scored by summing counts.
    pub fn merge(&mut self, o: &AttributionReport) {
        self.predicted += o.predicted;
        self.gold += o.gold;
        self.aligned += o.aligned;
        self.aligned_optional += o.aligned_optional;
        self.cue += o.cue;
        self.source += o.source;
        self.content += o.content;
    }
}

/// Scores predicted attributions against gold for one document, as the guide's "Scoring" says.
///
/// * **Trimming.** Before any comparison, whitespace, punctuation and quotation marks are removed
///   from both ends of every span (see [`trim_span`]), so a direct content scores the same with or
///   without its quotation marks. For cues, a leading و or ف that one side has and the other does
///   not (the other starting right after it) is ignored: `وأكد` equals `أكد`.
/// * **Alignment.** Predictions and gold are aligned one to one, maximising the total content
///   overlap (in chars, after trimming); among equal totals, the total cue overlap; then the number
///   of non-optional gold attributions aligned. This is an optimal assignment (Hungarian method),
///   not a greedy one. A pair whose contents do not overlap is never aligned.
/// * **Optional gold.** A prediction aligned to an optional gold attribution is left out of every
///   count; an unaligned optional gold is not a false negative.
/// * **Unaligned.** An unaligned prediction is a false positive in every role (exact and
///   proportional, source included even if `None`); an unaligned non-optional gold is a false
///   negative in every role.
/// * **Exact / proportional.** For an aligned pair, exact counts a true positive when both trimmed
///   boundaries are equal, and otherwise both a false positive and a false negative. Proportional
///   credits overlap / predicted length to precision and overlap / gold length to recall.
/// * **Null sources.** Every attribution has a source slot, so every aligned pair counts once in
///   the source role's predicted and gold totals. `None` against `None` is an exact match with full
///   proportional credit; `None` against a span (either way round) is a miss with no credit.
///   Spans that trim to nothing count as a match only if they are equal.
///
/// Spans outside `text` are clamped to it, so a bad prediction never panics.
pub fn score_attributions(
    text: &str,
    gold: &[GoldAttribution],
    predicted: &[PredictedAttribution],
) -> AttributionReport {
    let alignment = Alignment::new(text, gold, predicted);
    let mut report = AttributionReport::default();
    for (i, aligned) in alignment.assignment.iter().enumerate() {
        let Some(j) = *aligned else {
            report.predicted += 1;
            report.cue.add_false_positive();
            report.source.add_false_positive();
            report.content.add_false_positive();
            continue;
        };
        if gold[j].optional {
            report.aligned_optional += 1;
            continue;
        }
        report.predicted += 1;
        report.gold += 1;
        report.aligned += 1;
        let [cue, source, content] = alignment.compare_roles(i, j);
        report.cue.add_pair(cue.0, cue.1, cue.2);
        report.source.add_pair(source.0, source.1, source.2);
        report.content.add_pair(content.0, content.1, content.2);
    }
    for _ in alignment.missed(gold) {
        report.gold += 1;
        report.cue.add_false_negative();
        report.source.add_false_negative();
        report.content.add_false_negative();
    }
    report
}

/// How a prediction and the gold disagree, as [`score_attributions`] aligns and compares them.
/// Indices are into the gold and predicted slices it was given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "disagreement")]
pub enum AttributionDisagreement {
    /// A non-optional gold attribution no prediction is aligned to.
    Missed {
        /// The gold attribution.
        gold: usize,
    },
    /// A prediction aligned to no gold attribution.
    Spurious {
        /// The prediction.
        predicted: usize,
    },
    /// An aligned pair whose trimmed spans differ in at least one role.
    Differs {
        /// The gold attribution.
        gold: usize,
        /// The prediction aligned to it.
        predicted: usize,
        /// Whether the cues differ.
        cue: bool,
        /// Whether the sources differ (a span against none counts).
        source: bool,
        /// Whether the contents differ.
        content: bool,
    },
}

/// Every disagreement behind [`score_attributions`]'s counts for one document: what was missed,
/// what was found wrongly and which roles of aligned pairs differ. Pairs aligned to optional gold,
/// which the score leaves out, are left out here too.
pub fn attribution_disagreements(
    text: &str,
    gold: &[GoldAttribution],
    predicted: &[PredictedAttribution],
) -> Vec<AttributionDisagreement> {
    let alignment = Alignment::new(text, gold, predicted);
    let mut out = Vec::new();
    for (i, aligned) in alignment.assignment.iter().enumerate() {
        match *aligned {
            None => out.push(AttributionDisagreement::Spurious { predicted: i }),
            Some(j) if gold[j].optional => {}
            Some(j) => {
                let [cue, source, content] = alignment.compare_roles(i, j);
                if !(cue.0 && source.0 && content.0) {
                    out.push(AttributionDisagreement::Differs {
                        gold: j,
                        predicted: i,
                        cue: !cue.0,
                        source: !source.0,
                        content: !content.0,
                    });
                }
            }
        }
    }
    out.extend(
        alignment
            .missed(gold)
            .map(|gold| AttributionDisagreement::Missed { gold }),
    );
    out
}

/// Predictions aligned one to one with gold attributions, over spans trimmed as the guide says
/// (see [`score_attributions`]).
struct Alignment {
    chars: Vec<char>,
    gold: Vec<PredictedAttribution>,
    predicted: Vec<PredictedAttribution>,
    /// For each prediction, the gold attribution aligned to it.
    assignment: Vec<Option<usize>>,
}

impl Alignment {
    fn new(text: &str, gold: &[GoldAttribution], predicted: &[PredictedAttribution]) -> Alignment {
        let chars: Vec<char> = text.chars().collect();
        let trim = |s: CharSpan| trim_chars(&chars, s);
        let trimmed = |cue, source: Option<CharSpan>, content| PredictedAttribution {
            cue: trim(cue),
            source: source.map(trim),
            content: trim(content),
        };
        let gold_t: Vec<PredictedAttribution> = gold
            .iter()
            .map(|g| trimmed(g.cue, g.source, g.content))
            .collect();
        let pred_t: Vec<PredictedAttribution> = predicted
            .iter()
            .map(|p| trimmed(p.cue, p.source, p.content))
            .collect();

        // Lexicographic weight (content overlap, cue overlap, non-optional) packed into one integer:
        // each multiplier exceeds the largest possible total of the levels below it.
        let n_pairs = pred_t.len().min(gold_t.len()) as i128;
        let cue_max: i128 = pred_t.iter().map(|p| p.cue.len() as i128).sum();
        let level2 = n_pairs + 1;
        let level1 = (cue_max + 1) * level2;
        let weights: Vec<Vec<i128>> = pred_t
            .iter()
            .map(|p| {
                gold_t
                    .iter()
                    .zip(gold)
                    .map(|(g, raw)| {
                        let content = p.content.overlap(g.content) as i128;
                        if content == 0 {
                            return 0;
                        }
                        let cue = p.cue.overlap(g.cue) as i128;
                        content * level1 + cue * level2 + i128::from(!raw.optional)
                    })
                    .collect()
            })
            .collect();
        let assignment = max_weight_assignment(&weights, gold_t.len());
        Alignment {
            chars,
            gold: gold_t,
            predicted: pred_t,
            assignment,
        }
    }

    /// (exact, precision credit, recall credit) of cue, source and content of prediction `i` against
    /// gold `j`.
    fn compare_roles(&self, i: usize, j: usize) -> [(bool, f64, f64); 3] {
        let (p, g) = (&self.predicted[i], &self.gold[j]);
        let (pc, gc) = strip_cue_conjunction(&self.chars, p.cue, g.cue);
        let source = match (p.source, g.source) {
            (None, None) => (true, 1.0, 1.0),
            (Some(ps), Some(gs)) => compare(ps, gs),
            _ => (false, 0.0, 0.0),
        };
        [compare(pc, gc), source, compare(p.content, g.content)]
    }

    /// The non-optional gold attributions no prediction is aligned to.
    fn missed<'g>(&self, gold: &'g [GoldAttribution]) -> impl Iterator<Item = usize> + 'g {
        let mut aligned = vec![false; gold.len()];
        for &j in self.assignment.iter().flatten() {
            aligned[j] = true;
        }
        (0..gold.len()).filter(move |&j| !aligned[j] && !gold[j].optional)
    }
}

/// (exact, precision credit, recall credit) of two trimmed spans.
fn compare(p: CharSpan, g: CharSpan) -> (bool, f64, f64) {
    let exact = p == g;
    let overlap = p.overlap(g) as f64;
    let credit = |len: usize| {
        if len == 0 {
            if exact { 1.0 } else { 0.0 }
        } else {
            overlap / len as f64
        }
    };
    (exact, credit(p.len()), credit(g.len()))
}

/// Drops a leading و/ف from whichever cue has it when the other cue starts right after it.
fn strip_cue_conjunction(chars: &[char], p: CharSpan, g: CharSpan) -> (CharSpan, CharSpan) {
    let is_conj = |s: CharSpan| s.len() > 1 && matches!(chars.get(s.start), Some('و' | 'ف'));
    if p.start + 1 == g.start && is_conj(p) {
        (CharSpan::new(p.start + 1, p.end), g)
    } else if g.start + 1 == p.start && is_conj(g) {
        (p, CharSpan::new(g.start + 1, g.end))
    } else {
        (p, g)
    }
}

/// Removes whitespace, punctuation and quotation marks from both ends of a span.
///
/// This is the trimming every attribution comparison applies (the guide: "Comparisons ignore …
/// whitespace, punctuation and quotation marks at either end of a span"). The span is first
/// clamped to the text; the result may be empty. Offsets are chars.
pub fn trim_span(text: &str, span: CharSpan) -> CharSpan {
    let chars: Vec<char> = text.chars().collect();
    trim_chars(&chars, span)
}

fn trim_chars(chars: &[char], span: CharSpan) -> CharSpan {
    let mut end = span.end.min(chars.len());
    let mut start = span.start.min(end);
    while start < end && is_trimmable(chars[start]) {
        start += 1;
    }
    while end > start && is_trimmable(chars[end - 1]) {
        end -= 1;
    }
    CharSpan::new(start, end)
}

/// Whitespace, punctuation (ASCII, Arabic, general), quotation marks and invisible format marks.
fn is_trimmable(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || matches!(
            c,
            // Arabic comma, semicolon, question mark, full stop, percent, star, decimal and thousands separators
            '\u{060C}' | '\u{061B}' | '\u{061F}' | '\u{06D4}' | '\u{066A}' | '\u{066D}' | '\u{066B}' | '\u{066C}'
            // Arabic letter mark, ornate parentheses
            | '\u{061C}' | '\u{FD3E}' | '\u{FD3F}'
            // Latin-1 guillemets, inverted marks, middle dot, section sign, pilcrow
            | '\u{00AB}' | '\u{00BB}' | '\u{00A1}' | '\u{00BF}' | '\u{00B7}' | '\u{00A7}' | '\u{00B6}'
            // General Punctuation: dashes, quotes, bullets, ellipsis, zero-width and bidi marks
            | '\u{2000}'..='\u{206F}'
            // Supplemental punctuation, CJK punctuation, BOM
            | '\u{2E00}'..='\u{2E7F}' | '\u{3000}'..='\u{303F}' | '\u{FEFF}'
            // Fullwidth and small-form punctuation
            | '\u{FE50}'..='\u{FE6B}' | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}'
            | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}'
        )
}

/// Maximum-weight one-to-one assignment of rows to columns (Hungarian method, O(n²m)).
///
/// Returns, for each row, its column; pairs of weight 0 are reported as unassigned.
fn max_weight_assignment(weights: &[Vec<i128>], cols: usize) -> Vec<Option<usize>> {
    let rows = weights.len();
    if rows == 0 || cols == 0 {
        return vec![None; rows];
    }
    // The classic algorithm needs rows <= cols; transpose otherwise.
    if rows > cols {
        let t: Vec<Vec<i128>> = (0..cols)
            .map(|j| (0..rows).map(|i| weights[i][j]).collect())
            .collect();
        let by_col = max_weight_assignment(&t, rows);
        let mut out = vec![None; rows];
        for (j, i) in by_col.into_iter().enumerate() {
            if let Some(i) = i {
                out[i] = Some(j);
            }
        }
        return out;
    }
    // Minimise cost = -weight; 1-based arrays with a virtual column 0.
    let (n, m) = (rows, cols);
    let cost = |i: usize, j: usize| -weights[i - 1][j - 1];
    let inf = i128::MAX / 4;
    let mut u = vec![0i128; n + 1];
    let mut v = vec![0i128; m + 1];
    let mut p = vec![0usize; m + 1];
    let mut way = vec![0usize; m + 1];
    for i in 1..=n {
        p[0] = i;
        let mut j0 = 0;
        let mut minv = vec![inf; m + 1];
        let mut used = vec![false; m + 1];
        loop {
            used[j0] = true;
            let i0 = p[j0];
            let mut delta = inf;
            let mut j1 = 0;
            for j in 1..=m {
                if !used[j] {
                    let cur = cost(i0, j) - u[i0] - v[j];
                    if cur < minv[j] {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if minv[j] < delta {
                        delta = minv[j];
                        j1 = j;
                    }
                }
            }
            for j in 0..=m {
                if used[j] {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
            if p[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    let mut out = vec![None; rows];
    for j in 1..=m {
        if p[j] != 0 && weights[p[j] - 1][j - 1] > 0 {
            out[p[j] - 1] = Some(j - 1);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gold::AttributionKind;

    /// Char span of the first occurrence of `needle` in `text`.
    fn sp(text: &str, needle: &str) -> CharSpan {
        let byte = text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} not in text"));
        let start = text[..byte].chars().count();
        CharSpan::new(start, start + needle.chars().count())
    }

    fn gold(
        text: &str,
        cue: &str,
        source: Option<&str>,
        content: &str,
        optional: bool,
    ) -> GoldAttribution {
        GoldAttribution {
            cue: sp(text, cue),
            source: source.map(|s| sp(text, s)),
            content: sp(text, content),
            kind: AttributionKind::Indirect,
            source_kind: None,
            optional,
        }
    }

    fn pred(text: &str, cue: &str, source: Option<&str>, content: &str) -> PredictedAttribution {
        PredictedAttribution {
            cue: sp(text, cue),
            source: source.map(|s| sp(text, s)),
            content: sp(text, content),
        }
    }

    fn exact(r: &RoleScores) -> (usize, usize, usize) {
        (r.exact.tp, r.exact.fp, r.exact.fn_)
    }

    const T: &str = "قال مصدر سياسي إن \"الاتفاق قريب\"، وأضاف أن المفاوضات مستمرة. وأعلن الجيش أن العملية انتهت.";

    #[test]
    fn prf_conventions() {
        let p = Counts {
            tp: 3,
            fp: 1,
            fn_: 2,
        }
        .prf();
        assert_eq!((p.precision, p.recall), (0.75, 0.6));
        assert!((p.f1 - 2.0 * 0.75 * 0.6 / 1.35).abs() < 1e-12);
        assert_eq!(Counts::default().prf().f1, 1.0);
        let p = Counts {
            tp: 0,
            fp: 0,
            fn_: 2,
        }
        .prf();
        assert_eq!((p.precision, p.recall, p.f1), (0.0, 0.0, 0.0));
    }

    #[test]
    fn trimming_quotes_punctuation_and_spaces() {
        let text = " «قال»، \"نعم\". ";
        assert_eq!(
            trim_span(text, CharSpan::new(0, 15)).slice(text),
            Some("قال»، \"نعم")
        );
        assert_eq!(
            trim_span(text, CharSpan::new(7, 14)).slice(text),
            Some("نعم")
        );
        assert!(trim_span(text, CharSpan::new(12, 15)).is_empty());
        // Out-of-bounds spans are clamped, never a panic.
        assert_eq!(
            trim_span(text, CharSpan::new(13, 99)),
            CharSpan::new(15, 15)
        );
    }

    #[test]
    fn attribution_exact_match_everywhere() {
        let g = [
            gold(T, "قال", Some("مصدر سياسي"), "\"الاتفاق قريب\"", false),
            gold(T, "أعلن", Some("الجيش"), "العملية انتهت", false),
        ];
        let p: Vec<PredictedAttribution> = g.iter().map(PredictedAttribution::from).collect();
        let r = score_attributions(T, &g, &p);
        assert_eq!((r.predicted, r.gold, r.aligned), (2, 2, 2));
        for role in [&r.cue, &r.source, &r.content] {
            assert_eq!(exact(role), (2, 0, 0));
            assert_eq!(role.proportional.prf().f1, 1.0);
        }
    }

    #[test]
    fn attribution_trimming_and_leading_waw_on_cue() {
        let g = [gold(
            T,
            "أضاف",
            Some("مصدر سياسي"),
            "المفاوضات مستمرة",
            false,
        )];
        // Cue with its proclitic, content with the final full stop, source with a trailing space.
        let p = [pred(T, "وأضاف", Some("مصدر سياسي "), "المفاوضات مستمرة.")];
        let r = score_attributions(T, &g, &p);
        assert_eq!(exact(&r.cue), (1, 0, 0));
        assert_eq!(exact(&r.source), (1, 0, 0));
        assert_eq!(exact(&r.content), (1, 0, 0));

        // A direct content scores the same with or without its quotation marks (and the ،).
        let g = [gold(T, "قال", Some("مصدر سياسي"), "\"الاتفاق قريب\"", false)];
        let p = [pred(T, "قال", Some("مصدر سياسي"), "الاتفاق قريب\"،")];
        assert_eq!(exact(&score_attributions(T, &g, &p).content), (1, 0, 0));

        // Symmetric: gold with و, prediction without.
        let text = "وفند الوزير ذلك";
        let g = [gold(text, "وفند", None, "ذلك", false)];
        let p = [pred(text, "فند", None, "ذلك")];
        assert_eq!(exact(&score_attributions(text, &g, &p).cue), (1, 0, 0));
    }

    #[test]
    fn attribution_partial_overlap_is_proportional() {
        let g = [gold(
            T,
            "أضاف",
            Some("مصدر سياسي"),
            "المفاوضات مستمرة",
            false,
        )];
        // Content: 6 of the gold's 16 chars; source: 4 of 10 chars.
        let p = [pred(T, "أضاف", Some("مصدر"), "مستمرة")];
        let r = score_attributions(T, &g, &p);
        assert_eq!(r.aligned, 1);
        assert_eq!(exact(&r.content), (0, 1, 1));
        let c = r.content.proportional.prf();
        assert_eq!((c.precision, c.recall), (1.0, 6.0 / 16.0));
        let s = r.source.proportional.prf();
        assert_eq!((s.precision, s.recall), (1.0, 0.4));
        assert_eq!(exact(&r.cue), (1, 0, 0));
    }

    #[test]
    fn attribution_optional_gold() {
        let g = [
            gold(T, "قال", Some("مصدر سياسي"), "\"الاتفاق قريب\"", true),
            gold(T, "أعلن", Some("الجيش"), "العملية انتهت", true),
        ];
        // Aligned to an optional gold: neither rewarded nor penalised. Unaligned optional: no fn.
        let p = [pred(T, "قال", Some("مصدر"), "الاتفاق")];
        let r = score_attributions(T, &g, &p);
        assert_eq!(
            (r.predicted, r.gold, r.aligned, r.aligned_optional),
            (0, 0, 0, 1)
        );
        assert_eq!(exact(&r.cue), (0, 0, 0));
        assert_eq!(r.content.proportional, Credit::default());
    }

    #[test]
    fn attribution_null_source() {
        let text = "وأعلن أن العملية انتهت";
        let g = [gold(text, "أعلن", None, "العملية انتهت", false)];
        let r = score_attributions(text, &g, &[pred(text, "أعلن", None, "العملية انتهت")]);
        assert_eq!(exact(&r.source), (1, 0, 0));
        assert_eq!(r.source.proportional.prf().f1, 1.0);
        // null against a span is a miss both ways, and does not touch the other roles.
        let r = score_attributions(
            text,
            &g,
            &[pred(text, "أعلن", Some("العملية"), "العملية انتهت")],
        );
        assert_eq!(exact(&r.source), (0, 1, 1));
        assert_eq!(r.source.proportional.prf().f1, 0.0);
        assert_eq!(exact(&r.content), (1, 0, 0));
        let g = [gold(text, "أعلن", Some("العملية"), "العملية انتهت", false)];
        let r = score_attributions(text, &g, &[pred(text, "أعلن", None, "العملية انتهت")]);
        assert_eq!(exact(&r.source), (0, 1, 1));
    }

    #[test]
    fn attribution_unaligned_counts_in_every_role() {
        let g = [gold(T, "أعلن", Some("الجيش"), "العملية انتهت", false)];
        let p = [pred(T, "قال", None, "الاتفاق قريب")];
        let r = score_attributions(T, &g, &p);
        assert_eq!((r.predicted, r.gold, r.aligned), (1, 1, 0));
        for role in [&r.cue, &r.source, &r.content] {
            assert_eq!(exact(role), (0, 1, 1));
            assert_eq!(role.proportional.prf().f1, 0.0);
        }
        assert_eq!(
            score_attributions(T, &[], &[]),
            AttributionReport::default()
        );
    }

    #[test]
    fn attribution_tie_broken_by_cue_overlap() {
        // Relayed speech: two gold attributions with the same content, cues نقلت and قوله.
        let text = "ونقلت الوكالة عن مصدر قوله إن الوضع هادئ";
        let g = [
            gold(text, "نقلت", Some("الوكالة"), "الوضع هادئ", false),
            gold(text, "قوله", Some("مصدر"), "الوضع هادئ", false),
        ];
        let r = score_attributions(text, &g, &[pred(text, "قوله", Some("مصدر"), "الوضع هادئ")]);
        assert_eq!(r.aligned, 1);
        assert_eq!(exact(&r.cue), (1, 0, 1));
        assert_eq!(exact(&r.source), (1, 0, 1));
        // Equal content and cue overlap: a non-optional gold is preferred over an optional one.
        let g = [
            gold(text, "قوله", Some("مصدر"), "الوضع هادئ", true),
            gold(text, "نقلت", Some("الوكالة"), "الوضع هادئ", false),
        ];
        let r = score_attributions(text, &g, &[pred(text, "إن", None, "الوضع هادئ")]);
        assert_eq!((r.aligned, r.aligned_optional, r.gold), (1, 0, 1));
    }

    #[test]
    fn attribution_alignment_is_optimal_not_greedy() {
        // Prediction A overlaps gold X by 10 chars and gold Y by 9; B overlaps only X, by 9.
        // Greedy would pair A-X and leave B and Y out; the optimal assignment pairs A-Y and B-X.
        let text = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";
        let attribution = |cue: CharSpan, content: CharSpan| GoldAttribution {
            cue,
            source: None,
            content,
            kind: AttributionKind::Indirect,
            source_kind: None,
            optional: false,
        };
        let g = [
            attribution(CharSpan::new(20, 22), CharSpan::new(0, 10)),
            attribution(CharSpan::new(24, 26), CharSpan::new(10, 19)),
        ];
        let predicted = |content: CharSpan| PredictedAttribution {
            cue: CharSpan::new(27, 28),
            source: None,
            content,
        };
        let (a, b) = (
            predicted(CharSpan::new(0, 19)),
            predicted(CharSpan::new(0, 9)),
        );
        let r = score_attributions(text, &g, &[a, b]);
        assert_eq!(r.aligned, 2);
        let c = r.content.proportional;
        assert_eq!(
            (c.precision_credit, c.recall_credit),
            (9.0 / 19.0 + 1.0, 1.0 + 0.9)
        );
    }

    #[test]
    fn hungarian_matches_brute_force() {
        // Small deterministic pseudo-random matrices, checked against every permutation.
        let mut seed = 7u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) % 5) as i128
        };
        for rows in 1..=4 {
            for cols in 1..=4 {
                for _ in 0..20 {
                    let w: Vec<Vec<i128>> = (0..rows)
                        .map(|_| (0..cols).map(|_| next()).collect())
                        .collect();
                    let got = max_weight_assignment(&w, cols);
                    let total: i128 = got
                        .iter()
                        .enumerate()
                        .filter_map(|(i, j)| j.map(|j| w[i][j]))
                        .sum();
                    assert_eq!(total, brute(&w, 0, &mut vec![false; cols]), "{w:?}");
                    let mut seen: Vec<usize> = got.iter().flatten().copied().collect();
                    seen.sort_unstable();
                    seen.dedup();
                    assert_eq!(seen.len(), got.iter().flatten().count(), "one to one");
                }
            }
        }
    }

    fn brute(w: &[Vec<i128>], i: usize, used: &mut Vec<bool>) -> i128 {
        if i == w.len() {
            return 0;
        }
        let mut best = brute(w, i + 1, used);
        for j in 0..used.len() {
            if !used[j] {
                used[j] = true;
                best = best.max(w[i][j] + brute(w, i + 1, used));
                used[j] = false;
            }
        }
        best
    }

    fn ent(kind: EntityKind, start: usize, end: usize) -> EntitySpan {
        EntitySpan {
            kind,
            span: CharSpan::new(start, end),
        }
    }

    #[test]
    fn entities_exact_kind_mismatch_and_partial() {
        use EntityKind::*;
        let gold = [ent(Per, 0, 10), ent(Loc, 20, 25), ent(Org, 30, 40)];
        let predicted = [
            ent(Per, 0, 10),  // exact
            ent(Org, 20, 25), // right span, wrong kind
            ent(Org, 32, 40), // overlaps, boundaries differ
            ent(Loc, 50, 55), // spurious
        ];
        let r = score_entities(&gold, &predicted);
        let k = |kind| r.per_kind[&kind];
        assert_eq!(
            (k(Per).exact.tp, k(Per).exact.fp, k(Per).exact.fn_),
            (1, 0, 0)
        );
        assert_eq!(
            (k(Loc).exact.tp, k(Loc).exact.fp, k(Loc).exact.fn_),
            (0, 1, 1)
        );
        assert_eq!(
            (k(Org).exact.tp, k(Org).exact.fp, k(Org).exact.fn_),
            (0, 2, 1)
        );
        assert_eq!(
            (r.micro.exact.tp, r.micro.exact.fp, r.micro.exact.fn_),
            (1, 3, 2)
        );
        assert_eq!(r.micro.exact.prf().precision, 0.25);
        // Partial: the ORG 32..40 overlaps gold ORG; the kind mismatch does not count.
        assert_eq!(k(Org).partial.prf().precision, 0.5);
        assert_eq!(k(Org).partial.prf().recall, 1.0);
        assert_eq!(r.micro.partial.precision_credit, 2.0);
        assert_eq!(r.micro.partial.recall_credit, 2.0);
        assert!(!r.per_kind.contains_key(&Misc));
    }

    #[test]
    fn entities_duplicates_misc_and_merge() {
        use EntityKind::*;
        let gold = [ent(Per, 0, 2), ent(Misc, 3, 4)];
        let predicted = [ent(Per, 0, 2), ent(Per, 0, 2), ent(Misc, 3, 4)];
        let core = score_entities(&gold, &predicted);
        assert_eq!((core.micro.exact.tp, core.micro.exact.fp), (1, 1));
        let all = score_entities_for(EntityKind::ALL, &gold, &predicted);
        assert_eq!(all.per_kind[&Misc].exact.tp, 1);
        assert_eq!(all.micro.exact.tp, 2);
        let mut total = EntityReport::default();
        total.merge(&all);
        total.merge(&all);
        assert_eq!(total.micro.exact.tp, 4);
        assert_eq!(total.per_kind[&Misc].exact.tp, 2);
        assert_eq!(total.micro.exact.prf(), all.micro.exact.prf());
    }

    #[test]
    fn entity_disagreements_are_the_exact_misses_and_wrong_finds() {
        use EntityKind::*;
        let gold = [
            ent(Per, 0, 10),
            ent(Loc, 20, 25),
            ent(Org, 30, 40),
            ent(Misc, 45, 48),
        ];
        let predicted = [
            ent(Per, 0, 10),
            ent(Org, 20, 25),
            ent(Org, 32, 40),
            ent(Per, 0, 10),
            ent(Misc, 50, 52),
        ];
        let found = entity_disagreements(EntityKind::CORE, &gold, &predicted);
        assert_eq!(found.missed, [ent(Loc, 20, 25), ent(Org, 30, 40)]);
        assert_eq!(
            found.spurious,
            [ent(Org, 20, 25), ent(Org, 32, 40), ent(Per, 0, 10)]
        );
        // The counts are these lists' lengths.
        let r = score_entities(&gold, &predicted);
        assert_eq!(r.micro.exact.fn_, found.missed.len());
        assert_eq!(r.micro.exact.fp, found.spurious.len());
    }

    #[test]
    fn attribution_disagreements_name_the_roles_that_differ() {
        let text =
            "وقال الوزير إن الاتفاق قريب. وأعلن الجيش أن العملية انتهت. وذكرت مصادر أن الطريق مغلق.";
        let g = [
            gold(text, "قال", Some("الوزير"), "الاتفاق قريب", false),
            gold(text, "أعلن", Some("الجيش"), "العملية انتهت", false),
            gold(text, "ذكرت", Some("مصادر"), "الطريق مغلق", true),
        ];
        let p = [
            pred(text, "وقال", Some("الوزير"), "الاتفاق قريب"),
            pred(text, "أعلن", None, "العملية"),
            pred(text, "ذكرت", None, "الطريق"),
        ];
        // Exact but for the cue's و; the source and content of the second differ; the third is
        // aligned to optional gold and left out.
        assert_eq!(
            attribution_disagreements(text, &g, &p),
            [AttributionDisagreement::Differs {
                gold: 1,
                predicted: 1,
                cue: false,
                source: true,
                content: true,
            }]
        );
        // Contents that do not overlap are never aligned: a miss and a wrong find.
        let g = [gold(T, "أعلن", Some("الجيش"), "العملية انتهت", false)];
        let p = [pred(T, "قال", None, "الاتفاق قريب")];
        assert_eq!(
            attribution_disagreements(T, &g, &p),
            [
                AttributionDisagreement::Spurious { predicted: 0 },
                AttributionDisagreement::Missed { gold: 0 },
            ]
        );
    }
}
