//! Byte spans into the original text, and conversion of byte offsets to the char and UTF-16 offsets that
//! JSON consumers (Python, JavaScript) expect.

use std::ops::{Index, Range};

/// A half-open byte range `start..end` into the **original** text.
///
/// Every item khabar emits carries one, so `&text[span]` always selects exactly what was found, whatever
/// normalisation happened on the way.
///
/// ```
/// use khabar_tokenize::Span;
///
/// let text = "قال الوزير";
/// let span = Span::new(0, 6);
/// assert_eq!(&text[span], "قال");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// Creates a span; `end` is clamped so that it is never before `start`.
    #[inline]
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }

    /// The span as a `Range`, for slicing.
    #[inline]
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    #[inline]
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span selects nothing.
    #[inline]
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies entirely inside `self`.
    #[inline]
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    #[inline]
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    #[inline]
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

impl From<Range<usize>> for Span {
    #[inline]
    fn from(range: Range<usize>) -> Span {
        Span::new(range.start, range.end)
    }
}

impl From<Span> for Range<usize> {
    #[inline]
    fn from(span: Span) -> Range<usize> {
        span.range()
    }
}

impl Index<Span> for str {
    type Output = str;

    #[inline]
    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}

/// `&text[span]` for an owned `String` too, so callers need no `.as_str()`.
impl Index<Span> for String {
    type Output = str;

    #[inline]
    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}

/// How many bytes of text one checkpoint of an [`OffsetIndex`] covers. A lookup counts at most this many
/// bytes, so it costs O(1) with a small constant; the index costs 12 bytes per checkpoint (a fifth of
/// the text's size), which JSON output of news articles repays many times over.
const CHECKPOINT_BYTES: usize = 64;

/// Chars and UTF-16 units in whole UTF-8 sequences: every byte that is not a continuation byte starts
/// a char, and every four-byte lead needs a second UTF-16 unit. Counted eight bytes at a time.
fn count_units(bytes: &[u8]) -> (usize, usize) {
    let words = bytes.chunks_exact(8);
    let tail = words.remainder();
    let (mut chars, mut astral) = (0, 0);
    for word in words.filter_map(|word| <[u8; 8]>::try_from(word).ok()) {
        let (c, a) = count_word_units(u64::from_le_bytes(word));
        chars += c;
        astral += a;
    }
    for &b in tail {
        chars += usize::from((b as i8) >= -0x40);
        astral += usize::from(b >= 0xF0);
    }
    (chars, chars + astral)
}

/// Char starts and four-byte leads among the eight bytes of `x`: each test leaves a 1 in the low bit
/// of the lanes where it holds, and the lanes are then summed.
#[inline]
fn count_word_units(x: u64) -> (usize, usize) {
    const LOW_BITS: u64 = 0x0101_0101_0101_0101;
    // Not a continuation byte (10xxxxxx): bit 7 clear or bit 6 set.
    let starts = (!x >> 7 | x >> 6) & LOW_BITS;
    // A four-byte lead (11110xxx and above): bits 7 to 4 set.
    let astral = x >> 7 & x >> 6 & x >> 5 & x >> 4 & LOW_BITS;
    let sum = |lanes: u64| (lanes.wrapping_mul(LOW_BITS) >> 56) as usize;
    (sum(starts), sum(astral))
}

/// [`count_units`] of one whole block, for building the index: the counters are single bytes, so that
/// the compiler tests and adds sixteen bytes at a time in vector registers, with no branch, and sums the
/// lanes once at the end. (Lookups count partial blocks with `count_units`, which costs less on a few
/// bytes.)
#[inline]
fn count_block_units(block: &[u8; CHECKPOINT_BYTES]) -> (u32, u32) {
    let (mut starts, mut astral) = (0u8, 0u8);
    for &byte in block {
        // Not a continuation byte (10xxxxxx).
        starts += u8::from((byte as i8) >= -0x40);
        // A four-byte lead (11110xxx and above).
        astral += u8::from(byte >= 0xF0);
    }
    (u32::from(starts), u32::from(starts) + u32::from(astral))
}

/// A prepared index that converts byte offsets of one text into char (Unicode code point) and UTF-16
/// offsets in constant time per lookup.
///
/// Building it reads the text once; it stores two counters for every 64 bytes, so its memory is an
/// eighth of the text's. A lookup reads the counters of its 64-byte block and counts the rest of the
/// block bytewise: no search.
///
/// ```
/// use khabar_tokenize::{OffsetIndex, Span};
///
/// let text = "بغداد 😀 واشنطن";
/// let index = OffsetIndex::new(text);
/// let span = Span::new(text.find("واشنطن").unwrap(), text.len());
/// assert_eq!(index.char_span(span), (8, 14));
/// assert_eq!(index.utf16_span(span), (9, 15));
/// ```
#[derive(Clone, Debug)]
pub struct OffsetIndex<'t> {
    text: &'t str,
    /// `(chars, utf16 units)` that start before byte `CHECKPOINT_BYTES * i`, for every whole block and
    /// the end of the last one. A block boundary may fall inside a char: a char counts where its first
    /// byte is.
    checkpoints: Vec<(u32, u32)>,
}

impl<'t> OffsetIndex<'t> {
    /// Prepares the index for `text`.
    pub fn new(text: &'t str) -> OffsetIndex<'t> {
        let blocks = text.as_bytes().chunks_exact(CHECKPOINT_BYTES);
        let mut checkpoints = Vec::with_capacity(blocks.len() + 1);
        let (mut chars, mut units) = (0u32, 0u32);
        checkpoints.push((chars, units));
        // `extend` from an iterator of known length: no capacity check per block.
        checkpoints.extend(
            blocks
                .filter_map(|block| <&[u8; CHECKPOINT_BYTES]>::try_from(block).ok())
                .map(|block| {
                    let (c, u) = count_block_units(block);
                    // Wrapping: counts of texts over 4 GiB wrap rather than panic (a block's counts are
                    // at most 128).
                    chars = chars.wrapping_add(c);
                    units = units.wrapping_add(u);
                    (chars, units)
                }),
        );
        OffsetIndex { text, checkpoints }
    }

    /// The text this index was built for.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// Returns `(chars, utf16 units)` before byte offset `at`, which must be a char boundary (offsets past
    /// the end are clamped to the end).
    fn counts(&self, at: usize) -> (usize, usize) {
        let at = at.min(self.text.len());
        let block = at / CHECKPOINT_BYTES;
        let (chars, units) = self.checkpoints.get(block).copied().unwrap_or_default();
        let (c, u) = count_units(&self.text.as_bytes()[block * CHECKPOINT_BYTES..at]);
        (chars as usize + c, units as usize + u)
    }

    /// The char offset of byte offset `at`.
    pub fn char_offset(&self, at: usize) -> usize {
        self.counts(at).0
    }

    /// The UTF-16 offset of byte offset `at`.
    pub fn utf16_offset(&self, at: usize) -> usize {
        self.counts(at).1
    }

    /// A span in char offsets, as `(start, end)`.
    pub fn char_span(&self, span: Span) -> (usize, usize) {
        (self.char_offset(span.start), self.char_offset(span.end))
    }

    /// A span in UTF-16 offsets, as `(start, end)`.
    pub fn utf16_span(&self, span: Span) -> (usize, usize) {
        (self.utf16_offset(span.start), self.utf16_offset(span.end))
    }

    /// Converts a char offset back to a byte offset (offsets past the end give the text's length).
    pub fn byte_offset_of_char(&self, char_offset: usize) -> usize {
        let block = self
            .checkpoints
            .partition_point(|&(chars, _)| chars as usize <= char_offset)
            .saturating_sub(1);
        let chars = self
            .checkpoints
            .get(block)
            .map_or(0, |&(chars, _)| chars as usize);
        // The block may start inside a char, whose first byte (and count) lies before it.
        let mut byte = block * CHECKPOINT_BYTES;
        while !self.text.is_char_boundary(byte) {
            byte += 1;
        }
        self.text[byte..]
            .char_indices()
            .nth(char_offset.saturating_sub(chars))
            .map_or(self.text.len(), |(at, _)| byte + at)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        /// The eight-bytes-at-a-time count agrees with Rust's own, on text of one to four-byte chars.
        #[test]
        fn counts_chars_and_utf16_units(text in "[a\u{0627}-\u{0629}\u{20AC}\u{1F600}-\u{1F602}]{0,40}") {
            prop_assert_eq!(
                count_units(text.as_bytes()),
                (text.chars().count(), text.encode_utf16().count())
            );
        }

        /// The index, built a block at a time, agrees with Rust's counts at every char boundary.
        #[test]
        fn offsets_agree_with_counting_from_the_start(
            text in "[a\u{0627}-\u{0629}\u{20AC}\u{1F600}-\u{1F602}]{0,200}"
        ) {
            let index = OffsetIndex::new(&text);
            for (chars, (at, _)) in text.char_indices().chain([(text.len(), ' ')]).enumerate() {
                prop_assert_eq!(index.char_offset(at), chars);
                prop_assert_eq!(index.utf16_offset(at), text[..at].encode_utf16().count());
            }
        }
    }

    /// Four-byte chars straddling the 64-byte block boundaries, where a block starts inside a char.
    #[test]
    fn offsets_across_block_boundaries_inside_chars() {
        let text = format!(
            "{}😀{}😀ب{}",
            "ب".repeat(31),
            "ء".repeat(29),
            "x".repeat(70)
        );
        let index = OffsetIndex::new(&text);
        for (chars, (at, _)) in text.char_indices().chain([(text.len(), ' ')]).enumerate() {
            let units = text[..at].encode_utf16().count();
            assert_eq!(index.char_offset(at), chars, "byte {at}");
            assert_eq!(index.utf16_offset(at), units, "byte {at}");
            assert_eq!(index.byte_offset_of_char(chars), at, "char {chars}");
        }
        assert_eq!(index.byte_offset_of_char(10_000), text.len());
    }
}
