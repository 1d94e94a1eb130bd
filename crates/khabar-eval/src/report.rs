//! [`Report`]: the scores of a whole evaluation run, as JSON (serde) or as an aligned table.

use std::fmt;

use serde::Serialize;

use crate::score::{AttributionReport, Counts, Credit, EntityReport};

/// Everything an evaluation run measured, summed over its documents.
///
/// The CLI builds one with [`Report::add_entities`] / [`Report::add_attributions`] per document,
/// then prints it with `{}` (a table) or `serde_json` (machine-readable, counts and P/R/F1).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Report {
    /// Documents (or sentences, for CoNLL) whose scores were added.
    pub documents: usize,
    /// Entity scores, if entities were scored.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entities: Option<EntityReport>,
    /// Attribution scores, if attributions were scored.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attributions: Option<AttributionReport>,
}

impl Report {
    /// An empty report, to which documents are added.
    pub fn new() -> Report {
        Report::default()
    }

    /// Adds one document's entity scores (counts are summed, so the total is a micro-average).
    pub fn add_entities(&mut self, scores: &EntityReport) {
        self.entities
            .get_or_insert_with(Default::default)
            .merge(scores);
    }

    /// Adds one document's attribution scores (counts are summed).
    pub fn add_attributions(&mut self, scores: &AttributionReport) {
        self.attributions
            .get_or_insert_with(Default::default)
            .merge(scores);
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "documents: {}", self.documents)?;
        if let Some(e) = &self.entities {
            writeln!(f)?;
            write!(f, "{e}")?;
        }
        if let Some(a) = &self.attributions {
            writeln!(f)?;
            write!(f, "{a}")?;
        }
        Ok(())
    }
}

fn pct(x: f64) -> String {
    format!("{:.2}", x * 100.0)
}

/// One table row: exact counts and P/R/F1, then the partial or proportional P/R/F1.
fn row(f: &mut fmt::Formatter<'_>, name: &str, exact: Counts, other: Credit) -> fmt::Result {
    let Counts { tp, fp, fn_ } = exact;
    let e = exact.prf();
    let p = other.prf();
    writeln!(
        f,
        "{name:<7} {tp:>6} {fp:>6} {fn_:>6} {:>7} {:>7} {:>7} | {:>7} {:>7} {:>7}",
        pct(e.precision),
        pct(e.recall),
        pct(e.f1),
        pct(p.precision),
        pct(p.recall),
        pct(p.f1),
    )
}

fn header(f: &mut fmt::Formatter<'_>, first: &str) -> fmt::Result {
    writeln!(
        f,
        "{first:<7} {:>6} {:>6} {:>6} {:>7} {:>7} {:>7} | {:>7} {:>7} {:>7}",
        "tp", "fp", "fn", "prec", "rec", "f1", "p-prec", "p-rec", "p-f1"
    )
}

impl fmt::Display for EntityReport {
    /// A table: one row per kind and a micro row; exact counts and P/R/F1, then partial P/R/F1.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "entities (exact: span and kind equal | partial: overlaps gold of same kind), in %"
        )?;
        header(f, "kind")?;
        for (kind, s) in &self.per_kind {
            row(f, kind.as_str(), s.exact, s.partial)?;
        }
        row(f, "micro", self.micro.exact, self.micro.partial)
    }
}

impl fmt::Display for AttributionReport {
    /// A summary line of the alignment, then one row per role: exact counts and P/R/F1, then
    /// proportional P/R/F1.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "attributions: {} predicted, {} gold, {} aligned ({} aligned to optional gold, not scored)",
            self.predicted, self.gold, self.aligned, self.aligned_optional
        )?;
        header(f, "role")?;
        for (name, s) in [
            ("cue", &self.cue),
            ("source", &self.source),
            ("content", &self.content),
        ] {
            row(f, name, s.exact, s.proportional)?;
        }
        writeln!(
            f,
            "(exact: trimmed boundaries equal | p-: proportional overlap), in %"
        )
    }
}
