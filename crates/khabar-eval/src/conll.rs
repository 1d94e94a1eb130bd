//! CoNLL / IOB2 reader (ANERcorp format) and the tag-to-entity conversion used to score it.
//!
//! A file holds one `token TAG` pair per line (a single space in ANERcorp; tabs and runs of
//! whitespace are accepted too), a blank line between sentences, and IOB2 tags `O`, `B-X`, `I-X`
//! with X one of `PERS`, `PER`, `ORG`, `LOC`, `MISC`. Lines starting with `-DOCSTART-` are skipped.

use std::fmt;
use std::path::Path;

use serde::Serialize;

use crate::{CharSpan, EntityKind, Error};

/// One IOB2 tag: outside, beginning or inside of an entity of some kind.
///
/// Serialises as its text (`"B-PER"`), like [`Display`](fmt::Display).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tag {
    /// Not part of an entity.
    O,
    /// First token of an entity.
    B(EntityKind),
    /// A following token of an entity (or, after `O` or another kind, the start of a new one).
    I(EntityKind),
}

impl Tag {
    /// Reads a tag as written in CoNLL files; `None` for anything that is not IOB2 of a known kind.
    pub fn parse(s: &str) -> Option<Tag> {
        if s == "O" {
            return Some(Tag::O);
        }
        let (prefix, label) = s.split_once('-')?;
        let kind = EntityKind::from_label(label)?;
        match prefix {
            "B" => Some(Tag::B(kind)),
            "I" => Some(Tag::I(kind)),
            _ => None,
        }
    }

    /// The entity kind, if the tag is inside an entity.
    pub fn kind(self) -> Option<EntityKind> {
        match self {
            Tag::O => None,
            Tag::B(k) | Tag::I(k) => Some(k),
        }
    }
}

impl fmt::Display for Tag {
    /// Writes the guide's spelling (`B-PER`, not ANERcorp's `B-PERS`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tag::O => f.write_str("O"),
            Tag::B(k) => write!(f, "B-{k}"),
            Tag::I(k) => write!(f, "I-{k}"),
        }
    }
}

impl Serialize for Tag {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// One sentence of a CoNLL file: tokens and their tags, always of equal length.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// The tokens, as written in the file.
    pub tokens: Vec<String>,
    /// One tag per token.
    pub tags: Vec<Tag>,
}

impl Sentence {
    /// The sentence's entities as token index ranges, see [`entity_spans`].
    pub fn entities(&self) -> Vec<EntitySpan> {
        entity_spans(&self.tags)
    }
}

/// An entity as the scorers see it: a kind and a span.
///
/// The span is in chars for gold JSON and in token indices for CoNLL; the entity scorer only
/// compares numbers, so both work as long as gold and prediction use the same unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct EntitySpan {
    /// What the entity is.
    pub kind: EntityKind,
    /// Where it is (chars or tokens, end exclusive).
    pub span: CharSpan,
}

/// Reads a CoNLL file from disk; errors name the file and line.
pub fn read_conll(path: impl AsRef<Path>) -> Result<Vec<Sentence>, Error> {
    let path = path.as_ref();
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    parse_conll(&text, &path.display().to_string())
}

/// Parses CoNLL text; `source_name` is the file name used in error messages.
pub fn parse_conll(text: &str, source_name: &str) -> Result<Vec<Sentence>, Error> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut sentences = Vec::new();
    let mut current = Sentence::default();
    for (index, line) in text.lines().enumerate() {
        let line_no = index + 1;
        let line = line.trim();
        if line.is_empty() {
            if !current.tokens.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            continue;
        }
        if line.starts_with("-DOCSTART-") {
            continue;
        }
        let Some(split) = line.rfind(char::is_whitespace) else {
            return Err(Error::conll(
                source_name,
                line_no,
                format!("expected `token tag`, found {line:?}"),
            ));
        };
        let token = line[..split].trim_end();
        let tag_text = line[split..].trim_start();
        let Some(tag) = Tag::parse(tag_text) else {
            return Err(Error::conll(
                source_name,
                line_no,
                format!(
                    "unknown tag {tag_text:?} (expected O, B-X or I-X with X in PERS, PER, ORG, LOC, MISC)"
                ),
            ));
        };
        current.tokens.push(token.to_owned());
        current.tags.push(tag);
    }
    if !current.tokens.is_empty() {
        sentences.push(current);
    }
    Ok(sentences)
}

/// Turns an IOB2 tag sequence into entities with token index spans.
///
/// Follows conlleval: `B-X` always starts an entity; `I-X` continues the open entity only if it is
/// of kind X, and otherwise (after `O` or another kind) starts a new one.
pub fn entity_spans(tags: &[Tag]) -> Vec<EntitySpan> {
    let mut out = Vec::new();
    let mut open: Option<(EntityKind, usize)> = None;
    for (i, &tag) in tags.iter().enumerate() {
        let continues = matches!((tag, open), (Tag::I(k), Some((open_kind, _))) if k == open_kind);
        if continues {
            continue;
        }
        if let Some((kind, start)) = open.take() {
            out.push(EntitySpan {
                kind,
                span: CharSpan::new(start, i),
            });
        }
        if let Some(kind) = tag.kind() {
            open = Some((kind, i));
        }
    }
    if let Some((kind, start)) = open {
        out.push(EntitySpan {
            kind,
            span: CharSpan::new(start, tags.len()),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    type Row = (EntityKind, usize, usize);

    fn spans(tags: &str) -> Vec<Row> {
        let tags: Vec<Tag> = tags.split(' ').map(|t| Tag::parse(t).unwrap()).collect();
        entity_spans(&tags)
            .into_iter()
            .map(|e| (e.kind, e.span.start, e.span.end))
            .collect()
    }

    #[test]
    fn iob2_to_spans() {
        use EntityKind::*;
        let table: &[(&str, Vec<Row>)] = &[
            ("O O", vec![]),
            ("B-PERS I-PERS O B-LOC", vec![(Per, 0, 2), (Loc, 3, 4)]),
            ("B-ORG B-ORG", vec![(Org, 0, 1), (Org, 1, 2)]),
            ("O I-LOC I-LOC", vec![(Loc, 1, 3)]),
            ("B-PER I-LOC", vec![(Per, 0, 1), (Loc, 1, 2)]),
            ("I-MISC", vec![(Misc, 0, 1)]),
            ("B-LOC I-LOC I-LOC", vec![(Loc, 0, 3)]),
        ];
        for (tags, expected) in table {
            assert_eq!(&spans(tags), expected, "tags {tags}");
        }
    }

    #[test]
    fn parses_sentences_and_tabs() {
        let text = "\u{FEFF}فرانكفورت B-LOC\n( O\n\nقال\tO\nالسوداني  B-PERS\n\n\n";
        let s = parse_conll(text, "t.txt").unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].tokens, ["فرانكفورت", "("]);
        assert_eq!(s[1].tags, [Tag::O, Tag::B(EntityKind::Per)]);
        assert_eq!(s[1].tokens[1], "السوداني");
    }

    #[test]
    fn malformed_lines_name_file_and_line() {
        let e = parse_conll("a O\nb\n", "x.txt").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Conll);
        assert_eq!(e.line(), Some(2));
        assert!(e.to_string().starts_with("x.txt:2: "), "{e}");
        let e = parse_conll("a O\n\nb B-GPE\n", "x.txt").unwrap_err();
        assert_eq!(e.line(), Some(3));
        assert!(e.to_string().contains("unknown tag \"B-GPE\""), "{e}");
    }

    #[test]
    fn tag_display_uses_guide_labels() {
        assert_eq!(Tag::parse("B-PERS").unwrap().to_string(), "B-PER");
        assert_eq!(Tag::parse("I-ORG").unwrap().to_string(), "I-ORG");
        assert_eq!(Tag::parse("E-ORG"), None);
    }
}
