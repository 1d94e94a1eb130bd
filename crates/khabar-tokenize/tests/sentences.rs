//! Sentence spans: where news sentences end, and where they must not.

mod common;

use khabar_tokenize::{Tokenizer, sentence_spans};

fn sentences(text: &str) -> Vec<&str> {
    Tokenizer::new()
        .sentences(text)
        .into_iter()
        .map(|s| &text[s])
        .collect()
}

/// One case a line: `name: input => [expected sentence texts]`.
macro_rules! sentence_cases {
    ($($name:ident: $input:expr => [$($s:expr),* $(,)?];)*) => {$(
        #[test]
        fn $name() {
            let expected: Vec<&str> = vec![$($s),*];
            assert_eq!(sentences($input), expected, "input: {:?}", $input);
        }
    )*};
}

sentence_cases! {
    empty: "" => [];
    only_space: " \n\n " => [];
    no_final_stop: "بغداد - الخبر" => ["بغداد - الخبر"];
    full_stops: "وصل الوفد. وبدأت المحادثات." => ["وصل الوفد.", "وبدأت المحادثات."];
    exclamation: "يا للهول! ماذا حدث" => ["يا للهول!", "ماذا حدث"];
    arabic_question: "أين أتوا إذاً؟ وكيف خرجوا" => ["أين أتوا إذاً؟", "وكيف خرجوا"];
    ascii_question: "هل وصلوا? نعم." => ["هل وصلوا?", "نعم."];
    ellipsis_run: "ليس هناك اي شيء رسمي... لننتظر اللحظة" => ["ليس هناك اي شيء رسمي...", "لننتظر اللحظة"];
    mixed_final_signs: "لحقيقتهم؟! تتقاضى إحدى فنانات اليوم" => ["لحقيقتهم؟!", "تتقاضى إحدى فنانات اليوم"];
    mixed_final_signs_then_quote: "قال «حقا؟!» ثم مضى." => ["قال «حقا؟!» ثم مضى."];
    paragraph_break: "السوداني يدعو لتعزيز التعاون\n\nرئيس الوزراء العراقي يرغب" =>
        ["السوداني يدعو لتعزيز التعاون", "رئيس الوزراء العراقي يرغب"];
    line_break: "مدرب الهلال\nأكد جيورجيوس" => ["مدرب الهلال", "أكد جيورجيوس"];
    crlf: "سطر أول\r\nسطر ثان" => ["سطر أول", "سطر ثان"];
    paragraph_separator: "سطر أول\u{2029}سطر ثان" => ["سطر أول", "سطر ثان"];
    // Never at the Arabic comma (pyarabic's bug), the semicolon or the colon.
    not_at_comma: "من البلاد، فيما لم تسجل المفاوضات أي تقدم." => ["من البلاد، فيما لم تسجل المفاوضات أي تقدم."];
    not_at_semicolon_or_colon: "اتفق الطرفان؛ حيث قال: نعم." => ["اتفق الطرفان؛ حيث قال: نعم."];
    // Not inside numbers.
    not_in_decimal: "ارتفع بنسبة 1.56 % ليغلق عند 8834.82 نقطة." => ["ارتفع بنسبة 1.56 % ليغلق عند 8834.82 نقطة."];
    not_in_arabic_decimal: "بلغ 19٫5 مليون. ثم" => ["بلغ 19٫5 مليون.", "ثم"];
    after_number: "في عام 2015. وقال" => ["في عام 2015.", "وقال"];
    // Not after abbreviations.
    abbreviation_dal: "بحضور المدير التنفيذي للجمعية د. عبدالله الدغيثر الذي قام بتكريم الشركة." =>
        ["بحضور المدير التنفيذي للجمعية د. عبدالله الدغيثر الذي قام بتكريم الشركة."];
    abbreviation_professor: "ودعا أ.د. سعد الحسين عميد شؤون أعضاء هيئة التدريس." =>
        ["ودعا أ.د. سعد الحسين عميد شؤون أعضاء هيئة التدريس."];
    abbreviation_latin: "قال Dr. Smith إن" => ["قال Dr. Smith إن"];
    // Not inside open quotations; a closing quotation mark glued to the stop stays with the sentence.
    guillemets_open: "وأضاف: «لن نتراجع. أبدا». ثم غادر." => ["وأضاف: «لن نتراجع. أبدا».", "ثم غادر."];
    // A stop inside the quotation does not end the sentence even right before the closing mark: Arabic
    // news goes on after a quotation (قال «...» مؤكدا أن ...).
    guillemets_stop_inside: "وأضاف: «أعتقد أن عملية السلام ستعزز.» وتابع." => ["وأضاف: «أعتقد أن عملية السلام ستعزز.» وتابع."];
    stop_after_closing_guillemet: "وأضاف: «أعتقد أن عملية السلام ستعزز». وتابع." => ["وأضاف: «أعتقد أن عملية السلام ستعزز».", "وتابع."];
    curly_quotes: "وقال دونيس “غياب كريري مؤثر. ونقف معه.”\nوأضاف المدرب. ثم" =>
        ["وقال دونيس “غياب كريري مؤثر. ونقف معه.”", "وأضاف المدرب.", "ثم"];
    curly_quotes_then_stop: "قال “لن نتراجع. أبدا”. ثم" => ["قال “لن نتراجع. أبدا”.", "ثم"];
    straight_quotes: "وقال \"لن نتراجع. أبدا\". ثم غادر" => ["وقال \"لن نتراجع. أبدا\".", "ثم غادر"];
    closing_quote_glued_to_stop: "انتهى الأمر.» ثم" => ["انتهى الأمر.»", "ثم"];
    question_exclamation_ascii: "حقا?! نعم" => ["حقا?!", "نعم"];
    nested_guillemets: "أن «كل طرف يعتبر أن «يتحرك» من مواقعه. من هذا» انتهى. بعده" =>
        ["أن «كل طرف يعتبر أن «يتحرك» من مواقعه. من هذا» انتهى.", "بعده"];
    unclosed_quote_closed_by_line_break: "قال «لن نتراجع. أبدا\nبغداد. دمشق" => ["قال «لن نتراجع. أبدا", "بغداد.", "دمشق"];
    url_not_split: "زيارة الرابط: http://albaha-award.org.sa. ثم" => ["زيارة الرابط: http://albaha-award.org.sa.", "ثم"];
}

#[test]
fn sentence_spans_matches_the_method() {
    let text = "وصل الوفد. وبدأت المحادثات، ثم توقفت.";
    let tokens = Tokenizer::new().tokens(text);
    assert_eq!(
        sentence_spans(text, &tokens),
        Tokenizer::new().sentences(text)
    );
}

#[test]
fn seed_article_sentences() {
    let Some(text) = common::seed_article() else {
        return;
    };
    let got = sentences(&text);
    // Title and subtitle, then one sentence per paragraph: the article has no stop inside a paragraph.
    assert_eq!(got.len(), 13);
    assert_eq!(
        got[0],
        "السوداني يدعو لتعزيز التعاون مع الناتو بعد انسحاب قوات التحالف"
    );
    assert_eq!(
        got[1],
        "رئيس الوزراء العراقي يرغب في تطوير التعاون مع حلف شمال الأطلسي في مجالات التدريب والتنسيق المعلوماتي مع القوات المسلحة."
    );
    assert!(got[2].starts_with("بغداد - دعا رئيس الوزراء العراقي"));
    assert!(got[2].ends_with("أي تقدّم."));
    assert!(got[3].ends_with("الإرهابية\"."));
    assert!(got[10].ends_with("الكردية العراقية."));
    assert!(got[11].ends_with("لاستقرار المنطقة."));
    assert!(got[12].ends_with("وخاصة الاقتصادية."));
    for s in &got {
        assert!(
            !s.ends_with('،')
                && !s.starts_with(char::is_whitespace)
                && !s.ends_with(char::is_whitespace)
        );
    }
}
