//! `khabar corpus`: turns the SaudiNewsNet zip files (each holding one JSON array of articles
//! `{source, url, date_extracted, title, author, content}`) into JSON lines `{"id", "text"}` that
//! `khabar analyze --input jsonl` reads.
//!
//! The zip container is read here (end-of-central-directory record, central directory, local headers);
//! the deflate streams are inflated by `miniz_oxide`, and every member is checked against its CRC-32.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use clap::Args;
use serde::{Deserialize, Serialize};

/// `khabar corpus`.
#[derive(Args)]
pub struct CorpusArgs {
    /// A directory of `*.zip` files (read in name order), or zip files.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The JSON-lines file to write (standard output when absent).
    #[arg(short, long, value_name = "OUT.jsonl")]
    output: Option<PathBuf>,
}

/// The fields of a SaudiNewsNet article that make its text.
#[derive(Deserialize)]
struct RawArticle {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    content: Option<String>,
}

#[derive(Serialize)]
struct Line<'a> {
    id: &'a str,
    text: &'a str,
}

/// Runs the conversion; `Ok(false)` when some zip could not be read (each is named on stderr).
pub fn run(args: &CorpusArgs) -> io::Result<bool> {
    let mut zips = Vec::new();
    for path in &args.paths {
        if path.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(|e| io::Error::other(format!("{}: {e}", path.display())))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("zip")))
                .collect();
            found.sort();
            if found.is_empty() {
                eprintln!("khabar: {}: no .zip files", path.display());
            }
            zips.extend(found);
        } else {
            zips.push(path.clone());
        }
    }

    let sink: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(
            File::create(path)
                .map_err(|e| io::Error::other(format!("{}: cannot create: {e}", path.display())))?,
        ),
        None => Box::new(io::stdout().lock()),
    };
    let mut out = BufWriter::new(sink);
    let (mut ok, mut articles, mut bytes, mut empty) = (true, 0usize, 0usize, 0usize);
    for zip in &zips {
        let name = zip.file_name().map_or_else(
            || zip.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let members = match read_zip(zip) {
            Ok(members) => members,
            Err(message) => {
                eprintln!("khabar: {}: {message}", zip.display());
                ok = false;
                continue;
            }
        };
        let mut index = 0usize;
        for (member, data) in members {
            if !member.to_ascii_lowercase().ends_with(".json") {
                continue;
            }
            let raw: Vec<RawArticle> = match serde_json::from_slice(&data) {
                Ok(raw) => raw,
                Err(e) => {
                    eprintln!(
                        "khabar: {}: {member}: not a JSON array of articles: {e}",
                        zip.display()
                    );
                    ok = false;
                    continue;
                }
            };
            for article in raw {
                let id = format!("{name}#{index}");
                index += 1;
                let parts: Vec<&str> = [article.title.as_deref(), article.content.as_deref()]
                    .into_iter()
                    .flatten()
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .collect();
                if parts.is_empty() {
                    empty += 1;
                    continue;
                }
                let text = parts.join("\n\n");
                serde_json::to_writer(
                    &mut out,
                    &Line {
                        id: &id,
                        text: &text,
                    },
                )?;
                out.write_all(b"\n")?;
                articles += 1;
                bytes += text.len();
            }
        }
    }
    out.flush()?;
    eprintln!(
        "khabar: {} zip files, {articles} articles, {:.1} MB of text{}",
        zips.len(),
        bytes as f64 / 1e6,
        if empty > 0 {
            format!(" ({empty} articles without text skipped)")
        } else {
            String::new()
        }
    );
    Ok(ok)
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// The members of a zip file, as (name, uncompressed bytes), in central-directory order.
/// Supports the stored and deflate methods, without encryption or ZIP64.
fn read_zip(path: &Path) -> Result<Vec<(String, Vec<u8>)>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    parse_zip(&bytes)
}

fn parse_zip(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    const EOCD: u32 = 0x0605_4b50;
    const CENTRAL: u32 = 0x0201_4b50;
    const LOCAL: u32 = 0x0403_4b50;
    let truncated = || "truncated or not a zip file".to_string();

    // The end-of-central-directory record: 22 bytes plus a comment of at most 64 KiB, at the end.
    let lowest = bytes.len().saturating_sub(22 + 0xFFFF);
    let eocd = (lowest..=bytes.len().saturating_sub(22))
        .rev()
        .find(|&i| u32_at(bytes, i) == Some(EOCD))
        .ok_or_else(|| "not a zip file (no end-of-central-directory record)".to_string())?;
    let count = u16_at(bytes, eocd + 10).ok_or_else(truncated)? as usize;
    let mut at = u32_at(bytes, eocd + 16).ok_or_else(truncated)? as usize;
    if at == 0xFFFF_FFFF {
        return Err("ZIP64 archives are not supported".to_string());
    }

    let mut members = Vec::with_capacity(count);
    for _ in 0..count {
        if u32_at(bytes, at) != Some(CENTRAL) {
            return Err(format!("bad central directory entry at byte {at}"));
        }
        let flags = u16_at(bytes, at + 8).ok_or_else(truncated)?;
        let method = u16_at(bytes, at + 10).ok_or_else(truncated)?;
        let crc = u32_at(bytes, at + 16).ok_or_else(truncated)?;
        let compressed = u32_at(bytes, at + 20).ok_or_else(truncated)? as usize;
        let size = u32_at(bytes, at + 24).ok_or_else(truncated)? as usize;
        let name_len = u16_at(bytes, at + 28).ok_or_else(truncated)? as usize;
        let extra_len = u16_at(bytes, at + 30).ok_or_else(truncated)? as usize;
        let comment_len = u16_at(bytes, at + 32).ok_or_else(truncated)? as usize;
        let local = u32_at(bytes, at + 42).ok_or_else(truncated)? as usize;
        let name = bytes
            .get(at + 46..at + 46 + name_len)
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .ok_or_else(truncated)?;
        at += 46 + name_len + extra_len + comment_len;

        if name.ends_with('/') {
            continue;
        }
        if flags & 1 != 0 {
            return Err(format!("{name}: encrypted members are not supported"));
        }
        if u32_at(bytes, local) != Some(LOCAL) {
            return Err(format!("{name}: bad local header at byte {local}"));
        }
        let local_name = u16_at(bytes, local + 26).ok_or_else(truncated)? as usize;
        let local_extra = u16_at(bytes, local + 28).ok_or_else(truncated)? as usize;
        let start = local + 30 + local_name + local_extra;
        let data = bytes.get(start..start + compressed).ok_or_else(truncated)?;
        let data = match method {
            0 => data.to_vec(),
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, size)
                .map_err(|e| format!("{name}: corrupt deflate stream ({:?})", e.status))?,
            other => {
                return Err(format!(
                    "{name}: compression method {other} is not supported"
                ));
            }
        };
        if data.len() != size || crc32(&data) != crc {
            return Err(format!("{name}: size or CRC-32 mismatch (corrupt file)"));
        }
        members.push((name, data));
    }
    Ok(members)
}

/// CRC-32 (IEEE 802.3, reflected), as zip files use it.
fn crc32(data: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut table = [0u32; 256];
        let mut i = 0;
        while i < 256 {
            let mut c = i as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
                k += 1;
            }
            table[i] = c;
            i += 1;
        }
        table
    };
    !data.iter().fold(!0u32, |c, &b| {
        TABLE[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    /// A zip with one stored member, built by hand.
    fn stored_zip(name: &str, data: &[u8]) -> Vec<u8> {
        let crc = crc32(data);
        let mut zip = Vec::new();
        let local_at = zip.len() as u32;
        zip.extend(0x0403_4b50u32.to_le_bytes());
        zip.extend([20, 0, 0, 0, 0, 0, 0, 0, 0, 0]); // version, flags, method 0, time, date
        zip.extend(crc.to_le_bytes());
        zip.extend((data.len() as u32).to_le_bytes());
        zip.extend((data.len() as u32).to_le_bytes());
        zip.extend((name.len() as u16).to_le_bytes());
        zip.extend(0u16.to_le_bytes());
        zip.extend(name.as_bytes());
        zip.extend(data);
        let central_at = zip.len() as u32;
        zip.extend(0x0201_4b50u32.to_le_bytes());
        zip.extend([20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0]); // versions, flags, method, time, date
        zip.extend(crc.to_le_bytes());
        zip.extend((data.len() as u32).to_le_bytes());
        zip.extend((data.len() as u32).to_le_bytes());
        zip.extend((name.len() as u16).to_le_bytes());
        zip.extend([0u8; 12]); // extra, comment, disk, internal attributes, external attributes
        zip.extend(local_at.to_le_bytes());
        zip.extend(name.as_bytes());
        let central_len = zip.len() as u32 - central_at;
        zip.extend(0x0605_4b50u32.to_le_bytes());
        zip.extend([0, 0, 0, 0, 1, 0, 1, 0]);
        zip.extend(central_len.to_le_bytes());
        zip.extend(central_at.to_le_bytes());
        zip.extend(0u16.to_le_bytes());
        zip
    }

    #[test]
    fn reads_a_stored_member() {
        let json = r#"[{"title": "عنوان", "content": "نص"}]"#;
        let zip = stored_zip("day.json", json.as_bytes());
        let members = parse_zip(&zip).unwrap();
        assert_eq!(
            members,
            [("day.json".to_string(), json.as_bytes().to_vec())]
        );
    }

    #[test]
    fn rejects_corruption_without_panicking() {
        let zip = stored_zip("day.json", b"[]");
        assert!(parse_zip(b"not a zip").is_err());
        assert!(parse_zip(&zip[..zip.len() - 3]).is_err());
        let mut bad = zip.clone();
        bad[30 + 8] ^= 0xFF; // a data byte: the CRC no longer matches
        assert!(parse_zip(&bad).unwrap_err().contains("CRC"));
        for cut in 0..zip.len() {
            let _ = parse_zip(&zip[cut..]);
        }
    }
}
