//! A map from words to values for the lookups the later stages make for every token (is this a title,
//! a cue, a person's name?), most of which miss.
//!
//! The words are stored one after the other in one string and numbered in the order they came; an open
//! addressing table of those numbers finds them by a hash computed eight bytes at a time. In front of the
//! table, a filter of eight to sixteen bits a word (one set per word, by the same hash) rejects most
//! missing words without touching the table. A hash-map of boxed strings pays an allocation a word and a
//! pointer chase a lookup; this pays neither.

use std::fmt;

/// No word, in the table.
const EMPTY: u32 = u32::MAX;
/// log2 of the smallest filter, in bits (64 bytes).
const MIN_FILTER_BITS_LOG2: u32 = 9;
/// Filter bits per word, at least.
const FILTER_BITS_PER_WORD: usize = 8;

/// A map from words (normalised token texts) to values, with a filter in front that rejects most
/// missing words in a few instructions. Words are numbered in the order they were first inserted
/// ([`WordMap::index_of`], [`WordMap::word`]).
///
/// ```
/// use khabar_tokenize::WordMap;
///
/// let mut titles = WordMap::new();
/// titles.insert("الرئيس", 1);
/// titles.insert("الوزير", 2);
/// assert_eq!(titles.get("الوزير"), Some(&2));
/// assert_eq!(titles.get("قال"), None);
/// assert_eq!(titles.index_of("الوزير"), Some(1));
/// assert_eq!(titles.word(1), "الوزير");
/// ```
#[derive(Clone)]
pub struct WordMap<V> {
    /// Every word, one after the other.
    text: String,
    /// Where each word ends in `text`.
    ends: Vec<u32>,
    values: Vec<V>,
    /// Word numbers, [`EMPTY`] where free; at most two thirds full. Any length will do: a hash is scaled
    /// to it.
    table: Vec<u32>,
    filter: Vec<u64>,
    /// `64 - log2(filter bits)`: the shift that turns a hash into a bit index.
    filter_shift: u32,
}

impl<V> Default for WordMap<V> {
    fn default() -> WordMap<V> {
        WordMap {
            text: String::new(),
            ends: Vec::new(),
            values: Vec::new(),
            table: vec![EMPTY; 4],
            filter: vec![0; 1 << (MIN_FILTER_BITS_LOG2 - 6)],
            filter_shift: 64 - MIN_FILTER_BITS_LOG2,
        }
    }
}

impl<V: fmt::Debug> fmt::Debug for WordMap<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<V> WordMap<V> {
    /// An empty map.
    pub fn new() -> WordMap<V> {
        WordMap::default()
    }

    /// Inserts `word`, returning the value it had.
    pub fn insert(&mut self, word: impl AsRef<str>, value: V) -> Option<V> {
        let word = word.as_ref();
        match self.find(word, hash(word.as_bytes())) {
            Ok(index) => Some(std::mem::replace(&mut self.values[index], value)),
            Err(slot) => {
                self.push(word, value, slot);
                None
            }
        }
    }

    /// The value of `word`, inserted with `default()` first when missing.
    pub fn get_or_insert_with(&mut self, word: &str, default: impl FnOnce() -> V) -> &mut V {
        let index = match self.find(word, hash(word.as_bytes())) {
            Ok(index) => index,
            Err(slot) => self.push(word, default(), slot),
        };
        &mut self.values[index]
    }

    /// The value of `word`, if it is in the map.
    #[inline]
    pub fn get(&self, word: &str) -> Option<&V> {
        self.index_of(word).map(|index| &self.values[index])
    }

    /// The number of `word` (the order it was first inserted in), if it is in the map.
    #[inline]
    pub fn index_of(&self, word: &str) -> Option<usize> {
        let hash = hash(word.as_bytes());
        let bit = (hash >> self.filter_shift) as usize;
        if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return None;
        }
        self.find(word, hash).ok()
    }

    /// Whether `word` is in the map.
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.index_of(word).is_some()
    }

    /// The word numbered `index`. Panics if there is no such word.
    #[inline]
    pub fn word(&self, index: usize) -> &str {
        let start = index.checked_sub(1).map_or(0, |i| self.ends[i] as usize);
        &self.text[start..self.ends[index] as usize]
    }

    /// The value of the word numbered `index`. Panics if there is no such word.
    pub fn value(&self, index: usize) -> &V {
        &self.values[index]
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Whether the map has no words.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The words and their values, in the order the words were first inserted.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        (0..self.len()).map(|index| (self.word(index), &self.values[index]))
    }

    /// Heap memory, in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.text.capacity()
            + self.ends.capacity() * size_of::<u32>()
            + self.values.capacity() * size_of::<V>()
            + self.table.capacity() * size_of::<u32>()
            + self.filter.capacity() * size_of::<u64>()
    }

    /// Gives back the memory the map grew into and does not use (for a map that is done growing).
    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
        self.values.shrink_to_fit();
        self.rehash((self.len() + self.len() / 2 + 1).max(4));
    }

    /// `Ok(index)` of `word`, or `Err(slot)`: the free slot where it would go.
    #[inline]
    fn find(&self, word: &str, hash: u64) -> Result<usize, usize> {
        let mut slot = slot_of(hash, self.table.len());
        loop {
            let index = self.table[slot];
            if index == EMPTY {
                return Err(slot);
            }
            if self.word(index as usize) == word {
                return Ok(index as usize);
            }
            slot = if slot + 1 == self.table.len() {
                0
            } else {
                slot + 1
            };
        }
    }

    /// Adds a word not in the map at `slot` (from [`WordMap::find`]), and returns its number.
    fn push(&mut self, word: &str, value: V, slot: usize) -> usize {
        let index = self.values.len();
        let number = u32::try_from(index)
            .ok()
            .filter(|&n| n != EMPTY)
            .expect("a word map holds fewer than 2^32 - 1 words");
        self.text.push_str(word);
        let end =
            u32::try_from(self.text.len()).expect("a word map holds less than 4 GiB of words");
        self.ends.push(end);
        self.values.push(value);
        self.table[slot] = number;
        let hash = hash(word.as_bytes());
        if self.len() * FILTER_BITS_PER_WORD > self.filter.len() * 64 {
            self.filter_shift -= 1;
            self.filter = vec![0; 2 * self.filter.len()];
            for index in 0..self.len() {
                self.set_filter_bit(hash_of(self, index));
            }
        } else {
            self.set_filter_bit(hash);
        }
        if 3 * self.len() > 2 * self.table.len() {
            self.rehash(2 * self.table.len());
        }
        index
    }

    fn set_filter_bit(&mut self, hash: u64) {
        let bit = (hash >> self.filter_shift) as usize;
        self.filter[bit / 64] |= 1 << (bit % 64);
    }

    /// Rebuilds the table at `len` slots.
    fn rehash(&mut self, len: usize) {
        self.table = vec![EMPTY; len];
        for index in 0..self.len() {
            let mut slot = slot_of(hash_of(self, index), len);
            while self.table[slot] != EMPTY {
                slot = if slot + 1 == len { 0 } else { slot + 1 };
            }
            self.table[slot] = index as u32;
        }
    }
}

/// The hash of word number `index` of `map`.
fn hash_of<V>(map: &WordMap<V>, index: usize) -> u64 {
    hash(map.word(index).as_bytes())
}

/// The first table slot of a hash: its low half scaled to the table's length.
#[inline]
fn slot_of(hash: u64, len: usize) -> usize {
    ((u64::from(hash as u32) * len as u64) >> 32) as usize
}

/// A hash of a word's bytes, eight at a time (multiply and rotate): the filter takes its top bits, the
/// table its low half.
#[inline]
pub(crate) fn hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut hash = (bytes.len() as u64).wrapping_mul(K);
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let mut w = [0; 8];
        w.copy_from_slice(word);
        hash = (hash.rotate_left(23) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    let rest = words.remainder();
    if !rest.is_empty() {
        let mut w = [0; 8];
        w[..rest.len()].copy_from_slice(rest);
        hash = (hash.rotate_left(23) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    hash ^ (hash >> 29)
}

impl<W: AsRef<str>, V> FromIterator<(W, V)> for WordMap<V> {
    fn from_iter<I: IntoIterator<Item = (W, V)>>(iter: I) -> WordMap<V> {
        let mut map = WordMap::new();
        for (word, value) in iter {
            map.insert(word, value);
        }
        map
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn finds_what_was_inserted_and_nothing_else() {
        let map: WordMap<u8> = [("الرئيس", 1), ("ا", 2), ("", 3), ("NATO", 4)]
            .into_iter()
            .collect();
        assert_eq!(map.get("الرئيس"), Some(&1));
        assert_eq!(map.get("ا"), Some(&2));
        assert_eq!(map.get(""), Some(&3));
        assert_eq!(map.get("NATO"), Some(&4));
        for missing in ["الرئيسي", "رئيس", "nato", "ب", " الرئيس"] {
            assert_eq!(map.get(missing), None, "{missing}");
        }
        assert_eq!(map.len(), 4);
    }

    #[test]
    fn get_or_insert_with_keeps_an_existing_value() {
        let mut map = WordMap::new();
        *map.get_or_insert_with("قال", || 0) |= 1;
        *map.get_or_insert_with("قال", || 0) |= 2;
        assert_eq!(map.get("قال"), Some(&3));
    }

    proptest! {
        /// The filter never hides a word that is in the map, also after it grew, and the map agrees
        /// with a plain hash map.
        #[test]
        fn agrees_with_a_hash_map(
            words in proptest::collection::vec("[ابتثجحخدذرزسشصضطظعغفقكلمنهوي ]{0,9}", 0..200),
            probes in proptest::collection::vec("[ابتثجحخدذرزسشصضطظعغفقكلمنهوي]{0,9}", 0..60),
        ) {
            let mut reference = std::collections::HashMap::new();
            let mut map = WordMap::new();
            for (i, word) in words.iter().enumerate() {
                reference.insert(word.clone(), i);
                map.insert(word.as_str(), i);
            }
            for word in words.iter().chain(&probes) {
                prop_assert_eq!(map.get(word), reference.get(word));
            }
            prop_assert_eq!(map.len(), reference.len());
            for (index, (word, value)) in map.iter().enumerate() {
                prop_assert_eq!(map.index_of(word), Some(index));
                prop_assert_eq!(reference.get(word), Some(value));
            }
        }
    }
}
