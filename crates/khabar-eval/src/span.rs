//! The two small value types every reader and scorer shares: [`CharSpan`] and [`EntityKind`].

use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};

/// A half-open range `start..end` of Unicode code point (char) offsets into a document's text.
///
/// Gold files count in chars (see the annotation guide's "Offsets"), so the scorers do too; the rest
/// of khabar works in bytes and converts at the boundary. The entity scorer only compares numbers,
/// so the same type also carries token indices when CoNLL files are scored at token level (see
/// [`conll::entity_spans`](crate::conll::entity_spans)).
///
/// In JSON a span is the two-element array `[start, end]`, as in the gold files.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(from = "[usize; 2]", into = "[usize; 2]")]
pub struct CharSpan {
    /// First char offset inside the span.
    pub start: usize,
    /// First char offset after the span (exclusive end).
    pub end: usize,
}

impl CharSpan {
    /// Builds a span; `start > end` is allowed here and simply behaves as empty, because the
    /// scorers must never panic on a bad prediction (the gold reader rejects such spans).
    pub fn new(start: usize, end: usize) -> CharSpan {
        CharSpan { start, end }
    }

    /// The span as a `Range`, to index a `Vec<char>` or a token slice.
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Number of chars (or tokens) covered; zero when `start >= end`.
    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers nothing, which the scorers treat specially.
    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// Number of positions shared with `other`; the measure behind partial and proportional scores.
    pub fn overlap(self, other: CharSpan) -> usize {
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }

    /// The text the span selects in a string, counting chars; `None` when out of bounds.
    ///
    /// Handy in tests and reports to check a span as text, not only as numbers.
    pub fn slice(self, text: &str) -> Option<&str> {
        if self.start > self.end {
            return None;
        }
        let mut indices = text
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(text.len()));
        let from = indices.nth(self.start)?;
        let to = if self.end == self.start {
            from
        } else {
            indices.nth(self.end - self.start - 1)?
        };
        Some(&text[from..to])
    }
}

impl From<Range<usize>> for CharSpan {
    fn from(r: Range<usize>) -> CharSpan {
        CharSpan::new(r.start, r.end)
    }
}

impl From<[usize; 2]> for CharSpan {
    fn from([start, end]: [usize; 2]) -> CharSpan {
        CharSpan::new(start, end)
    }
}

impl From<CharSpan> for [usize; 2] {
    fn from(s: CharSpan) -> [usize; 2] {
        [s.start, s.end]
    }
}

impl fmt::Display for CharSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// The kind of a named entity, shared by CoNLL tags and gold JSON.
///
/// ANERcorp spells people `PERS` and the guide `PER`; both read as [`EntityKind::Per`] so that one
/// scorer serves both data sets. `MISC` exists only in ANERcorp (the guide has no MISC).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum EntityKind {
    /// People (`PER`, ANERcorp `PERS`).
    #[serde(rename = "PER", alias = "PERS")]
    Per,
    /// Organisations, institutions, parties, media outlets, companies (`ORG`).
    #[serde(rename = "ORG")]
    Org,
    /// Countries, cities, regions, facilities, governments by metonymy (`LOC`).
    #[serde(rename = "LOC")]
    Loc,
    /// ANERcorp's miscellaneous class (`MISC`); not used by the annotation guide.
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityKind {
    /// The kinds of the annotation guide, scored by default.
    pub const CORE: &'static [EntityKind] = &[EntityKind::Per, EntityKind::Org, EntityKind::Loc];

    /// Every kind, MISC included, for comparisons with published ANERcorp scores.
    pub const ALL: &'static [EntityKind] = &[
        EntityKind::Per,
        EntityKind::Org,
        EntityKind::Loc,
        EntityKind::Misc,
    ];

    /// Reads a label as written in CoNLL tags or gold JSON (`PER`, `PERS`, `ORG`, `LOC`, `MISC`).
    pub fn from_label(label: &str) -> Option<EntityKind> {
        match label {
            "PER" | "PERS" => Some(EntityKind::Per),
            "ORG" => Some(EntityKind::Org),
            "LOC" => Some(EntityKind::Loc),
            "MISC" => Some(EntityKind::Misc),
            _ => None,
        }
    }

    /// The guide's label (`PER`, `ORG`, `LOC`, `MISC`), used in reports and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Per => "PER",
            EntityKind::Org => "ORG",
            EntityKind::Loc => "LOC",
            EntityKind::Misc => "MISC",
        }
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_and_len() {
        let a = CharSpan::new(2, 6);
        assert_eq!(a.overlap(CharSpan::new(4, 10)), 2);
        assert_eq!(a.overlap(CharSpan::new(6, 10)), 0);
        assert_eq!(CharSpan::new(5, 3).len(), 0);
        assert_eq!(CharSpan::new(5, 3).overlap(a), 0);
    }

    #[test]
    fn slice_counts_chars() {
        let text = "قال السوداني";
        assert_eq!(CharSpan::new(4, 12).slice(text), Some("السوداني"));
        assert_eq!(CharSpan::new(0, 3).slice(text), Some("قال"));
        assert_eq!(CharSpan::new(12, 12).slice(text), Some(""));
        assert_eq!(CharSpan::new(4, 13).slice(text), None);
    }

    #[test]
    fn json_is_a_pair() {
        let s: CharSpan = serde_json::from_str("[3, 7]").unwrap();
        assert_eq!(s, CharSpan::new(3, 7));
        assert_eq!(serde_json::to_string(&s).unwrap(), "[3,7]");
        let k: EntityKind = serde_json::from_str("\"PERS\"").unwrap();
        assert_eq!(k, EntityKind::Per);
    }
}
