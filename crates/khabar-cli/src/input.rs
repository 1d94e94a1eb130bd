//! Reading articles: plain-text files (one article each), JSON lines, directories, standard input.
//! Every problem becomes a [`Failure`] that names the input; the other inputs go on.
//!
//! Articles are read one at a time ([`Articles`]): a plain-text file whole, JSON lines line by line, so a
//! stream of any length is analysed in bounded memory and its first results come out at once.

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::PathBuf;

use khabar::JsonId as Id;

/// One article to analyse.
pub struct Article {
    /// The id from a JSON line.
    pub id: Option<Id>,
    /// Where it came from, for messages: `file` or `file:line`.
    pub name: String,
    /// Its text.
    pub text: String,
}

/// An input that could not be read, with where and why.
pub struct Failure {
    place: String,
    message: String,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

fn fail(place: impl Into<String>, message: impl Into<String>) -> Failure {
    Failure {
        place: place.into(),
        message: message.into(),
    }
}

/// One JSON line as the batch mode reads it: other fields are ignored.
#[derive(serde::Deserialize)]
struct Line {
    #[serde(default)]
    id: Option<serde_json::Value>,
    text: String,
}

/// [`Line`] as the fast path reads it: the text's JSON string as serde_json checked it, for
/// [`unescape`].
#[derive(serde::Deserialize)]
struct RawLine<'a> {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(borrow)]
    text: &'a serde_json::value::RawValue,
}

/// Expands directories (recursively, sorted by name).
fn files(paths: &[PathBuf], failures: &mut Vec<Failure>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            match std::fs::read_dir(path) {
                Ok(entries) => {
                    let mut children: Vec<PathBuf> =
                        entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
                    children.sort();
                    out.extend(files(&children, failures));
                }
                Err(e) => failures.push(fail(
                    path.display().to_string(),
                    format!("cannot read directory: {e}"),
                )),
            }
        } else {
            out.push(path.clone());
        }
    }
    out
}

fn decode(bytes: Vec<u8>, place: &str, lossy: bool) -> Result<String, Failure> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(error) if lossy => Ok(String::from_utf8_lossy(error.as_bytes()).into_owned()),
        Err(error) => Err(fail(
            place,
            format!(
                "invalid UTF-8 at byte {} (use --lossy to replace it)",
                error.utf8_error().valid_up_to()
            ),
        )),
    }
}

/// The input open now: its name for messages, and for JSON lines the reader and where it is.
struct Open {
    name: String,
    reader: Box<dyn BufRead + Send>,
    /// Lines read so far.
    line: usize,
    /// Bytes read so far.
    offset: usize,
}

/// The articles of the inputs, in input order, each `Ok` or a [`Failure`] naming the input (and line).
pub struct Articles {
    /// Inputs not yet opened, last first; `None` stands for standard input.
    pending: Vec<Option<PathBuf>>,
    /// Failures found before reading (unreadable directories), reported first.
    early: Vec<Failure>,
    jsonl: bool,
    lossy: bool,
    open: Option<Open>,
    line_buffer: Vec<u8>,
    /// Bytes of input read so far, for progress.
    pub bytes_read: u64,
    /// Total size of the input files when known (not for standard input), for progress.
    pub bytes_total: Option<u64>,
}

/// Bytes asked of a JSON-lines input per read. Between reads the batch leaves the page cache cold, and
/// a system call on this kind of virtual machine is dear: over the 99 MB corpus, 1,546 reads of 64 KiB
/// took 142 ms, 108 reads of 1 MiB 77 ms (`perf trace -s`); larger reads gained nothing more.
const READ_BUFFER: usize = 1 << 20;

/// Reads `paths` (directories expanded, standard input when there are none).
pub fn articles(paths: &[PathBuf], jsonl: bool, lossy: bool) -> Articles {
    let mut early = Vec::new();
    let (pending, bytes_total) = if paths.is_empty() {
        (vec![None], None)
    } else {
        let files = files(paths, &mut early);
        let total = files
            .iter()
            .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
            .sum();
        (files.into_iter().rev().map(Some).collect(), Some(total))
    };
    early.reverse();
    Articles {
        pending,
        early,
        jsonl,
        lossy,
        open: None,
        line_buffer: Vec::new(),
        bytes_read: 0,
        bytes_total,
    }
}

impl Iterator for Articles {
    type Item = Result<Article, Failure>;

    fn next(&mut self) -> Option<Result<Article, Failure>> {
        if let Some(failure) = self.early.pop() {
            return Some(Err(failure));
        }
        loop {
            if self.open.is_some() {
                if let Some(item) = self.next_line() {
                    return Some(item);
                }
                self.open = None;
            }
            let source = self.pending.pop()?;
            let name = source
                .as_ref()
                .map_or_else(|| "<stdin>".to_string(), |p| p.display().to_string());
            let reader: Box<dyn Read + Send> = match &source {
                None => Box::new(std::io::stdin()),
                Some(path) => match File::open(path) {
                    Ok(file) => Box::new(file),
                    Err(e) => return Some(Err(fail(name, format!("cannot read: {e}")))),
                },
            };
            if self.jsonl {
                self.open = Some(Open {
                    name,
                    reader: Box::new(BufReader::with_capacity(READ_BUFFER, reader)),
                    line: 0,
                    offset: 0,
                });
                continue;
            }
            return Some(self.whole(name, reader));
        }
    }
}

impl Articles {
    /// A plain-text input as one article.
    fn whole(
        &mut self,
        name: String,
        mut reader: Box<dyn Read + Send>,
    ) -> Result<Article, Failure> {
        let mut bytes = Vec::new();
        if let Err(e) = reader.read_to_end(&mut bytes) {
            return Err(fail(name, format!("cannot read: {e}")));
        }
        self.bytes_read += bytes.len() as u64;
        let text = decode(bytes, &name, self.lossy)?;
        Ok(Article {
            id: None,
            name,
            text,
        })
    }

    /// The next article of the open JSON-lines input, skipping blank lines; `None` at its end.
    fn next_line(&mut self) -> Option<Result<Article, Failure>> {
        let open = self.open.as_mut()?;
        loop {
            self.line_buffer.clear();
            let read = match read_line(&mut open.reader, &mut self.line_buffer) {
                Ok(0) => return None,
                Ok(read) => read,
                Err(e) => {
                    let place = format!("{}:{}", open.name, open.line + 1);
                    // The reader cannot go on past an error: this input ends here.
                    self.open = None;
                    return Some(Err(fail(place, format!("cannot read: {e}"))));
                }
            };
            self.bytes_read += read as u64;
            let line_start = open.offset;
            open.offset += read;
            open.line += 1;
            let mut raw = self.line_buffer.as_slice();
            raw = raw.strip_suffix(b"\n").unwrap_or(raw);
            if open.line == 1 {
                raw = raw.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(raw);
            }
            let place = format!("{}:{}", open.name, open.line);
            // The fast check only says whether the line is valid; std's says where it goes wrong.
            let line = match simdutf8::basic::from_utf8(raw).or_else(|_| std::str::from_utf8(raw)) {
                Ok(line) => std::borrow::Cow::Borrowed(line),
                Err(_) if self.lossy => String::from_utf8_lossy(raw),
                Err(error) => {
                    let message = format!(
                        "invalid UTF-8 at byte {} (use --lossy to replace it)",
                        line_start + error.valid_up_to()
                    );
                    return Some(Err(fail(place, message)));
                }
            };
            if line.trim().is_empty() {
                continue;
            }
            return Some(parse_line(&line, place));
        }
    }
}

/// `BufRead::read_until(b'\n', line)`, which it replaces because std looks for the line break a word at a
/// time and memchr sixteen or thirty-two bytes at a time.
fn read_line(reader: &mut impl BufRead, line: &mut Vec<u8>) -> io::Result<usize> {
    let mut read = 0;
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let (used, ended) = match memchr::memchr(b'\n', available) {
            Some(at) => (at + 1, true),
            None => (available.len(), available.is_empty()),
        };
        line.extend_from_slice(&available[..used]);
        reader.consume(used);
        read += used;
        if ended {
            return Ok(read);
        }
    }
}

/// The value of the JSON string `raw` (quotes included), which serde_json has checked, unescaped straight
/// into a String of its size: serde_json would unescape it into a scratch buffer that grows as it goes,
/// then copy it. `None` for what it leaves to serde_json: anything but a string, and `\u` escapes of
/// surrogates (whose errors serde_json reports).
fn unescape(raw: &str) -> Option<String> {
    let mut rest = raw.strip_prefix('"')?.strip_suffix('"')?;
    let mut text = String::with_capacity(rest.len());
    while let Some(at) = memchr::memchr(b'\\', rest.as_bytes()) {
        text.push_str(&rest[..at]);
        let escape = *rest.as_bytes().get(at + 1)?;
        rest = &rest[at + 2..];
        text.push(match escape {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{C}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let hex = rest.get(..4)?;
                rest = &rest[4..];
                char::from_u32(u32::from_str_radix(hex, 16).ok()?)?
            }
            _ => return None,
        });
    }
    text.push_str(rest);
    Some(text)
}

/// One JSON line as an article. The text is unescaped straight into its String when it can be; otherwise
/// the line is read again with the text as a plain String, and a line that does not fit the shape is read
/// once more as a plain JSON value, only to say what is wrong with it.
fn parse_line(line: &str, place: String) -> Result<Article, Failure> {
    let fast = serde_json::from_str::<RawLine<'_>>(line)
        .ok()
        .and_then(|RawLine { id, text }| {
            Some(Line {
                id,
                text: unescape(text.get())?,
            })
        });
    let Line { id, text } = fast
        .map_or_else(|| serde_json::from_str::<Line>(line), Ok)
        .map_err(|e| {
            let message = match serde_json::from_str::<serde_json::Value>(line) {
                Err(_) => format!("invalid JSON: {e}"),
                Ok(value) if !value.get("text").is_some_and(serde_json::Value::is_string) => {
                    "no string field \"text\"".to_string()
                }
                Ok(_) => format!("invalid line: {e}"),
            };
            fail(place.as_str(), message)
        })?;
    let id = match id {
        Some(serde_json::Value::String(s)) => Some(Id::Text(s)),
        Some(serde_json::Value::Number(n)) => n.as_i64().map(Id::Number),
        _ => None,
    };
    Ok(Article {
        id,
        name: place,
        text,
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::unescape;

    /// `text` as a JSON string with every char escaped as `\uXXXX` (astral ones as surrogate pairs), as
    /// Python's `json.dumps` writes text by default.
    fn ascii_json(text: &str) -> String {
        let units: String = text
            .encode_utf16()
            .map(|unit| format!("\\u{unit:04x}"))
            .collect();
        format!("\"{units}\"")
    }

    proptest! {
        /// Strings as serde_json writes them, and as Python does: the same text back, except where
        /// surrogates are left to serde_json.
        #[test]
        fn unescapes_what_serde_json_reads(text in any::<String>()) {
            let plain = serde_json::to_string(&text).unwrap();
            prop_assert_eq!(unescape(&plain), Some(text.clone()));
            let astral = text.chars().any(|c| c.len_utf16() == 2);
            prop_assert_eq!(unescape(&ascii_json(&text)), (!astral).then_some(text));
        }
    }

    #[test]
    fn leaves_surrogates_and_other_values_to_serde_json() {
        for raw in [
            r#""\ud800""#,
            r#""x \ud83d\ude00""#,
            "null",
            "12",
            r#"["x"]"#,
        ] {
            assert_eq!(unescape(raw), None, "{raw}");
        }
        assert_eq!(
            unescape(r#""\"\\\/\b\f\n\r\t\u0628""#).as_deref(),
            Some("\"\\/\u{8}\u{C}\n\r\tب")
        );
    }
}
