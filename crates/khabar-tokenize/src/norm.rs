//! A token's normalised form, without a heap allocation for the usual folded word.
//!
//! Nearly one Arabic word in five in news (18.5 % of the 10 MB the benches read) has a character the
//! default normaliser rewrites: أ إ آ ى, a diacritic, tatweel. Folding each into a `String` of its own, a
//! heap allocation and a free a word, took 11 % of the time to tokenise and analyse clitics
//! (`benches/tokenize.rs`). A folded form of up to [`INLINE`] bytes (eight Arabic letters: 96 % of
//! those words) is kept inside the token instead.

use std::borrow::{Borrow, Cow};
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

use arrayvec::ArrayString;

/// The longest folded form kept inside the token, in bytes: eight Arabic letters, and as much as fits
/// in the 24 bytes a `Cow<str>` took, so a `Token` stays 64 bytes.
const INLINE: usize = 16;

/// The normalised form of a [`Token`](crate::Token): borrowed from the original text when no fold
/// applies, otherwise owned. Dereferences to `str` and compares equal to any string with the same text.
///
/// ```
/// use khabar_tokenize::Tokenizer;
///
/// let tokens = Tokenizer::new().tokens("أكّد المصدر");
/// assert_eq!(tokens[0].norm, "اكد");
/// assert!(!tokens[0].norm.is_borrowed());
/// assert!(tokens[1].norm.is_borrowed());
/// assert!(tokens[1].norm.starts_with("ال"));
/// ```
#[derive(Clone)]
pub struct Norm<'t>(Repr<'t>);

#[derive(Clone)]
enum Repr<'t> {
    Borrowed(&'t str),
    Inline(ArrayString<INLINE>),
    /// Boxed, not a `String`: this keeps a `Norm` (and a `Token`) a word smaller.
    Owned(Box<str>),
}

impl<'t> Norm<'t> {
    /// The form made of `chars`, whose UTF-8 the caller expects to be at most `max_len` bytes long:
    /// inside the token when that fits.
    pub(crate) fn from_chars(max_len: usize, mut chars: impl Iterator<Item = char>) -> Norm<'t> {
        if max_len <= INLINE {
            let mut inline = ArrayString::new();
            while let Some(ch) = chars.next() {
                if inline.try_push(ch).is_err() {
                    // Longer than expected after all: the rest goes to the heap, nothing is lost.
                    let mut owned = String::from(inline.as_str());
                    owned.push(ch);
                    owned.extend(chars);
                    return Norm::from(owned);
                }
            }
            return Norm(Repr::Inline(inline));
        }
        Norm::from(chars.collect::<String>())
    }

    /// The text.
    #[inline]
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Borrowed(text) => text,
            Repr::Inline(text) => text,
            Repr::Owned(text) => text,
        }
    }

    /// Whether the form is the original text itself (no fold applied).
    pub fn is_borrowed(&self) -> bool {
        matches!(self.0, Repr::Borrowed(_))
    }

    /// The text as an owned `String`.
    pub fn into_owned(self) -> String {
        match self.0 {
            Repr::Owned(text) => text.into_string(),
            _ => self.as_str().to_owned(),
        }
    }
}

impl<'t> From<&'t str> for Norm<'t> {
    fn from(text: &'t str) -> Norm<'t> {
        Norm(Repr::Borrowed(text))
    }
}

impl From<String> for Norm<'_> {
    fn from(text: String) -> Self {
        Norm(Repr::Owned(text.into_boxed_str()))
    }
}

impl<'t> From<Cow<'t, str>> for Norm<'t> {
    fn from(text: Cow<'t, str>) -> Norm<'t> {
        match text {
            Cow::Borrowed(text) => Norm::from(text),
            Cow::Owned(text) => Norm::from(text),
        }
    }
}

impl Deref for Norm<'_> {
    type Target = str;

    #[inline]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Norm<'_> {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for Norm<'_> {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Debug for Norm<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Norm<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq for Norm<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Norm<'_> {}

impl Hash for Norm<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialEq<str> for Norm<'_> {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Norm<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Norm<'_> {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<Norm<'_>> for str {
    fn eq(&self, other: &Norm<'_>) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Norm<'_>> for &str {
    fn eq(&self, other: &Norm<'_>) -> bool {
        *self == other.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(target_pointer_width = "64")]
    fn a_token_with_its_norm_is_as_small_as_with_a_cow() {
        assert_eq!(std::mem::size_of::<Norm<'_>>(), 24);
        assert_eq!(std::mem::size_of::<crate::Token<'_>>(), 64);
    }

    #[test]
    fn short_forms_stay_inside_long_ones_are_owned() {
        let short = Norm::from_chars(6, "اكد".chars());
        assert!(matches!(short.0, Repr::Inline(_)));
        assert_eq!(short, "اكد");
        let word = "والاستخباراتيين";
        let long = Norm::from_chars(word.len(), word.chars());
        assert!(matches!(long.0, Repr::Owned(_)));
        assert_eq!(long.as_str(), word);
        assert_eq!(long.clone().into_owned(), word);
        // A bound too small loses nothing.
        let underestimated = Norm::from_chars(4, word.chars());
        assert_eq!(underestimated.as_str(), word);
    }

    #[test]
    fn compares_and_hashes_as_its_text() {
        use std::collections::HashSet;
        let borrowed = Norm::from("الي");
        let inline = Norm::from_chars(6, "الي".chars());
        assert_eq!(borrowed, inline);
        assert!(borrowed.is_borrowed() && !inline.is_borrowed());
        let set: HashSet<Norm<'_>> = [borrowed, inline].into_iter().collect();
        assert_eq!(set.len(), 1);
        assert!(set.contains("الي"));
        assert_eq!(
            format!("{} {:?}", Norm::from("في"), Norm::from("في")),
            "في \"في\""
        );
    }
}
