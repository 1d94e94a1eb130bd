//! Compact JSON for [`JsonAnalysis`], written straight into a byte buffer.
//!
//! Batch output spends most of its serialisation time escaping strings, and almost every string it
//! writes (names, quotations, whole sentences of Arabic) needs no escape at all. This writer checks
//! sixteen bytes at a time for the three things JSON escapes (control characters, `"` and `\`) and
//! copies clean runs whole. Its output is byte for byte what `serde_json::to_writer` makes of the
//! same value, which the tests check on real articles and on strings full of escapes.

use super::{JsonAnalysis, JsonAttribution, JsonId, JsonMention, JsonSpan, JsonToken};

impl JsonAnalysis<'_> {
    /// Appends the document to `out` as compact JSON (no whitespace, no trailing newline): the same
    /// bytes as `serde_json::to_writer`, several times faster on Arabic text.
    ///
    /// ```
    /// let analyzer = khabar::Analyzer::new();
    /// let analysis = analyzer.analyze("قال الرئيس العراقي إن بغداد ترحب.");
    /// let json = analysis.to_json(&analyzer, khabar::OffsetUnit::Char, false);
    /// let mut out = Vec::new();
    /// json.write_compact(&mut out);
    /// assert_eq!(out, serde_json::to_vec(&json).unwrap());
    /// ```
    pub fn write_compact(&self, out: &mut Vec<u8>) {
        out.push(b'{');
        if let Some(id) = &self.id {
            out.extend_from_slice(b"\"id\":");
            match id {
                JsonId::Text(text) => write_str(out, text),
                JsonId::Number(number) => {
                    out.extend_from_slice(itoa::Buffer::new().format(*number).as_bytes())
                }
            }
            out.push(b',');
        }
        out.extend_from_slice(b"\"offsets\":");
        write_name(out, self.offsets.as_str());
        out.extend_from_slice(b",\"mentions\":");
        write_array(out, &self.mentions, write_mention);
        out.extend_from_slice(b",\"attributions\":");
        write_array(out, &self.attributions, write_attribution);
        out.extend_from_slice(b",\"sentences\":");
        write_array(out, &self.sentences, write_span);
        if let Some(tokens) = &self.tokens {
            out.extend_from_slice(b",\"tokens\":");
            write_array(out, tokens, write_token);
        }
        out.push(b'}');
    }
}

/// `[item,item,…]`.
fn write_array<T>(out: &mut Vec<u8>, items: &[T], write: impl Fn(&mut Vec<u8>, &T)) {
    out.push(b'[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write(out, item);
    }
    out.push(b']');
}

fn write_span(out: &mut Vec<u8>, span: &JsonSpan<'_>) {
    write_offsets(out, span.start, span.end, span.text);
    out.push(b'}');
}

/// `{"start":…,"end":…,"text":…` — the opening every span, mention and token shares; the caller
/// writes the rest of the object.
fn write_offsets(out: &mut Vec<u8>, start: usize, end: usize, text: &str) {
    let mut number = itoa::Buffer::new();
    out.extend_from_slice(b"{\"start\":");
    out.extend_from_slice(number.format(start).as_bytes());
    out.extend_from_slice(b",\"end\":");
    out.extend_from_slice(number.format(end).as_bytes());
    out.extend_from_slice(b",\"text\":");
    write_str(out, text);
}

fn write_mention(out: &mut Vec<u8>, mention: &JsonMention<'_>) {
    write_offsets(out, mention.start, mention.end, mention.text);
    out.extend_from_slice(b",\"kind\":");
    write_name(out, mention.kind);
    out.extend_from_slice(b",\"entity\":");
    write_option(out, mention.entity.as_ref(), |out, id| write_str(out, id));
    out.extend_from_slice(b",\"canonical\":");
    write_option(out, mention.canonical.as_ref(), |out, name| {
        write_str(out, name)
    });
    out.extend_from_slice(b",\"source\":");
    write_name(out, mention.source);
    if let Some(proclitic) = &mention.proclitic {
        out.extend_from_slice(b",\"proclitic\":");
        write_span(out, proclitic);
    }
    if !mention.also.is_empty() {
        out.extend_from_slice(b",\"also\":");
        write_array(out, &mention.also, |out, id| write_str(out, id));
    }
    out.push(b'}');
}

fn write_attribution(out: &mut Vec<u8>, attribution: &JsonAttribution<'_>) {
    out.extend_from_slice(b"{\"cue\":");
    write_span(out, &attribution.cue);
    out.extend_from_slice(b",\"cue_lemma\":");
    write_str(out, attribution.cue_lemma);
    out.extend_from_slice(b",\"cue_kind\":");
    write_name(out, attribution.cue_kind.as_str());
    out.extend_from_slice(b",\"source\":");
    write_option(out, attribution.source.as_ref(), write_span);
    out.extend_from_slice(b",\"content\":");
    write_span(out, &attribution.content);
    out.extend_from_slice(b",\"kind\":");
    write_name(out, attribution.kind.as_str());
    out.extend_from_slice(b",\"source_kind\":");
    write_option(out, attribution.source_kind.as_ref(), |out, kind| {
        write_name(out, kind.as_str())
    });
    out.extend_from_slice(b",\"source_entity\":");
    write_option(out, attribution.source_entity.as_ref(), |out, id| {
        write_str(out, id)
    });
    out.extend_from_slice(b",\"continues\":");
    write_option(out, attribution.continues.as_ref(), |out, index| {
        out.extend_from_slice(itoa::Buffer::new().format(*index).as_bytes())
    });
    out.extend_from_slice(b",\"rule\":");
    write_name(out, attribution.rule);
    out.push(b'}');
}

fn write_token(out: &mut Vec<u8>, token: &JsonToken<'_>) {
    write_offsets(out, token.start, token.end, token.text);
    out.extend_from_slice(b",\"norm\":");
    write_str(out, token.norm);
    out.extend_from_slice(b",\"kind\":");
    write_name(out, token.kind.as_str());
    out.push(b'}');
}

/// The value, or `null`.
fn write_option<T>(out: &mut Vec<u8>, value: Option<&T>, write: impl Fn(&mut Vec<u8>, &T)) {
    match value {
        Some(value) => write(out, value),
        None => out.extend_from_slice(b"null"),
    }
}

/// Bytes checked for escapes at once: the check of a whole block compiles to a few vector instructions
/// and one branch.
const BLOCK: usize = 16;

/// Whether any byte of `block` is one JSON escapes: below 0x20, `"` or `\`. No early exit, so that the
/// compiler checks all the bytes side by side.
#[inline]
fn needs_escape(block: &[u8; BLOCK]) -> bool {
    block.iter().fold(false, |found, &byte| {
        found | (byte < 0x20) | (byte == b'"') | (byte == b'\\')
    })
}

/// The [`BLOCK`] bytes from `from` on, padded with spaces (which need no escape) past the end.
#[inline]
fn block_at(bytes: &[u8], from: usize) -> [u8; BLOCK] {
    let rest = &bytes[from..];
    match rest
        .get(..BLOCK)
        .and_then(|block| <[u8; BLOCK]>::try_from(block).ok())
    {
        Some(block) => block,
        None => {
            let mut padded = [b' '; BLOCK];
            padded[..rest.len()].copy_from_slice(rest);
            padded
        }
    }
}

/// The escape JSON writes for `byte`, if it needs one, as serde_json writes it.
fn escape(byte: u8) -> Option<&'static [u8]> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    Some(match byte {
        b'"' => b"\\\"",
        b'\\' => b"\\\\",
        b'\n' => b"\\n",
        b'\r' => b"\\r",
        b'\t' => b"\\t",
        0x08 => b"\\b",
        0x0C => b"\\f",
        0x00..0x20 => {
            // Other control characters as \u00XX; built once per control byte in a static table.
            static CONTROLS: [[u8; 6]; 32] = {
                let mut table = [[0; 6]; 32];
                let mut byte = 0;
                while byte < 32 {
                    table[byte] = [b'\\', b'u', b'0', b'0', HEX[byte >> 4], HEX[byte & 0xF]];
                    byte += 1;
                }
                table
            };
            &CONTROLS[usize::from(byte)]
        }
        _ => return None,
    })
}

/// Writes a short name (a kind, a label, a rule: khabar's own are ASCII words that need no escape) with
/// one plain check of its bytes instead of [`write_str`]'s machinery, which costs more than the copy for
/// strings this short. A name that does need escapes (the JSON structs are public) goes to `write_str`.
fn write_name(out: &mut Vec<u8>, name: &str) {
    if name.bytes().any(|byte| escape(byte).is_some()) {
        return write_str(out, name);
    }
    out.push(b'"');
    out.extend_from_slice(name.as_bytes());
    out.push(b'"');
}

/// Writes `text` as a JSON string: quoted, escaped where JSON requires. Blocks without an escape, almost
/// all of them, are copied with the run they belong to; only a block with one is read byte by byte.
fn write_str(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut copied_to = 0;
    for from in (0..bytes.len()).step_by(BLOCK) {
        if !needs_escape(&block_at(bytes, from)) {
            continue;
        }
        for at in from..bytes.len().min(from + BLOCK) {
            if let Some(escaped) = escape(bytes[at]) {
                out.extend_from_slice(&bytes[copied_to..at]);
                out.extend_from_slice(escaped);
                copied_to = at + 1;
            }
        }
    }
    out.extend_from_slice(&bytes[copied_to..]);
    out.push(b'"');
}
