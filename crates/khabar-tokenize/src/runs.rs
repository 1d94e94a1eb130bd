//! Runs of common Arabic letters, measured eight at a time.
//!
//! Scanners spend most of their time walking the letters of Arabic words, two bytes each. One at a time,
//! that is a table load and a branch a letter, and the branch that leaves the loop goes the other way
//! once a word, which the processor mispredicts. [`letter_run`] measures a run of up to eight letters in
//! one step, with SSE2 on x86-64 (through `safe_arch`, so this crate itself stays free of `unsafe`) and
//! with a plain loop elsewhere; the two are tested against each other.
//!
//! It knows only the *common* letters, ء to غ and ف to ي (U+0621–U+063A, U+0641–U+064A), and which of
//! them the default normaliser rewrites ([`DEFAULT_FOLDED`]). A run stops at anything else, a diacritic or
//! tatweel included, and the caller takes its general way from there. A caller whose normaliser folds
//! the common letters differently does not use it ([`folds_like_the_default`]).

/// The common letters the default normaliser rewrites: آ أ إ (to ا) and ى (to ي).
pub const DEFAULT_FOLDED: [char; 4] = ['آ', 'أ', 'إ', 'ى'];

/// Whether `ch` is one of the common Arabic letters [`letter_run`] measures.
pub const fn is_common_letter(ch: char) -> bool {
    matches!(ch, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}')
}

/// Whether a normaliser that rewrites exactly the common letters for which `folds` answers yes folds
/// them as the default one does: the condition for using [`LetterRun::kept`].
pub fn folds_like_the_default(folds: impl Fn(char) -> bool) -> bool {
    ('\u{0621}'..='\u{064A}')
        .filter(|&ch| is_common_letter(ch))
        .all(|ch| folds(ch) == DEFAULT_FOLDED.contains(&ch))
}

/// What [`letter_run`] found at the start of a window of sixteen bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LetterRun {
    /// How many common letters (0 to 8) the window starts with.
    pub letters: u32,
    /// How many of those, from the first, the default normaliser keeps as they are (up to the first of
    /// [`DEFAULT_FOLDED`]).
    pub kept: u32,
}

/// The run of common Arabic letters at the start of `window`, which must start on a character
/// boundary.
///
/// ```
/// use khabar_tokenize::runs::letter_run;
///
/// let run = letter_run("وأكد مصدر سياسي".as_bytes().first_chunk().unwrap());
/// assert_eq!((run.letters, run.kept), (4, 1)); // وأكد, then a space; أ is folded
/// ```
#[inline]
pub fn letter_run(window: &[u8; 16]) -> LetterRun {
    #[cfg(target_arch = "x86_64")]
    {
        sse2::letter_run(window)
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        portable_letter_run(window)
    }
}

/// [`letter_run`] one pair of bytes at a time: the reference, and the way on other processors.
#[cfg(any(not(target_arch = "x86_64"), test))]
fn portable_letter_run(window: &[u8; 16]) -> LetterRun {
    // Each pair of bytes as one big-endian number: a common letter's UTF-8 (ب, D8 A8, is 0xD8A8).
    let codes = window
        .chunks_exact(2)
        .map(|pair| u16::from_be_bytes([pair[0], pair[1]]));
    let is_letter = |code: &u16| matches!(code, 0xD8A1..=0xD8BA | 0xD981..=0xD98A);
    let is_kept =
        |code: &u16| is_letter(code) && !matches!(code, 0xD8A2 | 0xD8A3 | 0xD8A5 | 0xD989);
    LetterRun {
        letters: codes.clone().take_while(is_letter).count() as u32,
        kept: codes.take_while(is_kept).count() as u32,
    }
}

#[cfg(target_arch = "x86_64")]
mod sse2 {
    use super::LetterRun;
    use safe_arch::{
        add_i16_m128i, bitandnot_m128i, bitor_m128i, cmp_eq_mask_i16_m128i, cmp_lt_mask_i16_m128i,
        load_unaligned_m128i, m128i, move_mask_i8_m128i, pack_i16_to_i8_m128i, set_splat_i16_m128i,
        shl_imm_u16_m128i, shr_imm_u16_m128i,
    };

    /// Lanes of `codes` in `first..=last`, unsigned: shifted so that the range starts at `i16::MIN`,
    /// one signed comparison decides.
    #[inline(always)]
    fn in_range(codes: m128i, first: u16, last: u16) -> m128i {
        let shifted = add_i16_m128i(
            codes,
            set_splat_i16_m128i(0x8000u16.wrapping_sub(first) as i16),
        );
        let bound = (last - first + 1) ^ 0x8000;
        cmp_lt_mask_i16_m128i(shifted, set_splat_i16_m128i(bound as i16))
    }

    #[inline(always)]
    fn equal(codes: m128i, code: u16) -> m128i {
        cmp_eq_mask_i16_m128i(codes, set_splat_i16_m128i(code as i16))
    }

    #[inline]
    pub(super) fn letter_run(window: &[u8; 16]) -> LetterRun {
        let bytes = load_unaligned_m128i(window);
        // Each 16-bit lane holds one two-byte character, lead byte low: swapped, the lanes are the
        // characters' UTF-8 as big-endian numbers (ب, D8 A8, is 0xD8A8), which compare in code point
        // order.
        let codes = bitor_m128i(shl_imm_u16_m128i::<8>(bytes), shr_imm_u16_m128i::<8>(bytes));
        let letters = bitor_m128i(
            in_range(codes, 0xD8A1, 0xD8BA),
            in_range(codes, 0xD981, 0xD98A),
        );
        // آ أ (D8A2, D8A3), إ (D8A5), ى (D989).
        let folded = bitor_m128i(
            in_range(codes, 0xD8A2, 0xD8A3),
            bitor_m128i(equal(codes, 0xD8A5), equal(codes, 0xD989)),
        );
        let kept = bitandnot_m128i(folded, letters);
        // One bit a lane: the letters in bits 0–7, those kept in bits 8–15; a zero bit ends each run.
        let bits = move_mask_i8_m128i(pack_i16_to_i8_m128i(letters, kept)) as u32;
        LetterRun {
            letters: (!bits | 0x100).trailing_zeros(),
            kept: (!(bits >> 8) | 0x100).trailing_zeros(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Normalizer;
    use proptest::prelude::*;

    /// The first sixteen bytes of `text`, padded with spaces.
    fn window(text: &str) -> [u8; 16] {
        let mut window = [b' '; 16];
        let len = text.len().min(16);
        window[..len].copy_from_slice(&text.as_bytes()[..len]);
        window
    }

    #[test]
    fn runs_of_words_of_news() {
        let cases = [
            ("وأكد مصدر", 4, 1),
            ("السوداني ووزير", 8, 8),
            ("العراقية،", 8, 8),
            ("إلى جانب", 3, 0),
            ("مسؤولية الحكومة", 7, 7),
            ("المستشفى", 8, 7),
            // A diacritic, tatweel, a letter beyond the common ones or another script ends the run.
            ("أكّد", 2, 0),
            ("بـ40", 1, 1),
            ("پاکستان", 0, 0),
            ("Iraq", 0, 0),
            ("", 0, 0),
        ];
        for (text, letters, kept) in cases {
            let run = letter_run(&window(text));
            assert_eq!((run.letters, run.kept), (letters, kept), "{text}");
            assert_eq!(run, portable_letter_run(&window(text)), "{text}");
        }
    }

    #[test]
    fn the_default_normaliser_folds_the_common_letters_as_the_runs_assume() {
        let default = Normalizer::new();
        assert!(folds_like_the_default(|ch| default
            .normalize_str(&ch.to_string())
            != ch.to_string()));
        let keeps_alef = Normalizer::builder().alef(false).build();
        assert!(!folds_like_the_default(|ch| keeps_alef
            .normalize_str(&ch.to_string())
            != ch.to_string()));
        let folds_teh_marbuta = Normalizer::builder().teh_marbuta(true).build();
        assert!(!folds_like_the_default(|ch| folds_teh_marbuta
            .normalize_str(&ch.to_string())
            != ch.to_string()));
    }

    proptest! {
        /// Any sixteen bytes, weighted to the lead and trailing bytes of the Arabic block.
        #[test]
        fn sse2_and_portable_agree(window in proptest::array::uniform16(prop_oneof![
            Just(0xD8u8), Just(0xD9), Just(0xDA), 0x80u8..0xC0, any::<u8>(),
        ])) {
            prop_assert_eq!(letter_run(&window), portable_letter_run(&window));
        }

        /// Windows cut from Arabic text at any character boundary.
        #[test]
        fn sse2_and_portable_agree_on_arabic(
            text in "[\u{0620}-\u{064C}ک ،]{0,12}",
        ) {
            let run = letter_run(&window(&text));
            prop_assert_eq!(run, portable_letter_run(&window(&text)));
            let letters = text.chars().take_while(|&ch| is_common_letter(ch)).count().min(8);
            prop_assert_eq!(run.letters as usize, letters);
            let kept = text
                .chars()
                .take_while(|&ch| is_common_letter(ch) && !DEFAULT_FOLDED.contains(&ch))
                .count()
                .min(8);
            prop_assert_eq!(run.kept as usize, kept);
        }
    }
}
