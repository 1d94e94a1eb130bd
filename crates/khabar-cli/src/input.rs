//! Reading articles: plain-text files (one article each), JSON lines, directories, standard input.
//! Every problem becomes a [`Failure`] that names the input; the other inputs go on.

use std::fmt;
use std::io::Read;
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
/// One JSON line as the batch mode reads it: other fields are ignored.
#[derive(serde::Deserialize)]
struct Line {
    #[serde(default)]
    id: Option<serde_json::Value>,
    text: String,
}

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

/// Decodes bytes as UTF-8, naming the byte offset of the first invalid sequence unless `lossy`.
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

/// Reads all inputs: each plain-text file is one article; with `jsonl`, each line is one.
pub fn read(paths: &[PathBuf], jsonl: bool, lossy: bool) -> (Vec<Article>, Vec<Failure>) {
    let mut failures = Vec::new();
    let mut articles = Vec::new();
    let mut sources: Vec<(String, Result<Vec<u8>, String>)> = Vec::new();
    if paths.is_empty() {
        let mut bytes = Vec::new();
        let read = std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map(|_| bytes)
            .map_err(|e| e.to_string());
        sources.push(("<stdin>".to_string(), read));
    } else {
        for file in files(paths, &mut failures) {
            let read = std::fs::read(&file).map_err(|e| format!("cannot read: {e}"));
            sources.push((file.display().to_string(), read));
        }
    }
    for (name, read) in sources {
        let bytes = match read {
            Ok(bytes) => bytes,
            Err(message) => {
                failures.push(fail(&name, message));
                continue;
            }
        };
        if jsonl {
            read_jsonl(&name, &bytes, lossy, &mut articles, &mut failures);
            continue;
        }
        let text = match decode(bytes, &name, lossy) {
            Ok(text) => text,
            Err(failure) => {
                failures.push(failure);
                continue;
            }
        };
        articles.push(Article {
            id: None,
            name,
            text,
        });
    }
    (articles, failures)
}

/// Reads JSON lines one by one, so that a bad line (invalid UTF-8 or JSON, no text) fails alone.
fn read_jsonl(
    name: &str,
    bytes: &[u8],
    lossy: bool,
    articles: &mut Vec<Article>,
    failures: &mut Vec<Failure>,
) {
    let bytes = bytes.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(bytes);
    let mut offset = 0;
    for (index, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let line_start = offset;
        offset += raw.len() + 1;
        let place = format!("{name}:{}", index + 1);
        let line = match std::str::from_utf8(raw) {
            Ok(line) => std::borrow::Cow::Borrowed(line),
            Err(_) if lossy => String::from_utf8_lossy(raw),
            Err(error) => {
                failures.push(fail(
                    place,
                    format!(
                        "invalid UTF-8 at byte {} (use --lossy to replace it)",
                        line_start + error.valid_up_to()
                    ),
                ));
                continue;
            }
        };
        let line = line.as_ref();
        if line.trim().is_empty() {
            continue;
        }
        // The text is read straight into its String; a line that does not fit the shape is read again
        // as a plain JSON value, only to say what is wrong with it.
        let (id, text) = match serde_json::from_str::<Line>(line) {
            Ok(Line { id, text }) => (id, text),
            Err(e) => {
                let message = match serde_json::from_str::<serde_json::Value>(line) {
                    Err(_) => format!("invalid JSON: {e}"),
                    Ok(value) if !value.get("text").is_some_and(serde_json::Value::is_string) => {
                        "no string field \"text\"".to_string()
                    }
                    Ok(_) => format!("invalid line: {e}"),
                };
                failures.push(fail(place, message));
                continue;
            }
        };
        let id = match id {
            Some(serde_json::Value::String(s)) => Some(Id::Text(s)),
            Some(serde_json::Value::Number(n)) => n.as_i64().map(Id::Number),
            _ => None,
        };
        articles.push(Article {
            id,
            name: place,
            text,
        });
    }
}
