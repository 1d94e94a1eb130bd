//! A map from words to values for the lookups the later stages make for every token (is this a title,
//! a cue, a person's name?), nearly all of which miss.
//!
//! A word's [`Key`] is its length with its first and last eight bytes (four Arabic letters each): for a
//! word of up to sixteen bytes, which is nearly every word, two keys are equal exactly when the words are,
//! so a hit is confirmed without comparing text. One multiplication of the key gives the hash. Its top bits
//! pick one bit of a filter at about sixteen bits a word: a word whose bit is clear is not in the map,
//! which ends most lookups before the table is touched. Its low bits pick the first slot of an
//! open-addressing table of eight-byte slots, each holding 32 bits of a word's hash with the index of
//! its entry; the keys lie beside the entries, read only when the hash bits agree. (Slots that held the
//! keys themselves were four times as large: the lookups of every token then waited on the cache for
//! about half their time.) (A filter keyed on the
//! first two and last two letters let through every word with the article whose ending matched one in
//! the map: over a third of the words that passed it were missing.)

use std::fmt;

/// log2 of the smallest filter, in bits (64 bytes).
const MIN_FILTER_BITS_LOG2: u32 = 9;
/// Filter bits per word.
const FILTER_BITS_PER_WORD: usize = 16;
/// The table has at least this many slots per word, so that probe chains stay short.
const SLOTS_PER_WORD: usize = 2;
/// The length up to which a [`Key`] holds every byte of its word.
const WHOLE_KEY_LEN: usize = 16;

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
    /// The words and their values, in the order they were inserted.
    entries: Vec<(Box<str>, V)>,
    /// The key of each entry's word.
    keys: Vec<Key>,
    /// A power of two of slots, at least [`SLOTS_PER_WORD`] a word.
    slots: Vec<Slot>,
    filter: Vec<u64>,
    /// `64 - log2(filter bits)`: the shift that turns a key's hash into a bit index.
    shift: u32,
}

/// The bytes of a word compared on a lookup: its length, its first eight bytes and its last eight
/// (zero where the word is shorter). Words of up to [`WHOLE_KEY_LEN`] bytes are equal when their keys are.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
struct Key {
    len: usize,
    head: u64,
    tail: u64,
}

/// A slot of the table: the top half of a word's hash and one more than the index of its entry (0 when
/// the slot is empty).
#[derive(Clone, Copy, Default)]
struct Slot {
    hash_high: u32,
    entry: u32,
}

impl<V> Default for WordMap<V> {
    fn default() -> WordMap<V> {
        WordMap {
            entries: Vec::new(),
            keys: Vec::new(),
            slots: vec![Slot::default(); 1],
            filter: vec![0; 1 << (MIN_FILTER_BITS_LOG2 - 6)],
            shift: 64 - MIN_FILTER_BITS_LOG2,
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
    pub fn insert(&mut self, word: impl Into<Box<str>>, value: V) -> Option<V> {
        let word = word.into();
        match self.index_of(&word) {
            Some(index) => Some(std::mem::replace(&mut self.entries[index].1, value)),
            None => {
                self.push(word, value);
                None
            }
        }
    }

    /// The value of `word`, inserted with `default()` first when missing.
    pub fn get_or_insert_with(&mut self, word: &str, default: impl FnOnce() -> V) -> &mut V {
        let index = match self.index_of(word) {
            Some(index) => index,
            None => self.push(word.into(), default()),
        };
        &mut self.entries[index].1
    }

    /// The value of `word`, if it is in the map. The filter test is always inlined into the caller, the
    /// table's probe never: the later stages call this several times a token, and most calls end at
    /// the filter.
    #[inline(always)]
    pub fn get(&self, word: &str) -> Option<&V> {
        let hash = Key::of(word.as_bytes()).hash();
        let bit = (hash >> self.shift) as usize;
        if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return None;
        }
        self.probe(word, hash).map(|index| &self.entries[index].1)
    }

    /// The index of the entry of `word`, whose hash is given, if there is one. The key is made again
    /// here rather than passed through memory from the caller, for which few lookups get this far.
    #[inline(never)]
    fn probe(&self, word: &str, hash: u64) -> Option<usize> {
        if word.len() > WHOLE_KEY_LEN {
            return self.probe_long(word, hash);
        }
        // The key holds every byte of a word this short: equal keys are equal words.
        self.find_slot(word, hash, |_| true)
    }

    /// [`WordMap::probe`] for a word longer than its key, whose text is compared too. Kept apart so that
    /// the common probe makes no call and saves few registers.
    #[inline(never)]
    fn probe_long(&self, word: &str, hash: u64) -> Option<usize> {
        self.find_slot(word, hash, |index| *self.entries[index].0 == *word)
    }

    /// Walks the slots from `hash` to the entry whose key is that of `word` and whose text `same_text`
    /// accepts.
    #[inline]
    fn find_slot(&self, word: &str, hash: u64, same_text: impl Fn(usize) -> bool) -> Option<usize> {
        let key = Key::of(word.as_bytes());
        let mask = self.slots.len() - 1;
        let mut slot = hash as usize & mask;
        loop {
            let Slot { hash_high, entry } = self.slots[slot];
            if entry == 0 {
                return None;
            }
            let index = entry as usize - 1;
            if hash_high == high_half(hash) && self.keys[index] == key && same_text(index) {
                return Some(index);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// The index of the entry of `word`, looked up without the filter (for inserting).
    fn index_of(&self, word: &str) -> Option<usize> {
        self.probe(word, Key::of(word.as_bytes()).hash())
    }

    /// Adds an entry for a word not in the map, growing the filter and the table as needed; returns
    /// its index.
    fn push(&mut self, word: Box<str>, value: V) -> usize {
        let index = self.entries.len();
        self.keys.push(Key::of(word.as_bytes()));
        self.entries.push((word, value));
        let too_few_filter_bits =
            self.entries.len() * FILTER_BITS_PER_WORD > self.filter.len() * 64;
        let too_few_slots = self.entries.len() * SLOTS_PER_WORD > self.slots.len();
        if too_few_filter_bits || too_few_slots {
            if too_few_filter_bits {
                self.shift -= 1;
                self.filter = vec![0; 2 * self.filter.len()];
            }
            if too_few_slots {
                self.slots = vec![Slot::default(); 2 * self.slots.len()];
            }
            self.index_all();
        } else {
            self.index(index);
        }
        index
    }

    /// Sets the filter bit and fills the slot of every entry, after the filter or the table grew.
    fn index_all(&mut self) {
        self.filter.fill(0);
        self.slots.fill(Slot::default());
        for index in 0..self.entries.len() {
            self.index(index);
        }
    }

    /// Sets the filter bit of entry `index` and puts it in the first free slot from its hash.
    fn index(&mut self, index: usize) {
        let hash = self.keys[index].hash();
        let bit = (hash >> self.shift) as usize;
        self.filter[bit / 64] |= 1 << (bit % 64);
        let mask = self.slots.len() - 1;
        let mut slot = hash as usize & mask;
        while self.slots[slot].entry != 0 {
            slot = (slot + 1) & mask;
        }
        let entry = u32::try_from(index + 1).expect("a word map holds fewer than 2^32 words");
        self.slots[slot] = Slot {
            hash_high: high_half(hash),
            entry,
        };
    }

    /// Whether `word` is in the map.
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the map has no words.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The words and their values, in the order they were first inserted.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.entries.iter().map(|(word, value)| (&**word, value))
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

impl Key {
    /// The key of a word, from two loads that may overlap (no copy into a buffer: words of two or three
    /// letters are common).
    #[inline]
    fn of(word: &[u8]) -> Key {
        let len = word.len();
        let (head, tail) = match len {
            8.. => (first_eight(word), first_eight(&word[len - 8..])),
            4..8 => {
                let last_four = u64::from(first_four(&word[len - 4..]));
                (
                    u64::from(first_four(word)) | last_four << ((len - 4) * 8),
                    0,
                )
            }
            1..4 => {
                // The first, middle and last bytes are every byte of a word this short.
                let byte = |i: usize| u64::from(word[i]) << (i * 8);
                (byte(0) | byte(len / 2) | byte(len - 1), 0)
            }
            0 => (0, 0),
        };
        Key { len, head, tail }
    }

    /// A 64-bit hash of the key: the two halves of one 128-bit product of its parts, folded.
    #[inline]
    fn hash(self) -> u64 {
        let product = u128::from(self.head ^ 0x9E37_79B9_7F4A_7C15)
            * u128::from(self.tail ^ self.len as u64 ^ 0xA076_1D64_78BD_642F);
        (product as u64) ^ (product >> 64) as u64
    }
}

/// The top half of a hash, which a slot keeps: the slot's place comes from the low bits.
#[inline]
fn high_half(hash: u64) -> u32 {
    (hash >> 32) as u32
}

/// The first eight bytes of a word of eight bytes or more, as one number.
#[inline]
fn first_eight(word: &[u8]) -> u64 {
    u64::from_le_bytes(word[..8].try_into().expect("eight bytes"))
}

/// The first four bytes of a word of four bytes or more, as one number.
#[inline]
fn first_four(word: &[u8]) -> u32 {
    u32::from_le_bytes(word[..4].try_into().expect("four bytes"))
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
    fn long_words_with_the_same_ends_are_told_apart() {
        // Seventeen bytes: the key holds the first and last eight, not the middle one.
        let map: WordMap<u8> = [("abcdefgh1ijklmnop", 1)].into_iter().collect();
        assert_eq!(map.get("abcdefgh1ijklmnop"), Some(&1));
        assert_eq!(map.get("abcdefgh2ijklmnop"), None);
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
