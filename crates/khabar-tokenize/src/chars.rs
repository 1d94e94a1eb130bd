//! Character classes the scanner and the clitic analysis share.

use crate::normalize::is_arabic_diacritic;

/// Whether `ch` is an Arabic letter (base letters, extended letters, presentation forms), not a mark,
/// digit or punctuation sign.
#[inline]
pub const fn is_arabic_letter(ch: char) -> bool {
    matches!(ch,
        '\u{0621}'..='\u{063F}'
        | '\u{0641}'..='\u{064A}'
        | '\u{066E}'..='\u{066F}'
        | '\u{0671}'..='\u{06D3}'
        | '\u{06D5}'
        | '\u{06EE}'..='\u{06EF}'
        | '\u{06FA}'..='\u{06FC}'
        | '\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08C9}'
        // Presentation forms A, without the ornate parentheses ﴾ ﴿ (punctuation that frames Quranic
        // quotations) and the honorific signs, noncharacters and symbols between the ligatures.
        | '\u{FB50}'..='\u{FD3D}'
        | '\u{FD50}'..='\u{FDC7}'
        | '\u{FDF0}'..='\u{FDFB}'
        | '\u{FE70}'..='\u{FEFC}')
}

/// Whether `ch` may continue an Arabic word without being a letter: diacritics and tatweel.
#[inline]
pub const fn is_arabic_word_mark(ch: char) -> bool {
    ch == '\u{0640}' || is_arabic_diacritic(ch)
}

/// ASCII, Arabic-Indic and Persian digits.
#[inline]
pub fn is_digit(ch: char) -> bool {
    ch.is_ascii_digit() || matches!(ch, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
}

/// Combining marks and variation selectors that continue a non-Arabic word.
#[inline]
pub fn is_combining_mark(ch: char) -> bool {
    matches!(ch,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// Quotation marks, including the straight ones news sites type, the guillemets « » and the curly ones
/// (which Arabic writers often orient either way).
#[inline]
pub fn is_quote(ch: char) -> bool {
    matches!(
        ch,
        '"' | '\''
            | '«'
            | '»'
            | '“'
            | '”'
            | '„'
            | '‟'
            | '‘'
            | '’'
            | '‚'
            | '‛'
            | '‹'
            | '›'
            | '＂'
            | '＇'
    )
}

/// Punctuation other than quotation marks: ASCII, Arabic (، ؛ ؟ ٪ ۔), general punctuation.
#[inline]
pub fn is_punctuation(ch: char) -> bool {
    matches!(ch,
        '!' | '#' | '%' | '&' | '(' | ')' | '*' | ',' | '-' | '.' | '/' | ':' | ';' | '?' | '@'
        | '[' | '\\' | ']' | '_' | '{' | '}'
        | '\u{060C}'
        | '\u{060D}'
        | '\u{061B}'
        | '\u{061E}'
        | '\u{061F}'
        | '\u{066A}'..='\u{066D}'
        | '\u{06D4}'
        | '\u{00A1}' | '\u{00A7}' | '\u{00B6}' | '\u{00B7}' | '\u{00BF}'
        | '\u{2010}'..='\u{2017}'
        | '\u{2020}'..='\u{2027}'
        | '\u{2030}'..='\u{2038}'
        | '\u{203B}'..='\u{205E}'
        | '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}' | '\u{FD3E}' | '\u{FD3F}'
        | '\u{FE10}'..='\u{FE19}'
        | '\u{FE30}'..='\u{FE52}'
        | '\u{FE54}'..='\u{FE61}'
        | '\u{FF01}'..='\u{FF0F}')
}

/// Starts of emoji: pictographs, dingbats, flags, keycap-free symbols that render as emoji.
#[inline]
pub fn is_emoji_start(ch: char) -> bool {
    matches!(ch,
        '\u{1F000}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}' | '\u{2300}'..='\u{23FF}' | '\u{2B00}'..='\u{2BFF}'
        | '\u{3030}' | '\u{303D}' | '\u{3297}' | '\u{3299}')
}

/// Characters that separate tokens and belong to none: whitespace, control characters and invisible
/// format characters (bidi controls, zero-width characters, the byte-order mark).
#[inline]
pub fn is_separator(ch: char) -> bool {
    ch.is_whitespace() || ch.is_control() || crate::normalize::is_invisible(ch)
}

/// For each code point of the Arabic block U+0600–U+06FF, whether it continues an Arabic word (a letter
/// or a mark): the scanner's fast path reads two-byte sequences straight from this table.
pub(crate) static ARABIC_BLOCK_WORD_CHARS: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 256 {
        if let Some(ch) = char::from_u32(0x600 + i as u32) {
            table[i] = is_arabic_letter(ch) || is_arabic_word_mark(ch);
        }
        i += 1;
    }
    table
};
