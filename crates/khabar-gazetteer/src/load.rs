//! Readers for gazetteer files: tab-separated values and JSON lines.
//!
//! TSV: one entity a line, `id<TAB>kind<TAB>name<TAB>aliases<TAB>attributes`, where aliases are separated
//! by `|` and attributes are `key=value` pairs separated by `;`. The last two columns may be empty or
//! missing. Blank lines and lines starting with `#` are skipped.
//!
//! JSON lines: one [`Entity`] object a line: `{"id", "kind", "name", "aliases"?, "attributes"?}`.

use crate::{Entity, EntityKind, Error};

/// One entity read from a file, with the line it came from (for error messages that point at it).
pub(crate) struct Located {
    pub entity: Entity,
    pub line: usize,
}

/// Parses TSV gazetteer text. `origin` names the input in errors.
pub(crate) fn parse_tsv(text: &str, origin: &str) -> Result<Vec<Located>, Error> {
    let mut out = Vec::new();
    for (index, raw) in without_bom(text).lines().enumerate() {
        let line = index + 1;
        let row = raw.trim_end_matches('\r');
        if row.trim().is_empty() || row.trim_start().starts_with('#') {
            continue;
        }
        let columns: Vec<&str> = row.split('\t').collect();
        if columns.len() < 3 {
            return Err(Error::parse(
                origin,
                line,
                format!(
                    "expected at least 3 tab-separated columns (id, kind, name), found {}",
                    columns.len()
                ),
            ));
        }
        if columns.len() > 5 {
            return Err(Error::parse(
                origin,
                line,
                format!("expected at most 5 columns, found {}", columns.len()),
            ));
        }
        let kind: EntityKind = columns[1]
            .parse()
            .map_err(|message: String| Error::parse(origin, line, message))?;
        let mut entity = Entity::new(columns[0].trim(), kind, columns[2].trim());
        if let Some(aliases) = columns.get(3) {
            entity.aliases = aliases
                .split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(String::from)
                .collect();
        }
        if let Some(attributes) = columns.get(4) {
            for pair in attributes
                .split(';')
                .map(str::trim)
                .filter(|p| !p.is_empty())
            {
                let Some((key, value)) = pair.split_once('=') else {
                    return Err(Error::parse(
                        origin,
                        line,
                        format!("attribute {pair:?} is not key=value"),
                    ));
                };
                if key.trim().is_empty() {
                    return Err(Error::parse(
                        origin,
                        line,
                        format!("attribute {pair:?} has an empty key"),
                    ));
                }
                entity
                    .attributes
                    .insert(key.trim().to_string(), value.trim().to_string());
            }
        }
        out.push(Located { entity, line });
    }
    Ok(out)
}

/// Parses JSON-lines gazetteer text. `origin` names the input in errors.
pub(crate) fn parse_jsonl(text: &str, origin: &str) -> Result<Vec<Located>, Error> {
    let mut out = Vec::new();
    for (index, raw) in without_bom(text).lines().enumerate() {
        let line = index + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let entity: Entity = serde_json::from_str(raw).map_err(|e| {
            // serde_json counts lines inside the one line it was given ("at line 1 column 9"): keep
            // only the column, the file's line is in front.
            let message = e.to_string();
            let message = message
                .rsplit_once(" at line ")
                .map_or(message.as_str(), |(m, _)| m);
            Error::parse(
                origin,
                line,
                format!(
                    "invalid entity JSON at column {}: {message}",
                    char_column(raw, e.column())
                ),
            )
        })?;
        out.push(Located { entity, line });
    }
    Ok(out)
}

/// serde_json counts columns in bytes; editors count characters (Arabic letters are two bytes each).
fn char_column(line: &str, byte_column: usize) -> usize {
    line.char_indices()
        .take_while(|&(at, _)| at + 1 < byte_column)
        .count()
        + 1
}

/// The text without the byte-order mark some editors write at the start of a UTF-8 file.
fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{FEFF}').unwrap_or(text)
}
