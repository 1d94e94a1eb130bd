//! The normaliser: each fold switch on and off, and the map back to the original text for each kind of
//! edit (replacement, deletion, expansion, shrinking, invisible characters).

mod common;

use khabar_tokenize::{Normalizer, NormalizerBuilder, Span, is_arabic_diacritic, is_invisible};

fn norm(builder: &NormalizerBuilder, text: &str) -> String {
    builder.build().normalize_str(text).into_owned()
}

/// One case a line: `name: |builder setup| input => expected`, where the setup configures a default
/// builder (`|b| {}` keeps the defaults).
macro_rules! fold_cases {
    ($($name:ident: |$b:ident| $setup:block $input:expr => $expected:expr;)*) => {$(
        #[test]
        fn $name() {
            #[allow(unused_mut)]
            let mut $b = Normalizer::builder();
            $setup;
            assert_eq!(norm(&$b, $input), $expected, "input: {:?}", $input);
        }
    )*};
}

fold_cases! {
    // Presentation forms (NFKC).
    presentation_lam_alef: |b| {} "\u{FEFB}" => "لا";
    presentation_lam_alef_hamza: |b| {} "\u{FEF7}" => "لا";
    presentation_lam_alef_hamza_alef_off: |b| { b.alef(false); } "\u{FEF7}" => "لأ";
    presentation_allah: |b| {} "\u{FDF2}" => "الله";
    presentation_letter_forms: |b| {} "\u{FEDF}\u{FEE4}\u{FE94}" => "لمة";
    presentation_off: |b| { b.presentation_forms(false); } "\u{FEFB}" => "\u{FEFB}";
    presentation_ornate_parentheses_kept: |b| {} "\u{FD3E}نص\u{FD3F}" => "\u{FD3E}نص\u{FD3F}";
    // Tatweel.
    tatweel_removed: |b| {} "كريــري" => "كريري";
    tatweel_removed_before_hamza: |b| { b.alef(false); } "كـأس" => "كأس";
    tatweel_off: |b| { b.tatweel(false); } "الســوبر" => "الســوبر";
    // Diacritics.
    diacritic_shadda: |b| {} "تسجّل" => "تسجل";
    diacritic_harakat_tanwin_sukun: |b| {} "وَلِكُلِّ أَجِلٍ كِتَابٌ عامًا مِنْ" => "ولكل اجل كتاب عاما من";
    diacritic_superscript_alef: |b| {} "هٰذا" => "هذا";
    diacritic_quranic_marks: |b| {} "ٱلرَّحِيمِ\u{06D6} \u{0610}ص\u{06DA}" => "الرحيم ص";
    diacritic_hamza_marks: |b| {} "ا\u{0654}\u{0655}" => "ا";
    diacritic_off: |b| { b.diacritics(false); } "تسجّل" => "تسجّل";
    diacritic_off_superscript_alef: |b| { b.diacritics(false); } "هٰذا" => "هٰذا";
    // Alef variants.
    alef_variants: |b| {} "أ إ آ ٱ" => "ا ا ا ا";
    alef_in_words: |b| {} "أكد إلى آلاف ٱلله" => "اكد الي الاف الله";
    alef_off: |b| { b.alef(false); } "أ إ آ ٱ" => "أ إ آ ٱ";
    // Alef maqsura.
    alef_maqsura: |b| {} "على مستشفى" => "علي مستشفي";
    alef_maqsura_off: |b| { b.alef_maqsura(false); b.alef(false); } "إلى" => "إلى";
    // Ta marbuta: only when switched on.
    teh_marbuta_default_off: |b| {} "مدينة العاصمة" => "مدينة العاصمة";
    teh_marbuta_on: |b| { b.teh_marbuta(true); } "مدينة العاصمة" => "مدينه العاصمه";
    // Hamza carriers: only when switched on.
    hamza_carriers_default_off: |b| {} "رؤية كتائب" => "رؤية كتائب";
    hamza_carriers_on: |b| { b.hamza_carriers(true); } "رؤية كتائب" => "روية كتايب";
    // Persian letters.
    persian_letters: |b| {} "ی ک ہ" => "ي ك ه";
    persian_letters_off: |b| { b.persian_letters(false); } "ی ک ہ" => "ی ک ہ";
    // Digits.
    digits_arabic_indic: |b| {} "٠١٢٣٤٥٦٧٨٩" => "0123456789";
    digits_persian: |b| {} "۰۱۲۳۴۵۶۷۸۹" => "0123456789";
    digits_separators_kept: |b| {} "١٩٫٥ و١٬٥٠٠" => "19٫5 و1٬500";
    digits_off: |b| { b.digits(false); } "١٥٠٠٠" => "١٥٠٠٠";
    // Invisible characters.
    invisible_bidi_marks: |b| {} "\u{200F}بغداد\u{200E} \u{061C}دمشق" => "بغداد دمشق";
    invisible_embeddings_isolates: |b| {} "\u{202B}نص\u{202C} \u{2067}نص\u{2069}" => "نص نص";
    invisible_zwnj_zwj: |b| {} "می\u{200C}خواهم ل\u{200D}" => "ميخواهم ل";
    invisible_zwsp_wj_bom: |b| {} "\u{FEFF}أ\u{200B}ب\u{2060}" => "اب";
    invisible_off: |b| { b.invisible(false); } "ا\u{200C}ب\u{200F}" => "ا\u{200C}ب\u{200F}";
    // Spaces.
    spaces_nbsp: |b| {} "المنطقة.\u{00A0}\n" => "المنطقة. \n";
    spaces_others: |b| {} "a\u{2002}b\u{2009}c\u{202F}d\u{3000}e\u{205F}f" => "a b c d e f";
    spaces_ascii_whitespace_kept: |b| {} "a\tb\nc" => "a\tb\nc";
    spaces_off: |b| { b.spaces(false); } "a\u{00A0}b" => "a\u{00A0}b";
    // Quotes and whitespace collapsing (both off by default).
    quotes_default_off: |b| {} "«ناتو» “x” 'y'" => "«ناتو» “x” 'y'";
    quotes_on: |b| { b.quotes(true); } "«ناتو» “x” 'y' \"z\"" => "\"ناتو\" \"x\" \"y\" \"z\"";
    collapse_default_off: |b| {} "a  \n\tb" => "a  \n\tb";
    collapse_on: |b| { b.collapse_whitespace(true); } "a  \n\tb\u{00A0}\u{00A0}c" => "a b c";
    collapse_across_invisible: |b| { b.collapse_whitespace(true); } "a \u{200F} b" => "a b";
    // Regressions found by tests/properties.rs: the isolated harakat forms decompose (NFKC) to a space
    // plus the mark; the space is not kept, so collapsing whitespace is idempotent.
    isolated_harakat_dropped: |b| {} "ب\u{FE72}ت" => "بت";
    isolated_harakat_kept_as_mark: |b| { b.diacritics(false); } "\u{FE72}\u{FC60}" => "\u{064C}\u{064E}\u{0651}";
    isolated_harakat_collapse: |b| { b.collapse_whitespace(true); } " \u{FE72}" => " ";
    empty_fold_keeps_space_run_open: |b| { b.collapse_whitespace(true); } " \u{FE76} " => " ";
    // Everything at once, and nothing at all.
    all_off: |b| {
        b.presentation_forms(false).tatweel(false).diacritics(false).alef(false).alef_maqsura(false)
            .persian_letters(false).digits(false).invisible(false).spaces(false);
    } "وأكّد كـ١\u{00A0}\u{200F}\u{FEFB}ی" => "وأكّد كـ١\u{00A0}\u{200F}\u{FEFB}ی";
    defaults_mixed: |b| {} "وأكّد كـ١\u{00A0}\u{200F}\u{FEFB}ی" => "واكد ك1 لاي";
}

#[test]
fn arabic_comma_survives_every_switch_combination() {
    for bits in 0u32..(1 << 6) {
        let mut b = Normalizer::builder();
        b.teh_marbuta(bits & 1 != 0)
            .hamza_carriers(bits & 2 != 0)
            .quotes(bits & 4 != 0)
            .collapse_whitespace(bits & 8 != 0)
            .diacritics(bits & 16 != 0)
            .presentation_forms(bits & 32 != 0);
        assert_eq!(norm(&b, "البلاد، فيما؛ ماذا؟"), "البلاد، فيما؛ ماذا؟");
    }
}

#[test]
fn unchanged_text_is_borrowed() {
    let text = "السوداني يدعو لتعزيز التعاون";
    assert!(matches!(
        Normalizer::new().normalize_str(text),
        std::borrow::Cow::Borrowed(_)
    ));
    let normalized = Normalizer::new().normalize(text);
    assert_eq!(normalized.edit_count(), 0);
    let span = Span::new(0, "السوداني".len());
    assert_eq!(normalized.to_original(span), span);
    assert_eq!(normalized.to_normalized(span), span);
}

#[test]
fn drops_reports_removed_characters() {
    let n = Normalizer::new();
    for ch in [
        '\u{0640}', '\u{0651}', '\u{064E}', '\u{0670}', '\u{200C}', '\u{200F}', '\u{FEFF}',
    ] {
        assert!(n.drops(ch), "{ch:?}");
    }
    for ch in ['ا', 'أ', '،', ' ', '\u{00A0}', '١'] {
        assert!(!n.drops(ch), "{ch:?}");
    }
    assert!(
        !Normalizer::builder()
            .diacritics(false)
            .build()
            .drops('\u{0651}')
    );
}

#[test]
fn character_class_helpers() {
    assert!(
        is_arabic_diacritic('\u{0651}')
            && is_arabic_diacritic('\u{0670}')
            && is_arabic_diacritic('\u{06D6}')
    );
    assert!(!is_arabic_diacritic('\u{0640}') && !is_arabic_diacritic('ا'));
    assert!(is_invisible('\u{200C}') && is_invisible('\u{200D}') && is_invisible('\u{061C}'));
    assert!(!is_invisible(' ') && !is_invisible('\u{00A0}'));
}

/// Where the `n`-th occurrence of `needle` is in `haystack`, as a span.
fn find(haystack: &str, needle: &str) -> Span {
    let start = haystack
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {haystack:?}"));
    Span::new(start, start + needle.len())
}

/// One case a line: `name: input, normalised substring => original text it maps back to`, checked both
/// ways: `to_original` of the substring, and `to_normalized` of that original text.
macro_rules! map_cases {
    ($($name:ident: $input:expr, $norm_part:expr => $orig_part:expr;)*) => {$(
        #[test]
        fn $name() {
            let text: &str = $input;
            let normalized = Normalizer::new().normalize(text);
            let norm_span = find(normalized.as_str(), $norm_part);
            let orig = normalized.to_original(norm_span);
            assert_eq!(&text[orig], $orig_part, "to_original in {text:?}");
            let back = normalized.to_normalized(orig);
            assert_eq!(&normalized.as_str()[back], $norm_part, "to_normalized in {text:?}");
        }
    )*};
}

map_cases! {
    map_unchanged_after_edits: "وأكّد مصدر سياسي", "مصدر" => "مصدر";
    map_same_length_replacement: "قال أحمد", "احمد" => "أحمد";
    map_replacement_alone: "وأحمد", "ا" => "أ";
    map_deletion_inside: "تسجّل المفاوضات", "تسجل" => "تسجّل";
    map_deletion_after_span: "تسجّل", "تسج" => "تسجّ";
    map_deletion_before_span: "تسجّل", "ل" => "ل";
    map_tatweel_run: "كريــري سيغيب", "كريري" => "كريــري";
    map_all_marks: "وَلِكُلِّ أَجِلٍ", "ولكل" => "وَلِكُلِّ";
    map_shrinking_digits: "مهلة ١٥٠٠٠ ريال", "15000" => "١٥٠٠٠";
    map_shrinking_digit_inside: "مهلة ١٥٠٠٠ ريال", "50" => "٥٠";
    map_shrinking_then_word: "مهلة ١٥٠٠٠ ريال", "ريال" => "ريال";
    map_digit_with_mark: "٣ّ ريال", "3" => "٣ّ";
    map_expansion_ligature: "قال \u{FDF2} أكبر", "الله" => "\u{FDF2}";
    map_expansion_followed: "قال \u{FDF2} أكبر", "اكبر" => "أكبر";
    map_lam_alef: "\u{FEFB} شك", "لا" => "\u{FEFB}";
    map_nbsp: "المنطقة.\u{00A0}\nوأكد", " " => "\u{00A0}";
    map_invisible_inside: "می\u{200C}خواهم", "ميخواهم" => "می\u{200C}خواهم";
    map_invisible_trimmed_at_ends: "\u{200F}بغداد\u{200F} دمشق", "بغداد" => "بغداد";
    map_invisible_trimmed_after_mark: "بغدادُ\u{200F} دمشق", "بغداد" => "بغدادُ";
}

#[test]
fn map_edges_inside_an_edit_widen() {
    let text = "قال \u{FDF2} أكبر";
    let normalized = Normalizer::new().normalize(text);
    // Part of the expansion maps back to the whole ligature.
    let inside = find(normalized.as_str(), "لل");
    assert_eq!(&text[normalized.to_original(inside)], "\u{FDF2}");
    // The ligature maps forward to all of its expansion.
    let lig = find(text, "\u{FDF2}");
    assert_eq!(&normalized.as_str()[normalized.to_normalized(lig)], "الله");
}

#[test]
fn map_deleted_characters_alone() {
    let text = "تسجّل";
    let normalized = Normalizer::new().normalize(text);
    let shadda = find(text, "\u{0651}");
    let n = normalized.to_normalized(shadda);
    assert!(n.is_empty());
    assert_eq!(&normalized.as_str()[..n.start], "تسج");
}

#[test]
fn map_out_of_range_is_clamped() {
    let text = "أكّد";
    let normalized = Normalizer::new().normalize(text);
    let all = normalized.to_original(Span::new(0, 1000));
    assert_eq!(&text[all], text);
    let all = normalized.to_normalized(Span::new(0, 1000));
    assert_eq!(&normalized.as_str()[all], "اكد");
}

#[test]
fn seed_article_nbsp_and_shadda() {
    let Some(text) = common::seed_article() else {
        return;
    };
    let text = text.as_str();
    let normalized = Normalizer::new().normalize(text);
    let out = normalized.as_str();
    assert!(!out.contains('\u{00A0}') && !out.contains('\u{0651}'));
    assert_eq!(out.matches('،').count(), 12);
    // With only the diacritic and space folds on, the five shaddas and the no-break space are the only
    // edits, and the text shrinks by their bytes minus the one byte of the new space.
    let only = Normalizer::builder()
        .presentation_forms(false)
        .tatweel(false)
        .alef(false)
        .alef_maqsura(false)
        .persian_letters(false)
        .digits(false)
        .invisible(false)
        .build();
    let few = only.normalize(text);
    assert_eq!(few.edit_count(), 6);
    assert_eq!(few.as_str().len(), text.len() - 5 * 2 - 2 + 1);
    // The no-break space maps both ways.
    let nbsp = find(text, "\u{00A0}");
    let n = normalized.to_normalized(nbsp);
    assert_eq!(&out[n], " ");
    assert_eq!(normalized.to_original(n), nbsp);
    // Every shadda word maps back to its original spelling.
    for (plain, marked) in [
        ("تسجل", "تسجّل"),
        ("تقدم.", "تقدّم."),
        ("مبطنا", "مبطّنا"),
        ("تعول", "تعوّل"),
        ("تغول", "تغوّل"),
    ] {
        let span = find(out, plain);
        assert_eq!(&text[normalized.to_original(span)], marked);
    }
}
