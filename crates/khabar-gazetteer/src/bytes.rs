//! The byte format of a compiled gazetteer ([`crate::Gazetteer::to_bytes`]): a header, then a payload of
//! little-endian integers and length-prefixed byte strings.
//!
//! ```text
//! magic    8 bytes  "KHABARGZ"
//! version  u32      FORMAT_VERSION
//! length   u64      payload length in bytes
//! checksum u64      of the payload
//! payload           normaliser switches, nisba flag (0/1), entities, compiled patterns
//! ```

use crate::{Error, ErrorKind};

pub(crate) const MAGIC: &[u8; 8] = b"KHABARGZ";
/// Bumped whenever the payload changes shape.
pub(crate) const FORMAT_VERSION: u32 = 5;
const HEADER_LEN: usize = 8 + 4 + 8 + 8;

/// One file format written with this header: the compiled gazetteer, or the tagger's model
/// ([`crate::tagger::Tagger::to_bytes`]), which shares the framing but not the payload.
#[derive(Clone, Copy)]
pub(crate) struct Format {
    /// The first eight bytes.
    pub magic: &'static [u8; 8],
    /// Bumped whenever the payload changes shape.
    pub version: u32,
    /// What the bytes are, for error messages ("compiled khabar gazetteer").
    pub name: &'static str,
    /// How to tell the user to make the file again.
    pub remedy: &'static str,
    /// Wraps a message into the crate's error.
    pub error: fn(String) -> Error,
}

/// The compiled gazetteer's format.
pub(crate) const GAZETTEER: Format = Format {
    magic: MAGIC,
    version: FORMAT_VERSION,
    name: "compiled khabar gazetteer",
    remedy: "compile the gazetteer again from its sources",
    error,
};

/// Builds a payload.
#[derive(Default)]
pub(crate) struct Writer {
    out: Vec<u8>,
}

impl Writer {
    pub fn u32(&mut self, value: u32) {
        self.out.extend_from_slice(&value.to_le_bytes());
    }

    pub fn len(&mut self, len: usize) {
        self.out.extend_from_slice(&(len as u64).to_le_bytes());
    }

    pub fn bytes(&mut self, bytes: &[u8]) {
        self.len(bytes.len());
        self.out.extend_from_slice(bytes);
    }

    pub fn str(&mut self, text: &str) {
        self.bytes(text.as_bytes());
    }

    pub fn u32s(&mut self, values: &[u32]) {
        self.len(values.len());
        self.out.reserve(values.len() * 4);
        for value in values {
            self.u32(*value);
        }
    }

    /// The header and the payload.
    pub fn finish(self) -> Vec<u8> {
        self.finish_as(GAZETTEER)
    }

    /// The header of `format` and the payload.
    pub fn finish_as(self, format: Format) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(HEADER_LEN + self.out.len());
        bytes.extend_from_slice(format.magic);
        bytes.extend_from_slice(&format.version.to_le_bytes());
        bytes.extend_from_slice(&(self.out.len() as u64).to_le_bytes());
        bytes.extend_from_slice(&checksum(&self.out).to_le_bytes());
        bytes.extend_from_slice(&self.out);
        bytes
    }
}

/// Reads a payload, failing (never panicking) on truncated or inconsistent input.
pub(crate) struct Reader<'b> {
    input: &'b [u8],
    at: usize,
    error: fn(String) -> Error,
}

impl<'b> Reader<'b> {
    /// Checks the header and the checksum, and returns a reader of the payload.
    pub fn new(bytes: &'b [u8]) -> Result<Reader<'b>, Error> {
        Reader::with_format(bytes, GAZETTEER)
    }

    /// [`Reader::new`] for the header of `format`.
    pub fn with_format(bytes: &'b [u8], format: Format) -> Result<Reader<'b>, Error> {
        let error = format.error;
        if bytes.len() < HEADER_LEN || &bytes[..8] != format.magic {
            return Err(error(format!(
                "not a {} (no {} header)",
                format.name,
                String::from_utf8_lossy(format.magic)
            )));
        }
        let version = u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]);
        if version != format.version {
            return Err(error(format!(
                "format version {version}, but this khabar-gazetteer reads version {}: {}",
                format.version, format.remedy
            )));
        }
        let mut word = [0u8; 8];
        word.copy_from_slice(&bytes[12..20]);
        let length = u64::from_le_bytes(word);
        word.copy_from_slice(&bytes[20..28]);
        let expected = u64::from_le_bytes(word);
        let payload = &bytes[HEADER_LEN..];
        if payload.len() as u64 != length {
            return Err(error(format!(
                "truncated or padded: the header announces {length} bytes of data, {} follow",
                payload.len()
            )));
        }
        if checksum(payload) != expected {
            return Err(error("corrupted: the checksum does not match".to_string()));
        }
        Ok(Reader {
            input: payload,
            at: 0,
            error,
        })
    }

    /// An error about the payload at the current position.
    pub fn invalid(&self, what: &str) -> Error {
        (self.error)(format!(
            "invalid data at byte {}: {what}",
            HEADER_LEN + self.at
        ))
    }

    fn take(&mut self, n: usize) -> Result<&'b [u8], Error> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&end| end <= self.input.len())
            .ok_or_else(|| self.invalid("unexpected end of data"))?;
        let slice = &self.input[self.at..end];
        self.at = end;
        Ok(slice)
    }

    pub fn u32(&mut self) -> Result<u32, Error> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// A length of items of `item_size` bytes each, checked against what is left.
    pub fn len(&mut self, item_size: usize) -> Result<usize, Error> {
        let b = self.take(8)?;
        let mut word = [0u8; 8];
        word.copy_from_slice(b);
        let len = u64::from_le_bytes(word);
        let left = (self.input.len() - self.at) as u64;
        if len.saturating_mul(item_size.max(1) as u64) > left {
            return Err(self.invalid("a length runs past the end of the data"));
        }
        Ok(len as usize)
    }

    pub fn bytes(&mut self) -> Result<&'b [u8], Error> {
        let len = self.len(1)?;
        self.take(len)
    }

    pub fn str(&mut self) -> Result<&'b str, Error> {
        let bytes = self.bytes()?;
        std::str::from_utf8(bytes).map_err(|_| self.invalid("a string is not UTF-8"))
    }

    pub fn u32s(&mut self) -> Result<Vec<u32>, Error> {
        let len = self.len(4)?;
        let bytes = self.take(len * 4)?;
        Ok(bytes
            .chunks_exact(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect())
    }

    /// Fails unless the whole payload was read.
    pub fn finish(&self) -> Result<(), Error> {
        if self.at == self.input.len() {
            Ok(())
        } else {
            Err(self.invalid("trailing bytes"))
        }
    }
}

fn error(message: String) -> Error {
    Error::new(ErrorKind::Compiled(message))
}

/// A fast 64-bit checksum (multiply-rotate over 8-byte words): catches truncation and corruption, not
/// tampering.
fn checksum(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut hash = (bytes.len() as u64).wrapping_mul(K);
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let mut w = [0u8; 8];
        w.copy_from_slice(word);
        hash = (hash ^ u64::from_le_bytes(w))
            .wrapping_mul(K)
            .rotate_left(29);
    }
    for &b in words.remainder() {
        hash = (hash ^ u64::from(b)).wrapping_mul(K).rotate_left(29);
    }
    hash ^ (hash >> 32)
}
