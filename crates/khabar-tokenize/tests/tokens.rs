//! Table-driven tokenizer tests on real Arabic: every case asserts the text each span selects.

mod common;

use khabar_tokenize::TokenKind::{self, *};
use khabar_tokenize::{Normalizer, Tokenizer};

/// The tokens of `text` as `(&text[span], kind)`, after checking that each token's `text` field is the
/// text its span selects.
fn tokens(text: &str) -> Vec<(&str, TokenKind)> {
    Tokenizer::new()
        .tokenize(text)
        .map(|t| {
            assert_eq!(&text[t.span], t.text, "token text and span disagree");
            (&text[t.span], t.kind)
        })
        .collect()
}

fn texts(text: &str) -> Vec<&str> {
    tokens(text).into_iter().map(|(t, _)| t).collect()
}

/// One case a line: `name: input => [expected token texts]`.
macro_rules! split_cases {
    ($($name:ident: $input:expr => [$($tok:expr),* $(,)?];)*) => {$(
        #[test]
        fn $name() {
            let expected: Vec<&str> = vec![$($tok),*];
            assert_eq!(texts($input), expected, "input: {:?}", $input);
        }
    )*};
}

/// One case a line: `name: input => [(expected text, kind), ...]`.
macro_rules! kind_cases {
    ($($name:ident: $input:expr => [$(($tok:expr, $kind:expr)),* $(,)?];)*) => {$(
        #[test]
        fn $name() {
            let expected: Vec<(&str, TokenKind)> = vec![$(($tok, $kind)),*];
            assert_eq!(tokens($input), expected, "input: {:?}", $input);
        }
    )*};
}

kind_cases! {
    arabic_words: "السوداني يدعو لتعزيز التعاون" =>
        [("السوداني", Arabic), ("يدعو", Arabic), ("لتعزيز", Arabic), ("التعاون", Arabic)];
    arabic_with_shadda: "لم تسجّل المفاوضات أي تقدّم." =>
        [("لم", Arabic), ("تسجّل", Arabic), ("المفاوضات", Arabic), ("أي", Arabic), ("تقدّم", Arabic), (".", Punctuation)];
    arabic_with_tatweel: "مدرب الهلال : كريــري سيغيب عن كـأس الســوبر" =>
        [("مدرب", Arabic), ("الهلال", Arabic), (":", Punctuation), ("كريــري", Arabic), ("سيغيب", Arabic),
         ("عن", Arabic), ("كـأس", Arabic), ("الســوبر", Arabic)];
    arabic_with_harakat: "﴿وَلِكُلِّ أَجِلٍ كِتَابٌ﴾" =>
        [("﴿", Punctuation), ("وَلِكُلِّ", Arabic), ("أَجِلٍ", Arabic), ("كِتَابٌ", Arabic), ("﴾", Punctuation)];
    arabic_tanwin_fath: "حرب عمرها 13 عامًا،" =>
        [("حرب", Arabic), ("عمرها", Arabic), ("13", Number), ("عامًا", Arabic), ("،", Punctuation)];
    arabic_zwnj_inside: "می\u{200C}خواهم" => [("می\u{200C}خواهم", Arabic)];
    arabic_zwnj_at_end_is_dropped: "كلمة\u{200C} أخرى" => [("كلمة", Arabic), ("أخرى", Arabic)];
    arabic_rlm_separates: "بغداد\u{200F}، دمشق" => [("بغداد", Arabic), ("،", Punctuation), ("دمشق", Arabic)];
    arabic_presentation_forms: "\u{FEFB}\u{FEF7}" => [("\u{FEFB}\u{FEF7}", Arabic)];
    latin_word: "مطعم «Black Cod»" =>
        [("مطعم", Arabic), ("«", Quote), ("Black", Latin), ("Cod", Latin), ("»", Quote)];
    latin_apostrophe: "don't" => [("don't", Latin)];
    latin_accented: "Café Müller" => [("Café", Latin), ("Müller", Latin)];
    other_script: "Москва" => [("Москва", OtherWord)];
    latin_glued_to_arabic: "pdfملف" => [("pdf", Latin), ("ملف", Arabic)];
    number_plain: "8800 نقطة" => [("8800", Number), ("نقطة", Arabic)];
    number_decimal_point: "ارتفاع بـ 135.65 نقطة بنسبة 1.56 %" =>
        [("ارتفاع", Arabic), ("بـ", Arabic), ("135.65", Number), ("نقطة", Arabic), ("بنسبة", Arabic),
         ("1.56", Number), ("%", Punctuation)];
    number_thousands_comma: "1,500,000 ريال" => [("1,500,000", Number), ("ريال", Arabic)];
    number_arabic_decimal: "19٫5 مليون" => [("19٫5", Number), ("مليون", Arabic)];
    number_arabic_thousands: "١٬٥٠٠ ريال" => [("١٬٥٠٠", Number), ("ريال", Arabic)];
    number_arabic_indic: "بمبلغ ١٥٠٠٠ ريال" => [("بمبلغ", Arabic), ("١٥٠٠٠", Number), ("ريال", Arabic)];
    number_persian: "۱۴۰۲" => [("۱۴۰۲", Number)];
    number_time_and_date: "10:30 في 2015/08/14" => [("10:30", Number), ("في", Arabic), ("2015/08/14", Number)];
    number_then_full_stop: "عام 2015." => [("عام", Arabic), ("2015", Number), (".", Punctuation)];
    number_then_comma_then_word: "عام 2015، وقال" =>
        [("عام", Arabic), ("2015", Number), ("،", Punctuation), ("وقال", Arabic)];
    number_glued_to_tatweel_preposition: "مهلة بـ40 يوما" =>
        [("مهلة", Arabic), ("بـ", Arabic), ("40", Number), ("يوما", Arabic)];
    number_glued_to_word: "40يوما" => [("40", Number), ("يوما", Arabic)];
    number_percent_arabic: "٥٪" => [("٥", Number), ("٪", Punctuation)];
    punctuation_arabic: "نعم، لا؛ متى؟" =>
        [("نعم", Arabic), ("،", Punctuation), ("لا", Arabic), ("؛", Punctuation), ("متى", Arabic), ("؟", Punctuation)];
    punctuation_ascii: "قال: لا! ثم. ماذا?" =>
        [("قال", Arabic), (":", Punctuation), ("لا", Arabic), ("!", Punctuation), ("ثم", Arabic), (".", Punctuation),
         ("ماذا", Arabic), ("?", Punctuation)];
    punctuation_run_same_sign: "رسمي... لننتظر" => [("رسمي", Arabic), ("...", Punctuation), ("لننتظر", Arabic)];
    punctuation_mixed_signs_split: "لحقيقتهم؟!" => [("لحقيقتهم", Arabic), ("؟", Punctuation), ("!", Punctuation)];
    punctuation_brackets: "(فاضحة )" => [("(", Punctuation), ("فاضحة", Arabic), (")", Punctuation)];
    quotes_straight: "حلف شمال الأطلسي \"ناتو\"" =>
        [("حلف", Arabic), ("شمال", Arabic), ("الأطلسي", Arabic), ("\"", Quote), ("ناتو", Arabic), ("\"", Quote)];
    quotes_guillemets: "«سالمونتيني».." =>
        [("«", Quote), ("سالمونتيني", Arabic), ("»", Quote), ("..", Punctuation)];
    quotes_curly_double: "“غياب كريري مؤثر”" =>
        [("“", Quote), ("غياب", Arabic), ("كريري", Arabic), ("مؤثر", Arabic), ("”", Quote)];
    quotes_curly_single: "‘نعم’" => [("‘", Quote), ("نعم", Arabic), ("’", Quote)];
    quotes_doubled_are_single_tokens: "««" => [("«", Quote), ("«", Quote)];
    symbols: "$ + = © €" => [("$", Symbol), ("+", Symbol), ("=", Symbol), ("©", Symbol), ("€", Symbol)];
    emoji_single: "رائع😀" => [("رائع", Arabic), ("😀", Emoji)];
    emoji_skin_tone: "👍🏽👍" => [("👍🏽", Emoji), ("👍", Emoji)];
    emoji_zwj_family: "👨\u{200D}👩\u{200D}👧 عائلة" => [("👨\u{200D}👩\u{200D}👧", Emoji), ("عائلة", Arabic)];
    emoji_flag: "🇸🇦🇮🇶" => [("🇸🇦", Emoji), ("🇮🇶", Emoji)];
    emoji_with_variation_selector: "❤\u{FE0F}!" => [("❤\u{FE0F}", Emoji), ("!", Punctuation)];
    hyphen_arabic_compound: "العلاقات العراقية-الأميركية" =>
        [("العلاقات", Arabic), ("العراقية-الأميركية", Arabic)];
    hyphen_spaced_is_punctuation: "بغداد - دعا" => [("بغداد", Arabic), ("-", Punctuation), ("دعا", Arabic)];
    hyphen_latin_compound: "COVID-19" => [("COVID-19", Latin)];
    slash_arabic: "و/أو" => [("و/أو", Arabic)];
    slash_latin: "and/or" => [("and/or", Latin)];
    slash_trailing_is_punctuation: "نعم/ لا" => [("نعم", Arabic), ("/", Punctuation), ("لا", Arabic)];
    url_http: "موقع الجائزة: http://albaha-award.org.sa." =>
        [("موقع", Arabic), ("الجائزة", Arabic), (":", Punctuation), ("http://albaha-award.org.sa", Url), (".", Punctuation)];
    url_in_parentheses: "(https://goo.gl/a0b4PV) ." =>
        [("(", Punctuation), ("https://goo.gl/a0b4PV", Url), (")", Punctuation), (".", Punctuation)];
    url_trailing_slash: "http://riyadhedu.org/moe/ رابط" => [("http://riyadhedu.org/moe/", Url), ("رابط", Arabic)];
    url_www: "www.spa.gov.sa،" => [("www.spa.gov.sa", Url), ("،", Punctuation)];
    email: "البريد (beephoto666@gmil.com)." =>
        [("البريد", Arabic), ("(", Punctuation), ("beephoto666@gmil.com", Email), (")", Punctuation), (".", Punctuation)];
    email_glued_to_arabic: "salem_sahab@hotmail.comللتواصل" =>
        [("salem_sahab@hotmail.com", Email), ("للتواصل", Arabic)];
    hashtag_arabic: "#تفجير_طوارئ_عسير" => [("#تفجير_طوارئ_عسير", Hashtag)];
    hashtag_then_stop: "هاشتاج #إيران_تستهدف_أمن_البحرين." =>
        [("هاشتاج", Arabic), ("#إيران_تستهدف_أمن_البحرين", Hashtag), (".", Punctuation)];
    hashtag_space_breaks_it: "#مجزرة _العيد" => [("#مجزرة", Hashtag), ("_", Punctuation), ("العيد", Arabic)];
    hashtag_bare_sign: "# 1" => [("#", Punctuation), ("1", Number)];
    mention: "@SPA_news قال" => [("@SPA_news", Mention), ("قال", Arabic)];
    // Regression found by tests/properties.rs: a prepended mark (U+0600, U+06DD) is a symbol alone,
    // never one cluster with the space or number after it.
    prepended_mark_before_space: "\u{0600} ١٢" => [("\u{0600}", Symbol), ("١٢", Number)];
    end_of_ayah_before_number: "\u{06DD}١٢" => [("\u{06DD}", Symbol), ("١٢", Number)];
    symbol_keeps_its_marks: "$\u{0301}" => [("$\u{0301}", Symbol)];
    keycap: "1\u{FE0F}\u{20E3}" => [("1", Number), ("\u{FE0F}\u{20E3}", Symbol)];
    mention_bare_sign: "@ نعم" => [("@", Punctuation), ("نعم", Arabic)];
}

split_cases! {
    empty: "" => [];
    only_spaces: " \t\n\u{00A0}\u{2009} " => [];
    only_invisible: "\u{200F}\u{200E}\u{061C}\u{FEFF}" => [];
    seed_first_line: "السوداني يدعو لتعزيز التعاون مع الناتو بعد انسحاب قوات التحالف" =>
        ["السوداني", "يدعو", "لتعزيز", "التعاون", "مع", "الناتو", "بعد", "انسحاب", "قوات", "التحالف"];
    seed_quoted_names: "حلف شمال الأطلسي \"ناتو\" بعد انسحاب" =>
        ["حلف", "شمال", "الأطلسي", "\"", "ناتو", "\"", "بعد", "انسحاب"];
    seed_quote_then_comma: "في المنطقة\"، كما" => ["في", "المنطقة", "\"", "،", "كما"];
    seed_deadline: "حددت للسوداني مهلة بـ40 يوما لحسم" => ["حددت", "للسوداني", "مهلة", "بـ", "40", "يوما", "لحسم"];
    seed_nbsp_before_break: "المنطقة.\u{00A0}\n\nوأكد" => ["المنطقة", ".", "وأكد"];
    corpus_abbreviation: "ودعا أ.د. سعد الحسين" => ["ودعا", "أ", ".", "د", ".", "سعد", "الحسين"];
    corpus_percent: "ما نسبته 0.46 في المائة" => ["ما", "نسبته", "0.46", "في", "المائة"];
    corpus_guillemet_inside: "«كل طرف يعتبر أن «يتحرك» من" =>
        ["«", "كل", "طرف", "يعتبر", "أن", "«", "يتحرك", "»", "من"];
}

// Peer bugs khabar must not have.

/// charabia splits words that start with ال / أل / إل / آل (إلى → إل + ى).
#[test]
fn words_starting_like_the_article_stay_whole() {
    for word in [
        "إلى",
        "آلاف",
        "الذي",
        "ألف",
        "إلغاء",
        "آلية",
        "التي",
        "الله",
        "الى",
    ] {
        let text = format!("قال {word} هنا");
        assert_eq!(texts(&text), ["قال", word, "هنا"], "word: {word}");
    }
}

/// anltk deletes the Arabic comma: it must be a punctuation token and survive normalisation.
#[test]
fn arabic_comma_is_a_token_and_survives_normalisation() {
    let text = "من البلاد، فيما لم";
    let toks = Tokenizer::new().tokens(text);
    let comma = toks.iter().find(|t| t.text == "،").expect("comma token");
    assert_eq!(comma.kind, Punctuation);
    assert_eq!(comma.norm, "،");
    assert_eq!(Normalizer::new().normalize_str(text), text);
    let all_on = Normalizer::builder()
        .teh_marbuta(true)
        .hamza_carriers(true)
        .quotes(true)
        .collapse_whitespace(true)
        .build();
    assert!(all_on.normalize_str(text).contains('،'));
}

#[test]
fn norms_are_folded() {
    let text = "وأكّد كريــري إلى ١٠ مستشفيات";
    let toks = Tokenizer::new().tokens(text);
    let norms: Vec<&str> = toks.iter().map(|t| &*t.norm).collect();
    assert_eq!(norms, ["واكد", "كريري", "الي", "10", "مستشفيات"]);
}

#[test]
fn custom_normalizer_is_used_for_norms() {
    let tokenizer = Tokenizer::with_normalizer(Normalizer::builder().alef(false).build());
    let toks = tokenizer.tokens("وأكّد");
    assert_eq!(toks[0].norm, "وأكد");
}

#[test]
fn seed_article_tokens() {
    let Some(text) = common::seed_article() else {
        return;
    };
    let toks = Tokenizer::new().tokens(&text);
    // Spans are valid, in order, and never contain a separator at either end.
    let mut prev = 0;
    for t in &toks {
        assert!(t.span.start >= prev);
        prev = t.span.end;
        assert!(!t.text.starts_with(char::is_whitespace) && !t.text.ends_with(char::is_whitespace));
    }
    let count = |kind| toks.iter().filter(|t| t.kind == kind).count();
    assert_eq!(count(Quote), 12);
    assert_eq!(count(Number), 1);
    assert_eq!(toks.iter().filter(|t| t.text == "،").count(), 12);
    assert!(toks.iter().any(|t| t.text == "تسجّل" && t.norm == "تسجل"));
    assert!(toks.iter().any(|t| t.text == "تعوّل" && t.norm == "تعول"));
    // The no-break space before the paragraph break belongs to no token.
    assert!(toks.iter().all(|t| !t.text.contains('\u{00A0}')));
    let last = toks.last().unwrap();
    assert_eq!((last.text, last.kind), (".", Punctuation));
}
