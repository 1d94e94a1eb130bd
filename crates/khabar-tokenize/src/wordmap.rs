//! A map from words to values for the lookups the later stages make for every token (is this a title,
//! a cue, a person's name?), nearly all of which miss.
//!
//! A hash map pays for hashing the whole word, probing and comparing on every lookup. [`WordMap`] first
//! tests one bit of a filter keyed on the word's length and four bytes at fixed places: the second and
//! fourth, and the third and first from the end (in Arabic, the second byte of a two-byte letter tells
//! the letter, so the key is the length with the first two and last two letters). A word whose bit is
//! clear is not in the map. The filter grows with the map, at about sixteen bits a word.

use std::fmt;

use rustc_hash::FxHashMap;

/// log2 of the smallest filter, in bits (64 bytes).
const MIN_FILTER_BITS_LOG2: u32 = 9;
/// Filter bits per word.
const FILTER_BITS_PER_WORD: usize = 16;

/// A map from words (normalised token texts) to values, with a filter in front that rejects most
/// missing words in a few instructions.
///
/// ```
/// use khabar_tokenize::WordMap;
///
/// let mut titles = WordMap::new();
/// titles.insert("الرئيس", 1);
/// titles.insert("الوزير", 2);
/// assert_eq!(titles.get("الوزير"), Some(&2));
/// assert_eq!(titles.get("قال"), None);
/// ```
#[derive(Clone)]
pub struct WordMap<V> {
    map: FxHashMap<Box<str>, V>,
    filter: Vec<u64>,
    /// `64 - log2(filter bits)`: the shift that turns a key's hash into a bit index.
    shift: u32,
}

impl<V> Default for WordMap<V> {
    fn default() -> WordMap<V> {
        WordMap {
            map: FxHashMap::default(),
            filter: vec![0; 1 << (MIN_FILTER_BITS_LOG2 - 6)],
            shift: 64 - MIN_FILTER_BITS_LOG2,
        }
    }
}

impl<V: fmt::Debug> fmt::Debug for WordMap<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.map.iter()).finish()
    }
}

impl<V> WordMap<V> {
    /// An empty map.
    pub fn new() -> WordMap<V> {
        WordMap::default()
    }

    /// Inserts `word`, returning the value it had.
    pub fn insert(&mut self, word: impl Into<Box<str>>, value: V) -> Option<V> {
        let word = word.into();
        self.set_bit(&word);
        let old = self.map.insert(word, value);
        if self.map.len() * FILTER_BITS_PER_WORD > self.filter.len() * 64 {
            self.grow_filter();
        }
        old
    }

    /// The value of `word`, inserted with `default()` first when missing.
    pub fn get_or_insert_with(&mut self, word: &str, default: impl FnOnce() -> V) -> &mut V {
        if !self.contains(word) {
            self.insert(word, default());
        }
        self.map
            .get_mut(word)
            .expect("the word was inserted just above")
    }

    /// The value of `word`, if it is in the map. The filter test is always inlined into the caller, the
    /// hash map's probe never: the later stages call this several times a token, and most calls end at
    /// the filter.
    #[inline(always)]
    pub fn get(&self, word: &str) -> Option<&V> {
        let bit = filter_bit(word.as_bytes(), self.shift);
        if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return None;
        }
        self.probe(word)
    }

    #[inline(never)]
    fn probe(&self, word: &str) -> Option<&V> {
        self.map.get(word)
    }

    /// Whether `word` is in the map.
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether the map has no words.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The words and their values, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.map.iter().map(|(word, value)| (&**word, value))
    }

    fn set_bit(&mut self, word: &str) {
        let bit = filter_bit(word.as_bytes(), self.shift);
        self.filter[bit / 64] |= 1 << (bit % 64);
    }

    /// Doubles the filter and sets the bit of every word again.
    fn grow_filter(&mut self) {
        self.shift -= 1;
        self.filter = vec![0; 2 * self.filter.len()];
        let shift = self.shift;
        for word in self.map.keys() {
            let bit = filter_bit(word.as_bytes(), shift);
            self.filter[bit / 64] |= 1 << (bit % 64);
        }
    }
}

impl<W: Into<Box<str>>, V> FromIterator<(W, V)> for WordMap<V> {
    fn from_iter<I: IntoIterator<Item = (W, V)>>(iter: I) -> WordMap<V> {
        let mut map = WordMap::new();
        for (word, value) in iter {
            map.insert(word, value);
        }
        map
    }
}

/// The filter bit of a word: a multiplicative hash of its length and four of its bytes, shifted down to
/// the filter's size.
#[inline]
fn filter_bit(word: &[u8], shift: u32) -> usize {
    let n = word.len();
    let key = |byte: fn(&[u8], usize) -> u8| {
        (n as u64) << 32
            | u64::from(byte(word, 1)) << 24
            | u64::from(byte(word, 3)) << 16
            | u64::from(byte(word, n.wrapping_sub(3))) << 8
            | u64::from(byte(word, n.wrapping_sub(1)))
    };
    // Words of four bytes or more (nearly all) have every byte the key reads: one length check.
    let key = if n >= 4 {
        key(|word, i| word[i])
    } else {
        key(|word, i| word.get(i).copied().unwrap_or(0))
    };
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize
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
        }
    }
}
